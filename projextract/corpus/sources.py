"""Reading annotated records from wherever they live: JSONL files, corpus folders, inline-markup sources.

Every corpus tool reads through here, so `stats`, `convert`, `export`, `agree`
and `augment` accept the same kinds of input:

- a `.jsonl` file (one record per line, ANNOTATION.md's schema);
- a corpus folder holding `train.jsonl`, `dev.jsonl`, `test.jsonl` (read as splits);
- a folder (or a single `.txt` file) of hand-written sources in the inline
  markup of corpus/AUTHORING.md, compiled with `authoring.compile_file`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .authoring import compile_file, iter_sources
from .build import SPLITS, read_jsonl, write_jsonl

Record = dict[str, Any]


def split_files(folder: Path) -> dict[str, Path]:
    """The split files (train/dev/test.jsonl, in that order) present in a corpus folder."""
    return {name: folder / f"{name}.jsonl" for name in SPLITS if (folder / f"{name}.jsonl").is_file()}


def read_records(path: str | Path) -> list[Record]:
    """All records at `path` (a JSONL file, a corpus folder, or inline-markup sources), in file order."""
    return [record for records in read_splits(path).values() for record in records]


def read_splits(path: str | Path) -> dict[str, list[Record]]:
    """Records at `path` grouped by split.

    A corpus folder gives its train/dev/test files; a folder of other `.jsonl`
    files gives one group per file (by stem); a single JSONL file gives one
    group named after its stem; inline-markup sources give one group, `sources`.
    """
    path = Path(path)
    if path.is_file():
        if path.suffix == ".txt":
            return {"sources": [compile_file(path)]}
        return {path.stem: list(read_jsonl(path))}
    if not path.is_dir():
        raise FileNotFoundError(f"{path}: no such file or folder")
    splits = split_files(path)
    if splits:
        return {name: list(read_jsonl(file)) for name, file in splits.items()}
    jsonl = sorted(path.glob("*.jsonl"))
    if jsonl:
        return {file.stem: list(read_jsonl(file)) for file in jsonl}
    sources = iter_sources([path])
    if sources:
        return {"sources": [compile_file(file) for file in sources]}
    raise FileNotFoundError(f"{path}: no .jsonl files and no .txt sources")


def write_splits(folder: str | Path, splits: Mapping[str, Iterable[Record]]) -> dict[str, int]:
    """Write each group to `folder/<name>.jsonl`; return the record count per file."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return {name: write_jsonl(folder / f"{name}.jsonl", records) for name, records in splits.items()}
