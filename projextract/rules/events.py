"""Signing / groundbreaking / commissioning events from tagged text (ANNOTATION.md, Events).

Works on the normalized text with its entities (MONEY with `span._.money`, ZONE, PROJECT) and
resolved time expressions. Every word list is data (`triggers.json`, `planned_cues.json`); the
shapes of a batch (`签约项目18个`, `等6个项目投产`, `与3家企业签订`) and of the text (sentences,
clauses, paragraphs) are here.

The outline:
- triggers: trigger words that are not exhortations (`确保项目早开工`), rates (`开工率`) or
  conditions (`投产后`);
- batches: a trigger with a count in its clause (count >= 2; not a breakdown, not a goal, not a
  total over several types);
- named projects: the projects in a trigger's clause; else the project the sentence is about
  (named earlier in the sentence, or referred back to: `该项目…开工`, `基地计划…投产`, `主会场项目`);
  projects under a section head (`签约项目中，A…；B…`) or a list head (`计划新开工项目：` + `1.A…`);
  the project at the ceremony's main venue;
- arguments: a project's zone and investment are the project's own, wherever the article gives
  them; a batch's zone is its subject zone; otherwise the zone the article is about (a zone that
  holds the ceremony or meeting as its subject, never a venue); the date is the clause's date, else
  the date the paragraph is about (a date opening a clause frames what follows), else the lead's
  date; planned is a cue before the trigger or a date after the article's.

Every lookup goes through position-sorted lists with bisect, so a long article stays linear.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..tables import load_table
from .dates import Anchor, TimeExpression, cn_number, compare

KINDS = ("signing", "groundbreaking", "commissioning")
SENTENCE_END = re.compile(r"[。！？!?\n]")
CLAUSE_END = re.compile(r"[，；,;：:]|[ \u3000\t]+")
COUNT = r"(?P<count>\d+|[一二两三四五六七八九十百零]+)"
UNIT = r"(?:个(?!月|小时|工作日|百分点|多月)|项)"
MAX_SPAN = 400  # sentences and clauses longer than this are cut: no scan ever grows with the article


def _alt(words) -> str:  # noqa: ANN001
    words = [w for w in words if w]
    return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True))) or "(?!)"


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    label: str
    text: str
    money: dict | None = None
    zone: dict | None = None


@dataclass
class EventRules:
    triggers: dict = field(default_factory=lambda: load_table("triggers"))
    planned: dict = field(default_factory=lambda: load_table("planned_cues"))

    def _words(self, key: str, sub: str | None = None) -> list[str]:
        """A word list from triggers.json, or the packaged default for a table saved before it existed."""
        value = self.triggers.get(key)
        if value is None:
            value = load_table("triggers").get(key, [])
        if sub is not None:
            value = value.get(sub, []) if isinstance(value, dict) else []
        elif isinstance(value, dict):
            value = value.get("words", [])
        return list(value)

    @cached_property
    def type_of(self) -> dict[str, str]:
        return {word: kind for kind in KINDS for word in self.triggers[kind]}

    @cached_property
    def trigger_pattern(self) -> re.Pattern[str]:
        return re.compile(_alt(self.type_of))

    @cached_property
    def planned_pattern(self) -> re.Pattern[str]:
        return re.compile(_alt(self.planned["cues"]))

    @cached_property
    def done_pattern(self) -> re.Pattern[str]:
        return re.compile(_alt(self.planned.get("done") or load_table("planned_cues").get("done", [])))

    @cached_property
    def exclusion_before(self) -> re.Pattern[str]:
        fillers = _alt(self._words("exclusion_fillers"))
        return re.compile(rf"(?:{_alt(self.triggers['exclusions']['before'])})(?:{fillers}){{0,2}}$")

    @cached_property
    def exclusion_after(self) -> re.Pattern[str]:
        return re.compile(_alt(self.triggers["exclusions"]["after"]))

    @cached_property
    def contract(self) -> tuple[set[str], re.Pattern[str]]:
        return set(self._words("contract_context")), re.compile(_alt(self._words("contract_objects")))

    @cached_property
    def goal_always(self) -> re.Pattern[str]:
        return re.compile(_alt(self._words("goal_cues", "always")))

    @cached_property
    def goal_before_count(self) -> re.Pattern[str]:
        return re.compile(rf"(?:{_alt(self._words('goal_cues', 'before_count'))})$")

    @cached_property
    def goal_lower_bound(self) -> re.Pattern[str]:
        return re.compile(_alt(self._words("goal_cues", "lower_bound_only")))

    @cached_property
    def lower_bound(self) -> re.Pattern[str]:
        return re.compile(_alt(self._words("lower_bound_after_count")))

    @cached_property
    def not_batch(self) -> re.Pattern[str]:
        return re.compile(_alt(self._words("not_batch_before")))

    @cached_property
    def breakdown(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        return (re.compile(_alt(self._words("breakdown_markers", "always"))),
                re.compile(_alt(self._words("breakdown_markers", "with_size"))))

    @cached_property
    def section_end(self) -> re.Pattern[str]:
        return re.compile(rf"(?:{_alt(self._words('section_ends'))})$")

    @cached_property
    def anaphor(self) -> re.Pattern[str]:
        determiners = _alt(self._words("anaphors", "determiners"))
        heads = _alt(self._words("anaphors", "heads"))
        venue = _alt(self._words("anaphors", "main_venue"))
        return re.compile(rf"(?P<venue>{venue})|(?P<det>{determiners})(?:[^，。；,;]{{0,14}}的)?(?P<head>{heads})"
                          rf"|(?P<bare>{heads})")

    @cached_property
    def bare_anaphors(self) -> set[str]:
        return set(self._words("anaphors", "bare"))

    @cached_property
    def venue(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        return (re.compile(_alt(self._words("venue_cues"))),
                re.compile(_alt(self._words("venue_cues", "site_groundbreaking"))))

    @cached_property
    def venue_after(self) -> re.Pattern[str]:
        return re.compile(_alt(self._words("venue_cues", "after_project")))

    @cached_property
    def list_head(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        return (re.compile(rf"(?:(?:{_alt(self._words('list_heads', 'ends'))})(?:[（(][^（()）]{{0,8}}[）)])?[：:]?|[：:])$"),
                re.compile(rf"\s*(?:{_alt(self._words('list_heads', 'item_marks'))}|[（(]?[\d一二三四五六七八九十]+[.、．)）])"))

    @cached_property
    def shared(self) -> re.Pattern[str]:
        return re.compile(_alt(self._words("shared_cues")))

    @cached_property
    def reporting(self) -> re.Pattern[str]:
        return re.compile(_alt(self._words("reporting_cues")))

    @cached_property
    def negation(self) -> re.Pattern[str]:
        return re.compile(_alt(self._words("negations")))

    @cached_property
    def batch_only(self) -> set[str]:
        return set(self._words("batch_only"))

    @cached_property
    def settle(self) -> re.Pattern[str]:
        return re.compile(_alt(self._words("settle_verbs")))

    @cached_property
    def ceremony_noun(self) -> re.Pattern[str]:
        return re.compile(_alt(self._words("ceremony_nouns")))

    @cached_property
    def lead_zone_cue(self) -> re.Pattern[str]:
        return re.compile(_alt(self._words("lead_zone_cues")))

    @cached_property
    def signing_party(self) -> re.Pattern[str]:
        return re.compile(rf"(?:{_alt(self._words('signing_party'))})?与")

    @cached_property
    def member_opener(self) -> re.Pattern[str]:
        return re.compile(rf"\s*(?:{_alt(self._words('member_openers'))})")

    @cached_property
    def ceremony(self) -> dict[str, re.Pattern[str]]:
        return {kind: re.compile(_alt(self._words("ceremony_cues", kind))) for kind in KINDS}

    @cached_property
    def zone_after_cue(self) -> re.Pattern[str]:
        return re.compile(rf"(?:{_alt(self._words('project_zone_cues', 'after'))})$")

    @cached_property
    def zone_framing(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        return (re.compile(rf"^(?:{_alt(self._words('project_zone_cues', 'framing_before'))})?$"),
                re.compile(rf"^(?:{_alt(self._words('project_zone_cues', 'framing_after'))})?$"))

    @cached_property
    def venue_markers(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        return (re.compile(rf"(?:{_alt(self._words('venue_markers', 'before'))})$"),
                re.compile(_alt(self._words("venue_markers", "after"))))

    @cached_property
    def _count_cache(self) -> dict[str, list[re.Pattern[str]]]:
        return {}

    def count_patterns(self, word: str) -> list[re.Pattern[str]]:
        """Batch shapes around one trigger word (group `t` is the trigger, `count` the number)."""
        cached = self._count_cache.get(word)
        if cached is None:
            t = rf"(?P<t>{re.escape(word)})"
            cached = self._count_cache[word] = [
                re.compile(rf"{t}[^，。；,;]{{0,14}}?项目[”\"]?(?:共|达|合计|总计|有|共有|达到)?{COUNT}{UNIT}"),
                re.compile(rf"{COUNT}{UNIT}[^，。；,;、\d项]{{0,4}}?{t}"),
                re.compile(rf"{t}[^，。；,;\d]{{0,14}}?{COUNT}{UNIT}(?:[^，。；,;\d]{{0,12}}项目|(?=[，。；,;、\s）)]|$))"),
                re.compile(rf"{COUNT}{UNIT}[^，。；,;\d]{{0,14}}?项目[^，。；,;\d]{{0,10}}?{t}"),
                re.compile(rf"与{COUNT}家[^，。；,;\d]{{0,6}}?(?:企业|公司|客商|单位)[^，。；,;]{{0,8}}?{t}"),
                re.compile(rf"{t}[^，。；,;\d]{{0,8}}?(?:企业|项目|公司){COUNT}家"),
            ]
        return cached


# --------------------------------------------------------------------------------------------
# Text structure


class _Index:
    """Start-sorted items with bisect lookups by position."""

    def __init__(self, items, key=lambda item: item.start) -> None:  # noqa: ANN001
        self.items = sorted(items, key=key)
        self.starts = [key(item) for item in self.items]

    def between(self, start: int, end: int) -> list:
        return self.items[bisect_left(self.starts, start):bisect_left(self.starts, end)]

    def last_before(self, position: int, floor: int = 0):  # noqa: ANN201
        index = bisect_left(self.starts, position) - 1
        if index >= 0 and self.starts[index] >= floor:
            return self.items[index]
        return None


def _stem(zone: Entity) -> str:
    return (zone.zone or {}).get("stem") or zone.text


def _same_zone(a: Entity, b: Entity) -> bool:
    """Full and short forms of one zone: same type, one stem inside the other (大亚湾 / 惠州大亚湾)."""
    if a.text == b.text:
        return True
    sa, sb = _stem(a), _stem(b)
    if len(sa) < 2 or len(sb) < 2 or (a.zone or {}).get("type") != (b.zone or {}).get("type"):
        return False
    return sa in sb or sb in sa


def _segments(text: str, pattern: re.Pattern[str], start: int, end: int, keep: bytearray) -> list[tuple[int, int]]:
    """Split [start, end) at `pattern` matches (the mark stays with the left part), never inside `keep`."""
    bounds, position = [], start
    for match in pattern.finditer(text, start, end):
        if keep[match.start()]:
            continue
        cut = match.end()
        while cut - position > MAX_SPAN:
            bounds.append((position, position + MAX_SPAN))
            position += MAX_SPAN
        if cut > position:
            bounds.append((position, cut))
        position = cut
    while end - position > MAX_SPAN:
        bounds.append((position, position + MAX_SPAN))
        position += MAX_SPAN
    if end > position:
        bounds.append((position, end))
    return bounds


@dataclass
class _Trigger:
    start: int
    end: int
    kind: str
    word: str
    sentence: tuple[int, int]
    clause: tuple[int, int]


@dataclass
class _Mention:
    """A project named (a PROJECT span) or referred back to (该项目 -> the project last named)."""

    start: int
    end: int
    project: str
    explicit: bool


# --------------------------------------------------------------------------------------------


@dataclass
class EventContext:
    text: str
    entities: list[Entity]
    dates: list[TimeExpression]
    furniture: list[tuple[int, int, str]]
    rules: EventRules
    published: str | None = None
    events: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        n = len(self.text)
        self._by_label: dict[str, _Index] = {}
        for label in ("MONEY", "ZONE", "PROJECT", "OFFICIAL"):
            self._by_label[label] = _Index([e for e in self.entities if e.label == label])
        self._entity_at = bytearray(n + 1)
        for entity in self.entities:
            self._entity_at[entity.start:entity.end] = b"\x01" * (entity.end - entity.start)
        self._furniture_at = bytearray(n + 1)
        for a, b, _ in self.furniture:
            self._furniture_at[a:b] = b"\x01" * (b - a)
        self.anchor = Anchor.from_iso(self.published)
        # dates inside entities (年产…, a 2021年 in a project name) are not dates of anything
        self.date_index = _Index([d for d in self.dates if not self._entity_at[d.start]])

    # ---- lookups
    def in_furniture(self, start: int, end: int) -> bool:
        return all(self._furniture_at[start:end]) if end > start else False

    def inside_entity(self, position: int) -> bool:
        return bool(self._entity_at[position])

    def of_label(self, label: str, start: int, end: int) -> list[Entity]:
        return [e for e in self._by_label[label].between(start, end) if e.end <= end]

    def money_value(self, entity: Entity, limit: int) -> tuple[bool, int | None]:
        """(is a total investment, its value in yuan or None when it is a bound or a foreign amount
        without a yuan figure)."""
        money = entity.money or {}
        if money.get("role") != "total":
            return False, None
        if money.get("value") is None or money.get("approx_kind") == "over":  # ranges, lower bounds
            return True, None
        if money.get("currency", "CNY") != "CNY":
            follow = self.text[entity.end:entity.end + 10]
            nxt = self.of_label("MONEY", entity.end, min(limit, len(self.text)))
            if "人民币" in follow and nxt and (nxt[0].money or {}).get("value") is not None:
                return True, int(nxt[0].money["value"])
            return True, None
        return True, int(money["value"])

    def investment_after(self, start: int, end: int) -> int | None:
        """The first total-investment MONEY in [start, end), in yuan; foreign currency via a yuan figure."""
        for entity in self.of_label("MONEY", start, end):
            is_total, value = self.money_value(entity, end + 20)
            if is_total:
                return value
        return None


# --------------------------------------------------------------------------------------------


class _Extractor:
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

    # ---- structure
    def sentence_of(self, position: int) -> tuple[int, int]:
        index = max(0, bisect_right(self.sentence_starts, position) - 1)
        return self.sentences[index] if self.sentences else (0, 0)

    def clause_of(self, position: int) -> tuple[int, int]:
        index = max(0, bisect_right(self.clause_starts, position) - 1)
        return self.clauses[index] if self.clauses else (0, 0)

    def paragraph_of(self, position: int) -> tuple[int, int]:
        index = max(0, bisect_right(self.paragraph_starts, position) - 1)
        return self.paragraphs[index] if self.paragraphs else (0, 0)

    def clauses_in(self, start: int, end: int) -> list[tuple[int, int]]:
        return self.clauses[bisect_left(self.clause_starts, start):bisect_left(self.clause_starts, end)]

    def _find_lead(self) -> tuple[int, tuple[int, int]]:
        """The body starts at the first paragraph of full sentences (a 。, 30 characters or more); a long line of
        clauses without one (a subtitle) does only when no such paragraph comes. The lead is the body's first
        sentence, or the one after it when the first sets a scene (龙年开春，项目建设热潮涌动。2月20日…)."""
        fallback = None
        for start, end in self.paragraphs:
            stripped = "".join(ch for i, ch in enumerate(self.text[start:end], start)
                               if not self.c._furniture_at[i] and not ch.isspace())
            if len(stripped) >= 30 and "。" in stripped:
                return start, self._lead_sentence(start, end)
            if fallback is None and len(stripped) >= 60 and re.search(r"[，,；]", stripped):
                fallback = (start, end)
        if fallback is not None:
            return fallback[0], self._lead_sentence(*fallback)
        return 0, (0, 0)

    def _lead_sentence(self, start: int, end: int) -> tuple[int, int]:
        sentences = [(s, e) for s, e in self.sentences[bisect_left(self.sentence_starts, start):bisect_left(
            self.sentence_starts, end)] if not self.c.in_furniture(s, e) and len(self.text[s:e].strip()) > 4]
        if not sentences:
            return start, end
        first = sentences[0]
        if len(sentences) > 1 and not self.c.date_index.between(*first) and not self.zones.between(*first) \
                and len(self.text[first[0]:first[1]].strip()) < 30:
            return sentences[1]
        return first

    def _lead_date(self) -> str | None:
        s, e = self.lead
        paragraph = self.paragraph_of(s)
        following = [sent for sent in self.sentences[bisect_left(self.sentence_starts, s):] if sent[0] < paragraph[1]][:3]
        e = max([e] + [sent[1] for sent in following if sent[0] - s < 200])
        for date in self.c.date_index.between(s, e):
            if date.kind == "context_day" or self.c._furniture_at[date.start]:
                continue
            if re.match(r"\s*(?:电|讯)", self.text[date.end:date.end + 3]):
                continue  # 新湖南客户端4月17日讯: the day it was filed
            if date.value and len(date.value) == 10:
                return date.value
        return None

    def _lead_frame(self) -> str | None:
        """A review's frame (`2024年，开发区全年签约…`): the first absolute framing date of the lead paragraph."""
        paragraph = self.paragraph_of(self.lead[0])
        for date in self.framing.between(paragraph[0], paragraph[1]):
            if date.value and not date.kind.startswith("context") and date.value != self.lead_date:
                return date.value
        for date in self.c.date_index.between(*self.lead):  # 刚刚过去的2025年，…
            if date.kind == "absolute" and date.value and date.value != self.lead_date:
                return date.value
        return None

    def _framing_dates(self) -> list[TimeExpression]:
        """Dates that open a clause (`2019年，…`, `截至8月底已开工…`, `4月9日上午，…`), outside furniture; not one
        that opens a members head (`去年签约的41个项目中，今年已有29个开工`: 去年 dates the 41 only)."""
        found = []
        for date in self.c.date_index.items:
            if not date.framing or self.c._furniture_at[date.start]:
                continue
            a, b = self.clause_of(date.start)
            if self.text[a:b].rstrip("，,：: ").endswith("中") and b - date.end > 3:
                continue
            found.append(date)
        return found

    # ---- dates
    def context_date(self, position: int) -> str | None:
        """The date the text at `position` is about: the last framing date before it in its paragraph,
        else the one of the section heading it is under (`一、2021年：…`), else the lead's date."""
        paragraph = self.paragraph_of(position)
        if position < self.body_start:
            return self._framed(position, 0) or self.default_date
        value = self._framed(position, paragraph[0])
        if value is not None:
            return value
        heading = self.headings.last_before(paragraph[0], self.body_start)
        if heading is not None:
            value = self._framed(heading[1], heading[0])
            if value is not None:
                return value
        return self.default_date

    def _framed(self, position: int, floor: int) -> str | None:
        while True:
            date = self.framing.last_before(position, floor)
            if date is None:
                return None
            if date.kind.startswith("context"):
                # 全年, 当天, 5月: resolved against what frames them
                value = self._resolve(date, self.context_date(date.start))
            else:
                value = date.value
            if value:
                return value
            position = date.start

    def _resolve(self, date: TimeExpression, context: str | None) -> str | None:
        if date.kind == "context_year":
            return (context or date.value or "")[:4] or None
        if date.kind == "context_day":
            return context or date.value
        if date.kind == "context_month" and date.value and context:
            return context[:4] + date.value[4:]
        if date.kind == "context_dom" and date.value and context and len(context) >= 7:
            return context[:7] + date.value[7:]
        if date.kind == "context_recent":
            return (context[:7] if context and len(context) >= 7 else None) or date.value
        return date.value

    def date_at(self, trigger: _Trigger, lo: int | None = None) -> TimeExpression | None:
        """The time expression dating a trigger: in its clause before it (nearest), else after it."""
        a, b = trigger.clause
        if lo is not None:
            a = min(a, lo)
        before = [d for d in self.c.date_index.between(a, trigger.start) if d.end <= trigger.start + 1
                  and not self._is_label(d)]
        if before:
            return before[-1]
        after = self.c.date_index.between(trigger.end, b)
        return after[0] if after else None

    def _is_label(self, date: TimeExpression) -> bool:
        """A year naming a campaign (2019年春季项目集中开工仪式, 2023年第一批重大项目), not dating the event."""
        return bool(date.value) and len(date.value) == 4 and bool(
            re.match(r"[^，。；,;、]{0,8}?(?:项目|批)", self.text[date.end:date.end + 12]))

    def event_date(self, trigger: _Trigger, lo: int | None = None) -> tuple[str | None, bool | None]:
        date = self.date_at(trigger, lo)
        if date is None:
            return self.context_date(trigger.start), None
        value = self._resolve(date, self.context_date(date.start))
        future = date.future if not date.kind.startswith("context") else compare(value, self.c.anchor)
        return value, future

    def _cue_before(self, start: int, end: int) -> bool:
        """A planned or goal cue in [start, end) with no done marker after it."""
        before = self.text[start:end]
        cue = None
        for match in self.r.planned_pattern.finditer(before):
            cue = match
        for match in self.r.goal_always.finditer(before):
            if cue is None or match.start() > cue.start():
                cue = match
        return cue is not None and not self.r.done_pattern.search(before, cue.end())

    def is_planned(self, trigger: _Trigger, future: bool | None) -> bool:
        """A cue before the trigger in its clause (计划明年3月开工), a date after the article's, or a cue
        earlier in the sentence when the clause lists part of what it plans (计划实施…，其中新开工项目45个)."""
        if self._cue_before(trigger.clause[0], trigger.start) or future:
            return True
        if future is False:
            return False
        sentence_start = trigger.sentence[0]
        if self.r.member_opener.match(self.text, trigger.clause[0]) and self._cue_before(sentence_start, trigger.clause[0]):
            return not self.r.done_pattern.search(self.text, trigger.clause[0], trigger.start)
        return False

    # ---- triggers
    def _triggers(self) -> list[_Trigger]:
        text, found = self.text, []
        contract_words, contract_objects = self.r.contract
        for match in self.r.trigger_pattern.finditer(text):
            start, end, word = match.start(), match.end(), match.group()
            if self.c.in_furniture(start, end) or self.c.inside_entity(start):
                continue
            if self.r.exclusion_before.search(text, max(0, start - 8), start):
                continue
            if self.r.exclusion_after.match(text, end):
                continue
            clause = self.clause_of(start)
            if word in contract_words and not contract_objects.search(text, end, clause[1]):
                continue
            found.append(_Trigger(start, end, self.r.type_of[word], word, self.sentence_of(start), clause))
        return found

    # ---- projects
    def _venue(self) -> tuple[str | None, list[str]]:
        """The project at the ceremony's main venue and the ceremony's type(s); every venue project is kept
        in `self.venues` (分会场设在…A现场, 在A设分会场)."""
        cue_pattern, site = self.r.venue
        start = self.body_start
        end = self.paragraphs[bisect_right(self.paragraph_starts, start) - 1][1] if self.paragraphs else 0
        end = max(end, min(len(self.text), start + 600))
        head = self.text[:end]
        kinds = [kind for kind in KINDS if self.r.ceremony[kind].search(head)]
        if len(kinds) > 1:
            kinds = ["groundbreaking"] if re.search(r"宣布[^，。]{0,4}开工", head) else []
        self.venues: list[tuple[str, list[str]]] = []
        main = None
        for cue in cue_pattern.finditer(self.text):
            clause = self.clause_of(cue.start())
            projects = [p for p in self.projects.between(cue.end(), clause[1]) if p.end <= clause[1]]
            if not projects or self.c.in_furniture(cue.start(), cue.end()):
                continue
            project = projects[0]
            own = ["groundbreaking"] if site.search(self.text, project.end, min(clause[1], project.end + 8)) else kinds
            self.venues.append((project.text, own[:1]))
            if main is None and cue.group().startswith("主"):
                main = (project.text, own[:1])
        for cue in self.r.venue_after.finditer(self.text):
            project = self.projects.last_before(cue.start(), max(0, cue.start() - 4))
            if project is not None and project.end >= cue.start() - 2 and not self.c.in_furniture(cue.start(), cue.end()):
                self.venues.append((project.text, kinds[:1]))
        return main if main else (None, [])

    def _mentions(self) -> list[_Mention]:
        mentions = [_Mention(p.start, p.end, p.text, True) for p in self.projects.items
                    if not self.c.in_furniture(p.start, p.end)]
        index = _Index(mentions)
        for clause_start, clause_end in self.clauses:
            head = self.text[clause_start:clause_end].lstrip()
            offset = clause_start + (clause_end - clause_start - len(head))
            match = self.r.anaphor.match(self.text, offset, clause_end)
            if not match or self.c.inside_entity(offset) or self.c.in_furniture(offset, match.end()):
                continue
            if match.group("venue"):
                if self.venue_project:
                    mentions.append(_Mention(offset, match.end(), self.venue_project, False))
                continue
            paragraph = self.paragraph_of(offset)
            previous = self.paragraphs[max(0, bisect_right(self.paragraph_starts, offset) - 2)]
            topic = index.last_before(offset, min(previous[0], paragraph[0]))
            if topic is None:
                continue
            head_word = match.group("head") or match.group("bare")
            if match.group("bare") and head_word not in self.r.bare_anaphors and not topic.project.endswith(head_word):
                continue
            # a bare head followed by more name (项目建设, 工程机械) is not a reference; nor a clause naming its own
            if match.group("bare") and self.projects.between(offset, clause_end):
                continue
            mentions.append(_Mention(offset, match.end(), topic.project, False))
        return mentions

    def _project_arguments(self) -> tuple[dict[str, str], dict[str, int | None]]:
        zones: dict[str, str] = {}
        investments: dict[str, int | None] = {}
        for mention in self.mentions.items:
            zone = self._zone_of_mention(mention) if mention.project not in zones else None
            if zone:
                zones[mention.project] = zone
            if mention.project not in investments:
                found, value = self._investment_of_mention(mention)
                if found:
                    investments[mention.project] = value
        return zones, investments

    def _zone_of_mention(self, mention: _Mention) -> str | None:
        text = self.text
        sentence = self.sentence_of(mention.start)
        clause = self.clause_of(mention.start)
        if mention.explicit:
            before = self.zones.last_before(mention.start, max(sentence[0], mention.start - 60))
            if before is not None and before.end <= mention.start:
                gap = text[before.end:mention.start]
                if re.fullmatch(r"\s?|(?:内|里|区内|园区内)?的|的", gap):
                    return before.text
                if before.start >= clause[0] and self.r.zone_after_cue.search(text, max(0, before.start - 4), before.start) \
                        and not self.projects.between(before.end, mention.start):
                    return before.text
        # a clause that is just a zone (在A经开区，…) frames the sentence's projects after it
        before_p, after_p = self.r.zone_framing
        for a, b in reversed(self.clauses_in(sentence[0], clause[0])):
            zones = self.of_zone(a, b)
            if len(zones) == 1:
                z = zones[0]
                if before_p.match(text[a:z.start].strip()) and after_p.match(text[z.end:b].strip(" ，,：:")):
                    return z.text
        # 天水经开区管委会与陕西恒力集团签订投资协议，A项目正式落户…: the signing party
        for zone in reversed(self.zones.between(sentence[0], mention.start)):
            if self.r.signing_party.match(self.text, zone.end) and self.trigger_index.between(zone.end, mention.start):
                return zone.text
        # A…落户B经开区 / 由B经开区与…签约
        end = min(sentence[1], mention.end + 80)
        for zone in self.zones.between(mention.end, end):
            if self.projects.between(mention.end, zone.start):
                break
            if self.r.zone_after_cue.search(text, max(mention.end, zone.start - 5), zone.start):
                inner = self.zones.between(zone.end, zone.end + 1)
                return inner[0].text if inner else zone.text  # 落户西宁经开区南川工业园区: the inner one
        return None

    def of_zone(self, start: int, end: int) -> list[Entity]:
        return [z for z in self.zones.between(start, end) if z.end <= end]

    def _investment_of_mention(self, mention: _Mention) -> tuple[bool, int | None]:
        """(found, value): the total investment the text gives this mention's project."""
        text = self.text
        sentence = self.sentence_of(mention.start)
        clause = self.clause_of(mention.start)
        others = [m for m in self.mentions.between(clause[0], clause[1]) if m.project != mention.project]
        # 总投资85亿元的A项目
        money = self.c._by_label["MONEY"].last_before(mention.start, clause[0])
        if money is not None and re.fullmatch(r"的(?:项目)?", text[money.end:mention.start]):
            is_total, value = self.c.money_value(money, sentence[1])
            if is_total:
                return True, value
        # A、B分别协议投资12亿元和6.5亿元
        respectively = text.find("分别", mention.end, clause[1])
        if respectively >= 0 and others:
            members = [m for m in self.mentions.between(clause[0], respectively) if m.end <= respectively]
            amounts = self.c.of_label("MONEY", respectively, clause[1])
            if len(members) == len(amounts) and mention in members:
                return self.c.money_value(amounts[members.index(mention)], sentence[1])
            return False, None
        # A总投资15亿元: in its clause up to the next project named there
        later = [m for m in others if m.start > mention.start]
        stop = later[0].start if later else clause[1]
        for entity in self.c.of_label("MONEY", mention.end, stop):
            is_total, value = self.c.money_value(entity, sentence[1])
            if is_total:
                return True, value
        if later or others and not mention.explicit:
            return False, None
        if others:
            return False, None  # a list's members do not share what follows the list
        # …then the clauses after it in the sentence, up to the next project or a new subject
        for a, b in self.clauses_in(clause[1], sentence[1]):
            if self.mentions.between(a, b) or re.match(
                    rf"\s*(?:{COUNT}{UNIT}|其中|全部|这些|上述|三类|两类|合计|共计|累计|全年|全市|全区|全县)", text[a:b]):
                break
            for entity in self.c.of_label("MONEY", a, b):
                is_total, value = self.c.money_value(entity, sentence[1])
                if is_total:
                    return True, value
        return False, None

    # ---- zones
    def _article_zone(self) -> str | None:
        """The zone the article is about: the subject of a headline line or of the lead sentence
        (`长春新区举行…`, `2月18日，白银高新区召开…`), never a venue (`在霸州经开区…举行`) or an office
        (`…经开区党工委书记`)."""
        text = self.text
        venue_before, _ = self.r.venue_markers
        office = re.compile(r"[\u4e00-\u9fff]{0,3}(?:党工委|管委会|负责人|负责同志)")
        lead_zone = None
        s, e = self.lead
        for zone in self.of_zone(s, e):
            prefix = "".join(ch for i, ch in enumerate(text[s:zone.start], s) if not self.c._furniture_at[i])
            if venue_before.search(prefix) or re.search(r"在|设在|于|赴|到|[；;]", prefix) or office.match(text, zone.end) \
                    or len(prefix) > 24:
                break
            lead_zone = zone
            break
        headline_zone = None
        for zone in self.of_zone(0, self.body_start):
            if self.c._furniture_at[zone.start]:
                continue
            line_start = text.rfind("\n", 0, zone.start) + 1
            prefix = text[line_start:zone.start].strip(" \u3000“\"")
            subtitle = prefix.startswith(("——", "—", "－－"))  # ——疫情之下苏州工业园区外资项目建设观察
            if (prefix.strip("—-－") in ("", "在") or subtitle) and not office.match(text, zone.end):
                headline_zone = zone
                break
        subject = lead_zone or headline_zone or self._lead_scene_zone()
        return self._usual_name(subject) if subject is not None else None

    def _lead_scene_zone(self) -> Entity | None:
        """`走进海口综合保税区，塔吊林立…`: a lead-paragraph clause that ends in a zone it takes the reader to."""
        paragraph = self.paragraph_of(self.lead[0])
        for a, b in self.clauses_in(*paragraph):
            zones = self.of_zone(a, b)
            if not zones:
                continue
            zone = zones[-1]
            if self.text[zone.end:b].strip(" ，,。；;") == "" and self.r.lead_zone_cue.search(self.text, a, zone.start) \
                    and not re.search(r"会场|设在|举行|举办|召开", self.text[a:b]):
                return zone
        return None

    def _dominant_zone(self) -> Entity | None:
        """A zone the article keeps coming back to (a feature about one zone): most of the zone mentions."""
        groups: list[list[Entity]] = []
        for zone in self.zones.items:
            if self.c._furniture_at[zone.start]:
                continue
            for group in groups:
                if _same_zone(group[0], zone):
                    group.append(zone)
                    break
            else:
                groups.append([zone])
        if not groups:
            return None
        total = sum(len(g) for g in groups)
        best = max(groups, key=len)
        return best[0] if len(best) >= 3 and len(best) * 2 > total else None

    def _usual_name(self, zone: Entity) -> str:
        """The zone's full name as the article gives it: the lead's name for it, else the longest
        (惠州大亚湾经济技术开发区 for 大亚湾开发区; a zone's forms share their type and stem)."""
        same = [z for z in self.zones.items if not self.c._furniture_at[z.start] and _same_zone(zone, z)]
        in_lead = [z for z in same if self.lead[0] <= z.start < self.lead[1]]
        if in_lead:
            return in_lead[0].text
        return max(same, key=lambda z: len(z.text)).text if same else zone.text

    def batch_zone(self, trigger: _Trigger, batch_start: int) -> str | None:
        """A zone that is the batch's subject (`其中高新区签约项目7个`, `仅晋中开发区一家…签约项目9个`), not its venue."""
        text = self.text
        venue_before, venue_after = self.r.venue_markers
        sentence = trigger.sentence
        for zone in reversed(self.of_zone(sentence[0], batch_start)):
            if venue_before.search(text, max(0, zone.start - 3), zone.start) or venue_after.match(text, zone.end):
                continue
            if re.match(r"[\u4e00-\u9fff]{0,3}(?:党工委|管委会)", text[zone.end:zone.end + 6]):
                continue
            between = text[zone.end:batch_start]
            if self.projects.between(zone.end, batch_start) or re.search(r"[。；;]", between):
                continue
            return zone.text
        return self.article_zone

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

    def _batch(self, trigger: _Trigger) -> bool:
        text = self.text
        a, b = trigger.clause
        kinds_in_clause = {t.kind for t in self.trigger_index.between(a, b)}
        for pattern in self.r.count_patterns(trigger.word):
            # anchored at the trigger, or searched in a short window before it: no scan grows with the clause
            if pattern.pattern.startswith("(?P<t>"):
                match = pattern.match(text, trigger.start, b)
            else:
                match = next((m for m in pattern.finditer(text, max(a, trigger.start - 40), trigger.end)
                              if m.start("t") == trigger.start), None)
            if match is None:
                continue
            count = cn_number(match.group("count"))
            if not count or count < 2:
                return False
            between = [t for t in self.trigger_index.between(match.start("count"), trigger.start) if t.kind != trigger.kind]
            if len(kinds_in_clause) > 1 and (between or self._chained(trigger)):
                return False  # 28个项目集中签约开工投产, 签约、开工、投产项目41个: a total over several types
            if self.r.negation.search(text, match.end(), b):
                return False
            prefix = text[a:match.start()]
            filler = text[min(match.end("t"), match.start("count")):max(match.end("t"), match.start("count"))]
            after_count = text[match.end():match.end() + 3]
            always, with_size = self.r.breakdown
            if self.r.not_batch.search(prefix) or always.search(filler):
                return False
            if with_size.search(prefix) and "以上" in text[a:match.end()]:
                return False
            before_trigger = text[a:trigger.start]
            lower = bool(self.r.lower_bound.match(after_count))
            if self.r.goal_always.search(before_trigger) or self.r.goal_before_count.search(text, a, match.start("count")):
                return False
            if lower and (self.r.goal_lower_bound.search(text, a, match.end())
                          or self.r.goal_always.search(text, trigger.sentence[0], match.end())):
                return False
            date, future = self.event_date(trigger)
            planned = self.is_planned(trigger, future)
            # investment: the first total after the count, before the next trigger in the sentence
            stop = trigger.sentence[1]
            nxt = [t for t in self.trigger_index.between(match.end(), stop) if t.start >= match.end()]
            if nxt:
                stop = nxt[0].start
            investment = self.c.investment_after(match.end(), stop)
            self.batch_triggers.append((trigger, date, planned))
            self.add({"type": trigger.kind, "project": None, "zone": self.batch_zone(trigger, match.start()),
                      "investment": investment, "count": count, "date": date, "planned": planned})
            return True
        return False

    def _chained(self, trigger: _Trigger) -> bool:
        """Is the trigger one of a chain of types (签约、开工、投产 / 签约开工投产)?"""
        for other in self.trigger_index.between(max(0, trigger.start - 6), trigger.end + 6):
            if other.kind == trigger.kind:
                continue
            gap = self.text[other.end:trigger.start] if other.start < trigger.start else self.text[trigger.end:other.start]
            if re.fullmatch(r"[、和及与,，/]?", gap):
                return True
        return False

    def _governed(self, trigger: _Trigger) -> list[_Mention]:
        a, b = trigger.clause
        in_clause = [m for m in self.mentions.between(a, b) if m.end <= b]
        if in_clause and trigger.start < in_clause[0].start:
            # 同时开工的还有A、B，以及C和D等项目: the list goes on after the comma
            for clause in self.clauses_in(b, trigger.sentence[1]):
                if not re.match(r"\s*(?:以及|及|和|还有|另有)", self.text[clause[0]:clause[1]]):
                    break
                in_clause += [m for m in self.mentions.between(*clause) if m.explicit]
        if in_clause:
            # …；C、D等项目也现场签约: the projects named earlier in the sentence share the event
            if self.r.shared.search(self.text, a, trigger.start):
                earlier = [m for m in self.mentions.between(trigger.sentence[0], a)
                           if m.explicit and not self.trigger_index.between(*self.clause_of(m.start))]
                return earlier + in_clause
            return in_clause
        # the project the sentence is about, named or referred to earlier in it (a clause with its own
        # subject - 6家企业签订入驻协议 - is not about it)
        sentence = trigger.sentence
        if self._is_section_head(trigger):
            return []
        segment = max(sentence[0], max(self.text.rfind(mark, sentence[0], a) for mark in "；;") + 1)
        earlier = [m for m in self.mentions.between(segment, a)]
        subject = self.text[a:trigger.start]
        if earlier and (len(subject) > 10 or re.search(r"企业|公司|家|个|项|群众|我们|他们", subject)):
            return []
        if self.text.startswith("的", trigger.end):
            return []  # 与同日签约的整车基地: a trigger modifying another noun
        if earlier:
            last = earlier[-1]
            members = [m for m in earlier if self.clause_of(m.start) == self.clause_of(last.start)]
            return members
        # X与Y签订投资协议，A项目正式落户…: the clause right after, when it names projects and no trigger
        following = self.clauses_in(b, sentence[1])
        if following and not self.trigger_index.between(*following[0]) \
                and self.r.settle.search(self.text, *following[0]):
            return [m for m in self.mentions.between(*following[0]) if m.explicit]
        return []

    def _named(self, trigger: _Trigger, batch: bool) -> None:
        if self.r.negation.search(self.text, trigger.end, trigger.clause[1]):
            return
        if trigger.word in self.r.batch_only:
            # 11个竣工项目中，A、B和C已投入生产: a batch-only word still heads its members
            date, planned = self._date_planned(trigger)
            for mention in self._section_members(trigger):
                self.add(self._project_event(trigger.kind, mention.project, date, planned))
            return
        a, b = trigger.clause
        if len({t.kind for t in self.trigger_index.between(a, b)}) > 1 and self.r.ceremony_noun.search(self.text, trigger.end, b):
            # 签约、动工、投产活动在A施工现场举行: A is the venue (see _venue), not signed, started and commissioned
            _, site = self.r.venue
            if trigger.kind == "groundbreaking":
                for mention in self.mentions.between(a, b):
                    if mention.explicit and site.search(self.text, mention.end, min(b, mention.end + 8)):
                        self.add(self._project_event(trigger.kind, mention.project, *self._date_planned(trigger)))
            return
        governed = self._governed(trigger) if not batch else [
            m for m in self.mentions.between(a, b) if m.end <= b]
        governed += self._section_members(trigger)
        seen = set()
        for mention in governed:
            if mention.project in seen:
                continue
            seen.add(mention.project)
            date, future = self.event_date(trigger)
            planned = self.is_planned(trigger, future)
            self.add(self._project_event(trigger.kind, mention.project, date, planned))

    def _date_planned(self, trigger: _Trigger) -> tuple[str | None, bool]:
        date, future = self.event_date(trigger)
        return date, self.is_planned(trigger, future)

    def _project_event(self, kind: str, project: str, date: str | None, planned: bool) -> dict[str, Any]:
        return {"type": kind, "project": project, "zone": self.project_zone.get(project) or self.article_zone,
                "investment": self.project_investment.get(project), "count": None, "date": date, "planned": planned}

    def _is_section_head(self, trigger: _Trigger) -> bool:
        a, b = trigger.clause
        head = self.text[a:b].rstrip("，,：: ")
        # 签约项目中， / 投产方面， / 与之同日开工的，还有…
        return bool(self.r.section_end.search(head)) or head.endswith(self.text[trigger.start:trigger.end] + "的")

    def _section_members(self, trigger: _Trigger) -> list[_Mention]:
        """`签约项目中，A…；B…` / `投产方面，A、B等项目…`: the head's type for the sentence's projects."""
        a, b = trigger.clause
        if not self._is_section_head(trigger):
            return []
        members = []
        for clause in self.clauses_in(b, trigger.sentence[1]):
            if any(t.kind != trigger.kind for t in self.trigger_index.between(*clause)):
                continue
            members.extend(m for m in self.mentions.between(*clause) if m.explicit)
        return members

    def _venue_event(self) -> None:
        date = self.lead_date or self.default_date
        for project, kinds in self.venues:
            for kind in kinds:
                self.add(self._project_event(kind, project, date, False))

    def _list_heads(self) -> None:
        """A line heading a list (`与该项目同日开工的项目还有：` + `——A，总投资…；`): the head's event per item."""
        text = self.text
        head_end, item_mark = self.r.list_head
        for index, (start, end) in enumerate(self.paragraphs):
            line = text[start:end].strip()
            if not line or not head_end.search(line) or self.c.in_furniture(start, end):
                continue
            start = self.sentence_of(start + len(text[start:end].rstrip()) - 1)[0]  # the line's last sentence
            if any(m.explicit for m in self.mentions.between(start, end)):
                continue
            heads = [t for t in self.trigger_index.between(start, end)]
            if not heads:
                continue
            head = heads[-1]
            date, future = self.event_date(head)
            planned = self.is_planned(head, future)
            for item_start, item_end in self.paragraphs[index + 1:]:
                if not text[item_start:item_end].strip():
                    continue
                if not item_mark.match(text, item_start, item_end):
                    break
                # list lines can look like page furniture (· 工业机器人核心零部件产业园): the head says they are not
                for project in self.projects.between(item_start, item_end):
                    self.add(self._project_event(head.kind, project.text, date, planned))
                # ——芜湖经开区：A、B等8个项目，总投资126亿元；  a part of the batch with its own place
                count = re.search(rf"等?{COUNT}{UNIT}(?:[^，。；,;\d]{{0,6}})?项目", text[item_start:item_end])
                zones = self.of_zone(item_start, item_end)
                if count and zones and re.fullmatch(r"\s*(?:——|—|·|•)?\s*", text[item_start:zones[0].start]) \
                        and text.startswith(("：", ":"), zones[-1].end if len(zones) == 1 else zones[0].end):
                    number = cn_number(count.group("count"))
                    if number and number > 1:
                        self.add({"type": head.kind, "project": None, "zone": zones[0].text,
                                  "investment": self.c.investment_after(item_start + count.end(), item_end),
                                  "count": number, "date": date, "planned": planned})

    def _members(self) -> None:
        """`现场签约项目16个。其中，A落户…；B…`: a sentence (or a clause after the batch) opening with 其中
        lists the batch's members."""
        for trigger, date, planned in self.batch_triggers:
            for clause in self.clauses_in(trigger.clause[1], trigger.sentence[1]):
                if not self.r.member_opener.match(self.text, *clause) or self.trigger_index.between(*clause):
                    continue
                for mention in self.mentions.between(*clause):
                    if mention.explicit:
                        self.add(self._project_event(trigger.kind, mention.project, date, planned))
        for index, (start, end) in enumerate(self.sentences):
            if index == 0 or not self.r.member_opener.match(self.text, start, end):
                continue
            previous = self.sentences[index - 1]
            batches = [t for t in self.batch_triggers if previous[0] <= t[0].start < previous[1]]
            if not batches:
                continue
            trigger, date, planned = batches[-1]
            named_before = {m.project for m in self.mentions.between(*previous)}
            for clause in self.clauses_in(start, end):
                if self.trigger_index.between(*clause):
                    continue
                for mention in self.mentions.between(*clause):
                    if mention.explicit and mention.project not in named_before:
                        self.add(self._project_event(trigger.kind, mention.project, date, planned))


    def _ceremony_kinds(self) -> set[str]:
        """The types the headline and the lead report (集中签约仪式举行，15个项目现场签约 -> signing)."""
        lead_end = self.lead[1]
        return {t.kind for t in self.trigger_index.between(0, lead_end) if t.word not in self.r.batch_only}

    def _ceremony_members(self) -> None:
        """In a report of a one-type ceremony, a project the body describes without any event of its own
        is one of the ceremony's (生物医药是此次签约的重头戏。A总投资32亿元…)."""
        kinds = self._ceremony_kinds()
        if len(kinds) != 1 or self.lead_date is None:
            return
        kind = kinds.pop()
        with_event = {e["project"] for e in self.events if e["project"]}
        for mention in self.mentions.items:
            if not mention.explicit or mention.start < self.body_start or mention.project in with_event:
                continue
            # described as one of them: its investment given, or listed with others
            if mention.project not in self.project_investment and not re.match(
                    r"[、和及与]", self.text[mention.end:mention.end + 1]) and self.text[mention.start - 1:mention.start] != "、":
                continue
            self.add(self._project_event(kind, mention.project, self.lead_date, False))
            with_event.add(mention.project)


def extract_events(context: EventContext, lead_date: str | None = None) -> list[dict[str, Any]]:
    """Events of one article (ANNOTATION.md, Events), as dicts in the JSONL schema (normalized text)."""
    return _Extractor(context, lead_date).run()
