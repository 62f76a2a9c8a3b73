"""Contradictions between claims of different articles (precision over recall).

Each check is structured and needs the two claims to be about the same thing first:
- quantity: aligned claims give clearly different amounts of the same measured thing
  (``quantities_compatible`` is False, the gap exceeds rounding, and neither article
  itself also reports the other's figure, which is how a story reports a correction),
  of the same act by the same actor (the verb each figure belongs to, or under two verbs
  the same class of what happened to what it counts: "left 32 civilians dead" and
  "killed 30 civilians"; the verb's subject), not of another set ("five other
  defendants") and not read at different clock times (share prices during a day);
- date: aligned claims date the same act (not a statement, not a thing) on different
  days, and each article could have known the other's day (an article published before
  a day cannot be reporting it: two missile launches weeks apart are two events);
- negation: aligned claims with the same predicate, one negated in its main clause and
  the other without any negation (two negative claims, or one quote that parses
  otherwise, deny nothing); or a state a main-clause "be" gives, denied in one and
  stated in the other ("is not out of control" / "has been completely out of control"),
  every word of the denied state in the stated one, and below a paraphrase's likeness
  only of one subject both name;
- role: the same canonical person is "former <Title>" in one article and "<Title>" in
  another (title modifiers read from the words before each mention);
- new-vs-existing: the same named thing (a model name or proper noun; not its owner or
  maker, not an organisation) of the same kind (jets, planes) is requested as
  "additional/new" in one article and repaired or "previously purchased" in another;
- actor: near-paraphrases whose one main-clause subject is a different canonical entity
  of the same type (not organisations, which nest: the House, Congress) doing the same
  act ("Russia repaired the radars" / "China repaired the radars"), when neither claim
  names the other's actor at all (a reporting verb, a shared or listed subject, or a
  negated act is never an actor clash).
Rounding, words vs digits, approximate qualifiers and different scopes are not flagged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any, NamedTuple

import numpy as np
from rapidfuzz import fuzz

from newsdesk.crosscheck.align import (
    LIGHT_LEMMAS,
    MIN_SHARED_KEYS,
    NEGATORS,
    REFUSAL_VERBS,
    PairScorer,
    Proposition,
    amounts_conflict,
    asserted_verb,
    country_ids,
    entity_key,
    group_codes,
    is_aligned,
    mentions_by_article,
    normalise_lemma,
    pair_content,
    phrasal_class,
    quantities_compatible_fn,
    stated_clause,
)
from newsdesk.extract.citations import PUBLISH_VERBS
from newsdesk.extract.dates import WEEKDAYS, counted_from_text
from newsdesk.extract.quantities import (
    AGE_AFTER,
    AGE_UNIT,
    CONTAINERS,
    OTHER_SET,
    STOPWORDS,
    same_figure,
    singular,
    unit_note,
)
from newsdesk.extract.quotes import SPEECH_VERBS
from newsdesk.model import (
    Article,
    ArticleAnnotations,
    Claim,
    Contradiction,
    Entity,
    Evidence,
    Quantity,
    content_hash,
    outlet_label,
)
from newsdesk.months import MONTH_WORDS
from newsdesk.nlp import region_heads

# Two spellings of one name at least this rapidfuzz ratio alike are one name ("Duncan
# Rait" / "Duncan Raite"): no two doers, no two actors.
SAME_NAME_RATIO = 85
# Pairs below this cosine are never compared for quantity/date/negation (a cheap filter;
# the pair must also pass the alignment decision of crosscheck.align).
RELATED_COSINE = 0.45
# Words this far before a figure say what it measures ("an altitude of 770 km").
MEASURE_WINDOW = 4
# Negation and date checks need near-paraphrases (MRPC pairs at this cosine are ~90% paraphrases).
PARAPHRASE_COSINE = 0.8
# The new-vs-existing check needs claims about the same request at least this similar.
OBJECT_COSINE = 0.3
# With an NLI model, a quantity/date/negation candidate must reach this contradiction probability.
NLI_MIN_PROB = 0.5

_TITLES = (
    "president|vice president|prime minister|minister|secretary|senator|governor|chancellor|"
    "ambassador|mayor|king|queen|chairman|chairwoman|ceo|director|general|judge|leader|"
    "spokesman|spokeswoman|premier|speaker|representative|rep\\.|sen\\.|gov\\."
)
_MODIFIERS = "former|ex-|late|then-|outgoing|incoming|acting|interim"
_TITLE_BEFORE = re.compile(
    rf"(?P<mod>\b(?:{_MODIFIERS})\s*)?"
    # capitals only ("by former President"), none a modifier ("Friday. Former President")
    rf"(?-i:(?!(?i:{_MODIFIERS})\b)[A-Z][\w.\u2019'-]*\s+){{0,3}}?(?P<title>{_TITLES})\s+$",
    re.IGNORECASE,
)
_TITLE_MOD = re.compile(rf"(?i)(?:{_MODIFIERS})")
_NEW_MODIFIERS = {"additional", "new", "more", "extra", "further", "fresh"}
# Not "previous"/"earlier": "his previous SpaceX missions" are earlier events, not owned things.
_EXISTING_MODIFIERS = {"existing", "old", "aging", "ageing", "current"}
_REPAIR_LEMMAS = {"repair", "refurbish", "refurbishment", "overhaul", "restore", "restoration",
                  "fix", "maintain", "maintenance", "modernize", "modernise", "service"}  # not "upgrade (to)"
_PAST_MARKERS = {"previously", "already", "earlier", "formerly"}
_MODEL_NAME = re.compile(r"\b[A-Z][A-Za-z]*-?\d+[A-Za-z0-9]*\b")
# A day-precision date value (TIMEX3 "2017-08-29"), and the verbs whose date is when
# something was said or published, not when the event happened.
_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_STATEMENT_VERBS = frozenset(normalise_lemma(v) for v in SPEECH_VERBS | PUBLISH_VERBS | {"release", "reveal", "unveil"})

# A value's day, that of a time of day too ("2017-12-27T06:10", "2016-11-10TMO").
_DAY_OF = re.compile(r"(\d{4}-\d\d-\d\d)(?:T|$)")
# Words by which a time of day names its day ("6.10am on Wednesday", "Tuesday night");
# a bare clock time ("at 7:33 p.m.") takes its day from the text before it, which two
# articles may give differently for one moment.
_NAMES_DAY = re.compile(rf"\b(?:{MONTH_WORDS}|{'|'.join(WEEKDAYS)}|today|tonight|yesterday|tomorrow)\b|\d/\d",
                        re.IGNORECASE)


def day_of(value: str, words: str | None = None) -> str | None:
    """The day a date value names, a time of that day's too where its ``words`` name the
    day; None for coarser values."""
    m = _DAY_OF.match(value)
    if m is None or (len(value) > 10 and words is not None and not _NAMES_DAY.search(words)):
        return None
    return m.group(1)


# A month's value ("2017-03"), and a month named in words ("in March"; not "next month").
_MONTH_VALUE = re.compile(r"\d{4}-\d\d")
_MONTH_NAMED = re.compile(rf"\b{MONTH_WORDS}\b", re.IGNORECASE)


def date_of(value: str, words: str | None = None) -> str | None:
    """The day (``day_of``) or the month a date value names: "2017-03" for "in March";
    not for "next month", which each article counts from its own date."""
    if (day := day_of(value, words)) is not None:
        return day
    named = words is None or _MONTH_NAMED.search(words) is not None
    return value if named and _MONTH_VALUE.fullmatch(value) else None


def dates_apart(days_a: set[str], days_b: set[str]) -> bool:
    """Whether no date of one set can be one of the other: two days differ, or a day lies
    outside a month ("on July 29" / "in March"), or two months differ. A month is
    compared only within its year: a year read for "in March" from the publication date
    may be another than the article meant."""
    if any(x.startswith(y) or y.startswith(x) for x in days_a for y in days_b):
        return False
    return all(len(x) == len(y) == 10 or x[:4] == y[:4] for x in days_a for y in days_b)


# Acts that happen once to the one they are told of: two years for one are a disagreement,
# not two occurrences ("was born in 1961" / "born December 16, 1964"; "founded in 1998" /
# "in 1999"). Only where the subject is what was born, founded, ...: no object ("Geffen
# founded Asylum in 1971" and "founded Geffen Records in 1980" are two foundings).
# Not "inaugurate", "premiere", "debut": a second term, a festival then a release.
ONE_TIME_ACTS = frozenset({"bear", "die", "found", "co-found", "cofound", "establish", "incorporate"})
_YEAR = re.compile(r"(?<![\d,.])(1\d{3}|20\d{2})(?![\d,])")
_OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd"})


@dataclass(frozen=True)
class ObjectState:
    """A named thing in a claim and whether it is described as new or already owned."""

    names: frozenset[str]
    state: str  # "new" | "existing"
    start: int  # char offsets in the claim text
    end: int
    # what the thing is when the phrase says so with a common noun ("SpaceX spacesuit"
    # -> spacesuit; normalised, so jets and planes are one kind); None when the head is
    # the name itself ("Su-30MK2s")
    kind: str | None = None


def _outlet(article: Article) -> str:
    """How a reason names an article: as the brief does (``outlet_label``)."""
    return outlet_label(article)


def make_contradiction(kind: str, reason: str, a: Evidence, b: Evidence) -> Contradiction:
    if (a.article_id, a.start) > (b.article_id, b.start):
        a, b = b, a
    cid = "x" + content_hash(kind, a.article_id, str(a.start), str(a.end), b.article_id, str(b.start), length=15)
    return Contradiction(id=cid, reason=reason, a=a, b=b, kind=kind)


# ----------------------------------------------------------------- quantities
def _article_has_figure(ann: ArticleAnnotations | None, q: Any, compatible: Callable[..., bool | None]) -> bool:
    return bool(ann) and any(compatible(x, q) is True for x in ann.quantities)  # type: ignore[union-attr]


def measure_words(doc: Any, claim_start: int, q: Quantity) -> frozenset[str]:
    """Normalised content words around a figure in its parsed claim: what it measures
    ("an altitude of 770 km" -> altitude; "flew 2,700 km" -> fly)."""
    lo, hi = q.evidence.start - claim_start, q.evidence.end - claim_start
    before = [t for t in doc if t.idx + len(t.text) <= lo][-MEASURE_WINDOW:]
    after = [t for t in doc if t.idx >= hi][:2]
    return frozenset(
        normalise_lemma(t.lemma_) for t in [*before, *after]
        # not names: "Qualcomm shares fell 6.6%" and "Qualcomm reported a 96 percent drop in
        # operating income" measure different things of one company
        if t.pos_ in {"NOUN", "VERB", "ADJ"} and not t.is_stop and t.lemma_.lower() not in LIGHT_LEMMAS
    )


def _phrase_root(doc: Any, lo: int, hi: int) -> Any | None:
    """The token of the phrase at claim characters [lo, hi) that the rest hangs on."""
    return next(iter(region_heads([t for t in doc if lo <= t.idx < hi])), None)


def verb_token(doc: Any, lo: int, hi: int, direct: bool = False) -> Any | None:
    """The verb a phrase belongs to: up through nouns and prepositions ("the purchase of
    14 sets" -> "requested the purchase ..."), or with ``direct`` through a preposition
    only ("fired ... on Tuesday" -> fired; "Thursday's attack" and "an Oct. 19
    rendezvous" date a thing, not an act: None)."""
    tok = _phrase_root(doc, lo, hi)
    for _ in range(6):
        if tok is None or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in {"VERB", "AUX"}:
            return tok
        if direct and tok.pos_ != "ADP":
            return None
    return None


def verb_of(doc: Any, lo: int, hi: int, direct: bool = False) -> str | None:
    """``verb_token``'s normalised lemma."""
    tok = verb_token(doc, lo, hi, direct)
    return None if tok is None else normalise_lemma(tok.lemma_)


def subject_ids(verb: Any, claim: Claim, index: ActorIndex) -> set[str]:
    """The canonical actor the subject of ``verb`` is (its head word inside the mention:
    "President Trump", not "the Latin American dictator"), or of the nearest verb above
    it that has a subject ("China hit back by imposing tariffs" -> China)."""
    tok = verb
    for _ in range(4):
        subjects = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            head, base = subjects[0], claim.evidence.start
            lo, hi = base + head.idx, base + head.idx + len(head.text)
            return {e for e in index.containing(claim.article_id, lo, hi) if index.types.get(e) in _ACTOR_TYPES}
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return set()


_MOMENT = re.compile(r"\d:\d\d|\b(?:mid-?morning|mid-?afternoon|midday|noon)\b", re.IGNORECASE)


def moments(doc: Any) -> frozenset[str]:
    """Clock times a claim is pinned to ("at 9:34 a.m.", "mid-afternoon"): figures read
    at different moments (a share price during a day) are no disagreement. Not "last
    night" or "morning", which date an event more often than they pin a reading."""
    return frozenset(e.text.lower() for e in doc.ents if e.label_ == "TIME" and _MOMENT.search(e.text))


def _another_set(doc: Any, claim_start: int, q: Quantity) -> bool:
    """Whether the figure counts another set: a word of ``OTHER_SET`` right after its
    number (within the figure or the two words after it)."""
    lo, hi = q.evidence.start - claim_start, q.evidence.end - claim_start
    inside = [t for t in doc if lo <= t.idx < hi]
    nums = [k for k, t in enumerate(inside) if t.like_num]
    if not nums:
        return False
    after = inside[nums[0] + 1:] + [t for t in doc if t.idx >= hi][:2]
    return any(t.lower_ in OTHER_SET for t in after)


_TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "second"})
_DURATION_GLUE = re.compile(r"\s*(?:,|and|,\s*and)\s*")


