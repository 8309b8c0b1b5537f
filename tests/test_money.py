"""Tests for projextract.money.

Most cases live in tests/data/money_cases.jsonl, one per line:
``text``, the expected MONEY ``span`` text (null: no money anywhere in the
text), the expected ``value``/``low``/``high`` (strings, read as Decimal),
``currency``, ``approx`` (as find_money reports it, markers outside the span
included), optional ``role``, ``also`` (other spans expected in the text) and
``parse_none`` (parse_money(text) must be None).
"""

from __future__ import annotations

import json
import time
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from projextract.money import (
    Money,
    MoneyMatch,
    approx_kind,
    find_money,
    money_at,
    money_role,
    parse_money,
)

CASES_PATH = Path(__file__).parent / "data" / "money_cases.jsonl"
CASES = [json.loads(line) for line in CASES_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]
SPAN_CASES = [c for c in CASES if c["span"] is not None]
INSIDE_MARKERS = ("余", "多", "来", "餘")


def _dec(s: str | None) -> Decimal | None:
    return None if s is None else Decimal(s)


def _ids(cases: list[dict]) -> list[str]:
    return [f"{c['id']}:{c['text'][:20]}" for c in cases]


def test_case_table_is_large_enough() -> None:
    assert len(CASES) >= 100
    assert len({c["id"] for c in CASES}) == len(CASES)
    for c in CASES:
        if c["span"] is not None:
            assert c["span"] in c["text"], c["id"]


@pytest.mark.parametrize("case", CASES, ids=_ids(CASES))
def test_find_money_case(case: dict) -> None:
    text = case["text"]
    found = find_money(text)
    got = [text[m.start : m.end] for m in found]
    expected = [] if case["span"] is None else [case["span"], *case.get("also", [])]
    assert sorted(got) == sorted(expected)
    if case["span"] is None:
        return
    (match,) = [m for m in found if text[m.start : m.end] == case["span"]]
    money = match.money
    assert money.value == _dec(case["value"])
    assert money.low == _dec(case["low"])
    assert money.high == _dec(case["high"])
    assert money.currency == case["currency"]
    assert money.approx == case["approx"]
    if "role" in case:
        assert money_role(text, match.start, match.end) == case["role"]


@pytest.mark.parametrize("case", SPAN_CASES, ids=_ids(SPAN_CASES))
def test_parse_money_span(case: dict) -> None:
    money = parse_money(case["span"])
    assert money is not None
    assert money.value == _dec(case["value"])
    assert money.low == _dec(case["low"])
    assert money.high == _dec(case["high"])
    assert money.currency == case["currency"]
    # Alone, the span only shows the markers inside it (50余亿元).
    inside = case.get("parse_approx", case["approx"] if case["approx"] in INSIDE_MARKERS else None)
    assert money.approx == inside


@pytest.mark.parametrize(
    "case", [c for c in CASES if c.get("parse_none")], ids=_ids([c for c in CASES if c.get("parse_none")])
)
def test_parse_money_rejects(case: dict) -> None:
    assert parse_money(case["text"]) is None


# ---- the brief's examples, value by value --------------------------------


@pytest.mark.parametrize(
    ("text", "value", "low", "high", "currency", "approx"),
    [
        ("99.96亿元", 9996000000, None, None, "CNY", None),
        ("1591.4億元", 159140000000, None, None, "CNY", None),
        ("5000万元", 50000000, None, None, "CNY", None),
        ("两亿元", 200000000, None, None, "CNY", None),
        ("十二亿元", 1200000000, None, None, "CNY", None),
        ("三千五百万元", 35000000, None, None, "CNY", None),
        ("1.2万亿元", 1200000000000, None, None, "CNY", None),
        ("30-50亿元", None, 3000000000, 5000000000, "CNY", None),
        ("30亿至50亿元", None, 3000000000, 5000000000, "CNY", None),
        ("人民币5亿元", 500000000, None, None, "CNY", None),
        ("2亿美元", 200000000, None, None, "USD", None),
        ("5000万欧元", 50000000, None, None, "EUR", None),
        ("总投资50亿", 5000000000, None, None, "CNY", None),
        ("50亿", 5000000000, None, None, "CNY", None),
        ("50余亿元", 5000000000, None, None, "CNY", "余"),
        ("4370元", 4370, None, None, "CNY", None),
        ("１２亿元", 1200000000, None, None, "CNY", None),
        ("逾百亿元", 10000000000, None, None, "CNY", "逾"),
        ("约合人民币21.4亿元", 2140000000, None, None, "CNY", "约合"),
        ("5亿元左右", 500000000, None, None, "CNY", "左右"),
        ("人民幣(bì)21.6億元", 2160000000, None, None, "CNY", None),  # pinyin gloss
    ],
)
def test_parse_money_examples(text, value, low, high, currency, approx) -> None:
    money = parse_money(text)
    assert money is not None
    if value is not None:
        assert money.value == value and money.low == value and money.high == value
    else:
        assert money.value is None and money.low == low and money.high == high
    assert money.currency == currency
    assert money.approx == approx


