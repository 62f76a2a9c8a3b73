"""Live ingest end to end: folders, WARCs, feeds, hostile URLs, crash safety, concurrency, CLI."""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.errors import ConfigError, InputError
from newsdesk.fetch import FetchPolicy
from newsdesk.live import (
    TextOnlySteps,
    ingest_sources,
    list_stories,
    parse_interval,
    show_story,
    stop_on_signals,
    watch,
)
from newsdesk.settings import EmbedderSettings, Settings
from newsdesk.store import open_store
from test_fetch import Hostile, HostileServer

SETTINGS = Settings(embedder=EmbedderSettings(type="hashing"))
STEPS = TextOnlySteps(SETTINGS)
REPO = Path(__file__).resolve().parent.parent
POLICY = FetchPolicy(allow_private=True, min_interval_s=0.0, timeout_s=1.0, deadline_s=3.0, retries=0,
                     max_bytes=300_000)


def ingest(sources: list[str], db: str, **kw: object):  # type: ignore[no-untyped-def]
    with open_store(db) as store:
        return ingest_sources(sources, store, SETTINGS, steps=STEPS, policy=POLICY, **kw)  # type: ignore[arg-type]


def write_warc(path: Path, pages: list[tuple[str, bytes, str]]) -> Path:
    """A gzipped WARC of HTTP response records (url, body, content-type)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, body, ctype in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
    return path


def fundus_pages(data_dir: Path, n: int) -> list[tuple[str, bytes, str]]:
    files = sorted((data_dir / "fundus-evaluation" / "html").glob("*.html.gz"))[:n]
    return [(f"https://fundus.example/{f.name}", gzip.decompress(f.read_bytes()), "text/html; charset=utf-8")
            for f in files]


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = HostileServer(("127.0.0.1", 0), Hostile)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_ingesting_twice_changes_nothing(tmp_path: Path, corpus_dir: Path) -> None:
    db = str(tmp_path / "n.db")
    first = ingest([str(corpus_dir)], db)
    assert len(first.arrivals) == 5 and not first.skipped
    with open_store(db) as store:
        before = store.counts()
    again = ingest([str(corpus_dir), str(corpus_dir / "000_3e857aedc49cb5a7.txt")], db)
    assert again.arrivals == [] and again.duplicates == 6
    with open_store(db) as store:
        assert store.counts() == before and store.check_integrity() == []


def test_missing_path_and_bad_scheme_fail_up_front(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        ingest([str(tmp_path / "nope")], str(tmp_path / "x.db"))
    with pytest.raises(InputError, match="not an http"):
        ingest(["ftp://example.org/feed"], str(tmp_path / "x.db"))


def test_warc_with_charsets_and_non_html(tmp_path: Path, data_dir: Path) -> None:
    paras = [
        "Caf\u00e9 owners in Montr\u00e9al protested on Tuesday against commercial rents that, according to "
        "their association, have doubled in two years along the Rue Saint-Andr\u00e9.",
        "Jos\u00e9 Nu\u00f1ez, who has run a p\u00e2tisserie there since 1998, said eleven of his neighbours "
        "had closed since January and that landlords refused to negotiate.",
        "The city said it would publish a study of rents on the street before the end of the year and "
        "meet the association's representatives next month.",
    ]
    latin = ("<html><head><title>Caf\u00e9 owners protest</title></head><body><article>"
             + "".join(f"<p>{p}</p>" for p in paras) + "</article></body></html>").encode("latin-1")
    pages = fundus_pages(data_dir, 3) + [
        ("https://cafe.example/1", latin, "text/html; charset=iso-8859-1"),
        ("https://img.example/x.png", b"\x89PNG....", "image/png"),
        ("https://bad.example/charset", latin, "text/html; charset=no-such-codec"),
    ]
    warc = write_warc(tmp_path / "pages.warc.gz", pages)
    summary = ingest([str(warc)], str(tmp_path / "w.db"))
    titles = {a.title for a in summary.arrivals}
    assert len(summary.arrivals) >= 4 and "Caf\u00e9 owners protest" in titles
    assert any("image/png" in s.reason for s in summary.skipped)
    with open_store(str(tmp_path / "w.db")) as store:
        arts = [a for s in list_stories(store) for a in store.story_articles(s.id)[0]]
    assert any("Jos\u00e9 Nu\u00f1ez" in a.text for a in arts)
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(b"\x00garbage, not a WARC" * 10)
    empty = tmp_path / "empty.warc"
    empty.write_bytes(b"WARC/1.0\r\nnot really")
    skipped = ingest([str(broken), str(empty)], str(tmp_path / "w.db")).skipped
    assert len(skipped) == 2  # warcio is lenient: garbage reads as a WARC without responses
    assert all(s.reason.startswith(("unreadable WARC", "no HTTP response records")) for s in skipped)


def test_feed_sitemap_and_conditional_polls(tmp_path: Path, server: str) -> None:
    db = str(tmp_path / "f.db")
    first = ingest([f"{server}/feed.xml", f"{server}/sitemap.xml", f"{server}/etag"], db)
    assert len(first.arrivals) == 4 and first.duplicates == 1  # /etag serves /article/3's text
    hits = Hostile.hits.get("/article/1", 0)
    second = ingest([f"{server}/feed.xml", f"{server}/sitemap.xml"], db)
    assert second.arrivals == [] and second.duplicates == 2  # feed: 304; sitemap: known URLs
    assert Hostile.hits["/article/1"] == hits  # known article URLs are not fetched again
    with open_store(db) as store:
        assert store.validators(f"{server}/feed.xml") == ('"f1"', None)
        assert store.counts()["articles"] == 4 and store.check_integrity() == []


def test_hostile_url_list_ends_as_clear_skipped_entries(tmp_path: Path, server: str) -> None:
    paths = ["/slow", "/huge", "/bomb", "/pdf", "/loop-a", "/chain/0", "/bad-feed.xml", "/binary",
             "/garbage-html", "/bad-encoding", "/private/x", "/missing"]
    listing = tmp_path / "feeds.txt"
    listing.write_text("# hostile\n" + "".join(f"{server}{p}\n" for p in paths) + "htp://typo\n")
    t0 = time.monotonic()
    summary = ingest([str(listing)], str(tmp_path / "h.db"))
    assert time.monotonic() - t0 < 30
    assert summary.arrivals == []
    reasons = {s.source.split(server)[-1]: s.reason for s in summary.skipped}
    assert "timed out" in reasons["/slow"] and "cap" in reasons["/huge"] and "decoding" in reasons["/bomb"]
    assert "application/pdf" in reasons["/pdf"] and "loop" in reasons["/loop-a"]
    assert "malformed" in reasons["/bad-feed.xml"] and "robots" in reasons["/private/x"]
    assert any("line 14: 'htp://typo' is not an http(s) URL" in r for r in reasons.values())
    assert all(reasons.get(p) for p in ("/binary", "/garbage-html", "/bad-encoding", "/missing"))
    with open_store(str(tmp_path / "h.db")) as store:
        assert len(store.skipped()) == len(summary.skipped)


def test_loopback_refused_without_allow_private(tmp_path: Path, server: str) -> None:
    with open_store(str(tmp_path / "p.db")) as store:
        summary = ingest_sources([f"{server}/article/1"], store, SETTINGS, steps=STEPS,
                                 policy=FetchPolicy(min_interval_s=0.0))
    (skip,) = summary.skipped
    assert skip.stage == "fetch" and "non-public address 127.0.0.1" in skip.reason


def test_watch_polls_until_max_polls_and_stops_on_event(tmp_path: Path, server: str) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{server}/feed.xml\n")
    with open_store(str(tmp_path / "watch.db")) as store:
        polls = watch([str(feeds)], store, SETTINGS, every_s=0.05, max_polls=2, steps=STEPS, policy=POLICY)
        assert [len(p.arrivals) for p in polls] == [2, 0]
        stop = threading.Event()
        stop.set()
        assert len(watch([str(feeds)], store, SETTINGS, every_s=60, stop=stop, steps=STEPS, policy=POLICY)) == 1
    assert parse_interval("15m") == 900 and parse_interval("30s") == 30 and parse_interval("2") == 2
    with pytest.raises(ConfigError):
        parse_interval("soon")
    with stop_on_signals() as event:
        os.kill(os.getpid(), signal.SIGTERM)
        assert event.wait(2)


CHILD = """
import sys
from newsdesk.live import TextOnlySteps, ingest_sources
from newsdesk.settings import EmbedderSettings, Settings
from newsdesk.store import open_store
s = Settings(embedder=EmbedderSettings(type="hashing"))
with open_store(sys.argv[1]) as store:
    r = ingest_sources(sys.argv[2:], store, s, steps=TextOnlySteps(s))
