"""Throughput, load time and peak memory of the pipeline on the corpus test split.

    python benchmarks/speed.py [--model DIR] [--repeat 3]

Reports chars/s of `parse_many` in one process, side by side with `spacy.blank("zh")`
tokenization of the same texts in the same run, their ratio, the pipeline load time
(in a fresh process) and the peak RSS of that process.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _child(model: str | None, repeat: int) -> dict:
    import spacy

    started = time.perf_counter()
    import projextract

    nlp = projextract.load(model)
    load_seconds = time.perf_counter() - started
    texts = [json.loads(line)["text"] for line in (ROOT / "corpus" / "test.jsonl").read_text("utf-8").splitlines()]
    chars = sum(map(len, texts))
    list(projextract.parse_many(texts[:5], nlp=nlp))  # warm-up
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for _article in projextract.parse_many(texts, nlp=nlp):
            pass
        best = min(best, time.perf_counter() - started)
    blank = spacy.blank("zh")
    blank_best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for _doc in blank.pipe(texts):
            pass
        blank_best = min(blank_best, time.perf_counter() - started)
    return {
        "articles": len(texts), "chars": chars, "pipeline": nlp.pipe_names,
        "load_seconds": round(load_seconds, 2),
        "chars_per_second": round(chars / best), "blank_zh_chars_per_second": round(chars / blank_best),
        "ratio_to_blank": round(best / blank_best, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default=None)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(args.model, args.repeat)))
        return
    command = [sys.executable, __file__, "--child", "--repeat", str(args.repeat)]
    if args.model:
        command += ["--model", args.model]
    result = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    for key, value in result.items():
        print(f"{key:>28}: {value}")


if __name__ == "__main__":
    main()