@pytest.mark.parametrize("text", ["30万吨", "131.2%", "项目290个", "亿元", "", "元", "三元", "一万五元", "1亿万元"])
def test_parse_money_none(text: str) -> None:
    assert parse_money(text) is None


def test_decimal_exact_and_to_dict() -> None:
    m = parse_money("1591.4亿元")
    assert m is not None
    assert m.value == Decimal("159140000000")
    assert str(m.value) == "159140000000"  # no trailing .0, no exponent
    d = m.to_dict()
    assert d == {"value": 159140000000, "low": 159140000000, "high": 159140000000, "currency": "CNY", "approx": None}
    assert type(d["value"]) is int
    small = parse_money("0.35元")
    assert small is not None and small.to_dict()["value"] == 0.35
    rng = parse_money("30-50亿元")
    assert rng is not None and rng.to_dict()["value"] is None
    json.dumps(rng.to_dict())
    # 0.1 + 0.2 style float drift would show here
    assert parse_money("0.3亿元").value == Decimal("30000000")  # type: ignore[union-attr]


def test_money_is_frozen() -> None:
    m = Money(Decimal(1), Decimal(1), Decimal(1), "CNY", None)
    with pytest.raises(AttributeError):
        m.value = Decimal(2)  # type: ignore[misc]


def test_find_money_offsets_traditional_and_context() -> None:
    text = "該項目總投資3億美元（約合人民幣21.6億元），預計年產值45億元,年納稅1.8億元。"
    found = find_money(text)
    assert all(isinstance(m, MoneyMatch) for m in found)
    spans = [text[m.start : m.end] for m in found]
    assert spans == ["3億美元", "人民幣21.6億元", "45億元", "1.8億元"]
    roles = [money_role(text, m.start, m.end) for m in found]
    assert roles == ["total", "total", "output", "tax"]
    assert found[1].money.approx == "约合"
    assert approx_kind(found[1].money.approx) == "about"


def test_find_money_article_fragment() -> None:
    text = (
        "“签约一批”项目18个,总投资99.96亿元;“开工一批”项目16个,总投资59.01亿元;"
        "洪洞经济技术开发区年产1.5亿枚纽扣式超级电容器项目、侯马经济开发区年产70万吨锌铝镁新材料项目，"
        "共谋划项目1031个,总投资4190亿元,年度投资907亿元。平均投资强度4370元每平方米。"
    )
    found = find_money(text)
    spans = [text[m.start : m.end] for m in found]
    assert spans == ["99.96亿元", "59.01亿元", "4190亿元", "907亿元", "4370元"]
    roles = [money_role(text, m.start, m.end) for m in found]
    assert roles == ["total", "total", "total", "annual", "unit_price"]
    assert [m.money.value for m in found][:2] == [Decimal(9996000000), Decimal(5901000000)]


def test_spans_never_touch_whitespace_or_overlap() -> None:
    text = " 总投资 50亿元 ，投资约 3亿元 。 人民币 5亿元"
    found = find_money(text)
    last = -1
    for m in found:
        assert not text[m.start].isspace() and not text[m.end - 1].isspace()
        assert m.start >= last
        last = m.end


