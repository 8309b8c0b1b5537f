import json
import time

import pytest

import projextract
from projextract.corpus.validate import validate_record


def test_seed_offsets_index_the_raw_text_and_follow_the_schema(seeds):
    for name, text in seeds.items():
        result = projextract.parse(text, id=name).to_dict()
        assert result["text"] == text
        for span in result["spans"]:
            assert text[span["start"]:span["end"]] == span["text"], (name, span)
        record = {**result, "meta": {}}
        problems = [p for p in validate_record(record, require_meta=False) if "officials" not in p]
        assert problems == [], (name, problems)
        for event in result["events"]:
            assert set(event) == {"type", "project", "zone", "investment", "count", "date", "planned"}


def test_seed_mojibake_is_repaired(seeds):
    repaired = {r["repaired"] for text in seeds.values() for r in projextract.parse(text).to_dict()["repairs"]}
    assert any("活動以視頻" in r for r in repaired)
    assert any("工投產" in r for r in repaired)


def test_bytes_are_decoded_and_the_encoding_recorded():
    text = "市委书记李云峰出席签约仪式。"
    for encoding in ("utf-8", "gb18030"):
        article = projextract.parse(text.encode(encoding))
        assert article.text == text and article.encoding == encoding
    big5 = projextract.parse("市委書記李雲峰出席簽約儀式。".encode("big5"))
    assert big5.encoding == "big5" and "李雲峰" in big5.text


@pytest.mark.parametrize("bad", [None, 42, ["text"], {"text": "x"}])
def test_non_text_input_raises_type_error_naming_the_type(bad):
    with pytest.raises(TypeError, match=type(bad).__name__):
        projextract.parse(bad)


def test_malformed_published_date_is_rejected():
    with pytest.raises(ValueError, match="published"):
        projextract.parse("签约项目12个", published="last week")


@pytest.mark.parametrize("blank", ["", "   \n\t "])
def test_empty_text_gives_an_empty_article(blank):
    article = projextract.parse(blank)
    assert article.spans == () and article.events == () and article.text == blank


def test_relative_dates_resolve_against_published():
    text = "昨日上午，恒锐年产20万吨再生铜杆项目签约仪式在梧州高新区举行。"
    events = projextract.parse(text, published="2025-09-17").to_dict()["events"]
    assert events and all(e["date"] == "2025-09-16" for e in events)


def test_parse_many_keeps_order_and_empty_items():
    items = ["签约项目12个，总投资86.3亿元。", "", ("集中开工项目8个，总投资41.6亿元。", {"id": "b"})]
    results = list(projextract.parse_many(items))
    assert [r.text for r in results] == ["签约项目12个，总投资86.3亿元。", "", "集中开工项目8个，总投资41.6亿元。"]
    assert results[2].id == "b"
    assert results[0].events[0].count == 12 and results[2].events[0].type == "groundbreaking"


def test_a_megabyte_article_parses_in_linear_time():
    paragraph = "4月9日上午，祁县经济开发区集中开工项目8个，总投资41.6亿元，县委书记郭建伟出席。\n"
    small, large = paragraph * 240, paragraph * 24000
    assert len(large) > 1_000_000
    started = time.perf_counter()
    projextract.parse(small)
    small_time = time.perf_counter() - started
    started = time.perf_counter()
    article = projextract.parse(large)
    large_time = time.perf_counter() - started
    assert len(article.spans) > 20000
    assert large_time < 100 * small_time * 3  # 100x the text, well under quadratic


def test_to_dict_is_json_serializable(seeds):
    json.dumps(projextract.parse(next(iter(seeds.values()))).to_dict(), ensure_ascii=False)


def test_parse_many_with_two_processes_gives_the_same_results(seeds):
    texts = list(seeds.values())[:3] + [""]
    assert [a.to_dict() for a in projextract.parse_many(texts, n_process=2, batch_size=1)] == \
        [a.to_dict() for a in projextract.parse_many(texts)]
