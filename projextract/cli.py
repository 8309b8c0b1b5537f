"""The `projextract` command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

app = typer.Typer(help="Investment-project facts from Chinese government news.", no_args_is_help=True)
corpus_app = typer.Typer(help="Work with the annotated corpus.", no_args_is_help=True)
app.add_typer(corpus_app, name="corpus")

ModelOption = typer.Option(None, "--model", "-m", help="A saved pipeline directory (default: the shipped one).")


@app.command("parse")
def parse_command(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="An article (.txt, any of UTF-8/GB18030/Big5)."),
    published: str | None = typer.Option(None, help="The article's date (YYYY-MM-DD, YYYY-MM or YYYY)."),
    model: Path | None = ModelOption,
) -> None:
    """Print one article's result as JSON."""
    from . import load, parse

    article = parse(file.read_bytes(), published=published, id=file.name, nlp=load(model))
    typer.echo(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))


@app.command("annotate")
def annotate_command(
    paths: list[Path] = typer.Argument(..., exists=True, help="Files, folders of .txt files, or JSONL records."),
    output: Path = typer.Option(..., "--output", "-o", help="JSONL file to write, one line per input."),
    model: Path | None = ModelOption,
    batch_size: int = typer.Option(32, help="Articles per nlp.pipe batch."),
    n_process: int = typer.Option(1, help="Processes for nlp.pipe."),
) -> None:
    """Annotate many articles; an article that fails is written with its error, never dropped."""
    from tqdm import tqdm

    from . import load
    from .batch import annotate, read_inputs

    nlp = load(model)
    done = failed = 0
    with open(output, "w", encoding="utf-8") as handle:
        results = annotate(read_inputs(paths), nlp=nlp, batch_size=batch_size, n_process=n_process)
        for result in tqdm(results, unit=" articles", disable=not sys.stderr.isatty()):
            handle.write(json.dumps(result, ensure_ascii=False) + "\n")
            done += 1
            failed += "error" in result
    typer.echo(f"{done} articles written to {output} ({failed} with errors)", err=True)
    if failed:
        raise typer.Exit(code=1 if failed == done else 0)


@app.command("evaluate")
def evaluate_command(
    gold: Path = typer.Argument(..., exists=True, help="Annotated JSONL (ANNOTATION.md schema)."),
    model: Path | None = ModelOption,
    output_json: Path | None = typer.Option(None, "--json", help="Also write the scores as JSON here."),
) -> None:
    """Score a pipeline on annotated articles as ANNOTATION.md's Scoring section says."""
    from . import load, parse_many
    from .corpus.build import read_jsonl
    from .evaluate import format_table, score_records

    records = list(read_jsonl(gold))
    nlp = load(model)
    items = [(r["text"], {"id": r.get("id"), "published": (r.get("meta") or {}).get("published")}) for r in records]
    predicted = [article.to_dict() for article in parse_many(items, nlp=nlp)]
    scores = score_records(records, predicted)
    typer.echo(format_table(scores))
    if output_json:
        output_json.write_text(json.dumps(scores, indent=2), "utf-8")


@app.command("train")
def train_command(
    corpus: Path = typer.Option(Path("corpus"), exists=True, file_okay=False, help="Folder with train/dev JSONL."),
    extra: list[Path] = typer.Option([], "--extra", help="More annotated JSONL articles for training (repeatable)."),
    base: str = typer.Option("none", help="'none' (from scratch), 'shipped' (fine-tune the shipped model) or a path."),
    output: Path = typer.Option(..., "--output", "-o", help="Where the trained ner and the full pipeline go."),
    config: Path | None = typer.Option(None, help="Training config (default: training/config.cfg)."),
) -> None:
    """Train the NER (from scratch or from a base), assemble the full pipeline and print its evaluation."""
    from . import parse_many
    from .corpus.build import read_jsonl
    from .evaluate import format_table, score_records
    from .pipeline import load
    from .training import train

    pipeline = train(corpus, output, extra=list(extra), base=base, config=config)
    nlp = load(pipeline)
    for split in ("dev", "test"):
        gold = list(read_jsonl(corpus / f"{split}.jsonl"))
        items = [(r["text"], {"id": r["id"], "published": r["meta"].get("published")}) for r in gold]
        typer.echo(f"== {split} ==\n" + format_table(score_records(gold, [a.to_dict() for a in parse_many(items, nlp=nlp)])))
    typer.echo(f"pipeline saved to {pipeline}")


@corpus_app.command("validate")
def corpus_validate(paths: list[Path] = typer.Argument(None, help="JSONL files (default: corpus/*.jsonl).")) -> None:
    """Check every structural rule of the standard; exit 1 on any problem."""
    from .corpus.build import read_jsonl
    from .corpus.validate import validate_records

    paths = paths or sorted(Path("corpus").glob("*.jsonl"))
    bad = 0
    for path in paths:
        report = validate_records(read_jsonl(path))
        for record_id, problems in report.items():
            for problem in problems:
                typer.echo(f"{path}: {record_id}: {problem}")
        bad += len(report)
        typer.echo(f"{path}: {'ok' if not report else f'{len(report)} invalid records'}", err=True)
    raise typer.Exit(code=1 if bad else 0)


@corpus_app.command("check")
def corpus_check(paths: list[Path] = typer.Argument(..., help="Source files or folders under corpus/src.")) -> None:
    """Compile and validate hand-written sources (corpus/AUTHORING.md)."""
    from .corpus.authoring import main

    raise typer.Exit(code=main([str(p) for p in paths]))


@corpus_app.command("build")
def corpus_build(corpus_dir: Path = typer.Option(Path("corpus"), help="The corpus folder.")) -> None:
    """Compile corpus/src into train/dev/test JSONL with the recorded split."""
    from .corpus.build import build

    counts = build(corpus_dir)
    typer.echo(", ".join(f"{name}: {count}" for name, count in counts.items()))


if __name__ == "__main__":
    app()
