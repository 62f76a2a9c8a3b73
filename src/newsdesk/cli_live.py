"""Thin CLI commands for live ingest: ``ingest``, ``watch``, ``stories``, ``show``.

``register(app)`` adds them to the main typer app (``newsdesk.cli`` calls it). Each
command parses options, calls one ``newsdesk.live`` function and renders the result.
"""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from newsdesk.errors import NewsdeskError
from newsdesk.store import DEFAULT_DB
from newsdesk.wording import plural

err = Console(stderr=True)
out = Console()

DbOption = Annotated[str, typer.Option("--db", help="Store: a SQLite file path (default ./newsdesk.db) "
                                                    "or a postgresql://user:pass@host/db URL")]
PrivateOption = Annotated[bool, typer.Option("--allow-private", help="Allow fetching from private, "
                                                                     "loopback and link-local addresses")]
FastOption = Annotated[bool, typer.Option("--text-only", help="Clean and embed only: no NLP extraction "
                                                              "or cross-check (fast bulk loads)")]
EmbedderOption = Annotated[str | None, typer.Option(help="Embedder backend: sentence-transformers | hashing")]
IntervalOption = Annotated[float, typer.Option("--min-interval", help="Seconds between requests to one host")]


def _settings(embedder: str | None) -> Any:
    from newsdesk.settings import Settings

    s = Settings()
    return replace(s, embedder=replace(s.embedder, type=embedder)) if embedder else s


def _ingest_kwargs(settings: Any, allow_private: bool, text_only: bool, min_interval: float) -> dict[str, Any]:
    from newsdesk.fetch import FetchPolicy
    from newsdesk.live import PipelineSteps, TextOnlySteps

    steps = TextOnlySteps(settings) if text_only else PipelineSteps(settings)
    policy = FetchPolicy(allow_private=allow_private, min_interval_s=min_interval,
                         max_bytes=settings.max_input_bytes)
    return {"steps": steps, "policy": policy}


def _echo_item(item: Any) -> None:
    from newsdesk.live import Arrival

    if isinstance(item, Arrival):
        merged = f", merged {', '.join(item.merged)}" if item.merged else ""
        merged += f", split from {', '.join(item.split)}" if item.split else ""
        out.print(f"+ {item.title or item.source} -> {item.story_id} ({item.event}{merged})",
                  markup=False, highlight=False)
    else:
        err.print(f"skipped {item.source} [{item.stage}]: {item.reason}", markup=False, highlight=False)


def _fail(exc: NewsdeskError) -> typer.Exit:
    err.print(f"error: {exc}", markup=False, highlight=False)
    return typer.Exit(exc.exit_code)


def ingest(
    sources: Annotated[list[str], typer.Argument(help="Files, folders, WARC(.gz) files, article/feed/sitemap "
                                                      "URLs, or .txt files listing URLs")],
    db: DbOption = DEFAULT_DB, allow_private: PrivateOption = False, text_only: FastOption = False,
    embedder: EmbedderOption = None, min_interval: IntervalOption = 1.0,
) -> None:
    """Add articles to the story store; each joins its story (or starts one) incrementally."""
    from newsdesk.live import ingest_sources, stop_on_signals
    from newsdesk.store import open_store

    settings = _settings(embedder)
    try:
        with open_store(db) as store, stop_on_signals() as stop:
            summary = ingest_sources(sources, store, settings, stop=stop, on_item=_echo_item,
                                     **_ingest_kwargs(settings, allow_private, text_only, min_interval))
            pending = len(store.stale_stories())
    except NewsdeskError as exc:
        raise _fail(exc) from None
    note = " (stopped early)" if summary.stopped else ""
    if pending:
        waits = "waits for its" if pending == 1 else "wait for their"
        note += f"; {plural(pending, 'story')} {waits} cross-check (the next ingest or `show` does it)"
    out.print(f"{plural(len(summary.arrivals), 'new article')}, {summary.duplicates} already stored, "
              f"{len(summary.skipped)} skipped, {plural(len(summary.changed_stories), 'story')} changed{note}",
              markup=False)


