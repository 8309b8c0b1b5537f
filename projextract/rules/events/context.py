"""What the rules read: the article's entities, dates and furniture, indexed by position.

Every lookup goes through position-sorted lists with bisect, so a long article stays linear.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from ..dates import Anchor, TimeExpression
from .tables import EventRules

SENTENCE_END = re.compile(r"[。！？!?\n]")
CLAUSE_END = re.compile(r"[，；,;：:]|[ \u3000\t]+")
MAX_SPAN = 400  # sentences and clauses longer than this are cut: no scan ever grows with the article


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    label: str
    text: str
    money: dict | None = None
    zone: dict | None = None


class _Index:
    """Start-sorted items with bisect lookups by position."""

    def __init__(self, items, key=lambda item: item.start) -> None:  # noqa: ANN001
        self.items = sorted(items, key=key)
        self.starts = [key(item) for item in self.items]

    def between(self, start: int, end: int) -> list:
        return self.items[bisect_left(self.starts, start):bisect_left(self.starts, end)]

    def last_before(self, position: int, floor: int = 0):  # noqa: ANN201
        index = bisect_left(self.starts, position) - 1
        if index >= 0 and self.starts[index] >= floor:
            return self.items[index]
        return None


def _segments(text: str, pattern: re.Pattern[str], start: int, end: int, keep: bytearray) -> list[tuple[int, int]]:
    """Split [start, end) at `pattern` matches (the mark stays with the left part), never inside `keep`."""
    bounds, position = [], start
    for match in pattern.finditer(text, start, end):
        if keep[match.start()]:
            continue
        cut = match.end()
        while cut - position > MAX_SPAN:
            bounds.append((position, position + MAX_SPAN))
            position += MAX_SPAN
        if cut > position:
            bounds.append((position, cut))
        position = cut
    while end - position > MAX_SPAN:
        bounds.append((position, position + MAX_SPAN))
        position += MAX_SPAN
    if end > position:
        bounds.append((position, end))
    return bounds


@dataclass
class _Trigger:
    start: int
    end: int
    kind: str
    word: str
    sentence: tuple[int, int]
    clause: tuple[int, int]


@dataclass
class _Mention:
    """A project named (a PROJECT span) or referred back to (该项目 -> the project last named)."""

    start: int
    end: int
    project: str
    explicit: bool


@dataclass
class EventContext:
    text: str
    entities: list[Entity]
    dates: list[TimeExpression]
    furniture: list[tuple[int, int, str]]
    rules: EventRules
    published: str | None = None
    events: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        n = len(self.text)
        self._by_label: dict[str, _Index] = {}
        for label in ("MONEY", "ZONE", "PROJECT", "OFFICIAL"):
            self._by_label[label] = _Index([e for e in self.entities if e.label == label])
        self._entity_at = bytearray(n + 1)
        for entity in self.entities:
            self._entity_at[entity.start:entity.end] = b"\x01" * (entity.end - entity.start)
        self._furniture_at = bytearray(n + 1)
        for a, b, _ in self.furniture:
            self._furniture_at[a:b] = b"\x01" * (b - a)
        self.anchor = Anchor.from_iso(self.published)
        # dates inside entities (年产…, a 2021年 in a project name) are not dates of anything
        self.date_index = _Index([d for d in self.dates if not self._entity_at[d.start]])

    # ---- lookups
    def in_furniture(self, start: int, end: int) -> bool:
        return all(self._furniture_at[start:end]) if end > start else False

    def inside_entity(self, position: int) -> bool:
        return bool(self._entity_at[position])

    def of_label(self, label: str, start: int, end: int) -> list[Entity]:
        return [e for e in self._by_label[label].between(start, end) if e.end <= end]

    def money_value(self, entity: Entity, limit: int) -> tuple[bool, int | None]:
        """(is a total investment, its value in yuan or None when it is a bound or a foreign amount
        without a yuan figure)."""
        money = entity.money or {}
        if money.get("role") != "total":
            return False, None
        if money.get("value") is None or money.get("approx_kind") == "over":  # ranges, lower bounds
            return True, None
        if money.get("currency", "CNY") != "CNY":
            follow = self.text[entity.end:entity.end + 10]
            nxt = self.of_label("MONEY", entity.end, min(limit, len(self.text)))
            if "人民币" in follow and nxt and (nxt[0].money or {}).get("value") is not None:
                return True, int(nxt[0].money["value"])
            return True, None
        return True, int(money["value"])

    def investment_after(self, start: int, end: int) -> int | None:
        """The first total-investment MONEY in [start, end), in yuan; foreign currency via a yuan figure."""
        for entity in self.of_label("MONEY", start, end):
            is_total, value = self.money_value(entity, end + 20)
            if is_total:
                return value
        return None
