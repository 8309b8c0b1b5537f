"""Corpus tooling: conversions (DocBin, Label Studio, doccano, datasets), stats, agreement, CLI."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from projextract.cli import app
from projextract.corpus import agree, interchange, stats
from projextract.corpus.authoring import compile_source
from projextract.corpus.build import read_jsonl, write_jsonl
from projextract.corpus.validate import validate_record, validate_records

ROOT = Path(__file__).resolve().parent.parent

SOURCES = [
    """id: t-0001
published: 2025-04-10
province: 山西
script: simplified
form: three_batches
---
祁县举行2025年第二季度“三个一批”活动
签约项目12个 总投资[[M:86.3亿元]]
4月9日上午，主会场设在[[Z:祁县经济开发区]][[Z:昌源工业园区]][[P:晋融新材料年产3万吨特种玻璃纤维项目]]施工现场。\
市委常委、常务副市长[[O:范志刚]]出席。此次活动共签约项目12个，总投资[[M:86.3亿元]]；集中开工项目8个，其中\
[[P:华丰年产5000吨酥梨饮品项目]]总投资[[M:5.2亿元]]，达产后年产值可达[[M:6亿元]]。[[O:范志刚]]强调，要确保项目早投产、早达效。县长[[O:王慧敏]]主持。
记者 任晓燕
---events
signing | - | - | 86.3亿 | 12 | 2025-04-09 | done
groundbreaking | 晋融新材料年产3万吨特种玻璃纤维项目 | 昌源工业园区 | - | - | 2025-04-09 | done
groundbreaking | - | - | - | 8 | 2025-04-09 | done
groundbreaking | 华丰年产5000吨酥梨饮品项目 | - | 5.2亿 | - | 2025-04-09 | done
---officials
范志刚 | 市委常委; 常务副市长
王慧敏 | 县长
""",
    """id: t-0002
published: 2025-09-17
province: 广西
script: traditional
form: signing
---
梧州高新區舉行項目簽約暨開(kāi)工儀式
本報訊 昨日,,[[Z:梧州高新區]]舉行[[P:恆銳(ruì)銅加工一期項目]]\
簽約暨開(kāi)工儀式,項目總投資[[M:3億美元]]（約合[[M:人民幣(bì)21.6億元]]）。\
[[Z:梧州高新區]]黨工委書(shū)記(jì)[[O:韋衛(wèi)寧(níng)]]出席,,副市長[[O:李明]]致辭。項目計劃明年底建成投產，達產後年產值可達[[M:50億元]]。
---events
signing | 恆銳(ruì)銅加工一期項目 | 梧州高新區 | 21.6亿 | - | 2025-09-16 | done
groundbreaking | 恆銳(ruì)銅加工一期項目 | 梧州高新區 | 21.6亿 | - | 2025-09-16 | done
commissioning | 恆銳(ruì)銅加工一期項目 | 梧州高新區 | 21.6亿 | - | 2026 | planned
---officials
韋衛(wèi)寧(níng) | 梧州高新區黨工委書(shū)記(jì)
李明 | 副市長
""",
    """id: t-0003
