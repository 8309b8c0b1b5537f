"""Scoring exactly as ANNOTATION.md's Scoring section says, on JSONL-shaped records."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from .normalize import GLOSS, to_simplified

LABELS = ("MONEY", "PROJECT", "OFFICIAL", "ZONE")
_ZONE_SHORT = {
    "经济技术开发区": "经开区", "经济开发区": "经开区", "高新技术产业开发区": "高新区", "高新技术开发区": "高新区",
    "综合保税区": "综保区", "自由贸易试验区": "自贸区", "自贸试验区": "自贸区",
}


def canonical(text: str | None) -> str | None:
    """Compare strings after Traditional->Simplified, gloss removal and whitespace removal."""
    if text is None:
        return None
    return "".join(to_simplified(GLOSS.sub("", text)).split())


def zone_key(name: str | None) -> str | None:
    """Full and short forms of a zone compare equal (宣城经济技术开发区 / 宣城经开区)."""
    name = canonical(name)
    if name is None:
        return None
    for long, short in sorted(_ZONE_SHORT.items(), key=lambda item: -len(item[0])):
        if name.endswith(long):
            name = name[: -len(long)] + short
            break
    return name.replace("市经开区", "经开区").replace("市高新区", "高新区")


def same_zone(predicted: str | None, gold: str | None, alternatives: set[str] | None = None) -> bool:
    """Zones match in full or short form (宣城经济技术开发区 / 宣城经开区), with or without a province or
    city name in front (贵州贵安新区 / 贵安新区), or as either of two nested zones (`alternatives`)."""
    if predicted is None or gold is None:
        return predicted is None and gold is None
    mine = zone_key(predicted)
    for theirs in alternatives or {zone_key(gold)}:
        short, long = sorted((mine, theirs), key=len)
        if short == long or (long.endswith(short) and len(long) - len(short) <= 3 and len(short) >= 4):
            return True
    return False


def event_key(event: Mapping[str, Any]) -> tuple:
    """What makes two events the same event: type, planned flag and project (or count for a batch)."""
    if event.get("project"):
        return (event["type"], bool(event["planned"]), "project", canonical(event["project"]))
    return (event["type"], bool(event["planned"]), "batch", event.get("count"))


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": p, "r": r, "f": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}


def _zone_alternatives(record: Mapping[str, Any]) -> dict[str, set[str]]:
    """For a zone written inside another (临汾经济开发区甘亭工业园区), either name is right."""
    zones = sorted((s for s in record.get("spans", []) if s["label"] == "ZONE"), key=lambda s: s["start"])
    text = record["text"]
    alternatives: dict[str, set[str]] = {}
    for left, right in zip(zones, zones[1:], strict=False):
        if left["end"] == right["start"]:
            a, b = text[left["start"]:left["end"]], text[right["start"]:right["end"]]
            alternatives.setdefault(zone_key(a), {zone_key(a)}).add(zone_key(b))
            alternatives.setdefault(zone_key(b), {zone_key(b)}).add(zone_key(a))
    return alternatives


def score_records(gold: Iterable[Mapping[str, Any]], predicted: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Score predicted records against gold ones (paired by position; ids must agree when present)."""
    span_counts = {label: Counter() for label in LABELS}
    event_counts: Counter = Counter()
    kind_counts = {"named": Counter(), "batch": Counter()}
    argument_right = Counter()
    matched_events = 0
    official_counts: Counter = Counter()
    titles_right = matched_officials = 0
    articles = 0
    for gold_record, predicted_record in zip(gold, predicted, strict=True):
        if gold_record.get("id") and predicted_record.get("id") and gold_record["id"] != predicted_record["id"]:
            raise ValueError(f"record order differs: gold {gold_record['id']} vs predicted {predicted_record['id']}")
        articles += 1
        gold_spans = {(s["start"], s["end"], s["label"]) for s in gold_record.get("spans", [])}
        predicted_spans = {(s["start"], s["end"], s["label"]) for s in predicted_record.get("spans", [])}
        for label in LABELS:
            g = {s for s in gold_spans if s[2] == label}
            p = {s for s in predicted_spans if s[2] == label}
            span_counts[label].update(tp=len(g & p), fp=len(p - g), fn=len(g - p))

        alternatives = _zone_alternatives(gold_record)
        unmatched = list(gold_record.get("events", []))
        for event in predicted_record.get("events", []):
            key = event_key(event)
            kind = "named" if key[2] == "project" else "batch"
            match = next((g for g in unmatched if event_key(g) == key), None)
            if match is None:
                event_counts["fp"] += 1
                kind_counts[kind]["fp"] += 1
                continue
            unmatched.remove(match)
            event_counts["tp"] += 1
            kind_counts[kind]["tp"] += 1
            matched_events += 1
            gold_zone = zone_key(match.get("zone"))
            argument_right["zone"] += same_zone(event.get("zone"), match.get("zone"), alternatives.get(gold_zone))
            gi, pi = match.get("investment"), event.get("investment")
            argument_right["investment"] += (gi is None and pi is None) or (
                gi is not None and pi is not None and abs(pi - gi) <= 0.005 * abs(gi))
            argument_right["date"] += match.get("date") == event.get("date")
        for g in unmatched:
            event_counts["fn"] += 1
            kind_counts["named" if event_key(g)[2] == "project" else "batch"]["fn"] += 1

        gold_officials = {canonical(o["name"]): {canonical(t) for t in o["titles"]} for o in gold_record.get("officials", [])}
        predicted_officials = {canonical(o["name"]): {canonical(t) for t in o["titles"]}
                               for o in predicted_record.get("officials", [])}
        both = set(gold_officials) & set(predicted_officials)
        official_counts.update(tp=len(both), fp=len(set(predicted_officials) - both), fn=len(set(gold_officials) - both))
        matched_officials += len(both)
        titles_right += sum(gold_officials[n] == predicted_officials[n] for n in both)

    spans = {label: _prf(c["tp"], c["fp"], c["fn"]) for label, c in span_counts.items()}
    total = sum(span_counts.values(), Counter())
    return {
        "articles": articles,
        "spans": {"micro": _prf(total["tp"], total["fp"], total["fn"]), **spans},
        "events": {
            **_prf(event_counts["tp"], event_counts["fp"], event_counts["fn"]),
            "named": _prf(kind_counts["named"]["tp"], kind_counts["named"]["fp"], kind_counts["named"]["fn"]),
            "batch": _prf(kind_counts["batch"]["tp"], kind_counts["batch"]["fp"], kind_counts["batch"]["fn"]),
            "arguments": {k: (argument_right[k] / matched_events if matched_events else None)
                          for k in ("zone", "investment", "date")},
        },
        "officials": {**_prf(official_counts["tp"], official_counts["fp"], official_counts["fn"]),
                      "title_accuracy": titles_right / matched_officials if matched_officials else None},
    }