print(len(r.arrivals), r.duplicates)
"""


def run_child(db: Path, source: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    return subprocess.Popen([sys.executable, "-c", CHILD, str(db), str(source)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def stored(db: Path) -> int:
    if not db.exists():
        return 0
    with open_store(str(db)) as store:
        return store.counts()["articles"]


def kill_midway(db: Path, source: Path, target: int, jitter: float) -> None:
    """SIGKILL a child once the store holds ``target`` articles, ``jitter`` s later: no
    cleanup, no rollback, at a random point inside or between transactions."""
    proc = run_child(db, source)
    deadline = time.monotonic() + 60
    while proc.poll() is None and stored(db) < target and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(jitter)
    proc.kill()
    proc.wait(timeout=30)


def test_sigkill_at_random_points_then_restart_stores_each_article_once(tmp_path: Path, data_dir: Path) -> None:
    warc = write_warc(tmp_path / "crash.warc.gz", fundus_pages(data_dir, 16))
    reference = ingest([str(warc)], str(tmp_path / "ref.db"))
    expected = len(reference.arrivals)
    db = tmp_path / "crash.db"
    rng = random.Random(7)
    partial: list[int] = []
    for _ in range(3):
        kill_midway(db, warc, stored(db) + rng.randint(1, 4), rng.uniform(0.0, 0.3))
        with open_store(str(db)) as store:
            assert store.check_integrity() == []
            partial.append(store.counts()["articles"])
    proc = run_child(db, warc)
    out, errors = proc.communicate(timeout=120)
    assert proc.returncode == 0, errors.decode()[-2000:]
    with open_store(str(db)) as store:
        assert store.counts()["articles"] == expected
        assert store.check_integrity() == []
        ids = [r[0] for r in store.run("SELECT text_hash FROM articles").fetchall()]
        assert len(ids) == len(set(ids))
        assert store.stale_stories() == []  # stories a killed run left stale were cross-checked
    assert 0 < partial[0] < expected, partial  # the first kill did land mid-run


def test_concurrent_ingest_into_one_sqlite_file(tmp_path: Path, data_dir: Path) -> None:
    warc = write_warc(tmp_path / "c.warc.gz", fundus_pages(data_dir, 8))
    db = tmp_path / "concurrent.db"
    procs = [run_child(db, warc), run_child(db, warc)]
    results = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [e.decode()[-1000:] for _, e in results]
    added = [int(out.split()[0]) for out, _ in results]
    with open_store(str(db)) as store:
        assert store.counts()["articles"] == sum(added) and store.check_integrity() == []
    assert sum(added) == len(ingest([str(warc)], str(tmp_path / "ref.db")).arrivals)


def test_cli_stories_and_show_render_like_analyze(tmp_path: Path, corpus_dir: Path) -> None:
    from typer.testing import CliRunner

    from newsdesk.cli import app
    from newsdesk.report import render_json

    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    res = runner.invoke(app, ["ingest", str(corpus_dir), "--db", db, "--text-only", "--embedder", "hashing"])
    assert res.exit_code == 0, res.output
    assert "5 new articles" in res.output
    listed = json.loads(runner.invoke(app, ["stories", "--db", db, "--format", "json"]).output)
    assert sum(s["article_count"] for s in listed) == 5
    sid = listed[0]["id"]
    shown = runner.invoke(app, ["show", sid, "--db", db, "--format", "json"])
    assert shown.exit_code == 0, shown.output
    with open_store(db) as store:
        assert json.loads(shown.output) == json.loads(render_json(show_story(store, sid)))
    assert runner.invoke(app, ["show", sid, "--db", db, "--format", "md"]).exit_code == 0
    missing = runner.invoke(app, ["show", "s-nope", "--db", db])
    assert missing.exit_code == 1 and "not in" in missing.output
    for cmd in ("ingest", "watch", "stories", "show"):
        assert runner.invoke(app, [cmd, "--help"]).exit_code == 0


def test_story_that_holds_two_events_splits_and_history_says_so(tmp_path: Path, corpus_dir: Path,
                                                                  data_dir: Path) -> None:
    """A join chain gone wrong (join threshold forced to -1: every article joins) puts a
    second, unrelated event into the example story; once both events have two articles,
    the story splits back into the two, and both histories record it."""
    import ast

    from newsdesk.store.linking import LinkSettings

    folder = data_dir / "giveme5w1h-news-cluster" / "data"
    if not folder.is_dir():
        pytest.skip("giveme5w1h-news-cluster is absent")
    by_event: dict[str, list[dict[str, str]]] = {}
    for f in sorted(folder.glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        if len(d.get("text") or "") > 500:
            cluster = d["newsCluster"]
            cluster = ast.literal_eval(cluster) if isinstance(cluster, str) else cluster
            event = str(cluster["EventId"])
            by_event.setdefault(event, []).append(d)
    event = min(e for e, docs in by_event.items() if len(docs) >= 3)
    other = tmp_path / "other"
    other.mkdir()
    for i, d in enumerate(by_event[event][:3]):
        (other / f"{i}.txt").write_text(f"{d['title']}\n\n{d['text']}", encoding="utf-8")
    settings = Settings()  # the MiniLM embedder the split threshold was measured with
    db = str(tmp_path / "split.db")
    with open_store(db) as store:
        summary = ingest_sources([str(corpus_dir), str(other)], store, settings, steps=TextOnlySteps(settings),
                                 link=LinkSettings(join_threshold=-1.0))
        stories = store.list_stories()
        assert len(summary.arrivals) == 8
        assert sorted(s.article_count for s in stories) == [3, 5], [(s.id, s.article_count) for s in stories]
        splits = [a for a in summary.arrivals if a.split]
        assert len(splits) == 1
        events = {e.event for s in stories for e in store.history(s.id)}
        assert {"split", "split-from"} <= events
        five = next(s for s in stories if s.article_count == 5)
        arts, _ = store.story_articles(five.id)
        assert {Path(a.source).parent for a in arts} == {corpus_dir}
        assert store.check_integrity() == []


def test_full_pipeline_story_grows_and_its_cross_check_follows(tmp_path: Path, corpus_dir: Path) -> None:
    """The real pipeline (spaCy, extractors, MiniLM, cross-check) in the store: four
    articles, then the fifth joins; the story's claims and contradictions are redone
    for it, and match what ``analyze`` finds in the same five articles."""
    from shutil import copy

    from newsdesk.live import PipelineSteps, ingest_document, rebuild_stale
    from newsdesk.pipeline import analyze

    settings = Settings()
    steps = PipelineSteps(settings)
    files = sorted(corpus_dir.glob("*.txt"))
    first = tmp_path / "first"
    first.mkdir()
    for f in files[:4]:
        copy(f, first / f.name)
    db = str(tmp_path / "full.db")
    with open_store(db) as store:
        batch = ingest_sources([str(first)], store, settings, steps=steps, policy=POLICY)
        assert len(batch.arrivals) == 4 and store.stale_stories() == []
        sid = batch.arrivals[-1].story_id
        before = store.get_story(sid)
        assert before.claims and len(before.article_ids) >= 3
        # the fifth, stored without its cross-check (a run killed right after the commit)
        from newsdesk.ingest import read_inputs

        (doc,), _ = read_inputs([str(files[4])], settings)
        arrival = ingest_document(store, doc, steps, rebuild=False)
        assert arrival is not None and arrival.event == "joined" and arrival.story_id == sid
        assert store.stale_stories() == [sid] and store.get_story(sid) == before
        assert rebuild_stale(store, steps) == [sid] and store.stale_stories() == []
        after = show_story(store, sid).stories[0]
        events = [h.event for h in store.history(sid)]
        _, stored = store.story_articles(sid)
    assert len(after.article_ids) == len(before.article_ids) + 1
    assert {e.article_id for g in after.claims for e in g.evidence} >= {arrival.article_id}
    assert events.count("joined") >= 1
    report = analyze([str(corpus_dir)], settings)
    whole = report.stories[0]
    assert set(whole.article_ids) == set(after.article_ids)
    # what the figures are built from survives the store: each article's counted things
    fresh = {a.article_id: a.counted for a in report.annotations}
    assert any(a.counted for a in stored) and {a.article_id: a.counted for a in stored} == fresh
    assert after.figures == whole.figures
    assert {c.kind for c in after.contradictions} == {c.kind for c in whole.contradictions}
    assert len(after.contradictions) == len(whole.contradictions)


def test_show_cross_checks_a_story_left_stale(tmp_path: Path, corpus_dir: Path) -> None:
    from newsdesk.ingest import read_inputs
    from newsdesk.live import ingest_document

    docs, _ = read_inputs([str(corpus_dir)], SETTINGS)
    with open_store(str(tmp_path / "stale.db")) as store:
        arrivals = [ingest_document(store, d, STEPS, rebuild=False) for d in docs]
        stale = store.stale_stories()
        assert stale and set(stale) == {a.story_id for a in arrivals if a}
        assert {s.id for s in list_stories(store) if s.stale} == set(stale)
        shown = show_story(store, stale[0], STEPS).stories[0]
        assert stale[0] not in store.stale_stories() and shown.article_ids
        assert not next(s for s in list_stories(store) if s.id == stale[0]).stale
