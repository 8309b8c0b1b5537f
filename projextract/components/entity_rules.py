"""`projextract_entity_rules`: MONEY, ZONE, PROJECT and OFFICIAL spans by rule.

Alone it is the rules-only pipeline; after a trained `ner` it fills in what the
model left out (`overwrite_ents = false`) or takes precedence (`true`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.scorer import get_ner_prf
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import filter_spans

from ..entities import entity_spans
from ..money import find_money
from ..rules.officials import TitleRules, find_official_mentions
from ..rules.zones_projects import ProjectRules, ZoneRules
from ..tokenizer import doc_text, furniture
from .base import TableComponent

LABELS = ("MONEY", "PROJECT", "OFFICIAL", "ZONE")


@Language.factory(
    "projextract_entity_rules",
    assigns=["doc.ents"],
    default_config={"labels": list(LABELS), "override_labels": [], "require_zone_suffix": True},
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0},
)
def make_entity_rules(nlp: Language, name: str, *, labels: list[str], override_labels: list[str],
                      require_zone_suffix: bool) -> EntityRules:
    return EntityRules(name, labels=labels, override_labels=override_labels, require_zone_suffix=require_zone_suffix)


class EntityRules(TableComponent):
    table_names = ("zone_suffixes", "project_heads", "titles", "surnames")

    def __init__(self, name: str, *, labels: Iterable[str] = LABELS, override_labels: Iterable[str] = (),
                 require_zone_suffix: bool = True) -> None:
        """`labels`: what the rules tag; where an earlier `ner` tagged something, rule spans only fill gaps,
        except for `override_labels`, whose rule spans replace whatever they overlap (the money grammar).
        `require_zone_suffix`: drop ZONE spans (from any source) whose name has no zone suffix of the
        standard's list (zone_suffixes.json), or nothing before it (`开发区` alone is generic)."""
        self.labels = tuple(labels)
        self.override_labels = tuple(override_labels)
        self.require_zone_suffix = require_zone_suffix
        super().__init__(name)

    def _compile(self) -> None:
        self.zone_rules = ZoneRules(self.tables["zone_suffixes"])
        self.project_rules = ProjectRules(self.tables["project_heads"])
        self.title_rules = TitleRules(self.tables["titles"], self.tables["surnames"])
        positions = [p for p in self.tables["titles"]["positions"] if len(p) >= 2]
        self._position_inside = re.compile("|".join(map(re.escape, sorted(positions, key=len, reverse=True))))

    def find(self, doc: Doc) -> list[tuple[int, int, str]]:
        """Character spans (start, end, label) the rules find in doc.text."""
        text = doc_text(doc)
        wanted = set(self.labels)
        needed = wanted | ({"MONEY", "ZONE", "OFFICIAL"} if "PROJECT" in wanted else set())  # project barriers
        spans: dict[str, list[tuple[int, int]]] = {}
        if "MONEY" in needed:
            spans["MONEY"] = [(m.start, m.end) for m in find_money(text)]
        if "ZONE" in needed:
            spans["ZONE"] = self.zone_rules.find(text)
        if "OFFICIAL" in needed:
            bylines = [(start, end) for start, end, kind in furniture(doc) if kind == "byline"]
            spans["OFFICIAL"] = [(m.start, m.end) for m in find_official_mentions(text, self.title_rules, bylines)]
        if "PROJECT" in needed:
            spans["PROJECT"] = self.project_rules.find(text, barriers=spans["MONEY"] + spans["ZONE"] + spans["OFFICIAL"])
        return [(start, end, label) for label in LABELS if label in wanted for start, end in spans[label]]

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for start, end, label in self.find(doc):
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None and span.text.strip():
                spans.append(span)
        overriding = [s for s in filter_spans(spans) if s.label_ in self.override_labels]
        owned = bytearray(len(doc) + 1)
        for span in overriding:
            owned[span.start : span.end] = b"\x01" * len(span)
        kept = [ent for ent in entity_spans(doc) if ent.label_ not in self.override_labels
                and not any(owned[ent.start : ent.end]) and self._acceptable(ent.label_, ent.text)]
        taken = bytearray(len(doc) + 1)
        for ent in kept + overriding:
            taken[ent.start : ent.end] = b"\x01" * len(ent)
        filling = [s for s in filter_spans([s for s in spans if s.label_ not in self.override_labels])
                   if not any(taken[s.start : s.end]) and self._acceptable(s.label_, s.text)]
        doc.ents = sorted(kept + overriding + filling, key=lambda s: s.start)
        return doc

    def _acceptable(self, label: str, text: str) -> bool:
        if label == "OFFICIAL":
            # a personal name: hanzi (a space or · inside), never a title word (`和市长`, `平台手机APP`)
            name = re.sub(r"[\s·]", "", text)
            return bool(re.fullmatch(r"[\u4e00-\u9fff]{2,8}", name)) and not self._position_inside.search(name)
        if label != "ZONE" or not self.require_zone_suffix:
            return True
        return self.zone_rules.is_zone_name(text)

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        return get_ner_prf(examples)


