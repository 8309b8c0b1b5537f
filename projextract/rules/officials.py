"""Officials by rule: title chains, name lists after group labels, titles split around a name.

Every word list is data (`titles.json`, `surnames.json`): positions, organisations, group labels,
company positions, the words that may follow a name, the words that end a non-title prefix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from ..tables import load_table

HAN = r"\u4e00-\u9fff"
_DOT = "·•・"  # Uyghur / Kazakh names: 木拉提·阿不都热依木
_CUT_MARKS = "，。；：！？,;\n"


@dataclass
class TitleRules:
    """Compiled from titles.json and surnames.json (or a component's own copies)."""

    titles: dict = field(default_factory=lambda: load_table("titles"))
    surnames: dict = field(default_factory=lambda: load_table("surnames"))

    def _alternation(self, words: list[str]) -> str:
        return "|".join(map(re.escape, sorted({w for w in words if w}, key=len, reverse=True))) or "(?!)"

    def _list(self, key: str) -> list:
        """A titles.json list, or the packaged default for a table saved before the key existed."""
        value = self.titles.get(key)
        if value is None:
            value = load_table("titles").get(key, [])
        return value.get("words", []) if isinstance(value, dict) else value

    @cached_property
    def position(self) -> str:
        return self._alternation(self.titles["positions"])

    @cached_property
    def surname(self) -> str:
        return "(?:" + self._alternation(self.surnames["double"]) + "|[" + "".join(self.surnames["single"]) + "])"

    @cached_property
    def title_chain(self) -> re.Pattern[str]:
        # One title: up to 24 non-punctuation characters ending in a position; chains join with 、 or spaces.
        title = rf"(?:[{HAN}A-Za-z0-9（）()]|“[^“”\n]{{1,16}}”){{0,24}}?(?:{self.position})"
        return re.compile(rf"(?:{title})(?:[、 ]*(?:{title}))*$")

    @cached_property
    def dotted_name(self) -> str:
        return rf"[{HAN}]{{1,6}}[{_DOT}][{HAN}]{{1,8}}(?:[{_DOT}][{HAN}]{{1,8}})?"

    @cached_property
    def name_after_title(self) -> re.Pattern[str]:
        # A name right after a position word; its end is checked by `name_end`.
        # a lookahead: a failed name leaves the next position free (人大常委会主任叶伟强: 常委 fails, 主任 fits)
        return re.compile(rf"(?:{self.position})(?=[ ]?(?P<name>{self.dotted_name}|{self.surname}[{HAN}]{{1,3}}|[{HAN}]{{2,4}}))")

    @cached_property
    def name_end(self) -> re.Pattern[str]:
        verbs = self._alternation(self._list("name_end_words"))
        return re.compile(rf"(?:[、，。；：！？,;:\s（）()“”]|$|{verbs})")

    @cached_property
    def strong_end(self) -> re.Pattern[str]:
        return re.compile(rf"(?:{self._alternation(self._list('strong_name_end_words'))})")

    @cached_property
    def verb_start(self) -> re.Pattern[str]:
        """A name-end word starting right here (钟跃说 -> 钟跃 + 说, not a name 钟跃说)."""
        return re.compile(rf"(?:{self._alternation(self._list('name_end_words'))})")

    @cached_property
    def group_label(self) -> re.Pattern[str]:
        labels = self._alternation(self.titles["group_labels"])
        return re.compile(rf"(?:{labels})[：:]?[ ]?")

    @cached_property
    def trailing(self) -> re.Pattern[str]:
        return re.compile(self.titles["trailing_title_pattern"])

    @cached_property
    def company_position(self) -> re.Pattern[str]:
        return re.compile(rf"(?:{self._alternation(self.titles['company_positions'])})$")

    @cached_property
    def title_break(self) -> re.Pattern[str]:
        # the last break word before a title ends what is not part of it (自由贸易试验区 keeps its 由)
        words = self._alternation(self._list("title_breaks"))
        return re.compile(rf"^.*(?:{words})")

    @cached_property
    def breaker(self) -> re.Pattern[str]:
        return re.compile(self._alternation(self._list("name_breakers")))

    @cached_property
    def group_after(self) -> re.Pattern[str]:
        return re.compile(self._alternation(self._list("group_labels_after")))

    @cached_property
    def not_name(self) -> re.Pattern[str]:
        return re.compile(self._alternation(self._list("not_name_chars")))

    @cached_property
    def bare_position(self) -> re.Pattern[str]:
        return re.compile(rf"(?:{self.position})")


@dataclass(frozen=True)
class OfficialMention:
    start: int
    end: int
    name: str
    titles: tuple[str, ...]


def titles_before(text: str, start: int, rules: TitleRules) -> list[tuple[int, int]]:
    """Offsets of the title chain right before `start` (`市委常委、洪洞县委书记` -> two titles)."""
    window_start = max(0, start - 80)
    window = text[window_start:start]
    cut = max(window.rfind(mark) for mark in _CUT_MARKS)
    match = rules.title_chain.search(text, window_start + cut + 1, start)
    if not match or rules.company_position.search(match.group()):
        return []
    chain_start = match.start()
    # 区委副书记、区长，成都经开区管委会主任康宇: a clause of titles alone before the comma belongs to the chain
    while chain_start > 0 and text[chain_start - 1] in "，,":
        before = text[max(0, chain_start - 61):chain_start - 1]
        cut = max(before.rfind(mark) for mark in _CUT_MARKS)
        whole = rules.title_chain.fullmatch(before[cut + 1:]) if before[cut + 1:] else None
        if not whole:
            break
        chain_start = chain_start - 1 - len(before) + cut + 1
    # 记者专访了X经开区党工委书记 / 据开发区管委会主任: the title starts after what only leads up to it
    first = re.match(r"[^、 ]+", match.group())
    lead = rules.title_break.match(first.group()) if first else None
    if lead and not _inside_zone_name(first.group(), lead.end()):
        chain_start += lead.end()
    pieces = [(chain_start + p.start(), chain_start + p.end()) for p in re.finditer(r"[^、 ，,]+", text[chain_start:start])]
    return [(a, b) for a, b in pieces if rules.bare_position.search(text, a, b)]


def _inside_zone_name(title: str, cut: int) -> bool:
    """A break word that belongs to a name (自由贸易试验区): not a break."""
    return title[max(0, cut - 2):cut] == "自由"


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
            _list_after(text, start + len(name), rules, mentions, blocked)
    for match in rules.group_label.finditer(text):
        _list_after(text, match.end(), rules, mentions, blocked, first=True)
    for match in rules.group_after.finditer(text):
        _list_before(text, match.start(), rules, mentions, blocked)
    for match in rules.trailing.finditer(text):
        start = match.start("name")
        if not blocked(start, match.end("name")):
            title = match.group("org") + match.group("position")
            mentions[start] = OfficialMention(start, match.end("name"), match.group("name"), (title,))
    names = {mention.name for mention in mentions.values()}
    taken = bytearray(len(text) + 1)
    for mention in mentions.values():
        taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
    if names:
        # every later mention, in one pass over the text (no scan per name)
        pattern = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))
        for match in pattern.finditer(text):
            start, end = match.start(), match.end()
            if any(taken[start:end]) or blocked(start, end) or is_company_staff(text, start, rules):
                continue
            # a longer name that merely starts with this one is a different person
            if end < len(text) and re.match(rf"[{HAN}]", text[end]) and not rules.name_end.match(text, end) \
                    and not rules.bare_position.match(text, end):  # 符振海书记出席 is a mention, 王建国华 is not
                continue
            mentions[start] = OfficialMention(start, end, match.group(), ())
            taken[start:end] = b"\x01" * (end - start)
    return sorted(mentions.values(), key=lambda m: m.start)