def _duration_part(q: Quantity, others: Sequence[Quantity], claim: Claim) -> bool:
    """Whether ``q`` is one part of a compound duration ("three years and four months")."""
    if q.unit not in _TIME_UNITS:
        return False
    text, base = claim.evidence.text, claim.evidence.start
    for o in others:
        if o is q or o.unit not in _TIME_UNITS:
            continue
        lo, hi = sorted(((q.evidence.start, q.evidence.end), (o.evidence.start, o.evidence.end)))
        if _DURATION_GLUE.fullmatch(text[lo[1] - base:hi[0] - base]):
            return True
    return False


# Words that make a count a running total ("has so far lost seven soldiers", "arrested
# three times since October", "a career record of 58 wins"), against one event's count.
_CUMULATIVE = re.compile(r"\b(?:so far|to date|in total|all told|altogether|overall|since|career|this season|"
                         r"this year|a total of|bringing the (?:total|toll|number)|brings the (?:total|toll|number))\b",
                         re.IGNORECASE)
# Words before a count that pick a part of the set ("his first 17 passes", "the last
# three games").
_PART_WORDS = frozenset({"first", "last", "final", "opening", "initial", "remaining", "latest"})


def _counted_words(q: Quantity) -> frozenset[str]:
    """What a count counts, as singular content words, people under any name one; not
    a container ("14 missile units") nor whose they are ("Russian missiles", "Five
    Israeli soldiers": soldier), which name the same things."""
    from newsdesk.extract.countries import country_of_name

    words = {singular(w) for w in re.findall(r"[a-z]+", (q.counted or "").lower())
             if w not in STOPWORDS and w not in CONTAINERS and country_of_name(w) is None}
    return frozenset("people" if w in {"person", "people"} else w for w in words)


def _one_scope(qa: Quantity, qb: Quantity, docs: tuple[Any, Any], claims: tuple[Claim, Claim]) -> bool:
    """Whether two figures can count one set: the same words counted ("seven AK-47
    assault rifles" counts a part of "three rifles"' kind, "Five Israeli soldiers" of
    "seven soldiers"), neither a part picked by its words ("his first 17 passes") nor a
    running total the other is not ("has so far lost seven soldiers" / "Five Israeli
    soldiers lost their lives on Wednesday"), no spans of time counted from two points
    ("nine days before the inauguration" / "in about 30 days"), no two sets of places (each claim naming
    places, none the other's), and, for ages, one holder ("the 32-year-old Peterson" /
    "his wife, 23-year-old Laci")."""
    if (qa.counted or qb.counted) and _counted_words(qa) != _counted_words(qb):
        return False
    ca, cb = claims
    if bool(_CUMULATIVE.search(ca.evidence.text)) != bool(_CUMULATIVE.search(cb.evidence.text)):
        return False
    for q, claim in ((qa, ca), (qb, cb)):
        before = claim.evidence.text[max(0, q.evidence.start - claim.evidence.start - 12):
                                     q.evidence.start - claim.evidence.start].lower().split()
        if before and before[-1] in _PART_WORDS:
            return False
    if _anchor(ca, qa) != _anchor(cb, qb):
        return False  # "takes effect nine days before the inauguration" / "in about 30 days"
    pa, pb = _places(docs[0]), _places(docs[1])
    if pa and pb and not pa & pb:
        return False  # "killed at a school in Jabaliya" / "a UN school in Khan Younis": two places
    if qa.unit == AGE_UNIT and qb.unit == AGE_UNIT:
        ha, hb = _age_holder(docs[0], ca, qa), _age_holder(docs[1], cb, qb)
        if ha is not None and hb is not None and ha.pos_ == hb.pos_ == "PROPN" and ha.text != hb.text:
            return False
    return True


# A distance's reference place: "3 miles southwest of Cobb", "75 miles from the coast".
_REFERENCE = re.compile(r"\s+(?:(?:north|south|east|west|northeast|northwest|southeast|southwest|"
                        r"north-east|north-west|south-east|south-west|away|off|outside|inland)\s+)?"
                        r"(?:of|from|off)\s+(?:the\s+)?([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)")


def _reference(claim: Claim, q: Quantity) -> str | None:
    """The named place a distance is measured from, as written after it, or None: two
    distances are compared only from one place, or where neither names one."""
    if q.unit not in {"km", "mile", "m", "ft", "yd"}:
        return None
    m = _REFERENCE.match(claim.evidence.text, q.evidence.end - claim.evidence.start)
    return m.group(1).lower() if m else None


# Words after a span of time that say what it is counted from ("nine days before the
# inauguration", "two years ago", "a week later").
_ANCHORS = frozenset({"before", "after", "ago", "earlier", "later", "since", "from", "into"})


def _anchor(claim: Claim, q: Quantity) -> str | None:
    """The word a span of time is counted from, right after it, or None (and None for
    figures that are no span of time)."""
    if q.unit not in _TIME_UNITS:
        return None
    after = claim.evidence.text[q.evidence.end - claim.evidence.start:].split()
    word = after[0].lower().strip(",.;:") if after else ""
    return word if word in _ANCHORS else None


def _places(doc: Any) -> frozenset[str]:
    """The places a claim names: spaCy's GPE, LOC and FAC entities, and the names in the
    object of "in", "at", "near" ("in Khan Younis", "in the Jabaliya camp", however the
    small model labels them), lower case."""
    out = {e.text.lower() for e in doc.ents if e.label_ in {"GPE", "LOC", "FAC"}}
    for t in doc:
        if t.dep_ == "pobj" and t.head.lower_ in {"in", "at", "near"}:
            names = [g for g in t.subtree if g.pos_ == "PROPN" and g.ent_type_ not in {"DATE", "TIME"}]
            if names:
                out.add(" ".join(g.lower_ for g in names))
    return frozenset(out)


def _age_holder(doc: Any, claim: Claim, q: Quantity) -> Any:
    """The noun an age describes ("the 32-year-old Peterson": Peterson), or None."""
    lo, hi = q.evidence.start - claim.evidence.start, q.evidence.end - claim.evidence.start
    inside = [t for t in doc if lo <= t.idx < hi + 5]
    for t in inside:
        if t.lower_ == "old" and t.dep_ == "amod" and t.head.pos_ in {"NOUN", "PROPN"}:
            return t.head
    return None


def _only_comparable(q: Quantity, others: Sequence[Quantity], compatible: Callable[..., bool | None]) -> bool:
    """``q``'s claim gives no second figure comparable to the other side's (no ambiguity)."""
    return sum(1 for x in others if compatible(x, q) is not None) == 1


def _unshared(mine: Sequence[Quantity], theirs: Sequence[Quantity],
              compatible: Callable[[Quantity, Quantity], bool | None]) -> list[Quantity]:
    """``mine`` less the figures the other claim gives too (the same figure of one thing)."""
    return [q for q in mine if not any(compatible(q, o) is True and same_figure(q, o) for o in theirs)]


def quantity_conflict(
    ca: Claim, cb: Claim, a: Proposition, b: Proposition, docs: tuple[Any, Any],
    anns: tuple[ArticleAnnotations | None, ArticleAnnotations | None], actors: ActorIndex | None = None,
) -> tuple[Quantity, Quantity] | None:
    """Clearly different figures for the same measured thing, or None.

    Each claim must hold exactly one figure comparable to the other's, besides figures
    both give ("killing 49 of the 71 people on board" / "killing 51 of the 71 people": the
    71 is stated alike), the figures must count the same thing (``counted`` for counts, the
    surrounding words for measures), and neither article may also report the other's
    figure (a correction it reports itself).
    """
    compatible = quantities_compatible_fn()
    if compatible is None or not (a.quantities and b.quantities) or moments(docs[0]) != moments(docs[1]):
        return None
    own_a, own_b = _unshared(a.quantities, b.quantities, compatible), _unshared(b.quantities, a.quantities, compatible)
    for qa in own_a:
        for qb in own_b:
            if not amounts_conflict(qa, qb, compatible):
                continue
            if not (_only_comparable(qb, own_a, compatible) and _only_comparable(qa, own_b, compatible)):
                continue
            if not (qa.counted and qb.counted):
                wa = measure_words(docs[0], ca.evidence.start, qa)
                wb = measure_words(docs[1], cb.evidence.start, qb)
                if not wa & wb:
                    continue
            if _article_has_figure(anns[0], qb, compatible) or _article_has_figure(anns[1], qa, compatible):
                continue
            if _another_set(docs[0], ca.evidence.start, qa) or _another_set(docs[1], cb.evidence.start, qb):
                continue
            if _duration_part(qa, a.quantities, ca) or _duration_part(qb, b.quantities, cb):
                continue  # "three years and four months" is 40 months, not four
            if not _one_scope(qa, qb, (docs[0], docs[1]), (ca, cb)):
                continue
            if _reference(ca, qa) != _reference(cb, qb):
                continue  # "about 3 miles southwest of Cobb" / "75 miles north of San Francisco"
            va = verb_token(docs[0], qa.evidence.start - ca.evidence.start, qa.evidence.end - ca.evidence.start)
            vb = verb_token(docs[1], qb.evidence.start - cb.evidence.start, qb.evidence.end - cb.evidence.start)
            if va is not None and vb is not None:
                if normalise_lemma(va.lemma_) != normalise_lemma(vb.lemma_) and not _same_happening(qa, qb, anns):
                    continue  # figures of different acts: "seven people died" / "trapping five people"
                if actors is not None:
                    sa, sb = subject_ids(va, ca, actors), subject_ids(vb, cb, actors)
                    if sa and sb and not sa & sb:
                        continue  # different actors' acts: China's tariffs on $60bn, Trump's on $34 billion
                if _other_doers(va, vb):
                    continue
            return qa, qb
    return None


