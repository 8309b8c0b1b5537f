"""Money amounts in Chinese investment news: parse, find, and give a role.

Pure Python (no spaCy). Every word list lives in a JSON table under
``projextract/data/`` so that adding a cue, currency or marker is a one-line
data change; the tables are read once and compiled into regular expressions.

Values are exact ``Decimal``: ``1591.4亿元`` is 159140000000, never a float.
Span rules follow ANNOTATION.md (MONEY).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Context, Decimal
from functools import cache
from importlib import resources
from typing import Any

__all__ = [
    "Money",
    "MoneyMatch",
    "approx_kind",
    "find_money",
    "money_at",
    "money_role",
    "parse_money",
]

ROLES = ("total", "annual", "completed", "output", "tax", "unit_price", "other")


# --------------------------------------------------------------------------
# Public data types
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Money:
    """One amount. ``value`` is None for a range; ``low``/``high`` always set."""

    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    currency: str = "CNY"
    approx: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": _json_number(self.value),
            "low": _json_number(self.low),
            "high": _json_number(self.high),
            "currency": self.currency,
            "approx": self.approx,
        }


@dataclass(frozen=True)
class MoneyMatch:
    start: int
    end: int
    money: Money


def _json_number(d: Decimal | None) -> int | float | None:
    if d is None:
        return None
    if d == d.to_integral_value():
        return int(d)
    return float(d)


# --------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------


@cache
def _table(name: str) -> dict[str, Any]:
    path = resources.files("projextract") / "data" / name
    data = json.loads(path.read_text(encoding="utf-8"))
    data.pop("_doc", None)
    return data


@cache
def _translation() -> dict[int, str]:
    """1:1 char map (Traditional, full-width -> Simplified, ASCII).

    Same length in and out, so offsets into the mapped text are offsets
    into the caller's text.
    """
    table: dict[int, str] = {}
    for src, dst in _table("money_traditional.json")["map"].items():
        table[ord(src)] = dst
    for src, dst in _table("money_numerals.json")["variants"].items():
        table[ord(src)] = dst
    return table


def _normalize(text: str) -> str:
    return text.translate(_translation())


def _alt(words: Any) -> str:
    """Regex alternation, longest first so 新加坡元 wins over 元."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _atomic(pattern: str, names: list[int]) -> str:
    """Atomic group that also works on Python 3.10 (no ``(?>...)`` there):
    a lookahead captures the longest match and a backreference consumes it,
    so the engine never re-splits it (this keeps find_money linear)."""
    names.append(len(names))
    name = f"_a{len(names)}"
    return f"(?=(?P<{name}>{pattern}))(?P={name})"


def _cls(chars: Any) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]"


@dataclass(frozen=True)
class _Rules:
    find_re: re.Pattern[str]
    parse_re: re.Pattern[str]
    digits: dict[str, int]
    small: dict[str, int]
    large: dict[str, int]
    points: frozenset[str]
    suffix_cur: dict[str, str]
    prefix_cur: dict[str, str]
    inside: dict[str, str]
    before_re: re.Pattern[str]
    before_round_re: re.Pattern[str] | None
    after_re: re.Pattern[str]
    kinds: dict[str, str]


