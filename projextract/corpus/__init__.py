"""Corpus tooling: authoring, validation, build, conversion, statistics, agreement, augmentation.

`load(path="corpus") -> datasets.DatasetDict` and `save(dataset_dict, directory)` are the
Hugging Face entry points (see `projextract.corpus.hf`); `datasets` is imported only when
they run.
"""

from .hf import load, save

__all__ = ["load", "save"]
