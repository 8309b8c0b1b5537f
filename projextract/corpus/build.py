"""Compile corpus/src into corpus/{train,dev,test}.jsonl with a fixed, recorded split."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .authoring import AuthoringError, compile_file, iter_sources
from .validate import validate_records

SPLITS = ("train", "dev", "test")


SHARES = {"train": 0.70, "dev": 0.15, "test": 0.15}


def assign_splits(new_ids: Iterable[str], splits: dict[str, str]) -> dict[str, str]:
    """Give each new id the split furthest below its 70/15/15 share, in a stable hash order.

    Recorded ids never move, so adding articles keeps old results comparable.
    """
    counts = {name: sum(1 for s in splits.values() if s == name) for name in SPLITS}
    for record_id in sorted(new_ids, key=lambda i: hashlib.sha1(i.encode("utf-8")).hexdigest()):
        total = sum(counts.values()) + 1
        split = max(SPLITS, key=lambda name: SHARES[name] * total - counts[name])
        splits[record_id] = split
        counts[split] += 1
    return splits


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as error:
                    raise ValueError(f"{path}:{number}: not JSON ({error})") from error


def write_jsonl(path: str | Path, records: Iterable[dict[str, Any]]) -> int:
    count = 0
    with open(path, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def build(corpus_dir: str | Path = "corpus") -> dict[str, int]:
    """Compile every source under corpus/src; keep recorded splits, assign new ids by hash."""
    corpus_dir = Path(corpus_dir)
    split_file = corpus_dir / "splits.json"
    splits: dict[str, str] = json.loads(split_file.read_text("utf-8")) if split_file.exists() else {}
    records: dict[str, list[dict[str, Any]]] = {name: [] for name in SPLITS}
    errors: list[str] = []
    compiled = []
    for path in iter_sources([corpus_dir / "src"]):
        if path.parent.name == "demo":
            continue
        try:
            compiled.append(compile_file(path))
        except AuthoringError as error:
            errors.append(str(error))
    assign_splits([r["id"] for r in compiled if r["id"] not in splits], splits)
    for record in compiled:
        records[splits[record["id"]]].append(record)
    problems = {key: value for name in SPLITS for key, value in validate_records(records[name]).items()}
    if errors or problems:
        details = errors + [f"{key}: {p}" for key, ps in problems.items() for p in ps]
        raise ValueError("corpus does not validate:\n" + "\n".join(details[:50]))
    counts = {name: write_jsonl(corpus_dir / f"{name}.jsonl", sorted(records[name], key=lambda r: r["id"]))
              for name in SPLITS}
    split_file.write_text(json.dumps(dict(sorted(splits.items())), ensure_ascii=False, indent=0) + "\n", "utf-8")
    return counts
