"""Training-time noise, as real archives have it, with gold offsets carried along.

`augment_record(record, rng)` returns a copy of a record with some of:

- **script**: Simplified -> Traditional with OpenCC (`s2t`, `s2tw` or `s2hk`), character-aligned
  (a phrase rule that changes length falls back to per-character conversion);
- **gloss**: pinyin glosses after characters (`網(wǎng)`); a gloss after a span's last
  character extends the span, as ANNOTATION.md says;
- **fullwidth**: full-width punctuation folded to ASCII (`，` -> `,`);
- **doubled**: doubled punctuation (`,,` `,、` `,。`);
- **mojibake**: shifted-byte GBK runs (`?;顒右砸曨l` for `X活動以視頻`), exactly the corruption
  `projextract.mojibake` repairs, and only outside entity spans.

Every kind of noise is one the normalizer undoes, and each is checked to be undone
exactly: `normalize(augmented)` gives the same text as `normalize(original)` except
the characters a mojibake run destroyed (U+FFFD there), and every gold span, mapped
to normalized offsets, reads the same as before. Spans with the same text and label
get the same noise, so events and officials (updated to the new span texts) still
name spans, and the record still validates.

Augmentation is for training data only: never for dev/test gold. It is seeded
(`augment_records(..., seed=0)` derives one `random.Random` per record and copy from
the seed and the record id), so a run is reproducible.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..normalize import normalize
from .sources import Record

VARIANTS = ("s2t", "s2tw", "s2hk")
FOLDABLE = {"，": ",", "；": ";", "：": ":", "！": "!"}  # `？` is left alone: an ASCII `?` beside hanzi seeds mojibake repair
MARKS = "，、。；：,;:"
_STRENGTH = {"。": 0, "；": 1, ";": 1, "：": 2, ":": 2, "、": 3, "，": 4, ",": 4}
_RUN_STOP = set("，。、；：！？“”‘’（）《》【】(),") | {"?", "\ufffd"}


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] with `new`. An insertion (start == end) with `attach` belongs to the
    character before it (a gloss): a span ending there grows over it."""

    start: int
    end: int
    new: str
    attach: bool = False

    @property
    def delta(self) -> int:
        return len(self.new) - (self.end - self.start)


def apply_edits(text: str, spans: Sequence[Mapping[str, Any]], edits: Iterable[Edit]) -> tuple[str, list[dict]]:
    """Apply non-overlapping edits; move every span so it covers the same characters."""
    edits = sorted(edits, key=lambda e: (e.start, e.end))
    pieces, cursor = [], 0
    for edit in edits:
        if edit.start < cursor:
            raise ValueError(f"overlapping edits at {edit.start}")
        pieces += [text[cursor : edit.start], edit.new]
        cursor = edit.end
    pieces.append(text[cursor:])
    moved = []
    for span in spans:
        start, end = span["start"], span["end"]
        for edit in edits:
            if edit.start < end and edit.end > start and edit.end > edit.start and not (
                    edit.start >= start and edit.end <= end and edit.delta == 0):
                raise ValueError(f"edit {edit} changes the characters of span {start}-{end}")
        new_start = start + sum(e.delta for e in edits if e.end <= start)
        new_end = end + sum(e.delta for e in edits if e.end < end or (e.end == end and (e.start < e.end or e.attach)))
        moved.append({**span, "start": new_start, "end": new_end})
    return "".join(pieces), moved


# ---------------------------------------------------------------------------- helpers


def _inside(spans: Sequence[Mapping[str, Any]], length: int) -> bytearray:
    """inside[i] == 1 when character i belongs to a span."""
    inside = bytearray(length)
    for span in spans:
        inside[span["start"] : span["end"]] = b"\x01" * (span["end"] - span["start"])
    return inside


