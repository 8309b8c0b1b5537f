"""Signing / groundbreaking / commissioning events from tagged text (ANNOTATION.md, Events)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..tables import load_table
from .dates import TimeExpression, cn_number

SENTENCE_END = re.compile(r"[。！？!?\n]")
CLAUSE_END = re.compile(r"[，；,;：:]")
COUNT = r"(?P<count>\d+|[一二两三四五六七八九十百]+)"


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    label: str
    text: str
    money: dict | None = None


@dataclass
class EventRules:
    triggers: dict = field(default_factory=lambda: load_table("triggers"))
    planned: dict = field(default_factory=lambda: load_table("planned_cues"))

    @cached_property
    def type_of(self) -> dict[str, str]:
        return {word: kind for kind in ("signing", "groundbreaking", "commissioning") for word in self.triggers[kind]}

    @cached_property
    def trigger_pattern(self) -> re.Pattern[str]:
        words = sorted(self.type_of, key=len, reverse=True)
        return re.compile("|".join(map(re.escape, words)))

    @cached_property
    def planned_pattern(self) -> re.Pattern[str]:
        return re.compile("|".join(map(re.escape, sorted(self.planned["cues"], key=len, reverse=True))))

    def is_excluded(self, text: str, start: int, end: int) -> bool:
        before = text[max(0, start - 4) : start]
        after = text[end : end + 3]
        exclusions = self.triggers["exclusions"]
        if any(before.endswith(word) for word in exclusions["before"]):
            return True
        return any(after.startswith(word) for word in exclusions["after"])

    def batch_patterns(self, trigger: str) -> list[re.Pattern[str]]:
        t = re.escape(trigger)
        return [
            re.compile(rf"{t}[^，。；]{{0,10}}?项目[”\"]?(?:共|达|合计|总计)?{COUNT}(?:个|项)"),
            re.compile(rf"{COUNT}(?:个|项)[^，。；\d]{{0,12}}?项目[^，。；\d]{{0,8}}?{t}"),
            re.compile(rf"{t}[^，。；\d]{{0,12}}?{COUNT}(?:个|项)(?:[^，。；\d]{{0,12}}项目)?"),
            re.compile(rf"与{COUNT}家(?:企业|公司|客商)[^，。；]{{0,6}}{t}"),
            re.compile(rf"{t}[^，。；\d]{{0,6}}?(?:企业|项目){COUNT}家"),
        ]


def _spans_of(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    bounds, position = [], start
    for match in pattern.finditer(text, start, end):
        bounds.append((position, match.end()))
        position = match.end()
    bounds.append((position, end))
    return [(a, b) for a, b in bounds if b > a]


def _enclosing(bounds: list[tuple[int, int]], position: int) -> tuple[int, int]:
    for a, b in bounds:
        if a <= position < b:
            return a, b
    return bounds[-1] if bounds else (0, 0)


@dataclass
class EventContext:
    text: str
    entities: list[Entity]
    dates: list[TimeExpression]
    furniture: list[tuple[int, int, str]]
    rules: EventRules
    events: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        # per-label entity lists sorted by start, searched with bisect: long articles stay linear
        self._by_label: dict[str, list[Entity]] = {}
        for entity in sorted(self.entities, key=lambda e: e.start):
            self._by_label.setdefault(entity.label, []).append(entity)
        self._starts = {label: [e.start for e in items] for label, items in self._by_label.items()}
        self._entity_at = bytearray(len(self.text) + 1)
        for entity in self.entities:
            self._entity_at[entity.start : entity.end] = b"\x01" * (entity.end - entity.start)
        self.dates = sorted(self.dates, key=lambda d: d.start)
        self.date_starts = [d.start for d in self.dates]
        self._furniture_at = bytearray(len(self.text) + 1)
        for a, b, _ in self.furniture:
            self._furniture_at[a:b] = b"\x01" * (b - a)

    def in_furniture(self, start: int, end: int) -> bool:
        return all(self._furniture_at[start:end]) if end > start else False

    def inside_entity(self, position: int) -> bool:
        return bool(self._entity_at[position])

    def of_label(self, label: str, start: int, end: int) -> list[Entity]:
        items = self._by_label.get(label, [])
        first = bisect_left(self._starts.get(label, []), start)
        found = []
        for entity in items[first:]:
            if entity.start >= end:
                break
            if entity.end <= end:
                found.append(entity)
        return found

    def investment_after(self, start: int, end: int) -> int | None:
        """The first total-investment MONEY in [start, end), in yuan; foreign currency via a yuan figure."""
        for index, entity in enumerate(self.of_label("MONEY", start, end)):
            money = entity.money or {}
            if money.get("role") != "total":
                continue
            if money.get("value") is None or money.get("approx_kind") == "over":  # lower bounds, ranges
                return None
            if money.get("currency", "CNY") != "CNY":
                follow = self.text[entity.end : entity.end + 8]
                nxt = self.of_label("MONEY", entity.end, min(end + 20, len(self.text)))
                if "人民币" in follow and nxt and (nxt[0].money or {}).get("value") is not None:
                    return int(nxt[0].money["value"])
                return None
            return int(money["value"])
        return None

    def is_planned(self, clause_start: int, trigger_start: int, date: str | None, anchor_future) -> bool:  # noqa: ANN001
        before = self.text[clause_start:trigger_start]
        if self.rules.planned_pattern.search(before[-14:]):
            return True
        return bool(anchor_future)


def extract_events(context: EventContext, lead_date: str | None) -> list[dict[str, Any]]:
    text, rules = context.text, context.rules
    sentences = _spans_of(SENTENCE_END, text, 0, len(text))
    project_zone: dict[str, str] = {}
    for project in context.of_label("PROJECT", 0, len(text)):
        zone = _zone_of_project(context, project)
        if zone and project.text not in project_zone:
            project_zone[project.text] = zone
    events: list[dict[str, Any]] = []
    seen: set[tuple] = set()

    def add(event: dict[str, Any]) -> None:
        key = (event["type"], event["project"], event["count"] if event["project"] is None else None, event["planned"])
        if key not in seen:
            seen.add(key)
            events.append(event)

    for s_start, s_end in sentences:
        clauses = _spans_of(CLAUSE_END, text, s_start, s_end)
        sentence_triggers = []
        for match in rules.trigger_pattern.finditer(text, s_start, s_end):
            if context.in_furniture(match.start(), match.end()) or rules.is_excluded(text, match.start(), match.end()):
                continue
            if context.inside_entity(match.start()):
                continue
            sentence_triggers.append(match)
        for match in sentence_triggers:
            kind = rules.type_of[match.group()]
            clause = _enclosing(clauses, match.start())
            time = _date_expression(context, match.start(), (s_start, s_end), clause)
            date = time.value if time else lead_date
            planned = context.is_planned(clause[0], match.start(), date, time.future if time else None)
            for pattern in rules.batch_patterns(match.group()):
                batch = pattern.search(text, clause[0], clause[1])
                if not batch or not (batch.start() <= match.start() < batch.end()):
                    continue
                count = cn_number(batch.group("count"))
                prefix = text[clause[0] : batch.start()]
                if not count or re.search(r"谋划|储备|其中[^，。]*以上", prefix):
                    break
                add({"type": kind, "project": None, "zone": _batch_zone(context, clause, (s_start, s_end), batch.start()),
                     "investment": context.investment_after(batch.end(), s_end), "count": count,
                     "date": date, "planned": planned})
                break
            # named projects in the trigger's clause, or a list in the sentence without its own trigger
            candidates = context.of_label("PROJECT", clause[0], clause[1])
            if not candidates:
                others = [c for c in clauses if not any(c[0] <= t.start() < c[1] for t in sentence_triggers)]
                candidates = [p for c in others for p in context.of_label("PROJECT", c[0], c[1])
                              if text[p.end:p.end + 3].startswith(("、", "和", "等", "及"))
                              or text[max(0, p.start - 1):p.start] == "、"]
            for project in candidates:
                p_date = date
                p_time = _date_expression(context, project.start, (s_start, s_end), clause)
                if p_time and p_time.value:
                    p_date = p_time.value
                investment = context.investment_after(project.end, s_end)
                if investment is None:
                    investment = _investment_in_next_sentence(context, sentences, s_end)
                add({"type": kind, "project": project.text, "zone": project_zone.get(project.text),
                     "investment": investment, "count": None, "date": p_date, "planned": planned})
    return events


def _date_expression(context: EventContext, position: int, sentence, clause) -> TimeExpression | None:  # noqa: ANN001
    starts = context.date_starts
    for lo, hi in (clause, sentence):
        inside = [d for d in context.dates[bisect_left(starts, lo):bisect_left(starts, hi)] if d.value]
        if inside:
            return min(inside, key=lambda d: abs(d.start - position))
    return None


def _zone_of_project(context: EventContext, project: Entity) -> str | None:
    """The zone written right before a project, or placed by 位于/落户/在…投资 in its clause."""
    zones = context.of_label("ZONE", max(0, project.start - 40), project.start)
    if zones and project.start - zones[-1].end <= 1:
        return zones[-1].text
    if zones:
        between = context.text[zones[-1].end : project.start]
        if re.search(r"^(?:内|里)?的|投资的|建设的|实施的", between) and not re.search(r"[，。；]", between):
            return zones[-1].text
        before = context.text[max(0, zones[-1].start - 4) : zones[-1].start]
        if re.search(r"位于|落户|在|入驻", before) and not re.search(r"[。；]", between):
            return zones[-1].text
    after = context.of_label("ZONE", project.end, min(len(context.text), project.end + 30))
    if after:
        between = context.text[project.end : after[0].start]
        if re.search(r"落户|在|落地|入驻", between) and not re.search(r"[，。；]", between):
            return after[0].text
    return None


def _batch_zone(context: EventContext, clause, sentence, batch_start: int) -> str | None:  # noqa: ANN001
    """A zone that is the batch's subject (`其中高新区签约项目7个`, `XX经开区全年累计签约…`), not its venue."""
    for lo in (clause[0], sentence[0]):
        zones = context.of_label("ZONE", lo, batch_start)
        for zone in reversed(zones):
            around = context.text[max(0, zone.start - 3) : zone.end + 6]
            if re.search(r"设在|在$|举行|召开|党工委|管委会", around) or re.search(r"在", context.text[max(0, zone.start - 2):zone.start]):
                continue
            return zone.text
    return None


def _investment_in_next_sentence(context: EventContext, sentences, sentence_end: int) -> int | None:  # noqa: ANN001
    """`…项目开工。该项目总投资15.2亿元` - the next sentence, when it is about the same project."""
    index = bisect_left(sentences, (sentence_end, -1))
    if index >= len(sentences):
        return None
    start, end = sentences[index]
    head = context.text[start : start + 6].lstrip()
    if head.startswith(("该项目", "项目", "该", "其")):
        return context.investment_after(start, end)
    return None
