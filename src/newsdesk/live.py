"""Follow stories live: ingest sources into a persistent store, one article at a time.

Each new article is cleaned and annotated on its own (``newsdesk.pipeline`` steps),
linked to a stored story by centroid + entity overlap (``newsdesk.store.linking``) or
starts a new one, and only that story is cross-checked again. The article, its
annotations, the story update and any merge or split are committed in one transaction:
a run killed at any point and restarted stores every article once. A batch (``ingest``,
one ``watch`` poll) marks the stories it touched stale and cross-checks each of them
once, every 50 arrivals and at the end; a stale story left by a killed run is done by
the next ingest or by ``show``.
Re-ingesting the same URL or the same text changes nothing.
"""

from __future__ import annotations

import re
import signal
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

import numpy as np

from newsdesk import __version__
from newsdesk.errors import ConfigError, InputError, ModelUnavailable
from newsdesk.model import Article, ArticleAnnotations, RawDocument, Report, Skipped, Story, content_hash
from newsdesk.settings import Settings
from newsdesk.store import Store, StoredArticle, StorySummary, WriteTx
from newsdesk.store.linking import LinkDecision, LinkSettings, decide, decide_split, entity_keys


class ArticleSteps(Protocol):
    """The per-article analysis live ingest runs (swap in a lighter one for bulk loads)."""

    def prepare(self, doc: RawDocument) -> tuple[Article, ArticleAnnotations]: ...

    def embed(self, article: Article) -> np.ndarray: ...

    def build_story(self, story_id: str, articles: Sequence[Article],
                    annotations: Sequence[ArticleAnnotations], embeddings: np.ndarray) -> Story: ...


class PipelineSteps:
    """The same steps ``analyze`` runs, applied to one article / one story."""

    def __init__(self, settings: Settings, keep_parses: int = 64) -> None:
        self.settings = settings
        # the parses of the latest articles, which the batch's story cross-checks reuse
        # (a batch is 50 arrivals; a parse of a long article holds megabytes, so few are kept)
        self._docs: OrderedDict[str, Any] = OrderedDict()
        self._keep = keep_parses

    def prepare(self, doc: RawDocument) -> tuple[Article, ArticleAnnotations]:
        from newsdesk.pipeline import clean_documents, parse_and_annotate

        articles, _ = clean_documents([doc], self.settings, on_error="fail")
        arts, annotations, _, docs = parse_and_annotate(articles, self.settings)
        self._docs.update(docs)
        while len(self._docs) > self._keep:
            self._docs.popitem(last=False)
        return arts[0], annotations[arts[0].id]

    def embed(self, article: Article) -> np.ndarray:
        from newsdesk.embed import get_embedder
        from newsdesk.stories import embed_articles

        return np.asarray(embed_articles([article], get_embedder(self.settings.embedder))[0], dtype=np.float32)

    def build_story(self, story_id: str, articles: Sequence[Article],
                    annotations: Sequence[ArticleAnnotations], embeddings: np.ndarray) -> Story:
        from newsdesk.extract.entities import canonicalize_entities
        from newsdesk.pipeline import build_story

        entities = canonicalize_entities(articles, {a.article_id: a.mentions for a in annotations})
        story = build_story(
            [a.id for a in articles], {a.id: a for a in articles}, entities,
            {a.article_id: a for a in annotations}, {a.id: e for a, e in zip(articles, embeddings, strict=True)},
            self.settings, docs={a.id: self._docs[a.id] for a in articles if a.id in self._docs},
        )
        return replace(story, id=story_id)


class TextOnlySteps(PipelineSteps):
    """Clean + embed only: no NLP, no cross-check (tests and fast bulk loads)."""

    def prepare(self, doc: RawDocument) -> tuple[Article, ArticleAnnotations]:
        from newsdesk.clean import clean_document

        article = clean_document(doc, self.settings)
        return article, ArticleAnnotations(article.id)

    def build_story(self, story_id: str, articles: Sequence[Article],
                    annotations: Sequence[ArticleAnnotations], embeddings: np.ndarray) -> Story:
        from newsdesk.stories import headline_for

        ids = [a.id for a in articles]
        emb = embeddings if len(embeddings) == len(articles) else None
        return Story(story_id, headline_for(ids, articles, emb), tuple(sorted(ids)))


@dataclass(frozen=True)
class Arrival:
    """One stored article and what it did to the stories."""

    article_id: str
    source: str
    title: str | None
    story_id: str
    event: str  # "created" | "joined"
    score: float
    merged: tuple[str, ...] = ()
    split: tuple[str, ...] = ()  # the other side of a split this arrival caused (history: split / split-from)


@dataclass
class IngestSummary:
    arrivals: list[Arrival] = field(default_factory=list)
    duplicates: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    stopped: bool = False

    @property
    def changed_stories(self) -> list[str]:
        """Stories that gained articles, absorbed others or split, in first-change order."""
        return list(dict.fromkeys(s for a in self.arrivals for s in (a.story_id, *a.split)))


