"""Cross-checking stages: align claims, contradictions, sources, timeline and figures.

``cross_check`` is the stage the pipeline calls once per story: it aligns the story's
claims into ``ClaimGroup`` records, finds contradictions between articles, gathers the
quotes, citations and timeline the extract stages found in the story's articles, and
lines up the figures (counted things) the articles give.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

import numpy as np

from newsdesk.crosscheck.attribution import with_attributions
from newsdesk.crosscheck.figures import attribute_contradictions
from newsdesk.crosscheck.restated import with_restatements
from newsdesk.crosscheck.unshared import with_unshared_figures
from newsdesk.model import (
    Article,
    ArticleAnnotations,
    Claim,
    ClaimGroup,
    Contradiction,
    Entity,
    Figure,
    Story,
)
from newsdesk.settings import Settings

__all__ = ["claim_docs", "claim_vectors", "cross_check", "cross_check_many", "story_claims"]

# Only statements of fact (and quoted statements) are aligned across outlets; opinion and
# questions stay single groups so that shared framing never reads as corroboration.
ALIGNABLE_KINDS = frozenset({"fact", "quote"})
# Two quotes at least this alike (rapidfuzz partial ratio: a cut of a quote scores 100)
# are the same words, whoever each article credits them to.
SAME_QUOTE_RATIO = 90
# ``cross_check_many`` embeds the claims of consecutive stories in one call once this many
# wait for a vector: large enough to fill its batches of one length, small enough that the
# waiting stories' claim parses stay a few tens of MB.
EMBED_BATCH_CLAIMS = 4096


def story_claims(
    articles: Sequence[Article], annotations: Mapping[str, ArticleAnnotations], settings: Settings,
) -> list[Claim]:
    """The claims of these articles in order; extracts them when annotations have none."""
    missing = [a for a in articles if not (annotations.get(a.id) and annotations[a.id].claims)]
    extracted: dict[str, tuple[Claim, ...]] = {}
    if missing:
        from newsdesk.extract.claims import extract_claims
        from newsdesk.nlp import load_nlp
        from newsdesk.segment import segment_article

        nlp = load_nlp(settings.spacy_model)
        for art, doc in zip(missing, nlp.pipe([a.text for a in missing]), strict=True):
            art = art if art.sentences else segment_article(art, doc)
            extracted[art.id] = extract_claims(art, doc, annotations.get(art.id) or ArticleAnnotations(art.id))
    out: list[Claim] = []
    for a in articles:
        out.extend(extracted.get(a.id) or annotations[a.id].claims)
    return out


def _sentence_lookup(articles: Mapping[str, Article]) -> Callable[[Claim], tuple[str, int]]:
    """The whole sentence around a claim and where it starts in its article (list-item
    claims read as fragments alone)."""

    def sentence(claim: Claim) -> tuple[str, int]:
        art = articles[claim.article_id]
        sent = art.sentence_at(claim.evidence.start)
        return (art.text[sent.start:sent.end], sent.start) if sent else (claim.evidence.text, claim.evidence.start)

    return sentence


def _origin_lookup(
    articles: Mapping[str, Article], annotations: Mapping[str, ArticleAnnotations],
) -> Callable[[Claim], str | None]:
    """Who a claim traces back to: the cited source, else the claim's own origin, else None
    (unattributed: the outlet is then its own origin, which the brief says as such)."""
    span_origin = _span_origin(annotations)

    def origin(claim: Claim) -> str | None:
        ev = claim.evidence
        return span_origin(articles[claim.article_id], ev.start, ev.end) or claim.origin

    return origin


def _span_origin(annotations: Mapping[str, ArticleAnnotations]) -> Callable[[Article, int, int], str | None]:
    """Who an article attributes its span [start, end) to (``sources.origin_for_span``)."""
    from newsdesk.crosscheck.sources import origin_for_span

    def origin(art: Article, start: int, end: int) -> str | None:
        ann = annotations.get(art.id)
        return origin_for_span(art, start, end, ann.citations if ann else ())

    return origin


def _timeline(story: Story, articles: Sequence[Article], annotations: Mapping[str, ArticleAnnotations]) -> Any:
    try:
        from newsdesk.crosscheck.timeline import build_timeline
    except ImportError:
        return story.timeline
    return tuple(build_timeline(articles, {a.id: annotations[a.id].times for a in articles if a.id in annotations}))


def _figures(articles: Sequence[Article], annotations: Mapping[str, ArticleAnnotations]) -> tuple[Figure, ...]:
    """The story's figures across outlets (``crosscheck.figures``)."""
    from newsdesk.crosscheck.align import duplicate_families
    from newsdesk.crosscheck.figures import build_figures

    return build_figures(articles, annotations, duplicate_families(articles))


