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

from collections.abc import Mapping, Sequence
from dataclasses import replace

import numpy as np

from newsdesk.model import ATTRIBUTION, Article, Claim, ClaimGroup, support_order

__all__ = ["with_restatements"]

# Cosine of the two groups' texts (the sentence model's vectors of the members they are
# worded from) from which they say the same thing. On the 383-article giveme5w1h run the
# 8 pairs of corroborated groups sharing sentences whose texts score 0.80 or more are each
# one statement told twice; below it come two facts of one sentence ("Gorilla World will
# be closed ..." and "The zoo is to be open as usual on Sunday but ...", 0.75). 4 of the 8
# are linked: in the other 4 one group's text is the sentence around its members' clauses,
# which has no vector here.
RESTATE_COSINE = 0.80
# The sentences the two share, at least this many and this share of the sentences of the
# group with fewer: most of what each outlet wrote for one is what it wrote for the other.
MIN_SHARED_SENTENCES = 2
MIN_SHARED_SHARE = 0.5


def _words(text: str) -> str:
    return " ".join(text.split())


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
) -> tuple[ClaimGroup, ...]:
    """``groups`` with ``restates`` set where a corroborated group tells a better supported
    one again (see the module's note). ``vectors``: the claims' embeddings, row by row, a
    zero row where none was worked out; a group's vector is that of the member its text
    is worded from, and a group with none is never linked."""
    vector_of: dict[str, np.ndarray] = {}
    for claim, row in zip(claims, vectors, strict=True):
        if row.any():
            vector_of.setdefault(_words(claim.evidence.text), row)
    order = sorted((g for g in groups if g.support_count >= 2 and g.kind != ATTRIBUTION), key=support_order)
    held = {g.id: _sentences(g, articles) for g in order}
    vec = {g.id: vector_of.get(_words(g.text)) for g in order}
    link: dict[str, str] = {}
    for k, keep in enumerate(order):
        a = vec[keep.id]
        if keep.id in link or a is None:
            continue
        for other in order[k + 1:]:
            b = vec[other.id]
            if other.id in link or b is None or other.text == keep.text:  # one sentence's list items
                continue
            shared = len(held[keep.id] & held[other.id])
            fewer = min(len(held[keep.id]), len(held[other.id]))
            if shared >= MIN_SHARED_SENTENCES and shared >= MIN_SHARED_SHARE * fewer and float(a @ b) >= RESTATE_COSINE:
                link[other.id] = keep.id
    return tuple(replace(g, restates=link[g.id]) if g.id in link else g for g in groups)
