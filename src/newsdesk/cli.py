"""The thin command line: parse arguments, call one library function, render.

Exit codes: 0 done (possibly with skipped inputs, listed); 1 a bad input stopped the run
under ``--on-error fail`` or an internal newsdesk error; 2 a missing path, a bad option,
or nothing usable at all (no output written).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from newsdesk import __version__
from newsdesk.errors import InputError, NewsdeskError
from newsdesk.wording import plural

app = typer.Typer(
    name="newsdesk",
    help="Cross-checked stories from piles of news articles: what is reported, by how many "
    "independent outlets, what rests on one source, where outlets contradict each other.",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)
PROGRESS_MIN_ARTICLES = 5  # draw a progress bar only for runs over a few articles


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsdesk {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """newsdesk command line."""


def _settings(spacy_model: str | None, embedder: str | None, embedding_model: str | None,  # type: ignore[no-untyped-def]
              workers: int = 0, precision: str | None = None):
    from dataclasses import replace

    from newsdesk.settings import Settings

    s = replace(Settings(), nlp_processes=workers)
    if spacy_model:
        s = replace(s, spacy_model=spacy_model)
    emb = s.embedder
    if embedder:
        emb = replace(emb, type=embedder)
    if embedding_model:
        emb = replace(emb, model=embedding_model)
    if precision:
        emb = replace(emb, precision=precision)
    return replace(s, embedder=emb)


def _run_with_progress(paths: list[str], settings, on_error: str, quiet: bool):  # type: ignore[no-untyped-def]
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

    from newsdesk.pipeline import analyze

    if quiet or not err.is_terminal:
        return analyze(paths, settings, on_error=on_error)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True) as bar:
        tasks: dict[str, TaskID] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if total < PROGRESS_MIN_ARTICLES:
                return
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done)

        return analyze(paths, settings, on_error=on_error, progress=progress)


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files and folders (recursively): .txt .md .html .htm .jsonl .json")],
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for report.json, brief.md, report.html")] = Path("out"),
    on_error: Annotated[str, typer.Option(help="fail: stop at the first bad input (exit 1); "
                                          "skip: record it in `skipped` and go on")] = "skip",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors on stderr")] = False,
    spacy_model: Annotated[str | None, typer.Option(help="spaCy pipeline name or path")] = None,
    embedder: Annotated[str | None, typer.Option(help="Embedder backend: sentence-transformers | hashing")] = None,
    embedding_model: Annotated[str | None, typer.Option(help="sentence-transformers model name or path")] = None,
    embedding_precision: Annotated[str | None, typer.Option(
        help="auto | float32 | bfloat16 (auto: bfloat16 where the CPU does it natively, about 2x "
             "faster; float32 for the same vectors on every machine)")] = None,
    workers: Annotated[int, typer.Option(min=0, max=64, help="spaCy parsing processes "
                                         "(0: automatic, up to 2 for runs of 24+ articles)")] = 0,
) -> None:
    """Analyze articles into cross-checked stories; writes DIR/report.json, brief.md, report.html."""
    from newsdesk.report import write_outputs
    from newsdesk.report.view import other_language

    if on_error not in ("fail", "skip"):
        err.print(f"error: --on-error must be 'fail' or 'skip', not {on_error!r}")
        raise typer.Exit(2)
    for p in paths:
        if not Path(p).exists():
            err.print(f"error: {p}: no such file or directory")
            raise typer.Exit(2)
    settings = _settings(spacy_model, embedder, embedding_model, workers, embedding_precision)
    try:
        report = _run_with_progress(paths, settings, on_error, quiet)
    except InputError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(1 if on_error == "fail" else 2) from None
    except NewsdeskError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(exc.exit_code) from None
    for s in report.skipped:
        err.print(f"skipped {s.source}: {s.reason}", markup=False)
    for a in other_language(report.articles):
        err.print(f"warning: {a.source}: written in {a.language!r}, not English; newsdesk reads English, so its "
                  "claims, names and dates are unreliable (marked in the brief)", markup=False)
    files = write_outputs(report, out_dir)
    if not quiet:
        removed = sum(len(a.removed) for a in report.articles)
        dups = sum(1 for a in report.articles if a.duplicate_of)
        out.print(f"{plural(len(report.articles), 'article')} ({dups} near-duplicates), "
                  f"{plural(len(report.stories), 'story')}, {plural(removed, 'boilerplate line')} removed, "
                  f"{plural(len(report.skipped), 'input')} skipped", markup=False)
        for f in files:
            out.print(f"wrote {f}", markup=False)


@app.command("eval")
def eval_cmd(
    suites: Annotated[list[str] | None, typer.Argument(help="Suites to run (default: all)")] = None,
    data: Annotated[Path | None, typer.Option("--data", help="Public data folder (default ../shared/data)")] = None,
    out_file: Annotated[Path | None, typer.Option("--out", help="Write the results as JSON here")] = None,
    limit: Annotated[int | None, typer.Option(help="Cap items per data set (quick runs)")] = None,
) -> None:
    """Measure every stage on public benchmarks, side by side with peer tools; checks floors."""
    from newsdesk.eval import SUITES, default_data_dir, format_table, run_suites, write_results

    names = suites or list(SUITES)
    unknown = [n for n in names if n not in SUITES]
    if unknown:
        err.print(f"error: unknown suite(s) {', '.join(unknown)}; choose from {', '.join(SUITES)}")
        raise typer.Exit(2)
    data_dir = data or default_data_dir()
    results = run_suites(names, data_dir, limit=limit, on_start=lambda n: err.print(f"running {n} ..."))
    out.print(format_table(results), markup=False, highlight=False)
    if out_file:
        write_results(results, out_file)
        out.print(f"wrote {out_file}", markup=False)


def _register_live() -> None:
    try:
        from newsdesk.cli_live import register
    except ImportError:  # the live extra's module is part of the package; guard for partial installs
        return
    register(app)


_register_live()


def main() -> None:
    try:
        app()
    except NewsdeskError as exc:  # a library error that escaped a command: say it, no traceback
        err.print(f"error: {exc}", markup=False)
        sys.exit(exc.exit_code)
