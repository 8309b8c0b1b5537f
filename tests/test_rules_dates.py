"""Time expressions resolved against a full or partial publication date (rules/dates.py, date_words.json)."""

import pytest
import spacy

from projextract.rules.dates import Anchor, DateRules, cn_number, find_dates
from projextract.tables import load_table


def values(text: str, published: str | None) -> dict[str, str | None]:
    return {text[d.start:d.end]: d.value for d in find_dates(text, Anchor.parse(published))}


@pytest.mark.parametrize("text, expected", [
    ("2025年3月5日", "2025-03-05"), ("二〇二五年三月", "2025-03"), ("2024年底", "2024"), ("2019年第一季度", "2019"),
    ("3月5日", "2025-03-05"), ("今年6月", "2025-06"), ("去年12月", "2024-12"), ("明年二季度", "2026"),
    ("上月", "2025-01"), ("本月", "2025-02"), ("昨日", "2025-02-06"), ("上半年", "2025"), ("年内", "2025"),
    ("1至5月", "2025"), ("截至10月底", "2025-10"), ("截至目前", "2025-02"), ("目前", "2025"),
    ("今年以来", "2025"), ("3月底前", "2025-03"), ("十二月", "2025-12"),
])
def test_resolution_against_a_full_date(text, expected):
    assert values(text, "2025-02-07")[text] == expected


def test_a_partial_anchor_dates_what_it_can_and_never_guesses():
    assert values("7月", "2018-08")["7月"] == "2018-07"
    assert values("4月9日上午", "2018")["4月9日"] == "2018-04-09"  # the year is known
    assert values("昨日", "2018-08")["昨日"] is None                # the day is not
    assert values("上月", "2018")["上月"] is None
    assert values("3月5日", None)["3月5日"] is None


def test_future_flag_and_kinds():
    found = {d.value: d for d in find_dates("明年3月投产，去年签约，当天开工，5月开工", Anchor.parse("2025-02-07"))}
    assert found["2026-03"].future is True and found["2024"].future is False
    kinds = {d.kind for d in found.values()}
    assert {"context_day", "context_month"} <= kinds


def test_a_date_opening_a_clause_frames_it():
    text = "截至8月底，已开工143个，计划2019年春季项目开工"
    framing = {text[d.start:d.start + 4]: d.framing for d in find_dates(text, Anchor.parse("2020-09-15"))}
    assert framing["截至8月"] and not framing["2019"]


def test_chinese_numbers():
    assert cn_number("十二") == 12 and cn_number("二〇二五") == 2025 and cn_number("一百二十") == 120


def test_adding_a_date_word_is_a_one_line_data_change():
    table = load_table("date_words")
    assert "岁末" not in values("岁末", "2025-02-07")
    table["year_periods"].append("岁末")
    assert [d.value for d in find_dates("岁末", Anchor.parse("2025-02-07"), DateRules(table))] == ["2025"]


def test_the_dates_component_takes_the_table_and_sets_doc_dates():
    nlp = spacy.blank("zh")
    dates = nlp.add_pipe("projextract_dates")
    dates.add_entries("date_words", "year_periods", ["岁末"])
    doc = nlp.make_doc("岁末，项目开工")
    doc._.published = "2025-12-30"
    doc = dates(doc)
    assert doc._.dates[0][:3] == [0, 2, "2025"]


def test_dates_component_scores_recall_of_gold_event_dates():
    import spacy
    from spacy.training import Example

    nlp = spacy.blank("zh")
    nlp.add_pipe("projextract_dates")
    doc = nlp.make_doc("4月9日上午，活动举行。")
    doc._.published = "2025-04-10"
    predicted = nlp(doc)
    reference = nlp.make_doc(predicted.text)
    reference.user_data["gold"] = {"events": [{"date": "2025-04-09"}, {"date": "2025-05"}]}
    assert nlp.get_pipe("projextract_dates").score([Example(predicted, reference)]) == {"dates_recall": 0.5}
