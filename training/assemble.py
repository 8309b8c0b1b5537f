"""Build the full pipeline (a trained pipeline, if given, then the rule components) and save it.

    python training/assemble.py training/rules.cfg projextract/model                      # rules only
    python training/assemble.py training/rules.cfg projextract/model --ner training/output/base/model-best
"""

from __future__ import annotations

import argparse
from pathlib import Path

from projextract.pipeline import build_from_config
from projextract.training import assemble, record_scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("config", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--ner", type=Path,
                        help="a trained pipeline (rule features, tok2vec, ner and its tokenizer) that goes first")
    parser.add_argument("--record-scores", type=Path, metavar="CORPUS",
                        help="evaluate on CORPUS/dev.jsonl and test.jsonl and record the scores in meta.json")
    args = parser.parse_args()
    if args.ner:
        assemble(args.ner, args.output, args.config)
    else:
        nlp = build_from_config(args.config)
        nlp.meta["name"] = "projextract"
        nlp.to_disk(args.output)
    if args.record_scores:
        print(record_scores(args.output, args.record_scores))
    print(f"saved pipeline to {args.output}")


if __name__ == "__main__":
    main()
