"""JSONL records <-> spaCy DocBin, through the same normalizing tokenizer as inference.

Training docs hold the normalized text the model will read at prediction time;
gold spans are moved there through the alignment (a span ending on a glossed
character keeps its gloss on the raw side). Gold events and officials ride in
`doc.user_data["gold"]` (names and projects normalized) for component scoring.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from ..normalize import normalize
from ..tokenizer import raw_offsets, raw_text, store_normalization


class ConversionError(ValueError):
    """A record whose gold spans do not survive normalization; the message names the record."""


def record_to_doc(nlp: Language, record: dict[str, Any]) -> Doc:
    """A Doc over the normalized text with the record's gold entities (and gold events/officials in user_data)."""
    normalized = normalize(record["text"])
    doc = nlp.make_doc(record["text"])
    store_normalization(doc, normalized)
    # Characters align with every span; word tokens (pkuseg) can cut one, which is then widened
    # to whole words (0.8% of the corpus's spans), as a word-level model could only predict it.
    mode = "strict" if getattr(nlp.tokenizer, "segmenter", "char") == "char" else "expand"
    entities = []
    for span in record.get("spans", []):
        start, end = normalized.alignment.to_normalized(span["start"], span["end"])
        entity = doc.char_span(start, end, label=span["label"], alignment_mode=mode)
        if entity is None or start >= end:
            raise ConversionError(f"{record.get('id')}: span {span} has no token alignment after normalization")
        if not any(e.start < entity.end and entity.start < e.end for e in entities):  # widened spans can meet
            entities.append(entity)
    doc.ents = entities
    doc.user_data["gold"] = {
        "events": [_normalized_event(e) for e in record.get("events", [])],
        "officials": [{"name": _norm(o["name"]), "titles": [_norm(t) for t in o["titles"]]}
                      for o in record.get("officials", [])],
    }
    doc.user_data["id"] = record.get("id")
    doc.user_data["meta"] = record.get("meta", {})
    return doc


def _norm(text: str) -> str:
    return "".join(normalize(text).text.split())


def _normalized_event(event: dict[str, Any]) -> dict[str, Any]:
    return {**event, "project": _norm(event["project"]) if event.get("project") else None,
            "zone": _norm(event["zone"]) if event.get("zone") else None}


def records_to_docbin(nlp: Language, records: Iterable[dict[str, Any]]) -> DocBin:
    docbin = DocBin(store_user_data=True)
    for record in records:
        docbin.add(record_to_doc(nlp, record))
    return docbin


def docbin_to_records(nlp: Language, docbin: DocBin) -> Iterator[dict[str, Any]]:
    """Back to JSONL records in raw offsets (spans only; events/officials as stored, normalized)."""
    for doc in docbin.get_docs(nlp.vocab):
        raw = raw_text(doc)
        spans = []
        for ent in doc.ents:
            start, end = raw_offsets(doc, ent.start_char, ent.end_char)
            spans.append({"start": start, "end": end, "label": ent.label_})
        yield {"id": doc.user_data.get("id"), "text": raw, "meta": doc.user_data.get("meta", {}), "spans": spans}
