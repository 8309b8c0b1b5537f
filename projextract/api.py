"""`parse()` and `parse_many()`: raw articles in, `Article` results out (thin wrappers over the pipeline)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from .article import Article, article_from_doc
from .mojibake import plausibility
from .pipeline import load
from .rules.dates import Anchor

Text = str | bytes
_ENCODINGS = ("utf-8", "gb18030", "big5")


class ParseError(RuntimeError):
    """An article the pipeline could not process; `article_id` names it when the caller gave one."""

    def __init__(self, message: str, article_id: str | None = None) -> None:
        super().__init__(f"{article_id}: {message}" if article_id else message)
        self.article_id = article_id


def decode(text: Text) -> tuple[str, str | None]:
    """`str` passes through; `bytes` are decoded as UTF-8, else GB18030, else Big5 (the choice is returned)."""
    if isinstance(text, str):
        return text, None
    if isinstance(text, (bytes, bytearray)):
        data = bytes(text)
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
        # GB18030 accepts almost any byte sequence, so a strict decode cannot tell it from Big5:
        # keep the first encoding in order that reads about as well as the best one.
        decoded = []
        for encoding in _ENCODINGS[1:]:
            try:
                candidate = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            wide = "".join(ch for ch in candidate if ord(ch) > 0x7F and not unicodedata.category(ch).startswith("P"))
            decoded.append((plausibility(wide), candidate, encoding))
        if decoded:
            best = max(score for score, _, _ in decoded)
            _, candidate, encoding = next(item for item in decoded if item[0] >= best - 0.05)
            return candidate, encoding
        return data.decode("gb18030", errors="replace"), "gb18030-replace"
    raise TypeError(f"parse() takes str or bytes, not {type(text).__name__}")


def _published(value: str | date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    Anchor.parse(value)  # raises ValueError on a malformed date
    return str(value).strip()


def _make_doc(nlp: Language, text: str, published: str | None) -> Doc:
    doc = nlp.make_doc(text)
    doc._.published = published
    return doc


def parse(text: Text, *, published: str | date | None = None, id: str | None = None,
          nlp: Language | None = None) -> Article:
    """Extract spans, events and officials from one article; offsets index into `text` as given."""
    raw, encoding = decode(text)
    published_iso = _published(published)
    if not raw.strip():
        return Article(raw, id=id, published=published_iso, encoding=encoding)
    nlp = nlp or load()
    try:
        doc = nlp(_make_doc(nlp, raw, published_iso))
    except Exception as error:  # noqa: BLE001 - re-raised with the article's id
        raise ParseError(f"{type(error).__name__}: {error}", id) from error
    return article_from_doc(doc, id=id, published=published_iso, encoding=encoding)


def parse_many(texts: Iterable[Text | tuple[Text, dict]], *, n_process: int = 1, batch_size: int = 32,
               nlp: Language | None = None) -> Iterator[Article]:
    """Stream `Article`s in input order through `nlp.pipe`.

    Items are texts, or `(text, {"id": ..., "published": ...})` pairs. Empty texts give empty Articles.
    """
    nlp = nlp or load()
    pending: list[tuple[str, str | None, str | None, str | None]] = []

    def prepared() -> Iterator[tuple[Doc, int]]:
        for index, item in enumerate(texts):
            text, context = item if isinstance(item, tuple) else (item, {})
            raw, encoding = decode(text)
            published = _published(context.get("published"))
            pending.append((raw, context.get("id"), published, encoding))
            if raw.strip():
                yield _make_doc(nlp, raw, published), index

    docs = nlp.pipe(prepared(), as_tuples=True, n_process=n_process, batch_size=batch_size)
    next_index = 0
    for doc, index in docs:
        while next_index < index:  # empty articles that were not sent to the pipeline
            raw, article_id, published, encoding = pending[next_index]
            yield Article(raw, id=article_id, published=published, encoding=encoding)
            next_index += 1
        raw, article_id, published, encoding = pending[index]
        yield article_from_doc(doc, id=article_id, published=published, encoding=encoding)
        next_index = index + 1
    while next_index < len(pending):
        raw, article_id, published, encoding = pending[next_index]
        yield Article(raw, id=article_id, published=published, encoding=encoding)
        next_index += 1
