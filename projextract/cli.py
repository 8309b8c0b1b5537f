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
    from . import load
    from .corpus.build import read_jsonl
    from .evaluate import format_table, score_pipeline

    scores = score_pipeline(list(read_jsonl(gold)), load(model))
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
    from .corpus.build import read_jsonl
    from .evaluate import format_table, score_pipeline
    from .pipeline import load
    from .training import train

    pipeline = train(corpus, output, extra=list(extra), base=base, config=config)
    nlp = load(pipeline)
    for split in ("dev", "test"):
        scores = score_pipeline(list(read_jsonl(corpus / f"{split}.jsonl")), nlp)
        typer.echo(f"== {split} ==\n" + format_table(scores))
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



def _corpus_fail(error: Exception) -> None:
    typer.echo(f"error: {error}", err=True)
    raise typer.Exit(code=2)


@corpus_app.command("stats")
def corpus_stats_command(
    paths: list[Path] = typer.Argument(None, help="Corpus folders or JSONL files (default: corpus/)."),
    write: bool = typer.Option(False, "--write", help="Rewrite the stats section of the data card."),
    readme: Path = typer.Option(Path("corpus/README.md"), help="The data card that --write updates."),
    output_json: Path | None = typer.Option(None, "--json", help="Also write the numbers as JSON here."),
) -> None:
    """Counts per split, label, script, province, form and event type; length; realism measures."""
    from .corpus.sources import read_splits
    from .corpus.stats import corpus_stats, format_markdown, write_readme

    splits: dict = {}
    for path in paths or [Path("corpus")]:
        for name, records in read_splits(path).items():
            splits[name if name not in splits else f"{path}:{name}"] = records
    stats = corpus_stats(splits)
    markdown = format_markdown(stats)
    typer.echo(markdown)
    if output_json:
        output_json.write_text(json.dumps(stats, ensure_ascii=False, indent=2) + "\n", "utf-8")
    if write:
        changed = write_readme(readme, markdown)
        typer.echo(f"{readme}: {'stats section rewritten' if changed else 'already up to date'}", err=True)


@corpus_app.command("convert")
def corpus_convert(
    source: Path = typer.Argument(..., exists=True, help="JSONL file or corpus folder, .spacy file, or Parquet."),
    output: Path = typer.Argument(..., help="A file (.jsonl/.spacy/.parquet) or a folder (one file per split)."),
    to: str | None = typer.Option(None, "--to", help="jsonl, spacy or parquet (default: from OUTPUT)."),
    model: Path | None = ModelOption,
) -> None:
    """Convert between JSONL, spaCy DocBin (.spacy) and Parquet (Hugging Face datasets)."""
    from .corpus.convert import convert

    try:
        written = convert(source, output, to, model=model)
    except (ValueError, FileNotFoundError) as error:
        _corpus_fail(error)
    typer.echo(", ".join(str(path) for path in written.values()), err=True)


@corpus_app.command("export")
def corpus_export(
    source: Path = typer.Argument(..., exists=True, help="JSONL file, corpus folder or inline-markup sources."),
    output: Path = typer.Option(..., "--output", "-o", help="Label Studio .json or doccano .jsonl to write."),
    kind: str | None = typer.Option(None, "--format", "-f", help="label-studio or doccano (default: by suffix)."),
    config: Path | None = typer.Option(None, help="Also write a Label Studio labeling config (XML) here."),
) -> None:
    """Export records to Label Studio JSON or doccano JSONL (events, officials and meta ride along)."""
    from .corpus.interchange import label_studio_config, write_tool_file
    from .corpus.sources import read_records

    try:
        count = write_tool_file(read_records(source), output, kind)
    except (ValueError, FileNotFoundError) as error:
        _corpus_fail(error)
    if config:
        config.write_text(label_studio_config(), "utf-8")
    typer.echo(f"{count} records written to {output}", err=True)