published: 2024-12
province: 浙江
script: simplified
form: review_plan
---
𠮷安讯 [[Z:金华经济技术开发区]]全年累计签约项目46个，[[P:恒泰精密轴承生产基地]]10月建成投产，\
总投资[[M:12亿元]]。副区长[[O:陈立群]]介绍，明年计划新开工项目20个。
---events
signing | - | 金华经济技术开发区 | - | 46 | 2024 | done
commissioning | 恒泰精密轴承生产基地 | 金华经济技术开发区 | 12亿 | - | 2024-10 | done
groundbreaking | - | - | - | 20 | 2025 | planned
---officials
陈立群 | 副区长
""",
]

_COMPILED = [compile_source(source) for source in SOURCES]


def records() -> list[dict]:
    """Fresh copies of the three fixture records (valid under validate.py)."""
    return copy.deepcopy(_COMPILED)


def test_fixtures_are_valid():
    for record in records():
        assert validate_record(record) == [], record["id"]


# ---------------------------------------------------------------------------- DocBin


def test_jsonl_docbin_jsonl_round_trip(nlp):
    from spacy.tokens import DocBin

    from projextract.corpus.convert import docbin_to_records, records_to_docbin

    original = records()
    stored = DocBin().from_bytes(records_to_docbin(original, nlp).to_bytes())
    assert docbin_to_records(stored, nlp) == original


def test_docbin_docs_hold_normalized_text_and_gold_entities(nlp):
    from projextract.corpus.convert import records_to_docbin

    record = records()[1]
    (doc,) = records_to_docbin([record], nlp).get_docs(nlp.vocab)
    assert "開(kāi)" not in doc.text and "开工" in doc.text  # glosses out, Simplified in
    assert [ent.label_ for ent in doc.ents] == [s["label"] for s in record["spans"]]
    assert "恒锐铜加工一期项目" in [ent.text for ent in doc.ents]


def test_convert_command_round_trips_through_spacy_and_parquet(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_jsonl(corpus / "train.jsonl", records()[:2])
    write_jsonl(corpus / "dev.jsonl", records()[2:])
    runner = CliRunner()
    for args in (["corpus", "convert", str(corpus / "train.jsonl"), str(tmp_path / "train.spacy")],
                 ["corpus", "convert", str(tmp_path / "train.spacy"), str(tmp_path / "back.jsonl")],
                 ["corpus", "convert", str(corpus), str(tmp_path / "pq")],
                 ["corpus", "convert", str(tmp_path / "pq"), str(tmp_path / "pq-back")]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
    assert list(read_jsonl(tmp_path / "back.jsonl")) == records()[:2]
    assert sorted(p.name for p in (tmp_path / "pq").iterdir()) == ["dev.parquet", "train.parquet"]
    assert list(read_jsonl(tmp_path / "pq-back" / "train.jsonl")) == records()[:2]
    assert list(read_jsonl(tmp_path / "pq-back" / "dev.jsonl")) == records()[2:]


# ---------------------------------------------------------------------------- datasets


def test_jsonl_datasets_jsonl_round_trip(tmp_path):
    from projextract.corpus import load, save
    from projextract.corpus.hf import dataset_dict_to_records, records_to_dataset_dict

    splits = {"train": records()[:2], "dev": records()[2:], "test": []}
    dataset_dict = records_to_dataset_dict(splits)
    assert set(dataset_dict) == {"train", "dev", "test"}
    assert dataset_dict["train"].features == dataset_dict["test"].features
    assert dataset_dict_to_records(dataset_dict) == splits

    save(dataset_dict, tmp_path / "parquet")
    assert dataset_dict_to_records(load(tmp_path / "parquet")) == splits

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, items in splits.items():
        write_jsonl(corpus / f"{name}.jsonl", items)
    loaded = load(corpus)
    assert list(loaded) == ["train", "dev", "test"]
    assert loaded["train"][0]["spans"][0] == records()[0]["spans"][0]


def test_datasets_keep_extra_keys_and_optional_meta():
    from projextract.corpus.hf import dataset_dict_to_records, records_to_dataset_dict

    first, second = records()[:2]
    first["meta"]["editor"] = "qa"
    first["note"] = "checked twice"
    first["spans"][0]["text"] = first["text"][first["spans"][0]["start"]:first["spans"][0]["end"]]
    splits = {"train": [first, second]}
    assert dataset_dict_to_records(records_to_dataset_dict(splits)) == splits


def test_corpus_package_import_stays_light():
    code = "import sys, projextract.corpus; sys.exit('datasets' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# ---------------------------------------------------------------------------- Label Studio / doccano


def test_jsonl_label_studio_jsonl_round_trip(tmp_path):
    original = records()
    original[0]["note"] = "kept"
    tasks = interchange.to_label_studio(original)
    result = tasks[0]["annotations"][0]["result"][0]
    assert result["type"] == "labels" and result["value"]["text"] == "86.3亿元"
    assert result["value"]["labels"] == ["MONEY"]
    assert interchange.from_label_studio(json.loads(json.dumps(tasks))) == original
    path = tmp_path / "tasks.json"
    interchange.write_tool_file(original, path)
    assert interchange.read_tool_file(path) == original


def test_jsonl_doccano_jsonl_round_trip(tmp_path):
    original = records()
    original[2]["note"] = "kept"
    lines = interchange.to_doccano(original)
    assert lines[0]["label"][0] == [original[0]["spans"][0]["start"], original[0]["spans"][0]["end"], "MONEY"]
    assert lines[2]["note"] == "kept"
    assert interchange.from_doccano(json.loads(json.dumps(lines))) == original
    path = tmp_path / "doccano.jsonl"
    interchange.write_tool_file(original, path)
    assert interchange.read_tool_file(path) == original


def test_import_a_real_label_studio_export_with_only_spans():
    text = "市委书记李云峰出席。临汾经济开发区签约项目18个，总投资 99.96亿元。"
    export = [{
        "id": 7, "meta": {}, "predictions": [], "file_upload": "a1b2-news.json", "data": {"text": text},
        "annotations": [
            {"id": 1, "was_cancelled": True, "result": []},
            {"id": 2, "completed_by": 1, "was_cancelled": False, "lead_time": 12.5, "result": [
                {"value": {"start": 4, "end": 7, "text": "李云峰", "labels": ["OFFICIAL"]},
                 "id": "x1", "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual"},
                {"value": {"start": 10, "end": 17, "text": "临汾经济开发区", "labels": ["ZONE"]},
                 "id": "x2", "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual"},
                {"value": {"start": 28, "end": 36, "text": " 99.96亿元", "labels": ["MONEY"]},
                 "id": "x3", "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual"},
                {"value": {"choices": ["ok"]}, "id": "c", "from_name": "quality", "to_name": "text",
                 "type": "choices"},
            ]},
        ],
    }]
    (record,) = interchange.from_label_studio(export)
    assert record["id"] == "ls-7"
    assert [(text[s["start"]:s["end"]], s["label"]) for s in record["spans"]] == [
        ("李云峰", "OFFICIAL"), ("临汾经济开发区", "ZONE"), ("99.96亿元", "MONEY")]  # leading space trimmed
    assert record["events"] == [] and record["officials"] == []
    problems = interchange.import_problems([record])[record["id"]]
    assert problems == ["OFFICIAL span '李云峰' is missing from officials"]


def test_label_studio_utf16_offsets_are_converted():
    record = records()[2]  # starts with an astral character
    tasks = interchange.to_label_studio([record])
    for result in tasks[0]["annotations"][0]["result"]:
        value = result["value"]
        value["start"] = interchange.codepoint_to_utf16(record["text"], value["start"])
        value["end"] = interchange.codepoint_to_utf16(record["text"], value["end"])
    assert interchange.from_label_studio(tasks)[0]["spans"] == record["spans"]
    lines = interchange.to_doccano([record])
    lines[0]["label"] = [[interchange.codepoint_to_utf16(record["text"], s),
                          interchange.codepoint_to_utf16(record["text"], e), label] for s, e, label in lines[0]["label"]]
    assert interchange.from_doccano(lines, utf16=True)[0]["spans"] == record["spans"]


def test_label_studio_region_that_does_not_match_its_text_is_an_error():
    tasks = [{"id": 1, "data": {"text": "临汾经济开发区"},
              "annotations": [{"result": [{"type": "labels", "value": {"start": 0, "end": 3, "text": "开发区",
                                                                        "labels": ["ZONE"]}}]}]}]
    with pytest.raises(interchange.ImportProblem, match="task 1"):
        interchange.from_label_studio(tasks)


def test_import_real_doccano_exports():
    text = "副市长王春雨出席，通化医药高新区集中开工项目10个。"
    legacy = {"id": 12, "text": text, "label": [[3, 6, "OFFICIAL"], [9, 16, "ZONE"]], "Comments": []}
    relation_mode = {"id": 13, "text": text, "relations": [], "Comments": [],
                     "entities": [{"id": 1, "label": "ZONE", "start_offset": 9, "end_offset": 16}]}
    first, second = interchange.from_doccano([legacy, relation_mode])
    assert first["id"] == "doccano-12" and "Comments" not in first
    assert [(text[s["start"]:s["end"]], s["label"]) for s in first["spans"]] == [("王春雨", "OFFICIAL"),
                                                                                 ("通化医药高新区", "ZONE")]
    assert second["spans"] == [{"start": 9, "end": 16, "label": "ZONE"}] and second["events"] == []


def test_import_and_export_commands(tmp_path):
    write_jsonl(tmp_path / "gold.jsonl", records())
    runner = CliRunner()
    for kind, name in (("label-studio", "tasks.json"), ("doccano", "lines.jsonl")):
        exported = runner.invoke(app, ["corpus", "export", str(tmp_path / "gold.jsonl"), "-o", str(tmp_path / name),
                                       "--config", str(tmp_path / "config.xml")])
        assert exported.exit_code == 0, exported.output
        imported = runner.invoke(app, ["corpus", "import", str(tmp_path / name), "-o", str(tmp_path / f"{kind}.jsonl"),
                                       "--strict"])
        assert imported.exit_code == 0, imported.output
        assert list(read_jsonl(tmp_path / f"{kind}.jsonl")) == records()
    assert '<Label value="OFFICIAL"/>' in (tmp_path / "config.xml").read_text("utf-8")

    spans_only = [{"id": 3, "text": "市长王春雨出席。", "label": [[2, 5, "OFFICIAL"]]}]
    (tmp_path / "raw.jsonl").write_text(json.dumps(spans_only, ensure_ascii=False)[1:-1] + "\n", "utf-8")
    result = runner.invoke(app, ["corpus", "import", str(tmp_path / "raw.jsonl"), "-o", str(tmp_path / "raw-out.jsonl")])
    assert result.exit_code == 0, result.output  # missing officials is a note, not an error
    assert "note: OFFICIAL span" in result.output


# ---------------------------------------------------------------------------- stats


def test_stats_counts_on_fixtures():
    found = stats.corpus_stats({"train": records()[:2], "dev": records()[2:]})
    assert found["columns"] == ["train", "dev", "total"]
    assert found["articles"] == {"train": 2, "dev": 1, "total": 3}
    assert found["chars"]["total"] == sum(len(r["text"]) for r in records())
    assert found["labels"]["MONEY"] == {"train": 7, "dev": 1, "total": 8}
    assert found["labels"]["OFFICIAL"]["total"] == 6
    assert found["labels"]["ZONE"]["total"] == 5
    assert found["labels"]["PROJECT"]["total"] == 4
    assert found["scripts"] == {"simplified": {"train": 1, "dev": 1, "total": 2},
                                "traditional": {"train": 1, "dev": 0, "total": 1}}
    assert found["forms"]["signing"]["total"] == 1
    assert found["provinces"] == {"山西": 1, "广西": 1, "浙江": 1}
    assert found["events"]["groundbreaking"]["total"] == {"named": 3, "batch": 2, "planned": 1}
    assert found["events"]["signing"]["dev"] == {"named": 0, "batch": 1, "planned": 0}
    realism = found["realism"]
    assert realism["project_not_ending_in_xiangmu"] == pytest.approx(1 / 4)  # 恒泰精密轴承生产基地
    assert realism["official_mentions_without_adjacent_title"] == pytest.approx(1 / 6)  # 范志刚强调
    assert realism["articles_over_1500_chars"] == 0
    assert realism["traditional_share"] == pytest.approx(1 / 3)
    assert realism["provinces"] == 3
    assert realism["articles_with_noise"]["glosses"] == pytest.approx(1 / 3)
    assert sum(found["length"]["buckets"].values()) == 3


def test_title_adjacency_before_after_and_bare():
    record = compile_source("""id: t-9