@cache
def _rules() -> _Rules:
    num = _table("money_numerals.json")
    cur = _table("currencies.json")
    apx = _table("money_approx.json")
    roles = _table("money_roles.json")
    measures = _table("money_measures.json")["measures"]

    digits = {k: int(v) for k, v in num["digits"].items()}
    small = {k: int(v) for k, v in num["small_units"].items()}
    large = {k: int(v) for k, v in num["large_units"].items()}
    points = num["decimal_point_words"]
    inside = dict(apx["inside"])

    cn_digit = _cls(digits)
    cn_small = _cls(small)
    cn_large = _cls(large)
    cn_any = _cls([*digits, *small, *large])
    mid = _cls(inside)
    point = _alt(points)
    names: list[int] = []
    # Arabic: thousands separators only in strict 3-digit groups (1,200万元).
    arabic_src = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"
    mag = f"(?:{cn_small}(?:{cn_large}+)?|{cn_large}+)"
    # A Chinese number starts on a digit or 十/百/千, never on 万/亿: 亿元以上项目 has no number.
    cn_src = f"(?:{cn_digit}|{cn_small})(?:{cn_any}|(?:{point})(?={cn_digit}))*"

    def arabic() -> str:
        return _atomic(arabic_src, names)

    def cn_num() -> str:
        return _atomic(cn_src, names)

    # 数十亿, 几十亿, 第十: vague or ordinal, not an amount. One lookbehind
    # per word length because lookbehinds must be fixed-width.
    no_before = "".join(
        f"(?<!{_alt(w for w in num['no_number_before'] if len(w) == k)})"
        for k in sorted({len(w) for w in num["no_number_before"]})
    )

    def tail() -> str:
        # 3亿5000万, 1万亿2000亿: at most a few groups (bounded, so no rescans)
        return f"(?:零?(?:{arabic()}{mid}?{mag}|{cn_num()})){{0,3}}"

    head = (
        # not in the middle of a number, a code (G5) or a list 3,5 (a
        # currency prefix such as RMB/US$ right before is fine)
        rf"(?(pre)|(?<![0-9.A-Za-z])(?<![0-9],)){arabic()}{mid}?{mag}?"
        rf"|{no_before}(?<!{cn_any}){cn_num()}{mid}?{cn_large}?"
    )
    number = f"(?:{head}){tail()}"
    # The range's right side follows a separator, so it needs no lookbehind.
    number_r = f"(?:{arabic()}{mid}?{mag}?|{cn_num()}{mid}?{cn_large}?){tail()}"

    suffix_cur = dict(cur["suffix"])
    prefix_cur = dict(cur["prefix"])
    suffix = _alt(suffix_cur)
    prefix = _alt(prefix_cur)
    not_after = _cls(cur["not_after"])
    seps = _alt(num["range_separators"])
    measure = _alt(measures)
    # After an inferred amount: no measure word (30万吨), no digit/letter (30万kW).
    no_measure = f"(?![余多]?(?:{measure}|[0-9A-Za-z]))"

    core = f"(?P<pre>{prefix})?(?P<lo>{number})(?:(?P<locur>{suffix})?(?P<sep>{seps})(?P<hi>{number_r}))?"
    with_unit = f"(?P<mid2>[余多])?(?P<cur>{suffix})(?!{not_after})"
    cue = _alt(roles["currency_cues"])
    fillers = _alt([*roles["cue_fillers"], *apx["before"], *apx["link_words"]])

    # find: an amount without a currency word needs a cue before it (总投资50亿)
    # and must end on 万/亿; a currency prefix alone also makes it money.
    # Cheap first-character gate: most positions fail here without trying
    # the cue and currency alternations.
    starts = {w[0] for w in [*roles["currency_cues"], *prefix_cur]}
    starts |= set("0123456789") | set(digits) | set(small)
    find_src = (
        f"(?={_cls(starts)})"
        f"(?:(?P<cue>{cue})(?:{fillers}){{0,3}})?"
        f"{core}"
        f"(?:{with_unit}"
        f"|(?(cue)(?<=[万亿]){no_measure}|(?(pre){no_measure}|(?!))))"
    )
    # parse: the caller says the text is money, so 50亿 alone is enough.
    role_cues = [c for cues in roles["before"].values() for c in cues]
    lead = _alt(
        [
            *role_cues,
            *roles["currency_cues"],
            *roles["cue_fillers"],
            *apx["before"],
            *apx["link_words"],
            *apx["before_round"],
        ]
    )
    parse_src = f"(?:{lead})*{core}(?:{with_unit}|(?<=[万亿])|(?(pre)|(?!)))(?:{_alt(apx['after'])})?"

    links = _alt(apx["link_words"])
    before_re = re.compile(f"(?P<m>{_alt(apx['before'])})(?:{links})?$")
    before_round_re = re.compile(f"(?P<m>{_alt(apx['before_round'])})$") if apx.get("before_round") else None
    after_re = re.compile(f"(?:{_alt(apx['after'])})(?!游)")  # 上下游 is no marker
    kinds = {**apx["before"], **apx.get("before_round", {}), **inside, **apx["after"]}

    return _Rules(
        find_re=re.compile(find_src),
        parse_re=re.compile(parse_src),
        digits=digits,
        small=small,
        large=large,
        points=frozenset(points),
        suffix_cur=suffix_cur,
        prefix_cur=prefix_cur,
        inside=inside,
        before_re=before_re,
        before_round_re=before_round_re,
        after_re=after_re,
        kinds=kinds,
    )


