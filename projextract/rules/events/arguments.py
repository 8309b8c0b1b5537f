"""Zones and investments: a project's own (wherever the article gives them), a batch's subject zone, and the
zone the article is about, which every event without a zone of its own falls back to.
"""

from __future__ import annotations

import re

from .context import Entity, _Mention, _Trigger
from .tables import COUNT, UNIT


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


class _Arguments:
    """A part of `_Extractor` (extractor.py); its `__init__` sets the article state read here."""

    # ---- projects
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
