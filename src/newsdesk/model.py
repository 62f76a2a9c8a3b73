"""The one immutable data model every stage reads and returns.

Data flow: ingest -> ``RawDocument`` -> clean -> ``Article`` -> dedup / stories ->
extract (``Mention``, ``Entity``, ``Quantity``, ``TimeExpression``, ``Quote``,
``Citation``, ``Claim``) -> cross-check (``ClaimGroup``, ``Contradiction``) -> ``Story``
-> ``Report``.

All provenance is character offsets: ``start``/``end`` index into ``Article.text`` (the
cleaned text) unless a field says otherwise, and ``Evidence.text`` always equals
``article.text[start:end]``. Records are frozen; stages return new records
(``dataclasses.replace``) and never mutate their inputs.
"""

from __future__ import annotations

import functools
import hashlib
import os
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar
from urllib.parse import urlparse

SCHEMA_ID = "newsdesk.report/1"

_T = TypeVar("_T")
_R = TypeVar("_R")


def content_hash(*parts: str, length: int = 16) -> str:
    """sha256 over NFC-normalized, whitespace-collapsed parts; hex prefix of ``length``."""
    h = hashlib.sha256()
    for part in parts:
        norm = " ".join(unicodedata.normalize("NFC", part).split())
        h.update(norm.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


def last_tuple_cache(build: Callable[[Sequence[_T]], _R]) -> Callable[[Sequence[_T]], _R]:
    """``build`` (an index derived from a run's records) kept for the last tuple it was
    called with, matched by identity: a tuple cannot change under the cache, so each
    article or story of a run reuses one index. Other sequences are built on each call."""
    slot: list[tuple[Sequence[_T], _R]] = []

    @functools.wraps(build)
    def cached(items: Sequence[_T]) -> _R:
        if slot and slot[0][0] is items:
            return slot[0][1]
        out = build(items)
        if isinstance(items, tuple):
            slot[:] = [(items, out)]
        return out

    return cached


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of one article's cleaned text: ``text == article.text[start:end]``."""

    article_id: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, object]:
        return {"article_id": self.article_id, "start": self.start, "end": self.end, "text": self.text}

    def overlaps(self, other: Evidence) -> bool:
        """Whether the two spans share a character of one article."""
        return self.article_id == other.article_id and self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class RawDocument:
    """What ingest produced: extracted article text (not yet cleaned) and metadata.

    ``text`` is plain text: for HTML input it is the extractor's output, for text input
    the decoded file. Nothing here has been judged yet.
    """

    source: str
    text: str
    url: str | None = None
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or None
    encoding: str | None = None


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line cleaning dropped, with why; offsets index ``Article.raw_text``."""

    text: str
    reason: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps offsets in the cleaned text back to the raw (pre-clean) text.

    ``segments`` holds ``(clean_start, raw_start, length)`` runs of text copied verbatim,
    sorted by ``clean_start``. Characters between runs (inserted separators) map to the
    start of the next run.
    """

    segments: tuple[tuple[int, int, int], ...] = ()

    def to_raw(self, offset: int) -> int:
        if not self.segments:
            return offset
        starts = [s[0] for s in self.segments]
        i = max(bisect_right(starts, offset) - 1, 0)
        clean_start, raw_start, length = self.segments[i]
        return raw_start + min(max(offset - clean_start, 0), length)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """A cleaned article. ``text`` is what every offset in the report points into."""

    id: str
    source: str
    text: str
    raw_text: str
    url: str | None = None
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    removed: tuple[RemovedLine, ...] = ()
    offset_map: OffsetMap = field(default_factory=OffsetMap)
    sentences: tuple[Sentence, ...] = ()
    duplicate_of: str | None = None

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for ``text[start:end]`` (the one way to build provenance)."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside article {self.id} (len {len(self.text)})")
        return Evidence(self.id, start, end, self.text[start:end])

    def sentence_at(self, offset: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be used, and why (never dropped silently)."""

    source: str
    reason: str
    stage: str = "ingest"


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention in one article (spaCy label set)."""

    article_id: str
    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True)
class Entity:
    """A canonical entity across the whole run ("Maduro" == "Nicolás Maduro")."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    article_ids: tuple[str, ...]
    mentions: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class Quantity:
    """A normalized amount: ``value`` in ``unit`` of ``counted`` ("14 sets" of missiles)."""

    evidence: Evidence
    value: float
    unit: str | None = None
    counted: str | None = None
    qualifier: str | None = None  # "about", "more than", "fewer than", ...


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A TIMEX3-style normalized date: value like "2025-10-31", "XXXX-10-31", "2025-10"."""

    evidence: Evidence
    value: str
    precision: str  # "day" | "month" | "year" | "decade" | "unknown"
    kind: str = "DATE"  # TIMEX3 type: DATE | TIME | DURATION | SET
    mod: str | None = None  # TIMEX3 mod: "START" | "MID" | "END" ("mid-October" -> 2025-10, MID)
    # the moment of the clock time just before it, told again in another zone ("just before
    # 6 a.m. (2100 GMT Monday)", "6am (10pm BST)"): that zone's date, not the event's day
    restates: bool = False


