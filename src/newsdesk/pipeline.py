"""``analyze``: run the stages in order over a set of inputs and return a ``Report``.

ingest -> clean -> nlp/segment -> dedup -> extract (entities, dates, quantities,
citations, quotes, claims) -> embed -> stories -> cross-check. Each stage is timed
(``Report.timings``), so the benchmark reads per-stage figures from the same code path
users run. The per-step functions are public so that live ingest (``newsdesk.live``)
can reuse them one article at a time.
"""

from __future__ import annotations

import resource
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from newsdesk import __version__
from newsdesk.errors import ExtractionError, InputError
from newsdesk.model import (
    Article,
    ArticleAnnotations,
    Entity,
    Evidence,
    Quantity,
    RawDocument,
    Report,
    Skipped,
    StageTiming,
    Story,
    TimeExpression,
    last_tuple_cache,
)
from newsdesk.settings import Settings

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``; called as a stage advances (the CLI draws a bar)."""


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


@dataclass
class _Clock:
    timings: list[StageTiming]

    @contextmanager
    def stage(self, name: str, items: int) -> Iterator[None]:
        t0 = time.perf_counter()
        yield
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux: KiB
        self.timings.append(StageTiming(name, time.perf_counter() - t0, items, rss))


def clean_documents(
    docs: Sequence[RawDocument], settings: Settings, on_error: str = "skip"
) -> tuple[list[Article], list[Skipped]]:
    """Clean each document; identical inputs (same id) are kept once and the rest skipped."""
    from newsdesk.clean import clean_document
    from newsdesk.nlp import MAX_DOC_CHARS

    articles: list[Article] = []
    skipped: list[Skipped] = []
    seen: dict[str, str] = {}
    for doc in docs:
        try:
            art = clean_document(doc, settings)
            if len(art.text) > MAX_DOC_CHARS:  # the parser's limit: skipped, not a crash later
                raise ExtractionError(doc.source, f"cleaned text is {len(art.text):,} characters, "
                                                  f"over the {MAX_DOC_CHARS:,} the parser takes")
        except ExtractionError as exc:
            if on_error == "fail":
                raise
            skipped.append(Skipped(doc.source, exc.problem, "clean"))
            continue
        if art.id in seen:
            skipped.append(Skipped(doc.source, f"identical to {seen[art.id]} (same name and text)", "clean"))
            continue
        seen[art.id] = art.source
        articles.append(art)
    return articles, skipped


def annotate_articles(
    articles: Sequence[Article], settings: Settings, clock: _Clock | None = None,
    progress: Progress = _no_progress,
) -> tuple[list[Article], dict[str, ArticleAnnotations], list[Entity]]:
    """Parse, segment and run every extractor; returns articles with sentences set."""
    arts, annotations, entities, _ = parse_and_annotate(articles, settings, clock, progress)
    return arts, annotations, entities


def parse_and_annotate(
    articles: Sequence[Article], settings: Settings, clock: _Clock | None = None,
    progress: Progress = _no_progress,
) -> tuple[list[Article], dict[str, ArticleAnnotations], list[Entity], dict[str, Any]]:
    """``annotate_articles`` plus the parsed spaCy Doc of each article (by article id),
    which cross-checking reuses instead of parsing claim sentences again."""
    clock = clock or _Clock([])
    arts, docs = parse_stage(articles, settings, clock, progress)
    annotations, entities = annotate_stage(arts, docs, clock)
    return arts, annotations, entities, {a.id: d for a, d in zip(arts, docs, strict=True)}


def parse_stage(
    articles: Sequence[Article], settings: Settings, clock: _Clock, progress: Progress = _no_progress,
) -> tuple[list[Article], list[Any]]:
    """The nlp stage: a spaCy Doc per article, and the articles with their sentences."""
    from newsdesk.nlp import parse_texts
    from newsdesk.segment import segment_article

    n = len(articles)
    with clock.stage("nlp", n):
        docs: list[Any] = []
        for i, doc in enumerate(parse_texts((a.text for a in articles), n, settings)):
            docs.append(doc)
            progress("nlp", i + 1, n)
        arts = [segment_article(a, d) for a, d in zip(articles, docs, strict=True)]
    return arts, docs


def annotate_stage(
    arts: Sequence[Article], docs: Sequence[Any], clock: _Clock,
) -> tuple[dict[str, ArticleAnnotations], list[Entity]]:
    """The extract stages over parsed articles: entities, dates and quantities, quotes and
    citations, claims. Pure Python on one core."""
    from newsdesk.extract.citations import canonical_citations, extract_citations
    from newsdesk.extract.claims import extract_claims
    from newsdesk.extract.counted import counted_facts
    from newsdesk.extract.dates import extract_times
    from newsdesk.extract.entities import canonicalize_entities, extract_mentions
    from newsdesk.extract.quantities import extract_quantities
    from newsdesk.extract.quotes import extract_quotes

    n = len(arts)
    with clock.stage("entities", n):
        mentions = {a.id: extract_mentions(a, d) for a, d in zip(arts, docs, strict=True)}
        entities = canonicalize_entities(arts, mentions)
    with clock.stage("dates+quantities", n):
        times: dict[str, tuple[TimeExpression, ...]] = {}
        quantities: dict[str, tuple[Quantity, ...]] = {}
        for a, d in zip(arts, docs, strict=True):
            times[a.id] = extract_times(a, d)
            quantities[a.id] = extract_quantities(a, d, times[a.id])  # amounts less the date spans
        counted = {a.id: counted_facts(a, quantities[a.id], d, times[a.id], mentions[a.id])
                   for a, d in zip(arts, docs, strict=True)}
    with clock.stage("quotes+citations", n):
        run_entities = tuple(entities)  # a tuple: both stages share one alias index of it
        quotes = {a.id: extract_quotes(a, d, run_entities) for a, d in zip(arts, docs, strict=True)}
        cites = canonical_citations({a.id: extract_citations(a, d, run_entities)
                                     for a, d in zip(arts, docs, strict=True)})
    annotations: dict[str, ArticleAnnotations] = {}
    with clock.stage("claims", n):
        for a, d in zip(arts, docs, strict=True):
            ann = ArticleAnnotations(a.id, mentions[a.id], quantities[a.id], times[a.id], quotes[a.id], cites[a.id])
            annotations[a.id] = replace(ann, claims=extract_claims(a, d, ann), counted=counted[a.id])
    return annotations, entities


@last_tuple_cache
def _mention_index(entities: Sequence[Entity]) -> dict[str, list[tuple[int, int]]]:
    """article id -> (entity position, mention position) of every mention, in run order."""
    index: dict[str, list[tuple[int, int]]] = {}
    for e, ent in enumerate(entities):
        for k, m in enumerate(ent.mentions):
            index.setdefault(m.article_id, []).append((e, k))
    return index


def local_entities(entities: Sequence[Entity], article_ids: Sequence[str],
                   articles: Mapping[str, Article] | None = None) -> list[Entity]:
    """The run's canonical entities restricted to these articles' mentions, and their
    aliases to the forms those mentions take, in run order (ids stay global): a story
    about a boy named Zhao does not list "Tong Zhao", a North Korea analyst of another
    story whose surname joined him to the run's entity. Reads only these articles'
    mentions when ``entities`` is a tuple seen before: a story's share of a large run
    costs what the story holds, not the run."""
    picked: dict[int, list[int]] = {}
    index = _mention_index(entities)
    for aid in set(article_ids):
        for e, k in index.get(aid, ()):
            picked.setdefault(e, []).append(k)
    out: list[Entity] = []
    for e in sorted(picked):
        ent = entities[e]
        mentions = tuple(ent.mentions[k] for k in sorted(picked[e]))
        forms = {m.text for m in mentions}
        out.append(replace(ent, name=_local_name(ent, mentions, articles or {}), mentions=mentions,
                           aliases=tuple(a for a in ent.aliases if a in forms),
                           article_ids=tuple(sorted({m.article_id for m in mentions}))))
    return out


def _local_name(entity: Entity, mentions: Sequence[Evidence], articles: Mapping[str, Article]) -> str:
    """A person's name as the story gives it when its articles name them by one word only
    ("Button"): the run's full name came from another story, and a surname joins the one
    person of the run it fits, who may be someone else (a tweet's "Button" had been named
    "Jenson Button", a Formula One driver). Not where the full name stands in the text
    before the word (the tagger took "Khan" alone out of "London mayor Sadiq Khan"), given
    ``articles``. Other names stay the run's ("US" is the United States, "NASA" the agency
    spelled out)."""
    from newsdesk.extract.entities import display_name, fold, name_words

    if entity.type != "PERSON" or len(name_words(entity.name)) < 2:
        return entity.name
    forms = Counter(display_name(m.text, entity.type) for m in mentions)
    if not forms or any(len(name_words(f)) > 1 for f in forms):
        return entity.name
    full = fold(entity.name)
    for m in mentions:
        art = articles.get(m.article_id)
        if art is not None and fold(art.text[max(0, m.end - len(entity.name)):m.end]) == full:
            return entity.name
    return min(forms, key=lambda f: (-forms[f], f))


def most_reported(entities: Sequence[Entity]) -> tuple[Entity, ...]:
    """Entities in a story's order: in most articles first, then most mentions, then name."""
    return tuple(sorted(entities, key=lambda e: (-len(e.article_ids), -len(e.mentions), e.name)))