def _doer(verb: Any) -> Any:
    """A verb's subject (``verb_subject``), the noun a relative pronoun stands for ("air
    strikes ... which killed 30 civilians": strikes)."""
    subject = verb_subject(verb)
    if subject is not None and subject.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
        return verb.head
    return subject


def _other_doers(va: Any, vb: Any) -> bool:
    """Whether two figures' verbs may be acts of different doers: a pronoun on either side
    ("He completed his first 17 passes" / "Garrard completed 28 passes": who is "he"?), or
    two different names ("Hansbrough finished with 20 points" / "Vaughn finished with 16
    points", names the entity linker may leave unlinked). Common nouns may name one doer
    two ways ("the earthquake" / "the quake")."""
    da, db = _doer(va), _doer(vb)
    if da is None or db is None:
        return False
    if da.pos_ == "PRON" or db.pos_ == "PRON":
        return True
    if da.pos_ == "PROPN" and db.pos_ == "PROPN":
        na, nb = da.text.lower(), db.text.lower()
        return na != nb and fuzz.ratio(na, nb) < SAME_NAME_RATIO
    return False


def _happening(q: Quantity, ann: ArticleAnnotations | None) -> str | None:
    """What happened to the thing ``q`` counts, as ``extract.counted`` read it in its article
    (a class such as "killed" for "left 32 civilians dead" and "killed 30 civilians")."""
    if ann is None:
        return None
    for fact in ann.counted:
        ev = fact.quantity.evidence
        if ev.start == q.evidence.start and ev.end == q.evidence.end:
            return fact.predicate
    return None


def _same_happening(qa: Quantity, qb: Quantity,
                    anns: tuple[ArticleAnnotations | None, ArticleAnnotations | None]) -> bool:
    """Two figures under different verbs that tell of one act: the same class of what
    happened to what they count ("US air strikes ... that left 32 civilians dead" and "air
    strikes ... which killed 30 civilians"; "seven people died" and "killed nine people")."""
    a, b = _happening(qa, anns[0]), _happening(qb, anns[1])
    return a is not None and a == b


# ----------------------------------------------------------------- titles
def _title_of(text: str, start: int) -> tuple[str, bool] | None:
    """(title, is_former) from the words just before a mention, in the same line."""
    line_start = text.rfind("\n", 0, start) + 1
    window = text[max(line_start, start - 60):start]
    m = _TITLE_BEFORE.search(window)
    if not m:
        return None
    t0 = m.start("title")
    if t0 > 0 and window[t0 - 1] == "-" and not (m.group("mod") or "").endswith("-"):
        return None  # a compound title read from its end: "co-president", "vice-president"
    before = window[:m.start()].split()
    last = before[-1] if before else ""
    if not m.group("mod") and last[:1].isupper() and last not in {"The", "A", "An"} and last[-1] not in ".!?:;,":
        return None  # more capitalised words than read: the modifier may sit further left
    if not m.group("mod") and any(_TITLE_MOD.match(w) for w in before[-3:]):
        return None  # "former FBI deputy director": the modifier is on a longer title
    mod = (m.group("mod") or "").strip().lower()
    if mod and mod not in {"former", "ex-"}:
        return None  # "then-President", "acting President", "the late Sen.": no claim about today
    return m.group("title").lower().rstrip("."), bool(mod)


_FUTURE_OR_MODAL = frozenset({"will", "'ll", "shall", "would", "can", "could", "may", "might", "must", "should"})


def _tense(verb: Any) -> str | None:
    """"past" or "present" (present, perfect, future, modal) of a tensed verb; None for
    an infinitive or participle, whose time is its governing verb's."""
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.lower_ in _FUTURE_OR_MODAL for a in auxes):
        return "present"
    for a in auxes:
        if a.tag_ in {"VBD", "VBZ", "VBP"}:
            return "past" if a.tag_ == "VBD" else "present"
    if verb.tag_ in {"VBD", "VBZ", "VBP"}:
        return "past" if verb.tag_ == "VBD" else "present"
    return None


def in_past_statement(doc: Any, offset: int) -> bool:
    """Whether the words at ``offset`` (chars into ``doc``) sit in a past-tense statement:
    the first tensed verb above them is past ("official under President Trump who was
    subpoenaed", "attempted to topple a statue of President Andrew Jackson"). Not news
    told in the past ("President Trump said on Monday", "Prime Minister Theresa May told
    reporters"): a speech verb in a sentence that writes no year is the news of the day."""
    tok = next((t for t in doc if t.idx <= offset < t.idx + len(t.text)), None)
    steps = 0
    while tok is not None and steps < 16:
        if tok.pos_ in {"VERB", "AUX"} and tok.dep_ not in {"aux", "auxpass"}:
            tense = _tense(tok)
            if tense == "past" and tok.lemma_.lower() in SPEECH_VERBS and not _YEAR.search(doc.text):
                return False
            if tense is not None:
                return tense == "past"
        if tok.head.i == tok.i:  # the root (spaCy makes a new Token per access: never ``is``)
            return False
        tok, steps = tok.head, steps + 1
    return False


# Words of a funeral or mourning ("died" alone is left out: news of any death would
# hide a title): a title beside them is an honorific for the dead, not a claim that the
# person holds the office today.
_MOURNING = re.compile(
    r"\b(?:funeral|passed away|l(?:ies|ay|ying|ie) in state|laid to rest|burial|buried"
    r"|memorial service|obituary|mourn\w*)\b", re.IGNORECASE)


def _mourning(text: str, offset: int) -> bool:
    """Whether the sentence around ``offset`` (its line, 200 characters either way) speaks
    of a death or funeral."""
    lo = max(text.rfind("\n", 0, offset) + 1, offset - 200)
    hi = text.find("\n", offset)
    hi = min(len(text) if hi < 0 else hi, offset + 200)
    return _MOURNING.search(text, lo, hi) is not None


def role_contradictions(
    entities: Sequence[Entity], articles: Mapping[str, Article], family_of: Mapping[str, str],
    past: Callable[[str, int], bool] | None = None,
) -> list[Contradiction]:
    """Same person called "former <Title>" in one article and "<Title>" in another.

    ``past(article_id, offset)`` says whether a mention sits in a past-tense statement: a
    title there is the one held then ("signed by President Obama in 2014"), so such a
    sitting title contradicts no "former"; nor does one beside words of a death or funeral
    (an honorific: "respects to President George HW Bush as he lies in state")."""
    out: list[Contradiction] = []
    for ent in entities:
        if ent.type != "PERSON":
            continue
        seen: dict[tuple[str, str], dict[bool, Evidence]] = {}
        for m in ent.mentions:
            art = articles.get(m.article_id)
            if art is None:
                continue
            found = _title_of(art.text, m.start)
            if found is None:
                continue
            title, former = found
            if not former and past is not None and past(m.article_id, m.start):
                continue
            if not former and _mourning(art.text, m.start):
                continue  # "paid their respects to President George HW Bush as he lies in state"
            if not former and inside_quote(art.text, m.start):
                continue  # a speaker's title of then: "“... undo this proposal from President Bush.”"
            span_start = max(art.text.rfind("\n", 0, m.start) + 1, m.start - 60)
            mt = _TITLE_BEFORE.search(art.text[span_start:m.start])
            start = span_start + (mt.start() if mt else 0)
            seen.setdefault((m.article_id, title), {}).setdefault(former, art.evidence(start, m.end))
        out.extend(_role_pairs(ent, seen, articles, family_of))
    return out


def inside_quote(text: str, offset: int) -> bool:
    """Whether ``offset`` lies inside quote marks opened earlier in its paragraph (curly
    marks counted open against close, straight ones by parity)."""
    para = text[text.rfind("\n", 0, offset) + 1:offset]
    return para.count("\u201c") > para.count("\u201d") or para.count('"') % 2 == 1


def _role_pairs(
    ent: Entity, seen: Mapping[tuple[str, str], Mapping[bool, Evidence]],
    articles: Mapping[str, Article], family_of: Mapping[str, str],
) -> list[Contradiction]:
    out: list[Contradiction] = []
    consistent = {k: v for k, v in seen.items() if len(v) == 1}  # an article using both is not sure
    for (aid_a, title), va in consistent.items():
        if True not in va:
            continue
        for (aid_b, title_b), vb in consistent.items():
            if title_b != title or False not in vb or family_of.get(aid_a) == family_of.get(aid_b):
                continue
            a, b = va[True], vb[False]
            reason = (f"{_outlet(articles[aid_a])} calls {ent.name} a former {title} (\u201c{a.text}\u201d), "
                      f"{_outlet(articles[aid_b])} the sitting {title} (\u201c{b.text}\u201d)")
            out.append(make_contradiction("role", reason, a, b))
    return out


# ----------------------------------------------------------------- new vs existing
def _np_names(tok: Any) -> frozenset[str]:
    """Specific names inside the noun phrase headed by ``tok`` (model names, proper nouns)."""
    # an owner ("Broadcom's new offer") names who has the thing, not the thing
    owners = {g.i for t in tok.children if t.dep_ == "poss" for g in t.subtree}
    span = [t for t in tok.doc[tok.left_edge.i:tok.i + 1] if t.i not in owners]
    text = "".join(t.text_with_ws for t in span)
    names = {re.sub(r"(?<=[0-9A-Z])s$", "", m.group()).lower() for m in _MODEL_NAME.finditer(text)}
    for t in span:
        # people, places, groups and organisations are not things bought new or repaired
        if t.pos_ == "PROPN" and t.ent_type_ not in {"GPE", "NORP", "PERSON", "LOC", "ORG"} and t.is_alpha:
            names.add(t.lemma_.lower())
    return frozenset(names)


def _state(tok: Any) -> tuple[str, Any, Any] | None:
    """(state, first token, last token) of a thing's new/existing description, the span
    quoting what says so ("the overhaul of its fleet of ... jets", "Su-30MK2s previously
    purchased by Venezuela"), or None."""
    kids = list(tok.children)
    doc = tok.doc
    if any(k.lower_ in _NEW_MODIFIERS and k.dep_ in {"amod", "advmod"} for k in kids):
        return "new", tok.left_edge, tok
    if any(k.lower_ in _EXISTING_MODIFIERS and k.dep_ == "amod" for k in kids):
        return "existing", tok.left_edge, tok
    for k in kids:
        # a clause about the thing: "Su-30MK2s previously purchased" (an "earlier flight" is no such clause)
        if k.dep_ in {"acl", "relcl"} and any(g.lower_ in _PAST_MARKERS for g in k.subtree):
            return "existing", tok.left_edge, doc[max(tok.i, k.right_edge.i)]
    head, steps = tok, 0
    while head.head.i != head.i and steps < 4:
        head, steps = head.head, steps + 1
        if head.lemma_.lower() in _REPAIR_LEMMAS:
            first = head if head.i < tok.left_edge.i else tok.left_edge
            return "existing", first, tok
        if head.pos_ == "VERB" and head.lemma_.lower() not in _REPAIR_LEMMAS:
            break
    return None


