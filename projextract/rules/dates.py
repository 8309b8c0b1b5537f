"""Time expressions and their resolution against a (possibly partial) publication date.

The words are data (`date_words.json`); the shapes (`2025年3月5日`, `3月底`, `1至5月`, `明年二季度`)
are here. Every expression gets the ISO value an event dated by it would get: the day, the month,
or the year for spans (a quarter, a half-year, `年底`, a month range, a cut-off `截至10月底`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

from ..tables import load_table

CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def cn_number(token: str) -> int | None:
    """Small numbers in Arabic or Chinese (`12`, `十二`, `二〇二五`, `一百二十`)."""
    if not token:
        return None
    if token.isdigit():
        return int(token)
    if all(ch in CN_DIGITS for ch in token):  # digit by digit: 二〇二五
        return int("".join(str(CN_DIGITS[ch]) for ch in token))
    total, rest = 0, token
    for unit, scale in (("千", 1000), ("百", 100), ("十", 10)):
        if unit in rest:
            head, _, rest = rest.partition(unit)
            head = head.lstrip("零〇")
            if head and head not in CN_DIGITS:
                return None
            total += (CN_DIGITS[head] if head else 1) * scale
    rest = rest.lstrip("零〇")
    if rest:
        if rest not in CN_DIGITS:
            return None
        total += CN_DIGITS[rest]
    return total


@dataclass(frozen=True)
class Anchor:
    """The article's own date; month and day may be unknown (`2018`, `2018-05`)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | date | None) -> Anchor:
        if value is None:
            return cls()
        if isinstance(value, date):
            return cls(value.year, value.month, value.day)
        match = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", str(value).strip())
        if not match:
            raise ValueError(f"published must be an ISO date, YYYY-MM or YYYY, not {value!r}")
        year, month, day = (int(g) if g else None for g in match.groups())
        return cls(year, month, day)

    @classmethod
    def from_iso(cls, value: str | None) -> Anchor:
        try:
            return cls.parse(value)
        except ValueError:
            return cls()


@dataclass(frozen=True)
class TimeExpression:
    start: int
    end: int
    value: str | None  # ISO date at the granularity an event dated by it gets
    relative: bool      # resolved from the anchor (今年, 昨日, 3月) rather than written in full
    future: bool | None  # after the anchor, when that can be told
    kind: str = "absolute"  # 'absolute', 'relative', or 'context_year' / 'context_day' / 'context_month' /
    #                          'context_recent' / 'context_dom' (当年, 当天, 5月, 日前, 21日: in the year, on
    #                          the day or in the month the text is about; `value` is then the reading
    #                          against the article's date)
    framing: bool = False   # opens its clause (`截至8月底，…`, `2019年，…`): it dates what follows


def _iso(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    if year is None:
        return None
    try:
        if day is not None and month is not None:
            return date(year, month, day).isoformat()
        if month is not None and 1 <= month <= 12:
            return f"{year:04d}-{month:02d}"
    except ValueError:
        return None
    return f"{year:04d}"


def compare(value: str | None, anchor: Anchor) -> bool | None:
    """Is `value` after the anchor? None when the shared granularity cannot tell."""
    if value is None or anchor.year is None:
        return None
    parts = [int(p) for p in value.split("-")]
    known = [anchor.year, anchor.month, anchor.day]
    for mine, theirs in zip(parts, known[: len(parts)], strict=True):
        if theirs is None:
            return None
        if mine != theirs:
            return mine > theirs
    return False if len(parts) == 3 and anchor.day is not None else None


_compare = compare  # the old private name


def _alt(words) -> str:  # noqa: ANN001
    return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))


NUM = r"[0-9〇零一二两三四五六七八九十]"


