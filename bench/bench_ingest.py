"""Benchmark live ingest: a WARC of >= 1,000 real HTML pages into the story store.

Usage: python bench/bench_ingest.py [--pages 1070] [--steps full|text-only] [--no-postgres] [--out FILE]

1. Builds a gzipped WARC from fundus-evaluation + trafilatura-eval HTML (../shared/data)
   in a temp dir and reads its pages (reported apart, as is model loading).
2. Ingests them into SQLite the way ``newsdesk ingest`` does: each article analysed
   (full pipeline: clean, spaCy, extractors, embedding), linked to its story and
   committed on arrival; the stories touched are cross-checked once per 50 arrivals and
   at the end. Reports articles/s, time in analysis and cross-check, store-side
   articles/s (lookup + link + commit), store size, claims and contradictions.
3. The same into PostgreSQL when NEWSDESK_TEST_PG_URL (or NEWSDESK_BENCH_PG_URL) is set
   (same code path, analysed afresh).
4. Join latency: with 100 and with 1,000 articles stored, nine probe articles (updates
   of the same early articles: same lead, one new paragraph) join their story and the
   story is cross-checked again; median time in all, on the store side, and of the
   candidate-story lookup (the only step that sees the whole store: it must not grow).
   The rest of the store side (loading and saving the joined story) follows the size of
   that story, not of the store. The lookup alone is also timed for the same 100 stored
   articles at 100, 250, 500 and 1,000 stored: only the store size changes there.
Prints a table and writes JSON (default bench/results/ingest.json).
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from newsdesk.fetch.warc import WarcPage, iter_warc
from newsdesk.ingest import read_html
from newsdesk.live import ArticleSteps, PipelineSteps, TextOnlySteps, ingest_document, rebuild_stale
from newsdesk.model import Article, ArticleAnnotations, RawDocument, Story, content_hash
from newsdesk.settings import EmbedderSettings, Settings
from newsdesk.store import Store, WriteTx, open_store

DATA = Path(os.environ.get("NEWSDESK_SHARED", Path(__file__).resolve().parents[2] / "shared")) / "data"
PROBES = 9  # probe articles per checkpoint (the median is reported)
PG_TABLES = ("articles", "stories", "story_entities", "story_history", "url_state", "skipped", "schema_version")


def html_pages(limit: int) -> list[tuple[str, bytes]]:
    """(url, html bytes): the 80 fundus pages first, then trafilatura-eval pages."""
    pages: list[tuple[str, bytes]] = []
    for f in sorted((DATA / "fundus-evaluation" / "html").glob("*.html.gz")):
        pages.append((f"https://fundus.example/{f.name[:-3]}", gzip.decompress(f.read_bytes())))
    tra = DATA / "trafilatura-eval"
    evaldata = json.loads((tra / "evaldata.json").read_text(encoding="utf-8"))
    for url, item in evaldata.items():
        path = tra / "cache" / (item["file"] + ".gz")
        path = path if path.exists() else tra / "eval" / (item["file"] + ".gz")
        if path.exists():
            pages.append((url, gzip.decompress(path.read_bytes())))
    return pages[:limit]


def write_warc(path: Path, pages: Sequence[tuple[str, bytes]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


@dataclass
class TimedSteps:
    """Wraps steps: times analysis (prepare + embed) apart from the store-side work, and
    caches analysed articles so a second backend replays them without re-analysis."""

    inner: ArticleSteps
    analysis_s: float = 0.0
    crosscheck_s: float = 0.0
    cache: dict[str, tuple[Article, ArticleAnnotations]] = field(default_factory=dict)
    vectors: dict[str, np.ndarray] = field(default_factory=dict)

    def prepare(self, doc: RawDocument) -> tuple[Article, ArticleAnnotations]:
        key = content_hash(doc.source, doc.text)
        if key not in self.cache:
            t0 = time.perf_counter()
            art, ann = self.inner.prepare(doc)
            self.cache[key] = (art, ann)
            self.vectors[art.id] = self.inner.embed(art)
            self.analysis_s += time.perf_counter() - t0
        return self.cache[key]

    def embed(self, article: Article) -> np.ndarray:
        if article.id not in self.vectors:
            t0 = time.perf_counter()
            self.vectors[article.id] = self.inner.embed(article)
            self.analysis_s += time.perf_counter() - t0
        return self.vectors[article.id]

    def build_story(self, story_id: str, articles: Sequence[Article], annotations: Sequence[ArticleAnnotations],
                    embeddings: np.ndarray) -> Story:
        t0 = time.perf_counter()
        story = self.inner.build_story(story_id, articles, annotations, embeddings)
        self.crosscheck_s += time.perf_counter() - t0
        return story


def documents(warc: Path, max_bytes: int) -> Iterator[RawDocument | None]:
    """RawDocuments of the WARC's pages (None for a page with no extractable text)."""
    from newsdesk.errors import InputError

    for page in iter_warc(warc, max_bytes):
        if not isinstance(page, WarcPage):
            yield None
            continue
        try:
            yield read_html(page.body, page.url, url=page.url)
        except InputError:
            yield None


