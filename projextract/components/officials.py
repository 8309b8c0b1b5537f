"""`projextract_officials`: titles for OFFICIAL spans, merged mentions, journalists and staff dropped."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.scorer import PRFScore
from spacy.tokens import Doc
from spacy.training import Example

from ..entities import entity_spans
from ..rules.officials import TitleRules, is_company_staff, titles_before
from ..tokenizer import doc_text, furniture
from .base import TableComponent


@Language.factory(
    "projextract_officials",
    assigns=["doc.ents", "span._.titles", "doc._.officials"],
    requires=["doc.ents"],
    default_config={},
    default_score_weights={"officials_f": 0.0, "titles_acc": 0.0},
)
def make_officials(nlp: Language, name: str) -> Officials:
    return Officials(name)


class Officials(TableComponent):
    table_names = ("titles", "surnames")

    def _compile(self) -> None:
        self.rules = TitleRules(self.tables["titles"], self.tables["surnames"])

    def titles_of(self, text: str, start: int, end: int) -> list[list[tuple[int, int]]]:
        """Titles around one mention, each as its pieces' char offsets: a chain before the name,
        a title split around it (省委林武书记 -> pieces 省委 + 书记), or a bare position right after it
        (符振海书记出席 -> 书记)."""
        titles = [[piece] for piece in titles_before(text, start, self.rules)]
        if titles:
            return titles
        trailing = self.rules.trailing.match(text, max(0, start - 2))
        if trailing and trailing.start("name") == start and trailing.end("name") == end:
            return [[trailing.span("org"), trailing.span("position")]]
        after = self.rules.bare_position.match(text, end)
        if after and self.rules.name_end.match(text, after.end()) and not text.startswith("、", after.end()):
            return [[after.span()]]
        return []

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        kept = []
        merged: dict[str, list[str]] = {}
        written: dict[str, str] = {}  # a name as first written (`张 浩`), merged without its spaces
        previous = None  # (end_char, title pieces) of the last official: a chain before a 、-list is each name's
        byline = bytearray(len(text) + 1)  # one pass over the regions, not one per name
        for start, end, kind in furniture(doc):
            if kind == "byline":
                byline[start:end] = b"\x01" * (end - start)
        for ent in entity_spans(doc):
            if ent.label_ == "OFFICIAL":
                if all(byline[ent.start_char:ent.end_char]):
                    continue  # journalists, photographers, editors
                if is_company_staff(text, ent.start_char, self.rules):
                    continue
                pieces = self.titles_of(text, ent.start_char, ent.end_char)
                if not pieces and previous and previous[0] + 1 == ent.start_char and text[previous[0]] == "、":
                    pieces = previous[1]  # 副市长边巴次仁、刘伟明出席
                previous = (ent.end_char, pieces)
                ent._.titles = ["".join(text[a:b] for a, b in title) for title in pieces]
                name = re.sub(r"\s+", "", ent.text)
                written.setdefault(name, ent.text)
                known = merged.setdefault(name, [])
                for title in pieces:
                    if "".join(text[a:b] for a, b in title) not in ("".join(text[a:b] for a, b in t) for t in known):
                        known.append(title)
            kept.append(ent)
        doc.ents = kept
        # titles as normalized text here; parse() reports them as written in the raw text
        doc._.officials = [
            {"name": written[name], "titles": ["".join(text[a:b] for a, b in title) for title in titles],
             "title_pieces": [[list(piece) for piece in title] for title in titles]}
            for name, titles in merged.items()
        ]
        return doc

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        """Officials F1 over names and title accuracy, against gold officials in reference.user_data."""
        prf = PRFScore()
        right = matched = 0
        for example in examples:
            gold = {o["name"]: o["titles"] for o in example.reference.user_data.get("gold", {}).get("officials", [])}
            predicted = {o["name"]: o["titles"] for o in example.predicted._.officials or []}
            for name, titles in predicted.items():
                if name in gold:
                    prf.tp += 1
                    matched += 1
                    right += sorted(titles) == sorted(gold[name])
                else:
                    prf.fp += 1
            prf.fn += len(set(gold) - set(predicted))
        return {"officials_p": prf.precision, "officials_r": prf.recall, "officials_f": prf.fscore,
                "titles_acc": right / matched if matched else None}
