"""Attribution claims: what several outlets say about where the story comes from.

When two or more outlets (near-duplicates counted once) cite one source ("Official U.S.
memos obtained by The Washington Post", "according to a report by The Washington Post",
"This was reported by The Washington Post."), that they do so is itself a statement the
outlets share: "Attributed to Washington Post", kind ``attribution``. Its evidence is the
words that name the source in each article (``Citation.mention``, the first per
article), or the whole sentence where the sentence only credits the source.

A sentence that does nothing but credit the article's source is no fact of the story:
its claim group becomes kind ``attribution`` too, folded into the source's group when
there is one. The brief keeps attribution claims out of the summary, key facts and
single-source facts (they are what its source table and independence figures say);
report.json and the claim-by-source matrix list them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from newsdesk.crosscheck.sources import is_article_level
from newsdesk.extract.citations import outlet_key
from newsdesk.model import ATTRIBUTION, Citation, ClaimGroup, Evidence, content_hash

__all__ = ["with_attributions"]

# outlets (near-duplicates counted once) that must cite a source for the citing to be a claim
MIN_CITING = 2


def _credits(citations: Sequence[Citation]) -> list[Citation]:
    """Citations whose sentence only credits the article's source."""
    return [c for c in citations if c.mention is not None and is_article_level(c)]


def _credit_of(group: ClaimGroup, credits: Sequence[Citation]) -> str | None:
    """The source key ``group`` only credits: every span inside one credit sentence, of one source."""
    keys: set[str] = set()
    for e in group.evidence:
        hit = [c for c in credits if c.evidence.article_id == e.article_id
               and c.evidence.start <= e.start and e.end <= c.evidence.end]
        if not hit:
            return None
        keys.add(outlet_key(hit[0].cites))
    return keys.pop() if len(keys) == 1 else None


def with_attributions(
    groups: Sequence[ClaimGroup], citations: Sequence[Citation], family: Mapping[str, str],
) -> tuple[ClaimGroup, ...]:
    """``groups`` plus one attribution group per source that MIN_CITING or more article
    families cite, with credit-only groups re-kinded or folded in (see the module doc)."""
    credits = _credits(citations)
    named: dict[str, dict[str, Citation]] = {}  # source key -> article id -> its first naming citation
    for c in sorted(citations, key=lambda c: (c.article_id, c.evidence.start)):
        if c.mention is not None and outlet_key(c.cites):
            named.setdefault(outlet_key(c.cites), {}).setdefault(c.article_id, c)
    cited = {key: by_article for key, by_article in named.items()
             if len({family.get(a, a) for a in by_article}) >= MIN_CITING}
    out: list[ClaimGroup] = []
    folded: dict[str, list[Evidence]] = {}
    for g in groups:
        key = _credit_of(g, credits)
        if key is None:
            out.append(g)
        elif key in cited and all(e.article_id in cited[key] for e in g.evidence):
            folded.setdefault(key, []).extend(g.evidence)
        else:
            out.append(replace(g, kind=ATTRIBUTION))
    for key, by_article in sorted(cited.items(), key=lambda kv: min(kv[1])):
        sentences = {e.article_id: e for e in folded.get(key, ())}
        evidence = tuple(sorted((sentences.get(aid, c.mention) for aid, c in by_article.items()
                                 if c.mention is not None), key=lambda e: (e.article_id, e.start)))
        name = next(iter(by_article.values())).cites
        support = len({family.get(aid, aid) for aid in by_article})
        out.append(ClaimGroup(
            id="g" + content_hash(ATTRIBUTION, key, *(f"{e.article_id}:{e.start}" for e in evidence), length=15),
            text=f"Attributed to {name}.", kind=ATTRIBUTION, status="corroborated",
            support_count=support, origins=(name,), evidence=evidence,
        ))
    out.sort(key=lambda g: (-g.support_count, g.evidence[0].article_id, g.evidence[0].start))
    return tuple(out)
