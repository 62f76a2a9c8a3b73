"""Figures across outlets: every value the story's articles give for one counted thing.

A claim group holds one sentence's worth of statement; the death toll of an attack sits
inside many different sentences ("at least 84 people were killed by the driver", "Three
Tunisians were among the 84 people killed", "Cazeneuve said 80 people were killed"), so
no claim group gathers it. ``extract.counted`` gives each article's counted things with
what happened to them ("84 people": killed); this stage groups them across articles by
(counted thing, what happened). Each group lists its values, most supported first, and,
for a toll (``TOLLS``: killed, injured, arrested, ...), says whether two values given in
the leads of their articles cannot be the same figure (``quantities_compatible``:
rounding and bounds such as "more than 70" next to 77 are no disagreement).

Only figures that two or more articles give (near-duplicates counted once) are kept:
a figure only one article has is a single-source claim, and the claims say so. A count
other than a toll is kept only when two articles give one of its values: "two runs" in
one report and "three runs" in another are two innings, not one figure.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from newsdesk.extract.quantities import quantities_compatible, singular
from newsdesk.model import (
    Article,
    ArticleAnnotations,
    CountedFact,
    Evidence,
    Figure,
    FigureValue,
    Quantity,
    content_hash,
)

# Counts with one true value per event (a death toll): two values that cannot be the same
# figure are a disagreement. Other counts often have several true values in one story
# ("scored two runs" in one inning, "three runs" in another) and are listed, not flagged.
TOLLS = frozenset({"killed", "injured", "arrested", "missing", "evacuated", "rescued"})
# A toll's values disagree only when given in the lead of their articles (the first this
# many sentences): deeper in an article a count is often another event's ("among the six
# people who died when the seaplane crashed") or a part ("a hospital treating 20 people").
LEAD_SENTENCES = 3
LEAD_MIN_WORDS = 4
# A figure needs this many articles (near-duplicates once) to be cross-checked.
MIN_ARTICLES = 2


def _support(evidence: Sequence[Evidence], family: Mapping[str, str]) -> int:
    return len({family.get(e.article_id, e.article_id) for e in evidence})


def _differ(values: Sequence[tuple[Quantity, ...]], lead_end: Mapping[str, int]) -> bool:
    """Whether two values, each given in the lead of some article, cannot be the same
    figure (rounding and bounds allowed)."""
    reps = [next((q for q in qs if q.evidence.start < lead_end.get(q.evidence.article_id, 1 << 62)), None)
            for qs in values]
    led = [q for q in reps if q is not None]
    return any(quantities_compatible(a, b) is False for i, a in enumerate(led) for b in led[i + 1:])


def _lead_ends(articles: Sequence[Article]) -> dict[str, int]:
    """article id -> where its lead (first LEAD_SENTENCES sentences) ends. A line of fewer
    than LEAD_MIN_WORDS words ("Video", "(CNN)", "Photo") is no sentence of the lead."""
    ends: dict[str, int] = {}
    for a in articles:
        lead = [s for s in a.sentences if len(re.findall(r"\w+", a.text[s.start:s.end])) >= LEAD_MIN_WORDS]
        lead = (lead or list(a.sentences))[:LEAD_SENTENCES]
        if lead:
            ends[a.id] = lead[-1].end
    return ends


def _commonest(counts: Counter[str]) -> str:
    """The most frequent word, ties in alphabetical order (the same on every run)."""
    return min(counts, key=lambda w: (-counts[w], w))


def _usual_wording(texts: Sequence[str]) -> str:
    """The wording most outlets use for one value, case aside, in its least shouted form: a
    heading's "AT least two people" counts with "at least two people" and reads as that."""
    counts = Counter(t.casefold() for t in texts)
    usual = _commonest(counts)
    return min((t for t in texts if t.casefold() == usual), key=lambda t: (sum(c.isupper() for c in t), t))


def build_figures(articles: Sequence[Article], annotations: Mapping[str, ArticleAnnotations],
                  family: Mapping[str, str]) -> tuple[Figure, ...]:
    """Figures two or more articles (near-duplicates once) give, most supported first,
    from each article's ``ArticleAnnotations.counted``. ``family``: article id -> the
    original it duplicates (``align.duplicate_families``)."""
    groups: dict[tuple[str, str], list[CountedFact]] = defaultdict(list)
    for a in articles:
        for f in annotations[a.id].counted if a.id in annotations else ():
            groups[(singular(f.counted), f.predicate)].append(f)
    figures: list[tuple[int, Figure]] = []  # (articles giving it, figure)
    leads = _lead_ends(articles)
    for (_noun, pred), facts in sorted(groups.items()):
        support = _support([f.quantity.evidence for f in facts], family)
        if support < MIN_ARTICLES:
            continue
        by_value: dict[float, list[Quantity]] = defaultdict(list)
        for f in facts:
            by_value[round(f.quantity.value, 6)].append(f.quantity)
        values = []
        for value, qs in by_value.items():
            evidence = tuple(sorted((q.evidence for q in qs), key=lambda e: (e.article_id, e.start)))
            text = _usual_wording([" ".join(q.evidence.text.split()) for q in qs])
            values.append((FigureValue(value, text, _support(evidence, family), evidence), tuple(qs)))
        values.sort(key=lambda v: (-v[0].support_count, -len(v[0].evidence), v[0].value))
        if pred not in TOLLS and values[0][0].support_count < MIN_ARTICLES:
            continue  # "scored two runs", "three runs": one outlet each, several true counts
        counted = Counter(f.counted for f in facts)
        noun = _commonest(counted)
        fid = "f" + content_hash(noun, pred, *(f"{v.value:g}" for v, _ in values), length=12)
        differ = pred in TOLLS and _differ([qs for _, qs in values], leads)
        worded = Counter(f.worded for f in facts if f.worded)
        label = _commonest(worded) if worded else pred  # "trapped", not "trap"
        figures.append((support, Figure(fid, noun, label, tuple(v for v, _ in values), differ)))
    figures.sort(key=lambda sf: (-sf[0], sf[1].counted, sf[1].predicate, sf[1].id))
    return tuple(f for _, f in figures)
