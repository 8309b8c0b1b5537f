"""Named-project events: the projects a trigger governs, those under a section or list head, the main venue's
and a one-type ceremony's; each takes its project's own zone and investment (arguments.py).
"""

from __future__ import annotations

import re
from typing import Any

from ..dates import cn_number
from .context import _Mention, _Trigger
from .tables import COUNT, UNIT


class _Named:
    """A part of `_Extractor` (extractor.py); its `__init__` sets the article state read here."""

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
