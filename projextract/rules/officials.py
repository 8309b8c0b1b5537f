"""Officials by rule: title chains, name lists after group labels, titles split around a name."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from ..tables import load_table

HAN = r"\u4e00-\u9fff"


@dataclass
class TitleRules:
    """Compiled from titles.json and surnames.json (or a component's own copies)."""

    titles: dict = field(default_factory=lambda: load_table("titles"))
    surnames: dict = field(default_factory=lambda: load_table("surnames"))

    def _alternation(self, words: list[str]) -> str:
        return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))

    @cached_property
    def position(self) -> str:
        return self._alternation(self.titles["positions"])

    @cached_property
    def surname(self) -> str:
        return "(?:" + self._alternation(self.surnames["double"]) + "|[" + "".join(self.surnames["single"]) + "])"

    @cached_property
    def title_chain(self) -> re.Pattern[str]:
        # One title: up to 24 non-punctuation characters ending in a position; chains join with 、 or spaces.
        title = rf"[{HAN}A-Za-z0-9（）()]{{0,24}}?(?:{self.position})"
        return re.compile(rf"(?:{title})(?:[、 ]*(?:{title}))*$")

    @cached_property
    def name_after_title(self) -> re.Pattern[str]:
        # A name right after a position word; its end is checked by `name_end`.
        return re.compile(rf"(?:{self.position})[ ]?(?P<name>{self.surname}[{HAN}]{{1,2}})")

    @cached_property
    def name_end(self) -> re.Pattern[str]:
        verbs = "出席|主持|讲话|致辞|表示|强调|指出|说|介绍|宣布|参加|调研|带队|会见|一行|等|同志|率|陪同|察看|深入|听取|要求|宣读|代表|作|在|对|就|为|与|及|和|到|赴|前往|分别|共同|先后|实地|现场|来|也|向|一同|主持召开|会见了|见证|致|批示|答|回答|接受|通报|部署|点评|希望|提出|认为|并|则|还|又|详细|逐一|带领|率队"
        return re.compile(rf"(?:[、，。；：！？,;:\s（）()“”]|$|{verbs})")

    @cached_property
    def group_list(self) -> re.Pattern[str]:
        labels = self._alternation(self.titles["group_labels"])
        name = rf"{self.surname}[{HAN}](?:[ ]?[{HAN}])?"
        return re.compile(rf"(?:{labels})[：:]?[ ]?(?P<names>{name}(?:[、，,][ ]?{name})+)")

    @cached_property
    def trailing(self) -> re.Pattern[str]:
        return re.compile(self.titles["trailing_title_pattern"])

    @cached_property
    def company_position(self) -> re.Pattern[str]:
        return re.compile(rf"(?:{self._alternation(self.titles['company_positions'])})$")


@dataclass(frozen=True)
class OfficialMention:
    start: int
    end: int
    name: str
    titles: tuple[str, ...]


def titles_before(text: str, start: int, rules: TitleRules) -> list[tuple[int, int]]:
    """Offsets of the title chain right before `start` (`市委常委、洪洞县委书记` -> two titles)."""
    window_start = max(0, start - 60)
    window = text[window_start:start]
    cut = max(window.rfind(mark) for mark in "，。；：！？,;\n“”")
    match = rules.title_chain.search(text, window_start + cut + 1, start)
    if not match or rules.company_position.search(match.group()):
        return []
    return [(match.start() + p.start(), match.start() + p.end()) for p in re.finditer(r"[^、 ]+", match.group())]


def is_company_staff(text: str, start: int, rules: TitleRules) -> bool:
    before = text[max(0, start - 8) : start].rstrip(" ")
    return bool(rules.company_position.search(before))


def find_official_mentions(text: str, rules: TitleRules, excluded: list[tuple[int, int]] = ()) -> list[OfficialMention]:
    """Official name mentions: after title chains, in group lists, with split titles, and every repeat."""

    excluded_at = bytearray(len(text) + 1)
    for a, b in excluded:
        excluded_at[a:b] = b"\x01" * (b - a)

    def blocked(start: int, end: int) -> bool:
        return all(excluded_at[start:end])

    mentions: dict[int, OfficialMention] = {}
    for match in rules.name_after_title.finditer(text):
        start = match.start("name")
        name = _fit_name(text, start, match.group("name"), rules)
        if name is None or blocked(start, start + len(name)):
            continue
        titles = tuple(text[a:b] for a, b in titles_before(text, start, rules))
        if titles:
            mentions[start] = OfficialMention(start, start + len(name), name, titles)
    for match in rules.group_list.finditer(text):
        offset = match.start("names")
        for item in re.finditer(rf"[^、，,]+", match.group("names")):
            name = item.group().strip()
            start = offset + item.start() + (len(item.group()) - len(item.group().lstrip()))
            if 2 <= len(name.replace(" ", "")) <= 4 and not blocked(start, start + len(name)):
                mentions.setdefault(start, OfficialMention(start, start + len(name), name, ()))
    for match in rules.trailing.finditer(text):
        start = match.start("name")
        if not blocked(start, match.end("name")):
            title = match.group("org") + match.group("position")
            mentions[start] = OfficialMention(start, match.end("name"), match.group("name"), (title,))
    names = {mention.name for mention in mentions.values()}
    taken = bytearray(len(text) + 1)
    for mention in mentions.values():
        taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
    for name in sorted(names, key=len, reverse=True):
        for match in re.finditer(re.escape(name), text):
            start, end = match.start(), match.end()
            if any(taken[start:end]) or blocked(start, end) or is_company_staff(text, start, rules):
                continue
            # a longer name that merely starts with this one is a different person
            if end < len(text) and re.match(rf"[{HAN}]", text[end]) and not rules.name_end.match(text, end):
                continue
            mentions[start] = OfficialMention(start, end, name, ())
            taken[start:end] = b"\x01" * (end - start)
    return sorted(mentions.values(), key=lambda m: m.start)


def _fit_name(text: str, start: int, candidate: str, rules: TitleRules) -> str | None:
    """Choose a 3- or 2-character name at `start` by what follows it."""
    for length in (3, 2):
        if len(candidate) < length:
            continue
        end = start + length
        if rules.name_end.match(text, end):
            return text[start:end]
    return None