def object_states(doc: Any) -> list[ObjectState]:
    """New/existing named objects in one parsed claim."""
    out: list[ObjectState] = []
    for tok in doc:
        if tok.pos_ not in {"NOUN", "PROPN"} or tok.dep_ in {"compound", "amod"}:
            continue
        if tok.pos_ == "PROPN" and tok.tag_ != "NNPS" and _MODEL_NAME.fullmatch(tok.text) is None:
            continue  # one named thing or role, no model: "the new Doctor", "the current iPhone" are two
        names = _np_names(tok)
        found = _state(tok) if names else None
        if found:
            state, first, last = found
            named_head = tok.pos_ == "PROPN" or _MODEL_NAME.fullmatch(tok.text) is not None
            kind = None if named_head else normalise_lemma(tok.lemma_)
            out.append(ObjectState(names, state, first.idx, last.idx + len(last.text), kind))
    return out


def _sub_evidence(claim: Claim, article: Article, st: ObjectState) -> Evidence:
    base = claim.evidence.start
    return article.evidence(base + st.start, base + st.end)


def new_vs_existing(
    i: int, j: int, claims: Sequence[Claim], states: Sequence[list[ObjectState]], articles: Mapping[str, Article],
) -> Contradiction | None:
    for sa in states[i]:
        for sb in states[j]:
            if sa.state == sb.state or not sa.names & sb.names:
                continue
            if sa.kind and sb.kind and sa.kind != sb.kind:
                continue  # one name, different things: a "new SpaceX spacesuit", "previous SpaceX missions"
            new, old, cn, co = (sa, sb, claims[i], claims[j]) if sa.state == "new" else (sb, sa, claims[j], claims[i])
            an, ao = articles[cn.article_id], articles[co.article_id]
            ev_new, ev_old = _sub_evidence(cn, an, new), _sub_evidence(co, ao, old)
            reason = (f"{_outlet(an)} describes new ones (\u201c{ev_new.text}\u201d), "
                      f"{_outlet(ao)} ones already owned (\u201c{ev_old.text}\u201d)")
            return make_contradiction("new-vs-existing", reason, ev_new, ev_old)
    return None


# ----------------------------------------------------------------- directions
# The two directions of a change: ``align.SYNONYMS`` classes ("rose", "climbed" / "fell",
# "cut"), and how a reason says them.
_DIRECTIONS = frozenset({"increase", "decrease"})
_DIRECTION_WORDS = {"increase": "up", "decrease": "down"}
# Prepositions of a motion's place ("fell from the roof", "jumped into the river"): no
# change of an amount, unless a figure is their object ("fell from $10 to $8").
_PLACE_PREPS = frozenset({"from", "off", "into", "onto", "out", "through", "over", "down", "under"})
_FIGURE_ENTS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})


def changes(verbs: Sequence[tuple[Any, str, Any]]) -> dict[tuple[str, str], dict[str, tuple[str, str]]]:
    """{(subject, object): {direction: (the verb, what changed) as written}} for the verbs of
    change (``change_verbs``) a claim tells as facts, not denied: "The company's shares
    fell 5%" -> ("share", ""): {"decrease": ("fell", "shares")}; "The Fed raised interest
    rates" -> ("fed", "rate"): {"increase": ("raised", "rates")}. A pronoun subject says
    nothing of what it stands for."""
    out: dict[tuple[str, str], dict[str, tuple[str, str]]] = {}
    for t, direction, subject in verbs:
        if subject is None or subject.pos_ == "PRON" or not asserted_verb(t):
            continue
        obj = next((c for c in t.children if c.dep_ == "dobj"), None)
        key = (normalise_lemma(subject.lemma_.lower()), normalise_lemma(obj.lemma_.lower()) if obj is not None else "")
        out.setdefault(key, {})[direction] = (t.text, (obj if obj is not None else subject).text)
    return out


def change_verbs(doc: Any) -> list[tuple[Any, str, Any]]:
    """(verb, direction, subject or None) for every verb of change in a parse, told or
    not; a verb joined to another shares its subject ("fell in China but rose in the US").
    Not a verb with a particle of its own ("grew up", "dropped out") nor one of motion
    from or into a place ("jumped from the bridge", "fell into the river")."""
    out = []
    for t in doc:
        if t.pos_ != "VERB":
            continue
        phrasal = phrasal_class(t, t.lemma_.lower())
        direction = phrasal or normalise_lemma(t.lemma_.lower())
        if direction not in _DIRECTIONS or (phrasal is None and any(c.dep_ == "prt" for c in t.children)):
            continue
        if any(c.dep_ == "prep" and c.lower_ in _PLACE_PREPS and not any(
                g.ent_type_ in _FIGURE_ENTS or (g.pos_ == "NUM" and g.ent_type_ != "ORDINAL") for g in c.subtree)
                for c in t.children):
            continue
        out.append((t, direction, verb_subject(t)))
    return out


def _both_ways(verbs: Sequence[tuple[Any, str, Any]], subject_key: str) -> bool:
    """Whether a claim's verbs of change (``change_verbs``) tell a change of
    ``subject_key`` (or of a pronoun) both ways, in any clause ("fell on Wednesday before
    they rose again on Thursday")."""
    ways = {d for _, d, subj in verbs if subj is not None
            and (subj.pos_ == "PRON" or normalise_lemma(subj.lemma_.lower()) == subject_key)}
    return len(ways) > 1


def direction_clash(doc_a: Any, doc_b: Any) -> tuple[str, str, str, str, str] | None:
    """(what changed, direction in a, verb in a, direction in b, verb in b) where two
    claims tell one thing went opposite ways ("shares rose 5%" / "shares fell 5%"),
    neither telling both ("fell, then rose")."""
    verbs_a, verbs_b = change_verbs(doc_a), change_verbs(doc_b)  # each parse read once
    ca, cb = changes(verbs_a), changes(verbs_b)
    for key in sorted(ca.keys() & cb.keys()):
        da, db = ca[key], cb[key]
        if len(da) == 1 and len(db) == 1 and da.keys() != db.keys() and not (
                _both_ways(verbs_a, key[0]) or _both_ways(verbs_b, key[0])):
            (wa, (va, what)), (wb, (vb, _)) = next(iter(da.items())), next(iter(db.items()))
            return what, _DIRECTION_WORDS[wa], va, _DIRECTION_WORDS[wb], vb
    return None


def _same_words_but(a: Proposition, b: Proposition, acts: frozenset[str]) -> bool:
    """Whether every word of one claim, figures and the ``acts`` aside, is the other's: a
    pair the model puts below a paraphrase for its opposite verbs ("rose" / "fell")."""
    def words(p: Proposition) -> set[str]:
        return {k for k in p.keys if not k.startswith(("#", "!"))} - acts

    wa, wb = words(a), words(b)
    return bool(wa and wb) and (wa <= wb or wb <= wa)


# ----------------------------------------------------------------- outcomes
# What became of a person (``align.SYNONYMS`` classes; "shot dead" is killed), the pairs
# of them that exclude each other (a suspect may be hurt and arrested, or flee and be
# caught later), and the words that tell each anywhere in an article.
_OUTCOMES = frozenset({"kill", "arrest", "injure"})
_OUTCOME_KEYS = _OUTCOMES | {"shoot"}
_EXCLUSIVE = frozenset({frozenset({"kill", "arrest"}), frozenset({"kill", "injure"})})
_OUTCOME_WORDS = {"kill": re.compile(r"\b(?:kill|slain|slay|murder|dead\b|died\b|dies\b|death)", re.IGNORECASE),
                  "arrest": re.compile(r"\b(?:arrest|detain|apprehend|custody)", re.IGNORECASE),
                  "injure": re.compile(r"\b(?:injur|wound|hurt)", re.IGNORECASE)}
_OUTCOME_SAID = {"kill": "killed", "arrest": "arrested", "injure": "injured"}


def _outcomes(doc: Any) -> dict[str, tuple[str, str]]:
    """{whom: (outcome, the noun as written)} for the outcomes a claim tells as facts of a
    named or definite person: "The gunman was shot dead" (kill), "police arrested the
    suspect" (arrest), "the officer was wounded" (injure). A pronoun says nothing of
    whom, and "a police officer" may be another than "a police officer"."""
    out: dict[str, tuple[str, str]] = {}
    for t in doc:
        if t.pos_ != "VERB" or not asserted_verb(t):
            continue
        lemma = t.lemma_.lower()
        act = normalise_lemma(lemma)
        if lemma == "shoot" and any(c.lower_ == "dead" for c in t.children):
            act = "kill"
        if act not in _OUTCOMES:
            continue
        whom = next((c for c in t.children if c.dep_ in {"nsubjpass", "dobj"}), None)
        if whom is None or whom.pos_ == "PRON":
            continue
        if whom.pos_ != "PROPN" and not any(c.dep_ == "poss" or c.lower_ in {"the", "this", "that"}
                                            for c in whom.children):
            continue  # "a police officer was killed", "another injured": maybe two people
        out[normalise_lemma(whom.lemma_.lower())] = (act, whom.text)
    return out


def outcome_clash(doc_a: Any, doc_b: Any, text_a: str, text_b: str) -> tuple[str, str, str] | None:
    """(whom, outcome in a, outcome in b) where two claims end one person's story two
    ways ("the gunman was shot dead" / "the gunman was arrested") and neither article
    tells the other's end anywhere ("was arrested and later died in hospital")."""
    ea, eb = _outcomes(doc_a), _outcomes(doc_b)
    for whom in sorted(ea.keys() & eb.keys()):
        (oa, noun), (ob, _) = ea[whom], eb[whom]
        if frozenset({oa, ob}) in _EXCLUSIVE and not _OUTCOME_WORDS[ob].search(text_a) \
                and not _OUTCOME_WORDS[oa].search(text_b):
            return noun, _OUTCOME_SAID[oa], _OUTCOME_SAID[ob]
    return None


