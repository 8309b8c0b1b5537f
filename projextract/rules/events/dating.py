"""An event's date and whether it is planned: the trigger's clause, else the date framing its paragraph or
section, else the lead's; shared by batches and named projects, so it lives apart from both.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..dates import TimeExpression, compare
from .context import _Trigger


class _Dating:
    """A part of `_Extractor` (extractor.py); its `__init__` sets the article state read here."""

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

    # ---- planned
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