def probe(store: Store, n: int, tag: int, offset: int) -> list[RawDocument]:
    """New articles that belong to stored stories: a stored article's lead, one new
    paragraph, and the rest of its text less the last paragraph (a typical update).
    They update ``n`` of the first 100 articles stored, whatever the store size (every
    11th from ``offset``; each checkpoint its own offset, so no probe lands in a story an
    earlier probe grew): join times at 100 and at 1,000 stored articles compare stories
    of the same kind, only the store around them grew. ``tag`` makes the content new."""
    rows = store.run("SELECT body FROM articles ORDER BY ingested_at, id LIMIT 100").fetchall()
    from newsdesk.store import codec

    arts = [codec.loads(Article, r[0]) for r in rows]
    picked = [arts[(offset + 11 * i) % len(arts)] for i in range(n)]
    docs = []
    for i, a in enumerate(picked):
        paras = [p for p in a.text.split("\n") if p.strip()]
        update = f"Update {tag}-{i}: officials released more details on Tuesday, a spokesperson said."
        text = "\n".join(paras[:1] + [update] + paras[1:-1] if len(paras) > 2 else paras + [update])
        docs.append(RawDocument(source=f"probe-{tag}-{i}", text=text, url=f"https://probe.example/{tag}/{i}",
                                title=(a.title or "") + " (update)", outlet="probe.example"))
    return docs


def time_joins(store: Store, steps: TimedSteps, docs: Sequence[RawDocument]) -> dict[str, Any]:
    """Median seconds for a probe to join its story and have the story cross-checked
    again: in all, and split into analysis (prepare + embed), the story's cross-check,
    and the store side (candidate lookup + link + commit)."""
    rebuild_stale(store, steps)  # nothing pending from the bulk load
    totals, analysis, crosscheck, store_side, lookup, joined = [], [], [], [], [], 0
    for doc in docs:
        a0, c0, l0 = steps.analysis_s, steps.crosscheck_s, LOOKUP["s"]
        t0 = time.perf_counter()
        arrival = ingest_document(store, doc, steps)
        total = time.perf_counter() - t0
        totals.append(total)
        analysis.append(steps.analysis_s - a0)
        crosscheck.append(steps.crosscheck_s - c0)
        store_side.append(total - analysis[-1] - crosscheck[-1])
        lookup.append(LOOKUP["s"] - l0)
        joined += int(arrival is not None and arrival.event == "joined")
    med = statistics.median
    return {"probes": len(docs), "joined": joined, "median_total_s": med(totals), "median_analysis_s": med(analysis),
            "median_crosscheck_s": med(crosscheck), "median_store_side_s": med(store_side),
            "median_lookup_s": med(lookup)}


LOOKUP = {"s": 0.0}  # seconds spent finding candidate stories (the part that could grow with the store)