# ----------------------------------------------------------------- pairs
def pair_contradiction(
    i: int, j: int, claims: Sequence[Claim], scorer: PairScorer, docs: Sequence[Any],
    annotations: Mapping[str, ArticleAnnotations], articles: Mapping[str, Article],
    actors_of: ActorIndex | None = None,
) -> Contradiction | None:
    """Quantity, date or negation disagreement between two related claims, or None.

    Only claims that align as the same statement (numbers aside) and share a predicate
    are compared at all.
    """
    if (claims[i].article_id, claims[i].evidence.start) > (claims[j].article_id, claims[j].evidence.start):
        i, j = j, i  # the order ``make_contradiction`` gives the sides, so that the reason names them alike
    a, b = scorer.props[i], scorer.props[j]
    ca, cb = claims[i], claims[j]
    if a.item or b.item:
        return None  # a list item ("20 points" of "Hansbrough finished with 20 points and nine
        # rebounds") is compared in its sentence, whose words say whose and when it is
    cos = scorer.cosine(i, j)
    ov, shared = scorer.overlap(i, j, numbers=False)
    same_state = {x.key for x in a.states} & {x.key for x in b.states}
    # one change told going opposite ways: two acts, neither's the other's ("rose" / "fell")
    turned = bool(a.predicates & _DIRECTIONS and b.predicates & _DIRECTIONS
                  and (a.predicates ^ b.predicates) & _DIRECTIONS)
    # two ends of one person's story: "the gunman was shot dead" / "was arrested"
    ended = bool(a.predicates & _OUTCOME_KEYS and b.predicates & _OUTCOME_KEYS and a.predicates != b.predicates)
    if not (a.predicates & b.predicates or same_state or turned or ended) or not is_aligned(
            cos, ov, shared, clash=False, content=pair_content(a, b)):
        return None
    if _other_occurrence(docs[i], docs[j]):
        return None
    oa, ob = _outlet(articles[ca.article_id]), _outlet(articles[cb.article_id])
    if turned and (cos >= PARAPHRASE_COSINE or _same_words_but(a, b, _DIRECTIONS)):
        turn = direction_clash(docs[i], docs[j])
        if turn:
            reason = (f"{oa} says {turn[0]} went {turn[1]} (\u201c{turn[2]}\u201d), "
                      f"{ob} says {turn[3]} (\u201c{turn[4]}\u201d)")
            return make_contradiction("direction", reason, ca.evidence, cb.evidence)
    if ended and one_cycle(articles[ca.article_id], articles[cb.article_id], undated=True) and (
            cos >= PARAPHRASE_COSINE or _same_words_but(a, b, _OUTCOMES)):
        end = outcome_clash(docs[i], docs[j], articles[ca.article_id].text, articles[cb.article_id].text)
        if end:
            reason = f"{oa} says {end[0]} was {end[1]}, {ob} says {end[2]}"
            return make_contradiction("outcome", reason, ca.evidence, cb.evidence)
    hit = quantity_conflict(ca, cb, a, b, (docs[i], docs[j]),
                            (annotations.get(ca.article_id), annotations.get(cb.article_id)), actors_of)
    if hit:
        qa, qb = hit
        reason = (f"{oa} says {_figure_text(qa, articles[ca.article_id])}, "
                  f"{ob} says {_figure_text(qb, articles[cb.article_id])}{unit_note(qb, qa)}")
        return make_contradiction("quantity", reason, ca.evidence, cb.evidence)
    none = _none_against_some(ca, cb, docs[i], docs[j], oa, ob)
    if none:
        return none
    once = once_year_clash(ca, cb, (docs[i], docs[j]),
                           (annotations.get(ca.article_id), annotations.get(cb.article_id)), actors_of)
    if once:
        return _once_contradiction(ca, cb, once, articles)
    negates = has_negation(docs[i]) != has_negation(docs[j])
    denied = denial(ca, cb, docs[i], docs[j], oa, ob) if negates else None
    if denied:
        return denied
    if cos < PARAPHRASE_COSINE:
        # below a paraphrase's likeness, only a state of one subject denied: "China's space
        # station is not out of control" / "China's Tiangong-1 space station has been
        # completely out of control for months now"; or an act denied in words that are all
        # the other claim's ("Turkey's parliament failed to ratify the agreement on Thursday"
        # / "ratified the agreement on Thursday", which the model puts at 0.64)
        if not negates:
            # or one act told of two actors in the same words besides ("Hamilton won the
            # race in Brazil on Sunday" / "Rosberg won ..."), whose names the model weighs
            return _actor_clash(ca, cb, a, b, (docs[i], docs[j]), actors_of, oa, ob, same_words=True)
        return ((_act_negation(ca, cb, a, b, oa, ob, (docs[i], docs[j])) if ov >= 1.0 - 1e-9 else None)
                or _state_negation(ca, cb, a, b, oa, ob, same_subject=True))
    day_a = {d for t in a.times if (d := date_of(t))}
    day_b = {d for t in b.times if (d := date_of(t))}
    if day_a and day_b and dates_apart(day_a, day_b):
        # a plan told ahead is compared only where the claims differ in nothing but the day
        # ("Ministers will meet on Monday to discuss the plan" / "on Thursday to discuss
        # the budget": two meetings)
        plans = ((article_days(annotations.get(ca.article_id)), article_days(annotations.get(cb.article_id)))
                 if ov >= 1.0 - 1e-9 else None)
        clash = date_clash(dated_acts(ca, docs[i], annotations.get(ca.article_id)),
                           dated_acts(cb, docs[j], annotations.get(cb.article_id)),
                           articles[ca.article_id], articles[cb.article_id], plans)
        if clash:
            reason = f"{oa} dates it {clash[0]}, {ob} dates it {clash[1]}"
            return make_contradiction("date", reason, ca.evidence, cb.evidence)
    clocks = clock_clash(clocked_acts(ca, docs[i], annotations.get(ca.article_id), articles[ca.article_id].text),
                         clocked_acts(cb, docs[j], annotations.get(cb.article_id), articles[cb.article_id].text)
                         ) if one_cycle(articles[ca.article_id], articles[cb.article_id]) else None
    if clocks:
        return make_contradiction("date", f"{oa} says at {clocks[0]}, {ob} says at {clocks[1]}", ca.evidence, cb.evidence)
    negation = _negation(ca, cb, a, b, oa, ob, (docs[i], docs[j])) if negates else None
    return negation or _actor_clash(ca, cb, a, b, (docs[i], docs[j]), actors_of, oa, ob)


# Most words a counted subject has ("the two other passengers"): more is a parse run over
# page furniture.
COUNT_WORDS = 5
# Subjects that count none ("Nobody died", "none of the passengers were hurt"); "no one",
# "no passengers" are a noun with "no".
_NONE_WORDS = frozenset({"nobody", "none", "no-one", "noone"})
# Words that count anyone at all ("no one", "two people"), not one kind of people.
_ANYONE = frozenset({"one", "nobody", "none", "no-one", "noone", "people", "person", "persons"})


def subject_counts(doc: Any) -> dict[tuple[str, bool], tuple[str, str]]:
    """{(act, passive): (how many, of what)} for the acts a claim tells as facts and counts
    the subject of: ("0", "one") where none ("No one was injured when the barge caught
    fire"; "none of the passengers": "passenger"), the count's words and noun where a
    number counts it ("Two people were injured": ("Two people", "people")). Acts of light
    verbs ("There were no passengers") left out."""
    out: dict[tuple[str, bool], tuple[str, str]] = {}
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() in LIGHT_LEMMAS or not stated_clause(verb):
            continue  # "if no one called the emergency services": supposed, not told
        for subj in (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}):
            # who did it and to whom it was done are two counts: "No one called" is no
            # count of "services were called"
            act = (normalise_lemma(verb.lemma_.lower()), subj.dep_ == "nsubjpass")
            of = [o for p in subj.children if p.dep_ == "prep" and p.lower_ == "of"
                  for o in p.children if o.dep_ == "pobj"]
            noun = (of[0] if of else subj).lemma_.lower()
            words = doc[subj.left_edge.i:subj.i + 1]
            hyphened = subj.lower_ == "one" and subj.i >= 2 and doc[subj.i - 1].text == "-" \
                and doc[subj.i - 2].lower_ == "no"  # "No-one", which the tokenizer splits
            if subj.lower_ in _NONE_WORDS or hyphened or any(c.dep_ == "det" and c.lower_ == "no"
                                                             for c in subj.children):
                out.setdefault(act, ("0", noun))
            elif len(words) <= COUNT_WORDS and any(
                    t.like_num and "/" not in t.text and (t.dep_ == "nummod" or (t.i == subj.i and t.lower_ != "one"))
                    for t in words):  # a bare "One said" is a pronoun
                # "Two people", not a slideshow's "3/8 Emergency services" run into a caption
                out.setdefault(act, (words.text, noun))
    return out


def _none_against_some(ca: Claim, cb: Claim, da: Any, db: Any, oa: str, ob: str) -> Contradiction | None:
    """One claim counts none of an act's subject, the other some: "No one was injured when
    the barge caught fire" / "Two people were injured when the barge caught fire". Where
    the none are of one kind, the some must be of that kind: "none of the passengers
    were injured" leaves "two crew members were injured" possible."""
    counts_a, counts_b = subject_counts(da), subject_counts(db)
    for act in sorted(counts_a.keys() & counts_b.keys()):
        (x, kind_x), (y, kind_y) = counts_a[act], counts_b[act]
        if (x == "0") == (y == "0"):
            continue
        said_none, none_kind, said_some, some, some_kind = (
            (oa, kind_x, ob, y, kind_y) if x == "0" else (ob, kind_y, oa, x, kind_x))
        if none_kind in _ANYONE or normalise_lemma(none_kind) == normalise_lemma(some_kind):
            reason = f"{said_none} says none ({act[0]}), {said_some} says {some}"
            return make_contradiction("quantity", reason, ca.evidence, cb.evidence)
    return None


def once_years(claim: Claim, doc: Any, ann: ArticleAnnotations | None) -> dict[str, tuple[set[str], list[Any]]]:
    """Years a claim gives to acts of ``ONE_TIME_ACTS``, by lemma: (years, the verbs).
    Only a year written out in the expression ("in 1993", "June 4, 1992"; not "last
    year", which each article counts from its own date), attached to the verb directly,
    and the verb has no object."""
    out: dict[str, tuple[set[str], list[Any]]] = {}
    if ann is None:
        return out
    ev = claim.evidence
    for t in ann.times:
        if not (ev.start <= t.evidence.start and t.evidence.end <= ev.end):
            continue
        written = _YEAR.search(t.evidence.text)
        if written is None or not t.value.startswith(written.group(1)):
            continue
        tok = verb_token(doc, t.evidence.start - ev.start, t.evidence.end - ev.start, direct=True)
        if (tok is None or tok.lemma_.lower() not in ONE_TIME_ACTS
                or any(c.dep_ in _OBJECT_DEPS for c in tok.children)):
            continue
        years, verbs = out.setdefault(tok.lemma_.lower(), (set(), []))
        years.add(written.group(1))
        verbs.append(tok)
    return out


def _told_of(verb: Any, claim: Claim, index: ActorIndex) -> set[str]:
    """Who or what a one-time act is told of: its subject, or the noun a participle
    modifies ("an American record label founded in 1971"), by the name of that word or
    of the name beside it ("the company Equifax was founded")."""
    if verb.dep_ in {"acl", "relcl"}:
        head = verb.head
    else:
        head = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if head is None:
            return {index.key(e) for e in subject_ids(verb, claim, index)}
    base = claim.evidence.start
    for tok in (head, *(c for c in head.children if c.dep_ in {"appos", "compound"} and c.pos_ == "PROPN")):
        lo, hi = base + tok.idx, base + tok.idx + len(tok.text)
        named = {index.key(e) for e in index.containing(claim.article_id, lo, hi)}
        if named:
            return named
    return set()


