"""Fast access to a Doc's entities.

`Doc.ents` builds a Token object for every token to find the entities; with one token per
character that was a third of the pipeline's time. Reading the IOB array once is the same
answer at a fraction of the cost.
"""

from __future__ import annotations

from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.tokens import Doc, Span

_BEGIN, _INSIDE = 3, 1  # spaCy's ENT_IOB codes (0 missing, 1 I, 2 O, 3 B)


def entity_spans(doc: Doc) -> list[Span]:
    """`list(doc.ents)`, computed from the token IOB array."""
    if not len(doc):
        return []
    array = doc.to_array([ENT_IOB, ENT_TYPE])
    iob, types = array[:, 0].tolist(), array[:, 1].tolist()
    spans = []
    length = len(iob)
    for start, code in enumerate(iob):
        if code != _BEGIN:
            continue
        end = start + 1
        while end < length and iob[end] == _INSIDE:
            end += 1
        spans.append(Span(doc, start, end, label=types[start]))
    return spans
