"""`projextract_money` and `projextract_zones`: values of MONEY spans and canonical ZONE names."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.scorer import PRFScore
from spacy.tokens import Doc
from spacy.training import Example

from ..entities import entity_spans
from ..money import approx_kind, money_at, money_role
from ..rules.zones_projects import ZoneRules
from ..tokenizer import doc_text
from .base import TableComponent


def _label_prf(examples: Iterable[Example], label: str, attribute_ok) -> dict[str, Any]:  # noqa: ANN001
    """PRF of one label's spans, plus the share of matched spans whose attribute could be set."""
    prf = PRFScore()
    attributed = matched = 0
    for example in examples:
        gold = {(e.start_char, e.end_char) for e in example.reference.ents if e.label_ == label}
        for ent in example.predicted.ents:
            if ent.label_ != label:
                continue
            key = (ent.start_char, ent.end_char)
            if key in gold:
                prf.tp += 1
                matched += 1
                attributed += bool(attribute_ok(ent))
                gold.discard(key)
            else:
                prf.fp += 1
        prf.fn += len(gold)
    name = label.lower()
    return {f"{name}_p": prf.precision, f"{name}_r": prf.recall, f"{name}_f": prf.fscore,
            f"{name}_attr_acc": attributed / matched if matched else None}


@Language.factory(
    "projextract_money",
    assigns=["span._.money"],
    requires=["doc.ents"],
    default_config={},
    default_score_weights={"money_f": 0.0, "money_attr_acc": 0.0},
)
def make_money(nlp: Language, name: str) -> MoneyValues:
    return MoneyValues(name)


class MoneyValues(TableComponent):
    """Sets `span._.money` (value, low, high, currency, approx, role) on every MONEY entity."""

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        for ent in entity_spans(doc):
            if ent.label_ != "MONEY":
                continue
            money = money_at(text, ent.start_char, ent.end_char)  # sees 超/以上 outside the span too
            if money is None:
                ent._.money = None
                continue
            ent._.money = money.to_dict() | {"approx_kind": approx_kind(money.approx),
                                             "role": money_role(text, ent.start_char, ent.end_char)}
        return doc

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        return _label_prf(examples, "MONEY", lambda ent: ent._.money is not None)


@Language.factory(
    "projextract_zones",
    assigns=["span._.zone"],
    requires=["doc.ents"],
    default_config={},
    default_score_weights={"zone_f": 0.0, "zone_attr_acc": 0.0},
)
def make_zones(nlp: Language, name: str) -> ZoneAttributes:
    return ZoneAttributes(name)


class ZoneAttributes(TableComponent):
    """Sets `span._.zone`: canonical name (Simplified, gloss-free), type from the suffix, parent zone (the zone
    it is written inside: 临汾经济开发区 for 甘亭工业园区 in 临汾经济开发区甘亭工业园区) and stem (the name
    without its suffix, shared by a zone's full and short forms)."""

    table_names = ("zone_suffixes",)

    def _compile(self) -> None:
        self.rules = ZoneRules(self.tables["zone_suffixes"])

    def stem(self, name: str) -> str:
        """The name without its type suffix (惠州大亚湾经济技术开发区 -> 惠州大亚湾): full and short forms of one
        zone share it, or one's stem holds the other's (大亚湾开发区 -> 大亚湾)."""
        if name.endswith(self.rules.table["free_trade_area_suffix"]):
            return name
        for suffix in sorted(self.rules.suffix_types, key=len, reverse=True):
            if name.endswith(suffix) and len(name) > len(suffix):
                return name[: -len(suffix)]
        return name

    def __call__(self, doc: Doc) -> Doc:
        previous = None
        for ent in entity_spans(doc):
            if ent.label_ != "ZONE":
                previous = None
                continue
            # a zone written right after another sits inside it (临汾经济开发区甘亭工业园区)
            parent = previous.text if previous is not None and previous.end == ent.start else None
            ent._.zone = {"canonical": ent.text, "type": self.rules.zone_type(ent.text), "parent": parent,
                          "stem": self.stem(ent.text)}
            previous = ent
        return doc

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        return _label_prf(examples, "ZONE", lambda ent: (ent._.zone or {}).get("type") is not None)
