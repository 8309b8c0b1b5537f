"""Structural checks of annotated records against ANNOTATION.md."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

LABELS = ("MONEY", "PROJECT", "OFFICIAL", "ZONE")
EVENT_TYPES = ("signing", "groundbreaking", "commissioning")
EVENT_FIELDS = ("type", "project", "zone", "investment", "count", "date", "planned")
SCRIPTS = ("simplified", "traditional")
FORMS = (
    "three_batches",
    "signing",
    "groundbreaking",
    "commissioning",
    "work_meeting",
    "promotion",
    "review_plan",
    "feature",
)
ISO_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def validate_record(record: Mapping[str, Any], *, require_meta: bool = True) -> list[str]:
    """Return every problem found in one record (empty when it is valid)."""
    problems: list[str] = []
    text = record.get("text")
    if not isinstance(text, str):
        return ["text is missing or not a string"]
    if not record.get("id"):
        problems.append("id is missing")
    meta = record.get("meta") or {}
    if require_meta:
        published = meta.get("published")
        if not isinstance(published, str) or not ISO_DATE.match(published):
            problems.append(f"meta.published is not an ISO date: {published!r}")
        for key in ("province", "script", "form"):
            if not meta.get(key):
                problems.append(f"meta.{key} is missing")
        if meta.get("script") and meta["script"] not in SCRIPTS:
            problems.append(f"meta.script {meta['script']!r} is not one of {SCRIPTS}")
        if meta.get("form") and meta["form"] not in FORMS:
            problems.append(f"meta.form {meta['form']!r} is not one of {FORMS}")

    spans = sorted(record.get("spans", []), key=lambda s: (s["start"], s["end"]))
    texts_by_label: dict[str, set[str]] = {label: set() for label in LABELS}
    previous_end = -1
    for span in spans:
        start, end, label = span.get("start"), span.get("end"), span.get("label")
        where = f"span {start}-{end} {label}"
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            problems.append(f"{where}: offsets outside the text")
            continue
        if label not in LABELS:
            problems.append(f"{where}: unknown label")
        if start < previous_end:
            problems.append(f"{where}: overlaps the previous span")
        if text[start].isspace() or text[end - 1].isspace():
            problems.append(f"{where}: starts or ends on whitespace")
        if "text" in span and span["text"] != text[start:end]:
            problems.append(f"{where}: text {span['text']!r} differs from raw {text[start:end]!r}")
        previous_end = max(previous_end, end)
        texts_by_label.setdefault(label, set()).add(text[start:end])

    for index, event in enumerate(record.get("events", [])):
        where = f"event {index}"
        missing = [key for key in EVENT_FIELDS if key not in event]
        if missing:
            problems.append(f"{where}: missing fields {missing}")
            continue
        if event["type"] not in EVENT_TYPES:
            problems.append(f"{where}: unknown type {event['type']!r}")
        if event["project"] is not None and event["project"] not in texts_by_label["PROJECT"]:
            problems.append(f"{where}: project {event['project']!r} is not a PROJECT span")
        if event["zone"] is not None and event["zone"] not in texts_by_label["ZONE"]:
            problems.append(f"{where}: zone {event['zone']!r} is not a ZONE span")
        investment = event["investment"]
        if investment is not None and (
            isinstance(investment, bool) or not isinstance(investment, (int, float)) or investment <= 0
        ):
            problems.append(f"{where}: investment {investment!r} is not a positive number")
        count = event["count"]
        if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count <= 0):
            problems.append(f"{where}: count {count!r} is not a positive integer")
        if (event["project"] is None) == (count is None):
            problems.append(f"{where}: exactly one of project and count must be set")
        if event["date"] is not None and not (
            isinstance(event["date"], str) and ISO_DATE.match(event["date"])
        ):
            problems.append(f"{where}: date {event['date']!r} is not ISO")
        if not isinstance(event["planned"], bool):
            problems.append(f"{where}: planned must be true or false")

    listed = set()
    for official in record.get("officials", []):
        name = official.get("name")
        titles = official.get("titles")
        if name in listed:
            problems.append(f"official {name!r} is listed twice")
        listed.add(name)
        if name not in texts_by_label["OFFICIAL"]:
            problems.append(f"official {name!r} is not an OFFICIAL span")
        if not isinstance(titles, list) or not all(isinstance(t, str) and t for t in titles):
            problems.append(f"official {name!r}: titles must be a list of strings")
    for name in sorted(texts_by_label["OFFICIAL"] - listed):
        problems.append(f"OFFICIAL span {name!r} is missing from officials")
    return problems


def validate_records(records: Iterable[Mapping[str, Any]], **kwargs: Any) -> dict[str, list[str]]:
    """Map each invalid record's id to its problems; also flags duplicate ids."""
    report: dict[str, list[str]] = {}
    seen: set[str] = set()
    for position, record in enumerate(records):
        key = str(record.get("id") or f"#{position}")
        problems = validate_record(record, **kwargs)
        if key in seen:
            problems.append("duplicate id")
        seen.add(key)
        if problems:
            report[key] = problems
    return report
