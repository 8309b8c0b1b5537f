"""Zones and projects by rule, from zone_suffixes.json and project_heads.json."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from ..tables import load_table

HAN = r"\u4e00-\u9fff"
# Verbs and prepositions a greedy prefix would otherwise swallow (`推进临汾经开区`).
_LEAD_WORDS = (
    "推进", "建设", "打造", "支持", "加快", "依托", "围绕", "前往", "走进", "深入", "考察", "调研", "来到", "聚焦",
    "入驻", "落户", "落地", "位于", "地处", "坐落", "设在", "举行", "召开", "携手", "联合", "牵头", "组织", "主会场",
    "分会场", "会场", "活动", "仪式", "成功", "正式", "积极", "全力", "推动", "促进", "助力", "服务", "指导",
)


@dataclass
class ZoneRules:
    table: dict = field(default_factory=lambda: load_table("zone_suffixes"))

    @cached_property
    def suffix_types(self) -> dict[str, str]:
        return {**self.table["suffixes"], **self.table["short_forms"]}

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        suffixes = "|".join(map(re.escape, sorted(self.table["suffixes"], key=len, reverse=True)))
        shorts = "|".join(map(re.escape, sorted(self.table["short_forms"], key=len, reverse=True)))
        stops = re.escape(self.table["prefix_stops"])
        prefix = rf"[^{stops}\s\d{{}}A-Za-z]{{2,{self.table['max_prefix']}}}?"
        area = rf"(?:(?![{stops}])[{HAN}]){{2,6}}{self.table['free_trade_area_suffix']}"
        fta = rf"中国[（(][{HAN}]{{2,3}}[）)](?:自由贸易试验区|自贸试验区)(?:{area})?"
        return re.compile(rf"(?P<fta>{fta})|(?P<short>[{HAN}]{{0,4}}?(?:{shorts}))|(?P<prefix>{prefix})(?P<suffix>{suffixes})")

    def zone_type(self, name: str) -> str | None:
        if name.endswith(self.table["free_trade_area_suffix"]):
            return "free_trade_zone"
        for suffix in sorted(self.suffix_types, key=len, reverse=True):
            if name.endswith(suffix):
                return self.suffix_types[suffix]
        return None

    def is_zone_name(self, name: str) -> bool:
        """A named zone: a listed suffix (or short form, or a free-trade area) with a place before it."""
        if any(name.endswith(short) for short in self.table["short_forms"]):
            return True
        suffix = next((s for s in sorted(self.suffix_types, key=len, reverse=True) if name.endswith(s)), None)
        if suffix is None:
            return name.endswith(self.table["free_trade_area_suffix"]) and len(name) >= 4
        prefix = name[: -len(suffix)]
        if any(word in prefix for word in self.table.get("generic_infixes", ())):
            return False
        return len(prefix) >= 2 and prefix not in self.table["generic_prefixes"] and not _STOP_CHARS.search(prefix)

    def find(self, text: str) -> list[tuple[int, int]]:
        found: list[tuple[int, int]] = []
        position = 0
        while True:
            match = self.pattern.search(text, position)
            if not match:
                return found
            start, end = match.span()
            if match.group("prefix"):
                prefix = match.group("prefix")
                trimmed = _strip_lead(prefix)
                start += len(prefix) - len(trimmed)
                if len(trimmed) < 2 or any(trimmed.startswith(g) or trimmed == g for g in self.table["generic_prefixes"]):
                    position = match.end()
                    continue
            found.append((start, end))
            position = end


_STOP_CHARS = re.compile(r"[—…·\s，。、；：]")


def _strip_lead(prefix: str) -> str:
    changed = True
    while changed:
        changed = False
        for word in _LEAD_WORDS:
            if prefix.startswith(word) and len(prefix) - len(word) >= 2:
                prefix = prefix[len(word) :]
                changed = True
    return prefix


@dataclass
class ProjectRules:
    table: dict = field(default_factory=lambda: load_table("project_heads"))

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        heads = "|".join(map(re.escape, sorted(self.table["heads"], key=len, reverse=True)))
        stops = re.escape(self.table["stops"])
        body = rf"[^{stops}\s]{{3,40}}?"
        phase = r"(?:[（(][一二三四五六七八九十\d]+期[）)])?"
        return re.compile(rf"(?P<body>{body})(?:{heads}){phase}")

    @cached_property
    def list_pattern(self) -> re.Pattern[str]:
        stops = re.escape(self.table["stops"].replace("、", ""))
        item = rf"[^{stops}\s、]{{3,30}}"
        return re.compile(rf"(?P<items>{item}(?:、{item})+(?:和{item})?)等(?:[\d一二三四五六七八九十]+个)?(?:重点|重大)?项目")

    def is_generic(self, name: str) -> bool:
        body = name
        for head in sorted(self.table["heads"], key=len, reverse=True):
            if body.endswith(head):
                body = body[: -len(head)]
                break
        body = re.sub(r"[（(][^）)]*[）)]$", "", body)
        if len(body) < 2 or re.fullmatch(r"[\d.]+", body):
            return True
        return any(body.endswith(word) or body == word for word in self.table["generic_words"])

    def find(self, text: str, barriers: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
        """Project names; `barriers` (zones, money) are never crossed."""
        blocked = bytearray(len(text))
        for start, end in barriers:
            blocked[start:end] = b"\x01" * (end - start)
        found: list[tuple[int, int]] = []
        for match in self.list_pattern.finditer(text):
            offset = match.start("items")
            for item in re.finditer(r"[^、和]+", match.group("items")):
                found.append((offset + item.start(), offset + item.end()))
        taken = bytearray(len(text))
        for start, end in found:
            taken[start:end] = b"\x01" * (end - start)
        for match in self.pattern.finditer(text):
            start, end = match.span()
            # start after the last barrier inside the match
            inside = [b for b in range(start, end) if blocked[b]]
            if inside:
                start = inside[-1] + 1
            if any(taken[start:end]) or self.is_generic(text[start:end]):
                continue
            found.append((start, end))
            taken[start:end] = b"\x01" * (end - start)
        return sorted(found)
