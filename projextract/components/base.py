"""Shared plumbing for components whose rules are data tables (JSON files in projextract/data)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import srsly
from spacy import util

from ..tables import load_table


class TableComponent:
    """Holds named rule tables; serializes them with the pipeline (`to_disk`/`from_disk`, bytes too).

    Tables start as the packaged defaults; a saved pipeline carries its own copies, so
    a user's added trigger word or title travels with the model.
    """

    table_names: tuple[str, ...] = ()

    def __init__(self, name: str) -> None:
        self.name = name
        self.tables: dict[str, Any] = {table: load_table(table) for table in self.table_names}
        self._compile()

    def _compile(self) -> None:
        """Rebuild compiled patterns from self.tables (after loading or editing tables)."""

    def add_entries(self, table: str, key: str, words: list[str]) -> None:
        """Extend a list in a table (`add_entries("triggers", "signing", ["云签约"])`)."""
        self.tables[table][key] = list(dict.fromkeys([*self.tables[table][key], *words]))
        self._compile()

    def to_bytes(self, *, exclude: tuple[str, ...] = ()) -> bytes:
        return srsly.msgpack_dumps({"tables": self.tables})

    def from_bytes(self, data: bytes, *, exclude: tuple[str, ...] = ()) -> TableComponent:
        self.tables = srsly.msgpack_loads(data)["tables"]
        self._compile()
        return self

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        path = util.ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        for table, content in self.tables.items():
            srsly.write_json(path / f"{table}.json", content)

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> TableComponent:
        path = util.ensure_path(path)
        for table in self.table_names:
            if (path / f"{table}.json").exists():
                self.tables[table] = srsly.read_json(path / f"{table}.json")
        self._compile()
        return self
