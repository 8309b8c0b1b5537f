"""Counted events (`签约项目18个`, `与3家企业签订`) and the members a batch lists after it (`其中，A…；B…`).

A count is a batch only when it is not a breakdown, a goal or a total over several types.
"""

from __future__ import annotations

import re

from ..dates import cn_number
from .context import _Trigger


class _Batches:
    """A part of `_Extractor` (extractor.py); its `__init__` sets the article state read here."""

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