def ingest_document(store: Store, doc: RawDocument, steps: ArticleSteps,
                    link: LinkSettings | None = None, *, rebuild: bool = True) -> Arrival | None:
    """Store one document and update its story; None when it is already stored.

    ``rebuild=False`` links and stores the article but only marks the stories it touched
    stale: ``rebuild_stale`` cross-checks each of them once for a whole batch."""
    link = link or LinkSettings()
    raw_hash = content_hash(doc.text, length=32)
    if store.find_article(url=doc.url, raw_hash=raw_hash):
        return None
    article, annotations = steps.prepare(doc)
    text_hash = content_hash(article.text, length=32)
    if store.find_article(text_hash=text_hash, article_id=article.id):
        return None
    row = StoredArticle(article, annotations, text_hash, raw_hash, steps.embed(article), entity_keys(annotations))
    with store.write() as tx:
        if tx.find_article(url=article.url, text_hash=text_hash, article_id=article.id):
            return None  # another writer stored it while we were analysing
        candidates = tx.candidate_stories(row.embedding, row.entity_keys, link.candidates_by_embedding,
                                          link.candidates_by_entities, link.candidates_recent)
        decision = decide(row.embedding, row.entity_keys, candidates, link)
        story_id = _link(tx, row, decision)
        touched = [story_id]
        split = _split(tx, story_id, article.id, link)
        if split is not None:
            new_id, moved = split
            touched.append(new_id)
            if article.id in moved:  # the new article left with the split-off part
                story_id = new_id
        for sid in touched:
            if rebuild:
                _rebuild(tx, sid, steps)
            else:
                tx.mark_stale(sid)
    return Arrival(article.id, article.source, article.title, story_id,
                   "joined" if decision.story_id else "created", decision.score,
                   tuple(m for m, _ in decision.merge), tuple(t for t in touched if t != story_id))


def _rebuild(tx: WriteTx, story_id: str, steps: ArticleSteps) -> None:
    articles, anns = tx.story_articles(story_id)
    tx.save_story(steps.build_story(story_id, articles, anns, tx.story_embeddings(story_id)))


def rebuild_stale(store: Store, steps: ArticleSteps, stop: threading.Event | None = None,
                  story_ids: Sequence[str] | None = None) -> list[str]:
    """Cross-check again every stale story (or those of ``story_ids`` that are stale), one
    write transaction each; returns the ids done. Stops early when ``stop`` is set: what
    is left stays stale, and the next ingest (or ``show``) does it."""
    done: list[str] = []
    for sid in store.stale_stories() if story_ids is None else story_ids:
        if stop is not None and stop.is_set():
            break
        with store.write() as tx:
            if tx.is_stale(sid):  # another writer may have done it, or merged the story away
                _rebuild(tx, sid, steps)
                done.append(sid)
    return done


def _split(tx: WriteTx, story_id: str, article_id: str, link: LinkSettings) -> tuple[str, tuple[str, ...]] | None:
    """Split ``story_id`` when it no longer holds together: (new story id, the article ids
    moved into it), or None when it stays whole."""
    ids, vectors = tx.story_vectors(story_id)
    found = decide_split(ids, vectors, link)
    if found is None:
        return None
    moved, score = found
    new_id = "s" + content_hash(*moved, length=15)
    tx.split_story(story_id, new_id, moved, article_id, score)
    return new_id, moved


def _link(tx: WriteTx, row: StoredArticle, decision: LinkDecision) -> str:
    """Apply a link decision inside the transaction; returns the article's story id."""
    story_id = decision.story_id or "s" + content_hash(row.article.id, length=15)
    if decision.story_id is None:
        tx.create_story(story_id, row)
    for other, score in decision.merge:
        tx.merge_stories(story_id, other, row.article.id, score)
    tx.insert_article(row, story_id)
    tx.add_to_story(story_id, row, decision.score if decision.story_id else None)
    return story_id


