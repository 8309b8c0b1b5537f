"""Clean vs noisy: the same split scored before and after archive noise is injected.

    python benchmarks/noise_robustness.py [corpus/test.jsonl] [--model DIR]

Noise (seeded): Traditional script for Simplified articles, pinyin glosses, ASCII and doubled
punctuation, and shifted-byte GBK mojibake outside entities (projextract.corpus.augment).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import projextract
from projextract.corpus.augment import augment_records
from projextract.corpus.build import read_jsonl
from projextract.evaluate import score_pipeline
from projextract.training import summarize

NOISE = {"traditional": 1.0, "gloss": 1.0, "fullwidth": 0.5, "doubled": 0.5, "mojibake": 1.0}


def score(records: list[dict], nlp) -> dict:  # noqa: ANN001
    return summarize(score_pipeline(records, nlp))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="?", type=Path, default=Path("corpus/test.jsonl"))
    parser.add_argument("--model", default=None)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    nlp = projextract.load(args.model)
    clean = list(read_jsonl(args.gold))
    noisy = list(augment_records(clean, seed=args.seed, **NOISE))
    applied = sum(bool(r["meta"].get("augmented")) for r in noisy)
    clean_scores, noisy_scores = score(clean, nlp), score(noisy, nlp)
    print(f"{len(clean)} articles, {applied} with noise injected")
    print("| | micro | MONEY | PROJECT | OFFICIAL | ZONE | events | officials |")
    print("|---|---|---|---|---|---|---|---|")
    for name, s in (("clean", clean_scores), ("noisy", noisy_scores)):
        spans = s["spans"]
        print(f"| {name} | " + " | ".join(f"{100 * spans[k]:.1f}" for k in ("micro", "MONEY", "PROJECT", "OFFICIAL", "ZONE"))
              + f" | {100 * s['events']:.1f} | {100 * s['officials']:.1f} |")
    drop = 100 * (clean_scores["spans"]["micro"] - noisy_scores["spans"]["micro"])
    print(f"micro-F1 drop: {drop:.2f} points")


if __name__ == "__main__":
    main()