def once_year_clash(
    ca: Claim, cb: Claim, docs: tuple[Any, Any], anns: tuple[ArticleAnnotations | None, ArticleAnnotations | None],
    index: ActorIndex | None, named: bool = False,
) -> tuple[str, str, str] | None:
    """(the act as written in ``ca``, its year there, in ``cb``) when both claims give one
    year each, and not the same, for one act of ``ONE_TIME_ACTS`` told of one subject: no
    negation, and where both subjects are named, the same name. Unless ``named`` (both
    must be named, and alike), the caller has aligned the pair as one statement."""
    acts_a, acts_b = once_years(ca, docs[0], anns[0]), once_years(cb, docs[1], anns[1])
    for lemma in sorted(acts_a.keys() & acts_b.keys()):
        (years_a, verbs_a), (years_b, verbs_b) = acts_a[lemma], acts_b[lemma]
        if len(years_a) != 1 or len(years_b) != 1 or years_a == years_b:
            continue
        if any(c.dep_ == "neg" for v in (*verbs_a, *verbs_b) for c in v.children):
            continue
        who_a = set().union(*(_told_of(v, ca, index) for v in verbs_a)) if index is not None else set()
        who_b = set().union(*(_told_of(v, cb, index) for v in verbs_b)) if index is not None else set()
        if (who_a and who_b and not who_a & who_b) or (named and not (who_a and who_b)):
            continue  # two people's births, or (``named``) one of them unnamed
        pronouns_a, pronouns_b = _subject_pronouns(verbs_a), _subject_pronouns(verbs_b)
        if pronouns_a and pronouns_b and not pronouns_a & pronouns_b:
            continue  # "He was born in 1950" and "She was born in 1948" are two people
        return verbs_a[0].text, min(years_a), min(years_b)
    return None


def _subject_pronouns(verbs: Sequence[Any]) -> set[str]:
    """The pronouns ("he", "it") that are the subjects of these verbs, lower case."""
    return {c.lower_ for v in verbs for c in v.children if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "PRON"}


def _once_contradiction(ca: Claim, cb: Claim, once: tuple[str, str, str],
                        articles: Mapping[str, Article]) -> Contradiction:
    act, year_a, year_b = once
    reason = f"{_outlet(articles[ca.article_id])} says {act} in {year_a}, {_outlet(articles[cb.article_id])} in {year_b}"
    return make_contradiction("date", reason, ca.evidence, cb.evidence)


def _once_pairs(claims: Sequence[Claim], docs: Sequence[Any], annotations: Mapping[str, ArticleAnnotations],
                family_of: Mapping[str, str]) -> list[tuple[int, int]]:
    """Pairs (i < j) of claims of different families that date one act of
    ``ONE_TIME_ACTS`` each: the few a story has, whatever their words share ("Equifax was
    founded in 1899" and "Equifax, founded in 1913 in Atlanta, employs ..." share one)."""
    by_act: dict[str, list[int]] = {}
    for i, c in enumerate(claims):
        if docs[i] is not None:
            for lemma in once_years(c, docs[i], annotations.get(c.article_id)):
                by_act.setdefault(lemma, []).append(i)
    pairs = {(i, j) for rows in by_act.values() for k, i in enumerate(rows) for j in rows[k + 1:]
             if family_of[claims[i].article_id] != family_of[claims[j].article_id]}
    return sorted(pairs)


def article_days(ann: ArticleAnnotations | None) -> frozenset[str]:
    """The days and months (``date_of``) an article's times give."""
    return frozenset(d for t in ann.times if (d := date_of(t.value, t.evidence.text))) if ann else frozenset()


# Days a speaker counts from when they speak: in a quote, no day of the article's.
_SPEAKERS_NOW = re.compile(r"(?:today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening|week))",
                           re.IGNORECASE)


def dated_acts(claim: Claim, doc: Any, ann: ArticleAnnotations | None) -> dict[str, set[str]]:
    """Days and months (``date_of``) a claim gives by the act they date (``verb_of``,
    direct; a time of a day gives its day: "derailed at 6.10am on Wednesday"; "discovered
    the breach in March" its month), leaving out dates of statements ("said
    Monday": two statements, not two dates of one event), dates of things ("Thursday's
    attack") and dates counted from another date of the text ("didn't learn until the
    next day": each article's anchor differs)."""
    out: dict[str, set[str]] = {}
    if ann is None:
        return out
    ev = claim.evidence
    quoted = [q.evidence for q in ann.quotes]
    for t in ann.times:
        day = date_of(t.value, t.evidence.text)
        if not (ev.start <= t.evidence.start and t.evidence.end <= ev.end and day):
            continue
        if counted_from_text(t.evidence.text):
            continue
        if _SPEAKERS_NOW.fullmatch(t.evidence.text.strip()) and (
                claim.kind == "quote" or any(q.start <= t.evidence.start < q.end for q in quoted)):
            continue  # a speaker's "today" is when they spoke ("we can grow our economy today")
        verb = verb_of(doc, t.evidence.start - ev.start, t.evidence.end - ev.start, direct=True)
        if verb and verb not in _STATEMENT_VERBS:
            out.setdefault(verb, set()).add(day)
    return out


# A clock time's value ("2017-12-30T15:45"), and the zone written after it ("3:45 p.m.
# EST", "7:33 p.m. local time").
_CLOCK = re.compile(r"T(\d\d:\d\d)")
_ZONE_AFTER = re.compile(r"\s*\(?\s*(?:([ECMP][SD]?T|GMT|BST|UTC|CES?T|[JK]ST|AE[SD]T)\b|(local time))")
# The word before a time that makes it exact: "happened at 6.10am" (not "shortly before
# 1am", "around 3pm", "by 5pm").
_AT = re.compile(r"\bat\s+$")


def clocked_acts(claim: Claim, doc: Any, ann: ArticleAnnotations | None,
                 text: str) -> dict[str, set[tuple[str, str, str]]]:
    """{act: {(HH:MM, zone, words)}} for the exact clock times ("at 3:45 p.m. EST") a claim
    gives an act (``verb_of``, direct; not a statement's: "said at 3pm"). The zone is the
    one written after the time ("EST", "local time"), or ""."""
    out: dict[str, set[tuple[str, str, str]]] = {}
    if ann is None:
        return out
    ev = claim.evidence
    for t in ann.times:
        m = _CLOCK.search(t.value)
        if m is None or not (ev.start <= t.evidence.start and t.evidence.end <= ev.end):
            continue
        if not _AT.search(text[max(0, t.evidence.start - 8):t.evidence.start]):
            continue
        zone = _ZONE_AFTER.match(text, t.evidence.end)
        verb = verb_of(doc, t.evidence.start - ev.start, t.evidence.end - ev.start, direct=True)
        if verb and verb not in _STATEMENT_VERBS:
            words = text[t.evidence.start:zone.end() if zone else t.evidence.end].strip()
            out.setdefault(verb, set()).add((m.group(1), (zone.group(1) or zone.group(2)) if zone else "", words))
    return out


def clock_clash(acts_a: Mapping[str, set[tuple[str, str, str]]],
                acts_b: Mapping[str, set[tuple[str, str, str]]]) -> tuple[str, str] | None:
    """(words in a, words in b) where two claims time one act at two clock times of one
    zone: "lifted off at 3:45 p.m. EST" / "at 1:45 p.m. EST". Times without a zone are
    compared only where no zone could part them (not whole hours apart: "3:45 p.m." and
    "1:45 p.m." may be one moment in two zones)."""
    for verb in sorted(acts_a.keys() & acts_b.keys()):
        if len(acts_a[verb]) != 1 or len(acts_b[verb]) != 1:
            continue
        (ta, za, wa), (tb, zb, wb) = next(iter(acts_a[verb])), next(iter(acts_b[verb]))
        if ta == tb or za != zb:
            continue
        if not za and ta[3:] == tb[3:]:
            continue
        return wa, wb
    return None


def date_clash(acts_a: Mapping[str, set[str]], acts_b: Mapping[str, set[str]],
               art_a: Article, art_b: Article,
               plans: tuple[frozenset[str], frozenset[str]] | None = None) -> tuple[str, str] | None:
    """The first act both claims date on different days, as (day in a, day in b), when
    each article could have reported the other's day (``_could_report``), or, given
    ``plans`` (each article's days: ``article_days``), when both announce it ahead on
    different days in one news cycle (``_one_plan``)."""
    for verb in sorted(acts_a.keys() & acts_b.keys()):
        da, db = acts_a[verb], acts_b[verb]
        if not dates_apart(da, db):
            continue
        if (_could_report(da, art_b) and _could_report(db, art_a)) or (
                plans is not None and _one_plan(da, db, art_a, art_b, plans)):
            return sorted(da)[0], sorted(db)[0]
    return None


# Words that tell one occurrence of a thing from another ("the first launch", "the second
# launch"): spaCy's ORDINAL entities, and these.
_OCCURRENCE_WORDS = frozenset({"last", "latest", "previous", "next", "final", "earlier", "later", "new", "another"})


def _occurrences(doc: Any) -> dict[str, str]:
    """{noun lemma: the word telling which occurrence it is} for the nouns of a claim an
    ordinal modifies ("the second launch": launch -> second; not "last week", a date)."""
    out: dict[str, str] = {}
    for t in doc:
        if t.dep_ == "amod" and t.head.pos_ == "NOUN" and not t.head.ent_type_ and (
                t.ent_type_ == "ORDINAL" or t.lower_ in _OCCURRENCE_WORDS):
            out[t.head.lemma_.lower()] = t.lower_
    return out


def _other_occurrence(doc_a: Any, doc_b: Any) -> bool:
    """Whether two claims tell of different occurrences of one thing, by the ordinals on
    a noun both name ("The first launch took place on December 20" / "The second launch
    took place on December 28"): no disagreement about either."""
    a, b = _occurrences(doc_a), _occurrences(doc_b)
    return any(a[n] != b[n] for n in a.keys() & b.keys())


# Most days apart two articles of one news cycle are published: a later one may report a
# plan moved ("the launch, set for Friday, was postponed"), or another day's launch.
NEWS_CYCLE_DAYS = 1


def _publication_days(art_a: Article, art_b: Article) -> tuple[date, date] | None:
    """The two articles' publication days, or None when either has none."""
    try:
        return date.fromisoformat((art_a.published or "")[:10]), date.fromisoformat((art_b.published or "")[:10])
    except ValueError:
        return None


def _first_day(value: str) -> date | None:
    """The day a day's or a month's value names (a month: its first day), or None."""
    try:
        return date.fromisoformat(value if len(value) == 10 else value + "-01")
    except ValueError:
        return None


def one_cycle(art_a: Article, art_b: Article, undated: bool = False) -> bool:
    """Whether two articles are dated at most NEWS_CYCLE_DAYS apart; ``undated`` when
    either has no date."""
    days = _publication_days(art_a, art_b)
    return undated if days is None else abs((days[0] - days[1]).days) <= NEWS_CYCLE_DAYS


