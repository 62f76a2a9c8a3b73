"""Alignment: claims that state the same thing across articles -> ``ClaimGroup``.

Sentence-embedding similarity alone merges sentences that merely share a story's
entities, so each claim is also reduced to a bag of normalised content keys (spaCy
lemmas, a small generic synonym map, canonical entity ids, the Snowball stem cut to
six characters for derivations like analyst/analysis and "limited"/"limit"). Keys are
weighted by inverse claim frequency within the story, so "Maduro" in every sentence
counts little and "Su-30MK2" a lot.
A pair is aligned when the embedding similarity and the weighted key overlap together
clear a threshold, they share at least two keys, and their numbers do not clash.
Groups grow greedily from the strongest pairs, never take two claims of one article, and
merge only when most cross pairs are aligned (no chaining through one bridge sentence).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any, NamedTuple

import numpy as np
import snowballstemmer
from rapidfuzz import fuzz

from newsdesk.extract.countries import country_of_name, entity_country
from newsdesk.extract.dates import WEEKDAYS
from newsdesk.model import (
    Article,
    ArticleAnnotations,
    Claim,
    ClaimGroup,
    Contradiction,
    Entity,
    Evidence,
    Quantity,
    content_hash,
)
from newsdesk.months import MONTHS
from newsdesk.segment import DATELINE, WIRE_TAG

# Pair decision: score = EMB_WEIGHT * cosine + (1 - EMB_WEIGHT) * overlap >= ALIGN_THRESHOLD.
# Swept on MRPC train pairs 0-999 (weights 0.3-0.7, thresholds 0.50-0.82): F1 is flat at
# 0.81 from 0.50 to 0.62 (P 0.72-0.75), falling beyond. Within that plateau, 0.52/0.54/0.56
# were compared on the two gold stories: 0.52 aligned 6/36 and 48/73 gold pairs with the
# same false merges (2 and 0) as 0.56 (4/36, 48/73), so 0.52.
EMB_WEIGHT = 0.5
ALIGN_THRESHOLD = 0.52
# Two claims whose shared words are all in an attribution frame ("..., said Pierre-Henry
# Brandet, a spokesman for the Interior Ministry") align only from this cosine up.
MIN_COSINE_FRAMED = 0.8
# Two claims listing LIST_ITEMS or more of the same things, with an act in common
# (``shares_list``), align from this cosine up.
LIST_ITEMS = 3
MIN_COSINE_LIST = 0.35
# Below this cosine two claims are never aligned, whatever their keys share.
MIN_COSINE = 0.45
# Pairs must share this many content keys besides canonical entities ("merely sharing
# entities" is not the same statement); 2 removed the one false merge on electric-bill.
MIN_SHARED_KEYS = 2
# ... where a canonical entity named by at most this share of a story's claims counts as
# such a key for two claims stating one act: a place or person named in passing ("Harambe
# was born at a zoo in Texas" / "... born at the Gladys Porter Zoo in Brownsville, Texas":
# Texas in 3 of the story's 328 claims) tells the statement apart as a word does; the
# story's own actors, named everywhere, do not.
RARE_ENTITY_SHARE = 0.05
# Two claims stating one act (``one_act``) at a paraphrase's cosine need only one shared
# content key: "Thousands of spectators were evacuated" / "the crowd was evacuated" (0.86),
# "Telegram's official app has been removed from Apple's App Store" / "APPLE HAS REVEALED
# that it last week removed Telegram from the App Store ..." (0.87). Read on the 383
# giveme5w1h articles: 15 such pairs had been left apart, 14 of them one statement.
MIN_COSINE_ONE_KEY = 0.8
# Two groups merge only if more than this share of their cross pairs are aligned pairs
# themselves (a strict majority: one bridge claim cannot chain two statements together).
LINKAGE_SHARE = 0.5
# Two claims that share no act (no verb, or event noun of a SYNONYMS class, of one key;
# a reporting verb does not count) and no relation between two shared words need one
# more shared content key than others, unless their cosine reaches this. Read on the
# aligned pairs of 383 giveme5w1h articles: of such pairs below 0.7 sharing two keys,
# most stated two things about one subject ("There's a bird in the cockpit" / "a bird
# flew ... into the cockpit"; "It was not an easy night for Cubs' fans" / "For much of
# the night the Cubs controlled the game"); sharing three or more, most were one
# statement ("was initially reported to be 4 years old" / "initially said that the
# child is 4 years old"), as were those linking their two words alike ("a straight
# road is a straight road").
MIN_COSINE_NO_STRUCTURE = 0.7
# A claim of this many content keys or fewer ("soon after the missile was launched", "He
# was killed by police") is contained whole in many a sentence of its story: its key
# overlap says little, and the pair needs this cosine. Read on the 5,915 aligned pairs of
# 383 giveme5w1h articles (near-duplicates aside): 229 had a claim of two keys or fewer
# and a cosine under 0.65, and of 30 of them read by hand 7 stated one thing ("North Korea
# has just launched a missile" was aligned with every sentence mentioning a launch). At
# three keys the gold stories lost 6 of their 36 and 4 of their 73 aligned pairs.
FEW_KEYS = 2
MIN_COSINE_FEW_KEYS = 0.65
# ... unless its words stand in the other claim as written, at this rapidfuzz partial ratio
# (``pair_content``): "“Guaranteed to be exciting, one way or another.”" and "Guaranteed
# to be exciting, one way or another,' Musk posted."
VERBATIM_RATIO = 95
# Figures within 2% of each other are a clash only where rounding cannot make one the
# other ("1,137" and "1,140" are no clash; "$105 billion" and "$103 billion" are).
ROUNDING_GAP = 0.02
# Two figures a bound reconciles ("more than 200,000" and "209,000") are one figure
# rounded when this near (relative gap), two figures further apart (``figures_differ``).
BOUND_GAP = 0.15
# A figure written with this many significant digits ("$284.46", "12.5%", "1,137 people";
# not "$3.5 billion", "1,000 km", "14 sets") names one fact of a story: two outlets
# giving it state the same thing (see ``figure_key``).
FIGURE_DIGITS = 3
# ... and, for a whole count of things without a unit ("1,137 people"), this many: many
# three-digit counts are round or name a model ("737 MAX").
FIGURE_DIGITS_COUNTED = 4
# A claim giving two to this many measured figures gets a key per two of them
# (``figure_pair_keys``); more are a table of figures, not one fact.
MAX_PAIRED_FIGURES = 3
# A Snowball stem is cut to this length, for derivational variants the stemmer keeps
# apart (analyst/analysis, controlled/control).
STEM_CHARS = 6

# Generic verb/noun synonym classes (news vocabulary); value = class key. Classes added on
# the 383 giveme5w1h articles were read there pair by pair: "retaliate" joined four
# outlets' account of the Taliban's motive ("revenge attack", "in retaliation for",
# "a reprisal for"); "assault" stays out of "attack" (a sexual assault is not one), and
# "die"/"dead"/"death" stay apart ("at least 10 dead bodies" is not "more than 10
# children were among the dead").
SYNONYMS: dict[str, str] = {
    **dict.fromkeys(["ask", "request", "seek", "appeal", "implore", "solicit", "plead", "urge"], "request"),
    **dict.fromkeys(["send", "deliver", "hand", "dispatch", "transmit", "forward", "address"], "send"),
    **dict.fromkeys(["buy", "purchase", "acquire", "acquisition", "procure", "procurement"], "buy"),
    **dict.fromkeys(["repair", "refurbish", "refurbishment", "overhaul", "restore", "restoration",
                     "fix", "maintenance", "modernize", "modernise", "upgrade"], "repair"),
    **dict.fromkeys(["help", "assist", "assistance", "aid", "support", "backing"], "help"),
    **dict.fromkeys(["strike", "attack", "raid", "bomb", "bombing", "airstrike", "hit"], "attack"),
    **dict.fromkeys(["retaliate", "retaliation", "retaliatory", "revenge", "reprisal", "avenge"], "retaliate"),
    **dict.fromkeys(["kill", "slay", "murder"], "kill"),
    **dict.fromkeys(["tell", "state", "announce", "declare", "claim", "add"], "say"),
    **dict.fromkeys(["jet", "plane", "aircraft", "airplane", "warplane", "fighter"], "aircraft"),
    **dict.fromkeys(["vessel", "boat", "ship", "barge", "ferry", "yacht", "tanker", "freighter"], "ship"),
    **dict.fromkeys(["injure", "injury", "wound", "hurt"], "injure"),
    **dict.fromkeys(["explode", "explosion", "blast", "detonate", "detonation"], "explode"),
    **dict.fromkeys(["investigate", "investigation", "inquiry"], "investigate"),
    **dict.fromkeys(["resign", "resignation", "quit"], "resign"),
    **dict.fromkeys(["ban", "prohibit", "prohibition"], "ban"),
    **dict.fromkeys(["crash", "collide", "collision"], "crash"),
    **dict.fromkeys(["warn", "warning", "caution"], "warn"),
    **dict.fromkeys(["flee", "evacuate", "evacuation", "escape"], "flee"),
    **dict.fromkeys(["country", "nation", "state"], "country"),
    **dict.fromkeys(["error", "mistake", "glitch"], "error"),
    **dict.fromkeys(["letter", "message", "correspondence"], "letter"),
    **dict.fromkeys(["begin", "start", "launch", "commence"], "begin"),
    **dict.fromkeys(["end", "finish", "conclude", "halt"], "end"),
    **dict.fromkeys(["rise", "increase", "grow", "climb", "jump", "raise"], "increase"),
    **dict.fromkeys(["fall", "decrease", "drop", "decline", "cut", "reduce"], "decrease"),
    **dict.fromkeys(["arrest", "detain", "apprehend"], "arrest"),
    **dict.fromkeys(["abduct", "kidnap", "seize", "snatch", "abduction", "kidnapping"], "seize"),
    **dict.fromkeys(["charge", "indict", "indictment", "accuse"], "charge"),
    **dict.fromkeys(["confirm", "acknowledge", "verify"], "confirm"),
    **dict.fromkeys(["expedite", "accelerate", "hasten", "hurry"], "hasten"),
    **dict.fromkeys(["ability", "capacity", "capability"], "ability"),
    **dict.fromkeys(["complete", "consummate", "finalize", "finalise"], "complete"),
}
# Nouns for one who acts for a government or body, one class: an outlet's "a senior aide"
# is another's "a Venezuelan official" or "an envoy". A key only, no act (``SYNONYMS``
# are acts): two claims naming officials share a word, not a statement.
AGENT_NOUNS: dict[str, str] = dict.fromkeys(
    ["official", "aide", "envoy", "emissary", "representative", "delegate", "minister"], "official")
# Phrasal verbs (verb + particle) whose meaning is a class above, not the verb's alone
# ("reached out to Moscow for help" asks for it; "handed over" a letter sends it).
PHRASAL: dict[tuple[str, str], str] = {
    ("reach", "out"): "request", ("speed", "up"): "hasten", ("hand", "over"): "send", ("pass", "on"): "send",
    ("step", "up"): "increase", ("scale", "up"): "increase", ("ramp", "up"): "increase",
    ("cut", "back"): "decrease", ("scale", "back"): "decrease", ("wind", "down"): "end",
    ("shut", "down"): "end", ("call", "off"): "end", ("set", "off"): "begin", ("kick", "off"): "begin",
    ("lift", "off"): "begin", ("blast", "off"): "begin",
}
# Verbs of belief with the clause believed: one act, the key BELIEF beside the verb's own
# ("She suspected that her family had put up their Christmas lights wrong" / "She thought
# maybe her Christmas lights had done something wacky"). Not the noun ("the suspect"), a
# hedge ("are believed to be hurt", "suspected drug trafficking vessels") or an accusation
# ("a vessel suspected of transferring oil"): no clause, no belief of one.
BELIEF_VERBS = frozenset({"think", "believe", "suspect", "suppose", "reckon", "assume"})
BELIEF = "believe"
# Lemmas that carry no proposition content (reporting verbs, counters, fillers).
LIGHT_LEMMAS = frozenset(
    "be have do say report also include make take get give go come according reportedly "
    "set unit number kind type series part way thing lot one other new such more most "
    "show indicate reveal suggest add accord well".split()
)
# Words besides "not"/"n't" that negate the verb they depend on ("never posed", "posed no threat"). Not
# "without": "identified microbes without sending samples" says the identifying happened.
NEGATORS = frozenset({"no", "never", "none", "nothing", "nobody", "neither", "nor"})
_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
# Predicate keys that say a claim is reported, not what it states.
_REPORTING = frozenset({"say"})
# Words a dependency link passes through ("chance of survival").
_FUNCTION_POS = frozenset({"ADP", "DET", "PART"})
# Verbs that state no act of their own: light ones, and stop words linking a subject to a state.
_NO_ACT = LIGHT_LEMMAS | {"seem", "become", "use"}


class State(NamedTuple):
    """What a main-clause "be" says of its subject: ("contro", "out of control", True,
    "statio", {"contro"}) for "The station is not out of control"."""

    key: str  # the complement's head's key
    words: str  # the complement as written, for a reason
    negated: bool
    subject: str  # the subject's key; "" for a pronoun or none
    scope: frozenset[str]  # the keys of the content words of the complement ("an album by Danny Devito")
    reach: frozenset[str]  # ... and of every phrase and clause joined to it


@dataclass(frozen=True)
class Proposition:
    """What alignment compares: a claim reduced to content keys, numbers and dates."""

    text: str
    keys: frozenset[str]
    predicates: frozenset[str]
    quantities: tuple[Quantity, ...] = ()
    times: tuple[str, ...] = ()
    negated: frozenset[str] = frozenset()  # predicates stated as not happening
    # predicates stated as happening: not negated, in the main clause, not asked or
    # supposed ("asked Trump if he would condemn" states no condemning)
    asserted: frozenset[str] = frozenset()
    # the predicates and the verbs that carry content though spaCy lists them as stop
    # words ("had put up Christmas lights", "called for"): what ``shares_structure`` reads
    acts: frozenset[str] = frozenset()
    # pairs of keys in a head-dependent relation, as "a|b" ("straight road", "chance of
    # survival"): two claims linking two shared words alike say something alike of them
    links: frozenset[str] = frozenset()
    # lists of names in one role, as (role, names): ("p:from", {"RU", "CN"}) for "sought
    # help from both Russia and China" (``names_clash`` reads them)
    lists: frozenset[tuple[str, frozenset[str]]] = frozenset()
    # names numbered as models, missions or series, as (name key, number): ("hwason",
    # "14") for "the Hwasong-14", ("falcon", "9") for "Falcon 9" (``designations_clash``)
    designations: frozenset[tuple[str, str]] = frozenset()
    # the claim says its content is not known: "It remains unconfirmed whether the letter
    # reached the Kremlin", which states no reaching (``clashes``)
    unsure: bool = False
    # the claim is a full clause cut from its sentence (``Claim.part`` "clause"): it shares
    # structure with another claim only through an act (``shares_structure``)
    clause: bool = False
    # the claim is one item of a list (``Claim.part`` "item": "logistical support"): its
    # own words are a phrase, whose embedding is near any sentence naming the same thing
    item: bool = False
    # what a main-clause "be" says its subject is (``State``): "The station is not out of
    # control". A state is no act and no predicate; ``contradict`` reads it for negation
    # ("is not" / "has been").
    states: frozenset[State] = frozenset()
    # the keys of the items of its lists of LIST_ITEMS or more ("missiles, radars, and
    # aircraft repairs": {"missil", "radar", "repair"}; ``shares_list``)
    listed: frozenset[str] = frozenset()
    # the keys only its attribution frame holds: "said", "Brandet", "spokesman", "ministri"
    # in "Police shot and killed the driver, said Pierre-Henry Brandet, a spokesman for
    # the French Interior Ministry" (``frame_tokens``)
    framed: frozenset[str] = frozenset()


# A claim opening on "it is not known whether/if/how/..." (``Proposition.unsure``).
_UNSURE = re.compile(
    r"\W*(?:(?:but|however|and|yet|still|so far),?\s+)?it\s+(?:is|was|remains|remained|has\s+been|had\s+been)"
    r"\s+(?:still\s+)?(?:unclear|unconfirmed|unknown|uncertain|not\s+(?:yet\s+|immediately\s+|entirely\s+)?"
    r"(?:clear|known|confirmed|certain))\s*,?\s+(?:whether|if|how|why|what|who|when|where)\b",
    re.IGNORECASE)


_SYNONYM_CLASSES = frozenset(SYNONYMS.values())
_STEMMER = snowballstemmer.stemmer("english")
# Stems that are words of their own with another sense ("backing" -> "back", "finalise"
# -> "final", "modernize" -> "modern", "correspondence" -> "correspond", a correspondent's
# too): not read as their synonym's class. ("A senior aide", whose stem is "aid", is an
# official: ``AGENT_NOUNS``.)
_OTHER_WORD_STEMS = frozenset({"back", "final", "modern", "correspond", "explos"})
_KEY_CLASSES = _SYNONYM_CLASSES | frozenset(AGENT_NOUNS.values())
# The class of a synonym's Snowball stem, for the forms the tagger leaves unlemmatised
# ("messaging" as a modifier, "injuries"): one class per stem. Not for saying: "a public
# announcement" reports nothing of what "announced" does.
_STEM_CLASSES: dict[str, str] = {
    stem: cls for word, cls in SYNONYMS.items()
    if (stem := _STEMMER.stemWord(word)) != word and stem not in SYNONYMS and stem not in _OTHER_WORD_STEMS
    and cls not in _REPORTING
}


@cache
def normalise_lemma(lemma: str) -> str:
    """A word's key: its synonym class, else its Snowball stem cut to STEM_CHARS. The
    stem first takes off what the lemma keeps: an adjective's "-ed" ("is limited" and
    "limit"), a noun's "-ment" ("refurbishment")."""
    # one apostrophe however typed: "Chang\u2019e" and "Chang'e", "O\u2019Connor" and "O'Connor"
    low = lemma.lower().replace("\u2019", "'").replace("\u2018", "'").strip("\u201c\u201d\"'")
    low = SYNONYMS.get(low) or AGENT_NOUNS.get(low, low)
    if low in _KEY_CLASSES:
        return low
    if low.isalpha():
        low = _STEMMER.stemWord(low)
        low = SYNONYMS.get(low) or _STEM_CLASSES.get(low, low)
    return low if len(low) <= STEM_CHARS or low in _KEY_CLASSES else low[:STEM_CHARS]