def _group_positions(text: str, spans: Sequence[Mapping[str, Any]]) -> dict[int, tuple[str, str, int]]:
    """Character index -> (label, span text, offset in span), so equal spans get equal noise."""
    where = {}
    for span in spans:
        key = (span["label"], text[span["start"] : span["end"]])
        for offset in range(span["end"] - span["start"]):
            where[span["start"] + offset] = (*key, offset)
    return where


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def _han_like(ch: str) -> bool:
    """In the normalizer's hanzi class (hanzi and Chinese punctuation): ASCII punctuation next to it folds back."""
    return _is_han(ch) or ch in "“”‘’《》（），。、；："


# ---------------------------------------------------------------------------- script


@cache
def _converter(config: str):  # noqa: ANN202 - opencc.OpenCC
    import opencc

    return opencc.OpenCC(config)


def convert_chars(text: str, config: str) -> str:
    """OpenCC conversion kept character-aligned (per character where a phrase rule changes length)."""
    converter = _converter(config)
    converted = converter.convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(c if len(c := converter.convert(ch)) == 1 else ch for ch in text)


def to_traditional(text: str, spans: Sequence[Mapping[str, Any]], variant: str = "s2t") -> str:
    """Simplified -> Traditional, same length, checked to normalize back to what `text` normalizes to.

    Characters whose conversion does not come back (a Traditional form OpenCC maps to a
    different Simplified one) stay as they were; garbled mojibake runs are left alone; every
    mention of a span text gets the same characters.
    """
    from ..mojibake import find_repairs

    chars = list(convert_chars(text, variant))
    for repair in find_repairs(text):
        chars[repair.start : repair.end] = text[repair.start : repair.end]
    groups = _group_positions(text, spans)
    first: dict[tuple[str, str, int], int] = {}
    members: dict[tuple[str, str, int], list[int]] = {}
    for position in sorted(groups):
        first.setdefault(groups[position], position)
        members.setdefault(groups[position], []).append(position)
    for key, positions in members.items():
        for position in positions:
            chars[position] = chars[first[key]]
    target = normalize(text).text
    for _ in range(6):
        candidate = "".join(chars)
        normalized = normalize(candidate)
        if normalized.text == target:
            return candidate
        if len(normalized.text) != len(target):
            return text
        for index, (got, want) in enumerate(zip(normalized.text, target, strict=True)):
            if got == want:
                continue
            start, end = normalized.alignment.to_raw(index, index + 1)
            for position in range(start, end):
                for member in members.get(groups.get(position), [position]):
                    chars[member] = text[member]
    return text


# ---------------------------------------------------------------------------- punctuation


def fold_punctuation(text: str, spans: Sequence[Mapping[str, Any]], rng: random.Random,
                     density: float = 0.9) -> str:
    """Full-width `，；：！` -> ASCII outside spans, where the next character lets the normalizer fold it back."""
    inside = _inside(spans, len(text))
    chars = list(text)
    for index in range(len(chars) - 2, -1, -1):
        if chars[index] in FOLDABLE and not inside[index] and _han_like(chars[index + 1]) and rng.random() < density:
            chars[index] = FOLDABLE[chars[index]]
    return "".join(chars)


def double_punctuation(text: str, spans: Sequence[Mapping[str, Any]], rng: random.Random,
                       density: float = 0.3) -> list[Edit]:
    """Insertions that double a mark (`,,` `，,` `,、` `,。`); the normalizer's collapse keeps the original."""
    inside = _inside(spans, len(text))
    edits = []
    for index, mark in enumerate(text):
        if mark not in MARKS or inside[index] or rng.random() >= density:
            continue
        after = text[index + 1] if index + 1 < len(text) else ""
        if mark in ",;:" and not _han_like(after):
            continue  # an ASCII mark the normalizer leaves alone (`08:20`) is not punctuation noise
        before = text[index - 1] if index else ""
        if _STRENGTH[mark] < _STRENGTH["，"] and before and not before.isspace() and before not in MARKS \
                and rng.random() < 0.5:
            edits.append(Edit(index, index, ","))  # `,、` `,。`: a weaker mark before a stronger one
        elif after and not after.isspace() and after not in MARKS and _han_like(after):
            weaker = [m for m in ("，", ",", "、") if _STRENGTH[m] >= _STRENGTH[mark]]
            edits.append(Edit(index + 1, index + 1, rng.choice(weaker) if mark not in ",;:" else ","))
    return edits