def _time_lookups() -> None:
    original = WriteTx.candidate_stories

    def timed(self: WriteTx, *args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return original(self, *args, **kwargs)
        finally:
            LOOKUP["s"] += time.perf_counter() - t0

    timed.__wrapped__ = original  # type: ignore[attr-defined]
    WriteTx.candidate_stories = timed  # type: ignore[method-assign]


def _probe(store: Store, steps: TimedSteps, n: int, out: dict[str, Any], spent: dict[str, float]) -> None:
    """Join probes at ``n`` stored articles; their time is kept out of the bulk figures."""
    t0, a0, c0 = time.perf_counter(), steps.analysis_s, steps.crosscheck_s
    out["joins"][str(n)] = time_joins(store, steps, probe(store, PROBES, n, offset=len(out["joins"])))
    spent["wall"] += time.perf_counter() - t0
    spent["analysis"] += steps.analysis_s - a0
    spent["crosscheck"] += steps.crosscheck_s - c0


LOOKUP_CHECKPOINTS = (100, 250, 500, 1000)


def lookups(store: Store) -> dict[str, float]:
    """The candidate-story lookup alone, for the first 100 stored articles as if each
    arrived again (its embedding and entity keys): median ms and mean candidates found.
    The same 100 queries at every checkpoint, so only the store size changes."""
    from newsdesk.store.linking import LinkSettings
    from newsdesk.store.sql import _vec

    link = LinkSettings()
    rows = store.run("SELECT embedding, entity_keys FROM articles ORDER BY ingested_at, id LIMIT 100").fetchall()
    times, found = [], []
    for blob, keys in rows:
        with store.write() as tx:
            t0 = time.perf_counter()
            cands = WriteTx.candidate_stories.__wrapped__(  # type: ignore[attr-defined]
                tx, _vec(blob), json.loads(keys), link.candidates_by_embedding, link.candidates_by_entities,
                link.candidates_recent)
            times.append(time.perf_counter() - t0)
            found.append(len(cands))
    return {"queries": len(rows), "median_ms": 1000 * statistics.median(times),
            "mean_candidates": statistics.fmean(found)}


def store_size(store: Store, db: str) -> int:
    if store.backend.name == "sqlite":
        store.run("PRAGMA wal_checkpoint(TRUNCATE)")
        return sum(p.stat().st_size for p in Path(db).parent.glob(Path(db).name + "*"))
    tables = ",".join(f"'{t}'" for t in PG_TABLES)
    row = store.run(f"SELECT SUM(pg_total_relation_size(c.oid)) FROM pg_class c WHERE c.relname IN ({tables})")
    return int(row.fetchone()[0] or 0)


def bulk(db: str, docs: Sequence[RawDocument | None], steps: TimedSteps, checkpoints: Sequence[int],
         rebuild_every: int = 50) -> dict[str, Any]:
    """Ingest ``docs`` in order as ``newsdesk ingest`` does (each article linked and
    committed on arrival, the touched stories cross-checked once per ``rebuild_every``
    arrivals and at the end); probe join latency at each checkpoint."""
    out: dict[str, Any] = {"backend": "postgresql" if db.startswith("postgres") else "sqlite", "joins": {}}
    stored = since = 0
    spent = {"wall": 0.0, "analysis": 0.0, "crosscheck": 0.0}
    a0, c0 = steps.analysis_s, steps.crosscheck_s
    t0 = time.perf_counter()
    with open_store(db) as store:
        for doc in docs:
            if doc is None:
                continue
            try:
                new = ingest_document(store, doc, steps, rebuild=False) is not None
            except Exception as exc:  # noqa: BLE001 - a benchmark counts failures instead of stopping
                out.setdefault("errors", []).append(f"{doc.source}: {type(exc).__name__}: {exc}"[:200])
                continue
            stored += new
            since += new
            if since >= rebuild_every:
                rebuild_stale(store, steps)
                since = 0
            if new and stored in LOOKUP_CHECKPOINTS:
                tl = time.perf_counter()
                out.setdefault("lookups", {})[str(stored)] = lookups(store)
                spent["wall"] += time.perf_counter() - tl
            if new and stored in checkpoints:
                _probe(store, steps, stored, out, spent)
        rebuild_stale(store, steps)
        if stored < max(checkpoints):  # fewer usable pages than the last checkpoint: probe at the end
            _probe(store, steps, stored, out, spent)
        wall = time.perf_counter() - t0 - spent["wall"]
        analysis = steps.analysis_s - a0 - spent["analysis"]
        crosscheck = steps.crosscheck_s - c0 - spent["crosscheck"]
        stories = store.list_stories()
        out.update(articles=store.counts()["articles"], stories=len(stories), ingested=stored,
                   claims=sum(s.claims for s in stories), contradictions=sum(s.contradictions for s in stories),
                   wall_s=wall, analysis_s=analysis, crosscheck_s=crosscheck, size_bytes=store_size(store, db),
                   integrity=store.check_integrity() or "ok", stale=len(store.stale_stories()))
    out["articles_per_s"] = stored / wall if wall else 0.0
    out["store_side_articles_per_s"] = stored / max(wall - analysis - crosscheck, 1e-9)
    return out


def reset_pg(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        for t in PG_TABLES:
            conn.execute(f"DROP TABLE IF EXISTS {t} CASCADE")


def table(result: dict[str, Any]) -> str:
    lines = [f"{'run':<30} {'articles':>8} {'art/s':>6} {'analysis s':>10} {'xcheck s':>8} {'store art/s':>11} "
             f"{'size MB':>7} {'join ms (lookup / store / all) @n':>34} {'join ms (lookup / store / all) @n':>34}"]
    for run in result["bulk"]:
        j = run["joins"]
        keys = sorted(j, key=int)
        picked = [keys[0] if keys else None, keys[-1] if len(keys) > 1 else None]
        cells = [f"{1000 * j[v]['median_lookup_s']:.1f} / {1000 * j[v]['median_store_side_s']:.1f} / "
                 f"{1000 * j[v]['median_total_s']:.0f} @{v}" if v else "-" for v in picked]
        label = f"{run['backend']} ({result['steps']})"
        lines.append(f"{label:<30} {run['ingested']:>8} {run['articles_per_s']:>6.2f} {run['analysis_s']:>10.1f} "
                     f"{run['crosscheck_s']:>8.1f} {run['store_side_articles_per_s']:>11.1f} "
                     f"{run['size_bytes'] / 1e6:>7.1f} {cells[0]:>34} {cells[1]:>34}")
    for run in result["bulk"]:
        cells = ", ".join(f"{v['median_ms']:.1f} ms / {v['mean_candidates']:.0f} candidates @{k}"
                          for k, v in sorted(run.get("lookups", {}).items(), key=lambda kv: int(kv[0])))
        lines.append(f"{run['backend']} lookup of the same 100 articles: {cells}")
    return "\n".join(lines)


def _limit_threads(n: int) -> None:
    try:
        import torch
    except ImportError:
        return
    torch.set_num_threads(n)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=1070, help="HTML pages in the WARC (1,070 available)")
    ap.add_argument("--steps", choices=("full", "text-only"), default="full",
                    help="full: the real per-article pipeline and story cross-checks (as `newsdesk ingest`); "
                         "text-only: clean + embed + link (as `newsdesk ingest --text-only`)")
    ap.add_argument("--threads", type=int, default=0, help="torch threads (0: torch default)")
    ap.add_argument("--embedder", default="sentence-transformers", help="sentence-transformers | hashing")
    ap.add_argument("--no-postgres", action="store_true", help="SQLite only, even when a PostgreSQL URL is set")
    ap.add_argument("--keep-db", type=Path, default=None, help="copy the SQLite store here when done")
    ap.add_argument("--out", type=Path, default=Path("bench/results/ingest.json"))
    a = ap.parse_args()
    if not DATA.is_dir():
        print(f"public data {DATA} is absent; nothing to measure")
        return 0
    if a.threads:
        _limit_threads(a.threads)
    _time_lookups()
    settings = replace(Settings(), embedder=EmbedderSettings(type=a.embedder))
    pages = html_pages(a.pages)
    started = time.perf_counter()
    result: dict[str, Any] = {"pages": len(pages), "steps": a.steps, "embedder": a.embedder,
                              "cpus": os.cpu_count(), "bulk": []}
    inner: ArticleSteps = PipelineSteps(settings) if a.steps == "full" else TextOnlySteps(settings)
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        t0 = time.perf_counter()
        write_warc(tmp / "pages.warc.gz", pages)
        result["warc_bytes"] = (tmp / "pages.warc.gz").stat().st_size
        docs = list(documents(tmp / "pages.warc.gz", settings.max_input_bytes))
        result["read_html_s"] = time.perf_counter() - t0
        result["html_with_text"] = sum(d is not None for d in docs)
        t0 = time.perf_counter()
        usable = [d for d in docs if d is not None]
        if usable:  # loads spaCy and the embedder: reported apart
            inner.embed(inner.prepare(usable[0])[0])
        result["model_load_s"] = time.perf_counter() - t0
        steps = TimedSteps(inner)
        result["bulk"].append(bulk(str(tmp / "bench.db"), docs, steps, (100, 1000)))
        first = result["bulk"][0]
        first["end_to_end_articles_per_s"] = first["ingested"] / (first["wall_s"] + result["read_html_s"])
        if a.keep_db:
            import shutil

            shutil.copy(tmp / "bench.db", a.keep_db)
        pg = os.environ.get("NEWSDESK_BENCH_PG_URL") or os.environ.get("NEWSDESK_TEST_PG_URL")
        if pg and not a.no_postgres:  # the same pages through the same code, analysed afresh
            reset_pg(pg)
            fresh = PipelineSteps(settings) if a.steps == "full" else TextOnlySteps(settings)
            result["bulk"].append(bulk(pg, docs, TimedSteps(fresh), (100, 1000)))
    result["total_wall_s"] = time.perf_counter() - started
    import resource

    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(table(result))
    print(f"total {result['total_wall_s']:.0f} s, peak RSS {result['peak_rss_mb']:.0f} MB")
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