_NOT_JUST = frozenset({"just", "only", "merely", "simply"})


def _is_negated(verb: Any) -> bool:
    """"did not pose", "never posed", and "posed no threat" (a negated object) alike."""
    doc = verb.doc
    # "didn’t", "aren’t" (a curly apostrophe): spaCy often hangs "n’t" on the auxiliary, or
    # on a copula that is the verb, as punctuation
    for word in (verb, *(c for c in verb.children if c.dep_ in {"aux", "auxpass"})):
        if word.i + 1 < len(doc) and doc[word.i + 1].lower_ == "n\u2019t":
            if word.i + 2 < len(doc) and doc[word.i + 2].lower_ in _NOT_JUST:
                continue  # "didn’t just win" says it won, and more
            return True
    for child in verb.children:
        if child.dep_ == "neg" or child.lower_ in NEGATORS:
            if child.i + 1 < len(doc) and doc[child.i + 1].lower_ in _NOT_JUST:
                continue  # "didn't just win" says it won, and more
            return True
        if child.dep_ in {"dobj", "attr", "nsubj", "nsubjpass"} and any(
            g.dep_ == "det" and g.lower_ in NEGATORS for g in child.children
        ):
            return True
    return False


# Verbs whose infinitive did not happen ("refused to resign", "failed to pay", "declined
# to sign").
REFUSAL_VERBS = frozenset({"refuse", "fail", "decline"})


def refused_act(verb: Any) -> bool:
    """Whether a verb is the infinitive of a main-clause refusal told as a fact ("The
    minister refused to resign": resign did not happen; not "did not refuse to resign")."""
    head = verb.head
    return (verb.dep_ == "xcomp" and head.i != verb.i and head.lemma_.lower() in REFUSAL_VERBS
            and main_clause(head) and asserted_verb(head))


def main_clause(verb: Any) -> bool:
    """Whether a verb states the claim's own event: the root, or joined to it ("bumped
    but didn't derail") or reported by it ("said Russia had not ratified"); not one in a
    relative or adverbial clause ("none as painful as when Bartman deflected a ball")."""
    steps = 0
    while verb.dep_ in {"conj", "ccomp"} and steps < 8:
        verb, steps = verb.head, steps + 1
    return verb.dep_ == "ROOT"


# Clause markers and modals that make a verb asked or supposed, not stated.
_HYPOTHETICAL = frozenset({"if", "whether", "would", "could", "might", "may", "should"})
# A statement that leans on the sentence before it: an opening personal or demonstrative
# pronoun ("He sent", "In it, he", "These jets") or a linking adverb ("However,", "In
# particular,").
_LEANING = re.compile(
    r"\W*(?:(?:he|she|it|they|his|her|its|their|them|him)\b(?!\s+(?:is|was)\s+(?:not\s+)?"
    r"(?:clear|unclear|likely|unlikely|expected|understood|believed|reported)\b)"
    # "These jets, described ...", "This was reported by ...": what they point back to is
    # in the sentence before ("This year" and the like point nowhere)
    r"|(?:these|those)\b|this\b(?!\s+(?:year|week|month|morning|afternoon|evening|weekend|season|time)\b)"
    r"|(?:in it|however|but|and|also|additionally|moreover|meanwhile|in particular|still|yet|instead"
    r"|furthermore|besides|likewise|similarly|in addition|at the same time)\s*,)",
    re.IGNORECASE)


def asserted_verb(verb: Any) -> bool:
    """A main-clause verb stated as happening: not negated, and told as a fact
    (``stated_clause``)."""
    return not _is_negated(verb) and stated_clause(verb)


def stated_clause(verb: Any) -> bool:
    """Whether a verb's clause is told as a fact, however it is worded ("No one was
    injured" too): a main clause, no "if"/"whether" on it or on the clauses reporting it,
    and no "would/could/might" on the verb itself."""
    if any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL for c in verb.children):
        return False
    steps = 0  # the walk of ``main_clause``, reading each clause's marker on the way
    while True:
        if any(c.dep_ == "mark" and c.lower_ in _HYPOTHETICAL for c in verb.children):
            return False
        if verb.dep_ not in {"conj", "ccomp"} or steps >= 8:
            return verb.dep_ == "ROOT"
        verb, steps = verb.head, steps + 1


def phrasal_class(verb: Any, lemma: str) -> str | None:
    """The ``PHRASAL`` class of a verb with its particle ("reach" + "out"), if any."""
    for child in verb.children:
        if child.dep_ == "prt":
            return PHRASAL.get((lemma, child.lower_))
    return None


# A rule's start told by an idiom ("the law came into effect", "takes effect", "entered
# into force"): the act "begin", and "effect"/"force" no word of its own (its stem is
# that of "effective", "the effect on the economy").
_IN_FORCE_NOUNS = frozenset({"effect", "force"})
_INTO_VERBS = frozenset({"come", "go", "enter", "put"})


def _in_force_idioms(doc: Any) -> dict[int, int]:
    """{verb index: noun index} of the idioms of ``_IN_FORCE_NOUNS``: "come/go/enter/put
    into effect/force" and "take effect"."""
    out: dict[int, int] = {}
    for t in doc:
        if t.lower_ not in _IN_FORCE_NOUNS or t.pos_ != "NOUN" or any(True for _ in t.lefts):
            continue
        if t.dep_ == "pobj" and t.head.lower_ == "into" and t.head.head.lemma_.lower() in _INTO_VERBS:
            out[t.head.head.i] = t.i
        elif t.dep_ == "dobj" and t.head.lemma_.lower() == "take":
            out[t.head.i] = t.i
    return out


class _Keys(NamedTuple):
    """What ``_token_keys`` reads off a parse."""

    keys: set[str]  # content keys
    predicates: set[str]
    negated: set[str]  # predicates stated as not happening
    asserted: set[str]  # predicates stated as happening
    acts: set[str]  # predicates and the content verbs spaCy calls stop words
    links: set[str]  # "a|b": key a depends on key b or b on a (through a preposition)
    lists: set[tuple[str, frozenset[str]]]  # names listed in one role (``Proposition.lists``)
    designations: set[tuple[str, str]]  # numbered names (``Proposition.designations``)
    states: set[State]  # a main-clause copula's complements (``Proposition.states``)
    listed: set[str]  # the keys of the items of long lists (``Proposition.listed``)
    framed: set[str]  # the keys only the attribution frame holds (``Proposition.framed``)


# Roles whose lists of names ``names_clash`` compares: subject, object, a preposition's object.
_LIST_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})


def _list_name(token: Any) -> str:
    """A listed name as compared: its country's code for a place ("Moscow", "North Korea"
    -> "RU", "KP"), else its last word, lower-cased: "Mr. Thomas", "Justice Sandra Day
    O'Connor" and "O'Connor" are one name."""
    first = min([token, *(c for c in token.children if c.dep_ == "compound" and c.i < token.i)], key=lambda c: c.i)
    return country_of_name(token.doc[first.i:token.i + 1].text) or token.lower_


_NUMBERED = re.compile(r"([A-Z][\w'’]*?)-(\d[\w]*)")
_NOT_NAMES = frozenset(MONTHS) | frozenset(WEEKDAYS) | {"no", "nos", "number", "page", "room"}