def watch(
    feeds: Annotated[Path, typer.Argument(help="Text file listing feed, sitemap or article URLs, one a line")],
    every: Annotated[str, typer.Option(help="Poll interval: 30s, 15m, 1h")] = "15m",
    max_polls: Annotated[int | None, typer.Option(help="Stop after N polls (default: until Ctrl-C / SIGTERM)")] = None,
    db: DbOption = DEFAULT_DB, allow_private: PrivateOption = False, text_only: FastOption = False,
    embedder: EmbedderOption = None, min_interval: IntervalOption = 1.0,
) -> None:
    """Poll feeds until stopped; prints new articles and the stories they changed."""
    from newsdesk.live import IngestSummary, parse_interval, stop_on_signals
    from newsdesk.live import watch as watch_feeds
    from newsdesk.store import open_store

    def on_poll(n: int, summary: IngestSummary) -> None:
        changed = ", ".join(summary.changed_stories) or "none"
        out.print(f"poll {n}: {len(summary.arrivals)} new, {summary.duplicates} known, "
                  f"{len(summary.skipped)} skipped; stories changed: {changed}", markup=False, highlight=False)

    settings = _settings(embedder)
    try:
        interval = parse_interval(every)
        with open_store(db) as store, stop_on_signals() as stop:
            watch_feeds([str(feeds)], store, settings, every_s=interval, max_polls=max_polls, stop=stop,
                        on_poll=on_poll, on_item=_echo_item,
                        **_ingest_kwargs(settings, allow_private, text_only, min_interval))
    except NewsdeskError as exc:
        raise _fail(exc) from None


def stories(
    db: DbOption = DEFAULT_DB,
    format: Annotated[str, typer.Option("--format", help="table | json")] = "table",
    limit: Annotated[int | None, typer.Option(help="Show at most N stories")] = None,
) -> None:
    """List stored stories: id, headline, articles, outlets, last update, claims, contradictions."""
    from newsdesk.live import list_stories
    from newsdesk.store import open_store

    if format not in ("table", "json"):
        err.print(f"error: --format must be table or json, not {format!r}")
        raise typer.Exit(2)
    try:
        with open_store(db) as store:
            rows = list_stories(store, limit)
    except NewsdeskError as exc:
        raise _fail(exc) from None
    if format == "json":
        typer.echo(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2))
        return
    table = Table("id", "headline", "articles", "outlets", "updated", "claims", "contradictions")
    for r in rows:
        checked = " (stale)" if r.stale else ""
        table.add_row(r.id, r.headline[:70], str(r.article_count), ", ".join(r.outlets[:4]), r.updated_at[:19],
                      f"{r.claims}{checked}", f"{r.contradictions}{checked}")
    out.print(table)


def show(
    story_id: Annotated[str, typer.Argument(help="Story id (see `newsdesk stories`)")],
    db: DbOption = DEFAULT_DB,
    format: Annotated[str, typer.Option("--format", help="md | json | html")] = "md",
    out_file: Annotated[Path | None, typer.Option("--out", help="Write to this file instead of stdout")] = None,
) -> None:
    """Render one stored story exactly as `analyze` reports it (Markdown, JSON or HTML)."""
    from newsdesk.live import show_story
    from newsdesk.report import render_html, render_json, render_markdown
    from newsdesk.store import open_store

    renderers = {"md": render_markdown, "json": render_json, "html": render_html}
    if format not in renderers:
        err.print(f"error: --format must be md, json or html, not {format!r}")
        raise typer.Exit(2)
    try:
        with open_store(db) as store:
            text = renderers[format](show_story(store, story_id))
    except NewsdeskError as exc:
        raise _fail(exc) from None
    if out_file:
        from newsdesk.report.writer import write_atomic

        write_atomic(out_file, text)
        out.print(f"wrote {out_file}", markup=False)
    else:
        typer.echo(text)


def register(app: typer.Typer) -> None:
    """Add ``ingest``, ``watch``, ``stories`` and ``show`` to ``app``."""
    app.command("ingest")(ingest)
    app.command("watch")(watch)
    app.command("stories")(stories)
    app.command("show")(show)
