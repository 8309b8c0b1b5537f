import json

from typer.testing import CliRunner

from projextract.cli import app

runner = CliRunner()


def test_annotate_writes_one_line_per_input_and_reports_bad_ones(tmp_path):
    (tmp_path / "a.txt").write_text("市委书记李云峰出席签约仪式，签约项目12个，总投资86.3亿元。", "utf-8")
    (tmp_path / "b.txt").write_bytes("竣工投產項目6個,總投資23.8億元。".encode("big5"))
    records = tmp_path / "more.jsonl"
    records.write_text(
        json.dumps({"id": "good", "text": "集中开工项目8个。", "meta": {"published": "2025-04-10"}}, ensure_ascii=False)
        + "\n{not json\n"
        + json.dumps({"id": "bad-date", "text": "开工项目8个。", "meta": {"published": "yesterday"}}) + "\n",
        "utf-8",
    )
    output = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["annotate", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), str(records),
                                 "-o", str(output)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in output.read_text("utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["a.txt", "b.txt", "good", "more.jsonl:2", "bad-date"]
    assert "error" in lines[3] and "published" in lines[4]["error"]
    assert lines[0]["events"][0]["count"] == 12
    assert lines[1]["meta"]["encoding"] == "big5" and lines[1]["events"][0]["type"] == "commissioning"


def test_parse_prints_the_json_result(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("县委书记郭建伟出席。", "utf-8")
    result = runner.invoke(app, ["parse", str(path), "--published", "2025-04-10"])
    assert result.exit_code == 0
    assert json.loads(result.output)["officials"] == [{"name": "郭建伟", "titles": ["县委书记"]}]


def test_evaluate_prints_the_scoring_table(tmp_path):
    gold = tmp_path / "gold.jsonl"
    text = "县委书记郭建伟出席。"
    gold.write_text(json.dumps({"id": "x", "text": text, "meta": {"published": "2025"},
                                "spans": [{"start": 4, "end": 7, "label": "OFFICIAL"}], "events": [],
                                "officials": [{"name": "郭建伟", "titles": ["县委书记"]}]}, ensure_ascii=False) + "\n")
    result = runner.invoke(app, ["evaluate", str(gold), "--json", str(tmp_path / "s.json")])
    assert result.exit_code == 0 and "OFFICIAL" in result.output
    assert json.loads((tmp_path / "s.json").read_text())["officials"]["f"] == 1.0
