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

Ages and measures written before their noun ("a 4-year-old boy", "a 450-pound gorilla",
``extract.counted.ATTRIBUTES``) line up the same way, for a noun the title of one of the
story's articles uses (the one the story is about), as do ages after a person's full
name ("Ahed Tamimi, 16,"), and two values of one are two values wherever they stand.
Where two outlets give it different ones, one of them in its lead,
``attribute_contradictions`` reports a contradiction.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from newsdesk.extract.counted import ATTRIBUTES, named_holder
from newsdesk.extract.quantities import converted_compatible, quantities_compatible, singular, unit_note
from newsdesk.model import (
    Article,
    ArticleAnnotations,
    Contradiction,
    CountedFact,
    Evidence,
    Figure,
    FigureValue,
    Quantity,
    content_hash,
    outlet_label,
)

# Counts with one true value per event (a death toll): two values that cannot be the same
# figure are a disagreement. Other counts often have several true values in one story
# ("scored two runs" in one inning, "three runs" in another) and are listed, not flagged.
TOLLS = frozenset({"killed", "injured", "arrested", "missing", "evacuated", "rescued"})
# Likewise an age or a measure ("a 4-year-old boy", "a 450-pound gorilla",
# ``extract.counted.ATTRIBUTES``): one holder, one value.
ONE_VALUE = TOLLS | ATTRIBUTES
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
    figure (rounding and bounds allowed); with no ``lead_end``, given anywhere."""
    reps = [next((q for q in qs if q.evidence.start < lead_end.get(q.evidence.article_id, 1 << 62)), None)
            for qs in values]
    led = [q for q in reps if q is not None]
    return any(quantities_compatible(a, b) is False for i, a in enumerate(led) for b in led[i + 1:])


def _titled(articles: Sequence[Article]) -> set[str]:
    """The words (singular, lower case) of the titles of these articles; an article with no
    title gives its first sentence (a text file's headline line, or its lead's opening)."""
    heads = [a.title or (a.text[a.sentences[0].start:a.sentences[0].end] if a.sentences else "") for a in articles]
    return {singular(w) for h in heads for w in re.findall(r"[a-z]+", h.lower())}


def _of_subject(fact: CountedFact, titled: set[str]) -> bool:
    """Whether an age or measure is of one the story is about: a noun a title uses
    (``_titled``), or a person named in full ("Ahed Tamimi, 16,": ``named_holder``)."""
    return named_holder(fact) or singular(fact.counted) in titled


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
    titled = _titled(articles)
    for a in articles:
        for f in annotations[a.id].counted if a.id in annotations else ():
            if f.predicate not in ATTRIBUTES or _of_subject(f, titled):  # whose: ``attribute_contradictions``
                groups[(singular(f.counted), f.predicate)].append(f)
    figures: list[tuple[int, Figure]] = []  # (articles giving it, figure)
    leads = _lead_ends(articles)
    for (_noun, pred), facts in sorted(groups.items()):
        support = _support([f.quantity.evidence for f in facts], family)
        if support < MIN_ARTICLES:
            continue
        by_value: dict[tuple[float, str], list[Quantity]] = defaultdict(list)
        for f in facts:
            by_value[_value_key(by_value, f.quantity)].append(f.quantity)
        values = []
        for qs in by_value.values():
            evidence = tuple(sorted((q.evidence for q in qs), key=lambda e: (e.article_id, e.start)))
            text = _usual_wording([" ".join(q.evidence.text.split()) for q in qs])
            # the number of the wording shown ("181-kg gorilla": 181, though "400-pound" joined it)
            value = round(next(q.value for q in qs if " ".join(q.evidence.text.split()) == text), 6)
            values.append((FigureValue(value, text, _support(evidence, family), evidence), tuple(qs)))
        values.sort(key=lambda v: (-v[0].support_count, -len(v[0].evidence), v[0].value))
        if pred not in ONE_VALUE and values[0][0].support_count < MIN_ARTICLES:
            continue  # "scored two runs", "three runs": one outlet each, several true counts
        counted = Counter(f.counted for f in facts)
        noun = _commonest(counted)
        fid = "f" + content_hash(noun, pred, *(f"{v.value:g}" for v, _ in values), length=12)
        differ = pred in ONE_VALUE and _differ([qs for _, qs in values], {} if pred in ATTRIBUTES else leads)
        worded = Counter(f.worded for f in facts if f.worded)
        label = _commonest(worded) if worded else pred  # "trapped", not "trap"
        figures.append((support, Figure(fid, noun, label, tuple(v for v, _ in values), differ)))
    figures.sort(key=lambda sf: (-sf[0], sf[1].counted, sf[1].predicate, sf[1].id))
    return tuple(f for _, f in figures)


def attribute_contradictions(articles: Sequence[Article], annotations: Mapping[str, ArticleAnnotations],
                             family: Mapping[str, str]) -> list[Contradiction]:
    """Outlets whose leads give different ages (or weights, heights, ...: ``ATTRIBUTES``)
    to the one the story is about: "A six-year-old boy fell into a deserted well" in one,
    "rescuers are trying to reach a five-year-old boy" in another; "a 450-pound gorilla"
    and "the 400-pound male". One contradiction per two values that cannot be one figure
    (``quantities_compatible``: "a 400-pound gorilla" and "181-kg" are not compared), in
    article order.

    The holder is a noun that the title of one of the story's articles uses ("Chinese
    boy found dead in well", ``_titled``): an age of a noun no title names is often someone else's
    ("the 2013 fatal mauling of a 2-year-old boy"). Each of the two articles gives that
    noun one age, background sentences aside (``extract.counted``), one of them in its
    lead (``LEAD_SENTENCES``), and neither gives the other's value in that unit anywhere:
    "The boy was initially reported to be 4 years old, but police later said he is 3"
    reports the correction itself.
    """
    from newsdesk.crosscheck.contradict import make_contradiction

    leads = _lead_ends(articles)
    titled = _titled(articles)
    # (noun, what) -> family -> its values
    told: dict[tuple[str, str], dict[str, list[Quantity]]] = defaultdict(lambda: defaultdict(list))
    for a in articles:
        for f in annotations[a.id].counted if a.id in annotations else ():
            if f.predicate in ATTRIBUTES and _of_subject(f, titled):
                told[(singular(f.counted), f.predicate)][family.get(a.id, a.id)].append(f.quantity)
    by_id = {a.id: a for a in articles}

    # article id -> (unit, value) of every amount it gives, ages after names too
    amounts = {a.id: {(x.unit, x.value) for x in (*annotations[a.id].quantities,
                                                  *(f.quantity for f in annotations[a.id].counted))}
               for a in articles if a.id in annotations}

    def gives(q: Quantity, other: Quantity) -> bool:
        return (other.unit, other.value) in amounts.get(q.evidence.article_id, set())

    def in_lead(q: Quantity) -> bool:
        return q.evidence.start < leads.get(q.evidence.article_id, -1)

    def sentence(q: Quantity) -> Evidence:
        art = by_id[q.evidence.article_id]
        s = art.sentence_at(q.evidence.start)
        return art.evidence(s.start, s.end) if s else q.evidence

    out: list[Contradiction] = []
    for _key, by_family in sorted(told.items()):
        # (value, unit) -> each family's first mention of it
        given: dict[tuple[float, str], list[Quantity]] = defaultdict(list)
        for qs in by_family.values():  # an article giving one value ("400-pound (181-kg)" is one)
            if all((q.value, q.unit) == (qs[0].value, qs[0].unit) or converted_compatible(qs[0], q) for q in qs):
                given[_value_key(given, qs[0])].append(qs[0])
        values = sorted(given)
        for i, va in enumerate(values):
            for vb in values[i + 1:]:
                pair = next(((qa, qb) for qa in sorted(given[va], key=_place) for qb in sorted(given[vb], key=_place)
                             if (in_lead(qa) or in_lead(qb)) and quantities_compatible(qa, qb) is False
                             and not gives(qa, qb) and not gives(qb, qa)), None)
                if pair is None:
                    continue
                qa, qb = sorted(pair, key=_place)
                reason = (f"{outlet_label(by_id[qa.evidence.article_id])} says {qa.evidence.text}, "
                          f"{outlet_label(by_id[qb.evidence.article_id])} says {qb.evidence.text}{unit_note(qb, qa)}")
                out.append(make_contradiction("quantity", reason, sentence(qa), sentence(qb)))
    return out


def _value_key(groups: Mapping[tuple[float, str], Sequence[Quantity]], q: Quantity) -> tuple[float, str]:
    """The key of ``q``'s value among ``groups`` (value, unit) -> its quantities: that of a
    group whose first quantity it converts to ("400-pound" and "181-kg" are one value),
    else its own ("400-pound" and "400 kg" are two)."""
    return next((k for k, qs in groups.items() if converted_compatible(qs[0], q)),
                (round(q.value, 6), q.unit or ""))


def _place(q: Quantity) -> tuple[str, int]:
    return q.evidence.article_id, q.evidence.start
