"""Records <-> the exchange formats of annotation tools: Label Studio JSON and doccano JSONL.

Label Studio (JSON export, a list of tasks)::

    {"data": {"text": "...", "record_id": "sx-0007", "meta": {...}, "events": [...], "officials": [...]},
     "annotations": [{"result": [{"id": "s0", "from_name": "label", "to_name": "text", "type": "labels",
                                  "value": {"start": 0, "end": 7, "text": "...", "labels": ["ZONE"]}}]}]}

doccano (JSONL, sequence labeling)::

    {"record_id": "sx-0007", "text": "...", "label": [[0, 7, "ZONE"], ...], "meta": {...}, "events": [...], ...}

Exports carry everything a record has (events, officials, meta, any extra key), so
export -> import gives the record back. Imports also accept what the tools write on
their own: a Label Studio export whose tasks hold only `data.text` and region
results, a doccano export with `label`, `labels` or `entities`
(`start_offset`/`end_offset`) and a numeric `id`; events and officials are then
empty and must be added (corpus/AUTHORING.md) before the records are gold.

Offsets are code points everywhere in our records. Label Studio releases before
the 2022 fix counted UTF-16 units; a region whose `text` does not match its
code-point slice but matches its UTF-16 slice is converted. Whitespace at a
region's edges (a sloppy selection) is trimmed, as ANNOTATION.md requires.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .sources import Record
from .validate import LABELS, validate_records

RECORD_KEYS = ("id", "text", "meta", "spans", "events", "officials")
LS_DATA_KEYS = ("text", "record_id", "meta", "events", "officials")
DOCCANO_SPAN_KEYS = ("label", "labels", "entities")
DOCCANO_BOOKKEEPING = ("Comments", "comments", "relations", "annotation_approver")


class ImportProblem(ValueError):
    """A task or line that cannot become a record; the message says which one."""


# ---------------------------------------------------------------------------- offsets


def utf16_to_codepoint(text: str, offset: int) -> int:
    """The code-point index of UTF-16 offset `offset` in `text`."""
    units = 0
    for index, ch in enumerate(text):
        if units >= offset:
            return index
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def codepoint_to_utf16(text: str, offset: int) -> int:
    return sum(2 if ord(ch) > 0xFFFF else 1 for ch in text[:offset])


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _span(text: str, start: int, end: int, label: str, *, quoted: str | None = None,
          utf16: bool = False, where: str = "") -> dict[str, Any]:
    """A span from a tool's region, checked against the region's own text when it gives one."""
    if not (isinstance(start, int) and isinstance(end, int)):
        raise ImportProblem(f"{where}: offsets {start!r}-{end!r} are not integers")
    if utf16 or (quoted is not None and text[start:end] != quoted
                 and text[utf16_to_codepoint(text, start):utf16_to_codepoint(text, end)] == quoted):
        start, end = utf16_to_codepoint(text, start), utf16_to_codepoint(text, end)
    if quoted is not None and text[start:end] != quoted:
        raise ImportProblem(f"{where}: region {start}-{end} reads {text[start:end]!r}, the tool says {quoted!r}")
    start, end = _trim(text, start, end)
    if not 0 <= start < end <= len(text):
        raise ImportProblem(f"{where}: region {start}-{end} is empty or outside the text")
    return {"start": start, "end": end, "label": label}


def _extras(record: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if key not in RECORD_KEYS}


# ---------------------------------------------------------------------------- Label Studio


def label_studio_config(labels: Iterable[str] = LABELS, *, from_name: str = "label", to_name: str = "text") -> str:
    """A Label Studio labeling config for our four labels (paste it into the project settings)."""
    items = "\n".join(f'    <Label value="{label}"/>' for label in labels)
    return (f'<View>\n  <Labels name="{from_name}" toName="{to_name}">\n{items}\n  </Labels>\n'
            f'  <Text name="{to_name}" value="${to_name}" granularity="symbol"/>\n</View>\n')


def to_label_studio(records: Iterable[Mapping[str, Any]], *, from_name: str = "label",
                    to_name: str = "text") -> list[dict[str, Any]]:
    """Records -> Label Studio tasks (spans as `labels` regions; everything else in `data`)."""
    tasks = []
    for record in records:
        text = record["text"]
        data = {"text": text, "record_id": record.get("id"), "meta": record.get("meta", {}),
                "events": record.get("events", []), "officials": record.get("officials", []), **_extras(record)}
        result = [
            {"id": f"{record.get('id')}-{index}", "from_name": from_name, "to_name": to_name, "type": "labels",
             "origin": "manual",
             "value": {"start": span["start"], "end": span["end"], "text": text[span["start"]:span["end"]],
                       "labels": [span["label"]]}}
            for index, span in enumerate(sorted(record.get("spans", []), key=lambda s: (s["start"], s["end"])))
        ]
        tasks.append({"data": data, "annotations": [{"result": result}]})
    return tasks


def _pick_annotation(task: Mapping[str, Any], which: int, use_predictions: bool) -> list[dict[str, Any]]:
    annotations = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
    if not annotations and use_predictions:
        annotations = list(task.get("predictions") or [])
    if not annotations:
        return []
    if which >= len(annotations):
        raise ImportProblem(f"task {task.get('id')}: has {len(annotations)} annotations, no #{which}")
    return list(annotations[which].get("result") or [])


def from_label_studio(tasks: Iterable[Mapping[str, Any]], *, text_key: str = "text", annotation: int = 0,
                      use_predictions: bool = False, utf16: bool = False) -> list[Record]:
    """Label Studio tasks -> records in our schema.

    `annotation` picks which (non-cancelled) annotation of a task to read, 0 by default;
    with `use_predictions`, a task without annotations falls back to its predictions.
    """
    records = []
    for position, task in enumerate(tasks):
        data = task.get("data") or {}
        text = data.get(text_key)
        where = f"task {task.get('id', position)}"
        if not isinstance(text, str):
            raise ImportProblem(f"{where}: data.{text_key} is missing or not a string")
        spans = []
        for result in _pick_annotation(task, annotation, use_predictions):
            value = result.get("value") or {}
            if result.get("type") not in (None, "labels") or "start" not in value or not value.get("labels"):
                continue  # relations, choices, text areas: not spans
            for label in value["labels"]:
                spans.append(_span(text, value["start"], value["end"], label, quoted=value.get("text"),
                                   utf16=utf16, where=where))
        record_id = data.get("record_id") or data.get("id") or task.get("id")
        if isinstance(record_id, int):
            record_id = f"ls-{record_id}"
        meta = {**(task.get("meta") or {}), **(data.get("meta") or {})} if isinstance(data.get("meta"), dict) \
            else dict(task.get("meta") or {})
        extras = {key: value for key, value in data.items() if key not in LS_DATA_KEYS and key != text_key
                  and key != "id"}
        records.append({"id": str(record_id) if record_id is not None else f"ls-{position + 1}", "text": text,
                        "meta": meta, "spans": sorted(spans, key=lambda s: (s["start"], s["end"])),
                        "events": list(data.get("events") or []), "officials": list(data.get("officials") or []),
                        **extras})
    return records


# ---------------------------------------------------------------------------- doccano


def to_doccano(records: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Records -> doccano JSONL lines (`record_id` keeps our id: doccano owns `id`)."""
    lines = []
    for record in records:
        spans = sorted(record.get("spans", []), key=lambda s: (s["start"], s["end"]))
        lines.append({"record_id": record.get("id"), "text": record["text"],
                      "label": [[s["start"], s["end"], s["label"]] for s in spans],
                      "meta": record.get("meta", {}), "events": record.get("events", []),
                      "officials": record.get("officials", []), **_extras(record)})
    return lines