def ingest_sources(
    sources: Sequence[str], store: Store, settings: Settings | None = None, *,
    steps: ArticleSteps | None = None, policy: Any = None, link: LinkSettings | None = None,
    stop: threading.Event | None = None, on_item: Callable[[Arrival | Skipped], None] | None = None,
    rebuild_every: int = 50,
) -> IngestSummary:
    """Ingest every SOURCE (paths, WARCs, URLs, feeds, sitemaps, URL lists) into ``store``.

    Each article is linked to its story and committed on arrival; the stories it touched
    are cross-checked again once per ``rebuild_every`` arrivals and at the end (a story
    that gains 40 articles in one batch is cross-checked once, not 40 times).

    Bad inputs become ``Skipped`` entries (kept in the summary and the store); a missing
    path raises InputError before anything is stored. ``stop`` set (e.g. by SIGTERM)
    ends the run after the current article. ``policy`` is a ``FetchPolicy``.
    """
    try:
        from newsdesk.fetch import FeedState, Fetcher, FetchPolicy, Known, SourceReader
    except ImportError as exc:
        raise ModelUnavailable("live ingest", "pip install 'newsdesk[live]' (httpx, feedparser, warcio)") from exc

    settings = settings or Settings()
    steps = steps or PipelineSteps(settings)
    summary = IngestSummary()
    fetcher = Fetcher(policy or FetchPolicy(max_bytes=settings.max_input_bytes))
    reader = SourceReader(settings, fetcher, lambda u: store.find_article(url=u) is not None, store.validators)
    since_rebuild = 0
    try:
        for item in reader.items(sources):
            if stop is not None and stop.is_set():
                summary.stopped = True
                break
            if isinstance(item, Known):
                summary.duplicates += 1
            elif isinstance(item, FeedState):
                with store.write() as tx:
                    tx.put_validators(item.url, item.etag, item.last_modified)
            elif isinstance(item, Skipped):
                _skip(store, summary, item, on_item)
            elif _ingest_one(store, item, steps, link, summary, on_item):
                since_rebuild += 1
                if since_rebuild >= rebuild_every:
                    rebuild_stale(store, steps, stop)
                    since_rebuild = 0
    finally:
        fetcher.close()
    # every story this run (or a run killed earlier) touched is cross-checked once here
    rebuild_stale(store, steps, stop)
    return summary


def _skip(store: Store, summary: IngestSummary, item: Skipped,
          on_item: Callable[[Arrival | Skipped], None] | None) -> None:
    with store.write() as tx:
        tx.record_skipped(item)
    summary.skipped.append(item)
    if on_item:
        on_item(item)


def _ingest_one(store: Store, doc: RawDocument, steps: ArticleSteps, link: LinkSettings | None,
                summary: IngestSummary, on_item: Callable[[Arrival | Skipped], None] | None) -> bool:
    """Store one document (its stories marked stale); True when it was new."""
    try:
        arrival = ingest_document(store, doc, steps, link, rebuild=False)
    except InputError as exc:  # ExtractionError: nothing article-like in it
        _skip(store, summary, Skipped(doc.source, exc.problem, "clean"), on_item)
        return False
    if arrival is None:
        summary.duplicates += 1
        return False
    summary.arrivals.append(arrival)
    if on_item:
        on_item(arrival)
    return True


_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """Seconds in "90", "30s", "15m", "1h", "1d"; ConfigError otherwise."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text.lower())
    if not match or float(match.group(1)) <= 0:
        raise ConfigError(f"--every {text!r} is not a duration like 30s, 15m, 1h")
    return float(match.group(1)) * _UNITS[match.group(2)]


def watch(
    feeds: Sequence[str], store: Store, settings: Settings | None = None, *, every_s: float = 900.0,
    max_polls: int | None = None, stop: threading.Event | None = None,
    on_poll: Callable[[int, IngestSummary], None] | None = None, **ingest_kwargs: Any,
) -> list[IngestSummary]:
    """Poll ``feeds`` (feed/sitemap/article URLs or URL-list files) every ``every_s`` seconds
    until ``stop`` is set or ``max_polls`` polls are done; conditional GETs keep polls cheap."""
    stop = stop or threading.Event()
    polls: list[IngestSummary] = []
    while max_polls is None or len(polls) < max_polls:
        summary = ingest_sources(feeds, store, settings, stop=stop, **ingest_kwargs)
        polls.append(summary)
        if on_poll:
            on_poll(len(polls), summary)
        if stop.is_set() or (max_polls is not None and len(polls) >= max_polls):
            break
        stop.wait(every_s)
    return polls


@contextmanager
def stop_on_signals(signals: Sequence[int] = (signal.SIGINT, signal.SIGTERM)) -> Iterator[threading.Event]:
    """An Event set by SIGINT/SIGTERM while the block runs (handlers restored after), so
    a loop can finish the current article and stop cleanly. Main thread only."""
    stop = threading.Event()
    previous = {s: signal.signal(s, lambda signum, frame: stop.set()) for s in signals}
    try:
        yield stop
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def list_stories(store: Store, limit: int | None = None) -> list[StorySummary]:
    """Stored stories, most recently updated first."""
    return store.list_stories(limit)


def show_story(store: Store, story_id: str, steps: ArticleSteps | None = None) -> Report:
    """A Report holding one stored story and its articles, for the report renderers. A
    stale story (a run stopped before its cross-check) is cross-checked first, with
    ``steps`` (default: the full pipeline)."""
    if store.is_stale(story_id):
        rebuild_stale(store, steps or PipelineSteps(Settings()), story_ids=[story_id])
    story = store.get_story(story_id)
    articles, annotations = store.story_articles(story_id)
    return Report(
        generated_by=f"newsdesk {__version__}", articles=tuple(articles), skipped=(),
        stories=(story,), annotations=tuple(annotations),
    )