---
省委[[O:林武]]书记出席，[[O:李云峰]]市长讲话，市领导[[O:黄巍]]、[[O:袁振旭]]参加。[[O:林武]]说。
---events
---officials
林武 | 省委书记
李云峰 | 市长
黄巍 |
袁振旭 |
""")
    assert stats.official_mentions_with_titles(record) == [
        ("林武", True), ("李云峰", True), ("黄巍", False), ("袁振旭", False), ("林武", False)]


def test_stats_write_replaces_only_the_marked_section(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(f"# Card\n\nintro\n\n{stats.BEGIN}\nold numbers\n{stats.END}\n\n## Agreement\n\nlater\n", "utf-8")
    markdown = stats.format_markdown(stats.corpus_stats({"train": records()}))
    assert stats.write_readme(readme, markdown)
    text = readme.read_text("utf-8")
    assert "old numbers" not in text and "| articles | 3 | 3 |" in text
    assert text.startswith("# Card\n\nintro\n\n") and text.endswith("## Agreement\n\nlater\n")
    assert not stats.write_readme(readme, markdown)  # idempotent


def test_stats_command(tmp_path):
    write_jsonl(tmp_path / "train.jsonl", records())
    readme = tmp_path / "README.md"
    result = CliRunner().invoke(app, ["corpus", "stats", str(tmp_path), "--write", "--readme", str(readme),
                                      "--json", str(tmp_path / "stats.json")])
    assert result.exit_code == 0, result.output
    assert stats.BEGIN in readme.read_text("utf-8")
    assert json.loads((tmp_path / "stats.json").read_text("utf-8"))["articles"]["total"] == 3


def test_corpus_readme_stats_are_current():
    """The data card's numbers come from the corpus as it is (rerun `projextract corpus stats --write`)."""
    from projextract.corpus.sources import read_splits

    card = (ROOT / "corpus" / "README.md").read_text("utf-8")
    markdown = stats.format_markdown(stats.corpus_stats(read_splits(ROOT / "corpus")))
    assert markdown.strip() in card, "corpus/README.md is stale: run `projextract corpus stats --write`"


