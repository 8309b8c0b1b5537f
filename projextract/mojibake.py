"""Repair of shifted-byte GBK mojibake, as found in old Chinese web archives.

A page stored as GBK was decoded one byte off: from the lost byte on, every
character is made of the second half of one original character and the first
half of the next (`活動以視頻連線` became `?;顒右砸曨l連線`) until a lone
byte below 0x80 puts the decoder back in step. The archives that did this also
folded full-width punctuation to ASCII, so an ASCII `;` in a garbled run stood
for the GBK bytes of `；`.

Repair re-encodes the run, drops the orphaned byte, decodes again and keeps the
result only when it reads as more plausible Chinese than the garbled run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import opencc

UNKNOWN = "\ufffd"
_WILDCARD = -1
# A seed of a garbled run: an ASCII '?' or U+FFFD touching a CJK character.
_SEED = re.compile(r"(?<=[\u4e00-\u9fff])[?\ufffd]+|[?\ufffd]+(?=[\u4e00-\u9fff])")
# Real punctuation ends a run; ASCII '(' and ',' too, since glosses and folded commas follow garbled runs.
_RUN_STOP = re.compile(r"[\s，。、；：！？“”‘’（）《》【】(),]")
_MAX_RUN = 60


@dataclass(frozen=True)
class Repair:
    """One repaired run: raw offsets of the garbled characters and the text that replaces them."""

    start: int
    end: int
    garbled: str
    repaired: str
    ranges: tuple[tuple[int, int], ...]  # raw range of each repaired character

    def to_dict(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "garbled": self.garbled, "repaired": self.repaired}


@cache
def _common_characters() -> frozenset[str]:
    """GB2312 level-1 hanzi: the 3,755 most frequent characters, a free plausibility lexicon."""
    chars = set()
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return frozenset(chars)


@cache
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def plausibility(text: str) -> float:
    """Share of characters that are common Simplified hanzi (after t2s); ASCII letters and symbols count against."""
    if not text:
        return 0.0
    common = _common_characters()
    simplified = _to_simplified().convert(text)
    if len(simplified) != len(text):
        simplified = "".join(_to_simplified().convert(ch) for ch in text)
    score = sum(1.0 for ch in simplified if ch in common)
    return score / len(text)


def _char_bytes(ch: str) -> bytes | None:
    """GBK bytes a garbled character came from; ASCII punctuation stands for its full-width form."""
    code = ord(ch)
    if code < 0x80:
        if 0x40 <= code <= 0x7E or ch.isalnum():
            return bytes((code,))
        if 0x21 <= code <= 0x7E:
            return chr(code + 0xFEE0).encode("gbk")
        return None
    try:
        return ch.encode("gbk")
    except UnicodeEncodeError:
        return None


def _shift_decode(chars: str, first_index: int) -> tuple[list[str], list[tuple[int, int]]] | None:
    """Drop the first byte of `chars`' GBK bytes and decode the rest.

    Returns the decoded characters and, for each, the indexes (relative to
    `first_index`) of the garbled characters holding its bytes. Stops at the
    first byte pair that does not decode.
    """
    stream: list[tuple[int, int]] = []  # (byte, index of the garbled char it sits in)
    for offset, ch in enumerate(chars):
        encoded = _char_bytes(ch)
        if encoded is None:
            break
        stream.extend((byte, first_index + offset) for byte in encoded)
    decoded: list[str] = []
    owners: list[tuple[int, int]] = []
    position = 1  # the orphaned trail byte
    while position < len(stream):
        byte, owner = stream[position]
        if byte < 0x80:
            decoded.append(chr(byte))
            owners.append((owner, owner + 1))
            position += 1
            continue
        if position + 1 >= len(stream):
            break
        pair = bytes((byte, stream[position + 1][0]))
        try:
            decoded.append(pair.decode("gbk"))
        except UnicodeDecodeError:
            break
        owners.append((owner, stream[position + 1][1] + 1))
        position += 2
    if not decoded:
        return None
    return decoded, owners


def _repair_at(text: str, seed_start: int, seed_end: int) -> Repair | None:
    """Try to repair the run that starts with the '?' cluster text[seed_start:seed_end]."""
    stop = _RUN_STOP.search(text, seed_end, min(len(text), seed_end + _MAX_RUN))
    run_end = stop.start() if stop else min(len(text), seed_end + _MAX_RUN)
    if run_end <= seed_end:
        return None
    result = _shift_decode(text[seed_end:run_end], seed_end)
    if result is None:
        return None
    decoded, owners = result
    # Where the decoder fell back in step, shifted and garbled text agree; the repair ends there.
    garbled_end = owners[-1][1]
    for index in range(len(decoded)):
        if owners[index][1] - owners[index][0] == 1 and decoded[index] == text[owners[index][0]]:
            tail_agrees = "".join(decoded[index:]) == text[owners[index][0] : garbled_end]
            if tail_agrees and index > 0 and ord(decoded[index]) < 0x80:
                decoded, owners, garbled_end = decoded[: index + 1], owners[: index + 1], owners[index][1]
                break
            if tail_agrees:
                decoded, owners, garbled_end = decoded[:index], owners[:index], owners[index][0]
                break
    if not decoded:
        return _orphan_only(text, seed_start, seed_end)
    repaired_text = "".join(decoded)
    original = text[seed_end:garbled_end]
    if plausibility(repaired_text) <= plausibility(original) + 0.2:
        return None
    # The lost byte(s) and the orphaned trail byte make unknown characters (one '?' per lost byte).
    lost_bytes = (seed_end - seed_start) + 1
    unknown = UNKNOWN * ((lost_bytes + 1) // 2)
    orphan_owner = seed_end
    unknown_range = (seed_start, orphan_owner + 1)
    ranges = [unknown_range] * len(unknown) + list(owners)
    return Repair(
        start=seed_start,
        end=garbled_end,
        garbled=text[seed_start:garbled_end],
        repaired=unknown + repaired_text,
        ranges=tuple(ranges),
    )


def _orphan_only(text: str, seed_start: int, seed_end: int) -> Repair | None:
    """`??h級層面`: the decoder fell back in step at once; the lone ASCII letter is an orphaned trail byte."""
    after = seed_end + 1
    if not (after < len(text) and text[seed_end].isascii() and text[seed_end].isalpha()):
        return None
    if not "\u4e00" <= text[after] <= "\u9fff":
        return None
    lost_bytes = (seed_end - seed_start) + 1
    unknown = UNKNOWN * ((lost_bytes + 1) // 2)
    return Repair(seed_start, after, text[seed_start:after], unknown, tuple([(seed_start, after)] * len(unknown)))


def find_repairs(text: str) -> list[Repair]:
    """Every repairable garbled run in `text`, left to right, non-overlapping."""
    repairs: list[Repair] = []
    position = 0
    for seed in _SEED.finditer(text):
        if seed.start() < position:
            continue
        repair = _repair_at(text, seed.start(), seed.end())
        if repair is not None:
            repairs.append(repair)
            position = repair.end
    return repairs
