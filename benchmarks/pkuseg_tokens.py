"""Word tokens (spacy-pkuseg) vs characters: how many gold spans a word tokenizer can express, and its speed.

    python benchmarks/pkuseg_tokens.py PKUSEG_MODEL_DIR [corpus/train.jsonl corpus/dev.jsonl]

A token-level NER can only predict spans on token boundaries. This counts, per label, the gold
spans (moved to the normalized text, as training sees them) whose start and end both fall on
a pkuseg word boundary: the recall ceiling of a word-token model before it learns anything.
Characters align with every span by construction. Also times pkuseg segmentation on the same
normalized texts.

PKUSEG_MODEL_DIR holds pkuseg's default model (`features.pkl`, `weights.npz`), found inside the
`pkuseg==0.0.25` source distribution on PyPI under `pkuseg/models/default`.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from spacy_pkuseg import pkuseg

from projextract.corpus.build import read_jsonl
from projextract.normalize import normalize


def word_boundaries(text: str, words: list[str]) -> set[int]:
    """Start and end offsets of each word in `text` (pkuseg drops whitespace from its output)."""
    bounds, offset = set(), 0
    for word in words:
        offset = text.index(word, offset)
        bounds.update((offset, offset + len(word)))
        offset += len(word)
    return bounds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("model", type=Path)
    parser.add_argument("gold", nargs="*", type=Path, default=[Path("corpus/train.jsonl"), Path("corpus/dev.jsonl")])
    args = parser.parse_args()
    segmenter = pkuseg(model_name=str(args.model))
    total, aligned = Counter(), Counter()
    texts: list[str] = []
    seconds = 0.0
    for path in args.gold:
        for record in read_jsonl(path):
            normalized = normalize(record["text"])
            texts.append(normalized.text)
            started = time.perf_counter()
            words = segmenter.cut(normalized.text)
            seconds += time.perf_counter() - started
            bounds = word_boundaries(normalized.text, words)
            for span in record["spans"]:
                start, end = normalized.alignment.to_normalized(span["start"], span["end"])
                total[span["label"]] += 1
                aligned[span["label"]] += start in bounds and end in bounds
    chars = sum(map(len, texts))
    print(f"{len(texts)} articles, {chars:,} characters")
    print("| label | gold spans | on pkuseg word boundaries | share |")
    print("|---|---:|---:|---:|")
    for label in sorted(total):
        print(f"| {label} | {total[label]} | {aligned[label]} | {100 * aligned[label] / total[label]:.1f}% |")
    all_total, all_aligned = sum(total.values()), sum(aligned.values())
    print(f"| all | {all_total} | {all_aligned} | {100 * all_aligned / all_total:.1f}% |")
    print(f"pkuseg segmentation: {chars / seconds:,.0f} chars/s")


if __name__ == "__main__":
    main()
