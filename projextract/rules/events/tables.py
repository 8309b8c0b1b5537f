"""The compiled word lists of triggers.json and planned_cues.json, and the batch shapes around a trigger.

Every pattern is built once per table and cached, so a pipeline compiles them once, not per article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from ...tables import load_table

KINDS = ("signing", "groundbreaking", "commissioning")
COUNT = r"(?P<count>\d+|[一二两三四五六七八九十百零]+)"
UNIT = r"(?:个(?!月|小时|工作日|百分点|多月)|项)"


def _alt(words) -> str:  # noqa: ANN001
    words = [w for w in words if w]
    return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True))) or "(?!)"


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
