"""`projextract train`: retrain from scratch or fine-tune the shipped NER, then assemble the full pipeline.

All training settings live in training/config.cfg (and the rule pipeline in training/rules.cfg);
this module only fills in paths, and for fine-tuning swaps the trained components' blocks for `source`
blocks pointing at the base pipeline.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import spacy
from spacy.training.initialize import init_nlp
from spacy.training.loop import train as train_nlp
from spacy.util import load_config
from thinc.api import use_ops

from .corpus.build import read_jsonl
from .corpus.docbin import records_to_docbin
from .corpus.validate import validate_records
from .ops import BlasOps
from .pipeline import build_from_config, load

TRAINING_DIR = Path(__file__).resolve().parent.parent / "training"


def _records(paths: Iterable[Path]) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    for path in paths:
        records.extend(read_jsonl(path))
    return records


def write_docbins(corpus_dir: Path, extra: list[Path], target: Path) -> dict[str, Path]:
    """train (+ extra articles) and dev DocBins, made with the inference tokenizer; extra must validate."""
    nlp = load()
    train = _records([corpus_dir / "train.jsonl", *extra])
    problems = validate_records(_records(extra), require_meta=False)
    if problems:
        first = next(iter(problems.items()))
        raise ValueError(f"{len(problems)} extra articles do not validate, e.g. {first[0]}: {first[1][0]}")
    target.mkdir(parents=True, exist_ok=True)
    paths = {"train": target / "train.spacy", "dev": target / "dev.spacy"}
    records_to_docbin(nlp, train).to_disk(paths["train"])
    records_to_docbin(nlp, read_jsonl(corpus_dir / "dev.jsonl")).to_disk(paths["dev"])
    return paths


def train(corpus_dir: Path, output: Path, *, extra: list[Path] = (), base: str = "none",
          config: Path | None = None, overrides: dict[str, Any] | None = None) -> Path:
    """Train the config's pipeline (rule features, tok2vec, ner), assemble it with the rule components into
    `output/pipeline`; return that path."""
    config_path = config or TRAINING_DIR / "config.cfg"
    output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        docbins = write_docbins(corpus_dir, list(extra), Path(tmp))
        settings = {"paths.train": str(docbins["train"]), "paths.dev": str(docbins["dev"]), **(overrides or {})}
        if base != "none":
            base_path = load().meta.get("_path") if base == "shipped" else base
            base_path = str(base_path or Path(__file__).parent / "model")
            cfg = load_config(config_path, overrides=settings, interpolate=False)
            for name in cfg["nlp"]["pipeline"]:  # rule features (with the base's tables), tok2vec, ner
                cfg["components"][name] = {"source": base_path}
            config_path = Path(tmp) / "finetune.cfg"
            cfg.to_disk(config_path)
            settings = {}
        train_ner(config_path, output / "ner", overrides=settings)
    return assemble(output / "ner" / "model-best", output / "pipeline")


def train_ner(config_path: Path, output: Path, *, overrides: dict[str, Any] | None = None) -> None:
    """`spacy train` on the CPU, computing on `BlasOps` (spaCy's command resets the ops to NumpyOps)."""
    config = load_config(config_path, overrides=overrides or {}, interpolate=False)
    output.mkdir(parents=True, exist_ok=True)
    with use_ops(BlasOps.name):
        nlp = init_nlp(config, use_gpu=-1)
        train_nlp(nlp, output, use_gpu=-1, stdout=sys.stdout, stderr=sys.stderr)


def assemble(ner_path: Path, target: Path, rules_config: Path | None = None) -> Path:
    """The full pipeline: the trained pipeline's components (features, tok2vec, ner) first, in their order,
    then the rule components of training/rules.cfg."""
    nlp = combine(spacy.load(ner_path), build_from_config(rules_config or TRAINING_DIR / "rules.cfg"))
    for key in ("train", "dev"):  # the DocBins it was trained on were temporary
        nlp.config["paths"][key] = None
    nlp.meta["name"] = "projextract"
    nlp.to_disk(target)
    return target


def combine(trained: spacy.Language, rules: spacy.Language) -> spacy.Language:
    """`trained` (rule features, tok2vec, ner, and the tokenizer it was trained with: characters or
    pkuseg words) followed by the components of `rules`, in order."""
    for name in rules.pipe_names:
        trained.add_pipe(name, source=rules)
    return trained


def summarize(scores: dict[str, Any]) -> dict[str, Any]:
    """The figures a pipeline records about itself (F1 per label, events, officials)."""
    return {
        "spans": {label: round(row["f"], 4) for label, row in scores["spans"].items()},
        "events": round(scores["events"]["f"], 4),
        "events_named": round(scores["events"]["named"]["f"], 4),
        "events_batch": round(scores["events"]["batch"]["f"], 4),
        "officials": round(scores["officials"]["f"], 4),
        "title_accuracy": scores["officials"]["title_accuracy"],
    }


def record_scores(pipeline_path: Path, corpus_dir: Path) -> dict[str, Any]:
    """Evaluate the saved pipeline on dev and test through parse() and store the scores in its meta.json."""
    import json

    from .evaluate import score_pipeline

    nlp = spacy.load(pipeline_path)
    recorded = {split: summarize(score_pipeline(list(read_jsonl(corpus_dir / f"{split}.jsonl")), nlp))
                for split in ("dev", "test")}
    meta_path = Path(pipeline_path) / "meta.json"
    meta = json.loads(meta_path.read_text("utf-8"))
    meta["projextract_scores"] = recorded
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False), "utf-8")
    return recorded


def main(argv: list[str] | None = None) -> None:
    """`python -m projextract.training CONFIG OUTPUT [--section.key value ...]`: `spacy train` on BlasOps
    (training/project.yml's train step)."""
    import argparse

    from spacy.cli._util import parse_config_overrides

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("config", type=Path)
    parser.add_argument("output", type=Path)
    args, overrides = parser.parse_known_args(argv)
    train_ner(args.config, args.output, overrides=parse_config_overrides(overrides))


if __name__ == "__main__":
    main()