@dataclass
class DateRules:
    """Compiled from date_words.json (or a component's own copy)."""

    table: dict

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        t = self.table
        periods = [p for p in t["year_periods"]]
        # after a written year the 年 is taken: 2024年底 -> 底, 明年二季度 -> 二季度
        after_year = sorted({p[1:] if p.startswith("年") else p for p in periods} - {""}, key=len, reverse=True)
        period_after_year = rf"(?P<{{g}}>{_alt(after_year)})"
        parts = rf"(?:{_alt(t['month_parts'])}){{0,2}}"
        day = rf"{NUM}{{1,3}}[日号]"
        ranges = _alt(t["month_range_marks"])
        cum_before = rf"(?P<cumb>{_alt(t['cumulative_before'])})?"
        cum_after = rf"(?P<cuma>{_alt(t['cumulative_after'])})?"
        body = "|".join([
            # 2025年3月5日, 2025年3月, 2025年底, 2025年一季度, 二〇二五年
            rf"(?P<y>\d{{4}}|[〇零一二三四五六七八九]{{4}})年(?:(?P<yrm>{NUM}{{1,2}}){ranges}(?P<yrm2>{NUM}{{1,2}})月"
            rf"|(?P<m>{NUM}{{1,2}})月{parts}(?:(?P<d>{NUM}{{1,3}})[日号])?|{period_after_year.format(g='yp')})?",
            # 今年, 去年12月, 明年二季度, 明年底
            rf"(?P<rely>{_alt(t['years'])})(?:(?P<rrm>{NUM}{{1,2}}){ranges}(?P<rrm2>{NUM}{{1,2}})月"
            rf"|(?P<rm>{NUM}{{1,2}})月{parts}(?:(?P<rd>{NUM}{{1,3}})[日号])?|{period_after_year.format(g='rp')})?",
            # 当年, 全年 (the year the text is about)
            rf"(?P<ctxy>{_alt(t['context_years'])})(?:{period_after_year.format(g='cp')})?",
            # 本月, 上月5日
            rf"(?P<relm>{_alt(t['months'])})(?:(?P<rmd>{NUM}{{1,3}})[日号])?",
            rf"(?P<reld>{_alt(t['days'])})",
            rf"(?P<ctxd>{_alt(t['context_days'])})",
            rf"(?P<recent>{_alt(t.get('recent_words', []))})",
            rf"(?P<present>{_alt(t.get('present_words', []))})",
            # 1至5月, 1-9月
            rf"(?P<mr>{NUM}{{1,2}})(?:{ranges})(?P<mr2>{NUM}{{1,2}})月{parts}",
            # 3月, 3月5日, 3月底
            rf"(?P<m2>{NUM}{{1,2}})月{parts}(?:(?P<d2>{NUM}{{1,3}})[日号])?(?:(?:{ranges}){day})?",
            rf"(?P<period>{_alt(periods)})",
            # 21日下午，… (the day of the month the text is about)
            rf"(?<![月\d〇零一二两三四五六七八九十])(?P<dom>{NUM}{{1,2}})[日号](?=上午|下午|晚|早|中午|凌晨|[，,])",
        ])
        return re.compile(rf"{cum_before}(?:{body}){cum_after}")

    @cached_property
    def framing(self) -> re.Pattern[str]:
        return re.compile(rf"(?:{_alt(self.table['framing_prefixes'])})$")

    @cached_property
    def dateline(self) -> re.Pattern[str]:
        return re.compile(rf"(?:{_alt(self.table.get('dateline_ends', ['讯', '电']))})$")


