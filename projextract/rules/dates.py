"""Time expressions and their resolution against a (possibly partial) publication date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def cn_number(token: str) -> int | None:
    """Small numbers in Arabic or Chinese (`12`, `十二`, `二〇二五`)."""
    if token.isdigit():
        return int(token)
    if all(ch in CN_DIGITS for ch in token):  # digit by digit: 二〇二五
        return int("".join(str(CN_DIGITS[ch]) for ch in token))
    if "十" in token:
        tens, _, units = token.partition("十")
        return (CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (CN_DIGITS.get(units, 0) if units else 0)
    return None


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


@dataclass(frozen=True)
class TimeExpression:
    start: int
    end: int
    value: str | None  # ISO date at the finest granularity the anchor supports
    relative: bool      # resolved from the anchor (今年, 昨日, 3月) rather than written in full
    future: bool | None  # after the anchor, when that can be told


NUM = r"[0-9〇零一二两三四五六七八九十]"
_PATTERN = re.compile(
    rf"(?P<full>(?P<y>\d{{4}}|[〇零一二三四五六七八九]{{4}})年(?:(?P<m>{NUM}{{1,2}})月(?:份)?(?:(?P<d>{NUM}{{1,3}})[日号])?)?)"
    rf"|(?P<rely>今年|本年|当年|去年|上年|明年|前年|后年)(?:(?P<rm>{NUM}{{1,2}})月(?:份)?(?:(?P<rd>{NUM}{{1,3}})[日号])?)?"
    rf"|(?P<relm>本月|上月|下月|当月)(?:(?P<rmd>{NUM}{{1,3}})[日号])?"
    r"|(?P<reld>今天|今日|当天|当日|昨天|昨日|前天|明天|明日)"
    rf"|(?P<md>(?P<m2>{NUM}{{1,2}})月(?:份)?(?:(?P<d2>{NUM}{{1,3}})[日号])?)"
)
_REL_YEAR = {"今年": 0, "本年": 0, "当年": 0, "去年": -1, "上年": -1, "明年": 1, "前年": -2, "后年": 2}
_REL_MONTH = {"本月": 0, "当月": 0, "上月": -1, "下月": 1}
_REL_DAY = {"今天": 0, "今日": 0, "当天": 0, "当日": 0, "昨天": -1, "昨日": -1, "前天": -2, "明天": 1, "明日": 1}


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


def _compare(value: str | None, anchor: Anchor) -> bool | None:
    """Is `value` after the anchor? None when the shared granularity cannot tell."""
    if value is None or anchor.year is None:
        return None
    parts = [int(p) for p in value.split("-")]
    known = [anchor.year, anchor.month, anchor.day]
    for mine, theirs in zip(parts, known):
        if theirs is None:
            return None
        if mine != theirs:
            return mine > theirs
    return False if len(parts) == 3 and anchor.day is not None else None


def find_dates(text: str, anchor: Anchor) -> list[TimeExpression]:
    found = []
    for match in _PATTERN.finditer(text):
        groups = match.groupdict()
        relative = True
        if groups["full"]:
            year = cn_number(groups["y"])
            month = cn_number(groups["m"]) if groups["m"] else None
            day = cn_number(groups["d"]) if groups["d"] else None
            value, relative = _iso(year, month, day), False
        elif groups["rely"]:
            year = anchor.year + _REL_YEAR[groups["rely"]] if anchor.year is not None else None
            month = cn_number(groups["rm"]) if groups["rm"] else None
            day = cn_number(groups["rd"]) if groups["rd"] else None
            value = _iso(year, month, day)
        elif groups["relm"]:
            value = None
            if anchor.year is not None and anchor.month is not None:
                index = anchor.year * 12 + anchor.month - 1 + _REL_MONTH[groups["relm"]]
                day = cn_number(groups["rmd"]) if groups["rmd"] else None
                value = _iso(index // 12, index % 12 + 1, day)
        elif groups["reld"]:
            value = None
            if None not in (anchor.year, anchor.month, anchor.day):
                day = date(anchor.year, anchor.month, anchor.day) + timedelta(days=_REL_DAY[groups["reld"]])
                value = day.isoformat()
        else:
            month = cn_number(groups["m2"])
            day = cn_number(groups["d2"]) if groups["d2"] else None
            if month is None or not 1 <= month <= 12:
                continue
            value = _iso(anchor.year, month, day) if anchor.year is not None else None
        found.append(TimeExpression(match.start(), match.end(), value, relative, _compare(value, anchor)))
    return found


_PUBLISHED_IN_TEXT = re.compile(r"(?:发布时间|发布日期|时间)[：:]?\s*(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})|^\s*(\d{4})-(\d{1,2})-(\d{1,2})", re.M)


def published_from_text(text: str) -> str | None:
    """The page's own date line (`发布时间：2025-12-29`), for articles passed without `published`."""
    match = _PUBLISHED_IN_TEXT.search(text[:600])
    if not match:
        return None
    y, m, d = [g for g in match.groups() if g][:3]
    return _iso(int(y), int(m), int(d))