def build_story(
    article_ids: Sequence[str], articles: Mapping[str, Article], entities: Sequence[Entity],
    annotations: Mapping[str, ArticleAnnotations], embeddings: Mapping[str, np.ndarray], settings: Settings,
    docs: Mapping[str, Any] | None = None,
) -> Story:
    """A story from its article ids, cross-checked (claims, contradictions, ...);
    ``docs`` (article id -> parsed Doc) saves parsing claim sentences again."""
    return next(build_stories([article_ids], articles, entities, annotations, embeddings, settings, docs))


def build_stories(
    groups: Iterable[Sequence[str]], articles: Mapping[str, Article], entities: Sequence[Entity],
    annotations: Mapping[str, ArticleAnnotations], embeddings: Mapping[str, np.ndarray], settings: Settings,
    docs: Mapping[str, Any] | None = None,
) -> Iterator[Story]:
    """``build_story`` of each group of article ids, in order, lazily; consecutive stories
    are cross-checked together (``crosscheck.cross_check_many``)."""
    from newsdesk.crosscheck import cross_check_many
    from newsdesk.stories import headline_for, story_id

    def job(article_ids: Sequence[str]) -> tuple[Story, list[Article], list[Entity]]:
        ids = tuple(sorted(article_ids))
        arts = [articles[i] for i in ids]
        emb = np.stack([embeddings[i] for i in ids]) if ids and all(i in embeddings for i in ids) else None
        local = local_entities(entities, ids, articles)  # the story's mentions only: all cross-checking reads
        story = Story(id=story_id(ids), headline=headline_for(ids, arts, emb), article_ids=ids,
                      entities=most_reported(local))
        members = set(ids)
        return story, [a for a in articles.values() if a.id in members], local

    yield from cross_check_many((job(g) for g in groups), annotations, settings, docs)


