"""The trainable part learns, and the shipped model still scores what it recorded."""

import json
from pathlib import Path

import pytest
import spacy
from spacy.training import Example
from spacy.util import load_config

import projextract
from projextract.corpus.docbin import record_to_doc
from projextract.evaluate import score_pipeline

ROOT = Path(__file__).resolve().parent.parent

def _record(text: str, *entities: tuple[str, str]) -> dict:
    """Offsets computed, never typed."""
    spans = [{"start": text.index(part), "end": text.index(part) + len(part), "label": label} for part, label in entities]
    return {"id": text[:4], "text": text, "spans": spans}


RECORDS = [
    _record("市委书记李云峰出席临汾经济开发区年产3万吨玻璃纤维项目开工仪式，总投资15.2亿元。",
            ("李云峰", "OFFICIAL"), ("临汾经济开发区", "ZONE"), ("年产3万吨玻璃纤维项目", "PROJECT"), ("15.2亿元", "MONEY")),
    _record("王慧敏介绍，祁县智慧冷链物流园计划年内投产，预计年产值5亿元。",
            ("王慧敏", "OFFICIAL"), ("祁县智慧冷链物流园", "PROJECT"), ("5亿元", "MONEY")),
]


@pytest.mark.parametrize("seed", [0, 1])
def test_ner_from_the_training_config_overfits_a_few_examples(seed):
    spacy.util.fix_random_seed(seed)
    config = load_config(ROOT / "training" / "config.cfg", overrides={"paths.train": None, "paths.dev": None})
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    examples = [Example(nlp.make_doc(r["text"]), record_to_doc(nlp, r)) for r in RECORDS]
    for example in examples:
        assert [e.text for e in example.reference.ents]  # gold spans survived the conversion
    optimizer = nlp.initialize(lambda: examples)
    annotates = config["training"]["annotating_components"]  # rule features, as in training
    for _ in range(300):
        nlp.update(examples, sgd=optimizer, drop=0.0, annotates=annotates)
    for record in RECORDS:
        doc = nlp(record["text"])
        predicted = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
        assert predicted == {(s["start"], s["end"], s["label"]) for s in record["spans"]}


def _shipped_meta() -> dict:
    return json.loads((projextract.pipeline.shipped_model_path() / "meta.json").read_text("utf-8"))


@pytest.mark.skipif("ner" not in projextract.load().pipe_names, reason="the shipped pipeline has no trained ner")
def test_shipped_model_scores_what_it_recorded():
    recorded = _shipped_meta()["projextract_scores"]["test"]
    gold = [json.loads(line) for line in (ROOT / "corpus" / "test.jsonl").read_text("utf-8").splitlines()]
    scores = score_pipeline(gold)
    for label in ("micro", "MONEY", "PROJECT", "OFFICIAL", "ZONE"):
        assert abs(scores["spans"][label]["f"] - recorded["spans"][label]) <= 0.005, label
    assert abs(scores["events"]["f"] - recorded["events"]) <= 0.005
    assert abs(scores["officials"]["f"] - recorded["officials"]) <= 0.005


def test_noise_augmenter_adds_a_noisy_copy_with_the_same_entities():
    from projextract.augmenter import create_noise_augmenter

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "projextract.NormalizingTokenizer.v1"}}})
    record = RECORDS[0]
    example = Example(nlp.make_doc(record["text"]), record_to_doc(nlp, record))
    raws = []
    for seed in range(12):
        original, noisy = list(create_noise_augmenter(probability=1.0, seed=seed)(nlp, example))
        assert original is example
        assert [e.text for e in noisy.reference.ents] == [e.text for e in example.reference.ents]
        raws.append(noisy.reference.user_data["projextract.normalization"]["raw"])
    assert any(raw != record["text"] for raw in raws)
    again = list(create_noise_augmenter(probability=1.0, seed=5)(nlp, example))[1]
    assert again.reference.user_data["projextract.normalization"]["raw"] == raws[5]


@pytest.mark.slow
def test_retraining_from_scratch_and_from_the_shipped_model(tmp_path):
    from projextract.training import train

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = "".join(json.dumps({**r, "meta": {}, "events": [], "officials": []}, ensure_ascii=False) + "\n" for r in RECORDS)
    (corpus / "train.jsonl").write_text(lines, "utf-8")
    (corpus / "dev.jsonl").write_text(lines, "utf-8")
    quick = {"training.max_steps": 6, "training.eval_frequency": 3}
    for base in ("none", "shipped"):
        pipeline = train(corpus, tmp_path / base, base=base, overrides=quick)
        nlp = spacy.load(pipeline)
        assert nlp.pipe_names[:3] == ["projextract_rule_features", "tok2vec", "ner"] and "projextract_events" in nlp.pipe_names
        assert projextract.parse(RECORDS[0]["text"], nlp=nlp).text == RECORDS[0]["text"]


class _PairTokenizer:
    """Two characters per token: a stand-in for a word segmenter (pkuseg needs its 175 MB model)."""

    segmenter = "pkuseg"

    def __init__(self, vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str):
        from spacy.tokens import Doc

        words = [text[i:i + 2] for i in range(0, len(text), 2)]
        return Doc(self.vocab, words=words, spaces=[False] * len(words))


def test_gold_spans_are_exact_on_characters_and_widened_to_whole_words():
    record = _record("市委书记李云峰出席仪式", ("李云峰", "OFFICIAL"))
    chars = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "projextract.NormalizingTokenizer.v1"}}})
    assert [e.text for e in record_to_doc(chars, record).ents] == ["李云峰"]
    words = spacy.blank("zh")
    words.tokenizer = _PairTokenizer(words.vocab)
    assert [e.text for e in record_to_doc(words, record).ents] == ["李云峰出"]


@pytest.mark.slow
def test_project_train_step_entry_point(tmp_path):
    from projextract.corpus.docbin import records_to_docbin
    from projextract.training import main

    docbin = tmp_path / "tiny.spacy"
    records_to_docbin(projextract.load(), RECORDS).to_disk(docbin)
    main([str(ROOT / "training" / "config.cfg"), str(tmp_path / "out"), "--paths.train", str(docbin),
          "--paths.dev", str(docbin), "--training.max_steps", "2", "--training.eval_frequency", "1"])
    trained = spacy.load(tmp_path / "out" / "model-best")
    assert trained.pipe_names == ["projextract_rule_features", "tok2vec", "ner"]