def approx_kind(approx: str | None) -> str | None:
    """'about', 'over' (lower bound) or 'under' for an approximation word."""
    if approx is None:
        return None
    return _rules().kinds.get(approx)


# --------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------

# Own context: exact for any amount a news text can state (60 digits), and
# independent of whatever decimal context the caller has set.
_CTX = Context(prec=60)
_ZERO = Decimal(0)
_ONE = Decimal(1)


def _number_value(s: str, r: _Rules) -> tuple[Decimal, bool, str | None] | None:
    """Value of one number string (no currency), whether it carried a unit
    character (万/亿/十/百/千), and an inside approximation marker (余/多/来).

    Handles Arabic (1,200 / 99.96), Chinese (三千五百万, 一百零五万, 一点五),
    and mixed forms (1.2万亿, 3亿5000万). Returns None when malformed.
    """
    approx = None
    total = _ZERO  # already multiplied by 亿
    section = _ZERO  # below 亿
    cur: Decimal | None = None  # pending digit or Arabic number
    last_unit = 0  # value of the last unit character seen
    zero_since_unit = False
    i, n = 0, len(s)
    while i < n:
        ch = s[i]
        if "0" <= ch <= "9":
            j = i
            while j < n and ("0" <= s[j] <= "9" or s[j] in ".,"):
                j += 1
            if cur is not None:
                return None
            cur = Decimal(s[i:j].replace(",", ""))
            i = j
            continue
        if ch in r.digits:
            d = r.digits[ch]
            if d == 0:
                zero_since_unit = True
                i += 1
                continue
            if cur is not None:
                return None  # 一二亿: two digits in a row is not an amount
            cur = Decimal(d)
            if i + 1 < n and s[i + 1] in r.points:  # 一点五
                k = i + 2
                scale = Decimal("0.1")
                while k < n and s[k] in r.digits:
                    cur = _CTX.fma(scale, r.digits[s[k]], cur)
                    scale = _CTX.divide(scale, 10)
                    k += 1
                if k == i + 2:
                    return None
                i = k
                continue
        elif ch in r.small:
            unit = r.small[ch]
            # 十二: a bare 十 is 一十
            section = _CTX.fma(cur if cur is not None else _ONE, unit, section)
            cur, last_unit, zero_since_unit = None, unit, False
        elif ch in r.large:
            unit = r.large[ch]
            if unit >= 100000000:
                base = _CTX.add(_CTX.add(total, section), cur or _ZERO)
                total, section = _CTX.multiply(base, unit), _ZERO
            else:
                base = _CTX.add(section, cur or _ZERO)
                section = _CTX.multiply(base, unit)
            if base == 0:
                return None  # 万 or 亿 with nothing to multiply
            cur, last_unit, zero_since_unit = None, unit, False
        elif ch in r.inside:
            if approx is not None or (cur is None and last_unit == 0):
                return None
            approx = ch
        else:
            return None
        i += 1
    # A bare trailing number after 百/千/万/亿 (一万五, 3亿5000) is ambiguous
    # shorthand; after 十 (十二) or a 零 (一百零五) it is plain.
    if cur is not None and last_unit > 10 and not zero_since_unit:
        return None
    if cur is None and last_unit == 0:
        return None
    return _CTX.add(_CTX.add(total, section), cur or _ZERO), last_unit > 0, approx


