"""Ablation on one split, same scorer: rules only, trained ner only, and ner + rules combinations.

    python benchmarks/ablation.py training/output/base/model-best corpus/dev.jsonl
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import spacy

from projextract.corpus.build import read_jsonl
from projextract.evaluate import score_pipeline
from projextract.pipeline import build_from_config
from projextract.training import combine, summarize

ROOT = Path(__file__).resolve().parent.parent
RULE_COMPONENTS = ("projextract_money", "projextract_zones", "projextract_officials", "projextract_dates", "projextract_events")


def variant(ner_path: Path | None, labels: list[str], override: list[str], zone_check: bool = True) -> spacy.Language:
    """The rules pipeline with the entity rules restricted to `labels`, optionally after a trained ner."""
    nlp = build_from_config(ROOT / "training" / "rules.cfg")
    rules = nlp.get_pipe("projextract_entity_rules")
    rules.labels, rules.override_labels = tuple(labels), tuple(override)
    rules.require_zone_suffix = zone_check
    return combine(spacy.load(ner_path), nlp) if ner_path else nlp


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("ner", type=Path)
    parser.add_argument("gold", type=Path)
    args = parser.parse_args()
    gold = list(read_jsonl(args.gold))
    variants = {
        "rules only": variant(None, ["MONEY", "PROJECT", "OFFICIAL", "ZONE"], []),
        "ner only": variant(args.ner, [], [], zone_check=False),
        "ner + zone suffix check": variant(args.ner, [], []),
        "ner + money grammar + rule fill": variant(args.ner, ["MONEY", "PROJECT", "OFFICIAL", "ZONE"], ["MONEY"]),
        "ner + money grammar + zone fill": variant(args.ner, ["MONEY", "ZONE"], ["MONEY"]),
        "ner + money grammar + zone/official fill": variant(args.ner, ["MONEY", "ZONE", "OFFICIAL"], ["MONEY"]),
        "shipped: ner + money grammar + official fill + zone suffix check": variant(args.ner, ["MONEY", "OFFICIAL"], ["MONEY"]),
    }
    print("| variant | micro | MONEY | PROJECT | OFFICIAL | ZONE | events | named | batch | officials |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    results = {}
    for name, nlp in variants.items():
        scores = summarize(score_pipeline(gold, nlp))
        results[name] = scores
        s = scores["spans"]
        print(f"| {name} | {100 * s['micro']:.1f} | {100 * s['MONEY']:.1f} | {100 * s['PROJECT']:.1f} | "
              f"{100 * s['OFFICIAL']:.1f} | {100 * s['ZONE']:.1f} | {100 * scores['events']:.1f} | "
              f"{100 * scores['events_named']:.1f} | {100 * scores['events_batch']:.1f} | {100 * scores['officials']:.1f} |")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