def _designation(t: Any) -> tuple[str, str] | None:
    """(name key, number) when ``t`` numbers a name: "Hwasong-14" (one token), "Falcon 9",
    "Boeing 737", "Game 7"; not a date ("July 4", "May 2017") nor "No. 1"."""
    m = _NUMBERED.fullmatch(t.text)
    if m and t.pos_ in {"PROPN", "NOUN"}:
        return _model(m.group(1), m.group(2))
    if t.like_num and t.text[:1].isdigit() and t.i > 0:
        prev = t.doc[t.i - 1]
        if (prev.pos_ != "PROPN" or not prev.text[:1].isupper() or prev.whitespace_ != " "
                or not prev.text.replace("'", "").replace("\u2019", "").isalpha()):
            return None
        return _model(prev.text, t.text)
    return None


def _model(name: str, number: str) -> tuple[str, str] | None:
    """(name key, number) of a name and the number after it, or None for a date ("May
    2017", "Obama 2008") or a counter ("No. 1")."""
    if len(number) == 4 and number.isdigit() and 1900 <= int(number) <= 2099:
        return None  # "Obama 2008", "May 2017"
    if len(number) > 1 and number[-1] == "s" and (number[-2].isdigit() or number[-2].isupper()):
        number = number[:-1]  # a plural: "several Su-30MK2s", "two F-16s"
    if name.lower().rstrip(".") in _NOT_NAMES:
        return None
    return normalise_lemma(name.lower()), number.lower()


def name_models(name: str) -> set[str]:
    """The model keys ("@model:su:30mk2") a name's words give: "Sukhoi Su-30MK2",
    "Hwasong 12", "Falcon 9"; none for "SpaceX"."""
    words = name.split()
    found = [_model(m.group(1), m.group(2)) for w in words if (m := _NUMBERED.fullmatch(w))]
    found += [_model(a, b) for a, b in zip(words, words[1:], strict=False)
              if b[:1].isdigit() and a[:1].isupper() and a.replace("'", "").replace("\u2019", "").isalpha()]
    return {f"@model:{n}:{k}" for x in found if x is not None for n, k in [x]}


def _same_model(x: str, y: str) -> bool:
    """Whether two numbers of one name number one model: equal, or one a variant of the
    other ("30" and "30mk2": the Su-30 and its Su-30MK2 version; not "1" and "12")."""
    short, long = sorted((x, y), key=len)
    return long.startswith(short) and (len(long) == len(short) or long[len(short)].isalpha())


# Subordinators of an adverbial clause that sets a statement's scene ("after", "when"):
# its act and word links are the scene's, not the statement's ("... calls for help after
# her son fell into the gorilla enclosure" does not state the fall; the clause is a claim
# of its own when it has a subject).
_SCENE_MARKS = frozenset({"after", "before", "when", "while", "as", "since", "until", "once", "because"})


def _scene_tokens(doc: Any) -> set[int]:
    """Indices of the tokens in an adverbial clause opened by a ``_SCENE_MARKS`` word (the
    clause's verb and its subtree), found once per parse."""
    out: set[int] = set()
    for t in doc:
        if t.dep_ == "advcl" and any(c.dep_ in {"mark", "advmod"} and c.lower_ in _SCENE_MARKS for c in t.children):
            out.update(x.i for x in t.subtree)
    return out


# Prepositions that make "the end of lap 19", "the start of the season" a point in time.
_TIME_POINT_PREPS = frozenset({"at", "by", "until", "till", "toward", "towards", "near", "before", "after", "since"})


def _time_point(t: Any) -> bool:
    """Whether an event noun names when something happened, not an act: "at the end of
    lap 19" says nothing ended; "ordered the end of the strikes" does."""
    return (t.pos_ == "NOUN" and SYNONYMS.get(t.lemma_.lower()) in {"end", "begin"}
            and t.dep_ == "pobj" and t.head.lower_ in _TIME_POINT_PREPS)


_HYPHENS = frozenset({"-", "\u2010", "\u2011"})


def _negated_by_prefix(t: Any) -> bool:
    """Whether a word is written after "non-" ("non-life threatening injuries", "non-fatal
    shootings"): it says the opposite of the word alone, whose key it does not share."""
    if t.i < 2:
        return False
    non, hyphen = t.doc[t.i - 2], t.doc[t.i - 1]
    return non.lower_ == "non" and hyphen.text in _HYPHENS and not non.whitespace_ and not hyphen.whitespace_


def _country_word(t: Any) -> str | None:
    """The country code of a one-word place or people named as a noun that the linker left
    unlinked ("the Russians", "Moscow"): keyed as the country, as its linked mentions are
    (``entity_key``), not as a word ("russia") beside them. Not a word of a longer name
    ("North Korea"), nor a nationality describing a noun ("Japanese officials"), which says
    what kind of thing the claim is about."""
    if (t.pos_ != "PROPN" or t.ent_type_ not in {"GPE", "NORP", "LOC"} or t.dep_ == "compound"
            or any(c.dep_ == "compound" for c in t.children)):
        return None
    return country_of_name(t.text)


def _token_keys(doc: Any, drop: frozenset[str] = frozenset()) -> _Keys:
    """The content keys of a parse, its predicates and their status, and the links
    between keys. An act inside a clause that sets the scene (``_scene_tokens``) is a key
    and a predicate, but neither it nor a link of a word there is structure two claims share."""
    out = _Keys(set(), set(), set(), set(), set(), set(), set(), set(), set(), set(), set())
    key_of: dict[int, str] = {}
    in_scene = _scene_tokens(doc)
    # a numbered model's number is in its model key; its name is a word key, whether it
    # is written as one word with it or two ("Hwasong-12" and "Hwasong 12": "hwason";
    # "Su-30MK2s" and "Sukhoi Su-30MK2": "su"; not the stem "su-30m" of one of them)
    model_part: dict[int, str | None] = {}
    # a number written with one capital letter is a name, not a count: "5G", "4K" (the
    # tokenizer splits them; "#5" and "g" had matched any five and any "G")
    glued = {t.i: (t.text + doc[t.i + 1].text).lower() for t in doc
             if t.pos_ == "NUM" and not t.whitespace_ and t.i + 1 < len(doc)
             and len(doc[t.i + 1].text) == 1 and doc[t.i + 1].text.isupper()}
    for t in doc:
        if (numbered := _designation(t)) is not None:
            out.designations.add(numbered)
            model_part[t.i] = numbered[0] if _NUMBERED.fullmatch(t.text) else None
    in_force = _in_force_idioms(doc)
    idiom_nouns = set(in_force.values())
    for t in doc:
        if t.pos_ == "PROPN" and t.dep_ in _LIST_ROLES and t.conjuncts:
            names = [t, *t.conjuncts]
            # a whole list, closed by its "and"/"or" (a parse that hangs the last name
            # elsewhere cuts it short); "Ernst & Young" is one firm's name, not a list
            joiners = {c.lower_ for n in names for c in n.children if c.dep_ == "cc"}
            if all(c.pos_ == "PROPN" for c in names) and joiners & {"and", "or"} and "&" not in joiners:
                role = "p:" + t.head.lower_ if t.dep_ == "pobj" else t.dep_
                out.lists.add((role, frozenset(_list_name(c) for c in names)))
        scene = t.i in in_scene
        if t.i in idiom_nouns:
            continue
        if t.i in in_force:  # "came into effect": the rule begins
            key_of[t.i] = "begin"
            out.keys.add("begin")
            out.predicates.add("begin")
            if not scene:
                out.acts.add("begin")
            if (_is_negated(t) and stated_clause(t)) or refused_act(t):
                out.negated.add("begin")
            elif asserted_verb(t):
                out.asserted.add("begin")
            continue
        if t.pos_ == "VERB" and t.is_stop and t.lemma_.lower() not in _NO_ACT and not scene:
            lemma = t.lemma_.lower()
            out.acts.add(phrasal_class(t, lemma) or normalise_lemma(lemma))
        if t.pos_ not in _CONTENT_POS or t.is_stop or not any(ch.isalnum() for ch in t.text):
            continue
        if t.pos_ == "VERB" and t.dep_ == "prep":
            continue  # a verb form used as a preposition: "following his split", "including drones"
        lemma = t.lemma_.lower()
        if lemma in LIGHT_LEMMAS or (t.pos_ == "PROPN" and t.lower_ in drop):
            continue
        phrasal = phrasal_class(t, lemma) if t.pos_ == "VERB" else None
        if t.i in model_part:
            name = model_part[t.i]
            if name is None:
                continue  # "Falcon 9": the number
            key = name
        elif (code := _country_word(t)) is not None:
            key = "@^" + code
        elif t.i in glued:
            key = glued[t.i]
        elif t.i - 1 in glued:
            continue  # its letter is in the number's key
        elif t.pos_ == "NUM" and t.like_num:
            # a year a span runs from ("their first title since 1908", "without a title
            # since 1908") is not the year of an event ("their 1908 title season")
            since = t.dep_ == "pobj" and t.head.lower_ == "since"
            key = ("#since:" if since else "#") + t.text.replace(",", "")
        else:
            key = phrasal or normalise_lemma(lemma)
            if _negated_by_prefix(t):
                key = "non:" + key  # "non-life threatening": not "life"
        out.keys.add(key)
        if t.pos_ == "VERB" and lemma in BELIEF_VERBS and any(c.dep_ == "ccomp" for c in t.children):
            out.keys.add(BELIEF)  # beside its own stem, which "thinking, she can ..." parsed
            out.predicates.add(BELIEF)  # without its clause still shares
            out.acts.add(BELIEF)
        key_of[t.i] = key
        if (t.pos_ == "VERB" or lemma in SYNONYMS or phrasal) and not _time_point(t):
            out.predicates.add(key)
            if not scene:
                out.acts.add(key)
            if t.pos_ != "VERB":
                out.asserted.add(key)
            elif (_is_negated(t) and stated_clause(t)) or refused_act(t):
                out.negated.add(key)  # told as a fact: "would not have placed him ... if" is supposed
            elif asserted_verb(t):
                out.asserted.add(key)
    out.states.update(_copula_states(doc, key_of, in_scene))
    for t in doc:
        if t.dep_ != "conj" and t.pos_ in {"NOUN", "PROPN"} and len(t.conjuncts) + 1 >= LIST_ITEMS:
            items = {key_of[c.i] for c in (t, *t.conjuncts) if c.i in key_of}
            if len(items) >= LIST_ITEMS:
                out.listed.update(items)
    frame = frame_tokens(doc)
    if frame:
        out.framed.update({k for i, k in key_of.items() if i in frame} - {k for i, k in key_of.items() if i not in frame})
    for i, key in key_of.items():
        head, steps = doc[i].head, 0
        while head.pos_ in _FUNCTION_POS and head.head.i != head.i and steps < 2:
            head, steps = head.head, steps + 1
        other = key_of.get(head.i)
        if other is not None and other != key and head.i != i and not {i, head.i} & in_scene:
            out.links.add("|".join(sorted((key, other))))
    return out


# What a verb of saying governs that names who said it, to whom, where or how: not what
# was said (a "ccomp"), nor what was added ("adding that people were screaming": "advcl").
_FRAME_DEPS = frozenset({"nsubj", "nsubjpass", "prep", "npadvmod", "agent", "dative", "dobj", "advmod", "punct"})
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp"})


