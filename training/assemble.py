"""Build a pipeline from a config (and optionally a trained ner) and save it, e.g. as the shipped model.

    python training/assemble.py training/rules.cfg projextract/model
    python training/assemble.py training/rules.cfg projextract/model --ner training/output/model-best
"""

from __future__ import annotations

import argparse
from pathlib import Path

import spacy

from projextract.pipeline import build_from_config


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("config", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--ner", type=Path, help="a trained pipeline whose tok2vec+ner go first")
    args = parser.parse_args()
    nlp = build_from_config(args.config)
    if args.ner:
        trained = spacy.load(args.ner)
        for name in reversed([n for n in trained.pipe_names if n in ("tok2vec", "ner")]):
            nlp.add_pipe(name, source=trained, first=True)
    nlp.meta["name"] = "projextract"
    nlp.to_disk(args.output)
    print(f"saved {nlp.pipe_names} to {args.output}")


if __name__ == "__main__":
    main()