def _one_plan(da: set[str], db: set[str], art_a: Article, art_b: Article,
              plans: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Whether two articles of one news cycle (``one_cycle``) date an act to come on
    different days ("The vote will take place on December 12" / "on December 14"),
    neither naming the other's day anywhere (an article telling of a day moved names both)."""
    days = _publication_days(art_a, art_b)
    if days is None or abs((days[0] - days[1]).days) > NEWS_CYCLE_DAYS or da & plans[1] or db & plans[0]:
        return False
    last = max(days) + timedelta(days=1)
    return all((first := _first_day(d)) is not None and first > last for d in da | db)


def dated_apart(acts_a: Mapping[str, set[str]], acts_b: Mapping[str, set[str]]) -> bool:
    """Whether two claims date one act on different days: either a disagreement (flagged
    by ``date_clash``) or two occurrences of it ("fired a missile over Japan on Tuesday"
    / "on Friday", weeks apart), and in neither case one statement to corroborate."""
    return any(dates_apart(acts_a[verb], acts_b[verb]) for verb in acts_a.keys() & acts_b.keys())


def _could_report(days: set[str], article: Article) -> bool:
    """Whether ``article`` could have reported an event on one of ``days``: not when
    every day is after its publication (plus a day for time zones). Two dates that
    each lie near their own article's date in articles weeks apart ("fired a missile
    on Tuesday" / "on Friday") are two occurrences, not a disagreement."""
    published = (article.published or "")[:10]
    if not _DAY.fullmatch(published):
        return True
    try:
        last = date.fromisoformat(published) + timedelta(days=1)
    except ValueError:
        return True
    firsts = [_first_day(d) for d in days]
    if None in firsts:
        return True  # a value that names no day, as before: any day could be reported
    return any(first <= last for first in firsts if first is not None)


# align's verb negators, plus "not" itself and "without" (negative, though it negates no verb)
_NEGATORS = NEGATORS | {"not", "n't", "without"}
# Words that say "not" in other words ("unlikely to be controlled" = "cannot be controlled").
_NEGATIVE_LEMMAS = frozenset({"unlikely", "unable", "impossible", "fail", "refuse", "deny", "lack"})


def has_negation(doc: Any) -> bool:
    """Whether a claim says "not" in any words ("n’t", "no money", "unlikely to"). Only a
    claim without any negation can be denied by one with it: two negative claims ("did
    not pay any money" / "'no money' paid") or a quote that parses otherwise are no
    negation conflict, whatever the parses say."""
    return any(t.lower_.replace("’", "'") in _NEGATORS or t.lemma_.lower() in _NEGATIVE_LEMMAS
               or (t.lemma_.lower() in REFUSAL_VERBS and any(c.dep_ == "xcomp" for c in t.children)) for t in doc)


# Reporting verbs that deny what their clause says ("denied that hackers had stolen"), and
# those that affirm it ("confirmed that ...", "said ...").
DENY_VERBS = frozenset({"deny", "refute", "dispute"})
AFFIRM_VERBS = frozenset({"confirm", "acknowledge", "admit", "say", "announce", "state", "report"})


def _reported(doc: Any) -> list[tuple[str, str, str, str, str]]:
    """(deny | affirm, the reporter's nouns, the reported verb's key, the reporter and
    the reporting verb as written) for each verb of ``DENY_VERBS`` or ``AFFIRM_VERBS``
    that reports a clause, is not negated and has a subject: "The company denied that
    hackers had stolen data" -> ("deny", "company", "stolen"'s key, "the company",
    "denied")."""
    out = []
    for verb in doc:
        lemma = verb.lemma_.lower()
        kind = "deny" if lemma in DENY_VERBS else "affirm" if lemma in AFFIRM_VERBS else None
        if kind is None or verb.pos_ != "VERB" or any(c.dep_ == "neg" for c in verb.children):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ == "PRON":
            continue  # "he denied": whose denial is for the sentence before to say
        who = " ".join(t.lemma_.lower() for t in subject.subtree if t.pos_ in {"NOUN", "PROPN"})
        if not who:
            continue
        written = " ".join(t.text for t in subject.subtree)
        written = written[:1].lower() + written[1:] if subject.left_edge.pos_ == "DET" else written
        for clause in verb.children:
            if clause.dep_ == "ccomp" and clause.pos_ in {"VERB", "AUX"}:
                out.append((kind, who, normalise_lemma(clause.lemma_), written, verb.text))
    return out


def denial(ca: Claim, cb: Claim, da: Any, db: Any, oa: str, ob: str) -> Contradiction | None:
    """One reporter denies what the same reporter affirms in the other claim: "The
    company denied that hackers had stolen customer data" / "The company confirmed that
    hackers had stolen customer data". Only the same reporter, named alike (not a
    pronoun), and the same reported act: a denial by the police is no contradiction of
    what witnesses said."""
    ra, rb = _reported(da), _reported(db)
    for ka, wa, va, sa, verb_a in ra:
        for kb, wb, vb, sb, verb_b in rb:
            if ka != kb and wa == wb and va == vb:
                deny, affirm = ((oa, sa, verb_a), (ob, sb, verb_b)) if ka == "deny" else ((ob, sb, verb_b), (oa, sa, verb_a))
                reason = f"{deny[0]} says {deny[1]} {deny[2]} it, {affirm[0]} says {affirm[1]} {affirm[2]} it"
                return make_contradiction("negation", reason, ca.evidence, cb.evidence)
    return None


def _negation(ca: Claim, cb: Claim, a: Proposition, b: Proposition, oa: str, ob: str,
              docs: tuple[Any, Any] = (None, None)) -> Contradiction | None:
    """One claim negates a predicate the other states plainly ("did not ratify" /
    "ratified"), or a state (``_state_negation``)."""
    return _act_negation(ca, cb, a, b, oa, ob, docs) or _state_negation(ca, cb, a, b, oa, ob, same_subject=False)


def _act_negation(ca: Claim, cb: Claim, a: Proposition, b: Proposition, oa: str, ob: str,
                  docs: tuple[Any, Any] = (None, None)) -> Contradiction | None:
    """One claim negates an act ("did not ratify", "refused to resign") the other states
    plainly, and does not state it too ("initially refused to resign but resigned"). The
    reason names the act by its verb in the negating claim (``docs``), else by its key."""
    for neg, pos, on, op, doc, other in ((a, b, oa, ob, docs[0], docs[1]), (b, a, ob, oa, docs[1], docs[0])):
        flipped = (neg.negated - neg.asserted) & (pos.asserted - pos.negated)
        if flipped:
            key = sorted(flipped)[0]
            if doc is not None and other is not None and not _one_subject(doc, other, key):
                continue  # "Results have not been released" / "he was later released on bail"
            verb = next((t.lemma_.lower() for t in doc or () if normalise_lemma(t.lemma_.lower()) == key), key)
            reason = f"{on} says it did not happen ({verb}), {op} says it did"
            return make_contradiction("negation", reason, ca.evidence, cb.evidence)
    return None


def verb_subject(verb: Any) -> Any:
    """A verb's subject, or that of the verb it is joined to ("was booked and later
    released": he); None where it has none."""
    for _ in range(4):
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None or verb.dep_ != "conj":
            return subject
        verb = verb.head
    return None


def _one_subject(doc_a: Any, doc_b: Any, key: str) -> bool:
    """Whether the verbs of act ``key`` in two claims have one subject: the same word, or
    no subject in either (a pronoun's, or two words', is not known to be one)."""
    def subjects(doc: Any) -> set[str]:
        return {normalise_lemma(s.lemma_.lower()) if s.pos_ != "PRON" else "?"
                for t in doc if t.pos_ in {"VERB", "AUX"} and normalise_lemma(t.lemma_.lower()) == key
                and (s := verb_subject(t)) is not None}

    sa, sb = subjects(doc_a), subjects(doc_b)
    if not sa or not sb:
        return True
    return len(sa) == 1 and sa == sb and "?" not in sa


def _state_negation(ca: Claim, cb: Claim, a: Proposition, b: Proposition, oa: str, ob: str,
                    same_subject: bool) -> Contradiction | None:
    """One claim denies a state the other states (``Proposition.states``): "is not out of
    control" / "has been completely out of control", "is not a rock album" / "is the
    second studio album by American rock band Linkin Park". Every word of the denied
    state must be in the stated one or what is joined to it: "is not an album by Danny
    Devito" denies no album "by the English rock band Pink Floyd". With ``same_subject``,
    only of one subject both name (not a pronoun)."""
    for neg, pos, on, op in ((a, b, oa, ob), (b, a, ob, oa)):
        denied_there = {x.key for x in pos.states if x.negated}
        for x in sorted(neg.states):
            if not x.negated or x.key in denied_there or (same_subject and not x.subject):
                continue
            if any(y.key == x.key and not y.negated and x.scope <= y.reach
                   and (not same_subject or y.subject == x.subject) for y in pos.states):
                reason = f"{on} says it is not \u201c{x.words}\u201d, {op} says it is"
                return make_contradiction("negation", reason, ca.evidence, cb.evidence)
    return None


# ----------------------------------------------------------------- actors
_ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Acts that many actors can do at once without disagreeing (saying, confirming, ...).
# States many can be in at once are no act either ("600,000 Jewish people live in ...").
# Nor is a reaction: "Russia condemned the attack" and "France condemned the attack" are
# two statements, both true (``different_actors`` keeps them apart).
_SHARED_ACTS = frozenset({"say", "confirm", "request", "help", "be", "have", "live", "remain", "stay", "reside",
                          "exist", "belong", "own", "hold", "know", "believe", "think", "want", "need",
                          "seem", "appear", "include", "contain", "represent", "face",
                          "condemn", "denounce", "criticize", "criticise", "praise", "welcome", "applaud", "hail",
                          "mourn", "warn", "call", "demand", "reject", "deny", "oppose", "express", "vow", "pledge",
                          "promise", "offer", "congratulate", "thank", "blame", "threaten", "react", "respond",
                          "protest", "question", "doubt", "fear", "hope", "expect", "celebrate", "attend",
                          "visit", "meet", "join", "follow", "watch", "agree", "disagree", "back", "endorse",
                          "die"})


# Phrases attached to a subject that do not name it (place, relative clause, apposition).
_ASIDE_DEPS = frozenset({"prep", "relcl", "acl", "appos"})


class ActorIndex:
    """Canonical entities by article, to name the entity a claim's subject is."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.types = {e.id: e.type for e in entities}
        self.names = {e.id: e.name for e in entities}
        self.mentions = mentions_by_article(entities)
        self.countries = country_ids(entities)

    def key(self, ent_id: str) -> str:
        """The entity's key in a Proposition (one per country: ``align.entity_key``)."""
        return entity_key(ent_id, self.countries)

    def within(self, article_id: str, start: int, end: int) -> set[str]:
        return {eid for eid, m in self.mentions.get(article_id, ()) if m.start >= start and m.end <= end}

    def containing(self, article_id: str, start: int, end: int) -> set[str]:
        return {eid for eid, m in self.mentions.get(article_id, ()) if m.start <= start and end <= m.end}


class Actor(NamedTuple):
    """Who a claim says did its act (``claim_actor``)."""

    id: str  # the canonical entity
    act: str  # the act's key
    words: frozenset[str]  # the keys of the subject's words ("transp", "official", "hipoli", "abreu")


def claim_actor(claim: Claim, doc: Any, index: ActorIndex, shared: bool = False) -> Actor | None:
    """Who did the act (``Actor``) when the claim's one main clause (the clause it reports,
    under a speech verb) has one subject that is one canonical person, organisation,
    place or group (a subject naming two, by its head word), and an act (the verb's
    class). Not for an act many can do at once (``_SHARED_ACTS``) unless ``shared``;
    with ``shared`` (``different_actors``: two actors keep two claims apart, where no
    contradiction is told), a claim cut from a longer parse has one too ("Chinese ships
    improperly transferred oil ...", a line the parse joined to the one before)."""
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if not roots and shared:
        # a claim cut from a longer parse (a clause; a line the parse ran on from the one
        # before) has its verb as the root of its own copy, labelled "dep" (``Span.as_doc``)
        roots = [t for t in doc if t.head.i == t.i and not t.is_punct]
    if len(roots) != 1 or roots[0].pos_ != "VERB":
        return None
    root = roots[0]
    if root.lemma_.lower() in SPEECH_VERBS:
        # "Russia delivered the S-300 systems to Venezuela, officials said": the act is
        # the one reported, when it is a clause of its own with its subject
        told = [c for c in root.children if c.dep_ == "ccomp" and c.pos_ == "VERB"
                and any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)]
        root = told[0] if len(told) == 1 else root
    act = normalise_lemma(root.lemma_)
    if not shared and (root.lemma_.lower() in LIGHT_LEMMAS or act in _SHARED_ACTS
                       or root.lemma_.lower() in _SHARED_ACTS):
        return None
    subjects = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if len(subjects) != 1 or any(c.dep_ in {"conj", "cc"} for c in subjects[0].subtree):
        return None  # no subject, two subjects, or "Russia and China"
    subj = subjects[0]
    base = claim.evidence.start
    lo, hi = base + subj.left_edge.idx, base + subj.right_edge.idx + len(subj.right_edge.text)
    # a name in a phrase attached to the subject only places or describes it: "a federal
    # judge in Brooklyn" is no Brooklyn ("Russian technicians", "Putin" are the actor)
    aside = {e for c in subj.children if c.dep_ in _ASIDE_DEPS
             for e in index.within(claim.article_id, base + c.left_edge.idx,
                                   base + c.right_edge.idx + len(c.right_edge.text))}
    ids = {e for e in index.within(claim.article_id, lo, hi) - aside if index.types.get(e) in _ACTOR_TYPES}
    if len(ids) > 1:  # "Defense Minister Vladimir Padrino" (the model reads "Defense" as an organisation): the head's
        head = base + subj.idx
        ids &= index.containing(claim.article_id, head, head + len(subj.text))
    if len(ids) != 1:
        return None
    words = frozenset(normalise_lemma(t.lemma_) for t in subj.subtree if t.is_alpha)
    return Actor(next(iter(ids)), act, words)