def _trailing_factor(s: str, r: _Rules) -> Decimal:
    """Magnitude at the end of a number (千万 -> 1e7), for 30-50亿元 -> 30亿."""
    factor = _ONE
    for ch in reversed(s):
        if ch in r.large:
            factor = _CTX.multiply(factor, r.large[ch])
        elif ch in r.small:
            factor = _CTX.multiply(factor, r.small[ch])
        elif ch in r.inside:
            continue
        else:
            break
    return factor


def _exact(d: Decimal) -> Decimal:
    # 1591.4 * 1e8 = 159140000000.0 -> 159140000000
    return d.to_integral_value() if d == d.to_integral_value() else d.normalize(_CTX)


def _money_from(m: re.Match[str], r: _Rules) -> tuple[Money, str | None] | None:
    """Build Money from a match of core + unit; also return the inside marker."""
    lo_s, hi_s, cur_word, pre, locur, mid2 = m.group("lo", "hi", "cur", "pre", "locur", "mid2")
    lo = _number_value(lo_s, r)
    if lo is None:
        return None
    lo_v, lo_unit, approx = lo
    hi_unit = False
    if hi_s is not None:
        hi = _number_value(hi_s, r)
        if hi is None:
            return None
        hi_v, hi_unit, hi_approx = hi
        if not lo_unit and hi_unit and not locur:
            lo_v = _CTX.multiply(lo_v, _trailing_factor(hi_s, r))
        if lo_v >= hi_v:
            return None
        approx = approx or hi_approx
        low, high, value = _exact(lo_v), _exact(hi_v), None
    elif not lo_unit and not lo_s[0].isascii():
        return None  # 三元, 二元 (a place, a term): a lone Chinese digit is no amount
    else:
        value = _exact(lo_v)
        low = high = value
    if not (lo_unit or hi_unit or cur_word or pre):
        return None
    if mid2:
        approx = approx or mid2
    currency = "CNY"
    if pre:
        currency = r.prefix_cur[pre]
    if cur_word and (r.suffix_cur[cur_word] != "CNY" or not pre):
        currency = r.suffix_cur[cur_word]
    return Money(value, low, high, currency, approx), approx


# A pinyin gloss after a character (人民幣(bì)): dropped before parsing.
_GLOSS_RE = re.compile(r"(?<=[\u3400-\u9fff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}[)）]")
_SPACE_RE = re.compile(r"\s+")


def _approx_around(text: str, start: int, end: int, r: _Rules, inferred: bool) -> str | None:
    """Marker before the span (near, about, over...) or right after it."""
    window = text[max(0, start - 6) : start]
    m = r.before_re.search(window)
    if m:
        return m.group("m")
    if r.before_round_re is not None and text[start : start + 1] in r.small:
        m = r.before_round_re.search(window)
        if m:
            return m.group("m")
    m = r.after_re.match(text, end)
    if m:
        return m.group()
    if inferred and text[end : end + 1] in r.inside:
        return text[end]  # 投资1亿多: span ends at the magnitude, 多 stays outside
    return None


# --------------------------------------------------------------------------
# Public functions
# --------------------------------------------------------------------------


def parse_money(text: str) -> Money | None:
    """Parse one money span: '99.96亿元', '1591.4億元', '两亿元', '30-50亿元',
    '人民币5亿元', '2亿美元', '总投资50亿', '逾百亿元', '１２亿元'.

    Returns None for text that is not one amount of money ('30万吨', '131.2%',
    '项目290个', '亿元').
    """
    r = _rules()
    s = _SPACE_RE.sub("", _normalize(_GLOSS_RE.sub("", text)))
    m = r.parse_re.fullmatch(s)
    if m is None:
        return None
    built = _money_from(m, r)
    if built is None:
        return None
    money, inside = built
    if inside is None:
        start = m.start("pre") if m.group("pre") else m.start("lo")
        end = m.end("cur") if m.group("cur") else m.end("hi") if m.group("hi") else m.end("lo")
        approx = _approx_around(s, start, end, r, inferred=not m.group("cur"))
        if approx is not None:
            money = Money(money.value, money.low, money.high, money.currency, approx)
    return money


