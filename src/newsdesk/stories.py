"""Articles -> stories: which articles report the same event.

Two articles are close when their title+lead embeddings are close (cosine), they name
the same rare people/organisations/places (IDF-weighted canonical-entity overlap), and
they were published near each other (a gap beyond a few days lowers the similarity;
a missing date is neutral). Stories are the clusters of average-linkage agglomerative
clustering on ``1 - similarity`` cut at ``STORY_DISTANCE``. Near-duplicates
(``Article.duplicate_of``) are not clustered themselves: they join their original's
story.

The result depends only on the set of articles (they are clustered in id order), and
is sorted: stories by size (largest first) then first id; ids sorted inside a story.
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Mapping, Sequence
from datetime import date

import numpy as np

from newsdesk.embed import Embedder, encode_beside
from newsdesk.model import Article, Entity, content_hash
from newsdesk.settings import Settings

# Characters of body text after the title that go into the story embedding: about the
# first two or three sentences (MiniLM truncates at 256 word pieces anyway).
LEAD_CHARS = 600
# Entity types that identify an event; DATE/CARDINAL/... are shared by unrelated stories.
STORY_ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
# Similarity = cosine(embeddings) + ENTITY_WEIGHT * entity_overlap - date_penalty.
# Grid sweep (ENTITY_WEIGHT 0/0.1/0.2/0.3/0.4/0.6 x DATE_PENALTY 0..0.4 x DATE_GRACE_DAYS
# 1/3/7/14 x STORY_DISTANCE 0.3..0.9 step 0.025), scored by the mean B-cubed F1 over
# giveme5w1h-news-cluster events (383 articles) and ecbplus-doc-clusters sub-topics (982),
# MiniLM title+lead embeddings, spaCy NER entities on the first 1,500 characters. The
# surface is flat around 0.88-0.89: with DATE_PENALTY 0.1 / grace 14 days, entities
# lifted the best cut from 0.881 (weight 0) to 0.889 (weight 0.3). The chosen cut 0.45
# scored 0.886 (giveme 0.922, ECB+ sub-topic 0.850) in the middle of a plateau
# (0.883-0.889 for cuts 0.425-0.50). Dates barely move these sets (ECB+ dates are mostly
# missing; giveme events run for days), so the penalty is kept mild.
ENTITY_WEIGHT = 0.3
DATE_PENALTY = 0.1
DATE_GRACE_DAYS = 14
DATE_SCALE_DAYS = 30
STORY_DISTANCE = 0.45

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def story_text(article: Article) -> str:
    """The text a story embedding is computed from: title plus the lead of the body."""
    body = article.text.strip()
    if article.title and not body.startswith(article.title.strip()):
        return f"{article.title.strip()}\n{body[:LEAD_CHARS]}"
    return body[: LEAD_CHARS + 120]


def embed_articles(articles: Sequence[Article], embedder: Embedder, beside: bool = False,
                   hurry: threading.Event | None = None) -> np.ndarray:
    """Story embeddings (one row per article, same order) for ``assign_stories``;
    ``beside``: in a thread beside pure-Python work (``embed.encode_beside``), on every
    core once ``hurry`` is set."""
    texts = [story_text(a) for a in articles]
    if beside:
        return encode_beside(embedder, texts, hurry)
    return embedder.encode(texts)


def story_id(article_ids: Sequence[str]) -> str:
    """Content hash of a story's (sorted, de-duplicated) article ids."""
    return "s" + content_hash(*sorted(set(article_ids)), length=12)


# A site's label before a title, no part of what happened: "BREAKING NEWS: Chicago Cubs
# win the World Series ...", "WATCH: ...", "LIVE - ...".
_TITLE_LABEL = re.compile(r"^\s*(?:breaking(?:\s+news)?|live|watch|update[d]?|exclusive|video|photos?|pictured)"
                          r"\s*(?::|\s[-\u2013\u2014|]\s)\s*", re.IGNORECASE)


# A title that ends on an ellipsis: cut short by the feed or page it came from.
_TRUNCATED = re.compile(r"(?:\.\.\.|\u2026)\.?$")


def headline_for(article_ids: Sequence[str], articles: Sequence[Article], embeddings: np.ndarray | None = None) -> str:
    """A headline for a story: the title of its most central article (or its first line),
    a title cut short ("... including 10 U.S....") only where no other is whole.

    Central = highest mean cosine to the other members when ``embeddings`` (rows aligned
    with ``articles``) is given, else the earliest-published member; ties by id.
    """
    index = {a.id: i for i, a in enumerate(articles)}
    members = sorted({i for i in (index.get(aid) for aid in article_ids) if i is not None},
                     key=lambda i: articles[i].id)
    if not members:
        return ""
    if embeddings is not None and len(members) > 2:
        sub = embeddings[members]
        centrality = (sub @ sub.T).mean(axis=1)
        ranked = [members[k] for k in sorted(range(len(members)), key=lambda k: (-round(float(centrality[k]), 6), k))]
    else:
        ranked = sorted(members, key=lambda i: (articles[i].published or "9999", articles[i].id))
    titled = [i for i in ranked if articles[i].title]
    # a title a feed cut short ("Costa Rica plane crash kills 12, including 10 U.S....")
    # after every whole one
    titled.sort(key=lambda i: _TRUNCATED.search((articles[i].title or "").strip()) is not None)
    if titled:  # an article's own title reads better than any sentence
        title = (articles[titled[0]].title or "").strip()
        return (_TITLE_LABEL.sub("", title, count=1) or title)[:200].strip()
    art = articles[ranked[0]]
    if art.sentences:
        first = art.sentences[0]
        return art.text[first.start:first.end][:200].strip()
    return art.text.strip().split("\n", 1)[0][:200].strip()