def _actor_clash(
    ca: Claim, cb: Claim, a: Proposition, b: Proposition, docs: tuple[Any, Any],
    index: ActorIndex | None, oa: str, ob: str, same_words: bool = False,
) -> Contradiction | None:
    """Same act, different single actors of one type, neither claim naming the other's;
    with ``same_words``, only where every other word of one claim is the other's."""
    if index is None or a.negated or b.negated:
        return None
    xa, xb = claim_actor(ca, docs[0], index), claim_actor(cb, docs[1], index)
    if xa is None or xb is None or xa.act != xb.act or not _two_actors(xa.id, xb.id, a, b, index):
        return None
    if same_words and not _same_words_but(a, b, frozenset({index.key(xa.id), index.key(xb.id)}) | xa.words | xb.words):
        return None
    reason = (f"{oa} says {index.names[xa.id]} did it ({xa.act}), "
              f"{ob} says {index.names[xb.id]} did")
    return make_contradiction("actor", reason, ca.evidence, cb.evidence)


def _two_actors(x: str, y: str, a: Proposition, b: Proposition, index: ActorIndex) -> bool:
    """Whether the entities ``x`` (of claim ``a``) and ``y`` (of ``b``) are two actors."""
    if index.key(x) == index.key(y):
        return False  # one actor, or one country named two ways ("Moscow" / "Russia")
    if index.types[x] != index.types[y] or index.types[x] == "ORG":
        return False  # organisations nest: "the House passes" / "Congress passes" is one act
    if index.key(x) in b.keys or index.key(y) in a.keys:
        return False  # the other claim names this actor too ("with Russia", "China and Russia")
    nx, ny = index.names[x].lower(), index.names[y].lower()
    if re.search(rf"\b{re.escape(nx)}\b", ny) or re.search(rf"\b{re.escape(ny)}\b", nx):
        return False  # one name inside the other: "New York" and "New York City" nest
    if index.types[x] == "PERSON" and nx.split()[-1:] == ny.split()[-1:]:
        return False  # one surname: "Frederick C. LaRue" / "Fred LaRue", "Vincent L. Gigante" / "Vincent 'Chin' Gigante"
    return fuzz.ratio(nx, ny) < SAME_NAME_RATIO  # not one name spelled two ways: "Duncan Rait" / "Duncan Raite"


def different_actors(claims: Sequence[Claim], docs: Sequence[Any], props: Sequence[Proposition],
                     index: ActorIndex) -> Callable[[int, int], bool]:
    """Whether two claims tell of one act, shared or not, by two actors (``_two_actors``):
    "Russia condemned the attack" and "France condemned the attack" corroborate nothing.
    An act one actor alone can do is an actor contradiction besides (``_actor_clash``)."""

    @cache
    def actor(i: int) -> Actor | None:
        return claim_actor(claims[i], docs[i], index, shared=True) if docs[i] is not None else None

    def apart(i: int, j: int) -> bool:
        x, y = actor(i), actor(j)
        return x is not None and y is not None and x.act == y.act and _two_actors(x.id, y.id, props[i], props[j], index)

    return apart


def _nli_agrees(nli: Any, x: Contradiction) -> bool:
    """With an NLI model, a pair-level candidate must also read as a contradiction to it."""
    if nli is None or x.kind in {"role", "new-vs-existing"}:
        return True
    return float(nli.contradiction_prob([(x.a.text, x.b.text)])[0]) >= NLI_MIN_PROB


def _past_lookup(claims: Sequence[Claim], docs: Sequence[Any]) -> Callable[[str, int], bool]:
    """``role_contradictions``' past test over the claims' parses (False outside claims)."""
    by_article: dict[str, list[int]] = {}
    for i, c in enumerate(claims):
        by_article.setdefault(c.article_id, []).append(i)

    def past(article_id: str, offset: int) -> bool:
        for i in by_article.get(article_id, ()):
            ev = claims[i].evidence
            if ev.start <= offset < ev.end and docs[i] is not None:
                return in_past_statement(docs[i], offset - ev.start)
        return False

    return past


def find_contradictions(
    claims: Sequence[Claim], docs: Sequence[Any], scorer: PairScorer, articles: Mapping[str, Article],
    annotations: Mapping[str, ArticleAnnotations], entities: Sequence[Entity],
    family_of: Mapping[str, str], nli: Any = None, states: Sequence[list[ObjectState]] | None = None,
    actors: ActorIndex | None = None,
) -> list[Contradiction]:
    """All contradictions between claims of different (non-duplicate) articles of one story.

    ``states`` are ``object_states`` of each doc, and ``actors`` the ``ActorIndex`` of
    ``entities``, when the caller has them already."""
    story = {aid: articles[aid] for aid in family_of}
    found: dict[str, Contradiction] = {
        x.id: x for x in role_contradictions(entities, story, family_of, _past_lookup(claims, docs))}
    states = states if states is not None else [object_states(d) for d in docs]
    actors = actors if actors is not None else ActorIndex(entities)
    for i, j in _once_pairs(claims, docs, annotations, family_of):
        if (claims[i].article_id, claims[i].evidence.start) > (claims[j].article_id, claims[j].evidence.start):
            i, j = j, i  # the sides in ``make_contradiction``'s order, as ``pair_contradiction`` names them
        once = once_year_clash(claims[i], claims[j], (docs[i], docs[j]),
                               (annotations.get(claims[i].article_id), annotations.get(claims[j].article_id)),
                               actors, named=True)
        if once:
            dated = _once_contradiction(claims[i], claims[j], once, articles)
            if dated.id not in found and _nli_agrees(nli, dated):
                found[dated.id] = dated
    for i, j in _candidate_pairs(claims, states, scorer, family_of):
        cos = scorer.cosine(i, j)
        x = new_vs_existing(i, j, claims, states, articles) if cos >= OBJECT_COSINE else None
        x = x or (pair_contradiction(i, j, claims, scorer, docs, annotations, articles, actors)
                  if cos >= RELATED_COSINE else None)
        if x is not None and x.id not in found and _nli_agrees(nli, x):
            found[x.id] = x
    return distinct(list(found.values()))


def _figure_text(q: Quantity, article: Article) -> str:
    """A figure as a reason quotes it: an age through its "old" ("32-year-old", where the
    figure's own span ends at "32-year")."""
    old = AGE_AFTER.match(article.text, q.evidence.end) if q.unit == AGE_UNIT else None
    return q.evidence.text + old.group(0) if old else q.evidence.text


def same_sides(x: Contradiction, y: Contradiction) -> bool:
    """Whether two contradictions rest on overlapping evidence, side for side."""
    return (x.a.overlaps(y.a) and x.b.overlaps(y.b)) or (x.a.overlaps(y.b) and x.b.overlaps(y.a))


def distinct(found: Sequence[Contradiction]) -> list[Contradiction]:
    """One contradiction per disagreement: of two that give one reason on overlapping
    sides (a sentence and a clause cut from it: "Officials said the earthquake killed 120
    people in the province." and "the earthquake killed 120 people in the province", each
    against "at least 250 people"), the one with the more context (longer evidence)."""
    def width(x: Contradiction) -> int:
        return len(x.a.text) + len(x.b.text)

    kept: list[Contradiction] = []
    for x in sorted(found, key=lambda c: (-width(c), c.id)):
        if not any(k.kind == x.kind and k.reason == x.reason and same_sides(k, x) for k in kept):
            kept.append(x)
    return kept


def _candidate_pairs(
    claims: Sequence[Claim], states: Sequence[list[ObjectState]], scorer: PairScorer,
    family_of: Mapping[str, str],
) -> list[tuple[int, int]]:
    """Pairs (i < j, in row order) of different families that either check could flag.

    new-vs-existing needs object states on both sides and cosine >= OBJECT_COSINE; the pair
    checks need cosine >= RELATED_COSINE and the alignment's MIN_SHARED_KEYS shared
    non-entity keys (numbers aside). Everything else is skipped without Python work; the
    float32 bounds sit a hair below the exact tests, which the checks still apply.
    """
    n = len(claims)
    if n < 2:
        return []
    eps = 1e-6
    sims = scorer.sims
    fam = group_codes([family_of[c.article_id] for c in claims])
    base = np.triu(np.ones((n, n), dtype=bool), k=1) & (fam[:, None] != fam[None, :])
    has_state = np.asarray([bool(s) for s in states], dtype=bool)
    objects = (sims >= OBJECT_COSINE - eps) & has_state[:, None] & has_state[None, :]
    related = (sims >= RELATED_COSINE - eps) & (scorer.shared_counts(numbers=False) >= MIN_SHARED_KEYS)
    return [(int(i), int(j)) for i, j in zip(*np.nonzero(base & (objects | related)), strict=True)]
