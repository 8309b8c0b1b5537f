"""Compare projextract.money with jionlp on the hand-written money cases.

    /work/venv/bin/python benchmarks/money_vs_jionlp.py

Reads tests/data/money_cases.jsonl, prints a Markdown table and writes it
to benchmarks/money_vs_jionlp.md. jionlp is optional (``pip install jionlp``);
it is never a dependency of projextract.

Metrics
- value accuracy: the parser run on the gold span text; right when the
  number(s) match exactly (a point value, or low/high for a range). jionlp
  reads ``50余亿元`` as the range 50亿-60亿; that counts as right when its low
  end is the gold value and the gold amount carries 余/多.
- value + currency: as above and the currency agrees (ISO code).
- money/not-money accuracy: share of cases whose set of detected spans equals
  the gold set exactly (a not-money case is right when nothing is found).
  jionlp 1.5 has no extract_money, so its detection is parse_money run on
  candidate strings: at each number (with a currency name directly before
  it), the longest string up to 6 characters past the numeral run that
  jionlp parses, provided it holds more than bare digits (so a year or a
  count like 290 is not counted against it).
- speed: cases per second for each task, best of 3 runs.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import time
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from projextract.money import find_money, parse_money  # noqa: E402

CASES_PATH = ROOT / "tests" / "data" / "money_cases.jsonl"
OUT_PATH = ROOT / "benchmarks" / "money_vs_jionlp.md"
INSIDE = ("余", "多", "来", "餘")

# Characters that can be part of a number's run (for jionlp candidates).
NUM_START = set("0123456789０１２３４５６７８９零〇一二两兩三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟")
NUM_RUN = NUM_START | set(".．,万萬亿億余餘多来-－~～—至到点")
BARE = NUM_START | set(".．,，")
AFTER = ("以上", "以下", "左右", "上下", "之多", "有余")


def load_cases() -> list[dict[str, Any]]:
    lines = CASES_PATH.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _dec(x: Any) -> Decimal | None:
    return None if x is None else Decimal(str(x))


def load_jionlp() -> Any | None:
    try:
        # jionlp prints a banner on import
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            import jionlp  # type: ignore[import-not-found]
    except Exception:  # noqa: BLE001 - any import failure means "not available"
        return None
    return jionlp


def currency_codes() -> dict[str, str]:
    table = json.loads((ROOT / "projextract" / "data" / "currencies.json").read_text(encoding="utf-8"))
    codes = dict(table["suffix"])
    codes.update({"港币": "HKD", "港元": "HKD", "美金": "USD"})
    return codes


# ---- projextract ------------------------------------------------------------


def ours_value(span: str) -> tuple[Decimal | None, Decimal | None, str | None] | None:
    m = parse_money(span)
    if m is None:
        return None
    return m.low, m.high, m.currency


def ours_detect(text: str) -> list[str]:
    return [text[m.start : m.end] for m in find_money(text)]


# ---- jionlp ---------------------------------------------------------------


def make_jio(jio: Any) -> tuple[Callable[[str], Any], Callable[[str], Any]]:
    codes = currency_codes()
    prefixes = sorted(
        json.loads((ROOT / "projextract" / "data" / "currencies.json").read_text(encoding="utf-8"))["prefix"],
        key=len,
        reverse=True,
    )
    prefixes += ["人民幣", "港幣"]

    def jparse(s: str) -> dict | None:
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                return jio.parse_money(s)
        except Exception:  # noqa: BLE001 - jionlp raises ValueError and others on non-money
            return None

    def jio_value(span: str) -> tuple[Decimal | None, Decimal | None, str | None] | None:
        r = jparse(span)
        if r is None:
            return None
        num = r["num"]
        cur = codes.get(r.get("case", ""), r.get("case"))
        if isinstance(num, list):
            return Decimal(num[0]), Decimal(num[1]), cur
        return Decimal(num), Decimal(num), cur

    def jio_detect(text: str) -> list[str]:
        found: list[str] = []
        i, n = 0, len(text)
        while i < n:
            if text[i] not in NUM_START or (i > 0 and text[i - 1] in NUM_RUN):
                i += 1
                continue
            start = i
            for p in prefixes:
                if text.startswith(p, i - len(p)) and i - len(p) >= 0:
                    start = i - len(p)
                    break
            run_end = i
            while run_end < n and text[run_end] in NUM_RUN:
                run_end += 1
            hit = None
            for end in range(min(n, run_end + 6), i, -1):
                cand = text[start:end]
                # ANNOTATION.md's span convention: no trailing punctuation or
                # 以上/左右 (the shorter string is tried next); bare numerals
                # (290, 两, 十二) are not claimed as money.
                if (
                    unicodedata.category(cand[-1])[0] in "PZ"
                    or cand.endswith(AFTER)
                    or all(ch in BARE for ch in text[i:end])
                ):
                    continue
                if jparse(cand) is not None:
                    hit = (start, end)
                    break
            if hit:
                found.append(text[hit[0] : hit[1]])
                i = hit[1]
            else:
                i = run_end
        return found

    return jio_value, jio_detect


# ---- scoring --------------------------------------------------------------


def value_right(got: Any, case: dict) -> bool:
    if got is None:
        return False
    low, high, _ = got
    if case["value"] is not None:
        v = _dec(case["value"])
        if low == v and high == v:
            return True
        # jionlp: 50余亿元 -> [50亿, 60亿]; fair when the gold amount says 余/多
        return low == v and any(ch in case["span"] for ch in INSIDE)
    return (low, high) == (_dec(case["low"]), _dec(case["high"]))


def score(cases: list[dict], value_fn: Callable, detect_fn: Callable) -> dict[str, Any]:
    span_cases = [c for c in cases if c["span"] is not None]
    v_ok = vc_ok = 0
    v_fail: list[str] = []
    for c in span_cases:
        got = value_fn(c["span"])
        if value_right(got, c):
            v_ok += 1
            vc_ok += got[2] == c["currency"]
        else:
            v_fail.append(c["span"])
    d_ok = tp = fp = fn = 0
    d_fail: list[str] = []
    for c in cases:
        gold = [] if c["span"] is None else [c["span"], *c.get("also", [])]
        pred = detect_fn(c["text"])
        if sorted(pred) == sorted(gold):
            d_ok += 1
        else:
            d_fail.append(f"{c['text']} -> {pred}")
        rest = list(pred)
        for g in gold:
            if g in rest:
                rest.remove(g)
                tp += 1
            else:
                fn += 1
        fp += len(rest)

    def rate(fn: Callable, items: list[str]) -> float:
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            for s in items:
                fn(s)
            best = min(best, time.perf_counter() - t0)
        return len(items) / best

    return {
        "value_acc": v_ok / len(span_cases),
        "value_cur_acc": vc_ok / len(span_cases),
        "detect_acc": d_ok / len(cases),
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "parse_rate": rate(value_fn, [c["span"] for c in span_cases]),
        "detect_rate": rate(detect_fn, [c["text"] for c in cases]),
        "n_values": len(span_cases),
        "n_cases": len(cases),
        "value_fail": v_fail,
        "detect_fail": d_fail,
    }


def markdown(ours: dict, theirs: dict | None, jio_version: str | None, theirs_norm: dict | None = None) -> str:
    def pct(x: float) -> str:
        return f"{100 * x:.1f}%"

    def col(d: dict | None, key: str, kind: str) -> str:
        if d is None:
            return "n/a"
        return pct(d[key]) if kind == "pct" else f"{d[key]:,.0f}"

    rows = [
        ("value accuracy (number)", "value_acc", "pct"),
        ("value + currency accuracy", "value_cur_acc", "pct"),
        ("money/not-money accuracy (exact span set per case)", "detect_acc", "pct"),
        ("span precision", "precision", "pct"),
        ("span recall", "recall", "pct"),
        ("speed: parse, cases/s", "parse_rate", "num"),
        ("speed: detect, cases/s", "detect_rate", "num"),
    ]
    jname = f"jionlp {jio_version}" if jio_version else "jionlp"
    lines = [
        "# projextract.money vs jionlp",
        "",
        f"{ours['n_cases']} hand-written cases from `tests/data/money_cases.jsonl` "
        f"({ours['n_values']} with a money span). Generated by `benchmarks/money_vs_jionlp.py`; "
        "method in its docstring.",
        "",
    ]
    if theirs is None:
        lines += ["**jionlp could not be installed or imported here; only projextract is shown.**", ""]
    lines += [f"| metric | projextract | {jname} | {jname}, input t2s+NFKC |", "|---|---:|---:|---:|"]
    for label, key, kind in rows:
        lines.append(f"| {label} | {col(ours, key, kind)} | {col(theirs, key, kind)} | {col(theirs_norm, key, kind)} |")
    lines += [
        "",
        "- projextract reads the raw case text (Traditional, full-width and all).",
        "- The last column gives jionlp the text after OpenCC t2s and NFKC, the",
        "  normalization a pipeline would run first; gold spans are normalized alike.",
        "- jionlp's detection is its `parse_money` run over candidate strings (it has no",
        "  `extract_money`), so its detection speed includes many failed parse attempts.",
        "- The cases were written against ANNOTATION.md by the author of projextract.money",
        "  and its tests pass on them: the 100% is a regression floor, not an unbiased",
        "  estimate. jionlp's numbers show where it disagrees with this standard.",
    ]
    for name, d in (("projextract", ours), (jname, theirs), (f"{jname}, input t2s+NFKC", theirs_norm)):
        if d is None:
            continue
        lines += ["", f"## {name}: misses", ""]
        shown = ", ".join(f"`{s}`" for s in d["value_fail"][:40]) or "none"
        lines.append(f"- value wrong or unparsed ({len(d['value_fail'])}): {shown}")
        lines.append(f"- detection wrong ({len(d['detect_fail'])})" + (", first 25:" if d["detect_fail"] else ""))
        lines += [f"  - `{s}`" for s in d["detect_fail"][:25]]
    return "\n".join(lines) + "\n"


def normalizer() -> Callable[[str], str] | None:
    """OpenCC t2s + NFKC, as a pipeline would apply before either library."""
    try:
        import opencc  # type: ignore[import-not-found]
    except Exception:  # noqa: BLE001 - optional
        return None
    cc = opencc.OpenCC("t2s")
    return lambda s: unicodedata.normalize("NFKC", cc.convert(s))


def normalized_cases(cases: list[dict], norm: Callable[[str], str]) -> list[dict]:
    out = []
    for c in cases:
        c = dict(c)
        c["text"] = norm(c["text"])
        if c["span"] is not None:
            c["span"] = norm(c["span"])
            c["also"] = [norm(a) for a in c.get("also", [])]
        out.append(c)
    return out


def main() -> None:
    cases = load_cases()
    ours = score(cases, ours_value, ours_detect)
    jio = load_jionlp()
    theirs = theirs_norm = None
    version = None
    if jio is not None:
        jio_value, jio_detect = make_jio(jio)
        theirs = score(cases, jio_value, jio_detect)
        norm = normalizer()
        if norm is not None:
            theirs_norm = score(normalized_cases(cases, norm), jio_value, jio_detect)
        version = getattr(jio, "__version__", None)
    md = markdown(ours, theirs, version, theirs_norm)
    OUT_PATH.write_text(md, encoding="utf-8")
    print(md)


if __name__ == "__main__":
    main()
