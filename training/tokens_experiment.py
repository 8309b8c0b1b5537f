"""Experiment: the same NER on characters vs spacy-pkuseg word tokens.

    python training/tokens_experiment.py char training/output/tokens_char
    python training/tokens_experiment.py pkuseg training/output/tokens_pkuseg --pkuseg-model DIR

Both runs use training/config.cfg without the rule features and without augmentation (the
features and the augmenter assume one token per character), so tokens are the only difference.
For pkuseg, gold spans that cut a word are widened to whole words (`alignment_mode="expand"`,
counted and reported) and the embedding is spaCy's own for Chinese words (NORM, PREFIX,
SUFFIX, SHAPE). Results: training/README.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from projextract.corpus.build import read_jsonl
from projextract.normalize import normalize
from projextract.training import TRAINING_DIR, train_ner

PLAIN = {"nlp.pipeline": ["tok2vec", "ner"], "training.frozen_components": [],
         "training.annotating_components": [], "corpora.train.augmenter": None}
WORDS = {"nlp.tokenizer.segmenter": "pkuseg",
         "components.tok2vec.model.embed.attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
         "components.tok2vec.model.embed.rows": [5000, 1000, 2500, 200]}


def token_docbin(nlp: spacy.Language, path: Path) -> tuple[DocBin, int, int]:
    docbin, widened, total = DocBin(), 0, 0
    for record in read_jsonl(path):
        normalized = normalize(record["text"])
        doc = nlp.make_doc(record["text"])
        entities = []
        for span in record["spans"]:
            start, end = normalized.alignment.to_normalized(span["start"], span["end"])
            strict = doc.char_span(start, end, label=span["label"])
            entity = strict or doc.char_span(start, end, label=span["label"], alignment_mode="expand")
            total += 1
            widened += strict is None
            if entity is not None and not any(e.start < entity.end and entity.start < e.end for e in entities):
                entities.append(entity)
        doc.ents = entities
        docbin.add(doc)
    return docbin, widened, total


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
    for split in ("train", "dev"):
        docbin, widened, total = token_docbin(nlp, args.corpus / f"{split}.jsonl")
        paths[split] = args.output / f"{split}.spacy"
        docbin.to_disk(paths[split])
        print(f"{split}: {total} gold spans, {widened} widened to token boundaries", file=sys.stderr)
    train_ner(TRAINING_DIR / "config.cfg", args.output,
              overrides={**overrides, "paths.train": str(paths["train"]), "paths.dev": str(paths["dev"])})


if __name__ == "__main__":
    main()
