"""Statements told again in other words (``ClaimGroup.restates``).

Alignment groups the claims of a story by what they state, and a sentence carrying
several facts may support several groups. Two groups can still be one statement told
twice: outlets word "U.S. Pacific Command says the missile didn't pose a threat to North
America or Guam" and "According to the US Pacific Command, the missile did not pose any
threat to the US mainland or the US Pacific territory" so differently that their
clauses form two groups, each holding most of the other's sentences. Shared sentences
alone do not make one statement ("The Chicago Cubs ended their 108-year curse ..." and
"Jubilant Chicago Cubs fans spilled from sports bars ..." are two facts of the same
opening sentences); worded alike besides, by the sentence model, they do.

A group that restates another keeps its members, support and evidence in report.json;
``restates`` names the group it tells again: the better supported one, as the brief
ranks them (``report.view``), which lists that one alone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

import numpy as np

from newsdesk.model import ATTRIBUTION, Article, Claim, ClaimGroup, support_order

__all__ = ["with_restatements"]

# Cosine of the two groups' texts (the sentence model's vectors of the members they are
# worded from) from which they say the same thing. On the 383-article giveme5w1h run the
# 8 pairs of corroborated groups sharing sentences whose texts score 0.80 or more are each
# one statement told twice; below it come two facts of one sentence ("Gorilla World will
# be closed ..." and "The zoo is to be open as usual on Sunday but ...", 0.75). A group
# whose text no claim's vector stands for (a whole sentence where the members are its
# clauses) is embedded here (``encode``); one whose members are a part of its text is
# read by that part (``_stated``).
RESTATE_COSINE = 0.80
# The sentences the two share, at least this many and this share of the sentences of the
# group with fewer: most of what each outlet wrote for one is what it wrote for the other.
# Or the two rest on the same articles and share a sentence: an outlet telling a statement
# twice (the Daily Mail's "An Egyptian court sentenced Mohamed Morsi to three years ..."
# and "... sentenced ousted Islamist president Mohamed Morsi to three years ...") joins
# another outlet's one sentence in two groups. Read on the 383 giveme5w1h articles: of the
# 9 pairs this links at RESTATE_COSINE, 8 are one statement; the ninth tells the news and
# its background ("have for the first time identified microbes in space" / "Previously,
# the only way to identify microbes ... was to send them back to Earth").
MIN_SHARED_SENTENCES = 2
MIN_SHARED_SHARE = 0.5


def _words(text: str) -> str:
    return " ".join(text.split())


def _stated(group: ClaimGroup) -> str:
    """What a group states: its text, or the part of it its members state when the text
    is the sentence around them (``ClaimGroup.focus``): "There were no passengers on the
    trains" is not "MTA officials say the accident is having no impact ...", though the
    sentence holding both is worded much like the latter."""
    return group.text[group.focus[0]:group.focus[1]] if group.focus else group.text


def _articles(group: ClaimGroup) -> frozenset[str]:
    return frozenset(e.article_id for e in group.evidence)


def _sentences(group: ClaimGroup, articles: Mapping[str, Article]) -> set[tuple[str, int]]:
    """(article id, sentence start) of each sentence the group's evidence lies in."""
    out: set[tuple[str, int]] = set()
    for e in group.evidence:
        article = articles.get(e.article_id)
        sentence = article.sentence_at(e.start) if article is not None else None
        if sentence is not None:
            out.add((e.article_id, sentence.start))
    return out


def with_restatements(
    groups: Sequence[ClaimGroup], claims: Sequence[Claim], vectors: np.ndarray, articles: Mapping[str, Article],
    encode: Callable[[Sequence[str]], np.ndarray] | None = None,
) -> tuple[ClaimGroup, ...]:
    """``groups`` with ``restates`` set where a corroborated group tells a better supported
    one again (see the module's note). ``vectors``: the claims' embeddings, row by row, a
    zero row where none was worked out; a group's vector is that of the member its text
    is worded from. ``encode`` (the sentence model) embeds the texts of groups sharing
    enough sentences that no claim's vector stands for (a sentence around its members'
    clauses, or a claim not embedded); without it such a group is never linked."""
    vector_of: dict[str, np.ndarray] = {}
    for claim, row in zip(claims, vectors, strict=True):
        if row.any():
            vector_of.setdefault(_words(claim.evidence.text), row)
    order = sorted((g for g in groups if g.support_count >= 2 and g.kind != ATTRIBUTION), key=support_order)
    held = {g.id: _sentences(g, articles) for g in order}
    pairs = []
    for k, keep in enumerate(order):
        for other in order[k + 1:]:
            if other.text == keep.text:  # one sentence's list items
                continue
            shared = len(held[keep.id] & held[other.id])
            fewer = min(len(held[keep.id]), len(held[other.id]))
            if (shared >= MIN_SHARED_SENTENCES and shared >= MIN_SHARED_SHARE * fewer) or (
                    shared and _articles(keep) == _articles(other)):
                pairs.append((keep, other))
    vec = {g.id: vector_of.get(_words(_stated(g))) for g in order}
    missing = sorted({_stated(g) for pair in pairs for g in pair if vec[g.id] is None})
    if missing and encode is not None:
        found = dict(zip(missing, np.asarray(encode(missing), dtype=np.float32), strict=True))
        vec = {g.id: found.get(_stated(g)) if vec[g.id] is None else vec[g.id] for g in order}
    link: dict[str, str] = {}
    for keep, other in pairs:
        a, b = vec[keep.id], vec[other.id]
        if keep.id in link or other.id in link or a is None or b is None:
            continue
        if float(a @ b) >= RESTATE_COSINE:
            link[other.id] = keep.id
    return tuple(replace(g, restates=link[g.id]) if g.id in link else g for g in groups)
