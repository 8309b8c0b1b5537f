"""JSONL records <-> Hugging Face `datasets.DatasetDict` (and Parquet files on disk).

    from projextract.corpus import load, save
    corpus = load("corpus")              # DatasetDict: train / dev / test
    save(corpus, "corpus-parquet")       # writes train.parquet, dev.parquet, test.parquet
    again = load("corpus-parquet")       # reads them back, same features

Columns: `id`, `text`, `meta` (struct), `spans` (list of {start, end, label}),
`events` (list of the seven event fields), `officials` (list of {name, titles}),
plus any other top-level key the records carry. One schema is inferred over
all splits together, so every split has the same features.

The round trip is lossless except that Arrow structs have a fixed set of keys:
an optional key that only some records carry (a `meta` field, a span `text`)
comes back absent where it was absent, because keys whose value is None are
dropped on the way back; the seven event fields are always kept.
`datasets` is imported only when these functions run.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .sources import Record, read_splits, write_splits
from .validate import EVENT_FIELDS

if TYPE_CHECKING:
    import pyarrow as pa
    from datasets import Dataset, DatasetDict, Features

RECORD_KEYS = ("id", "text", "meta", "spans", "events", "officials")


def _default_types() -> dict[str, pa.DataType]:
    import pyarrow as pa

    return {
        "spans": pa.list_(pa.struct([("start", pa.int64()), ("end", pa.int64()), ("label", pa.string())])),
        "events": pa.list_(pa.struct([
            ("type", pa.string()), ("project", pa.string()), ("zone", pa.string()), ("investment", pa.int64()),
            ("count", pa.int64()), ("date", pa.string()), ("planned", pa.bool_()),
        ])),
        "officials": pa.list_(pa.struct([("name", pa.string()), ("titles", pa.list_(pa.string()))])),
        "meta": pa.struct([("published", pa.string())]),
    }


def _fill_nulls(inferred: pa.DataType, default: pa.DataType) -> pa.DataType:
    """Replace null types (nothing seen) in `inferred` with the default's types, field by field."""
    import pyarrow as pa

    if pa.types.is_null(inferred):
        return default
    if pa.types.is_list(inferred) and pa.types.is_list(default):
        return pa.list_(_fill_nulls(inferred.value_type, default.value_type))
    if pa.types.is_struct(inferred) and pa.types.is_struct(default):
        defaults = {field.name: field.type for field in default}
        fields = [(field.name, _fill_nulls(field.type, defaults[field.name]) if field.name in defaults else field.type)
                  for field in inferred]
        names = {name for name, _ in fields}
        fields += [(field.name, field.type) for field in default if field.name not in names]
        return pa.struct(fields)
    return inferred


def arrow_schema(records: Iterable[Mapping[str, Any]]) -> pa.Schema:
    """One Arrow schema for all `records` (the union of their keys, standard columns first)."""
    import pyarrow as pa

    rows = [dict(record) for record in records]
    inferred = pa.array(rows).type if rows else pa.struct([])
    types = {field.name: field.type for field in inferred}
    defaults = _default_types()
    columns = [(name, _fill_nulls(types.get(name, pa.null()), defaults.get(name, pa.string())))
               for name in RECORD_KEYS if name in types or name in defaults or name in ("id", "text")]
    columns += [(name, kind) for name, kind in types.items() if name not in RECORD_KEYS]
    return pa.schema([(name, pa.string() if name in ("id", "text") and pa.types.is_null(kind) else kind)
                      for name, kind in columns])


def records_to_dataset_dict(splits: Mapping[str, Iterable[Mapping[str, Any]]]) -> DatasetDict:
    """Records grouped by split -> a DatasetDict with one shared schema."""
    from datasets import DatasetDict, Features

    materialized = {name: [dict(record) for record in records] for name, records in splits.items()}
    schema = arrow_schema(record for records in materialized.values() for record in records)
    features = Features.from_arrow_schema(schema)
    return DatasetDict({name: _dataset(records, features) for name, records in materialized.items()})


def _dataset(rows: list[Mapping[str, Any]], features: Features) -> Dataset:
    """A Dataset of `rows` with exactly `features` (also when there are no rows)."""
    from datasets import Dataset

    columns = {name: [row.get(name) for row in rows] for name in features}
    return Dataset.from_dict(columns, features=features)


def _clean(value: Any, *, keep: tuple[str, ...] = ()) -> Any:
    """Drop None-valued keys from dicts (all the way down), except the ones in `keep`."""
    if isinstance(value, dict):
        return {key: _clean(item) for key, item in value.items() if item is not None or key in keep}
    if isinstance(value, list):
        return [_clean(item) for item in value]
    return value


def row_to_record(row: Mapping[str, Any]) -> Record:
    """One Dataset row back to a JSONL record."""
    record: Record = {}
    for key, value in row.items():
        if value is None and key not in ("id", "text"):
            continue
        if key == "events":
            record[key] = [_clean(event, keep=EVENT_FIELDS) for event in value]
        else:
            record[key] = _clean(value)
    return record


def dataset_to_records(dataset: Dataset) -> list[Record]:
    return [row_to_record(row) for row in dataset.to_list()]


def dataset_dict_to_records(dataset_dict: DatasetDict | Mapping[str, Dataset]) -> dict[str, list[Record]]:
    return {name: dataset_to_records(dataset) for name, dataset in dataset_dict.items()}


def _read_parquet(path: Path) -> Dataset:
    import pyarrow.parquet as pq
    from datasets import Features

    table = pq.read_table(path)
    return _dataset(table.to_pylist(), Features.from_arrow_schema(table.schema))


def load(path: str | Path = "corpus") -> DatasetDict:
    """The corpus at `path` as a DatasetDict.

    `path` is a corpus folder (train/dev/test.jsonl), a folder written by `save`
    (`<split>.parquet`), a folder of inline-markup sources, or one JSONL/Parquet file
    (one split named after the file).
    """
    from datasets import DatasetDict

    path = Path(path)
    parquet = [path] if path.suffix == ".parquet" else sorted(path.glob("*.parquet")) if path.is_dir() else []
    if parquet and not (path.is_dir() and any(path.glob("*.jsonl"))):
        order = {"train": 0, "dev": 1, "test": 2}
        parquet.sort(key=lambda file: (order.get(file.stem, 3), file.stem))
        return DatasetDict({file.stem: _read_parquet(file) for file in parquet})
    return records_to_dataset_dict(read_splits(path))


def write_parquet(dataset: Dataset, target: str | Path) -> Path:
    """One split to a Parquet file (features kept in its metadata), without progress bars."""
    from datasets.utils import disable_progress_bars, enable_progress_bars, is_progress_bar_enabled

    bars = is_progress_bar_enabled()
    disable_progress_bars()
    try:
        dataset.to_parquet(str(target))
    finally:
        if bars:
            enable_progress_bars()
    return Path(target)


def save(dataset_dict: DatasetDict | Mapping[str, Dataset], directory: str | Path) -> dict[str, Path]:
    """Write each split to `directory/<split>.parquet` (features kept in the file); return the paths."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    return {name: write_parquet(dataset, directory / f"{name}.parquet") for name, dataset in dataset_dict.items()}


def to_jsonl(dataset_dict: DatasetDict | Mapping[str, Dataset], directory: str | Path) -> dict[str, int]:
    """Write each split back to `directory/<split>.jsonl`; return the record counts."""
    return write_splits(directory, dataset_dict_to_records(dataset_dict))
