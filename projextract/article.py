"""Plain results of `parse()`: frozen dataclasses in raw-text offsets, `to_dict()` in ANNOTATION.md's schema."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from .entities import entity_spans
from .tokenizer import raw_offsets, raw_text, repairs


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str
    text: str
    attrs: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "label": self.label, "text": self.text, **self.attrs}


@dataclass(frozen=True)
class Event:
    type: str
    project: str | None
    zone: str | None
    investment: int | None
    count: int | None
    date: str | None
    planned: bool

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "project": self.project, "zone": self.zone, "investment": self.investment,
                "count": self.count, "date": self.date, "planned": self.planned}


@dataclass(frozen=True)
class Official:
    name: str
    titles: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "titles": list(self.titles)}


@dataclass(frozen=True)
class Article:
    text: str
    spans: tuple[Span, ...] = ()
    events: tuple[Event, ...] = ()
    officials: tuple[Official, ...] = ()
    repairs: tuple[dict[str, Any], ...] = ()
    id: str | None = None
    published: str | None = None
    encoding: str | None = None  # set when bytes were decoded

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {"id": self.id, "text": self.text, "meta": {"published": self.published}}
        if self.encoding:
            result["meta"]["encoding"] = self.encoding
        result["spans"] = [span.to_dict() for span in self.spans]
        result["events"] = [event.to_dict() for event in self.events]
        result["officials"] = [official.to_dict() for official in self.officials]
        result["repairs"] = list(self.repairs)
        return result


def _raw(doc: Doc, start: int, end: int) -> str:
    a, b = raw_offsets(doc, start, end)
    return raw_text(doc)[a:b]


def article_from_doc(doc: Doc, *, id: str | None = None, published: str | None = None,
                     encoding: str | None = None) -> Article:
    """Map a processed Doc back to the raw text: every offset and string is the caller's own."""
    raw = raw_text(doc)
    spans = []
    raw_of_ent: dict[str, str] = {}
    for ent in entity_spans(doc):
        start, end = raw_offsets(doc, ent.start_char, ent.end_char)
        attrs: dict[str, Any] = {}
        if ent.label_ == "MONEY" and ent._.money is not None:
            attrs["money"] = ent._.money
        if ent.label_ == "ZONE" and ent._.zone is not None:
            attrs["zone"] = ent._.zone
        spans.append(Span(start, end, ent.label_, raw[start:end], attrs))
        raw_of_ent.setdefault(f"{ent.label_}:{ent.text}", raw[start:end])
    events = tuple(
        Event(
            type=e["type"],
            project=raw_of_ent.get(f"PROJECT:{e['project']}", e["project"]) if e["project"] else None,
            zone=raw_of_ent.get(f"ZONE:{e['zone']}", e["zone"]) if e["zone"] else None,
            investment=e["investment"], count=e["count"], date=e["date"], planned=e["planned"],
        )
        for e in doc._.events or []
    )
    officials = tuple(
        Official(
            name=raw_of_ent.get(f"OFFICIAL:{o['name']}", o["name"]),
            titles=tuple(
                "".join(_raw(doc, a, b) for a, b in pieces) for pieces in o.get("title_pieces", [])
            ) or tuple(o["titles"]),
        )
        for o in doc._.officials or []
    )
    # a mention carries its official's titles as written in the raw text
    titles_of = {o.name: list(o.titles) for o in officials}
    spans = [Span(s.start, s.end, s.label, s.text, {**s.attrs, "titles": titles_of.get(s.text, [])})
             if s.label == "OFFICIAL" else s for s in spans]
    return Article(raw, tuple(spans), events, officials, tuple(repairs(doc)), id, published, encoding)