def cross_check(
    story: Story, articles: Sequence[Article], annotations: Mapping[str, ArticleAnnotations],
    entities: Sequence[Entity], settings: Settings, docs: Mapping[str, Any] | None = None,
) -> Story:
    """``story`` with claims, contradictions, citations, quotes, timeline and figures filled in.

    ``articles`` may hold every article of the run; ``story.article_ids`` picks this
    story's. Support counts near-duplicates (``Article.duplicate_of``) once. ``docs``
    (article id -> spaCy Doc of ``article.text``) lets claims reuse the article parse.
    """
    return next(cross_check_many([(story, articles, entities)], annotations, settings, docs))


# a story waiting for its claims' vectors: the story, its articles, every article by id, its check
_Prepared = tuple[Story, list[Article], dict[str, Article], "_Check"]


def cross_check_many(
    jobs: Iterable[tuple[Story, Sequence[Article], Sequence[Entity]]], annotations: Mapping[str, ArticleAnnotations],
    settings: Settings, docs: Mapping[str, Any] | None = None,
) -> Iterator[Story]:
    """``cross_check`` of each (story, articles, entities) job, in order, lazily.

    The claims of consecutive stories are embedded together, in one call per
    EMBED_BATCH_CLAIMS claims: the model embeds texts in batches of one token length
    (``embed.token_buckets``), and one story's claims alone make many small batches.
    """
    pending: list[_Prepared] = []
    waiting = 0
    for story, articles, entities in jobs:
        ids = set(story.article_ids)
        arts = [a for a in articles if a.id in ids]
        by_id = {a.id: a for a in articles}
        check = _prepare(story_claims(arts, annotations, settings), by_id, annotations, entities, settings, docs)
        pending.append((story, arts, by_id, check))
        waiting += int(check.need.sum())
        if waiting >= EMBED_BATCH_CLAIMS:
            yield from _finish_stories(pending, annotations, settings)
            pending, waiting = [], 0
    yield from _finish_stories(pending, annotations, settings)


def _finish_stories(
    pending: Sequence[_Prepared],
    annotations: Mapping[str, ArticleAnnotations], settings: Settings,
) -> Iterator[Story]:
    """The prepared stories, cross-checked, their claims embedded in one call."""
    from newsdesk.embed import get_embedder

    if not pending:
        return
    texts = [c.evidence.text for *_, check in pending for c in check.claims]
    need = [bool(x) for *_, check in pending for x in check.need]
    vectors = claim_vectors(texts, need, settings)
    encode = get_embedder(settings.embedder).encode  # the few group texts no claim's vector stands for
    at = 0
    for story, arts, by_id, check in pending:
        rows = vectors[at:at + len(check.claims)]
        at += len(check.claims)
        groups, contradictions = _decide(check, rows, by_id, annotations, settings, _origin_lookup(by_id, annotations))
        anns = [annotations[a.id] for a in arts if a.id in annotations]
        citations = tuple(c for ann in anns for c in ann.citations)
        groups = with_unshared_figures(groups, by_id, annotations, check.family, _span_origin(annotations))
        yield replace(
            story,
            claims=with_restatements(
                with_attributions(groups, citations, check.family), check.claims, rows, by_id, encode,
            ),
            contradictions=tuple(sorted(contradictions, key=_contradiction_order)),
            citations=citations,
            quotes=tuple(q for ann in anns for q in ann.quotes),
            timeline=_timeline(story, arts, annotations),
            figures=_figures(arts, annotations),
        )