def frame_tokens(doc: Any) -> set[int]:
    """Token indexes of the attribution frame of a reported statement: the main verb of
    saying and all it governs but the clause said ("said Pierre-Henry Brandet, a
    spokesman for the French Interior Ministry" in "Police shot and killed the driver,
    said ..."; ``_FRAME_DEPS``). Empty when the main verb is no verb of saying or says no
    clause."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "VERB" or normalise_lemma(root.lemma_) not in _REPORTING:
        return set()
    if not any(c.dep_ == "ccomp" for c in root.children):
        return set()
    out = {root.i}
    todo = [c for c in root.children if c.dep_ in _FRAME_DEPS]
    while todo:  # what a clause inside says of the speaker is no frame: "who improved his record to 58-3"
        t = todo.pop()
        out.add(t.i)
        todo.extend(c for c in t.children if c.dep_ not in _CLAUSE_DEPS and not (c.dep_ == "conj" and c.pos_ == "VERB"))
    return out


# Longest complement a state's words are given in full; a longer one is its head word.
STATE_WORDS = 6


def _copula_states(doc: Any, key_of: Mapping[int, str], in_scene: set[int]) -> set[State]:
    """What a main-clause "be" says of its subject (``State``): its
    adjective or noun ("is not dangerous", "is no threat") or its preposition's object ("is
    not out of control", "has been completely out of control"). Not a clause asked or
    supposed ("would be", "if it is"), nor one that sets the scene."""
    out: set[State] = set()
    for t in doc:
        if t.lemma_ != "be" or t.pos_ not in {"AUX", "VERB"} or t.i in in_scene or not main_clause(t):
            continue
        subject = next((key_of.get(c.i, "") for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}), "")
        negated = _is_negated(t)
        if negated and any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL for c in t.children):
            continue
        if not negated and not asserted_verb(t):
            continue
        for c in t.children:
            if c.dep_ in {"acomp", "attr"}:
                if c.i in key_of:
                    out.add(State(key_of[c.i], c.text, negated, subject, _scope_keys(c), _scope_keys(c, True)))
            elif c.dep_ == "prep" and c.lower_ not in _TIME_PREPS:  # "out of control": the object, through "of"
                for h in c.subtree:
                    if (h.dep_ == "pobj" and h.i in key_of and h.ent_type_ not in _TIME_ENTS
                            and (h.head.i == c.i or (h.head.dep_ == "prep" and h.head.head.i == c.i))):
                        shown = doc[c.i:h.i + 1].text if h.i - c.i < STATE_WORDS else h.text
                        out.add(State(key_of[h.i], shown, negated, subject, _scope_keys(h), _scope_keys(h, True)))
    return out


# Dependents that add another statement to a phrase, not a part of what it says.
_OTHER_STATEMENT = frozenset({"conj", "cc", "relcl", "advcl", "acl", "appos", "punct", "parataxis"})


def _scope_keys(head: Any, joined: bool = False) -> frozenset[str]:
    """The keys of the content words of ``head``'s phrase, names included, without a
    joined phrase or a clause on it unless ``joined`` ("an album by Danny Devito": album,
    danny, devito)."""
    out: set[str] = set()
    todo = [head]
    while todo:
        t = todo.pop()
        if t.pos_ in _CONTENT_POS and not t.is_stop and any(ch.isalnum() for ch in t.text):
            out.add(normalise_lemma(t.lemma_.lower()))
        todo.extend(c for c in t.children if joined or c.dep_ not in _OTHER_STATEMENT)
    return frozenset(out)


# Prepositions and entity types that say when, not what state: "has been out of control
# for months", "was in 2016".
_TIME_PREPS = frozenset({"for", "since", "until", "till", "during", "after", "before", "by"})
_TIME_ENTS = frozenset({"DATE", "TIME"})


def propositions_from_docs(
    docs: Sequence[Any],
    entity_keys: Sequence[set[str]] | None = None,
    quantities: Sequence[tuple[Quantity, ...]] | None = None,
    times: Sequence[tuple[str, ...]] | None = None,
) -> list[Proposition]:
    """One Proposition per parsed claim text; optional canonical entity ids etc. per claim."""
    out: list[Proposition] = []
    for i, doc in enumerate(docs):
        ents = entity_keys[i] if entity_keys is not None else set()
        # names covered by a canonical entity count once, as the entity id
        drop = frozenset(k[1:] for k in ents if k.startswith("="))
        found = _token_keys(doc, drop)
        text = doc.text  # spaCy joins the tokens' text on each read
        figures = {k for q in (quantities[i] if quantities else ()) if (k := figure_key(q))}
        figures |= figure_pair_keys(quantities[i] if quantities else ())
        # a numbered model names one thing as an entity does, whether or not the entity
        # linker joined its mentions ("Sukhoi Su-30MK2" and "Su-30MK2s"): a key that
        # weighs, not one that counts as a shared word (``shared_key_counts``)
        models = {f"@model:{name}:{number}" for name, number in found.designations}
        out.append(Proposition(
            text=text.strip(),
            keys=frozenset(found.keys | figures | models | {k for k in ents if k.startswith("@")}),
            predicates=frozenset(found.predicates),
            quantities=quantities[i] if quantities else (), times=times[i] if times else (),
            negated=frozenset(found.negated), asserted=frozenset(found.asserted),
            acts=frozenset(found.acts), links=frozenset(found.links), lists=frozenset(found.lists),
            designations=frozenset(found.designations), unsure=bool(_UNSURE.match(text)),
            states=frozenset(found.states), listed=frozenset(found.listed), framed=frozenset(found.framed),
        ))
    return out


_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")


def figure_key(q: Quantity) -> str | None:
    """The key "!unit:value" of a distinctive figure, or None.

    A figure is distinctive when its written number has FIGURE_DIGITS significant
    digits or more and it measures something: a unit ("$284.46", "12.5%", "108 years")
    or a lower-case counted noun ("11.5 million documents"; a whole count needs
    FIGURE_DIGITS_COUNTED digits: "1,137 people"). Round figures ("$3.5 billion",
    "1,000 kilometers"), small counts, years, versions ("update 5.50") and model numbers
    ("737 MAX") are not: many statements of one story share those. Two claims
    sharing such a key share a statement's core, as two sharing a verb do
    (``shares_structure``): "Her new amount was quickly corrected to $284.46" and "she
    only owed $284.46" share nothing else."""
    m = _FIGURE.search(q.evidence.text)
    if m is None:
        return None
    whole, _, frac = m.group().replace(",", "").partition(".")
    fraction = bool(frac.strip("0"))
    digits = len((whole + frac).lstrip("0") if fraction else whole.lstrip("0").rstrip("0"))
    if q.unit:
        enough = digits >= FIGURE_DIGITS
    elif q.counted and q.counted.islower():
        enough = digits >= (FIGURE_DIGITS if fraction else FIGURE_DIGITS_COUNTED)
    else:  # a bare number: a version ("update 5.50"), a model, a code
        enough = False
    if not enough or (not q.unit and not fraction and 1900 <= q.value <= 2099):
        return None
    return f"!{q.unit or q.counted}:{q.value:.12g}"


def figure_pair_keys(quantities: Sequence[Quantity]) -> set[str]:
    """Keys "!a&b" for each two measured figures of one claim (a unit each), when
    it gives two to MAX_PAIRED_FIGURES of them: one figure as round as "$82" is common in a
    story, two in one sentence ("$82 a share, up from ... $70 a share") name its fact as a
    distinctive figure does (``figure_key``)."""
    measured = sorted({f"{q.unit}:{q.value:.12g}" for q in quantities if q.unit})
    if not 2 <= len(measured) <= MAX_PAIRED_FIGURES:
        return set()
    return {f"!{a}&{b}" for k, a in enumerate(measured) for b in measured[k + 1:]}


def _inside(start: int, end: int, s: int, e: int) -> bool:
    return s >= start and e <= end


def mentions_by_article(entities: Sequence[Entity]) -> dict[str, list[tuple[str, Evidence]]]:
    """article id -> (entity id, mention) for every canonical entity mention."""
    out: dict[str, list[tuple[str, Evidence]]] = {}
    for ent in entities:
        for m in ent.mentions:
            out.setdefault(m.article_id, []).append((ent.id, m))
    return out


