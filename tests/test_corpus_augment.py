"""Training-time noise: every span survives, the normalizer undoes the noise, runs are reproducible."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from test_corpus_tooling import records
from typer.testing import CliRunner

from projextract.cli import app
from projextract.corpus.augment import (
    Edit,
    apply_edits,
    augment_record,
    augment_records,
    garble,
    span_texts_after_normalization,
    to_traditional,
)
from projextract.corpus.build import read_jsonl, write_jsonl
from projextract.corpus.validate import validate_record
from projextract.mojibake import find_repairs
from projextract.normalize import normalize

ALL_NOISE = {"traditional": 1.0, "gloss": 1.0, "fullwidth": 1.0, "doubled": 1.0, "mojibake": 1.0}


def assert_noise_is_undone(original: dict, augmented: dict) -> None:
    """normalize(augmented) sliced at each mapped span == normalize(original) sliced at the span, and the
    normalized texts agree everywhere but where a mojibake run destroyed a character (U+FFFD)."""
    assert validate_record(augmented) == []
    assert [s["label"] for s in augmented["spans"]] == [s["label"] for s in original["spans"]]
    assert span_texts_after_normalization(augmented) == span_texts_after_normalization(original)
    before, after = normalize(original["text"]).text, normalize(augmented["text"]).text
    assert len(before) == len(after)
    assert all(a == b or a == "\ufffd" for a, b in zip(after, before, strict=True))


def test_apply_edits_moves_spans_and_glosses_join_the_character_before():
    text = "在临汾经济开发区举行"
    spans = [{"start": 1, "end": 8, "label": "ZONE"}]
    edits = [Edit(1, 1, "(zài)", attach=True),  # gloss of 在: before the span
             Edit(3, 3, "(jīng)", attach=True),  # inside
             Edit(8, 8, "(qū)", attach=True),  # after the span's last character: extends it
             Edit(8, 8, ",")]  # punctuation inserted at the end boundary stays outside
    new_text, (span,) = apply_edits(text, spans, edits)
    assert new_text == "在(zài)临汾(jīng)经济开发区(qū),举行"
    assert new_text[span["start"]:span["end"]] == "临汾(jīng)经济开发区(qū)"
    with pytest.raises(ValueError):
        apply_edits(text, spans, [Edit(2, 4, "??x")])


def test_garbled_runs_are_what_the_repair_undoes():
    text = "分會場活動以視頻連線方式"
    end, garbled = garble(text, 2)  # `場` loses its lead byte
    noisy = text[:2] + garbled + text[end:]
    assert noisy == "分會?龌顒右砸曨l連線方式"
    (repair,) = find_repairs(noisy)
    assert (repair.start, repair.end, repair.repaired) == (2, 2 + len(garbled), "\ufffd活動以視頻")
    assert garble("在縣級層面", 0, lost=2) == (2, "??h")  # `??h級層面`: 縣's trail byte resyncs at once
    assert [r.repaired for r in find_repairs("推進??h級層面")] == ["\ufffd\ufffd"]
    assert garble("项目建设", 0) is None  # GB2312 trail bytes never resync


def test_to_traditional_is_character_aligned_and_normalizes_back():
    record = records()[0]
    converted = to_traditional(record["text"], record["spans"], "s2tw")
    assert len(converted) == len(record["text"]) and converted != record["text"]
    assert "臨汾" not in converted and "祁縣經濟開發區" in converted
    assert normalize(converted).text == normalize(record["text"]).text


@pytest.mark.parametrize("seed", range(12))
def test_augmented_spans_cover_the_same_characters(seed):
    for original in records():
        augmented = augment_record(original, random.Random(seed), **ALL_NOISE)
        assert_noise_is_undone(original, augmented)


def test_every_kind_of_noise_happens_and_is_recorded():
    seen = set()
    for seed in range(12):
        for original in records():
            augmented = augment_record(original, random.Random(seed), **ALL_NOISE)
            seen.update(augmented["meta"]["augmented"])
            if any(v in augmented["meta"]["augmented"] for v in ("s2t", "s2tw", "s2hk")):
                assert augmented["meta"]["script"] == "traditional"
    assert {"fullwidth", "doubled", "gloss", "mojibake"} <= seen
    assert seen & {"s2t", "s2tw", "s2hk"}


def test_events_and_officials_follow_the_new_span_texts():
    original = records()[0]
    for seed in range(6):
        augmented = augment_record(original, random.Random(seed), **ALL_NOISE)
        texts = {augmented["text"][s["start"]:s["end"]] for s in augmented["spans"]}
        assert all(e["project"] in texts for e in augmented["events"] if e["project"])
        assert all(o["name"] in texts for o in augmented["officials"])
        assert [e["investment"] for e in augmented["events"]] == [e["investment"] for e in original["events"]]


def test_no_noise_means_no_change():
    original = records()[1]
    quiet = augment_record(original, random.Random(0), traditional=0, gloss=0, fullwidth=0, doubled=0, mojibake=0)
    assert quiet["text"] == original["text"] and quiet["spans"] == original["spans"]
    assert quiet["meta"]["augmented"] == []


def test_augmentation_is_reproducible_with_a_seed():
    first = list(augment_records(records(), seed=7, copies=2, **ALL_NOISE))
    again = list(augment_records(records(), seed=7, copies=2, **ALL_NOISE))
    other = list(augment_records(records(), seed=8, copies=2, **ALL_NOISE))
    assert first == again
    assert first != other
    assert [r["id"] for r in first[:2]] == ["t-0001~aug1", "t-0001~aug2"]
    # one record's noise does not depend on which records come before it
    alone = list(augment_records(records()[2:], seed=7, copies=2, **ALL_NOISE))
    assert alone == first[4:]


def test_augment_command_writes_training_copies_and_refuses_dev_test(tmp_path):
    write_jsonl(tmp_path / "train.jsonl", records())
    splits = tmp_path / "splits.json"
    splits.write_text('{"t-0001": "train", "t-0002": "train", "t-0003": "train"}', "utf-8")
    runner = CliRunner()
    args = ["corpus", "augment", str(tmp_path / "train.jsonl"), "--seed", "1", "--copies", "2", "--keep-original",
            "--splits-file", str(splits)]
    first = runner.invoke(app, [*args, "-o", str(tmp_path / "a.jsonl")])
    second = runner.invoke(app, [*args, "-o", str(tmp_path / "b.jsonl")])
    assert first.exit_code == 0 and second.exit_code == 0, first.output
    written = list(read_jsonl(tmp_path / "a.jsonl"))
    assert len(written) == 9 and written == list(read_jsonl(tmp_path / "b.jsonl"))
    assert all(validate_record(r) == [] for r in written)

    write_jsonl(tmp_path / "dev.jsonl", records()[:1])
    refused = runner.invoke(app, ["corpus", "augment", str(tmp_path / "dev.jsonl"), "-o", str(tmp_path / "c.jsonl"),
                                  "--splits-file", str(splits)])
    assert refused.exit_code == 2 and not (tmp_path / "c.jsonl").exists()
    splits.write_text('{"t-0001": "test"}', "utf-8")
    refused = runner.invoke(app, [*args, "-o", str(tmp_path / "d.jsonl")])
    assert refused.exit_code == 2


@pytest.mark.slow
def test_augmenting_the_whole_corpus_keeps_every_span():
    from projextract.corpus.sources import read_records

    for index, original in enumerate(read_records(Path(__file__).resolve().parent.parent / "corpus")):
        assert_noise_is_undone(original, augment_record(original, random.Random(index), **ALL_NOISE))
