"""Agreement between two annotation sets of the same articles, and every disagreement to reconcile.

`agreement(a, b)` pairs records by id and scores B against A with
`projextract.evaluate.score_records` (A plays gold): per-label span P/R/F1 (exact
start, end and label), event F1 with argument accuracy, officials F1 and title
accuracy. Since F1 is symmetric, swapping A and B only swaps P and R.

`disagreements(a, b)` lists what differs, article by article:

- `label`: the same characters, a different label on each side;
- `boundary`: overlapping spans with different offsets (labels shown for both);
- `span`: a span on one side only;
- `event`: an event (type, planned flag, project or batch count) on one side only,
  or a matched event whose zone, investment or date differ;
- `official`: an official listed on one side only, or with different titles;
- `text`: the article text itself differs (its spans are not compared).

Inputs are JSONL files or folders (train/dev/test JSONL, or inline-markup sources
compiled with `authoring.compile_file`), read by `sources.read_records`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..evaluate import canonical, event_key, score_records, zone_key
from .sources import Record, read_records


@dataclass(frozen=True)
class Disagreement:
    id: str
    kind: str
    text: str
    a: str
    b: str
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Pairing:
    """Records of A and B matched by id; ids found on one side only; ids whose texts differ."""

    a: list[Record]
    b: list[Record]
    only_a: list[str]
    only_b: list[str]
    text_differs: list[str]


def pair_records(a: Iterable[Mapping[str, Any]], b: Iterable[Mapping[str, Any]]) -> Pairing:
    """Match by id (A's order); records whose texts differ are set aside, not compared."""
    by_id_b = {str(r.get("id")): dict(r) for r in b}
    paired_a, paired_b, only_a, differs = [], [], [], []
    seen = set()
    for record in a:
        key = str(record.get("id"))
        seen.add(key)
        other = by_id_b.get(key)
        if other is None:
            only_a.append(key)
        elif other["text"] != record["text"]:
            differs.append(key)
        else:
            paired_a.append(dict(record))
            paired_b.append(other)
    only_b = [key for key in by_id_b if key not in seen]
    return Pairing(paired_a, paired_b, only_a, only_b, differs)


def agreement(a: Iterable[Mapping[str, Any]], b: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """`score_records(A, B)` over the articles both sets hold (same id, same text), plus coverage counts."""
    pairing = pair_records(a, b)
    scores = score_records(pairing.a, pairing.b)
    scores["coverage"] = {"compared": len(pairing.a), "only_a": pairing.only_a, "only_b": pairing.only_b,
                          "text_differs": pairing.text_differs}
    return scores


def _span_disagreements(a: Mapping[str, Any], b: Mapping[str, Any]) -> list[Disagreement]:
    text = a["text"]
    spans_a = {(s["start"], s["end"], s["label"]) for s in a.get("spans", [])}
    spans_b = {(s["start"], s["end"], s["label"]) for s in b.get("spans", [])}
    left = sorted(spans_a - spans_b)
    right = sorted(spans_b - spans_a)
    found: list[Disagreement] = []
    used_right: set[tuple[int, int, str]] = set()
    for span in left:
        start, end, label = span
        twin = next((s for s in right if s[:2] == (start, end) and s not in used_right), None)
        if twin:
            used_right.add(twin)
            found.append(Disagreement(a["id"], "label", text[start:end], label, twin[2], start, end))
            continue
        overlapping = [s for s in right if s[0] < end and start < s[1] and s not in used_right]
        if overlapping:
            for other in overlapping:
                used_right.add(other)
                found.append(Disagreement(a["id"], "boundary", f"{text[start:end]} | {text[other[0]:other[1]]}",
                                          f"{label} {start}-{end}", f"{other[2]} {other[0]}-{other[1]}",
                                          min(start, other[0]), max(end, other[1])))
            continue
        found.append(Disagreement(a["id"], "span", text[start:end], label, "-", start, end))
    for start, end, label in right:
        if (start, end, label) not in used_right:
            found.append(Disagreement(a["id"], "span", text[start:end], "-", label, start, end))
    return sorted(found, key=lambda d: (d.start if d.start is not None else -1, d.kind))


def _event_text(event: Mapping[str, Any]) -> str:
    what = event.get("project") or f"batch of {event.get('count')}"
    return f"{event['type']}{' (planned)' if event.get('planned') else ''}: {what}"


def _event_arguments(event: Mapping[str, Any]) -> str:
    return f"zone={event.get('zone')} investment={event.get('investment')} date={event.get('date')}"


def _event_disagreements(a: Mapping[str, Any], b: Mapping[str, Any]) -> list[Disagreement]:
    found = []
    unmatched = list(b.get("events", []))
    for event in a.get("events", []):
        match = next((other for other in unmatched if event_key(other) == event_key(event)), None)
        if match is None:
            found.append(Disagreement(a["id"], "event", _event_text(event), _event_arguments(event), "-"))
            continue
        unmatched.remove(match)
        ia, ib = event.get("investment"), match.get("investment")
        same_investment = (ia is None and ib is None) or (
            ia is not None and ib is not None and abs(ib - ia) <= 0.005 * abs(ia))
        if zone_key(event.get("zone")) != zone_key(match.get("zone")) or not same_investment \
                or event.get("date") != match.get("date"):
            found.append(Disagreement(a["id"], "event", _event_text(event), _event_arguments(event),
                                      _event_arguments(match)))
    for event in unmatched:
        found.append(Disagreement(a["id"], "event", _event_text(event), "-", _event_arguments(event)))
    return found


def _official_disagreements(a: Mapping[str, Any], b: Mapping[str, Any]) -> list[Disagreement]:
    def listed(record: Mapping[str, Any]) -> dict[str, tuple[str, list[str]]]:
        return {canonical(o["name"]): (o["name"], list(o["titles"])) for o in record.get("officials", [])}

    left, right = listed(a), listed(b)
    found = []
    for key, (name, titles) in left.items():
        if key not in right:
            found.append(Disagreement(a["id"], "official", name, "; ".join(titles) or "(no title)", "-"))
        elif {canonical(t) for t in titles} != {canonical(t) for t in right[key][1]}:
            found.append(Disagreement(a["id"], "official", name, "; ".join(titles) or "(no title)",
                                      "; ".join(right[key][1]) or "(no title)"))
    for key, (name, titles) in right.items():
        if key not in left:
            found.append(Disagreement(a["id"], "official", name, "-", "; ".join(titles) or "(no title)"))
    return found


def disagreements(a: Iterable[Mapping[str, Any]], b: Iterable[Mapping[str, Any]]) -> list[Disagreement]:
    """Every difference between A and B, article by article (A's order)."""
    pairing = pair_records(a, b)
    found: list[Disagreement] = []
    for left, right in zip(pairing.a, pairing.b, strict=True):
        found += _span_disagreements(left, right)
        found += _event_disagreements(left, right)
        found += _official_disagreements(left, right)
    found += [Disagreement(key, "text", "(article text differs; not compared)", "", "") for key in pairing.text_differs]
    found += [Disagreement(key, "missing", "(article)", "present", "-") for key in pairing.only_a]
    found += [Disagreement(key, "missing", "(article)", "-", "present") for key in pairing.only_b]
    return found


def format_agreement(scores: Mapping[str, Any]) -> str:
    """The evaluation table, headed by what was compared (B scored against A)."""
    from ..evaluate import format_table

    coverage = scores["coverage"]
    head = [f"articles compared: {coverage['compared']} (B scored against A; F1 is symmetric)"]
    for key, label in (("only_a", "only in A"), ("only_b", "only in B"), ("text_differs", "text differs")):
        if coverage[key]:
            shown = ", ".join(coverage[key][:10]) + (" …" if len(coverage[key]) > 10 else "")
            head.append(f"{label}: {len(coverage[key])} ({shown})")
    return "\n".join(head) + "\n\n" + format_table(scores)


def format_disagreements(found: Sequence[Disagreement]) -> str:
    """One tab-separated line per disagreement: id, kind, offsets, text, A, B."""
    lines = ["id\tkind\toffsets\ttext\tA\tB"]
    for item in found:
        offsets = f"{item.start}-{item.end}" if item.start is not None else ""
        lines.append("\t".join((item.id, item.kind, offsets, item.text.replace("\n", " "), item.a, item.b)))
    return "\n".join(lines)


def agree_paths(path_a: str | Path, path_b: str | Path) -> tuple[dict[str, Any], list[Disagreement]]:
    """Read both sets (JSONL files or folders) and return (scores, disagreements)."""
    a, b = read_records(path_a), read_records(path_b)
    return agreement(a, b), disagreements(a, b)
