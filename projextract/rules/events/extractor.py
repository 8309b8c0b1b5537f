"""The entry point: `extract_events` builds an article's structure once, then reads every trigger for a batch
and for named projects, then the venue, list heads, batch members and ceremony members.
"""

from __future__ import annotations

import re
from typing import Any

from .arguments import _Arguments
from .batches import _Batches
from .context import CLAUSE_END, SENTENCE_END, EventContext, _Index, _segments, _Trigger
from .dating import _Dating
from .named import _Named
from .structure import _Structure


class _Extractor(_Structure, _Dating, _Arguments, _Batches, _Named):
    """One article's run: the structure and arguments built once, then every trigger read."""

    def __init__(self, context: EventContext, lead_date: str | None) -> None:
        self.c = context
        self.r = context.rules
        self.text = context.text
        text, n = self.text, len(self.text)
        keep = context._entity_at
        self.paragraphs = _segments(text, re.compile(r"\n"), 0, n, bytearray(n + 1))
        self.sentences = _segments(text, SENTENCE_END, 0, n, keep)
        self.sentence_starts = [s for s, _ in self.sentences]
        self.paragraph_starts = [s for s, _ in self.paragraphs]
        self.clauses: list[tuple[int, int]] = []
        for s, e in self.sentences:
            self.clauses.extend(_segments(text, CLAUSE_END, s, e, keep))
        self.clause_starts = [s for s, _ in self.clauses]
        self.projects = context._by_label["PROJECT"]
        self.zones = context._by_label["ZONE"]
        self.body_start, self.lead = self._find_lead()
        self.lead_date = self._lead_date() or lead_date
        self.framing = _Index(self._framing_dates())
        reporting = self.r.reporting.search(self.text, *self.lead) if self.lead[1] > self.lead[0] else None
        frame = self._lead_frame()
        if reporting and frame and self.lead_date and frame[:4] != self.lead_date[:4]:
            self.lead_date = None  # the day it was reported, not the day of anything reported
        self.default_date = self.lead_date or frame or (context.published[:4] if context.published else None)
        # short lines without a full stop in the body: section headings (一、2021年：项目建设…)
        self.headings = _Index([(a, b) for a, b in self.paragraphs if a >= self.body_start
                                and len(self.text[a:b].strip()) <= 40 and "。" not in self.text[a:b]],
                               key=lambda p: p[0])
        self.article_zone = self._article_zone()
        self.triggers = self._triggers()
        self.trigger_index = _Index(self.triggers)
        self.venue_project, self.venue_kinds = self._venue()
        self.mentions = _Index(self._mentions())
        self.project_zone, self.project_investment = self._project_arguments()
        self.events: list[dict[str, Any]] = []
        self.batch_triggers: list[tuple[_Trigger, str | None, bool]] = []
        self._seen: dict[tuple, dict[str, Any]] = {}

    # ---- events
    def add(self, event: dict[str, Any]) -> None:
        key = (event["type"], event["project"], event["count"] if event["project"] is None else None, event["planned"])
        known = self._seen.get(key)
        if known is None:
            self._seen[key] = event
            self.events.append(event)
            return
        for name in ("zone", "investment", "date"):
            if known[name] is None and event[name] is not None:
                known[name] = event[name]
        if known["date"] and event["date"] and len(event["date"]) > len(known["date"]) \
                and event["date"].startswith(known["date"]):
            known["date"] = event["date"]  # the day its own sentence gives, over a section's year

    def run(self) -> list[dict[str, Any]]:
        body = [t for t in self.triggers if t.start >= self.body_start]
        headline = [t for t in self.triggers if t.start < self.body_start]
        for trigger in body:
            self._named(trigger, self._batch(trigger))
        for trigger in headline:  # a headline's batches are the body's; its project names are short forms
            self._batch(trigger)
        self._venue_event()
        self._list_heads()
        self._members()
        self._ceremony_members()
        return self.events


def extract_events(context: EventContext, lead_date: str | None = None) -> list[dict[str, Any]]:
    """Events of one article (ANNOTATION.md, Events), as dicts in the JSONL schema (normalized text)."""
    return _Extractor(context, lead_date).run()
