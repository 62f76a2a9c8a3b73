"""What happened to each counted thing an article names: "84 people" were killed.

A ``Quantity`` that counts something ("84 people", ``extract.quantities``) is read with
the parse: the verb or adjective it is the subject or object of, or that qualifies it
("At least 84 people were killed", "The truck killed 84 people", "84 people have died",
"among the 84 people killed", "left 84 people dead"), by class (``PREDICATE_CLASSES``:
killed, injured, arrested, bought, ...), else the lemma, shown in the past form an
article words it in where one does ("five people trapped": "trapped"). Negated
predicates ("did not arrest five people"), unrealised ones ("could kill", "threatened to
fire four missiles") and light ones ("five people said") give no fact, nor does a
sentence dated more than ``BACKGROUND_DAYS`` from publication: "the Paris attacks that
killed 130 people on Nov. 13" in a report on another attack is background.
Amounts with a unit give none either (money, distances, percentages; a container such as
"14 sets of missiles" counts the missiles and does): what an amount of money is of is
worded too differently across outlets (a "bill", the "amount", what she "owed") to line
them up by it.
``crosscheck.figures`` lines the facts up across a story's articles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from newsdesk.extract.dates import parse_anchor
from newsdesk.extract.quantities import AGE_UNIT, CONTAINERS, METRIC, UNITS
from newsdesk.model import Article, CountedFact, Mention, Quantity, TimeExpression

# What happened to the counted thing, by class: the words differ by outlet ("84 people
# died", "killed 84 people", "left 84 dead"), the figure is one.
PREDICATE_CLASSES: dict[str, str] = {
    **dict.fromkeys(["kill", "die", "dead", "death", "slay", "murder", "fatality"], "killed"),
    **dict.fromkeys(["injure", "wound", "hurt", "injured", "wounded"], "injured"),
    **dict.fromkeys(["arrest", "detain", "apprehend"], "arrested"),
    **dict.fromkeys(["evacuate", "evacuated"], "evacuated"),
    **dict.fromkeys(["rescue", "save"], "rescued"),
    **dict.fromkeys(["missing"], "missing"),
    **dict.fromkeys(["buy", "purchase", "acquire", "procure"], "bought"),
    **dict.fromkeys(["ask", "request", "seek"], "requested"),
    **dict.fromkeys(["send", "deliver", "dispatch", "deploy"], "sent"),
}
# Adjectives that say what happened to what they qualify ("84 dead", "202 injured"); other
# adjectives describe it ("14 new missile units") and are no predicate.
STATE_ADJECTIVES = frozenset({"dead", "injured", "wounded", "missing", "hurt"})
# Verbs that only link the counted thing to what is said of it ("left 84 people dead",
# "lay dead", "remain missing"): the state adjective is the predicate.
LINKING_VERBS = frozenset({"leave", "lie", "lay", "remain", "be", "become", "find"})
# Predicates that say nothing of the figure (reporting, possession, being).
LIGHT_PREDICATES = frozenset(
    "be have do say tell include make take get give go come see use show add know think "
    "call number total accord report".split())
# Nouns that say whose they are only with a word before them or an "of" after: "two
# local crew members" and "two beloved members of our team" (one plane crash, two
# outlets) are not one counted thing.
RELATIONAL = frozenset({"member"})
# Measure words the quantity grammar does not read as units (``UNITS`` has the others):
# "a well 12 inches wide" measures the well, it counts no inches.
MEASURES = frozenset("inch inches yard yards centimeter centimeters centimetre centimetres millimeter "
                     "millimeters millimetre millimetres degree degrees ounce ounces".split())
# Verbs (and their nouns) whose infinitive has not happened: "threatened to fire four
# missiles", "announced plans to launch two missions".
INTENT_VERBS = frozenset(
    "threaten plan want hope vow promise expect intend try seek aim propose offer agree refuse decide "
    "need wish prepare threat bid attempt effort proposal intention".split())
# A sentence dated more than this many days before (or after) publication tells another
# event than the one reported: an earlier attack's toll, a plan.
BACKGROUND_DAYS = 31
# The predicate of an age written before the noun it qualifies: "a 4-year-old boy" is a
# boy aged 4 (``age_fact``). One holder has one age, so two outlets giving two is news.
AGED = "aged"
# Likewise a measure written before its noun (``measure_fact``): "a 450-pound gorilla" is
# the gorilla's weight, "a 108-foot-tall rocket" its height, by the dimension adjective
# between; a length with none ("a 40-metre well": deep? wide?) is its size.
WEIGHT = "weight"
SIZE = "size"
# Units by dimension, as ``quantities.METRIC`` converts them (tons too, converted to none)
WEIGHT_UNITS = frozenset({u for u, (base, _) in METRIC.items() if base == "kg"} | {"ton"})
LENGTH_UNITS = frozenset(u for u, (base, _) in METRIC.items() if base == "m")
_MEASURE_UNITS = WEIGHT_UNITS | LENGTH_UNITS
DIMENSIONS: dict[str, str] = {"tall": "height", "high": "height", "deep": "depth", "long": "length",
                              "wide": "width"}
# What a story's subject is (an age or a measure of it): one value per holder.
ATTRIBUTES = frozenset({AGED, WEIGHT, SIZE, *DIMENSIONS.values()})


def _head_noun(doc: Any, q: Quantity) -> Any | None:
    """The syntactic head of the counted phrase inside the quantity's span."""
    start, end = q.evidence.start, q.evidence.end
    span = doc.char_span(start, end, alignment_mode="expand")
    nouns = [t for t in span or () if start <= t.idx < end and t.pos_ in {"NOUN", "PROPN"}]
    heads = [t for t in nouns if not (start <= t.head.idx < end) or t.head is t]
    return (heads or nouns or [None])[-1]