# ---------------------------------------------------------------------------- agreement


def test_agreement_of_identical_sets_is_perfect():
    scores = agree.agreement(records(), records())
    assert scores["spans"]["micro"]["f"] == 1.0
    assert all(scores["spans"][label]["f"] == 1.0 for label in ("MONEY", "PROJECT", "OFFICIAL", "ZONE"))
    assert scores["events"]["f"] == 1.0
    assert scores["officials"]["f"] == 1.0 and scores["officials"]["title_accuracy"] == 1.0
    assert agree.disagreements(records(), records()) == []


def _perturbed() -> list[dict]:
    other = records()
    first = other[0]
    zone = next(s for s in first["spans"] if s["label"] == "ZONE")
    zone["label"] = "PROJECT"  # label disagreement
    money = next(s for s in first["spans"] if s["label"] == "MONEY")
    money["end"] -= 1  # boundary disagreement
    first["spans"] = [s for s in first["spans"] if first["text"][s["start"]:s["end"]] != "王慧敏"]
    first["officials"] = [o for o in first["officials"] if o["name"] != "王慧敏"]
    first["events"] = first["events"][:-1]
    other[2]["officials"][0]["titles"] = ["区长"]
    other[2]["events"][1]["date"] = "2024-11"
    return other


def test_agreement_of_perturbed_sets_is_below_one_and_every_difference_is_listed():
    a, b = records(), _perturbed()
    scores = agree.agreement(a, b)
    assert scores["spans"]["micro"]["f"] < 1.0
    assert scores["spans"]["ZONE"]["r"] < 1.0 and scores["spans"]["OFFICIAL"]["r"] < 1.0
    assert scores["spans"]["PROJECT"]["p"] < 1.0
    assert scores["events"]["f"] < 1.0
    assert scores["officials"]["f"] < 1.0 and scores["officials"]["title_accuracy"] < 1.0
    found = {(d.id, d.kind, d.text, d.a, d.b) for d in agree.disagreements(a, b)}
    assert ("t-0001", "label", "祁县经济开发区", "ZONE", "PROJECT") in found
    assert any(d[1] == "boundary" and d[2].startswith("86.3亿元 | 86.3亿") for d in found)
    assert ("t-0001", "span", "王慧敏", "OFFICIAL", "-") in found
    assert ("t-0001", "official", "王慧敏", "县长", "-") in found
    assert any(d[:2] == ("t-0001", "event") and "华丰" in d[2] and d[4] == "-" for d in found)
    assert ("t-0003", "official", "陈立群", "副区长", "区长") in found
    assert any(d[:2] == ("t-0003", "event") and "date=2024-10" in d[3] and "date=2024-11" in d[4] for d in found)
    # the validator still accepts B: the perturbation is a plausible second annotator
    assert validate_records(b) == {}