def score_pipeline(gold: list[Mapping[str, Any]], nlp: Any = None) -> dict[str, Any]:
    """Parse the gold articles (with their ids and `meta.published`) through `nlp` and score them."""
    from .api import parse_many

    items = [(r["text"], {"id": r.get("id"), "published": (r.get("meta") or {}).get("published")}) for r in gold]
    return score_records(gold, [article.to_dict() for article in parse_many(items, nlp=nlp)])


def format_table(scores: Mapping[str, Any]) -> str:
    """A plain-text table of a `score_records` result."""
    def pct(value: float | None) -> str:
        return "   -  " if value is None else f"{100 * value:6.2f}"

    lines = [f"articles: {scores['articles']}", "", f"{'spans':<10}{'P':>8}{'R':>8}{'F':>8}{'gold':>7}"]
    for label in ("micro", *LABELS):
        row = scores["spans"][label]
        lines.append(f"{label:<10}{pct(row['p']):>8}{pct(row['r']):>8}{pct(row['f']):>8}{row['tp'] + row['fn']:>7}")
    events = scores["events"]
    lines += ["", f"{'events':<10}{'P':>8}{'R':>8}{'F':>8}{'gold':>7}"]
    for name, row in (("all", events), ("named", events["named"]), ("batch", events["batch"])):
        lines.append(f"{name:<10}{pct(row['p']):>8}{pct(row['r']):>8}{pct(row['f']):>8}{row['tp'] + row['fn']:>7}")
    arguments = events["arguments"]
    lines.append("arguments over matched events: " + ", ".join(f"{k} {pct(v).strip()}" for k, v in arguments.items()))
    officials = scores["officials"]
    lines += ["", f"officials  P {pct(officials['p']).strip()}  R {pct(officials['r']).strip()}  "
              f"F {pct(officials['f']).strip()}  title accuracy {pct(officials['title_accuracy']).strip()}"]
    return "\n".join(lines)
