"""A spaCy tokenizer that normalizes raw text first and keeps the way back to raw offsets.

`nlp("臨汾經(jīng)濟開發(fā)區…")` builds a Doc over the normalized text; the raw text,
the character alignment, mojibake repairs and page furniture ride along in
`doc.user_data` as plain lists (so `Doc.to_bytes`, `DocBin` and `n_process>1`
carry them), and the helpers here read them back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from spacy.lang.zh import ChineseTokenizer, create_chinese_tokenizer
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

from .normalize import Normalized, normalize

STATE_KEY = "projextract.normalization"


@registry.tokenizers("projextract.NormalizingTokenizer.v1")
def create_normalizing_tokenizer(segmenter: str = "char") -> Callable[[Language], NormalizingTokenizer]:
    make_inner = create_chinese_tokenizer(segmenter=segmenter)

    def make(nlp: Language) -> NormalizingTokenizer:
        return NormalizingTokenizer(make_inner(nlp))

    return make


class NormalizingTokenizer:
    """Wraps spaCy's Chinese tokenizer (char or pkuseg segmentation) behind `normalize()`."""

    def __init__(self, inner: ChineseTokenizer) -> None:
        self.inner = inner
        self.vocab = inner.vocab

    @property
    def segmenter(self) -> str:
        """`char` (one token per character, the shipped setting) or `pkuseg` (words)."""
        return self.inner.segmenter

    def __call__(self, text: str) -> Doc:
        normalized = normalize(text)
        if self.segmenter == "char":
            doc = char_doc(self.vocab, normalized.text)
        else:
            doc = self.inner(normalized.text)
        store_normalization(doc, normalized)
        return doc

    def pipe(self, texts, batch_size: int = 1000):  # noqa: ANN001 - spaCy's signature
        for text in texts:
            yield self(text)

    # spaCy calls these on the tokenizer; the inner tokenizer owns the only state (a pkuseg model).
    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None,
                   pkuseg_model: str | None = None, pkuseg_user_dict: str | None = "default") -> None:
        self.inner.initialize(get_examples, nlp=nlp, pkuseg_model=pkuseg_model, pkuseg_user_dict=pkuseg_user_dict)

    def to_bytes(self, **kwargs: Any) -> bytes:
        return self.inner.to_bytes(**kwargs)

    def from_bytes(self, data: bytes, **kwargs: Any) -> NormalizingTokenizer:
        self.inner.from_bytes(data, **kwargs)
        return self

    def to_disk(self, path: str | Path, **kwargs: Any) -> None:
        self.inner.to_disk(path, **kwargs)

    def from_disk(self, path: str | Path, **kwargs: Any) -> NormalizingTokenizer:
        self.inner.from_disk(path, **kwargs)
        return self


def char_doc(vocab, text: str) -> Doc:  # noqa: ANN001
    """One token per character, as spaCy's char segmenter makes, in linear time.

    (spacy.util.get_words_and_spaces re-slices the text per word, which is
    quadratic on megabyte pages.) A single space after a token is its trailing
    whitespace; other whitespace runs are tokens of their own.
    """
    words: list[str] = []
    spaces: list[bool] = []
    for ch in text:
        if ch.isspace() and words:
            if ch == " " and not spaces[-1] and not words[-1].isspace():
                spaces[-1] = True
                continue
            if words[-1].isspace() and not spaces[-1]:
                words[-1] += ch
                continue
        words.append(ch)
        spaces.append(False)
    return Doc(vocab, words=words, spaces=spaces)


def store_normalization(doc: Doc, normalized: Normalized) -> None:
    doc.user_data[STATE_KEY] = {
        "raw": normalized.raw,
        "text": normalized.text,
        "starts": list(normalized.alignment.starts),
        "ends": list(normalized.alignment.ends),
        "repairs": [repair.to_dict() | {"ranges": [list(r) for r in repair.ranges]} for repair in normalized.repairs],
        "furniture": [[region.start, region.end, region.kind] for region in normalized.furniture],
    }


def _state(doc: Doc) -> dict[str, Any]:
    state = doc.user_data.get(STATE_KEY)
    if state is None:  # a Doc made without the normalizing tokenizer: identity alignment
        length = len(doc.text)
        state = {"raw": doc.text, "starts": list(range(length)), "ends": list(range(1, length + 1)),
                 "repairs": [], "furniture": []}
        doc.user_data[STATE_KEY] = state
    return state


def doc_text(doc: Doc) -> str:
    """`doc.text`, without rebuilding it from one Token object per character on every call."""
    text = doc.user_data.get(STATE_KEY, {}).get("text")
    return text if text is not None else doc.text


def raw_text(doc: Doc) -> str:
    return _state(doc)["raw"]


def raw_offsets(doc: Doc, start_char: int, end_char: int) -> tuple[int, int]:
    """Raw [start, end) of the normalized characters doc.text[start_char:end_char]."""
    state = _state(doc)
    if start_char >= end_char:
        position = state["starts"][start_char] if start_char < len(state["starts"]) else len(state["raw"])
        return position, position
    return state["starts"][start_char], state["ends"][end_char - 1]


def repairs(doc: Doc) -> list[dict[str, Any]]:
    return [{key: repair[key] for key in ("start", "end", "garbled", "repaired")} for repair in _state(doc)["repairs"]]


def furniture(doc: Doc) -> list[tuple[int, int, str]]:
    """Furniture regions (normalized char offsets, kind)."""
    return [tuple(region) for region in _state(doc)["furniture"]]


def furniture_kind_at(doc: Doc, start_char: int, end_char: int) -> str | None:
    """The kind of the furniture region holding [start_char, end_char), if any ('byline' wins)."""
    kinds = {kind for start, end, kind in furniture(doc) if start <= start_char and end_char <= end}
    for kind in ("byline", "page", "related"):
        if kind in kinds:
            return kind
    return None