def analyze(
    paths: Sequence[str], settings: Settings | None = None, on_error: str = "skip",
    progress: Progress = _no_progress,
) -> Report:
    """Run the whole pipeline over files/folders; raises InputError when nothing is usable."""
    from newsdesk.dedup import find_duplicates
    from newsdesk.embed import get_embedder
    from newsdesk.ingest import read_inputs
    from newsdesk.stories import assign_stories, embed_articles

    settings = settings or Settings()
    embedder = get_embedder(settings.embedder)  # a bad embedder setting fails before any work
    clock = _Clock([])
    with clock.stage("ingest", 0):
        docs, skipped = read_inputs(paths, settings, on_error=on_error)
    with clock.stage("clean", len(docs)):
        articles, more = clean_documents(docs, settings, on_error)
    skipped += more
    if not articles:
        reasons = "; ".join(f"{s.source}: {s.reason}" for s in skipped[:5]) or "no input files found"
        raise InputError(", ".join(map(str, paths)), f"no usable article ({reasons})")
    with clock.stage("dedup", len(articles)):
        articles = find_duplicates(articles)
    articles, parsed_docs = parse_stage(articles, settings, clock, progress)
    # story embeddings read only the articles' text: they are worked out in a thread on
    # the cores the extract stages (pure Python, one core) leave idle, and on all of them
    # once those end; "embed" times what is left to wait for
    extracted = threading.Event()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsdesk-embed") as pool:
        pending = pool.submit(embed_articles, articles, embedder, beside=True, hurry=extracted)
        try:
            annotations, entities = annotate_stage(articles, parsed_docs, clock)
        finally:
            extracted.set()
        with clock.stage("embed", len(articles)):
            matrix = pending.result()
    parsed = {a.id: d for a, d in zip(articles, parsed_docs, strict=True)}
    with clock.stage("stories", len(articles)):
        groups = assign_stories(articles, entities, matrix, settings)
    by_id = {a.id: a for a in articles}
    vectors = {a.id: matrix[i] for i, a in enumerate(articles)}
    run_entities = tuple(entities)  # a tuple: each story reads its share through one index
    stories: list[Story] = []
    with clock.stage("crosscheck", len(articles)):
        for story in build_stories(groups, by_id, run_entities, annotations, vectors, settings, docs=parsed):
            stories.append(story)
            for aid in story.article_ids:  # each article is in one story: its parse is done with
                parsed.pop(aid, None)
            progress("crosscheck", len(stories), len(groups))
    timings = [replace(clock.timings[0], items=len(docs) + len(skipped))] + clock.timings[1:]
    return Report(
        generated_by=f"newsdesk {__version__}",
        articles=tuple(articles),
        skipped=tuple(skipped),
        stories=tuple(stories),
        annotations=tuple(annotations[a.id] for a in articles),
        timings=tuple(timings),
    )


def check_evidence(report: Report) -> list[str]:
    """Every evidence span in the report slices back to its text; returns the violations."""
    texts = {a.id: a.text for a in report.articles}
    bad: list[str] = []

    def ok(e: Evidence, where: str) -> None:
        if texts.get(e.article_id, "\0")[e.start:e.end] != e.text:
            bad.append(f"{where}: {e.article_id}[{e.start}:{e.end}] != {e.text[:40]!r}")

    for s in report.stories:
        for ent in s.entities:
            for e in ent.mentions:
                ok(e, f"entity {ent.name}")
        for c in s.claims:
            for e in c.evidence:
                ok(e, f"claim {c.id}")
        for x in s.contradictions:
            ok(x.a, f"contradiction {x.id}")
            ok(x.b, f"contradiction {x.id}")
        for q in s.quotes:
            ok(q.evidence, "quote")
        for ci in s.citations:
            ok(ci.evidence, "citation")
        for t in s.timeline:
            ok(t.evidence, "timeline")
    return bad