def find_money(text: str) -> list[MoneyMatch]:
    """Every MONEY span in ``text`` (ANNOTATION.md span rules), in order.

    One compiled-regex pass over the text; Traditional and full-width forms
    are mapped 1:1 first so the offsets are the caller's.
    """
    r = _rules()
    norm = _normalize(text)
    out: list[MoneyMatch] = []
    for m in r.find_re.finditer(norm):
        built = _money_from(m, r)
        if built is None:
            continue
        money, inside = built
        start = m.start("pre") if m.group("pre") else m.start("lo")
        if m.group("cur"):
            end = m.end("cur")
        else:
            end = m.end("hi") if m.group("hi") else m.end("lo")
        if inside is None:
            approx = _approx_around(norm, start, end, r, inferred=not m.group("cur"))
            if approx is not None:
                money = Money(money.value, money.low, money.high, money.currency, approx)
        out.append(MoneyMatch(start, end, money))
    return out


def money_at(text: str, start: int, end: int) -> Money | None:
    """``parse_money(text[start:end])`` plus the approximation marker that
    sits outside the span (超5亿元, 约合人民币…, 10亿元以上): what a caller
    holding an entity span needs to tell a lower bound from a plain amount."""
    money = parse_money(text[start:end])
    if money is None or money.approx is not None:
        return money
    r = _rules()
    lo = max(0, start - 8)
    local = _normalize(text[lo : end + 4])
    inferred = local[end - lo - 1 : end - lo] in r.large  # no currency word: 总投资1亿多
    approx = _approx_around(local, start - lo, end - lo, r, inferred=inferred)
    if approx is None:
        return money
    return Money(money.value, money.low, money.high, money.currency, approx)


@dataclass(frozen=True)
class _RoleRules:
    before: tuple[tuple[str, str], ...]  # (cue, role), longest first
    after: tuple[str, ...]
    breaks: frozenset[str]
    window: int


@cache
def _role_rules() -> _RoleRules:
    data = _table("money_roles.json")
    pairs: dict[str, str] = {}
    for role, cues in data["before"].items():
        if role not in ROLES:
            raise ValueError(f"money_roles.json: unknown role {role!r}")
        for cue in cues:
            pairs.setdefault(cue, role)
    before = tuple(sorted(pairs.items(), key=lambda p: -len(p[0])))
    after = tuple(sorted(set(data["after"]["unit_price"]), key=len, reverse=True))
    return _RoleRules(before, after, frozenset(data["clause_breaks"]), int(data["window"]))


def money_role(text: str, start: int, end: int) -> str:
    """Role of the amount at ``text[start:end]``: 'total', 'annual',
    'completed', 'output', 'tax', 'unit_price' or 'other'.

    Read from the cue word ending nearest the amount within its clause
    (about the 16 characters before it), and from a per-unit word right after
    it (4370元每平方米).
    """
    rr = _role_rules()
    after = _normalize(_GLOSS_RE.sub("", text[end : end + 24]))
    if after.startswith(rr.after):
        return "unit_price"
    raw = text[max(0, start - 4 * rr.window) : start]
    window = _normalize(_GLOSS_RE.sub("", raw))
    for i in range(len(window) - 1, -1, -1):
        if window[i] in rr.breaks:
            window = window[i + 1 :]
            break
    window = window[-rr.window :]
    best_end, best_len, best_role = -1, 0, "other"
    for cue, role in rr.before:
        pos = window.rfind(cue)
        if pos < 0:
            continue
        cue_end = pos + len(cue)
        # nearest end wins; on a tie the longer cue (sorted first) keeps it
        if cue_end > best_end or (cue_end == best_end and len(cue) > best_len):
            best_end, best_len, best_role = cue_end, len(cue), role
    return best_role