@pytest.mark.parametrize("case", SPAN_CASES, ids=_ids(SPAN_CASES))
def test_money_at_matches_find(case: dict) -> None:
    # an entity span handed over by the pipeline gets the same Money as find_money
    text = case["text"]
    for m in find_money(text):
        assert money_at(text, m.start, m.end) == m.money


def test_money_at_outside_markers() -> None:
    text = "总投资超5亿元，其中10亿元以上项目9个，约合人民币21.4亿元"
    got = {text[m.start : m.end]: money_at(text, m.start, m.end) for m in find_money(text)}
    assert got["5亿元"].approx == "超" and approx_kind("超") == "over"  # type: ignore[union-attr]
    assert got["10亿元"].approx == "以上"  # type: ignore[union-attr]
    assert got["人民币21.4亿元"].approx == "约合"  # type: ignore[union-attr]
    assert money_at(text, 0, 3) is None  # 总投资 is no amount


def test_approx_kind() -> None:
    assert approx_kind("约") == "about"
    assert approx_kind("超") == "over"
    assert approx_kind("以上") == "over"
    assert approx_kind("余") == "over"
    assert approx_kind("不超过") == "under"
    assert approx_kind(None) is None


def test_role_defaults_and_clause_limit() -> None:
    text = "总投资50亿元，其中5亿元用于研发"
    found = find_money(text)
    assert [money_role(text, m.start, m.end) for m in found] == ["total", "other"]
    assert money_role("5亿元", 0, 4) == "other"


def test_role_reads_glossed_traditional() -> None:
    text = "項目總(zǒng)投資3億元"
    (m,) = find_money(text.replace("(zǒng)", ""))
    start = text.index("3億元")
    assert money_role(text, start, start + 3) == "total"
    assert m.money.value == Decimal(300000000)


def test_tables_are_consistent() -> None:
    from projextract import money as mod

    roles = mod._table("money_roles.json")
    assert set(roles["before"]) <= set(mod.ROLES)
    cues = [c for words in roles["before"].values() for c in words]
    assert len(cues) == len(set(cues)), "a cue word is listed under two roles"
    for table in ("suffix", "prefix"):
        for word, code in mod._table("currencies.json")[table].items():
            assert len(code) == 3 and code.isupper(), word


# ---- property tests -------------------------------------------------------

MAGNITUDES = {
    "": 1,
    "万": 10**4,
    "十万": 10**5,
    "百万": 10**6,
    "千万": 10**7,
    "亿": 10**8,
    "十亿": 10**9,
    "百亿": 10**10,
    "千亿": 10**11,
    "万亿": 10**12,
}


@settings(max_examples=300, deadline=None)
@given(
    n=st.integers(min_value=1, max_value=10**9),
    mag=st.sampled_from(sorted(MAGNITUDES)),
    commas=st.booleans(),
    unit=st.sampled_from(["元", "美元"]),
)
def test_arabic_roundtrip(n: int, mag: str, commas: bool, unit: str) -> None:
    digits = f"{n:,}" if commas else str(n)
    text = f"{digits}{mag}{unit}"
    money = parse_money(text)
    assert money is not None
    assert money.value == n * MAGNITUDES[mag]
    assert money.currency == ("CNY" if unit == "元" else "USD")
    sentence = f"项目总投资{text}，"
    (m,) = find_money(sentence)
    assert sentence[m.start : m.end] == text
    assert m.money.value == n * MAGNITUDES[mag]


@settings(max_examples=200, deadline=None)
@given(
    cents=st.integers(min_value=1, max_value=10**8),
    places=st.integers(min_value=1, max_value=4),
    mag=st.sampled_from(["万", "亿", "万亿"]),
)
def test_decimal_roundtrip(cents: int, places: int, mag: str) -> None:
    number = Decimal(cents).scaleb(-places)
    text = f"{number}{mag}元"
    money = parse_money(text)
    assert money is not None
    assert money.value == number * MAGNITUDES[mag]


_CN_DIGITS = "零一二三四五六七八九"


