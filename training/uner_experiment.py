"""Experiment: Universal NER Chinese person names as extra OFFICIAL supervision.

    python training/uner_experiment.py ../shared/datasets/uner_zh training/output/uner

Adds the UNER GSDSimp train sentences (CC BY-SA 4.0; "Universal NER (Mayhew et al., NAACL 2024),
UNER_Chinese-GSDSIMP") to corpus/train.jsonl: every PER span becomes OFFICIAL, everything else is
outside (UNER's ORG/LOC are not zones or projects). Trains training/config.cfg on the union and
leaves the pipeline in OUTPUT for `projextract evaluate corpus/dev.jsonl --model OUTPUT/pipeline`.
Only 14 of UNER's 2,148 train PER mentions stand next to a title of projextract's titles table,
so a titled-only variant would add nothing; this tests the broad one. The converted data stays in
OUTPUT (gitignored) and is never shipped. Results: training/README.md.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

from projextract.training import train


def read_iob2(path: Path) -> Iterator[tuple[str, list[tuple[int, int, str]]]]:
    """(text, [(start, end, label)]) per sentence; tokens are UD words joined without spaces."""
    words: list[str] = []
    tags: list[str] = []
    for line in [*path.read_text("utf-8").splitlines(), ""]:
        if line.startswith("#"):
            continue
        if line.strip():
            columns = line.split("\t")
            words.append(columns[1])
            tags.append(columns[2])
            continue
        if not words:
            continue
        text, spans, position, current = "", [], 0, None
        for word, tag in zip(words, tags, strict=True):
            start, end = position, position + len(word)
            if tag == "O" or tag.startswith("B-") or (current and tag[2:] != current[2]):
                if current:
                    spans.append(tuple(current))
                current = [start, end, tag[2:]] if tag != "O" else None
            else:
                current[1] = end
            text, position = text + word, end
        if current:
            spans.append(tuple(current))
        yield text, spans
        words, tags = [], []


def uner_records(folder: Path) -> list[dict]:
    records = []
    for index, (text, spans) in enumerate(read_iob2(folder / "zh_gsdsimp-ud-train.iob2")):
        people = [{"start": s, "end": e, "label": "OFFICIAL"} for s, e, label in spans if label == "PER"]
        names = dict.fromkeys(text[p["start"]:p["end"]] for p in people)
        records.append({"id": f"uner-{index:05d}", "text": text, "spans": people, "events": [],
                        "officials": [{"name": name, "titles": []} for name in names],
                        "meta": {"source": "uner_zh_gsdsimp"}})
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("uner", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    args = parser.parse_args()
    args.output.mkdir(parents=True, exist_ok=True)
    extra = args.output / "uner_train.jsonl"
    with extra.open("w", encoding="utf-8") as out:
        for record in uner_records(args.uner):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    train(args.corpus, args.output, extra=[extra])


if __name__ == "__main__":
    main()