def _negated(tok: Any) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _state_of(verb: Any) -> Any | None:
    """The state adjective a linking verb gives its subject or object ("left ... dead")."""
    if verb.lemma_.lower() not in LINKING_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ in {"oprd", "acomp", "xcomp"}
                 and c.lemma_.lower() in STATE_ADJECTIVES | {"kill", "injure", "wound"}), None)


def _not_done(verb: Any) -> bool:
    """Whether the verb says what may, would or was meant to happen, not what did: a modal
    ("could kill 100 people") or a verb or noun of intent above it ("threatened to fire
    four missiles", "announced plans to launch two missions")."""
    if any(c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ not in {"will", "'ll", "shall"} for c in verb.children):
        return True
    return verb.dep_ in {"xcomp", "acl"} and verb.head.lemma_.lower() in INTENT_VERBS


def predicate_of(noun: Any) -> str | None:
    """What happened to ``noun`` in its sentence: the class label of the verb or state
    adjective it is the subject or object of, or that qualifies it; None when nothing
    does, the predicate is negated, or it is a light verb."""
    tok = noun
    for _ in range(3):  # "killed 84 people and 3 officers": a conjunct takes the first one's verb
        if tok.dep_ != "conj":
            break
        tok = tok.head
    pred: Any | None = None
    for c in noun.children:
        if (c.dep_ in {"acl", "relcl"} and c.pos_ == "VERB") or (c.dep_ == "amod" and c.lemma_.lower() in STATE_ADJECTIVES):
            pred = c
            break
    if pred is None and tok.dep_ in {"nsubj", "nsubjpass", "dobj"} and tok.head.pos_ in {"VERB", "AUX"}:
        pred = _state_of(tok.head) or tok.head
    if pred is None and tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ == "of" \
            and tok.head.head.lemma_.lower() in PREDICATE_CLASSES:
        pred = tok.head.head  # "the purchase of 14 sets", "the deaths of 12 people" (not "a fraction of")
    if pred is None or _negated(pred) or _not_done(pred):
        return None
    lemma = pred.lemma_.lower()
    if lemma in LIGHT_PREDICATES:
        return None
    return PREDICATE_CLASSES.get(lemma, lemma)