def test_agreement_pairs_by_id_and_sets_aside_changed_texts():
    a = records()
    b = list(reversed(copy.deepcopy(a)))[:2]
    b[0]["text"] = b[0]["text"].replace("介绍", "说明")
    scores = agree.agreement(a, b)
    assert scores["coverage"] == {"compared": 1, "only_a": ["t-0001"], "only_b": [], "text_differs": ["t-0003"]}
    assert scores["spans"]["micro"]["f"] == 1.0


def test_agree_command_reads_source_folders(tmp_path):
    folder_a, folder_b = tmp_path / "a", tmp_path / "b"
    folder_a.mkdir()
    folder_b.mkdir()
    for index, source in enumerate(SOURCES):
        (folder_a / f"t-{index}.txt").write_text(source, "utf-8")
        (folder_b / f"t-{index}.txt").write_text(source.replace("[[O:王慧敏]]", "王慧敏").replace("王慧敏 | 县长\n", ""),
                                                 "utf-8")
    result = CliRunner().invoke(app, ["corpus", "agree", str(folder_a), str(folder_b), "--diff",
                                      "--json", str(tmp_path / "agree.json")])
    assert result.exit_code == 0, result.output
    assert "t-0001\tspan\t" in result.output and "王慧敏\tOFFICIAL\t-" in result.output
    payload = json.loads((tmp_path / "agree.json").read_text("utf-8"))
    assert payload["scores"]["spans"]["OFFICIAL"]["r"] == pytest.approx(5 / 6)
    assert len(payload["disagreements"]) == 2  # the span and the official


# ---------------------------------------------------------------------------- the real corpus


def _corpus() -> dict[str, list[dict]]:
    from projextract.corpus.sources import read_splits

    return read_splits(ROOT / "corpus")


def test_whole_corpus_round_trips_through_label_studio_and_doccano():
    for records_ in _corpus().values():
        assert interchange.from_label_studio(json.loads(json.dumps(interchange.to_label_studio(records_)))) == records_
        assert interchange.from_doccano(json.loads(json.dumps(interchange.to_doccano(records_)))) == records_


@pytest.mark.slow
def test_whole_corpus_round_trips_through_docbin_and_datasets(nlp, tmp_path):
    from spacy.tokens import DocBin

    from projextract.corpus import load, save
    from projextract.corpus.convert import docbin_to_records, records_to_docbin
    from projextract.corpus.hf import dataset_dict_to_records

    splits = _corpus()
    for records_ in splits.values():
        stored = DocBin().from_bytes(records_to_docbin(records_, nlp).to_bytes())
        assert docbin_to_records(stored, nlp) == records_
    save(load(ROOT / "corpus"), tmp_path)
    assert dataset_dict_to_records(load(tmp_path)) == splits