# A thing one article of the story names as an entity ("Nuclear Button", in a tweet's
# capitals) that another article writes in lower case ("a nuclear button is always on my
# desk") keeps its words as words: they are what the two share, and its entity key no
# other article has. Not a title or a name no one writes so ("Space Oddity").
WORDY_TYPES = frozenset({"FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})


def entity_keys_for(
    claim: Claim, mentions: Mapping[str, Sequence[tuple[str, Evidence]]],
    countries: Mapping[str, str] | None = None, keep_words: frozenset[str] = frozenset(),
) -> set[str]:
    """The ``entity_key`` of each canonical entity with mentions inside the claim, and
    their words ("=word"), but for the entities in ``keep_words``."""
    ev = claim.evidence
    out: set[str] = set()
    for ent_id, m in mentions.get(ev.article_id, ()):
        if _inside(ev.start, ev.end, m.start, m.end):
            out.add(entity_key(ent_id, countries))
            if ent_id not in keep_words:
                out.update("=" + w.lower() for w in m.text.split())
    return out


def entity_key(ent_id: str, countries: Mapping[str, str] | None = None) -> str:
    """A claim's key for a canonical entity: "@<id>", or with ``countries`` (entity id ->
    ISO code, ``country_ids``) one key per country for every place or nationality naming
    it: "@^RU" for "Russia", "Russian" and "Moscow" alike (one outlet names a state,
    another its capital)."""
    code = countries.get(ent_id) if countries else None
    return "@^" + code if code else "@" + ent_id


def country_ids(entities: Sequence[Entity]) -> dict[str, str]:
    """Entity id -> ISO code for the entities that name a country (``entity_country``)."""
    return {e.id: code for e in entities if (code := entity_country(e)) is not None}


def build_propositions(
    claims: Sequence[Claim], annotations: Mapping[str, ArticleAnnotations],
    entities: Sequence[Entity], docs: Sequence[Any],
) -> list[Proposition]:
    """Propositions for claims of any articles; ``docs`` are the parsed claim texts."""
    ekeys, qty, tms = [], [], []
    mentions = mentions_by_article(entities)
    countries = country_ids(entities)
    wordy = _common_word_things(claims, entities)
    for c in claims:
        ev = c.evidence
        ann = annotations.get(c.article_id)
        ekeys.append(entity_keys_for(c, mentions, countries, wordy))
        qs = tuple(q for q in ann.quantities if _inside(ev.start, ev.end, q.evidence.start, q.evidence.end)) if ann else ()
        ts = tuple(t.value for t in ann.times if _inside(ev.start, ev.end, t.evidence.start, t.evidence.end)) if ann else ()
        qty.append(qs)
        tms.append(ts)
    # an entity named by a numbered model is keyed as that model, in every claim: "Sukhoi
    # Su-30MK2" (an entity) and "Su-30MK2s" (which the linker kept apart) are one key, as
    # are "Tiangong-1" and the bare "Tiangong" the linker joined to it. Only names that end
    # on the number ("Route 91 Harvest Festival" is not Route 91), of an entity named so
    # by one model only
    models = model_keys(entities, countries)
    props = [replace(p, clause=c.part == "clause", item=c.part == "item", keys=frozenset(models.get(k, k) for k in p.keys))
             for c, p in zip(claims, propositions_from_docs(docs, ekeys, qty, tms), strict=True)]
    return with_context(claims, props)


def _common_word_things(claims: Sequence[Claim], entities: Sequence[Entity]) -> frozenset[str]:
    """Ids of ``WORDY_TYPES`` entities of one article whose name another article's claims
    write in lower case."""
    text_of: dict[str, list[str]] = {}
    for c in claims:
        text_of.setdefault(c.article_id, []).append(c.evidence.text)
    joined = {aid: "\n".join(texts) for aid, texts in text_of.items()}
    out: set[str] = set()
    for e in entities:
        if e.type in WORDY_TYPES and len(e.article_ids) == 1 and " " in e.name:
            low = e.name.lower()
            if any(low in text for aid, text in joined.items() if aid not in e.article_ids):
                out.add(e.id)
    return frozenset(out)


def model_keys(entities: Sequence[Entity], countries: Mapping[str, str]) -> dict[str, str]:
    """Entity key -> the model key ("@model:su:30mk2") of each entity whose names, ending on
    a number, name one numbered model (``name_models``)."""
    out: dict[str, str] = {}
    for e in entities:
        found = {m for name in {e.name, *e.aliases} if (words := name.split()) and any(ch.isdigit() for ch in words[-1])
                 for m in name_models(name)}
        if len(found) == 1:
            out[entity_key(e.id, countries)] = found.pop()
    return out


def with_context(claims: Sequence[Claim], props: Sequence[Proposition]) -> list[Proposition]:
    """A list item claim ("logistical support") inherits its sentence's predicates and
    entities ("Maduro ... requested ..."), so that it aligns as a statement, not a phrase.

    Its own word relations ("ponzi|scheme") are dropped: they name the thing listed, and
    two claims naming one thing ("described the cryptocurrency as 'a bubble, a Ponzi
    scheme ...'" / "whose creators referred to it as a Ponzi scheme") do not state one
    fact. Sharing structure (``shares_structure``) is then left to the acts."""
    spans: dict[str, list[int]] = {}
    for i, c in enumerate(claims):
        spans.setdefault(c.article_id, []).append(i)
    out = list(props)
    for i, c in enumerate(claims):
        ev = c.evidence
        if c.part == "clause":
            continue  # a full clause states its own act: its sentence's would blur it
        for j in spans[c.article_id]:
            other = claims[j].evidence
            if j != i and other.start <= ev.start and ev.end <= other.end and other.end - other.start > ev.end - ev.start:
                context = props[j].predicates | {k for k in props[j].keys if k.startswith("@")}
                out[i] = replace(props[i], keys=props[i].keys | context, predicates=props[i].predicates | props[j].predicates,
                                 links=frozenset())
                break
    return out


class PairScorer:
    """Scores claim pairs: embeddings + inverse-frequency-weighted key overlap."""

    def __init__(self, props: Sequence[Proposition], vectors: np.ndarray,
                 shared_counts: np.ndarray | None = None, act_counts: np.ndarray | None = None) -> None:
        """``shared_counts``: ``shared_key_counts`` of the props' keys, and ``act_counts``:
        their ``act_key_counts``, when the caller has them."""
        self.props = props
        self.vectors = vectors
        self.sims = vectors @ vectors.T if len(props) else np.zeros((0, 0), dtype=np.float32)
        df: Counter[str] = Counter()
        for p in props:
            df.update(p.keys)
        n = max(len(props), 1)
        self.weight = {k: math.log(1.0 + n / c) for k, c in df.items()}
        self.rare = rare_entities(df, len(props))
        # per claim and ``numbers`` flag: (keys, their summed weight), built on first use
        self._keyed: dict[bool, list[tuple[frozenset[str], float]]] = {}
        self._shared: dict[bool | str, np.ndarray] = {} if shared_counts is None else {True: shared_counts}
        if act_counts is not None:
            self._shared["acts"] = act_counts

    def cosine(self, i: int, j: int) -> float:
        return float(self.sims[i, j])

    def _keys(self, numbers: bool) -> list[tuple[frozenset[str], float]]:
        keyed = self._keyed.get(numbers)
        if keyed is None:
            keyed = []
            for p in self.props:
                a = p.keys if numbers else frozenset(k for k in p.keys if not k.startswith(("#", "!")))
                # a distinctive figure ("!", ``figure_key``) weighs only when shared (see
                # ``overlap``): one claim's precise figure is no sign it states another thing
                keyed.append((a, sum(self.weight[k] for k in a if not k.startswith("!"))))
            self._keyed[numbers] = keyed
        return keyed

    def shared_counts(self, numbers: bool = True) -> np.ndarray:
        """n x n upper bounds of what ``overlap`` returns second (``shared_key_counts``)."""
        counts = self._shared.get(numbers)
        if counts is None:
            counts = shared_key_counts([keys for keys, _ in self._keys(numbers)])
            self._shared[numbers] = counts
        return counts

    def act_counts(self) -> np.ndarray:
        """n x n counts of shared acts besides saying (``act_key_counts``)."""
        counts = self._shared.get("acts")
        if counts is None:
            counts = act_key_counts(self.props)
            self._shared["acts"] = counts
        return counts

    def overlap(self, i: int, j: int, numbers: bool = True) -> tuple[float, int]:
        """Weighted shared keys over the smaller claim's weight, and the count of shared
        content keys (``content_count``: sharing only names is not sharing a statement). A distinctive
        figure both claims give weighs on both sides; two figures both give make it 1.
        ``numbers=False`` leaves figures out ("the same statement, numbers aside")."""
        keyed = self._keys(numbers)
        a, wa = keyed[i]
        b, wb = keyed[j]
        shared = a & b
        if not shared:
            return 0.0, 0
        n_shared = content_count(shared, self.rare, one_act(self.props[i], self.props[j]))
        if any(k.startswith("!") and "&" in k for k in shared):
            return 1.0, n_shared  # two figures both give (``figure_pair_keys``): one fact, words aside
        ws = sum(self.weight[k] for k in shared)
        figures = sum(self.weight[k] for k in shared if k.startswith("!"))
        return ws / max(min(wa, wb) + figures, 1e-9), n_shared

    def score(self, i: int, j: int) -> float:
        ov, _ = self.overlap(i, j)
        return EMB_WEIGHT * self.cosine(i, j) + (1.0 - EMB_WEIGHT) * ov

    def aligned(self, i: int, j: int, clash: Callable[[Proposition, Proposition], bool] | None = None) -> bool:
        cos = self.cosine(i, j)
        a, b = self.props[i], self.props[j]
        if cos >= MIN_COSINE_LIST and shares_list(a, b):
            return not (clash and clash(a, b))
        if cos < MIN_COSINE:
            return False
        if cos < MIN_COSINE_FRAMED and (a.framed or b.framed) and not any(
                not k.startswith("@") for k in (a.keys & b.keys) - a.framed - b.framed):
            return False  # one speaker's two statements share the frame's words only
        ov, n_shared = self.overlap(i, j)
        structure = shares_structure(a, b)
        if a.item != b.item and not structure and not (a.quantities and b.quantities):
            # a list item's words are a phrase, near any statement naming the same thing:
            # "sexual assaults" (of "to prevent or stop sexual assaults and other crimes")
            # is no "sexual assault is a given". Against a statement it aligns through an
            # act both state or a figure both give; items of two lists compare as items
            return False
        return is_aligned(cos, ov, n_shared, bool(clash and clash(a, b)), structure, pair_content(a, b), one_act(a, b))


def group_codes(labels: Sequence[str]) -> np.ndarray:
    """An integer code per label (equal labels, equal codes), for n x n same-group masks."""
    return np.unique(np.asarray(labels, dtype=object), return_inverse=True)[1].reshape(-1)


def rare_entities(df: Mapping[str, int], n: int) -> frozenset[str]:
    """The entity keys ("@" ids) named by two claims or more and by at most
    RARE_ENTITY_SHARE of the ``n`` claims (``content_count``); ``df``: how many claims
    hold each key (entity keys at least)."""
    most = RARE_ENTITY_SHARE * n
    return frozenset(k for k, c in df.items() if k.startswith("@") and 2 <= c <= most)


def content_count(shared: frozenset[str], rare: frozenset[str], one_act: bool) -> int:
    """How many of two claims' shared keys are shared content: the non-entity keys, and,
    where the claims state one act (``one_act``) and share a word besides, the
    ``rare_entities`` (two names alone are no statement)."""
    words = sum(1 for k in shared if not k.startswith("@"))
    return words + sum(1 for k in shared if k in rare) if words and one_act else words


def shared_key_counts(keysets: Sequence[frozenset[str]]) -> np.ndarray:
    """n x n upper bounds of ``content_count`` (acts aside), in sparse products instead of
    n^2 set intersections."""
    from scipy.sparse import csr_matrix

    n = len(keysets)
    rare = rare_entities(Counter(k for keys in keysets for k in keys if k.startswith("@")), n)

    def counts(take: Callable[[str], bool]) -> np.ndarray:
        column: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        for i, keys in enumerate(keysets):
            for k in keys:
                if take(k):
                    rows.append(i)
                    cols.append(column.setdefault(k, len(column)))
        m = csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, cols)), shape=(n, max(len(column), 1)))
        return np.asarray((m @ m.T).toarray(), dtype=np.int32)

    words = counts(lambda k: not k.startswith("@"))
    if not rare:
        return words
    return words + np.where(words > 0, counts(rare.__contains__), 0).astype(np.int32)


def act_key_counts(props: Sequence[Proposition]) -> np.ndarray:
    """n x n counts of the acts two claims share besides saying (``one_act``)."""
    return shared_key_counts([frozenset(p.acts - _REPORTING) for p in props])


def needs_vectors(
    props: Sequence[Proposition], article_of: Sequence[str], family_of: Mapping[str, str],
    has_state: Sequence[bool], shared_counts: np.ndarray | None = None, act_counts: np.ndarray | None = None,
) -> np.ndarray:
    """Which claims any pair decision could use an embedding for (a boolean mask).

    Every decision that reads a cosine also needs, besides it, MIN_SHARED_KEYS shared
    non-entity keys with a claim of another article (alignment, the pair contradiction
    checks), or object states on both sides (new vs existing), or a duplicate family of
    two or more articles (the near-identical test). A claim with none of these is never
    compared, so it is not embedded: most claims of a one-article story, for instance.
    ``shared_counts`` is ``shared_key_counts`` of the props' keys, ``act_counts`` their
    ``act_key_counts``, when already computed.
    """
    n = len(props)
    if n < 2:
        return np.zeros(n, dtype=bool)
    art = group_codes(article_of)
    other = art[:, None] != art[None, :]
    counts = shared_counts if shared_counts is not None else shared_key_counts([p.keys for p in props])
    acts = act_counts if act_counts is not None else act_key_counts(props)
    shared = (counts >= MIN_SHARED_KEYS) | (acts >= 1)  # ``is_aligned``'s one-key case
    need = (shared & other).any(axis=1)
    state = np.asarray(has_state, dtype=bool)
    need |= state & (other & state[None, :]).any(axis=1)
    sizes = Counter(family_of.get(a, a) for a in set(article_of))
    need |= np.asarray([sizes[family_of.get(a, a)] > 1 for a in article_of], dtype=bool)
    return need


def content_keys(p: Proposition) -> int:
    """How many content keys a claim has besides entity ids (words, numbers, figures)."""
    return sum(1 for k in p.keys if not k.startswith("@"))


def pair_content(a: Proposition, b: Proposition) -> int:
    """``is_aligned``'s ``content``: the fewer ``content_keys`` of the two claims, unless the
    shorter's words stand in the other as written ("“He tried to shove himself on me." in
    "She said: “He tried to shove himself on me.”"): the same words, not a few shared keys."""
    content = min(content_keys(a), content_keys(b))
    if content > FEW_KEYS:
        return content
    short, long = sorted((_words(a.text), _words(b.text)), key=len)
    return FEW_KEYS + 1 if short and fuzz.partial_ratio(short, long) >= VERBATIM_RATIO else content


def _words(text: str) -> str:
    """Lower-case words and figures of a text, one space apart (quote marks and the like out)."""
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def shares_list(a: Proposition, b: Proposition) -> bool:
    """Whether two claims list LIST_ITEMS or more of the same things and share an act
    besides them: "he asked Russia for missiles, radars, and aircraft repairs" and
    "Maduro's communications include requests for defensive radars, aircraft repairs, and
    potentially missiles" (cosine 0.43: a sentence embedding reads a list's words
    loosely). The act keeps two lists of one kind apart ("carrying food, water and
    medicine" / "shortages of food, water and medicine")."""
    shared = a.listed & b.listed
    return len(shared) >= LIST_ITEMS and bool((a.acts & b.acts) - shared - _REPORTING)


def shares_structure(a: Proposition, b: Proposition) -> bool:
    """Whether two claims state one act or state alike: a predicate in common besides
    "say", two shared words in one relation in both ("a straight road"), or one
    distinctive figure (``figure_key``). A clause cut from its sentence shares no
    structure through a relation of two words: all its words are in the sentence around
    it, and one outlet's "his breathing tube was removed three days later" is not
    another's "Dauer required a breathing tube and slipped into a coma"."""
    return (one_act(a, b) or (bool(a.links & b.links) and not (a.clause or b.clause))
            or any(k.startswith("!") for k in a.keys & b.keys))


def one_act(a: Proposition, b: Proposition) -> bool:
    """Whether two claims state an act in common besides saying."""
    return bool((a.acts & b.acts) - _REPORTING)


def is_aligned(cos: float, overlap: float, n_shared: int, clash: bool, structure: bool = True,
               content: int = FEW_KEYS + 1, act: bool = False) -> bool:
    """The pair decision from its signals (shared by alignment and the eval sweep);
    ``structure``: whether the pair ``shares_structure``; ``content``: the fewer content
    keys of the two claims (``content_keys``); ``act``: whether they state ``one_act``."""
    need = 1 if act and cos >= MIN_COSINE_ONE_KEY else MIN_SHARED_KEYS
    if clash or cos < MIN_COSINE or n_shared < need:
        return False
    if content <= FEW_KEYS and cos < MIN_COSINE_FEW_KEYS:
        return False
    if not structure and cos < MIN_COSINE_NO_STRUCTURE and n_shared <= MIN_SHARED_KEYS:
        return False
    return EMB_WEIGHT * cos + (1.0 - EMB_WEIGHT) * overlap >= ALIGN_THRESHOLD


def numbers_clash(a: Proposition, b: Proposition) -> bool:
    """True when the two claims give different amounts of the same counted thing (people
    under any name are one: ``counts_people``): a figure of each that differ
    (``figures_differ``), neither of which the other claim also states. A sentence with
    several figures is compared figure by figure, not each against every other: "a tax
    of between 8% and 15.5%" states what "15.5 percent for earnings held in cash ... and
    8 percent for ..." does, and "$60 in cash" is one part of "$82 per share ... $60 in
    cash and $22 in stock"."""
    plain = quantities_compatible_fn()
    if plain is None or not a.quantities or not b.quantities:
        return False
    from newsdesk.extract.quantities import counts_another_set, counts_people

    def compatible(q: Quantity, o: Quantity) -> bool | None:
        # people counted under two names count the same people (``PERSON_NOUNS``)
        verdict = plain(q, o)
        if verdict is None and counts_people(q) and counts_people(o):
            verdict = plain(replace(q, counted="people"), replace(o, counted="people"))
        return verdict

    def stated(q: Quantity, others: Sequence[Quantity]) -> bool:
        return any(compatible(q, o) is not None and not figures_differ(q, o, compatible) for o in others)

    # a figure of "22 other defendants" counts a set beside the whole ("23 of the defendants")
    qas = [q for q in a.quantities if not counts_another_set(q)]
    qbs = [q for q in b.quantities if not counts_another_set(q)]
    return any(figures_differ(qa, qb, compatible) and not stated(qa, b.quantities) and not stated(qb, a.quantities)
               for qa in qas for qb in qbs)


