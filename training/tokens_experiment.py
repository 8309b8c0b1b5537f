"""Experiment: the same NER on characters vs spacy-pkuseg word tokens.

    python training/tokens_experiment.py char training/output/tokens_char
    python training/tokens_experiment.py pkuseg training/output/tokens_pkuseg --pkuseg-model DIR

Both runs use training/config.cfg without the rule features and without augmentation (the
features and the augmenter assume one token per character), so tokens are the only difference.
For pkuseg, gold spans that cut a word are widened to whole words (`record_to_doc`; under 1% of
spans, `benchmarks/pkuseg_tokens.py` counts them) and the embedding is spaCy's own for Chinese
words (NORM, PREFIX, SUFFIX, SHAPE). Results: training/README.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import spacy

from projextract.corpus.build import read_jsonl
from projextract.corpus.docbin import records_to_docbin
from projextract.training import TRAINING_DIR, train_ner

PLAIN = {"nlp.pipeline": ["tok2vec", "ner"], "training.frozen_components": [],
         "training.annotating_components": [], "corpora.train.augmenter": None}
WORDS = {"nlp.tokenizer.segmenter": "pkuseg",
         "components.tok2vec.model.embed.attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
         "components.tok2vec.model.embed.rows": [5000, 1000, 2500, 200]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("tokens", choices=["char", "pkuseg"])
    parser.add_argument("output", type=Path)
    parser.add_argument("--pkuseg-model", type=Path)
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    args = parser.parse_args()
    overrides = dict(PLAIN)
    if args.tokens == "pkuseg":
        overrides |= {**WORDS, "initialize.tokenizer.pkuseg_model": str(args.pkuseg_model)}
    config = spacy.util.load_config(TRAINING_DIR / "config.cfg", overrides=overrides, interpolate=True)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    if args.tokens == "pkuseg":
        nlp.tokenizer.initialize(pkuseg_model=str(args.pkuseg_model))
    args.output.mkdir(parents=True, exist_ok=True)
    paths = {}
    for split in ("train", "dev"):  # word tokens: spans that cut a word are widened (record_to_doc)
        paths[split] = args.output / f"{split}.spacy"
        records_to_docbin(nlp, read_jsonl(args.corpus / f"{split}.jsonl")).to_disk(paths[split])
    train_ner(TRAINING_DIR / "config.cfg", args.output,
              overrides={**overrides, "paths.train": str(paths["train"]), "paths.dev": str(paths["dev"])})


if __name__ == "__main__":
    main()