def _list_after(text: str, position: int, rules: TitleRules, mentions: dict[int, OfficialMention], blocked,  # noqa: ANN001
                first: bool = False) -> None:
    """Names in a 、-list at `position` (after a group label, or after a titled name: `…副主任赵明山、段春、施永福出席`).
    A group label's list needs two names, or one followed by a strong word (市领导王明出席); a name of no
    known surname (达娃) only stands among names that have one."""
    if not first:
        if not text.startswith("、", position):
            return
        position += 1
    items: list[tuple[int, int, str]] = []
    while True:
        while position < len(text) and text[position] == " ":
            position += 1
        item = re.match(rf"{rules.dotted_name}|[{HAN}]{{2,4}}", text[position:position + 20])
        if not item:
            break
        name = _fit_list_item(text, position, item.group(), rules)
        if name is None or rules.bare_position.search(name):
            break
        items.append((position, position + len(name), name))
        if not text.startswith("、", position + len(name)):
            break
        position += len(name) + 1
    surnamed = [i for i in items if re.match(rules.surname, i[2]) or any(d in i[2] for d in _DOT)]
    if first and not (len(items) >= 2 or (surnamed and (rules.strong_end.match(text, items[0][1]) or (
            len(items[0][2]) == 3 and text.startswith(("，", ","), items[0][1]))))):
        return
    if len(surnamed) * 2 < len(items) or not surnamed and not first:
        return
    for start, end, name in items:
        if blocked(start, end) or start in mentions:
            continue
        if not re.match(rules.surname, name) and rules.not_name.search(name):
            continue
        mentions[start] = OfficialMention(start, end, name, ())