def figures_differ(a: Quantity, b: Quantity, compatible: Callable[[Quantity, Quantity], bool | None]) -> bool:
    """Whether two figures of one counted thing are two statements, not one: incompatible
    ("145.5 million people" and "143 million people", however near: neither rounds to
    the other), or reconciled only by a bound across more than BOUND_GAP ("at least 60
    people were killed" and "at least 84 people": the toll two reports gave, of which
    one confirms neither). Alignment's test; a contradiction needs ``amounts_conflict``."""
    from newsdesk.extract.quantities import relative_gap, same_figure

    verdict = compatible(a, b)
    if verdict is None:
        return False
    return verdict is False or (not same_figure(a, b) and relative_gap(a, b) > BOUND_GAP)


def names_clash(a: Proposition, b: Proposition) -> bool:
    """True when the two claims list different names in one role, each naming one the
    other leaves out: "sought military assistance from both Russia and China" and "is
    seeking support from China and Iran" tell of different requests, though they share
    China, the act and the actor. Lists only (two names or more on each side): one name
    may stand for the others ("help from Putin", "help from Russia and China"), and a list
    that holds the other ("asked Russia, China and Iran") states it, and lists that share
    most of their names ("the center includes Parakilas, Fox, Morin" / "supporters include
    McNamee, Fox, Morin and Parakilas") tell of one set, each outlet naming some of it."""
    for role, names in a.lists:
        for other_role, others in b.lists:
            if (role == other_role and names - others and others - names
                    and 2 * len(names & others) <= min(len(names), len(others))):
                return True
    return False


def designations_clash(a: Proposition, b: Proposition) -> bool:
    """True when both claims number one name and share none of its numbers: "tested its
    ICBM, the Hwasong-14, on July 4" and "tested a Hwasong 12 in May" tell of two missiles,
    "Chang'e-4" and "Chang'e 5" of two missions, "Game 6" and "Game 7" of two games. A
    version of a model is that model ("Su-30" and "Su-30MK2s": ``_same_model``)."""
    if not a.designations or not b.designations:
        return False
    names = {n for n, _ in a.designations} & {n for n, _ in b.designations}
    return any(not any(_same_model(x, y) for n, x in a.designations if n == name
                       for m, y in b.designations if m == name)
               for name in names)


def _digits(p: Proposition) -> set[str] | None:
    """The numbers a claim writes in digits ("#108"), or None when it writes one in words
    ("eight engines": "#eight" is "8" to a reader, not to a key)."""
    numbers = [k[1:].removeprefix("since:") for k in p.keys if k.startswith("#")]
    if any(not n.replace(".", "").isdigit() for n in numbers):
        return None
    return set(numbers)


def numbers_apart(a: Proposition, b: Proposition) -> bool:
    """True when both claims give numbers in digits, none of them the same, and the two
    share no structure (``shares_structure``) nor a figure one may round to the other:
    "108 years later and the drought is finally over" and "When combined, their droughts
    spanned 176 years" share a topic and two words, not a statement."""
    da, db = _digits(a), _digits(b)
    if not (da and db) or da & db or shares_structure(a, b):
        return False
    # "more than 200,000 credit card numbers" and "209,000 US credit card numbers": one
    # figure, rounded (``quantities_compatible``)
    compatible = quantities_compatible_fn()
    return compatible is None or not any(compatible(qa, qb) for qa in a.quantities for qb in b.quantities)


def clashes(a: Proposition, b: Proposition) -> bool:
    """Whether two claims cannot state one fact: different figures for the same thing
    (``numbers_clash``), different names listed in one role (``names_clash``), different
    numbers of one named model or series (``designations_clash``), one saying it is not
    known whether what the other states happened (``unsure``), or numbers none of which
    the other gives, with no act or relation in common (``numbers_apart``)."""
    return (numbers_clash(a, b) or names_clash(a, b) or designations_clash(a, b) or a.unsure != b.unsure
            or numbers_apart(a, b))


def cannot_group(props: Sequence[Proposition]) -> Callable[[int, int], bool]:
    """``group_pairs``' ``apart`` test over a story's claims: the two give different
    figures of one thing (``numbers_clash``) or different numbers of one named model
    (``designations_clash``), so no group holds both, whatever links the rest."""

    @cache
    def apart(i: int, j: int) -> bool:
        return numbers_clash(props[i], props[j]) or designations_clash(props[i], props[j])

    return apart


def amounts_conflict(a: Quantity, b: Quantity, compatible: Callable[[Quantity, Quantity], bool | None]) -> bool:
    """Clearly different figures: incompatible, and further apart than ROUNDING_GAP or
    than rounding could make them ("$284.46" / "$284.64", "$105 billion" / "$103 billion":
    ``rounding_explains``)."""
    from newsdesk.extract.quantities import relative_gap, rounding_explains

    return compatible(a, b) is False and (relative_gap(a, b) > ROUNDING_GAP or not rounding_explains(a, b))


def quantities_compatible_fn() -> Callable[[Quantity, Quantity], bool | None] | None:
    """``extract.quantities.quantities_compatible`` when that module is installed."""
    try:
        from newsdesk.extract.quantities import quantities_compatible
    except ImportError:
        return None
    return quantities_compatible


@dataclass
class _Groups:
    members: dict[int, list[int]]
    owner: list[int]


def group_pairs(
    n: int, article_of: Sequence[str], edges: Sequence[tuple[float, int, int]],
    strict: Sequence[bool] | None = None, apart: Callable[[int, int], bool] | None = None,
) -> list[list[int]]:
    """Greedy average-linkage grouping of aligned pairs (strongest first).

    Two groups never merge where ``apart`` holds for a claim of each (``cannot_group``:
    the two state different figures of one thing): a majority of links had chained
    "143 million people" and "145.5 million people" into one statement through a
    sentence that gives no figure.

    A group never holds two claims of the same article; two groups merge only when more
    than LINKAGE_SHARE of their cross pairs are edges themselves, or all of them when
    either holds a claim marked ``strict`` (a clause cut from its sentence: it aligns with
    the sentences stating it, each of which may state more, so a majority could chain
    "she had to pay the entire amount by November 2018" to "her minimum payment would be
    $28,156" through "she didn't have to pay the full amount until November 2018 - only a
    $28,156 minimum payment").
    """
    linked = {(i, j) for _, i, j in edges} | {(j, i) for _, i, j in edges}
    g = _Groups(members={i: [i] for i in range(n)}, owner=list(range(n)))
    for _, i, j in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        gi, gj = g.owner[i], g.owner[j]
        if gi == gj:
            continue
        a, b = g.members[gi], g.members[gj]
        if {article_of[x] for x in a} & {article_of[y] for y in b}:
            continue
        hits = sum((x, y) in linked for x in a for y in b)
        if hits <= LINKAGE_SHARE * len(a) * len(b):
            continue
        if strict is not None and hits < len(a) * len(b) and any(strict[x] for x in (*a, *b)):
            continue
        if apart is not None and any(apart(x, y) for x in a for y in b):
            continue
        a.extend(b)
        for y in b:
            g.owner[y] = gi
        del g.members[gj]
    return [sorted(m) for m in g.members.values()]


def secondary_members(
    groups: Sequence[list[int]], article_of: Sequence[str], edges: Sequence[tuple[float, int, int]],
    evidence: Sequence[Evidence] | None = None, strict: Sequence[bool] | None = None,
    apart: Callable[[int, int], bool] | None = None,
) -> list[list[int]]:
    """Per group, the claims outside it that would have joined it on their own, at most
    one per article (and none ``apart`` from a member: see ``group_pairs``):

    - from an article the group lacks: aligned with more than LINKAGE_SHARE of its
      members (the merge rule of ``group_pairs`` applied to the claim alone). A sentence
      that carries several facts ("asked Russia, China and Iran for help") so supports
      each group it states, not only the one the greedy grouping put it in;
    - from an article the group has (a restatement: the lead and the body of one report
      say it twice): aligned with every member from the other articles, two or more,
      and (with ``evidence``, per claim) not part of that article's member. Both
      sentences are where that outlet says it. Every member, not a majority: on the
      example corpus a majority let "Maduro is seeking support from China and Iran"
      into "Maduro sought military assistance from Russia and China".

    A claim marked ``strict`` (see ``group_pairs``) joins only when aligned with every
    member from the other articles."""
    linked: dict[int, set[int]] = {}
    for _, i, j in edges:
        linked.setdefault(i, set()).add(j)
        linked.setdefault(j, set()).add(i)
    out: list[list[int]] = []
    for group in groups:
        members = set(group)
        best: dict[str, tuple[int, int]] = {}
        for y in sorted({y for x in group for y in linked.get(x, ())} - members):
            peers = {x for x in members if article_of[x] != article_of[y]}
            hits = len(linked[y] & peers)
            if hits < 2 or hits <= LINKAGE_SHARE * len(peers) or (len(peers) < len(members) and hits < len(peers)):
                continue
            if strict is not None and strict[y] and hits < len(peers):
                continue
            if evidence is not None and any(evidence[x].overlaps(evidence[y]) for x in members - peers):
                continue  # a list item of the member's own sentence says nothing again
            if apart is not None and any(apart(x, y) for x in members):
                continue
            if article_of[y] not in best or hits > best[article_of[y]][0]:
                best[article_of[y]] = (hits, y)
        out.append(sorted(y for _, y in best.values()))
    return out


# A sentence whose words outside one of its embedded clauses hold at most this many
# content keys is that clause, framed ("Recent reports reveal that ...").
FRAME_KEYS = 2


def settle_clauses(
    claims: Sequence[Claim], props: Sequence[Proposition], groups: Sequence[list[int]], extras: Sequence[list[int]],
    family_of: Mapping[str, str],
) -> tuple[list[list[int]], list[list[int]]]:
    """``groups`` and their ``extras`` with the embedded clauses (``Claim.part`` "clause")
    settled: a clause that no other outlet states is dropped (its sentence says it, and
    is listed), and a sentence left alone whose clause another outlet states, framed by
    no more than FRAME_KEYS content keys of its own ("Recent reports reveal that" +
    "Maduro has reached out to Moscow"), is dropped: it states what the clause's group
    does, where the clause is that outlet's evidence, and is not listed as resting on
    one source."""
    support = [len({family_of.get(claims[i].article_id, claims[i].article_id) for i in (*g, *x)})
               for g, x in zip(groups, extras, strict=True)]
    keep = [n > 1 or any(claims[i].part != "clause" for i in g) for g, n in zip(groups, support, strict=True)]
    group_of = {i: gi for gi, g in enumerate(groups) for i in g}
    stated: dict[str, list[int]] = {}  # article id -> its clauses that another outlet states
    for j, c in enumerate(claims):
        gj = group_of.get(j)
        if c.part == "clause" and gj is not None and support[gj] > 1:
            stated.setdefault(c.article_id, []).append(j)
    for gi, g in enumerate(groups):
        if len(g) != 1 or extras[gi] or claims[g[0]].part == "clause":
            continue
        i = g[0]
        ev = claims[i].evidence
        for j in stated.get(claims[i].article_id, ()):
            if not _inside(ev.start, ev.end, claims[j].evidence.start, claims[j].evidence.end):
                continue
            own = {k for k in props[i].keys - props[j].keys if not k.startswith("@")}
            if len(own) <= FRAME_KEYS:
                keep[gi] = False  # the clause is this outlet's evidence in that group
                break
    return [g for gi, g in enumerate(groups) if keep[gi]], [list(x) for gi, x in enumerate(extras) if keep[gi]]


def clause_twins(evidence: Sequence[Evidence], clauses: Sequence[bool]) -> dict[int, int]:
    """Each sentence claim holding exactly one clause claim, and that clause, mapped to each
    other: "The driver of the tram has been arrested, British Transport Police said." and
    its "The driver of the tram has been arrested" state one thing. A sentence holding two
    clauses states two."""
    by_article: dict[str, list[int]] = {}
    for i, e in enumerate(evidence):
        by_article.setdefault(e.article_id, []).append(i)
    inside: dict[int, list[int]] = {}
    for idx in by_article.values():
        for j in idx:
            if clauses[j]:
                e = evidence[j]
                for i in idx:
                    if not clauses[i] and _inside(evidence[i].start, evidence[i].end, e.start, e.end):
                        inside.setdefault(i, []).append(j)
    twins: dict[int, int] = {}
    for i, held in inside.items():
        if len(held) == 1:
            twins[i] = held[0]
            twins[held[0]] = i
    return twins


