"""`projextract_dates` and `projextract_events`: resolved time expressions and the events they date."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.scorer import PRFScore
from spacy.tokens import Doc
from spacy.training import Example

from ..entities import entity_spans
from ..rules.dates import Anchor, DateRules, TimeExpression, find_dates, published_from_text
from ..rules.events import Entity, EventContext, EventRules, extract_events
from ..tables import load_table
from ..tokenizer import doc_text, furniture
from .base import TableComponent


def doc_published(doc: Doc) -> str | None:
    """The article's date: `doc._.published` if the caller gave one, else the page's own date line."""
    return doc._.published or published_from_text(doc_text(doc))


def doc_anchor(doc: Doc) -> Anchor:
    return Anchor.parse(doc_published(doc))


@Language.factory("projextract_dates", assigns=["doc._.dates"], default_config={})
def make_dates(nlp: Language, name: str) -> Dates:
    return Dates(name)


class Dates(TableComponent):
    """Sets `doc._.dates`: per time expression [start_char, end_char, ISO value or None, relative, future,
    kind, framing] (the fields of `projextract.rules.dates.TimeExpression`)."""

    table_names = ("date_words",)

    def _compile(self) -> None:
        # a table saved before a key existed falls back to the packaged one for that key
        defaults = load_table("date_words")
        self.rules = DateRules({**defaults, **self.tables["date_words"]})

    def __call__(self, doc: Doc) -> Doc:
        anchor = doc_anchor(doc)
        doc._.dates = [[d.start, d.end, d.value, d.relative, d.future, d.kind, d.framing]
                       for d in find_dates(doc_text(doc), anchor, self.rules)]
        return doc

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        """Date recall: the share of gold event dates that some resolved time expression of the article yields."""
        found = total = 0
        for example in examples:
            values = {row[2] for row in example.predicted._.dates or [] if row[2]}
            for event in example.reference.user_data.get("gold", {}).get("events", []):
                if event.get("date"):
                    total += 1
                    found += event["date"] in values
        return {"dates_recall": found / total if total else None}


@Language.factory(
    "projextract_events",
    assigns=["doc._.events"],
    requires=["doc.ents", "doc._.dates", "span._.money"],
    default_config={},
    default_score_weights={"events_f": 1.0},
)
def make_events(nlp: Language, name: str) -> Events:
    return Events(name)


class Events(TableComponent):
    table_names = ("triggers", "planned_cues")

    def _compile(self) -> None:
        self.rules = EventRules(self.tables["triggers"], self.tables["planned_cues"])

    def __call__(self, doc: Doc) -> Doc:
        entities = [Entity(e.start_char, e.end_char, e.label_, e.text, e._.money, e._.zone) for e in entity_spans(doc)]
        dates = [TimeExpression(*row) for row in (doc._.dates or [])]
        context = EventContext(doc_text(doc), entities, dates, furniture(doc), self.rules, published=doc_published(doc))
        doc._.events = extract_events(context)
        return doc

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        from ..evaluate import event_key

        prf = PRFScore()
        for example in examples:
            gold = [event_key(e) for e in example.reference.user_data.get("gold", {}).get("events", [])]
            for event in example.predicted._.events or []:
                key = event_key(event)
                if key in gold:
                    prf.tp += 1
                    gold.remove(key)
                else:
                    prf.fp += 1
            prf.fn += len(gold)
        return {"events_p": prf.precision, "events_r": prf.recall, "events_f": prf.fscore}