def _day_range(value: str) -> tuple[date, date] | None:
    """The first and last day a TIMEX value can mean ("2015-11": Nov 1-30); None if unknown."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    if day:
        return date(year, int(month), int(day)), date(year, int(month), int(day))
    if month:
        first = date(year, int(month), 1)
        return first, date(year + int(month) // 12, int(month) % 12 + 1, 1) - timedelta(days=1)
    return date(year, 1, 1), date(year, 12, 31)


def _another_time(sentence: tuple[int, int], times: Sequence[TimeExpression], published: date | None) -> bool:
    """Whether the sentence dates what it tells more than BACKGROUND_DAYS away from
    publication: "killed 130 people in Paris on Nov. 13" in a report on another attack is
    background, and a plan for next spring is no count of what happened."""
    if published is None:
        return False
    for t in times:
        if t.kind == "DATE" and sentence[0] <= t.evidence.start < sentence[1]:
            span = _day_range(t.value)
            if span and ((published - span[1]).days > BACKGROUND_DAYS or (span[0] - published).days > BACKGROUND_DAYS):
                return True
    return False


def counted_facts(article: Article, quantities: Sequence[Quantity], doc: Any,
                  times: Sequence[TimeExpression] = (), mentions: Sequence[Mention] = ()) -> tuple[CountedFact, ...]:
    """The counted things ``article`` says something happened to, in text order: each
    quantity that counts something with its predicate, in a sentence not dated a month or
    more from publication (``times``: the article's dates), and each age written after a
    person's full name (``name_ages``; ``mentions``: the article's). ``doc``: its spaCy Doc."""
    published = parse_anchor(article.published)
    out: list[CountedFact] = []
    for q in quantities:
        age = age_fact(article, doc, q)
        measure = measure_fact(article, doc, q) if age is None else None
        fact: tuple[Any, str, str] | None
        if age is not None:
            noun, q = age  # the age through its noun: "4-year-old boy"
            fact = (noun, q.counted or "", AGED)
        elif measure is not None:
            noun, q, what = measure  # "450-pound gorilla": its weight
            fact = (noun, q.counted or "", what)
        else:
            fact = _count_fact(doc, q)
        if fact is None:
            continue
        tok = fact[0]
        if not _another_time((tok.sent.start_char, tok.sent.end_char), times, published):
            out.append(CountedFact(q, fact[1], fact[2], _worded(fact[0], fact[2])))
    for tok, q in name_ages(article, doc, mentions):
        if not _another_time((tok.sent.start_char, tok.sent.end_char), times, published):
            out.append(CountedFact(q, q.counted or "", AGED))
    return tuple(sorted(out, key=lambda f: (f.quantity.evidence.start, f.quantity.evidence.end)))


# An age in commas after a person's name: "Ahed Tamimi, 16, was indicted", "... said John
# Smith, 34." The number closes the apposition (a comma, a full stop, a bracket or "and"
# after it), so "Smith, 16 points" and "Smith, 2018" are no age.
_AGE_AFTER_NAME = re.compile(r",\s*(\d{1,3})(?=\s*(?:[,.;)]|and\b|$))")
MAX_AGE = 120
# Words of a name an age after it may be given for: one word ("Smith, 34") may be one
# of a family's several people, so the full name is wanted.
MIN_NAME_WORDS = 2


def named_holder(fact: CountedFact) -> bool:
    """Whether the fact is an age of a person named (``name_ages``: "Ahed Tamimi"), not of
    a noun ("boy": the nouns are lower case)."""
    return fact.predicate == AGED and fact.counted[:1].isupper()


def name_ages(article: Article, doc: Any, mentions: Sequence[Mention]) -> list[tuple[Any, Quantity]]:
    """(last token of the name, the age as a Quantity counting the name as written) of each
    age written after a person's full name: "Ahed Tamimi, 16," (``_AGE_AFTER_NAME``). The
    name is a PERSON mention (``extract.entities``) of MIN_NAME_WORDS words or more."""
    out: list[tuple[Any, Quantity]] = []
    text = article.text
    for mention in mentions:
        if mention.label != "PERSON" or len(mention.text.split()) < MIN_NAME_WORDS:
            continue
        m = _AGE_AFTER_NAME.match(text, mention.end)
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand") if m else None
        if m is None or not span:
            continue
        value = int(m.group(1))
        if not 0 < value <= MAX_AGE:
            continue
        out.append((span[-1], Quantity(article.evidence(mention.start, m.end(1)), float(value), AGE_UNIT,
                                       " ".join(mention.text.split()), None)))
    return out


def age_fact(article: Article, doc: Any, q: Quantity) -> tuple[Any, Quantity] | None:
    """(noun, the age through that noun) of an age written before the one noun it
    qualifies: "a 4-year-old boy", "a 16-year-old Palestinian girl" (the Quantity's
    evidence widened to "4-year-old boy", counting "boy"). None for an age alone ("a
    3-year-old got into the enclosure"), after a name ("Ahed Tamimi, 16"), of several
    ("two 17-year-old boys") or of a thing ("a 38-year-old exhibit")."""
    if q.unit != AGE_UNIT:
        return None
    # "4-year" then "-old" or " old"
    old = next((t for t in doc if q.evidence.end <= t.idx <= q.evidence.end + 1 and t.lower_ == "old"), None)
    if old is None or old.dep_ != "amod":
        return None
    noun = old.head
    if noun.pos_ != "NOUN" or noun.i <= old.i or noun.tag_ != "NN":
        return None
    counted = noun.lower_
    return noun, Quantity(article.evidence(q.evidence.start, noun.idx + len(noun.text)), q.value, q.unit,
                          counted, q.qualifier)


def measure_fact(article: Article, doc: Any, q: Quantity) -> tuple[Any, Quantity, str] | None:
    """(noun, the measure through that noun, what it measures) of a weight or length
    written before the one noun it qualifies: "a 450-pound gorilla" (``WEIGHT``), "a
    108-foot-tall rocket" (height: ``DIMENSIONS``), "a 40-metre well" (``SIZE``), with
    the Quantity's evidence widened to the noun and counting it. None for a measure that
    qualifies no noun ("weighed 400 pounds"), that restates another ("the 400-pound
    (181-kg) gorilla": the kilograms) or of a plural noun ("two 25-ton trucks")."""
    if q.unit not in _MEASURE_UNITS:
        return None
    span = doc.char_span(q.evidence.start, q.evidence.end, alignment_mode="expand")
    unit = next((t for t in reversed(span or ()) if UNITS.get(t.lower_) == q.unit), None)
    if unit is None:
        return None
    what = WEIGHT if q.unit in WEIGHT_UNITS else SIZE
    head = unit.head
    if unit.dep_ == "npadvmod" and head.dep_ == "amod" and head.lower_ in DIMENSIONS and q.unit in LENGTH_UNITS:
        what, head = DIMENSIONS[head.lower_], head.head  # "108-foot-tall rocket"
    elif unit.dep_ not in {"compound", "nmod", "amod"}:
        return None
    # a unit compounded with a word makes it a noun, whatever its tag ("a 40-metre well":
    # the small model tags that "well" an interjection)
    noun = head.tag_ == "NN" or (unit.dep_ == "compound" and head.tag_ == "UH" and head.is_alpha)
    if not noun or head.i <= unit.i:
        return None
    return head, Quantity(article.evidence(q.evidence.start, head.idx + len(head.text)), q.value, q.unit,
                          head.lower_, q.qualifier), what


def _worded(noun: Any, predicate: str) -> str:
    """The predicate of ``noun`` as its sentence words it, when it has no class and the
    sentence gives it a past form: "five people trapped in the wreckage" -> "trapped", so
    that a figure reads "people trapped", not "people trap"; "" otherwise."""
    if predicate in PREDICATE_CLASSES.values():
        return ""
    heads = [c for c in noun.children if c.dep_ in {"acl", "relcl"}] + [noun.head]
    for tok in heads:
        if tok.lemma_.lower() == predicate and tok.tag_ in {"VBN", "VBD"}:
            return tok.lower_
    return ""


def _count_fact(doc: Any, q: Quantity) -> tuple[Any, str, str] | None:
    """(token, counted noun, predicate) of "84 people were killed", "14 sets of missiles"."""
    if not q.counted or (q.unit is not None and not _is_container(q.unit)):
        return None
    noun = _head_noun(doc, q)
    if noun is None:
        return None
    name = noun.lower_
    if name in MEASURES or name in UNITS:
        return None  # "12 inches wide", "130 feet deep": a measure, not a count of things
    if _is_container(name):  # "14 sets of missiles", "14 missile units": the missiles are counted
        inner = _of_objects(noun) or [c for c in noun.children if c.dep_ == "compound"]
        name = inner[0].lower_ if inner else name
    elif noun.lemma_.lower() in RELATIONAL:  # "two crew members", "two members of our team": whose
        whose = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN"] or [
            g for g in _of_objects(noun) if g.pos_ == "NOUN"]
        name = f"{whose[0].lower_} {name}" if whose else name
    pred = predicate_of(noun)
    return (noun, name, pred) if pred else None


def _of_objects(noun: Any) -> list[Any]:
    """The objects of ``noun``'s "of" ("sets of missiles", "members of our team")."""
    return [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]


def _is_container(word: str) -> bool:
    return word.lower() in CONTAINERS or word.lower() + "s" in CONTAINERS