def fold_restatements(
    groups: Sequence[list[int]], extras: Sequence[list[int]], article_of: Sequence[str],
    family_of: Mapping[str, str], twins: Mapping[int, int] | None = None,
    clauses: Sequence[bool] | None = None, edges: Sequence[tuple[float, int, int]] = (),
) -> tuple[list[list[int]], list[list[int]]]:
    """``groups`` and their ``extras`` with each group of two or more outlets folded into a
    group of at least as many that holds, for every one of its outlets, one of the very
    same claims: it is that group again, and its other claims are where those outlets
    restate it. On the example corpus "Maduro has actively sought military assistance
    from both Russia and China" (three outlets, each through a sentence that the
    five-outlet group "Maduro is making a desperate bid for military support from China
    and Russia" holds too) was a second key fact, and one outlet's "Maduro has reached out
    to Moscow and Beijing" was apart from the two others that say so. A group sharing
    claims with another in only some of its outlets stays apart: a sentence stating two
    facts supports both their groups. The folded claims join as extras, so the group's
    wording and support stay its own; the largest group (then the first) takes them.
    ``twins`` (``clause_twins``): a sentence and the one clause it holds count as one
    claim ("The driver of the tram has been arrested, British Transport Police said." in
    one group, its clause in another). Of groups of as many outlets, the one worded by fewer
    clauses cut from their sentences (``clauses``) takes the other: "It is believed to be
    the first tram crash involving fatalities on board since 1959, when ... a tram caught
    fire in Shettleston Road" is not told by its clause "A tram caught fire ..."."""
    fam = [family_of.get(a, a) for a in article_of]
    every = [set(g) | set(x) for g, x in zip(groups, extras, strict=True)]
    fams = [{fam[i] for i in e} for e in every]
    twin = twins or {}
    with_twins = [e | {twin[i] for i in e if i in twin} for e in every]
    linked: dict[int, set[int]] = {}
    for _, i, j in edges:
        linked.setdefault(i, set()).add(j)
        linked.setdefault(j, set()).add(i)

    def holds(a: int, y: int) -> bool:
        """Group ``a`` holds claim ``y``, or where ``y``'s article says it again: an article
        stating a thing twice (its lead and its body: "I'll miss the players") may
        give each of two groups of the same outlets one of its two sentences. ``y``
        aligned (``edges``) with every claim of ``a`` from the other outlets, two or
        more, is said by ``a`` already."""
        if y in with_twins[a]:
            return True
        if not any(fam[i] == fam[y] for i in every[a]):
            return False
        others = {i for i in every[a] if fam[i] != fam[y]}
        return len(others) >= 2 and others <= linked.get(y, set())
    cut = [sum(1 for i in g if clauses[i]) if clauses is not None else 0 for g in groups]
    order = sorted(range(len(groups)), key=lambda k: (-len(fams[k]), cut[k], k))
    into: dict[int, int] = {}
    for pos, b in enumerate(order):
        if len(fams[b]) < 2:
            continue
        for a in order[:pos]:
            if a not in into and {fam[i] for i in every[b] if holds(a, i)} == fams[b]:
                into[b] = a
                break
    taken: dict[int, set[int]] = {}
    for b, a in into.items():
        # a claim whose twin the group holds is there already, in the other's words
        taken.setdefault(a, set()).update(i for i in every[b] if twin.get(i) not in every[a])
    keep = [k for k in range(len(groups)) if k not in into]
    return ([list(groups[k]) for k in keep],
            [sorted(set(extras[k]) | (taken.get(k, set()) - set(groups[k]))) for k in keep])


# A claim the grouping left to one outlet keeps its one strong partner in another outlet
# (``pair_lone_claims``) where their pair scores this and their cosine this. Read on the
# 383 giveme5w1h articles: of the 37 such claims left single-source, 26 had a whole
# sentence for a partner, all the same statement but two ("Russian ships ..." / "Chinese
# ships ...", which their actors now keep apart; "Cubs fans are seen celebrating" / "The
# Cubs celebrate"); the 11 partners that were a clause cut from its sentence ("North
# Korea has tested its missiles") matched statements about anything.
PAIR_SCORE = 0.7
PAIR_COSINE = 0.7


def pair_lone_claims(
    groups: Sequence[list[int]], extras: Sequence[list[int]], article_of: Sequence[str],
    family_of: Mapping[str, str], edges: Sequence[tuple[float, int, int]], parts: Sequence[str],
    evidence: Sequence[Evidence], cosine: Callable[[int, int], float],
    apart: Callable[[int, int], bool] | None = None, disputed: Callable[[int], bool] | None = None,
) -> list[list[int]]:
    """``extras`` with each group of one outlet's sentences given the other outlet's
    sentence its best aligned pair (``edges``) reaches at PAIR_SCORE and PAIR_COSINE.

    The grouping lets a claim into a group only where it aligns with most of it: a
    sentence that states one fact of a group's several is kept out, as it should be,
    and was then listed as resting on one source where another outlet says the same:
    "Costa Rican officials said 10 of the 12 victims in Sunday's crash were US
    citizens" beside CNN's "A small plane crash Sunday in northwest Costa Rica killed 12
    people, including 10 US citizens, officials said", whose group holds the outlets
    that give the crash's toll. The partner supports both groups, as a sentence stating
    two facts does. A clause cut from its sentence is no partner (short, it aligns with
    much), nor one whose group holds a part of the lone claim already (``evidence``: the
    part they share is grouped), nor a pair the grouping holds apart (``apart``); nor is
    either a side of a contradiction (``disputed``): the pair would be told contradicted
    for what one of them says besides ("... and 25 people were injured", where another
    outlet has 27)."""
    fam = [family_of.get(a, a) for a in article_of]
    linked: dict[int, list[tuple[float, int]]] = {}
    for score, i, j in edges:
        linked.setdefault(i, []).append((score, j))
        linked.setdefault(j, []).append((score, i))
    out = [list(x) for x in extras]
    # the claims each claim's groups hold: a partner whose group holds a part of the lone
    # claim already (its list item: "14 sets of missiles" of "asked for radar repairs,
    # new engines and 14 sets of missiles") shares that part only, and the rest of the
    # sentence rests on its one outlet
    held: dict[int, set[int]] = {}
    for members, more in zip(groups, extras, strict=True):
        for i in (*members, *more):
            held.setdefault(i, set()).update((*members, *more))

    def holds_part(y: int, x: int) -> bool:
        return any(article_of[i] == article_of[x] and evidence[x].start <= evidence[i].start
                   and evidence[i].end <= evidence[x].end for i in held.get(y, ()))

    for k, g in enumerate(groups):
        every = [*g, *extras[k]]
        if len({fam[i] for i in every}) != 1 or any(parts[i] != "sentence" or (disputed is not None and disputed(i))
                                                     for i in every):
            continue
        best: tuple[float, int] | None = None
        for x in every:
            for score, y in linked.get(x, ()):
                if (fam[y] == fam[x] or parts[y] != "sentence" or score < PAIR_SCORE or cosine(x, y) < PAIR_COSINE
                        or holds_part(y, x)
                        or (apart is not None and apart(x, y)) or (disputed is not None and disputed(y))):
                    continue
                if best is None or (score, -y) > (best[0], -best[1]):
                    best = (score, y)
        if best is not None:
            out[k] = sorted({*out[k], best[1]})
    return out


def drop_absorbed(groups: Sequence[list[int]], extras: Sequence[list[int]]) -> tuple[list[list[int]], list[list[int]]]:
    """``groups`` and their ``extras`` less each one-claim group whose claim is an extra of
    another group: a statement that supports a group of several outlets is not listed
    again on its own as resting on one source."""
    taken = {y for ys in extras for y in ys}
    keep = [k for k, g in enumerate(groups) if not (len(g) == 1 and g[0] in taken)]
    return [groups[k] for k in keep], [extras[k] for k in keep]


def aligned_edges(
    scorer: PairScorer, article_of: Sequence[str], family_of: Mapping[str, str] | None = None,
) -> list[tuple[float, int, int]]:
    """All aligned pairs of claims from different articles, with their scores."""
    n = len(scorer.props)
    edges: list[tuple[float, int, int]] = []
    if n < 2:
        return edges
    sims = scorer.sims
    # Prune with the rule's own necessary conditions before any per-pair work: cosine
    # >= MIN_COSINE and >= MIN_SHARED_KEYS shared non-entity keys, or (same family) cosine
    # > 0.98. The float32 bounds sit a hair below the float64 tests, which still decide.
    eps = 1e-6
    art = group_codes(article_of)
    upper = np.triu(np.ones((n, n), dtype=bool), k=1)
    cand = upper & (sims >= MIN_COSINE - eps) & (art[:, None] != art[None, :])
    listing = [i for i, p in enumerate(scorer.props) if len(p.listed) >= LIST_ITEMS]
    for x, i in enumerate(listing):  # lists read loosely by the embedding (``shares_list``)
        for j in listing[x + 1:]:
            cand[i, j] |= bool(art[i] != art[j] and sims[i, j] >= MIN_COSINE_LIST - eps)
    keep = scorer.shared_counts(numbers=True) >= MIN_SHARED_KEYS
    keep |= (scorer.act_counts() >= 1) & (sims >= MIN_COSINE_ONE_KEY - eps)
    if family_of is not None:
        fam = group_codes([family_of[a] for a in article_of])
        keep |= (fam[:, None] == fam[None, :]) & (sims > 0.98 - eps)
    for ii, jj in zip(*np.nonzero(cand & keep), strict=True):
        i, j = int(ii), int(jj)
        same_family = family_of is not None and family_of[article_of[i]] == family_of[article_of[j]]
        if (same_family and scorer.cosine(i, j) > 0.98) or scorer.aligned(i, j, clashes):
            edges.append((scorer.score(i, j), i, j))
    return edges


# A statement that ends by crediting a pronoun ("..., he said.", "..., she told CNN."): who
# speaks is in the sentence before.
_SAID_BY_PRONOUN = re.compile(
    r"[,\"”’']\s*(?:(?:he|she|they)\s+(?:said|says|added|adds|explained|noted|wrote|continued|told\b[^.!?]{0,60})"
    r"|(?:said|says|added)\s+(?:he|she|they))\s*[.!?]?\W*$", re.IGNORECASE)


def _readable(claims: Sequence[Claim], idx: list[int], scorer: PairScorer,
              context_of: Callable[[Claim], tuple[str, int]] | None = None,
              kind: str | None = None) -> tuple[str, tuple[int, int] | None]:
    """The group's clearest member: a full sentence if any, one that stands on its own
    (no opening "he" or "However,") if any, one that opens as a sentence does (not with
    a lower-case word cut from mid-sentence: "then there's Sergey Roldugin") if any, one
    without a wire dateline ("CARACAS \u2013 Venezuelan President ...") if any, one
    giving no figure that no other article's member gives if any (the group's support
    is not one for "eight engines and five radars" when the other outlet says "engine
    and radar repairs"), one that names who speaks if any (not "..., he said."), most
    central, then shortest. When every member is a list item ("radar overhauls"), its
    whole sentence is shown (``context_of``: the sentence and its start), with the item's
    place in it as the focus (``ClaimGroup.focus``); so is a clause a frame reports as
    someone's words or belief (``_reported``), which alone would read as the outlets'
    own statement of fact. Before
    all but the list-item test: a member of the group's own kind (``_kind``), so that a
    statement of fact is not worded by one outlet's quote of it ("Again, that is one of
    the biggest regrets of my life.), nor a quote by a reporter's paraphrase (``kind``:
    the group's, when the caller has it)."""
    kind = kind or _kind(claims, idx)

    def key(i: int) -> tuple[bool, bool, bool, bool, bool, bool, bool, float, int, str]:
        text = claims[i].evidence.text
        central = sum(scorer.cosine(i, j) for j in idx if j != i)
        # a whole sentence reads better than a list item ("radar overhauls"); a clause cut
        # from its sentence states a whole fact ("Maduro is seeking support from China
        # and Iran" in "The Washington Post also reported that ...")
        # ... and so does a sentence's last coordinated clause, which ends on its full stop
        # but opens in lower case ("the reward for details leading to his capture was
        # recently increased to $50 million.")
        fragment = (claims[i].part != "clause" and (not text.rstrip("\u201d\"' ").endswith((".", "!", "?"))
                                                    or text.lstrip(" \t\"'\u201c\u2018(")[:1].islower())
                    or claims[i].part == "clause" and _dangling(text, scorer.props[i]))
        shown = context_of(claims[i])[0] if fragment and context_of is not None else text
        opening = shown.lstrip(" \t\"'\u201c\u2018(\u2014\u2013-")[:1]
        others = {q.value for j in idx if claims[j].article_id != claims[i].article_id for q in scorer.props[j].quantities}
        alone = any(q.value not in others for q in scorer.props[i].quantities)
        return (fragment, claims[i].kind != kind, bool(_LEANING.match(shown)), opening.islower(),
                bool(DATELINE.match(shown)), alone, bool(_SAID_BY_PRONOUN.search(shown)),
                -round(central, 4), len(text), claims[i].id)

    keys = {i: key(i) for i in idx}
    best = min(idx, key=keys.__getitem__)
    ev = claims[best].evidence
    if context_of is not None and (keys[best][0] or claims[best].part == "clause" and _reported(claims[best], context_of)):
        sentence, start = context_of(claims[best])
        text, at = squeeze(sentence)
        if start <= ev.start and ev.end <= start + len(sentence) and ev.text.strip():
            lead = len(ev.text) - len(ev.text.lstrip())
            trail = len(ev.text) - len(ev.text.rstrip())
            first, last = ev.start - start + lead, ev.end - start - trail - 1
            return text, (at[first], at[last] + 1)
        return text, None
    text = squeeze(ev.text)[0]
    if claims[best].part == "clause":
        # a clause cut from its sentence, written as one: "the trains collided in the
        # tunnel" -> "The trains collided in the tunnel."
        text = text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")
    return text, None