# ---------------------------------------------------------------------------- glosses


@cache
def _pinyin_table() -> dict[str, str]:
    from ._pinyin import TABLE

    table = {}
    for item in TABLE.split():
        table[item[0]] = item[1:]
    for simplified, reading in list(table.items()):
        for variant in VARIANTS:
            traditional = convert_chars(simplified, variant)
            if len(traditional) == 1:
                table.setdefault(traditional, reading)
    return table


@cache
def _pypinyin():  # noqa: ANN202 - the pypinyin module or None
    try:
        import pypinyin
    except ImportError:
        return None
    return pypinyin


def pinyin_of(ch: str) -> str | None:
    """A tone-marked reading of one hanzi (pypinyin when installed, else the built-in table)."""
    module = _pypinyin()
    if module is not None and _is_han(ch):
        reading = module.pinyin(ch, style=module.Style.TONE, heteronym=False)[0][0]
        toned = any(c in "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ" for c in reading)
        if toned and reading.isalpha() and reading.islower() and len(reading) <= 7:
            return reading
        return None
    return _pinyin_table().get(ch)


def gloss_edits(text: str, spans: Sequence[Mapping[str, Any]], rng: random.Random,
                density: float = 0.08) -> list[Edit]:
    """Pinyin glosses after hanzi; inside spans decided once per (label, span text, offset)."""
    groups = _group_positions(text, spans)
    decided: dict[tuple[str, str, int], bool] = {}
    edits = []
    for index, ch in enumerate(text):
        if not _is_han(ch) or (index + 1 < len(text) and text[index + 1] in "(（"):
            continue
        reading = pinyin_of(ch)
        if reading is None:
            continue
        key = groups.get(index)
        if key is None:
            chosen = rng.random() < density
        else:
            if key not in decided:
                decided[key] = rng.random() < density
            chosen = decided[key]
        if chosen:
            edits.append(Edit(index + 1, index + 1, f"({reading})", attach=True))
    return edits


# ---------------------------------------------------------------------------- mojibake


def _gbk2(ch: str) -> bytes | None:
    if ord(ch) < 0x80:
        return None
    try:
        encoded = ch.encode("gbk")
    except UnicodeEncodeError:
        return None
    return encoded if len(encoded) == 2 else None


def _garbled_char(pair: bytes) -> str | None:
    """What a shifted byte pair shows as in the archive (full-width punctuation folded), or None if unusable."""
    try:
        ch = pair.decode("gbk")
    except UnicodeDecodeError:
        return None
    if "\uff01" <= ch <= "\uff5e":
        ascii_form = chr(ord(ch) - 0xFEE0)
        if 0x21 <= ord(ascii_form) <= 0x3F and not ascii_form.isalnum():
            ch = ascii_form
    if ch.isspace() or ch in _RUN_STOP or "\ue000" <= ch <= "\uf8ff":
        return None
    return ch


def garble(text: str, start: int, lost: int = 1, max_run: int = 16) -> tuple[int, str] | None:
    """Shifted-byte GBK corruption of text[start:end]: `?` per lost byte run, then each character made
    of one character's trail byte and the next one's lead byte, until a trail byte below 0x80 shows as
    itself and puts the decoder back in step. Returns (end, garbled) or None where no such run fits."""
    needed = [_gbk2(ch) for ch in text[start : start + lost]]
    if len(needed) < lost or None in needed:
        return None
    trail = needed[-1][1]
    out = ["?" * lost]
    if lost == 2 and trail < 0x80:  # `??h級`: the second character's trail byte resyncs at once
        return start + 2, out[0] + chr(trail)
    if trail < 0x80:
        return None
    for index in range(start + lost, min(len(text), start + lost + max_run)):
        encoded = _gbk2(text[index])
        if encoded is None:
            return None
        shown = _garbled_char(bytes((trail, encoded[0])))
        if shown is None:
            return None
        out.append(shown)
        if encoded[1] < 0x80:
            out.append(chr(encoded[1]))
            return index + 1, "".join(out)
        trail = encoded[1]
    return None


