"""Batch annotation of archives: never dies on one bad article, never silently drops one."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language

from .api import parse, parse_many


def read_inputs(paths: Iterable[str | Path]) -> Iterator[tuple[str | bytes, dict[str, Any]]]:
    """Texts with their context: `.txt` files (bytes; id = file name), folders of them, or JSONL records."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from read_inputs(sorted(p for p in path.rglob("*") if p.suffix in (".txt", ".jsonl")))
        elif path.suffix == ".jsonl":
            with open(path, encoding="utf-8") as handle:
                for number, line in enumerate(handle, 1):
                    if not line.strip():
                        continue
                    try:
                        record = json.loads(line)
                        yield record["text"], {"id": record.get("id") or f"{path.name}:{number}",
                                               "published": (record.get("meta") or {}).get("published")}
                    except (json.JSONDecodeError, KeyError, TypeError) as error:
                        yield "", {"id": f"{path.name}:{number}", "error": f"unreadable record: {error}"}
        else:
            yield path.read_bytes(), {"id": path.name}


def annotate(items: Iterable[tuple[str | bytes, dict[str, Any]]], *, nlp: Language, batch_size: int = 32,
             n_process: int = 1) -> Iterator[dict[str, Any]]:
    """One result dict per input, in order; a failing article yields {"id", "error"} and the run goes on."""
    batch: list[tuple[str | bytes, dict[str, Any]]] = []

    def flush() -> Iterator[dict[str, Any]]:
        good = [(text, ctx) for text, ctx in batch if "error" not in ctx]
        try:
            results = iter(list(parse_many(good, nlp=nlp, batch_size=batch_size, n_process=n_process)))
        except Exception:  # noqa: BLE001 - find the bad article one by one
            results = None
        for text, ctx in batch:
            if "error" in ctx:
                yield {"id": ctx["id"], "error": ctx["error"]}
            elif results is not None:
                yield next(results).to_dict()
            else:
                try:
                    yield parse(text, published=ctx.get("published"), id=ctx.get("id"), nlp=nlp).to_dict()
                except Exception as error:  # noqa: BLE001 - reported in the output, never dropped
                    yield {"id": ctx.get("id"), "error": f"{type(error).__name__}: {error}"}
        batch.clear()

    for item in items:
        batch.append(item)
        if len(batch) >= batch_size * max(1, n_process) * 4:
            yield from flush()
    yield from flush()