def claim_docs(claims: Sequence[Claim], article_docs: Mapping[str, Any] | None, settings: Settings) -> list[Any]:
    """One spaCy Doc per claim, token offsets relative to the claim start: a copy of the
    claim's span of its article's parse when ``article_docs`` has it (no second parse;
    its text may keep the last token's trailing space), else the claim text parsed alone."""
    from newsdesk.nlp import SpanCopier, load_nlp

    out: list[Any] = [None] * len(claims)
    todo: list[int] = []
    copiers: dict[str, SpanCopier] = {}
    for i, c in enumerate(claims):
        doc = article_docs.get(c.article_id) if article_docs else None
        ev = c.evidence
        span = doc.char_span(ev.start, ev.end, alignment_mode="expand") if doc is not None else None
        if span is not None and span.start_char == ev.start and span.end_char == ev.end:
            copier = copiers.get(c.article_id)
            if copier is None:
                copier = copiers[c.article_id] = SpanCopier(doc)
            out[i] = copier.copy(span)
        else:
            todo.append(i)
    if todo:
        # near-duplicate articles repeat claims word for word: parse each text once
        unique = sorted({claims[i].evidence.text for i in todo})
        parsed = dict(zip(unique, load_nlp(settings.spacy_model).pipe(unique, batch_size=64), strict=True))
        for i in todo:
            out[i] = parsed[claims[i].evidence.text]
    return out


def claim_vectors(texts: Sequence[str], need: Sequence[bool], settings: Settings) -> np.ndarray:
    """Embeddings of the texts marked in ``need`` (each distinct text once); the other
    rows are zero, which no pair decision reads (see ``align.needs_vectors``)."""
    wanted = sorted({t for t, n in zip(texts, need, strict=True) if n})
    if not wanted:
        return np.zeros((len(texts), 1), dtype=np.float32)
    from newsdesk.embed import get_embedder

    encoded = np.asarray(get_embedder(settings.embedder).encode(wanted), dtype=np.float32)
    row = {t: i for i, t in enumerate(wanted)}
    out = np.zeros((len(texts), encoded.shape[1]), dtype=np.float32)
    for i, (t, n) in enumerate(zip(texts, need, strict=True)):
        if n:
            out[i] = encoded[row[t]]
    return out


@dataclass(frozen=True)
class _Check:
    """One story's claims readied for the pair decisions: all but their embeddings."""

    claims: Sequence[Claim]
    entities: Sequence[Entity]
    docs: list[Any]
    props: list[Any]
    family: Mapping[str, str]
    article_of: list[str]
    states: list[Any]
    shared: np.ndarray
    acts: np.ndarray  # ``align.act_key_counts`` of the props, read by both as ``shared`` is
    need: np.ndarray  # which claims any decision reads a vector of (``align.needs_vectors``)


def _prepare(
    claims: Sequence[Claim], articles: Mapping[str, Article], annotations: Mapping[str, ArticleAnnotations],
    entities: Sequence[Entity], settings: Settings, article_docs: Mapping[str, Any] | None = None,
) -> _Check:
    from newsdesk.crosscheck import align, contradict

    docs = claim_docs(claims, article_docs, settings)
    props = align.build_propositions(claims, annotations, entities, docs)
    story_ids = sorted({c.article_id for c in claims})
    family = align.duplicate_families([articles[i] for i in story_ids])
    article_of = [c.article_id for c in claims]
    states = [contradict.object_states(d) for d in docs]
    shared = align.shared_key_counts([p.keys for p in props])  # read by both: computed once
    acts = align.act_key_counts(props)
    need = align.needs_vectors(props, article_of, family, [bool(s) for s in states], shared, acts)
    return _Check(claims, entities, docs, props, family, article_of, states, shared, acts, need)


