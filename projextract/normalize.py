"""Raw article text -> the text the pipeline reads, with an alignment back to raw offsets.

Passes, in order, each on the previous one's output:
1. shifted-byte GBK mojibake repair (needs the raw characters);
2. pinyin gloss removal (`網(wǎng)` -> `網`; the gloss joins its character's range);
3. width folding (full-width digits and letters to ASCII, ASCII punctuation
   between hanzi to its Chinese form) -- length-preserving;
4. collapsing doubled punctuation (`,,` `,、` `，。`) to one mark;
5. Traditional -> Simplified (OpenCC t2s), character by character.
Page furniture (bylines, editor lines, headers, related-news lists) is found
on the final text and returned as regions.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import opencc

from .alignment import Alignment, EditBuilder
from .mojibake import Repair, find_repairs

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
# A gloss: lowercase pinyin with at least one tone mark, in parentheses, right after a hanzi.
GLOSS = re.compile(rf"(?<=[\u3400-\u9fff])[(（](?=[a-z{_TONED}]*[{_TONED}])[a-z{_TONED}]{{1,7}}[)）]")
_HAN = r"[\u3400-\u9fff“”‘’《》（），。、；：]"
_ASCII_PUNCT_IN_HAN = re.compile(rf"(?<={_HAN})[,;:!?]+|[,;:!?]+(?={_HAN})")
_FULLWIDTH_OF = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
_PUNCT_RUN = re.compile(r"[，、。；：][，、。；：\s]*[，、。；：]|(?<=[，、。；：])\s+(?=[，、。；：])")
_STRENGTH = "。；：、，"  # the strongest mark of a doubled run survives


@dataclass(frozen=True)
class Furniture:
    """A region of page furniture in normalized offsets: 'byline', 'page' or 'related'."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Normalized:
    raw: str
    text: str
    alignment: Alignment
    repairs: tuple[Repair, ...] = ()
    furniture: tuple[Furniture, ...] = field(default=())

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        return self.alignment.to_raw(start, end)


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@cache
def furniture_table() -> dict:
    return json.loads(resources.files("projextract.data").joinpath("furniture.json").read_text("utf-8"))


@cache
def _furniture_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    table = furniture_table()
    surnames = json.loads(resources.files("projextract.data").joinpath("surnames.json").read_text("utf-8"))
    surname = "(?:" + "|".join(surnames["double"]) + "|[" + "".join(surnames["single"]) + "])"
    compiled = [("byline", re.compile(p.replace("{surname}", surname), re.M)) for p in table["byline_patterns"]]
    compiled += [("page", re.compile(p, re.M)) for p in table["page_patterns"]]
    headers = "|".join(map(re.escape, table["related_headers"]))
    compiled.append(("related", re.compile(rf"^[ \t\u3000]*(?:{headers})[^\n]{{0,10}}\n[\s\S]*\Z", re.M)))
    return tuple(compiled)


def _repair_mojibake(text: str) -> tuple[str, Alignment, list[Repair]]:
    repairs = find_repairs(text)
    builder = EditBuilder(text)
    for repair in repairs:
        builder.replace(repair.start, repair.end, repair.repaired, repair.ranges)
    out, alignment = builder.finish()
    return out, alignment, repairs


def _remove_glosses(text: str) -> tuple[str, Alignment]:
    builder = EditBuilder(text)
    for match in GLOSS.finditer(text):
        builder.delete(match.start(), match.end())
    return builder.finish()


def _fold_width(text: str) -> str:
    """Length-preserving: full-width ASCII variants to ASCII, ASCII punctuation beside hanzi to Chinese forms."""
    chars = [chr(ord(ch) - 0xFEE0) if "\uff10" <= ch <= "\uff5a" and ch.isalnum() else ch for ch in text]
    text = "".join(chars).replace("\u3000", " ")
    return _ASCII_PUNCT_IN_HAN.sub(lambda m: "".join(_FULLWIDTH_OF[c] for c in m.group()), text)


def _collapse_punctuation(text: str) -> tuple[str, Alignment]:
    builder = EditBuilder(text)
    for match in _PUNCT_RUN.finditer(text):
        run = match.group()
        marks = [ch for ch in run if not ch.isspace()]
        keep = min(marks, key=_STRENGTH.index) if marks else ""
        if "\n" in run:  # a line break between marks is structure, not noise
            continue
        builder.replace(match.start(), match.end(), keep)
    return builder.finish()


def to_simplified(text: str) -> str:
    """OpenCC t2s, kept character-aligned (phrase rules that change length fall back to per character)."""
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(ch if len(c := _t2s().convert(ch)) != 1 else c for ch in text)


def find_furniture(text: str) -> tuple[Furniture, ...]:
    found = sorted(
        (m.start(), m.end(), kind)
        for kind, pattern in _furniture_patterns()
        for m in pattern.finditer(text)
        if m.end() > m.start()
    )
    merged: list[list] = []
    for start, end, kind in found:  # overlapping matches of one kind become one region
        if merged and merged[-1][2] == kind and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end, kind])
    return tuple(Furniture(start, end, kind) for start, end, kind in merged)


def normalize(raw: str) -> Normalized:
    """Normalize `raw` for the model; every normalized character keeps its raw range."""
    text, alignment, repairs = _repair_mojibake(raw)
    for edit in (_remove_glosses, _collapse_punctuation):
        text, step = edit(_fold_width(text) if edit is _collapse_punctuation else text)
        alignment = alignment.compose(step)
    text = to_simplified(text)
    return Normalized(raw, text, alignment, tuple(repairs), find_furniture(text))
