"""Loading the projextract pipeline (the one shipped in the package unless told otherwise)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language

from . import (
    components,  # noqa: F401  (registers the factories)
    tokenizer,  # noqa: F401  (registers the tokenizer)
)
from .ops import compute_on_blas_ops


def shipped_model_path() -> Path:
    return Path(str(resources.files("projextract").joinpath("model")))


# Archives hold multi-megabyte pages; the components are linear in text length.
MAX_ARTICLE_CHARS = 5_000_000


@cache
def _load_cached(path: str) -> Language:
    nlp = compute_on_blas_ops(spacy.load(path))
    nlp.max_length = MAX_ARTICLE_CHARS
    return nlp


def load(path: str | Path | None = None) -> Language:
    """The pipeline at `path` (default: the shipped one), loaded once per path and cached."""
    target = Path(path) if path is not None else shipped_model_path()
    if not (target / "config.cfg").exists():
        raise FileNotFoundError(f"no spaCy pipeline at {target} (config.cfg missing)")
    return _load_cached(str(target.resolve()))


def build_from_config(config_path: str | Path) -> Language:
    """A fresh, uninitialized-free pipeline from a config file (rule components need no training)."""
    config = spacy.util.load_config(config_path, interpolate=False)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    nlp.initialize()
    return nlp