def _to_chinese(n: int) -> str:
    """Standard Chinese numeral for 0 < n < 10**12 (十二, 一百零五, 三千五百万)."""

    def below_10k(x: int) -> str:
        out, zero = "", False
        for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = x // unit % 10
            if d == 0:
                zero = bool(out)
                continue
            if zero:
                out += "零"
                zero = False
            out += _CN_DIGITS[d] + name
        return out

    parts = []
    for size, name in ((10**8, "亿"), (10**4, "万"), (1, "")):
        chunk = n // size % 10**4 if size < 10**8 else n // size
        if chunk:
            if parts and chunk < 1000:
                parts.append("零")
            parts.append(below_10k(chunk) + name)
        elif parts and parts[-1] != "零" and n % size:
            parts.append("零")
    text = "".join(parts)
    while "零零" in text:
        text = text.replace("零零", "零")
    if text.startswith("一十"):
        text = text[1:]
    return text


@settings(max_examples=300, deadline=None)
@given(n=st.integers(min_value=10, max_value=10**11 - 1))
def test_chinese_roundtrip(n: int) -> None:
    text = _to_chinese(n) + "元"
    money = parse_money(text)
    assert money is not None, text
    assert money.value == n, text


@settings(max_examples=100, deadline=None)
@given(
    lo=st.integers(min_value=1, max_value=999),
    step=st.integers(min_value=1, max_value=999),
    sep=st.sampled_from(["-", "至", "到", "～", "—"]),
    mag=st.sampled_from(["万", "亿"]),
)
def test_range_roundtrip(lo: int, step: int, sep: str, mag: str) -> None:
    hi = lo + step
    money = parse_money(f"{lo}{sep}{hi}{mag}元")
    assert money is not None
    assert money.value is None
    assert (money.low, money.high) == (lo * MAGNITUDES[mag], hi * MAGNITUDES[mag])


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789亿万元人民币投资总约余多吨个%-至，。年一二十百千两", max_size=60))
def test_find_money_never_crashes_and_spans_agree_with_parse(text: str) -> None:
    for m in find_money(text):
        span = text[m.start : m.end]
        assert span and not span[0].isspace()
        parsed = parse_money(span)
        assert parsed is not None, span
        assert (parsed.value, parsed.low, parsed.high) == (m.money.value, m.money.low, m.money.high)


# ---- speed ---------------------------------------------------------------


def _article() -> str:
    return (
        "本报讯 2月6日，我市举行2025年第一季度“三个一批”活动。“签约一批”项目18个，总投资99.96亿元；"
        "“开工一批”项目16个，总投资59.01亿元；“投产一批”项目20个，总投资44.99亿元。"
        "洪洞经济技术开发区年产1.5亿枚纽扣式超级电容器项目、侯马经济开发区年产70万吨锌铝镁新材料项目，"
        "市委书记李云峰出席并讲话。全市5000万元以上重点项目全部纳入调度，同比增长131.2%，"
        "平均投资强度4370元每平方米，实际到位资金79.3亿，电话0357-2025888。\n"
    )


def test_find_money_is_fast_on_a_megabyte() -> None:
    # about 25,000 amounts per MB: ten times denser than real news
    unit = _article()
    text = unit * (1_000_000 // len(unit) + 1)
    find_money("预热")
    elapsed = float("inf")
    for _ in range(3):  # best of three: a shared CI machine is noisy
        t0 = time.perf_counter()
        found = find_money(text)
        elapsed = min(elapsed, time.perf_counter() - t0)
    assert len(found) == 6 * (len(text) // len(unit)) + len(find_money(text[: len(text) % len(unit)]))
    assert elapsed < 1.0, elapsed


@pytest.mark.parametrize("unit", ["1", "一", "1亿", "投资", "1-", "1,000", "十余"])
def test_find_money_linear_on_degenerate_text(unit: str) -> None:
    # pathological repetition must not go quadratic
    small = unit * (20_000 // len(unit))
    big = unit * (200_000 // len(unit))
    t0 = time.perf_counter()
    find_money(small)
    t_small = time.perf_counter() - t0
    t0 = time.perf_counter()
    find_money(big)
    t_big = time.perf_counter() - t0
    assert t_big < max(30 * t_small, 0.05) and t_big < 3.0
