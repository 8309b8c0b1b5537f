"""Character alignment between the raw text a caller passed and the normalized text the model reads.

Every normalized character remembers the raw range it came from. Characters
deleted by normalization (a pinyin gloss, a doubled comma) join the range of
the character before them, which is exactly ANNOTATION.md's rule that a gloss
belongs to the character it follows.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Alignment:
    """`starts[i]`/`ends[i]`: the raw range of normalized character i (both non-decreasing)."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    raw_length: int

    @classmethod
    def identity(cls, length: int) -> Alignment:
        return cls(tuple(range(length)), tuple(range(1, length + 1)), length)

    def __len__(self) -> int:
        return len(self.starts)

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized [start, end) span to raw offsets."""
        if not 0 <= start <= end <= len(self.starts):
            raise IndexError(f"span {start}-{end} outside normalized text of length {len(self.starts)}")
        if start == end:
            position = self.starts[start] if start < len(self.starts) else self.raw_length
            return position, position
        return self.starts[start], self.ends[end - 1]

    def to_normalized(self, start: int, end: int) -> tuple[int, int]:
        """Map a raw [start, end) span to the normalized characters it covers.

        A normalized character belongs to the span when its raw range overlaps
        it, so a raw span that ends after a gloss maps to the glossed character.
        """
        if not 0 <= start <= end <= self.raw_length:
            raise IndexError(f"span {start}-{end} outside raw text of length {self.raw_length}")
        first = bisect_right(self.ends, start)
        last = bisect_left(self.starts, end)
        return first, max(first, last)

    def compose(self, inner: Alignment) -> Alignment:
        """`self` maps text B to raw A; `inner` maps text C to B. Return C -> A."""
        if inner.raw_length != len(self.starts):
            raise ValueError("alignments do not chain")
        starts = tuple(self.starts[s] if s < len(self.starts) else self.raw_length for s in inner.starts)
        ends = tuple(self.ends[e - 1] if e > 0 else 0 for e in inner.ends)
        return Alignment(starts, ends, self.raw_length)


class EditBuilder:
    """Builds an edited copy of a text and its alignment, one region at a time, left to right."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._pieces: list[str] = []
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._position = 0
        self._pending_start: int | None = None  # a deletion at the very start joins the next character

    def keep_until(self, position: int) -> None:
        """Copy text[self._position:position] unchanged."""
        if position <= self._position:
            return
        self._pieces.append(self.text[self._position : position])
        first = self._position
        self._starts.extend(range(first, position))
        self._ends.extend(range(first + 1, position + 1))
        if self._pending_start is not None:
            self._starts[len(self._starts) - (position - first)] = self._pending_start
            self._pending_start = None
        self._position = position

    def replace(self, start: int, end: int, new: str, ranges: Sequence[tuple[int, int]] | None = None) -> None:
        """Replace text[start:end] with `new`; `ranges` gives each new character's source range."""
        self.keep_until(start)
        if not new:
            self.delete(start, end)
            return
        if ranges is None:
            ranges = [(start, end)] * len(new)
        if len(ranges) != len(new):
            raise ValueError("one source range per new character")
        self._pieces.append(new)
        for index, (source_start, source_end) in enumerate(ranges):
            if index == 0 and self._pending_start is not None:
                source_start = self._pending_start
                self._pending_start = None
            self._starts.append(source_start)
            self._ends.append(source_end)
        self._position = end

    def delete(self, start: int, end: int) -> None:
        """Drop text[start:end]; it joins the previous character's range (or the next one's at the start)."""
        self.keep_until(start)
        if self._ends:
            self._ends[-1] = max(self._ends[-1], end)
        elif self._pending_start is None:
            self._pending_start = start
        self._position = end

    def finish(self) -> tuple[str, Alignment]:
        self.keep_until(len(self.text))
        if self._pending_start is not None and not self._ends:
            # everything was deleted: nothing to align
            pass
        return "".join(self._pieces), Alignment(tuple(self._starts), tuple(self._ends), len(self.text))
