"""Compile hand-written articles in inline markup (corpus/AUTHORING.md) to JSONL records."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from .validate import validate_record

TAG = re.compile(r"\[\[([MPOZ]):(.*?)\]\]", re.S)
LABEL_OF_TAG = {"M": "MONEY", "P": "PROJECT", "O": "OFFICIAL", "Z": "ZONE"}
MAGNITUDE = {"亿": Decimal(100_000_000), "億": Decimal(100_000_000), "万": Decimal(10_000), "萬": Decimal(10_000), "": Decimal(1)}
AMOUNT = re.compile(r"^(\d+(?:\.\d+)?)(亿|億|万|萬|)(?:元)?$")


class AuthoringError(ValueError):
    """A source file that cannot be compiled; the message names the file."""


def parse_amount(field: str) -> int:
    """`99.96亿` -> 9996000000, exactly (Decimal arithmetic)."""
    match = AMOUNT.match(field.replace(",", ""))
    if not match:
        raise ValueError(f"investment {field!r} is not a number with 亿/万")
    try:
        value = Decimal(match.group(1)) * MAGNITUDE[match.group(2)]
    except InvalidOperation as error:
        raise ValueError(f"investment {field!r}: {error}") from error
    if value != value.to_integral_value():
        raise ValueError(f"investment {field!r} is not a whole number of yuan")
    return int(value)


def strip_tags(marked: str) -> tuple[str, list[dict[str, Any]]]:
    """Remove inline tags; return the plain text and the spans with offsets into it."""
    pieces: list[str] = []
    spans: list[dict[str, Any]] = []
    cursor = 0
    length = 0
    for match in TAG.finditer(marked):
        before = marked[cursor : match.start()]
        pieces.append(before)
        length += len(before)
        inner = match.group(2)
        if "[[" in inner or not inner:
            raise ValueError(f"malformed tag near {marked[match.start():match.start() + 30]!r}")
        spans.append({"start": length, "end": length + len(inner), "label": LABEL_OF_TAG[match.group(1)]})
        pieces.append(inner)
        length += len(inner)
        cursor = match.end()
    pieces.append(marked[cursor:])
    text = "".join(pieces)
    if "[[" in text or "]]" in text:
        position = text.find("[[") if "[[" in text else text.find("]]")
        raise ValueError(f"unclosed or unknown tag near {text[max(0, position - 10):position + 20]!r}")
    return text, spans


def _none(field: str) -> str | None:
    field = field.strip()
    return None if field in ("", "-") else field


def parse_event(line: str) -> dict[str, Any]:
    fields = [f.strip() for f in line.split("|")]
    if len(fields) != 7:
        raise ValueError(f"event line needs 7 fields, has {len(fields)}: {line!r}")
    kind, project, zone, investment, count, date, planned = fields
    if planned not in ("planned", "done"):
        raise ValueError(f"planned field must be 'planned' or 'done': {line!r}")
    investment_value = _none(investment)
    count_value = _none(count)
    return {
        "type": kind,
        "project": _none(project),
        "zone": _none(zone),
        "investment": parse_amount(investment_value) if investment_value else None,
        "count": int(count_value) if count_value else None,
        "date": _none(date),
        "planned": planned == "planned",
    }


def parse_official(line: str) -> dict[str, Any]:
    name, _, titles = line.partition("|")
    return {
        "name": name.strip(),
        "titles": [t.strip() for t in re.split(r"[;；]", titles) if t.strip()],
    }


def compile_source(source: str, *, origin: str = "<string>") -> dict[str, Any]:
    """Compile one article file's content to a JSONL record (not yet validated)."""
    try:
        header, _, rest = source.partition("\n---\n")
        body, _, blocks = rest.partition("\n---events")
        events_block, _, officials_block = blocks.partition("\n---officials")
        meta: dict[str, Any] = {}
        for line in header.strip().splitlines():
            key, _, value = line.partition(":")
            meta[key.strip()] = value.strip()
        record_id = meta.pop("id", None)
        if not record_id:
            raise ValueError("header has no id")
        text, spans = strip_tags(body.strip("\n"))
        events = [parse_event(line) for line in events_block.strip().splitlines() if line.strip()]
        officials = [parse_official(line) for line in officials_block.strip().splitlines() if line.strip()]
    except ValueError as error:
        raise AuthoringError(f"{origin}: {error}") from error
    meta.setdefault("source", "projextract-corpus")
    return {"id": record_id, "text": text, "meta": meta, "spans": spans, "events": events, "officials": officials}


def compile_file(path: Path) -> dict[str, Any]:
    return compile_source(Path(path).read_text(encoding="utf-8"), origin=str(path))


def check_paths(paths: list[Path]) -> dict[str, list[str]]:
    """Compile and validate every `.txt` source under `paths`; map file -> problems."""
    report: dict[str, list[str]] = {}
    seen_ids: dict[str, str] = {}
    for path in iter_sources(paths):
        try:
            record = compile_file(path)
        except AuthoringError as error:
            report[str(path)] = [str(error)]
            continue
        problems = validate_record(record)
        if record["id"] in seen_ids:
            problems.append(f"id {record['id']} also used by {seen_ids[record['id']]}")
        seen_ids[record["id"]] = str(path)
        if problems:
            report[str(path)] = problems
    return report


def iter_sources(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in map(Path, paths):
        found.extend(sorted(path.rglob("*.txt")) if path.is_dir() else [path])
    return found


def main(argv: list[str] | None = None) -> int:
    import sys

    paths = [Path(p) for p in (argv if argv is not None else sys.argv[1:])] or [Path("corpus/src")]
    report = check_paths(paths)
    sources = iter_sources(paths)
    for where, problems in report.items():
        for problem in problems:
            print(f"{where}: {problem}")
    print(f"{len(sources)} files, {len(report)} with problems")
    return 1 if report else 0


if __name__ == "__main__":
    raise SystemExit(main())
