"""Corpus statistics: what is in each split, and how much it looks like the archives.

`corpus_stats(splits)` counts articles, characters, span labels, scripts, provinces,
forms and events (named vs batch) per split, the article length distribution, and
the realism measures the data card reports:

- PROJECT spans not ending in 项目 (after Traditional->Simplified, gloss removal and
  dropping a bracketed phase at the end: `…项目(二期)` ends in 项目);
- OFFICIAL mentions with no title right before the name (a title chain, found with
  `projextract.rules.officials.titles_before` and the titles table) or right after it
  (a position word from the titles table: `林武书记`, `李云峰市长`);
- articles over 1,500 characters; the Traditional share; the number of provinces;
- articles carrying each kind of archive noise (glosses, doubled punctuation, mojibake).

`format_markdown(stats)` renders the tables; `write_readme(path, markdown)` puts them
between the stats markers of corpus/README.md.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from statistics import mean, median
from typing import Any

from .validate import LABELS

BEGIN = "<!-- stats:begin (written by `projextract corpus stats --write`; do not edit by hand) -->"
END = "<!-- stats:end -->"
TOTAL = "total"
LENGTH_BUCKETS = ((0, 500), (500, 1000), (1000, 1500), (1500, 3000), (3000, None))
_DOUBLED = re.compile(r"[，、。；：,;][，、。；：,;]")
_TRAILING_BRACKET = re.compile(r"[(（][^()（）]*[)）]$")


@cache
def _title_rules():  # noqa: ANN202 - projextract.rules.officials.TitleRules
    from ..rules.officials import TitleRules

    return TitleRules()


@cache
def _position_after() -> re.Pattern[str]:
    positions = sorted(set(_title_rules().titles["positions"]), key=len, reverse=True)
    return re.compile(r"[ \u3000]?(?:" + "|".join(map(re.escape, positions)) + ")")


def official_mentions_with_titles(record: Mapping[str, Any]) -> list[tuple[str, bool]]:
    """(name, title adjacent?) for every OFFICIAL span, in text order.

    Decided on the normalized text (glosses out, Simplified), where the title rules work.
    """
    from ..normalize import normalize
    from ..rules.officials import titles_before

    spans = sorted((s for s in record.get("spans", []) if s["label"] == "OFFICIAL"), key=lambda s: s["start"])
    if not spans:
        return []
    normalized = normalize(record["text"])
    rules = _title_rules()
    found = []
    for span in spans:
        start, end = normalized.alignment.to_normalized(span["start"], span["end"])
        before = bool(titles_before(normalized.text, start, rules))
        after = bool(_position_after().match(normalized.text, end))
        found.append((record["text"][span["start"] : span["end"]], before or after))
    return found


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _percentile(values: Sequence[int], fraction: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def _bucket_name(low: int, high: int | None) -> str:
    return f"≥{low:,}" if high is None else f"{low:,}–{high - 1:,}"


from .coverage import coverage, format_coverage  # noqa: E402


def corpus_stats(splits: Mapping[str, Iterable[Mapping[str, Any]]]) -> dict[str, Any]:
    """Counts per split (plus `total`) and the realism measures, for records grouped by split."""
    from ..evaluate import canonical
    from ..mojibake import find_repairs
    from ..normalize import GLOSS

    groups = {name: list(records) for name, records in splits.items()}
    columns = [*groups, TOTAL]
    articles: Counter = Counter()
    chars: Counter = Counter()
    labels = {label: Counter() for label in LABELS}
    scripts: dict[str, Counter] = {}
    forms: dict[str, Counter] = {}
    provinces: Counter = Counter()
    events = {kind: Counter() for kind in ("signing", "groundbreaking", "commissioning")}
    officials: Counter = Counter()
    lengths: list[int] = []
    projects = projects_not_xiangmu = 0
    mentions = mentions_bare = 0
    noise = Counter()
    for name, records in groups.items():
        for record in records:
            text = record["text"]
            meta = record.get("meta") or {}
            for column in (name, TOTAL):
                articles[column] += 1
                chars[column] += len(text)
                officials[column] += len(record.get("officials", []))
                for span in record.get("spans", []):
                    labels.setdefault(span["label"], Counter())[column] += 1
                scripts.setdefault(meta.get("script") or "unknown", Counter())[column] += 1
                forms.setdefault(meta.get("form") or "unknown", Counter())[column] += 1
                for event in record.get("events", []):
                    kind = "named" if event.get("project") else "batch"
                    events.setdefault(event["type"], Counter())[f"{column}:{kind}"] += 1
                    events[event["type"]][f"{column}:planned"] += bool(event.get("planned"))
            provinces[meta.get("province") or "unknown"] += 1
            lengths.append(len(text))
            for span in record.get("spans", []):
                if span["label"] == "PROJECT":
                    projects += 1
                    head = _TRAILING_BRACKET.sub("", canonical(text[span["start"] : span["end"]]))
                    projects_not_xiangmu += not head.endswith("项目")
            for _, titled in official_mentions_with_titles(record):
                mentions += 1
                mentions_bare += not titled
            noise["glosses"] += bool(GLOSS.search(text))
            noise["doubled punctuation"] += bool(_DOUBLED.search(text))
            noise["mojibake"] += bool(find_repairs(text))

    total = articles[TOTAL]
    buckets = {_bucket_name(low, high): sum(1 for n in lengths if n >= low and (high is None or n < high))
               for low, high in LENGTH_BUCKETS}
    return {
        "columns": columns,
        "articles": {c: articles[c] for c in columns},
        "chars": {c: chars[c] for c in columns},
        "labels": {label: {c: counts[c] for c in columns} for label, counts in labels.items()},
        "officials": {c: officials[c] for c in columns},
        "events": {kind: {c: {"named": counts[f"{c}:named"], "batch": counts[f"{c}:batch"],
                              "planned": counts[f"{c}:planned"]} for c in columns}
                   for kind, counts in events.items()},
        "scripts": {script: {c: counts[c] for c in columns} for script, counts in sorted(scripts.items())},
        "forms": {form: {c: counts[c] for c in columns} for form, counts in sorted(forms.items())},
        "provinces": dict(sorted(provinces.items(), key=lambda item: (-item[1], item[0]))),
        "length": {
            "min": min(lengths, default=0), "p10": _percentile(lengths, 0.1) if lengths else 0,
            "median": int(median(lengths)) if lengths else 0, "mean": round(mean(lengths)) if lengths else 0,
            "p90": _percentile(lengths, 0.9) if lengths else 0, "max": max(lengths, default=0),
            "buckets": buckets,
        },
        "coverage": {key: dict(value) for key, value in coverage(r for rs in groups.values() for r in rs).items()},
        "realism": {
            "project_spans": projects,
            "project_not_ending_in_xiangmu": _share(projects_not_xiangmu, projects),
            "official_mentions": mentions,
            "official_mentions_without_adjacent_title": _share(mentions_bare, mentions),
            "articles_over_1500_chars": _share(sum(1 for n in lengths if n > 1500), total),
            "traditional_share": _share(scripts.get("traditional", Counter())[TOTAL], total),
            "provinces": len([p for p in provinces if p != "unknown"]),
            "articles_with_noise": {kind: _share(count, total) for kind, count in noise.items()},
        },
    }


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def _table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|"]
    lines += ["| " + " | ".join(f"{cell:,}" if isinstance(cell, int) else str(cell) for cell in row) + " |"
              for row in rows]
    return lines


def format_markdown(stats: Mapping[str, Any]) -> str:
    """The statistics as Markdown tables (the data card's stats section)."""
    columns = stats["columns"]
    header = ["", *columns]
    lines = ["### Size", ""]
    lines += _table(header, [
        ["articles", *(stats["articles"][c] for c in columns)],
        ["characters", *(stats["chars"][c] for c in columns)],
        *([f"`{label}` spans", *(counts[c] for c in columns)] for label, counts in stats["labels"].items()),
        ["officials (listed)", *(stats["officials"][c] for c in columns)],
    ])
    lines += ["", "### Events (named project / counted batch; planned among them)", ""]
    lines += _table(header, [
        [kind, *(f"{v[c]['named']} / {v[c]['batch']}" + (f" ({v[c]['planned']} planned)" if v[c]["planned"] else "")
                 for c in columns)]
        for kind, v in stats["events"].items()
    ])
    lines += ["", "### Script and form", ""]
    lines += _table(header, [[script, *(counts[c] for c in columns)] for script, counts in stats["scripts"].items()]
                    + [[f"`{form}`", *(counts[c] for c in columns)] for form, counts in stats["forms"].items()])
    length = stats["length"]
    lines += ["", "### Article length (characters, all splits)", ""]
    lines += _table(["min", "p10", "median", "mean", "p90", "max"],
                    [[length[k] for k in ("min", "p10", "median", "mean", "p90", "max")]])
    lines += [""]
    lines += _table(["length", "articles"], [[bucket, count] for bucket, count in length["buckets"].items()])
    realism = stats["realism"]
    lines += ["", "### Realism", ""]
    rows = [
        ["PROJECT spans not ending in 项目", f"{_pct(realism['project_not_ending_in_xiangmu'])} "
                                            f"of {realism['project_spans']:,}"],
        ["OFFICIAL mentions with no title right before or after",
         f"{_pct(realism['official_mentions_without_adjacent_title'])} of {realism['official_mentions']:,}"],
        ["articles over 1,500 characters", _pct(realism["articles_over_1500_chars"])],
        ["Traditional-script articles", _pct(realism["traditional_share"])],
        ["provinces", realism["provinces"]],
        *([f"articles with {kind}", _pct(share)] for kind, share in realism["articles_with_noise"].items()),
    ]
    lines += _table(["measure", "value"], rows)
    lines += ["", "Provinces: " + ", ".join(f"{name} {count}" for name, count in stats["provinces"].items()) + "."]
    lines += format_coverage({key: Counter(value) for key, value in stats["coverage"].items()})
    return "\n".join(lines) + "\n"


def write_readme(path: str | Path, markdown: str) -> bool:
    """Replace the text between the stats markers of `path` (appending a section if they are missing).

    Returns True when the file changed.
    """
    path = Path(path)
    old = path.read_text("utf-8") if path.exists() else ""
    block = f"{BEGIN}\n\n{markdown.rstrip()}\n\n{END}"
    if BEGIN in old and END in old:
        head, _, rest = old.partition(BEGIN)
        _, _, tail = rest.partition(END)
        new = head + block + tail
    else:
        new = old.rstrip() + ("\n\n" if old else "") + "## Statistics\n\n" + block + "\n"
    if new != old:
        path.write_text(new, "utf-8")
    return new != old