@corpus_app.command("import")
def corpus_import(
    source: Path = typer.Argument(..., exists=True, dir_okay=False, help="A Label Studio .json or doccano .jsonl."),
    output: Path = typer.Option(..., "--output", "-o", help="JSONL file to write (ANNOTATION.md schema)."),
    kind: str | None = typer.Option(None, "--format", "-f", help="label-studio or doccano (default: by suffix)."),
    annotation: int = typer.Option(0, help="Label Studio: which non-cancelled annotation of a task to read."),
    predictions: bool = typer.Option(False, help="Label Studio: read predictions where a task has no annotation."),
    text_key: str = typer.Option("text", help="Label Studio: the data field holding the article text."),
    utf16: bool = typer.Option(False, help="Offsets count UTF-16 units (old tool versions), not code points."),
    strict: bool = typer.Option(False, help="Also require meta (published, province, script, form)."),
) -> None:
    """Import a Label Studio or doccano export as records; report what validate.py finds."""
    from .corpus.build import write_jsonl
    from .corpus.interchange import import_problems, read_tool_file

    options = {"utf16": utf16}
    if (kind or ("label-studio" if source.suffix == ".json" else "doccano")) == "label-studio":
        options.update(text_key=text_key, annotation=annotation, use_predictions=predictions)
    try:
        records = read_tool_file(source, kind, **options)
    except (ValueError, KeyError, TypeError) as error:
        _corpus_fail(error)
    count = write_jsonl(output, records)
    report = import_problems(records, strict=strict)
    without_officials = {str(r.get("id")) for r in records if not r.get("officials")}
    errors = 0
    for record_id, problems in report.items():
        for problem in problems:
            note = record_id in without_officials and "missing from officials" in problem
            errors += not note
            typer.echo(f"{output}: {record_id}: {'note: ' if note else ''}{problem}")
    typer.echo(f"{count} records written to {output} ({len(report)} with problems)", err=True)
    raise typer.Exit(code=1 if errors else 0)


@corpus_app.command("augment")
def corpus_augment(
    source: Path = typer.Argument(..., exists=True, help="Training records (JSONL file or sources)."),
    output: Path = typer.Option(..., "--output", "-o", help="JSONL file to write the noisy copies to."),
    seed: int = typer.Option(0, help="Random seed; the same seed gives the same output."),
    copies: int = typer.Option(1, min=1, help="Noisy copies per article (ids <id>~aug<n>)."),
    keep_original: bool = typer.Option(False, help="Write each original article before its copies."),
    traditional: float = typer.Option(0.3, help="Share of Simplified articles converted to Traditional."),
    gloss: float = typer.Option(0.25, help="Share of articles given pinyin glosses."),
    fullwidth: float = typer.Option(0.25, help="Share of articles with full-width punctuation folded to ASCII."),
    doubled: float = typer.Option(0.3, help="Share of articles with doubled punctuation."),
    mojibake: float = typer.Option(0.25, help="Share of articles given shifted-byte GBK mojibake runs."),
    splits_file: Path = typer.Option(Path("corpus/splits.json"), help="Split record used to keep dev/test out."),
) -> None:
    """Write a noisy copy of training articles (offsets carried along); refuses dev/test articles."""
    from .corpus.augment import augment_records
    from .corpus.build import write_jsonl
    from .corpus.sources import read_records

    records = read_records(source)
    held_out = json.loads(splits_file.read_text("utf-8")) if splits_file.exists() else {}
    evaluation = sorted(str(r.get("id")) for r in records if held_out.get(str(r.get("id"))) in ("dev", "test"))
    if evaluation or source.stem in ("dev", "test"):
        shown = ", ".join(evaluation[:5]) or source.name
        typer.echo(f"refusing to augment dev/test gold ({shown}); augmentation is for training data only", err=True)
        raise typer.Exit(code=2)
    if output.resolve().parent == splits_file.resolve().parent and output.stem in ("train", "dev", "test"):
        typer.echo(f"refusing to overwrite the corpus split {output}", err=True)
        raise typer.Exit(code=2)
    rates = {"traditional": traditional, "gloss": gloss, "fullwidth": fullwidth, "doubled": doubled,
             "mojibake": mojibake}
    count = write_jsonl(output, augment_records(records, seed=seed, copies=copies, keep_original=keep_original,
                                                **rates))
    typer.echo(f"{count} records written to {output}", err=True)


@corpus_app.command("agree")
def corpus_agree(
    a: Path = typer.Argument(..., exists=True, help="Annotation set A (JSONL, corpus folder or sources); gold."),
    b: Path = typer.Argument(..., exists=True, help="Annotation set B of the same articles, matched by id."),
    output_json: Path | None = typer.Option(None, "--json", help="Also write scores and disagreements as JSON."),
    diff: bool = typer.Option(False, "--diff", help="List every disagreement (tab-separated)."),
) -> None:
    """Inter-annotator agreement: span P/R/F1 per label, events, officials; --diff lists what differs."""
    from .corpus.agree import agree_paths, format_agreement, format_disagreements

    scores, found = agree_paths(a, b)
    typer.echo(format_agreement(scores))
    if diff:
        typer.echo("\n" + format_disagreements(found))
    else:
        typer.echo(f"\n{len(found)} disagreements (--diff lists them)")
    if output_json:
        payload = {"scores": scores, "disagreements": [item.to_dict() for item in found]}
        output_json.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", "utf-8")

if __name__ == "__main__":
    app()