# ... or a page's label run into the first bullet under it: "Story highlights Four hours
# into flight, plane returned to LAX".
_PAGE_LABEL = re.compile(r"(?:story\s+highlights|key\s+points)\s*:?\s+", re.IGNORECASE)


def _without_dateline(text: str, focus: tuple[int, int] | None) -> tuple[str, tuple[int, int] | None]:
    """A group's wording less the wire dateline it opens with, when the member chosen has
    one ("OFER PRISON, West Bank, Jan 1 (Reuters) - Israel indicted ..." -> "Israel indicted
    ..."; "(CNN) Boko Haram ..." -> "Boko Haram ..."): the place and date of filing are
    no part of the statement, and the evidence keeps them. Kept when what follows does not
    open as a sentence. A focus (the part the outlets share) that takes in a tag or a page
    label starts after it; one that takes in a dateline keeps the wording whole."""
    m = DATELINE.match(text)
    if m is None and (m := WIRE_TAG.match(text) or _PAGE_LABEL.match(text)) is not None and focus is not None \
            and focus[0] < m.end() < focus[1]:
        focus = (m.end(), focus[1])
    if m is None or not text[m.end():m.end() + 1].isupper() or (focus is not None and focus[0] < m.end()):
        return text, focus
    return text[m.end():], (focus[0] - m.end(), focus[1] - m.end()) if focus is not None else None


def balance_quotes(text: str) -> tuple[str, int]:
    """A group's wording with its quote marks paired, and how many characters were put
    before it. A sentence cut from a quote of several sentences opens a mark it does not
    close ("\u201cIf North Korea continues to walk this road, there will be no bright
    future."), or closes one it did not open ("All options are on the table,\u201d Trump
    said."); the missing mark is added at the end or the start. Curly marks are paired
    by kind (one missing at most); straight ones by count, the first one's place saying
    which is missing."""
    depth = unopened = 0
    for ch in text:
        if ch == "\u201c":
            depth += 1
        elif ch == "\u201d":
            if depth:
                depth -= 1
            else:
                unopened += 1
    if unopened + depth == 1 and text.count('"') % 2:
        return text, 0  # one curly mark and one straight make a pair ("\u201cWe analysed ... the mass.\"")
    # one mark missing; more is a typo in the source ("Horomanski\u2019s \u201dwillingness ... mistake.\u201d")
    before, after = ("\u201c" * unopened, "\u201d" * depth) if unopened + depth == 1 else ("", "")
    if text.count('"') % 2:
        first = text.index('"')
        if first == 0 or text[first - 1].isspace() or text[first - 1] in "(:\u2014\u2013-":
            after += '"'
        else:
            before = '"' + before
    return before + text + after, len(before)


# A person's pronoun: whom it means is named outside a clause that names nobody.
_PERSONAL = re.compile(r"\b(?:he|him|his|she|her|hers|they|them|their)\b", re.IGNORECASE)


# A clause that opens on its subordinator and has no main clause after it ("at the time
# boy fell in the moat", "when the tram derailed") says when or why something else
# happened: no statement on its own. Words that also open a phrase ("After 108 years,
# the Cubs ...", "As expected") are left out, and a comma may start the main clause
# ("at the time boy fell in the moat, three gorillas were in the enclosure").
_SUBORDINATE = re.compile(r"\W*(?:at the time|when|whenever|while|because|unless|though|although|whereas)\b"
                          r"[^,;:]*$", re.IGNORECASE)


def _dangling(text: str, prop: Proposition) -> bool:
    """Whether a clause cut from its sentence points at someone it does not name: "the
    United States increases pressure on his government" (whose?) is shown in its sentence
    ("Maduro has requested assistance from Russia as the United States ..."); or opens on
    its subordinator with no main clause after it (``_SUBORDINATE``: "at the time boy fell
    in the moat")."""
    named = any(k.startswith("@") and not k.startswith(("@^", "@model:")) for k in prop.keys)
    return (not named and bool(_PERSONAL.search(text))) or bool(_SUBORDINATE.match(text))


# The end of a frame that reports what someone says, believes or expects, right before
# the clause it carries: "saying ", "told reporters on Friday that ", "estimated that ".
_REPORTING_FRAME = re.compile(
    r"\b(?:said|says|saying|told|tells|telling|claimed|claims|claiming|alleged|alleges|alleging|insisted|"
    r"insists|insisting|warned|warns|warning|announced|announces|stated|states|reported|reports|reporting|"
    r"believes?|believed|believing|suggested|suggests|suggesting|argued|argues|arguing|denied|denies|denying|"
    r"estimated|estimates|estimating|predicted|predicts|expects|expected|thinks|thought|fears?|feared)\b"
    r"[^.!?;:\"\u201c\u201d]{0,60}?[\s,]*(?:that\s*)?$", re.IGNORECASE)


# ... unless the clause hangs on a subordinator: "said 40 people were injured after the
# tram overturned" does not report that the tram overturned.
_ADVERBIAL_END = re.compile(r"\b(?:after|as|when|because|before|while|since|until|although|though|if|once)\s*$",
                            re.IGNORECASE)


def _reported(claim: Claim, context_of: Callable[[Claim], tuple[str, int]]) -> bool:
    """Whether a clause cut from its sentence is what a frame before it reports someone
    said, believed or expected ("The Islamic State group claimed responsibility, saying
    the shooter had converted to Islam months ago"; "he'd estimated Goldman Sachs's total
    charge ... would be $3.2 billion"): shown alone, it would read as the outlet's own
    statement of fact, so it is shown in its sentence, with the frame."""
    sentence, start = context_of(claim)
    offset = claim.evidence.start - start
    before = sentence[:offset] if 0 < offset <= len(sentence) else ""
    return _REPORTING_FRAME.search(before) is not None and _ADVERBIAL_END.search(before) is None


# A word of ``squeeze``: a comma right before a letter ends one ("planes,including"), not
# one between digits ("1,000").
_SQUEEZED_WORD = re.compile(r"(?:[^\s,]|,(?![^\W\d_]))+,?|,")


def squeeze(text: str) -> tuple[str, list[int]]:
    """``text`` with each run of white space made one space, a space after a comma that
    a letter follows (a source's "fighter planes,including engine and radar overhauls"),
    and the ends stripped; and for each character of ``text`` its offset in the result."""
    out: list[str] = []
    at = [0] * len(text)
    pos = 0
    for m in _SQUEEZED_WORD.finditer(text):
        if out:
            pos += 1
        for k in range(m.start(), m.end()):
            at[k] = pos + k - m.start()
        out.append(m.group())
        pos += len(m.group())
    return " ".join(out), at


def _kind(claims: Sequence[Claim], idx: list[int]) -> str:
    counts = Counter(claims[i].kind for i in idx)
    order = ["fact", "quote", "opinion", "question"]
    return max(counts, key=lambda k: (counts[k], -order.index(k) if k in order else -9))


def make_groups(
    claims: Sequence[Claim], groups: Sequence[list[int]], scorer: PairScorer,
    family_of: Mapping[str, str], origin_of: Callable[[Claim], str | None],
    contradictions: Sequence[Contradiction], context_of: Callable[[Claim], tuple[str, int]] | None = None,
    extras: Sequence[list[int]] | None = None,
) -> tuple[ClaimGroup, ...]:
    """ClaimGroup records: support = distinct article families, status from the rules.
    ``extras`` (per group, see ``secondary_members``) add evidence and support; the
    group's text and kind come from its own members."""
    out: list[ClaimGroup] = []
    for gi, idx in enumerate(groups):
        members = [claims[i] for i in idx] + [claims[i] for i in (extras[gi] if extras else ())]
        evidence = tuple(sorted((c.evidence for c in members), key=lambda e: (e.article_id, e.start)))
        support = len({family_of.get(c.article_id, c.article_id) for c in members})
        origins = tuple(sorted({o for c in members if (o := origin_of(c))}))
        hit = any(e.overlaps(x.a) or e.overlaps(x.b) for e in evidence for x in contradictions)
        status = "contradicted" if hit else ("corroborated" if support >= 2 else "single-source")
        kind = _kind(claims, idx)
        text, focus = _readable(claims, idx, scorer, context_of, kind)
        text, focus = _without_dateline(text, focus)
        text, shift = balance_quotes(text)
        focus = (focus[0] + shift, focus[1] + shift) if focus is not None else None
        out.append(ClaimGroup(
            id="g" + content_hash(*(c.id for c in members), length=15),
            text=text, kind=kind, status=status,
            support_count=support, origins=origins, evidence=evidence,
            checkworthy=max(c.checkworthy for c in members), focus=focus,
        ))
    out.sort(key=lambda g: (-g.support_count, g.evidence[0].article_id, g.evidence[0].start))
    return tuple(out)


def drop_contained_singles(groups: Sequence[ClaimGroup]) -> tuple[ClaimGroup, ...]:
    """``groups`` less the single-source groups each of whose spans lies inside a span, of
    the same article, of another single-source group: a list item that no other outlet
    repeats says nothing its sentence does not, and was listed once more per item, with
    the sentence around it shown each time (on 383 giveme5w1h articles, 883 entries)."""
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for g in groups:
        if g.status == "single-source":
            for e in g.evidence:
                spans.setdefault(e.article_id, []).append((e.start, e.end, g.id))

    def inside(g: ClaimGroup) -> bool:
        return g.status == "single-source" and all(
            any(gid != g.id and s <= e.start and e.end <= t and t - s > e.end - e.start
                for s, t, gid in spans[e.article_id])
            for e in g.evidence)

    return tuple(g for g in groups if not inside(g))


def drop_subsumed(groups: Sequence[ClaimGroup]) -> tuple[ClaimGroup, ...]:
    """``groups`` less each group of two or more spans that lie, each, inside a span of
    one other group with at least its support: that group states it already. On the
    example corpus the two outlets' clauses "any updates on Venezuela policy would be
    communicated directly by President Trump" were listed beside the group of the two
    sentences around them. Of groups with one set of spans, the first in order stays."""
    spans = [[(e.article_id, e.start, e.end) for e in g.evidence] for g in groups]
    by_article: dict[str, list[tuple[int, int, int]]] = {}
    for k, sp in enumerate(spans):
        for a, s, e in sp:
            by_article.setdefault(a, []).append((s, e, k))

    def inside(x: tuple[str, int, int], h: int) -> bool:
        return any(a == x[0] and s <= x[1] and x[2] <= e for a, s, e in spans[h])

    def subsumed(k: int) -> bool:
        if len(spans[k]) < 2:
            return False
        a, s0, e0 = spans[k][0]
        for s, e, h in by_article[a]:
            if h == k or not (s <= s0 and e0 <= e) or groups[h].support_count < groups[k].support_count:
                continue
            if all(inside(x, h) for x in spans[k]) and (h < k or not all(inside(y, k) for y in spans[h])):
                return True
        return False

    return tuple(g for k, g in enumerate(groups) if not subsumed(k))


def drop_contradicting(
    edges: Sequence[tuple[float, int, int]], claims: Sequence[Claim], contradictions: Sequence[Contradiction],
) -> list[tuple[float, int, int]]:
    """Edges minus pairs whose claims hold the two sides of a contradiction (those are
    reported as disagreeing, never merged as one statement)."""
    def opposed(i: int, j: int) -> bool:
        a, b = claims[i].evidence, claims[j].evidence
        return any((a.overlaps(x.a) and b.overlaps(x.b)) or (a.overlaps(x.b) and b.overlaps(x.a))
                   for x in contradictions)

    return [e for e in edges if not opposed(e[1], e[2])]


def duplicate_families(articles: Sequence[Article]) -> dict[str, str]:
    """article id -> id of the original it duplicates (itself when not a duplicate)."""
    by_id = {a.id: a for a in articles}

    def root(aid: str) -> str:
        seen: set[str] = set()
        while (dup := by_id[aid].duplicate_of) and dup in by_id and aid not in seen:
            seen.add(aid)
            aid = dup
        return aid

    return {a.id: root(a.id) for a in articles}
