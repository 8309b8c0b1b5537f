"""The package's rule tables (one JSON file per table in projextract/data), loaded once."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def _packaged(name: str) -> str:
    return resources.files("projextract.data").joinpath(f"{name}.json").read_text("utf-8")


def load_table(name: str) -> dict[str, Any]:
    """A fresh copy of the packaged table `name` (components may extend their copy)."""
    return json.loads(_packaged(name))
