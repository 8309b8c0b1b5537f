"""`projextract_rule_features`: rule evidence as a token feature for the network (`token.tag_`).

The character CNN sees a few characters either side; a zone name such as
`甘肃兰州新区` or `郑州航空港经济综合实验区` puts its suffix further from its first
character than that. This component marks each character with where it sits in a
zone-rule candidate (`ZB` first, `ZI` inside, `ZE` last: prefix + listed suffix) and
in a project head noun (`PH`), and the tok2vec embeds `TAG` next to `NORM` and
`SHAPE`. The network decides what the evidence is worth; the rules only mark.

It runs before `tok2vec`, at inference and (as an annotating, frozen component) in
training, so both see the same features.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import IDX, TAG
from spacy.language import Language
from spacy.tokens import Doc

from ..rules.zones_projects import ZoneRules
from ..tokenizer import doc_text
from .base import TableComponent

FEATURES = ("", "ZB", "ZI", "ZE", "PH")


@Language.factory("projextract_rule_features", assigns=["token.tag"], default_config={})
def make_rule_features(nlp: Language, name: str) -> RuleFeatures:
    return RuleFeatures(nlp, name)


class RuleFeatures(TableComponent):
    table_names = ("zone_suffixes", "project_heads")

    def __init__(self, nlp: Language, name: str) -> None:
        self._hashes = [nlp.vocab.strings.add(feature) for feature in FEATURES]
        super().__init__(name)

    def _compile(self) -> None:
        self.zone_rules = ZoneRules(self.tables["zone_suffixes"])
        heads = sorted(self.tables["project_heads"]["heads"], key=len, reverse=True)
        self._heads = re.compile("|".join(map(re.escape, heads)))

    def features(self, text: str) -> numpy.ndarray:
        """One index into FEATURES per character of `text`."""
        marks = numpy.zeros(len(text), dtype="uint8")
        for match in self._heads.finditer(text):
            marks[match.start():match.end()] = 4
        for start, end in self.zone_rules.find(text):
            marks[start:end] = 2
            marks[start] = 1
            marks[end - 1] = 3
        return marks

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        marks = self.features(doc_text(doc))
        starts = doc.to_array([IDX]).astype("int64")
        hashes = numpy.asarray(self._hashes, dtype="uint64")[marks[starts]]
        doc.from_array([TAG], hashes.reshape(-1, 1))
        return doc