def _list_before(text: str, end: int, rules: TitleRules, mentions: dict[int, OfficialMention], blocked) -> None:  # noqa: ANN001
    """`王建设、吴丽萍、傅国平等市领导参加`: the 、-list of names that ends at `end`."""
    items = []
    position = end
    while True:
        item = re.search(rf"(?:^|[、，。；：,;:\s])({rules.dotted_name}|[{HAN}]{{2,4}})$", text[max(0, position - 21):position])
        if not item:
            return
        name = item.group(1)
        start = position - len(name)
        items.append((start, position, name))
        if start == 0 or text[start - 1] != "、":
            break
        position = start - 1
    surnamed = [i for i in items if re.match(rules.surname, i[2])]
    if len(surnamed) * 2 < len(items):
        return
    for start, stop, name in items:
        if not blocked(start, stop) and start not in mentions and not rules.bare_position.search(name):
            mentions[start] = OfficialMention(start, stop, name, ())


def _fit_list_item(text: str, start: int, candidate: str, rules: TitleRules) -> str | None:
    """A list item ends at 、, or at a word that may follow a name (赵梅出席 -> 赵梅, 冷冰等 -> 冷冰)."""
    name = _fit_name(text, start, candidate, rules)
    return None if name is None or "领导" in name else name


def _fit_name(text: str, start: int, candidate: str, rules: TitleRules) -> str | None:
    """Choose a 4-, 3- or 2-character name at `start` by what follows it. A name of no known surname
    (达娃, 扎西多吉) or of four characters after a single surname (罗布顿珠) needs a strong word after it
    (出席, 主持, 告诉…); when the name could end one character earlier and that character starts a word
    that follows names (钟跃说, 聂川在接受采访), it does."""
    dots = [i for i, ch in enumerate(candidate) if ch in _DOT]
    if dots:
        lengths = range(dots[-1] + 2, len(candidate) + 1)
        for length in lengths:  # the shortest a strong word follows (买买提江·吐尔逊讲话)
            if rules.strong_end.match(text, start + length):
                return text[start:start + length]
        for length in reversed(lengths):  # else the longest a name-end follows (阿不力克木·艾则孜、)
            if rules.name_end.match(text, start + length):
                return text[start:start + length]
        return None
    surname = re.match(rules.surname, candidate)
    double = surname is not None and len(surname.group()) == 2
    fits = []
    for length in (4, 3, 2):
        if len(candidate) < length:
            continue
        end = start + length
        strong_needed = surname is None or (length == 4 and not double)
        if (rules.strong_end if strong_needed else rules.name_end).match(text, end) or (
                strong_needed and text.startswith("、", end)):
            fits.append(length)
    if surname is None:
        fits = [f for f in fits if not rules.not_name.search(candidate[:f]) and not rules.verb_start.match(candidate)]
    elif rules.strong_end.match(candidate):
        return None  # 省委林武书记强调: a word after a title, not a name
    if not fits:
        return None
    best = fits[0]
    for shorter in fits[1:]:
        longer_end = start + best
        delimited = rules.strong_end.match(text, longer_end) or re.match(r"[、，。；：！？,;:\s]",
                                                                          text[longer_end:longer_end + 1])
        if rules.breaker.match(text, start + shorter) or (rules.verb_start.match(text, start + shorter) and not delimited):
            best = shorter
    return text[start:start + best]
