"""Custom attributes the projextract components set on Doc and Span."""

from __future__ import annotations

from spacy.tokens import Doc, Span


def register_extensions() -> None:
    for name, default in (("money", None), ("zone", None), ("titles", None)):
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
    for name, default in (("published", None), ("dates", None), ("events", None), ("officials", None)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()