def _decide(
    check: _Check, vectors: np.ndarray, articles: Mapping[str, Article], annotations: Mapping[str, ArticleAnnotations],
    settings: Settings, origin_of: Callable[[Claim], str | None],
) -> tuple[tuple[ClaimGroup, ...], list[Contradiction]]:
    """The groups and contradictions of a prepared story, given its claims' vectors."""
    from newsdesk.crosscheck import align, contradict

    claims, docs, family, article_of, entities = check.claims, check.docs, check.family, check.article_of, check.entities
    scorer = align.PairScorer(check.props, vectors, check.shared, check.acts)
    alignable = [c.kind in ALIGNABLE_KINDS for c in claims]
    edges = [e for e in align.aligned_edges(scorer, article_of, family) if alignable[e[1]] and alignable[e[2]]]
    nli = None
    if settings.nli_model:
        from newsdesk.crosscheck.nli import load_nli

        nli = load_nli(settings.nli_model)
    actors = contradict.ActorIndex(entities)  # read by both: built once
    found = contradict.find_contradictions(
        claims, docs, scorer, articles, annotations, entities, family, nli, states=check.states, actors=actors
    )
    people = {e.id for e in entities if e.type == "PERSON"}
    edges = _same_speaker(_same_occurrence(edges, claims, docs, annotations), claims, annotations, people)
    two = contradict.different_actors(claims, docs, check.props, actors)
    edges = [e for e in edges if not two(e[1], e[2])]
    kept = align.drop_contradicting(edges, claims, found)
    # ages (weights, ...) told apart by two outlets: a claim giving one is contradicted,
    # though the rest of its sentence may still corroborate another's (no edge is dropped
    # for them); one the pair checks found already (the sentences align) is not told twice
    ages = attribute_contradictions([articles[aid] for aid in sorted(family)], annotations, family)
    found = [*found, *(x for x in ages if not any(contradict.same_sides(x, y) for y in found))]
    clauses = [c.part == "clause" for c in claims]
    apart = align.cannot_group(check.props)
    members = align.group_pairs(len(claims), article_of, kept, clauses, apart)
    extras = align.secondary_members(members, article_of, kept, [c.evidence for c in claims], clauses, apart)
    members, extras = align.drop_absorbed(members, extras)
    members, extras = align.settle_clauses(claims, check.props, members, extras, family)
    twins = align.clause_twins([c.evidence for c in claims], clauses)
    members, extras = align.fold_restatements(members, extras, article_of, family, twins, clauses, kept)
    extras = align.pair_lone_claims(
        members, extras, article_of, family, kept, [c.part for c in claims], [c.evidence for c in claims],
        scorer.cosine, apart,
        lambda i: any(claims[i].evidence.overlaps(x.a) or claims[i].evidence.overlaps(x.b) for x in found))
    groups = align.make_groups(claims, members, scorer, family, origin_of, found,
                              context_of=_sentence_lookup(articles), extras=extras)
    return align.drop_subsumed(align.drop_contained_singles(groups)), found


def _same_occurrence(
    edges: Sequence[tuple[float, int, int]], claims: Sequence[Claim], docs: Sequence[Any],
    annotations: Mapping[str, ArticleAnnotations],
) -> list[tuple[float, int, int]]:
    """Edges minus pairs that date one act on different days (``contradict.dated_apart``)."""
    from newsdesk.crosscheck.contradict import dated_acts, dated_apart

    @cache
    def of(i: int) -> dict[str, set[str]]:
        return dated_acts(claims[i], docs[i], annotations.get(claims[i].article_id))

    return [e for e in edges if not dated_apart(of(e[1]), of(e[2]))]


def _same_speaker(
    edges: Sequence[tuple[float, int, int]], claims: Sequence[Claim], annotations: Mapping[str, ArticleAnnotations],
    people: set[str],
) -> list[tuple[float, int, int]]:
    """Edges minus pairs of direct quotes in other words by two different people (entity
    ids in ``people``): one witness's words do not corroborate another's ("We all just
    knew that we had to run for our lives" / "We just ran, we panicked"). Unresolved
    speakers never split a pair, nor do institutions (one statement is credited to "the
    Foreign Ministry" by one outlet and to "the ROK Government" by another, in two
    translations), nor the same words (one quote, or a cut of it, at SAME_QUOTE_RATIO or
    more): one quote credited to two names is an attribution slip ("Mr Zhu told")."""
    from rapidfuzz import fuzz

    @cache
    def quote(i: int) -> tuple[str, str] | None:
        c = claims[i]
        ann = annotations.get(c.article_id)
        if c.kind != "quote" or ann is None:
            return None
        found = {(q.speaker_entity_id, q.text) for q in ann.quotes
                 if q.evidence.overlaps(c.evidence) and q.speaker_entity_id in people}
        return found.pop() if len(found) == 1 else None

    def apart(i: int, j: int) -> bool:
        a, b = quote(i), quote(j)
        if a is None or b is None or a[0] == b[0]:
            return False
        return fuzz.partial_ratio(_plain(a[1]), _plain(b[1])) < SAME_QUOTE_RATIO

    return [e for e in edges if not apart(e[1], e[2])]


def _plain(text: str) -> str:
    return " ".join(text.lower().replace("\u2019", "'").replace("\u2018", "'").split())


def _contradiction_order(x: Contradiction) -> tuple[str, str, int]:
    return (x.kind, x.a.article_id, x.a.start)
