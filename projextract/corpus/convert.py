"""Format conversion for the corpus: JSONL <-> spaCy DocBin (`.spacy`) <-> Parquet (Hugging Face datasets).

DocBins are made with `docbin.records_to_docbin`'s recipe (`record_to_doc` with the
pipeline's normalizing tokenizer), so training reads exactly what inference reads.
Besides the normalized gold that `docbin.py` stores for component scoring, each Doc
here also keeps the record's own events, officials and any extra top-level keys
under `doc.user_data["projextract.record"]`, so DocBin -> JSONL gives the record
back unchanged (spans are moved back through the character alignment, which is
exact for every span that obeys ANNOTATION.md's boundary rules).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .sources import Record, read_splits, write_splits

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import DocBin

RECORD_KEY = "projextract.record"
FORMATS = ("jsonl", "spacy", "parquet")
_DOCBIN_OWN = ("id", "text", "meta", "spans")


def _nlp(nlp: Language | None, model: str | Path | None = None) -> Language:
    if nlp is not None:
        return nlp
    from .. import load

    return load(model)


def records_to_docbin(records: Iterable[Mapping[str, Any]], nlp: Language | None = None) -> DocBin:
    """Records -> DocBin over normalized text with gold entities; the full record rides in user_data."""
    from spacy.tokens import DocBin

    from .docbin import record_to_doc

    nlp = _nlp(nlp)
    docbin = DocBin(store_user_data=True)
    for record in records:
        doc = record_to_doc(nlp, dict(record))
        doc.user_data[RECORD_KEY] = {key: value for key, value in record.items() if key not in _DOCBIN_OWN}
        docbin.add(doc)
    return docbin


def docbin_to_records(docbin: DocBin, nlp: Language | None = None) -> list[Record]:
    """DocBin -> records in raw offsets; events/officials as the record had them when it was stored.

    A DocBin made elsewhere (no stored record) gives the normalized gold events and officials
    that `docbin.record_to_doc` keeps, or none.
    """
    from .docbin import docbin_to_records as spans_only

    nlp = _nlp(nlp)
    records = []
    for doc, record in zip(docbin.get_docs(nlp.vocab), spans_only(nlp, docbin), strict=True):
        stored = doc.user_data.get(RECORD_KEY)
        if stored is None:
            gold = doc.user_data.get("gold") or {}
            stored = {"events": gold.get("events", []), "officials": gold.get("officials", [])}
        records.append(_lists({**record, **stored}))
    return records


def _lists(value: Any) -> Any:
    """msgpack gives tuples back for JSON arrays; turn them into lists again (all the way down)."""
    if isinstance(value, dict):
        return {key: _lists(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_lists(item) for item in value]
    return value


def read_docbin(path: str | Path) -> DocBin:
    from spacy.tokens import DocBin

    return DocBin(store_user_data=True).from_disk(path)


def detect_format(path: Path) -> str:
    """'jsonl', 'spacy' or 'parquet' for an existing input path (file or folder)."""
    if path.is_file():
        if path.suffix == ".spacy":
            return "spacy"
        if path.suffix == ".parquet":
            return "parquet"
        return "jsonl"
    if path.is_dir():
        if any(path.glob("*.jsonl")) or any(path.rglob("*.txt")):
            return "jsonl"
        if any(path.glob("*.spacy")):
            return "spacy"
        if any(path.glob("*.parquet")):
            return "parquet"
    raise ValueError(f"{path}: cannot tell its format (expected .jsonl, .spacy, .parquet or a folder of them)")


def read_any(path: str | Path, *, nlp: Language | None = None) -> dict[str, list[Record]]:
    """Records grouped by split (or file stem) from JSONL, inline sources, `.spacy` or Parquet."""
    path = Path(path)
    kind = detect_format(path)
    if kind == "jsonl":
        return read_splits(path)
    if kind == "spacy":
        files = [path] if path.is_file() else sorted(path.glob("*.spacy"))
        return {file.stem: docbin_to_records(read_docbin(file), nlp) for file in files}
    from .hf import dataset_dict_to_records, load

    return dataset_dict_to_records(load(path))


def write_any(splits: Mapping[str, list[Record]], output: str | Path, kind: str, *,
              nlp: Language | None = None) -> dict[str, Path]:
    """Write record groups as `kind`; one group to a file path, several to `output/<name>.<ext>`."""
    if kind not in FORMATS:
        raise ValueError(f"unknown format {kind!r}; use one of {FORMATS}")
    output = Path(output)
    single = len(splits) == 1 and output.suffix in (".jsonl", ".spacy", ".parquet")
    targets = {name: output if single else output / f"{name}.{kind}" for name in splits}
    for target in targets.values():
        target.parent.mkdir(parents=True, exist_ok=True)
    if kind == "jsonl":
        if single:
            from .build import write_jsonl

            (name,) = splits
            write_jsonl(targets[name], splits[name])
        else:
            write_splits(output, splits)
    elif kind == "spacy":
        nlp = _nlp(nlp)
        for name, records in splits.items():
            records_to_docbin(records, nlp).to_disk(targets[name])
    else:
        from .hf import records_to_dataset_dict, write_parquet

        dataset_dict = records_to_dataset_dict(splits)
        for name, target in targets.items():
            write_parquet(dataset_dict[name], target)
    return targets


def output_format(output: Path, source_kind: str) -> str:
    """The format implied by an output path: its suffix, else Parquet for JSONL input and JSONL otherwise."""
    suffix = output.suffix.lstrip(".")
    if suffix in FORMATS:
        return suffix
    return "parquet" if source_kind == "jsonl" else "jsonl"


def convert(source: str | Path, output: str | Path, kind: str | None = None, *,
            model: str | Path | None = None) -> dict[str, Path]:
    """Convert `source` to `kind` (default: from `output`'s suffix); return the files written."""
    source, output = Path(source), Path(output)
    source_kind = detect_format(source)
    kind = kind or output_format(output, source_kind)
    nlp = _nlp(None, model) if "spacy" in (kind, source_kind) else None
    return write_any(read_any(source, nlp=nlp), output, kind, nlp=nlp)