def mojibake_edits(text: str, spans: Sequence[Mapping[str, Any]], rng: random.Random, runs: int = 1,
                   attempts: int = 60) -> list[Edit]:
    """Up to `runs` garbled runs outside spans, each checked to be found and repaired exactly."""
    from ..mojibake import find_repairs

    inside = _inside(spans, len(text))
    marks = MARKS + "！？!?"
    for index, ch in enumerate(text):  # a doubled mark (`,、`) is one mark to the normalizer: keep runs whole
        if ch in marks and ((index and text[index - 1] in marks) or text[index + 1 : index + 2] in tuple(marks)):
            inside[index] = 1
    candidates = [i for i, ch in enumerate(text) if _gbk2(ch) and not inside[i]
                  and not (i and text[i - 1] in ",;:!?")]
    rng.shuffle(candidates)
    chosen: list[Edit] = []
    baseline = [(r.start, r.end, r.repaired) for r in find_repairs(text)]
    for start in candidates[:attempts]:
        if len(chosen) >= runs:
            break
        found = garble(text, start, lost=rng.choice((1, 1, 2)))
        if found is None:
            continue
        end, garbled = found
        if any(inside[start:end]) or any(e.start < end + 1 and start - 1 < e.end for e in chosen) \
                or any(s < end and start < e for s, e, _ in baseline):
            continue
        trial = [*chosen, Edit(start, end, garbled)]
        new_text, _ = apply_edits(text, [], trial)
        if _repairs_as_expected(text, new_text, trial, baseline, inside, find_repairs(new_text)):
            chosen = trial
    return chosen


def _repairs_as_expected(text: str, new_text: str, edits: list[Edit], baseline: list[tuple[int, int, str]],
                         inside: bytearray, found: list) -> bool:
    """The repairs in `new_text` are the old ones (moved) plus one per garbled run, restoring its text."""
    edits = sorted(edits, key=lambda e: e.start)

    def moved(position: int) -> int:
        return position + sum(e.delta for e in edits if e.end <= position)

    expected = {(moved(s), moved(e), repaired) for s, e, repaired in baseline}
    ours = {}
    for edit in edits:
        lost = len(edit.new) - len(edit.new.lstrip("?"))
        ours[moved(edit.start)] = ("\ufffd" * lost + text[edit.start + lost : edit.end], moved(edit.end), edit)
    for repair in found:
        if (repair.start, repair.end, repair.repaired) in expected:
            expected.discard((repair.start, repair.end, repair.repaired))
            continue
        if repair.start not in ours:
            return False
        repaired, garbled_end, edit = ours.pop(repair.start)
        tail = new_text[garbled_end : repair.end]  # the decoder may run on over ASCII that reads the same
        if repair.end < garbled_end or repair.repaired != repaired + tail or not tail.isascii() \
                or any(inside[edit.end : edit.end + len(tail)]):
            return False
    return not expected and not ours


# ---------------------------------------------------------------------------- records


def _remap_texts(record: Mapping[str, Any], old_spans: Sequence[Mapping[str, Any]], new_text: str,
                 new_spans: Sequence[Mapping[str, Any]], title_config: str | None) -> dict[str, Any]:
    """Events and officials renamed to the new span texts (first mention of each label and text)."""
    renamed: dict[tuple[str, str], str] = {}
    for old, new in zip(old_spans, new_spans, strict=True):
        key = (old["label"], record["text"][old["start"] : old["end"]])
        renamed.setdefault(key, new_text[new["start"] : new["end"]])

    def rename(label: str, value: str | None) -> str | None:
        return value if value is None else renamed.get((label, value), value)

    events = [{**event, "project": rename("PROJECT", event.get("project")), "zone": rename("ZONE", event.get("zone"))}
              for event in record.get("events", [])]
    officials = [{**official, "name": rename("OFFICIAL", official["name"]),
                  "titles": [_converter(title_config).convert(t) if title_config else t for t in official["titles"]]}
                 for official in record.get("officials", [])]
    return {"events": events, "officials": officials}