def find_dates(text: str, anchor: Anchor, rules: DateRules | None = None) -> list[TimeExpression]:
    rules = rules or DateRules(load_table("date_words"))
    years, months, days = rules.table["years"], rules.table["months"], rules.table["days"]
    found = []
    for match in rules.pattern.finditer(text):
        g = match.groupdict()
        relative, kind, span = True, "relative", False
        if g["y"]:
            year = cn_number(g["y"])
            relative, kind = False, "absolute"
            value = _resolve(year, g["m"], g["d"]) if not g["yrm"] else _iso(year)
            span = bool(g["yp"] or g["yrm"])
        elif g["rely"]:
            year = anchor.year + years[g["rely"]] if anchor.year is not None else None
            value = _resolve(year, g["rm"], g["rd"]) if not g["rrm"] else _iso(year)
            span = bool(g["rp"] or g["rrm"])
        elif g["ctxy"]:
            value, kind = _iso(anchor.year), "context_year"
        elif g["relm"]:
            value = None
            if anchor.year is not None and anchor.month is not None:
                index = anchor.year * 12 + anchor.month - 1 + months[g["relm"]]
                day = cn_number(g["rmd"]) if g["rmd"] else None
                value = _iso(index // 12, index % 12 + 1, day)
        elif g["reld"]:
            value = None
            if None not in (anchor.year, anchor.month, anchor.day):
                value = (date(anchor.year, anchor.month, anchor.day) + timedelta(days=days[g["reld"]])).isoformat()
        elif g["ctxd"]:
            kind = "context_day"
            value = _iso(anchor.year, anchor.month, anchor.day)
        elif g["recent"] or (g["present"] and g["cumb"]):  # 日前, 截至目前: the month
            kind = "context_recent"
            value = _iso(anchor.year, anchor.month)
        elif g["present"]:  # 目前: the year
            value, kind = _iso(anchor.year), "context_year"
        elif g["mr"]:
            if not _month_ok(g["mr"]) or not _month_ok(g["mr2"]):
                continue
            value, span, kind = _iso(anchor.year), True, "context_year"
        elif g["m2"]:
            if not _month_ok(g["m2"]):
                continue
            # a month-day with a year-only anchor is dated when the year is known; never a guessed year.
            # The year is the one the text is about (a review of 2024 published in 2025: 5月 -> 2024-05).
            value = _resolve(anchor.year, g["m2"], g["d2"]) if anchor.year is not None else None
            kind = "context_month"
        elif g["dom"]:
            day = cn_number(g["dom"])
            if not day or day > 31:
                continue
            kind = "context_dom"
            value = _iso(anchor.year, anchor.month, day) if anchor.month else None
        else:  # a part of a year on its own (上半年, 年底, 一季度): the year the text is about
            value, kind, span = _iso(anchor.year), "context_year", True
        if g["cuma"] and value:
            span = True
        if span and value:
            value = value[:4]
        found.append(TimeExpression(match.start(), match.end(), value, relative, compare(value, anchor), kind,
                                    is_framing(text, match.start(), rules)))
    return found


def _month_ok(token: str | None) -> bool:
    number = cn_number(token) if token else None
    return number is not None and 1 <= number <= 12


def _resolve(year: int | None, month: str | None, day: str | None) -> str | None:
    m = cn_number(month) if month else None
    if m is not None and not 1 <= m <= 12:
        return _iso(year)
    return _iso(year, m, cn_number(day) if day else None)


_CLAUSE_MARKS = "，。；,;：:\n！？!?"


def is_framing(text: str, start: int, rules: DateRules) -> bool:
    """Does the date at `start` open its clause (`截至8月底，…`, `2019年，…`, `本报讯（记者 X）4月9日，…`)?"""
    window = text[max(0, start - 40):start]
    cut = max(window.rfind(mark) for mark in _CLAUSE_MARKS)
    prefix = re.sub(r"[（(][^（()）]*[）)]|\s", "", window[cut + 1:])
    prefix = re.sub(r"^(?:[一二三四五六七八九十\d]+[、.．]|[（(][一二三四五六七八九十\d]+[）)])", "", prefix)
    if len(prefix) <= 1:
        return True
    if rules.dateline.search(prefix):
        return True
    return len(prefix) <= 6 and bool(rules.framing.search(prefix))


_PUBLISHED_IN_TEXT = re.compile(
    r"(?:发布时间|发布日期|时间)[：:]?\s*(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})|^\s*(\d{4})-(\d{1,2})-(\d{1,2})", re.M)


def published_from_text(text: str) -> str | None:
    """The page's own date line (`发布时间：2025-12-29`), for articles passed without `published`."""
    match = _PUBLISHED_IN_TEXT.search(text[:600])
    if not match:
        return None
    y, m, d = [g for g in match.groups() if g][:3]
    return _iso(int(y), int(m), int(d))
