"""Coverage counts for the data card: money roles, zone types, officials, and the people and
zone mentions that are deliberately not tagged."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from ..money import money_at, money_role
from ..normalize import normalize
from ..rules.zones_projects import ZoneRules
from ..tables import load_table

_GENERIC_ZONE = re.compile(r"(?:开发区|经开区|高新区|示范区|新区|产业集聚区|工业园区|园区|综保区|自贸区)")


def coverage(records: Iterable[Mapping[str, Any]]) -> dict[str, Counter]:
    zones = ZoneRules()
    titles = load_table("titles")
    staff = re.compile("(?:" + "|".join(map(re.escape, titles["company_positions"][:12])) + r")[\u4e00-\u9fff]{2,3}")
    counts = {name: Counter() for name in ("money_role", "money_kind", "zone_type", "officials", "untagged")}
    for record in records:
        normalized = normalize(record["text"])
        text = normalized.text
        zone_chars = bytearray(len(text) + 1)
        for span in record.get("spans", []):
            start, end = normalized.alignment.to_normalized(span["start"], span["end"])
            if span["label"] == "MONEY":
                money = money_at(text, start, end)
                counts["money_role"][money_role(text, start, end)] += 1
                if money is not None:
                    counts["money_kind"]["foreign currency"] += money.currency != "CNY"
                    counts["money_kind"]["range"] += money.low != money.high
                    counts["money_kind"][f"approximate ({money.approx})" if money.approx else "exact"] += 1
            elif span["label"] == "ZONE":
                zone_chars[start:end] = b"\x01" * (end - start)
                counts["zone_type"][zones.zone_type(text[start:end]) or "other"] += 1
        for official in record.get("officials", []):
            counts["officials"]["listed"] += 1
            counts["officials"]["with a chain of 2+ titles"] += len(official["titles"]) >= 2
            counts["officials"]["with no title in the text"] += not official["titles"]
            mentions = sum(1 for s in record.get("spans", []) if s["label"] == "OFFICIAL"
                           and record["text"][s["start"]:s["end"]] == official["name"])
            counts["officials"]["mentioned 2+ times"] += mentions >= 2
        counts["untagged"]["byline/editor regions (journalists, editors)"] += sum(
            1 for f in normalized.furniture if f.kind == "byline")
        counts["untagged"]["company staff mentions (董事长/总经理… + name)"] += len(staff.findall(text))
        counts["untagged"]["generic zone mentions (开发区, 园区… outside ZONE spans)"] += sum(
            1 for m in _GENERIC_ZONE.finditer(text) if not zone_chars[m.start()])
    return counts


def format_coverage(counts: Mapping[str, Counter]) -> list[str]:
    titles = {"money_role": "MONEY by role", "money_kind": "MONEY by form", "zone_type": "ZONE by type",
              "officials": "Officials", "untagged": "Deliberately untagged"}
    lines = ["", "### Coverage (all splits)", ""]
    for key, title in titles.items():
        items = ", ".join(f"{name} {count:,}" for name, count in counts[key].most_common())
        lines.append(f"- **{title}:** {items}")
    return lines