@dataclass(frozen=True, slots=True)
class Quote:
    speaker: str | None
    speaker_entity_id: str | None
    text: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Citation:
    """An article attributing content to another source ("according to X")."""

    article_id: str
    cites: str
    cites_entity_id: str | None
    evidence: Evidence  # the sentence (for a wire dateline: the dateline)
    # the words that name the source ("The Washington Post", "a report by The Washington
    # Post"), or None when they name it only by a word that points back ("the newspaper")
    mention: Evidence | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """One factual statement in one article (a clause or sentence)."""

    id: str
    article_id: str
    evidence: Evidence
    kind: str  # "fact" | "quote" | "opinion" | "question"
    origin: str | None = None  # who the article attributes it to, if anyone
    checkworthy: float = 0.0  # 0..1, see extract.worthiness
    # "sentence" (a sentence or one of its coordinated clauses), "item" (one item of a
    # list: "five radars"), "clause" (a full clause embedded in a sentence: "Maduro has
    # reached out to Moscow" in "Recent reports reveal that Maduro has ...")
    part: str = "sentence"


# ClaimGroup.kind of a group that says who the outlets cite ("Attributed to Washington Post")
ATTRIBUTION = "attribution"


@dataclass(frozen=True)
class ClaimGroup:
    """Claims that state the same thing across articles."""

    id: str
    text: str
    kind: str
    status: str  # "corroborated" | "single-source" | "contradicted"
    support_count: int
    origins: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    checkworthy: float = 0.0  # its most check-worthy member's (extract.worthiness)
    # (start, end) in ``text`` of what the members state, when ``text`` is the sentence
    # around a list item ("radar overhauls" in "The letter asked for ..., including
    # engine and radar overhauls, ..."); None when ``text`` is a member's own words
    focus: tuple[int, int] | None = None
    # the id of a better supported group this one tells again in other words
    # (``crosscheck.restated``); the brief lists that one alone
    restates: str | None = None


def support_order(group: ClaimGroup) -> tuple[int, int, str]:
    """The key groups are ranked by, best supported first: more articles, then more
    evidence spans, then id. The brief lists key facts in it (``report.view``), and a
    restatement names the group before it there (``crosscheck.restated``)."""
    return (-group.support_count, -len(group.evidence), group.id)


@dataclass(frozen=True, slots=True)
class Contradiction:
    id: str
    reason: str
    a: Evidence
    b: Evidence
    kind: str = "other"  # "quantity" | "date" | "role" | "direction" | "outcome" | "new-vs-existing" | "negation" | "actor" | ...


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: str
    text: str
    evidence: Evidence
    mod: str | None = None  # TIMEX3 mod of the date: "START" | "MID" | "END" ("mid-October")


@dataclass(frozen=True, slots=True)
class CountedFact:
    """A counted thing an article names and what happened to it: "84 people" killed."""

    quantity: Quantity
    counted: str  # head noun of what is counted, as written ("people")
    predicate: str  # class label ("killed") or the predicate's lemma
    worded: str = ""  # a predicate without a class as the article words it in a past form ("trapped"), else ""


@dataclass(frozen=True)
class ArticleAnnotations:
    """Everything the extract stages found in one article (a layer beside the Article)."""

    article_id: str
    mentions: tuple[Mention, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    quotes: tuple[Quote, ...] = ()
    citations: tuple[Citation, ...] = ()
    claims: tuple[Claim, ...] = ()
    counted: tuple[CountedFact, ...] = ()


@dataclass(frozen=True)
class FigureValue:
    """One value a figure is given as, with the articles that give it."""

    value: float
    text: str  # the most common wording ("at least 84 people")
    support_count: int  # distinct articles, near-duplicates counted once
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Figure:
    """One figure of the story across outlets: what is counted, what happened to it, and
    every value the articles give ("people killed": 84 in five outlets, 80 in two)."""

    id: str
    counted: str  # "people"
    predicate: str  # "killed"; a predicate without a class as worded ("trapped"), else its lemma
    values: tuple[FigureValue, ...]  # most supported first
    differ: bool  # a toll (killed, injured, ...) given as two values that cannot be one figure


@dataclass(frozen=True)
class Story:
    id: str
    headline: str
    article_ids: tuple[str, ...]
    entities: tuple[Entity, ...] = ()
    claims: tuple[ClaimGroup, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    citations: tuple[Citation, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    figures: tuple[Figure, ...] = ()


@dataclass(frozen=True)
class StageTiming:
    """Wall time of one pipeline stage, items it processed, and the process's peak RSS
    (MiB) when it ended (peak RSS is monotonic, so a jump shows which stage caused it)."""

    stage: str
    seconds: float
    items: int
    peak_rss_mb: float = 0.0


@dataclass(frozen=True)
class Report:
    """The result of one analyze run (serialized as schema ``newsdesk.report/1``)."""

    generated_by: str
    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]
    stories: tuple[Story, ...]
    annotations: tuple[ArticleAnnotations, ...] = ()
    timings: tuple[StageTiming, ...] = ()

    def article(self, article_id: str) -> Article:
        """The article of that id (KeyError if none): looked up in an index built once."""
        return self._articles_by_id[article_id]

    @functools.cached_property
    def _articles_by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}


def outlet_label(article: Article) -> str:
    """A short human name for where an article comes from: its outlet, its URL's host, or
    its file's name without the extension."""
    if article.outlet:
        return article.outlet
    if article.url:
        host = urlparse(article.url).hostname or ""
        if host:
            return host.removeprefix("www.")
    if not article.source:
        return article.id
    # one article of a JSONL file or JSON array keeps its number ("batch:3"), or every
    # article of the file would be one outlet
    name, colon, number = os.path.basename(article.source).partition(":")
    return (os.path.splitext(name)[0] + colon + number) or article.id