def _doccano_spans(line: Mapping[str, Any], where: str, utf16: bool) -> list[dict[str, Any]]:
    text = line["text"]
    if "entities" in line:
        regions = [(e.get("start_offset"), e.get("end_offset"), e.get("label")) for e in line["entities"] or []]
    else:
        regions = [tuple(item) for item in line.get("label", line.get("labels")) or []]
    spans = []
    for region in regions:
        if len(region) != 3:
            raise ImportProblem(f"{where}: label {list(region)!r} is not [start, end, label]")
        start, end, label = region
        spans.append(_span(text, start, end, label, utf16=utf16, where=where))
    return sorted(spans, key=lambda s: (s["start"], s["end"]))


def from_doccano(lines: Iterable[Mapping[str, Any]], *, utf16: bool = False) -> list[Record]:
    """doccano JSONL lines -> records; keys other than doccano's bookkeeping are kept."""
    records = []
    for position, line in enumerate(lines):
        where = f"line {position + 1}"
        if not isinstance(line.get("text"), str):
            raise ImportProblem(f"{where}: text is missing or not a string")
        record_id = line.get("record_id", line.get("id"))
        if isinstance(record_id, int):
            record_id = f"doccano-{record_id}"
        extras = {key: value for key, value in line.items()
                  if key not in RECORD_KEYS and key not in DOCCANO_SPAN_KEYS and key != "record_id"
                  and not (key in DOCCANO_BOOKKEEPING and not value)}
        records.append({"id": str(record_id) if record_id is not None else f"doccano-{position + 1}",
                        "text": line["text"], "meta": dict(line.get("meta") or {}),
                        "spans": _doccano_spans(line, where, utf16),
                        "events": list(line.get("events") or []), "officials": list(line.get("officials") or []),
                        **extras})
    return records


