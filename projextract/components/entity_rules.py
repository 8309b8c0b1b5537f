"""`projextract_entity_rules`: MONEY, ZONE, PROJECT and OFFICIAL spans by rule.

Alone it is the rules-only pipeline; after a trained `ner` it fills in what the
model left out (`overwrite_ents = false`) or takes precedence (`true`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.scorer import get_ner_prf
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import filter_spans

from ..money import find_money
from ..rules.officials import TitleRules, find_official_mentions
from ..rules.zones_projects import ProjectRules, ZoneRules
from ..tokenizer import furniture
from .base import TableComponent

LABELS = ("MONEY", "PROJECT", "OFFICIAL", "ZONE")


@Language.factory(
    "projextract_entity_rules",
    assigns=["doc.ents"],
    default_config={"overwrite_ents": False, "labels": list(LABELS)},
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0},
)
def make_entity_rules(nlp: Language, name: str, *, overwrite_ents: bool, labels: list[str]) -> EntityRules:
    return EntityRules(name, overwrite_ents=overwrite_ents, labels=labels)


class EntityRules(TableComponent):
    table_names = ("zone_suffixes", "project_heads", "titles", "surnames")

    def __init__(self, name: str, *, overwrite_ents: bool = False, labels: Iterable[str] = LABELS) -> None:
        self.overwrite_ents = overwrite_ents
        self.labels = tuple(labels)
        super().__init__(name)

    def _compile(self) -> None:
        self.zone_rules = ZoneRules(self.tables["zone_suffixes"])
        self.project_rules = ProjectRules(self.tables["project_heads"])
        self.title_rules = TitleRules(self.tables["titles"], self.tables["surnames"])

    def find(self, doc: Doc) -> list[tuple[int, int, str]]:
        """Character spans (start, end, label) the rules find in doc.text."""
        text = doc.text
        found: list[tuple[int, int, str]] = []
        money = [(m.start, m.end) for m in find_money(text)]
        zones = self.zone_rules.find(text)
        bylines = [(start, end) for start, end, kind in furniture(doc) if kind == "byline"]
        officials = [(m.start, m.end) for m in find_official_mentions(text, self.title_rules, bylines)]
        projects = self.project_rules.find(text, barriers=money + zones + officials)
        for label, spans in (("MONEY", money), ("ZONE", zones), ("OFFICIAL", officials), ("PROJECT", projects)):
            if label in self.labels:
                found.extend((start, end, label) for start, end in spans)
        return found

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for start, end, label in self.find(doc):
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None and span.text.strip():
                spans.append(span)
        existing = list(doc.ents)
        if self.overwrite_ents:
            doc.ents = filter_spans(spans + existing)
        else:
            taken = {i for ent in existing for i in range(ent.start, ent.end)}
            added = [s for s in filter_spans(spans) if not any(i in taken for i in range(s.start, s.end))]
            doc.ents = sorted(existing + added, key=lambda s: s.start)
        return doc

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        return get_ner_prf(examples)


