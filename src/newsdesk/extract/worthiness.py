"""Check-worthiness: how much a claim states something a fact-checker could verify.

A transparent score in [0, 1] read from the claim's own words, used to order claims (the
brief lists single-source claims most check-worthy first); it is no verdict on truth.

- **Stance.** A fact-kind claim is a statement. Opinion and question kinds score low, and
  so does a quote whose words give the speaker's view or intention ("I think ...", "we
  will ...", "we need to ...": ``claims.speaker_view``); "We lost 70,000 factories" in
  a quote is the speaker's checkable claim.
- **Specificity.** A figure (a quantity the quantities stage read, not one that refers
  back to things already counted: "the two events"), a date, a named
  person, organisation or place, a completed act (past tense) and a comparison ("the
  largest", "more than") each add to the score. In a quote only the quoted words count,
  not the attribution around them.

The weights are set by hand, not fitted to any data set. ``newsdesk eval checkworthy``
measures the score on ClaimBuster and CLEF-2020 CheckThat! (debate transcripts, each
line read as a speaker's own words). A logistic regression over the same marks (stance,
figure, name, completed act, date, comparison), fitted on the even-numbered ClaimBuster
sentences, ranked the odd-numbered ones and CLEF-2020 worse than these weights (average
precision 0.725 against 0.737; MAP 0.044 against 0.050; quality/results.json): an
additive model misses that a view's figures are not a fact's, which the stance factor
here keeps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newsdesk.model import ArticleAnnotations, Quantity
from newsdesk.nlp import region_heads

# Stance: what a claim of each kind starts from (a statement of fact is 1).
VIEW_BASE = 0.3
QUESTION_BASE = 0.1
# Specificity: the score of a bare statement, and what each mark of a checkable one adds
# (a statement with all of them scores 1.0).
BARE = 0.3
FIGURE = 0.3
NAMED = 0.15
PAST = 0.15
DATE = 0.1
COMPARISON = 0.1
# A claim scoring this much states a figure, or two other marks of a checkable fact
# (what ``newsdesk eval checkworthy`` counts as flagged check-worthy).
CHECKWORTHY = 0.6
# Entity labels that name who or what a claim is about.
NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LAW", "EVENT", "FAC", "LOC", "PRODUCT"})
_COMPARISON_TAGS = frozenset({"JJR", "JJS", "RBR", "RBS"})
_REFERRING = frozenset({"the", "these", "those"})
# Counts below this after "the"/"these"/"those" refer back (see ``_referring``).
REFERRING_BELOW = 10


@dataclass(frozen=True, slots=True)
class Marks:
    """What ``checkworthiness`` reads of a claim: its stance, and the marks of a checkable
    statement its words carry."""

    view: bool  # an opinion, or a quote giving the speaker's view or intention
    question: bool
    figure: bool
    named: bool
    past: bool
    dated: bool
    compared: bool


def worthiness_marks(tokens: Sequence[Any], kind: str, annotations: ArticleAnnotations) -> Marks | None:
    """The ``Marks`` of a claim of ``kind`` whose words are ``tokens`` (spaCy tokens of its
    article's parse: for a quote, the quoted words), from the figures, dates and names
    ``annotations`` found in the article; None when it has no words."""
    from newsdesk.extract.claims import speaker_view  # claims imports this module

    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if not words:
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    at = {t.idx: t for t in words}
    return Marks(
        view=kind == "opinion" or (kind == "quote" and speaker_view(tokens)),
        question=kind == "question",
        figure=any(start <= q.evidence.start < end and not _referring(q, at.get(q.evidence.start))
                   for q in annotations.quantities),
        named=any(start <= m.start < end and m.label in NAMED_LABELS for m in annotations.mentions),
        past=_completed(words),
        dated=any(start <= t.evidence.start < end for t in annotations.times),
        compared=any(t.tag_ in _COMPARISON_TAGS for t in words))


def score(marks: Marks | None) -> float:
    """The check-worthiness of a claim's ``Marks`` (0.0 for None), rounded to 3 places."""
    if marks is None:
        return 0.0
    base = QUESTION_BASE if marks.question else VIEW_BASE if marks.view else 1.0
    total = (BARE + FIGURE * marks.figure + NAMED * marks.named + PAST * marks.past + DATE * marks.dated
             + COMPARISON * marks.compared)
    return round(min(1.0, base * total), 3)


def checkworthiness(tokens: Sequence[Any], kind: str, annotations: ArticleAnnotations) -> float:
    """The check-worthiness of a claim of ``kind`` whose words are ``tokens`` (see
    ``worthiness_marks``), rounded to 3 places."""
    return score(worthiness_marks(tokens, kind, annotations))


def _referring(q: Quantity, token: Any | None) -> bool:
    """A small count after "the", "these" or "those" refers back to things already
    counted ("the two events", "these three countries"): no figure of its own to check.
    A large one is the figure itself ("the 84 people killed")."""
    return (q.unit is None and q.value < REFERRING_BELOW and token is not None and token.i > 0
            and token.nbor(-1).lower_ in _REFERRING)


def _completed(words: Sequence[Any]) -> bool:
    """A main verb of the words tells an act that took place: past tense ("asked", "did
    ask"), a perfect ("has asked") or a passive ("was killed"; "is expected" counts too,
    as the tags do not tell them apart)."""
    for verb in region_heads(words):
        if verb.tag_ == "VBD" or any(c.dep_ == "aux" and c.tag_ == "VBD" for c in verb.children):
            return True
        if verb.tag_ == "VBN" and any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
            return True
    return False