def _parse_day(value: str | None) -> int | None:
    """Ordinal day of an ISO date string (time part ignored), None if absent/invalid."""
    if not value:
        return None
    m = _ISO_DATE.match(value)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).toordinal()
    except ValueError:
        return None


def date_penalty(days: Sequence[int | None]) -> np.ndarray:
    """Pairwise penalty: 0 within DATE_GRACE_DAYS, rising to DATE_PENALTY at grace+scale."""
    n = len(days)
    known = np.array([d is not None for d in days], dtype=bool)
    vals = np.array([d if d is not None else 0 for d in days], dtype=np.float64)
    gap = np.abs(vals[:, None] - vals[None, :])
    ramp = np.clip((gap - DATE_GRACE_DAYS) / DATE_SCALE_DAYS, 0.0, 1.0) * DATE_PENALTY
    mask = known[:, None] & known[None, :]
    return np.where(mask, ramp, 0.0) if n else np.zeros((0, 0))


def entity_overlap(article_ids: Sequence[str], entities: Sequence[Entity]) -> np.ndarray:
    """Pairwise IDF-weighted cosine of the articles' story-entity sets (0 when none).

    IDF is smoothed (``log((n+1)/(df+1)) + 1``) so an entity every article names still
    counts. Entities only one article names cannot be shared but stay in its norm: an
    article full of people the other never mentions is less alike.
    """
    n = len(article_ids)
    pos = {aid: i for i, aid in enumerate(article_ids)}
    columns: list[tuple[list[int], float]] = []
    for ent in sorted(entities, key=lambda e: e.id):
        if ent.type not in STORY_ENTITY_TYPES:
            continue
        rows = sorted({pos[a] for a in ent.article_ids if a in pos})
        if rows:
            columns.append((rows, math.log((n + 1) / (len(rows) + 1)) + 1.0))
    if not any(len(rows) >= 2 for rows, _ in columns):
        return np.zeros((n, n))
    matrix = np.zeros((n, len(columns)))
    for j, (rows, idf) in enumerate(columns):
        matrix[rows, j] = idf
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    unit = matrix / norms
    return np.asarray(unit @ unit.T)


def similarity_matrix(articles: Sequence[Article], entities: Sequence[Entity], embeddings: np.ndarray,
                      entity_weight: float = ENTITY_WEIGHT) -> np.ndarray:
    """Pairwise story similarity (see module docstring); rows follow ``articles``."""
    emb = np.asarray(embeddings, dtype=np.float64)
    sim = emb @ emb.T
    sim = sim + entity_weight * entity_overlap([a.id for a in articles], entities)
    sim = sim - date_penalty([_parse_day(a.published) for a in articles])
    return sim


def cluster_similarity(sim: np.ndarray, distance: float = STORY_DISTANCE) -> list[int]:
    """Average-linkage cluster labels for a similarity matrix cut at ``distance``."""
    n = sim.shape[0]
    if n < 2:
        return [0] * n
    from sklearn.cluster import AgglomerativeClustering

    dist = np.clip(1.0 - sim, 0.0, None)
    np.fill_diagonal(dist, 0.0)
    dist = (dist + dist.T) / 2.0
    model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                    distance_threshold=distance)
    return [int(x) for x in model.fit_predict(dist)]


def _sorted_stories(groups: Mapping[object, list[str]]) -> list[tuple[str, ...]]:
    stories = [tuple(sorted(set(ids))) for ids in groups.values()]
    return sorted(stories, key=lambda s: (-len(s), s[0]))


def assign_stories(articles: Sequence[Article], entities: Sequence[Entity], embeddings: np.ndarray,
                   settings: Settings | None = None, distance: float = STORY_DISTANCE) -> list[tuple[str, ...]]:
    """Group article ids into stories (see module docstring for the similarity).

    ``embeddings`` has one row per article in ``articles`` order (``embed_articles``).
    Articles whose ``duplicate_of`` names another input article join that article's
    story. ``settings`` is accepted for the stage contract; thresholds are module
    constants. Repeated ids are kept once.
    """
    emb = np.asarray(embeddings)
    if emb.ndim != 2 or emb.shape[0] != len(articles):
        raise ValueError(f"embeddings shape {emb.shape} does not match {len(articles)} articles")
    first: dict[str, int] = {}
    for i, a in enumerate(articles):
        first.setdefault(a.id, i)
    root_of = {aid: _root(aid, articles, first) for aid in first}
    originals = sorted(set(root_of.values()))
    rows = [first[aid] for aid in originals]
    labels = cluster_similarity(similarity_matrix([articles[i] for i in rows], entities, emb[rows]), distance)
    story_of = dict(zip(originals, labels, strict=True))
    groups: dict[object, list[str]] = {}
    for aid in sorted(first):
        groups.setdefault(story_of[root_of[aid]], []).append(aid)
    return _sorted_stories(groups)


def _root(aid: str, articles: Sequence[Article], first: Mapping[str, int]) -> str:
    """The article ``aid`` is a copy of, following ``duplicate_of`` links inside the input.

    A link to an id not in the input ends the chain; a cycle resolves to its smallest id.
    """
    path: list[str] = []
    while aid not in path:
        path.append(aid)
        nxt = articles[first[aid]].duplicate_of
        if nxt is None or nxt not in first:
            return aid
        aid = nxt
    return min(path[path.index(aid):])
