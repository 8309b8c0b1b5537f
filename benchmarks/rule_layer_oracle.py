"""Oracle evaluation of the rule layer: the rule components run on GOLD entities.

Each record becomes a Doc through the pipeline's own normalizing tokenizer with the record's gold
spans as `doc.ents` (`record_to_doc`); then the components after `projextract_entity_rules` run
(money, zones, officials, dates, events) and the result is scored with `score_records` exactly as
`projextract evaluate` scores `parse()` output. Entity errors are out of the picture: what is left
is the rule layer's own error.

    python benchmarks/rule_layer_oracle.py corpus/dev.jsonl
    python benchmarks/rule_layer_oracle.py corpus/train.jsonl corpus/dev.jsonl --errors errors.txt
    python benchmarks/rule_layer_oracle.py corpus/dev.jsonl --model projextract/model   # a saved pipeline's tables

Without `--model` the components are built fresh from `training/rules.cfg`, so they use the packaged
tables in `projextract/data` (the ones being edited).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language

ROOT = Path(__file__).resolve().parent.parent
RULE_COMPONENTS = ("projextract_money", "projextract_zones", "projextract_officials", "projextract_dates",
                   "projextract_events")


def build_nlp(model: Path | None = None) -> Language:
    from projextract.pipeline import build_from_config, load

    return load(model) if model is not None else build_from_config(ROOT / "training" / "rules.cfg")


def oracle_records(nlp: Language, records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Predicted records from the rule components run over each record's gold entities."""
    from projextract.article import article_from_doc
    from projextract.corpus.docbin import record_to_doc

    components = [nlp.get_pipe(name) for name in RULE_COMPONENTS if name in nlp.pipe_names]
    predicted = []
    for record in records:
        doc = record_to_doc(nlp, record)
        published = (record.get("meta") or {}).get("published")
        doc._.published = published
        for component in components:
            doc = component(doc)
        predicted.append(article_from_doc(doc, id=record.get("id"), published=published).to_dict())
    return predicted


def _event_row(event: dict[str, Any]) -> str:
    what = event.get("project") or f"batch×{event.get('count')}"
    return (f"{event['type']:<14} {'planned' if event.get('planned') else 'done':<7} {what} | zone={event.get('zone')} "
            f"inv={event.get('investment')} date={event.get('date')}")


def error_report(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> str:
    """Per-article differences: missed / spurious events, wrong arguments, officials and titles."""
    from projextract.evaluate import canonical, event_key, zone_key

    lines = []
    for g, p in zip(gold, predicted, strict=True):
        out = []
        unmatched = list(g.get("events", []))
        for event in p.get("events", []):
            match = next((e for e in unmatched if event_key(e) == event_key(event)), None)
            if match is None:
                out.append(f"  FP  {_event_row(event)}")
                continue
            unmatched.remove(match)
            wrong = []
            if zone_key(match.get("zone")) != zone_key(event.get("zone")):
                wrong.append(f"zone {event.get('zone')} != {match.get('zone')}")
            gi, pi = match.get("investment"), event.get("investment")
            if not ((gi is None and pi is None) or (gi is not None and pi is not None and abs(pi - gi) <= 0.005 * gi)):
                wrong.append(f"inv {pi} != {gi}")
            if match.get("date") != event.get("date"):
                wrong.append(f"date {event.get('date')} != {match.get('date')}")
            if wrong:
                out.append(f"  ARG {_event_row(match)}  <<  " + "; ".join(wrong))
        out += [f"  FN  {_event_row(e)}" for e in unmatched]
        gold_officials = {canonical(o["name"]): sorted(map(canonical, o["titles"])) for o in g.get("officials", [])}
        predicted_officials = {canonical(o["name"]): sorted(map(canonical, o["titles"])) for o in p.get("officials", [])}
        for name in sorted(set(gold_officials) | set(predicted_officials)):
            if name not in predicted_officials:
                out.append(f"  OFN {name} {gold_officials[name]}")
            elif name not in gold_officials:
                out.append(f"  OFP {name} {predicted_officials[name]}")
            elif gold_officials[name] != predicted_officials[name]:
                out.append(f"  TTL {name} {predicted_officials[name]} != {gold_officials[name]}")
        if out:
            lines.append(f"## {g.get('id')} (published {(g.get('meta') or {}).get('published')})")
            lines += out
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from projextract.corpus.build import read_jsonl
    from projextract.evaluate import format_table, score_records

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", type=Path, nargs="+", help="annotated JSONL files (scored together)")
    parser.add_argument("--model", type=Path, help="a saved pipeline (default: fresh components, packaged tables)")
    parser.add_argument("--json", type=Path, help="also write the scores as JSON here")
    parser.add_argument("--errors", type=Path, help="write per-article differences here ('-' for stdout)")
    args = parser.parse_args(argv)

    records = [record for path in args.gold for record in read_jsonl(path)]
    nlp = build_nlp(args.model)
    predicted = oracle_records(nlp, records)
    scores = score_records(records, predicted)
    print(format_table(scores))
    if args.json:
        args.json.write_text(json.dumps(scores, indent=2), "utf-8")
    if args.errors:
        report = error_report(records, predicted)
        if str(args.errors) == "-":
            sys.stdout.write(report + "\n")
        else:
            args.errors.write_text(report + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
