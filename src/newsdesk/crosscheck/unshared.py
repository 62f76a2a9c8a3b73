"""Single-source figures inside shared statements.

Outlets that corroborate a statement often word it with details of their own: "“My eyes
just about popped out of my head,” the 58-year-old Horomanski told the Erie
Times-News" is the quote five outlets carry, but her age rests on that one outlet. A
figure (a quantity with a unit or a counted noun, ``extract.quantities``) inside a
corroborated group's span that no article of another family (near-duplicates are one)
gives anywhere in the story, in any wording that can state the same amount
(``quantities_compatible``: "more than 270 girls" and "276 girls" may; a count is the
same whatever it counts: "143 million consumers", "143 million Americans"; a sum is the
same in two namings of its currency; an age is the same in any wording: "a 16-year-old
girl", "Ahed Tamimi, 16,"), is a single-source claim of its own: its text is the
member's sentence, its ``focus`` the figure, its evidence the figure's words; the
unshared figures of one sentence are one such claim, its ``focus`` from the first to the
last ("overhauling **eight engines and five radars**"). The brief's note on a shared
statement's figures reads "one outlet's" the same way (``StoryFigures``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from newsdesk.model import Article, ArticleAnnotations, ClaimGroup, Evidence, Quantity, content_hash

__all__ = ["StoryFigures", "with_unshared_figures"]


# Words before a number that make it a reference to things already known, no figure:
# "between the two countries", "their three sons"
_REFERRING = re.compile(r"\b(?:the|these|those|both|its|their|his|her|our|my|your)\s+$", re.IGNORECASE)
# An age is a time expression too ("58-year-old", a duration) and stays a figure.
_AGE = re.compile(r"-years?-old\b", re.IGNORECASE)
# A figure in brackets after another is that figure converted: "$7m (£5m)", "2,700 km
# (1,680 miles)"; outlets convert differently, none states a figure of its own that way.
_CONVERTED = re.compile(r"\(\s*(?:about|around|roughly|some|nearly|almost)?\s*$", re.IGNORECASE)


def _measures(q: Quantity, text: str, times: Sequence[Evidence]) -> bool:
    """A figure one could check: it has a unit or counts a thing named in lower case (not
    "20 of 29", "three SpaceX Falcon 9 rockets"). Not a count of things already known
    ("the two countries"), a count inside a compound ("30 ship-to-ship transfers"), a
    count with a fraction (a version: "update 5.50 features"), a conversion in brackets
    ("(1,680 miles)") or a time in ``times`` ("2100 GMT Monday", "two months after": the
    timeline's). A measure keeps its "the" and its hyphen: "the 58-year-old" is an age."""
    start, end = q.evidence.start, q.evidence.end
    if not (q.unit or (q.counted and q.counted[:1].islower())):
        return False
    if q.unit is None and q.value != int(q.value):
        return False
    counts = q.unit is None  # a count of things, not a measure ("the 58-year-old", "the $5 billion hit")
    if counts and (text[end:end + 1] == "-" or _REFERRING.search(text, max(0, start - 12), start)):
        return False
    if _CONVERTED.search(text, max(0, start - 10), start):
        return False
    return not any(t.overlaps(q.evidence) for t in times)


# An age as outlets write it: "the 16-year-old", "aged 16", and the apposition after a
# name, "Ahed Tamimi, 16, was charged" (AP style). One outlet's "16-year-old" is the
# figure of another's "Ahed Tamimi, 16,". A number in brackets after a name is left out:
# "Room (101)" is no age.
_AGES = re.compile(
    r"\b(?P<a>\d{1,3}|[a-z]+(?:-[a-z]+)?)-years?-old\b|\baged\s+(?P<b>\d{1,3})\b"
    r"|\b(?-i:[A-Z])[\w'’.-]+,\s(?P<c>\d{1,3}),\s", re.IGNORECASE)


def _ages(text: str) -> dict[int, float]:
    """Start offset of each age's number in ``text`` -> the age."""
    from newsdesk.extract.quantities import parse_number

    out: dict[int, float] = {}
    for m in _AGES.finditer(text):
        group = next(g for g in ("a", "b", "c") if m.group(g))
        value = parse_number(m.group(group))
        if value is not None and 0 < value < 130:
            out[m.start(group)] = value
    return out


@dataclass(frozen=True)
class StoryFigures:
    """The figures of a story's articles and which of them another outlet shares: the one
    reading of "this figure rests on one outlet" that the single-source figure claims and
    the brief's note on a shared statement's text ("“eight engines”: 004 alone") use."""

    measured: Mapping[str, tuple[Quantity, ...]]  # article id -> its figures (``_measures``)
    every: Mapping[str, tuple[Quantity, ...]]  # article id -> all its quantities: "the 276 girls" states 276 too
    family: Mapping[str, str]
    ages: Mapping[str, Mapping[int, float]]  # article id -> its ages (``_ages``)

    @classmethod
    def of(cls, ids: Sequence[str], articles: Mapping[str, Article],
           annotations: Mapping[str, ArticleAnnotations], family: Mapping[str, str]) -> StoryFigures:
        measured: dict[str, tuple[Quantity, ...]] = {}
        for aid in sorted(set(ids)):
            if aid in annotations and aid in articles:
                times = [t.evidence for t in annotations[aid].times if not _AGE.search(t.evidence.text)]
                measured[aid] = tuple(q for q in annotations[aid].quantities
                                      if _measures(q, articles[aid].text, times))
        return cls(measured, {aid: annotations[aid].quantities for aid in measured}, family,
                   {aid: _ages(articles[aid].text) for aid in measured})

    def shared(self, aid: str, q: Quantity) -> bool:
        """Another family than ``aid``'s gives an amount that can be ``q``'s (an age
        another gives as an age in any wording)."""
        own = self.family.get(aid, aid)
        age = self.ages.get(aid, {}).get(q.evidence.start)
        if age is not None and any(self.family.get(other, other) != own and age in found.values()
                                   for other, found in self.ages.items()):
            return True
        return any(self.family.get(other, other) != own and _same_amount(q, o)
                   for other, qs in self.every.items() for o in qs)


def _same_amount(q: Quantity, o: Quantity) -> bool:
    from newsdesk.extract.quantities import CURRENCIES, quantities_compatible

    if q.unit in CURRENCIES and o.unit in CURRENCIES and q.unit != o.unit:
        # one sum in two namings of its currency: "two million pounds" (an Egyptian
        # court's fine, in a British paper) is the figure of "2 million Egyptian pounds";
        # a sum converted to another currency is another figure and stays apart
        return quantities_compatible(replace(q, unit="money"), replace(o, unit="money")) is True
    if q.unit or o.unit:
        return quantities_compatible(q, o) is True
    # two counts of one amount, whatever each counts: "143 million consumers" is the
    # figure of "143 million Americans"
    return quantities_compatible(replace(q, counted="things"), replace(o, counted="things")) is True


def with_unshared_figures(
    groups: Sequence[ClaimGroup], articles: Mapping[str, Article], annotations: Mapping[str, ArticleAnnotations],
    family: Mapping[str, str], origin_of: Callable[[Article, int, int], str | None],
) -> tuple[ClaimGroup, ...]:
    """``groups`` plus a single-source group for each unshared figure of a corroborated
    group's span (see the module doc), after them; one outlet's copies that give it make
    one group. ``origin_of`` (article, start, end) -> who the article attributes that
    span to."""
    figures = StoryFigures.of([e.article_id for g in groups for e in g.evidence], articles, annotations, family)
    # spans a single-source group already states: a list item "eight engines" is one
    single = {(e.article_id, e.start, e.end) for g in groups if g.support_count < 2 for e in g.evidence}

    # (family, unit, value) -> the figure's places, in the order first met, and its group's worth
    found: dict[tuple[str, str, float], tuple[list[Quantity], float]] = {}
    seen: set[tuple[str, int, int]] = set()
    for g in groups:
        if g.status != "corroborated":
            continue
        for e in g.evidence:
            for q in figures.measured.get(e.article_id, ()):
                span = (e.article_id, q.evidence.start, q.evidence.end)
                if not (e.start <= q.evidence.start and q.evidence.end <= e.end) or span in seen:
                    continue
                seen.add(span)
                if figures.shared(e.article_id, q) or any(a == span[0] and s <= span[1] and span[2] <= t
                                                          for a, s, t in single):
                    continue
                key = (family.get(e.article_id, e.article_id), q.unit or "", q.value)
                places, worth = found.setdefault(key, ([], g.checkworthy))
                places.append(q)
                found[key] = (places, max(worth, g.checkworthy))
    # one outlet's copies state one figure once, and the figures of one sentence are one
    # claim: "overhauling **eight engines and five radars**", not the sentence twice
    bundles: dict[tuple[str, int, int], tuple[list[Quantity], list[Quantity], float]] = {}
    for places, worth in found.values():
        q = places[0]
        art = articles[q.evidence.article_id]
        sent = art.sentence_at(q.evidence.start)
        where = (art.id, *((sent.start, sent.end) if sent else (q.evidence.start, q.evidence.end)))
        firsts, every, best = bundles.setdefault(where, ([], [], worth))
        firsts.append(q)
        every.extend(places)
        bundles[where] = (firsts, every, max(best, worth))
    out = list(groups)
    for (aid, lo, hi), (firsts, every, worth) in bundles.items():
        art = articles[aid]
        start, end = min(q.evidence.start for q in firsts), max(q.evidence.end for q in firsts)
        origin = origin_of(art, start, end)
        evidence = tuple(sorted((p.evidence for p in every), key=lambda e: (e.article_id, e.start)))
        out.append(ClaimGroup(
            id="g" + content_hash("figure", *(f"{e.article_id}:{e.start}:{e.end}" for e in evidence), length=15),
            text=art.text[lo:hi], kind="fact", status="single-source", support_count=1,
            origins=(origin,) if origin else (), evidence=evidence,
            checkworthy=worth, focus=(start - lo, end - lo),
        ))
    return tuple(out)