# ---------------------------------------------------------------------------- files

TOOL_FORMATS = ("label-studio", "doccano")


def guess_tool_format(path: Path) -> str:
    """`.json` is a Label Studio export, `.jsonl` a doccano one."""
    if path.suffix == ".json":
        return "label-studio"
    if path.suffix == ".jsonl":
        return "doccano"
    raise ValueError(f"{path}: cannot tell the format; pass --format label-studio or doccano")


def read_tool_file(path: str | Path, kind: str | None = None, **options: Any) -> list[Record]:
    """Read a Label Studio or doccano export into records (not yet validated)."""
    path = Path(path)
    kind = kind or guess_tool_format(path)
    text = path.read_text("utf-8")
    if kind == "label-studio":
        tasks = json.loads(text)
        return from_label_studio([tasks] if isinstance(tasks, dict) else tasks, **options)
    if kind == "doccano":
        lines = [json.loads(line) for line in text.splitlines() if line.strip()]
        return from_doccano(lines, **{k: v for k, v in options.items() if k == "utf16"})
    raise ValueError(f"unknown format {kind!r}; use one of {TOOL_FORMATS}")


def write_tool_file(records: Iterable[Mapping[str, Any]], path: str | Path, kind: str | None = None) -> int:
    """Write records as a Label Studio JSON or doccano JSONL file; return how many."""
    path = Path(path)
    kind = kind or guess_tool_format(path)
    if kind == "label-studio":
        tasks = to_label_studio(records)
        path.write_text(json.dumps(tasks, ensure_ascii=False, indent=1) + "\n", "utf-8")
        return len(tasks)
    if kind == "doccano":
        lines = to_doccano(records)
        path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), "utf-8")
        return len(lines)
    raise ValueError(f"unknown format {kind!r}; use one of {TOOL_FORMATS}")


def import_problems(records: Iterable[Mapping[str, Any]], *, strict: bool = False) -> dict[str, list[str]]:
    """validate.py's report on imported records; meta is only required with `strict`.

    Records imported without events/officials but with OFFICIAL spans are reported, as the
    standard asks (each OFFICIAL span's name must be listed in `officials`).
    """
    return validate_records(records, require_meta=strict)
