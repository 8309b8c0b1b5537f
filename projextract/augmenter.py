"""spaCy augmenter for training: each example, plus (with some probability) a noisy copy of it.

The copy is made on the raw text exactly as archives are noisy (Traditional script, pinyin glosses,
doubled and ASCII punctuation, shifted-byte mojibake outside entities: projextract.corpus.augment),
then normalized by the inference tokenizer, so the model trains on what it will really read.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator

from spacy.language import Language
from spacy.training import Example
from spacy.util import registry

from .corpus.augment import augment_record
from .corpus.docbin import record_to_doc
from .tokenizer import raw_offsets, raw_text


@registry.augmenters("projextract.noise_augmenter.v1")
def create_noise_augmenter(probability: float = 0.5, seed: int = 0) -> Callable[[Language, Example], Iterator[Example]]:
    rng = random.Random(seed)

    def augment(nlp: Language, example: Example) -> Iterator[Example]:
        yield example
        if rng.random() >= probability:
            return
        reference = example.reference
        record = {
            "id": reference.user_data.get("id"),
            "text": raw_text(reference),
            "meta": reference.user_data.get("meta", {}),
            "spans": [dict(zip(("start", "end"), raw_offsets(reference, e.start_char, e.end_char), strict=True),
                           label=e.label_) for e in reference.ents],
        }
        noisy = augment_record(record, rng)
        yield Example(nlp.make_doc(noisy["text"]), record_to_doc(nlp, noisy))

    return augment