def augment_record(record: Mapping[str, Any], rng: random.Random, *, traditional: float = 0.3,
                   gloss: float = 0.25, fullwidth: float = 0.25, doubled: float = 0.3, mojibake: float = 0.25,
                   gloss_density: float = 0.08, doubled_density: float = 0.3, mojibake_runs: int = 2,
                   variants: Sequence[str] = VARIANTS) -> Record:
    """A noisy copy of `record` (spans moved, events/officials renamed, `meta.augmented` listing the noise).

    The rates are per-article probabilities of each kind of noise; the densities say how much of
    it an affected article gets. `traditional` applies to Simplified articles only.
    """
    text = record["text"]
    spans = sorted((dict(s) for s in record.get("spans", [])), key=lambda s: (s["start"], s["end"]))
    meta = dict(record.get("meta") or {})
    applied: list[str] = []
    title_config = None
    # Draw every decision up front so one kind of noise does not shift another's random stream.
    draws = {name: rng.random() for name in ("traditional", "fullwidth", "doubled", "gloss", "mojibake")}
    variant = rng.choice(list(variants)) if variants else "s2t"
    streams = {name: random.Random(rng.getrandbits(64)) for name in ("fullwidth", "doubled", "gloss", "mojibake")}
    original_spans = [dict(s) for s in spans]

    if meta.get("script", "simplified") != "traditional" and draws["traditional"] < traditional:
        converted = to_traditional(text, spans, variant)
        if converted != text:
            text, title_config = converted, variant
            meta["script"] = "traditional"
            applied.append(variant)
    if draws["fullwidth"] < fullwidth:
        folded = fold_punctuation(text, spans, streams["fullwidth"])
        if folded != text:
            text = folded
            applied.append("fullwidth")
    steps = (("doubled", doubled, double_punctuation, doubled_density),
             ("gloss", gloss, gloss_edits, gloss_density),
             ("mojibake", mojibake, mojibake_edits, mojibake_runs))
    for name, rate, make_edits, amount in steps:
        if draws[name] >= rate:
            continue
        edits = make_edits(text, spans, streams[name], amount)
        if edits:
            text, spans = apply_edits(text, spans, edits)
            applied.append(name)

    out = {key: copy.deepcopy(value) for key, value in record.items() if key not in ("text", "spans", "meta")}
    out.update({"text": text, "meta": {**meta, "augmented": applied}, "spans": spans})
    out.update(_remap_texts(record, original_spans, text, spans, title_config))
    if any("text" in s for s in spans):
        for span in out["spans"]:
            if "text" in span:
                span["text"] = text[span["start"] : span["end"]]
    return out


def augment_records(records: Iterable[Mapping[str, Any]], *, seed: int = 0, copies: int = 1,
                    keep_original: bool = False, **rates: Any) -> Iterator[Record]:
    """`copies` noisy copies of each record (ids `<id>~aug<n>`), each with its own seeded generator."""
    for record in records:
        if keep_original:
            yield dict(record)
        for number in range(1, copies + 1):
            rng = random.Random(f"{seed}:{record.get('id')}:{number}")
            augmented = augment_record(record, rng, **rates)
            augmented["id"] = f"{record.get('id')}~aug{number}"
            yield augmented


def span_texts_after_normalization(record: Mapping[str, Any]) -> list[str]:
    """Each span's text in the normalized text (what the model reads); noise-free spans compare equal."""
    normalized = normalize(record["text"])
    texts = []
    for span in sorted(record.get("spans", []), key=lambda s: (s["start"], s["end"])):
        start, end = normalized.alignment.to_normalized(span["start"], span["end"])
        texts.append(normalized.text[start:end])
    return texts
