"""Direct quotes with their speaker resolved to a canonical entity.

Reads one ``Article``, its spaCy ``Doc`` (same text) and the canonical entities; returns
``Quote`` records: ``text`` is the quoted words (outer whitespace and a trailing comma
trimmed), ``evidence`` the span from the opening to the closing quote mark.

Quote marks: curly and straight double quotes (a closing mark used as an opener, as in
``”willingness to reach out”``, is accepted), low-9 and guillemets, and curly single
quotes around several words. A quote never crosses a line break; one left open at the
end of a paragraph runs to the end of that paragraph (multi-paragraph speeches).

Which quoted spans are quotes of a speaker (the rule, checked on both gold stories):

- single words are never quotes (scare quotes, terms: “deterrent”);
- two or three words need a speech verb (``say``, ``state``, ``caution``, ``tell``,
  ``describe``, ``label``, ...) that governs the quote in the parse ("cautioned against
  “excessive military force”"); "requested “14 sets” of missiles" is not a quote;
- four or more words also count with a speech verb elsewhere in the same sentence
  ("“..., ” said James Story"; after a quote closing on "!" or "?", the sentence right
  after it on its line: "“...!” Mr. Trump said."), with "according to X" in the sentence, or, with no
  verb at all, when the quote is a whole sentence right after another quote (or after
  that quote's one-sentence attribution: "“...,” said X, head of Y. “...”"), or the
  next paragraph of a quote left open at its paragraph's end (it continues that
  speaker); a speech verb in another paragraph, or one reporting a clause of its own
  outside the quote ("Suga said the missile fell ..."), introduces no quote; a clause
  closed by a colon right before the quote introduces it ("Hamilton groaned: ...");
- six or more words with no speech verb are kept with ``speaker=None``;
- an embedded post, as a page's text keeps it (a tweet's "... — Display Name (@handle)
  Month D, YYYY", an Instagram post's "... A post shared by Display Name (@handle) on
  ..."), is a quote of its author, less the links it ends with, unless it mostly relays
  a quote of its own (then that quote stays as found); a quote inside a post with no
  speaker goes with it.

The speaker is the verb's subject (following ``conj``/``xcomp``/``acl`` heads up to a
subject), names lose leading titles ("Transportation Minister"), and personal pronouns
resolve to the most recent person mentioned outside quote marks (the subject of a
sentence first) in the same or the three preceding sentences whose name or title does
not say the other gender (``extract.gender``), else to a role that spoke there ("A
Downing Street spokesman said ..."). Sentences whose main subject is the same pronoun,
and sentences inside quote marks, do not count; past three sentences back, only a
subject whose name or title says the pronoun's gender is taken, and a subject with a
proper name that names no known entity (a person the tagger missed) ends the search. A
speaking "it" is the last organisation, state or outlet (or "the airline", "the firm")
that was a subject in its sentence or the three before. A quote alone in its sentence
right after a sentence whose main verb reports speech ("X said his friend was on the
tram.") is X's. A full name with another given name is another person: "Le'Veon Bell"
is not a "Zoë Bell" the run knows by the surname. ``speaker_entity_id`` is set when the
name matches an entity mention, alias, near-alias or a person's surname; a bare surname
the run gave to a person this article never names in full is the person it does name in
full with it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from newsdesk.extract.citations import (
    MAX_PHRASE_WORDS,
    OUTLET_HEADWORDS,
    EntityIndex,
    enclosing,
    is_outlet_name,
    normalize_name,
    noun_phrase,
    outlet_name_beside,
    sentence_spans,
    surname_key,
)
from newsdesk.extract.countries import country_of_name
from newsdesk.extract.entities import NAME_PARTICLES, PERSON_NOUNS, ROLE_WORDS, with_syllable_tail
from newsdesk.extract.gender import (
    KIN_WORDS,
    NATIONAL_WORDS,
    PRONOUN_GENDER,
    TITLE_GENDER,
    agrees,
    name_gender,
    surname_gender,
)
from newsdesk.model import Article, Entity, Quote
from newsdesk.nlp import doc_text
from newsdesk.segment import DATELINE, POST_SIGNATURE

SPEECH_VERBS = frozenset({
    "say", "tell", "state", "add", "stress", "caution", "warn", "write", "claim", "note", "insist",
    "explain", "ask", "declare", "announce", "argue", "emphasize", "emphasise", "describe", "call",
    "label", "dub", "term", "characterize", "suggest", "acknowledge", "admit", "reply", "respond",
    "answer", "remark", "comment", "tweet", "recall", "predict", "promise", "vow", "pledge",
    "threaten", "urge", "complain", "deny", "concede", "confirm", "assert", "maintain", "contend",
    "observe", "mention", "indicate", "quip", "joke", "shout", "testify", "recount", "conclude",
    "demand", "boast", "lament", "accuse", "praise", "criticize", "condemn", "decry", "dismiss",
    "brand", "hail", "reiterate", "underscore", "highlight", "signal", "speak", "post", "reaffirm",
    # attributions after a quote: "she remembers", "the comedian clarified", "he hollered"
    "remember", "clarify", "muse", "holler", "whisper", "retort", "exclaim", "read"})
# ... and the verbs an outlet relays a quote with ("As the Telegraph reported on Monday,
# “...”"): they introduce a quote, but do not make their subject a person or a speaker
# other rules look for.
QUOTE_VERBS = SPEECH_VERBS | {"report"}
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "i"})
TITLE_WORDS = frozenset({
    "president", "minister", "secretary", "spokeswoman", "spokesman", "spokesperson", "ambassador",
    "senator", "sen", "rep", "representative", "gov", "governor", "mayor", "chairman", "chairwoman",
    "chair", "director", "ceo", "general", "gen", "adm", "admiral", "dr", "mr", "mrs", "ms", "prof",
    "professor", "judge", "chief", "deputy", "prime", "king", "queen", "prince", "pope", "leader",
    "commander", "lt", "col", "colonel", "sgt", "officer", "envoy", "premier", "chancellor", "justice",
    "attorney", "sheriff", "inspector", "head", "founder", "analyst", "editor", "host", "coach", "mp",
    # British police ranks, written short: "Asst Ch Con Robin Smith", "Det Supt", "Insp"
    "asst", "assistant", "ch", "det", "detective", "con", "constable", "supt", "superintendent", "insp", "cllr",
    "councillor",
    # clergy: "said Rabbi Jonathan Blake"
    "rabbi", "reverend", "rev", "pastor", "imam", "archbishop", "sheikh", "ayatollah"})
OPENERS = frozenset("“„«\"")
CLOSERS = frozenset("”»\"“")
# Word thresholds of the rule in the module docstring (set on the two gold stories:
# they keep every attributed quote and drop the scare-quoted terms).
MIN_GOVERNED_WORDS = 2
MIN_SENTENCE_WORDS = 4
MIN_UNATTRIBUTED_WORDS = 6
# A pronoun's antecedent is looked for in its sentence and this many before it, not
# counting those whose subject is the same pronoun or that lie inside quote marks, up to
# CHAIN_SENTENCES back in all; past PRONOUN_SENTENCES back, only a subject of the
# pronoun's known gender is taken.
PRONOUN_SENTENCES = 3
CHAIN_SENTENCES = 15
# How far after a speech verb with no subject the speaker's name may end ("said Cubs fan
# Rodrigo Gonzales").
AFTER_VERB_WORDS = 6
# The longest attribution between two quotes of one speaker ("said X, head of Y at Z").
MAX_ATTRIBUTION_WORDS = 30
_PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})
# Occupations and roles a tabloid puts before a name ("Lawyer Harjit, from London, said");
# capitalised at a sentence start, the parser takes them for part of the name.
_ROLE_NOUNS = PERSON_NOUNS | ROLE_WORDS | frozenset({
    "dad", "father", "father-of-two", "grandfather", "grandmother", "manager", "model", "mother", "mother-of-two",
    "mum", "mum-of-two", "owner", "player", "star", "worker"})  # and those the entity stage trims ("Comedian Sarah Silverman")
# Words for a person that say their gender, for a pronoun's antecedent (``_role_subject``).
_PEOPLE = {**dict.fromkeys(("man", "boy", "policeman", "gentleman"), "m"),
           **dict.fromkeys(("woman", "girl", "policewoman", "lady"), "f")}
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Occupations whose word says the holder's gender, which news writing uses for someone
# just named as it would "she" or "he" (``_Speakers._epithet_holder``). Not roles that
# name a post someone else may hold ("the spokeswoman"), nor kin ("the mother").
_OCCUPATION_GENDER = {**dict.fromkeys(("actress", "businesswoman", "sportswoman"), "f"),
                      **dict.fromkeys(("businessman", "sportsman"), "m")}
# Titles written before a person's name and no body's ("Mayor Christian Estrosi"; not
# "General Motors", "Premier League", "Chief Executive"), and the roles a person's name
# is set beside ("Estrosi, former mayor of Nice,"): what makes a name the run typed as an
# organisation a person's.
_NAME_TITLES = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "professor", "president", "senator", "sen", "rep", "gov", "governor",
    "mayor", "judge", "ambassador", "sheriff", "spokesman", "spokeswoman", "spokesperson", "councillor", "cllr"})
_PERSON_ROLES = _NAME_TITLES | {"minister", "secretary", "chairman", "chairwoman", "founder"} | ROLE_WORDS
# What a speaking "it" may refer to: entity types, and nouns for bodies that issue statements.
_BODY_LABELS = frozenset({"ORG", "GPE", "NORP"})
_BODY_NOUNS = frozenset({
    "company", "firm", "airline", "agency", "ministry", "department", "government", "administration", "statement",
    "report", "group", "organisation", "organization", "police", "army", "military", "embassy", "council", "court",
    "office", "party", "union", "university", "zoo", "club", "team", "newspaper", "paper", "network", "channel",
    "broadcaster", "website", "site", "bank", "commission", "committee", "regime", "authority", "service"})
# Nouns for organisations a definite "the ..." that speaks may stand for (``_body_holder``);
# not a document ("the statement" is whoever issued it), an outlet, or a state's organs.
_ORG_NOUNS = _BODY_NOUNS - {"statement", "report", "newspaper", "paper", "network", "channel", "broadcaster",
                            "website", "site", "government", "administration", "regime", "police", "army", "military"}
# Documents that "say" what their issuer said ("“...,” the statement said"), and the verbs
# that issue one ("Backroads issued a statement").
_DOCUMENT_NOUNS = frozenset({"statement", "letter", "release", "post", "memo", "note", "communique", "tweet"})
_ISSUE_VERBS = frozenset({"issue", "release", "publish", "send", "put", "post"})
# Platforms people post on, never people themselves (the small model tags some PERSON).
PLATFORMS = frozenset({"twitter", "facebook", "instagram", "youtube", "tiktok", "snapchat", "whatsapp", "reddit",
                       "linkedin", "telegram", "weibo", "wechat", "tumblr", "pinterest", "threads", "x"})
# Entity types that are never a speaker or a pronoun's antecedent.
_NOT_PEOPLE = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"})
_WORD = re.compile(r"\w+(?:[-’']\w+)*")


@dataclass(frozen=True)
class QuoteSpan:
    """Offsets of the opening mark and one past the closing mark (or the paragraph end)."""

    start: int
    end: int
    closed: bool


def _is_opener(text: str, i: int) -> bool:
    c = text[i]
    if c in OPENERS:
        return True
    # A closing curly quote used as an opener: preceded by space, followed by a word char.
    before = text[i - 1] if i > 0 else " "
    return c == "”" and (before.isspace() or before in "([") and i + 1 < len(text) and text[i + 1].isalnum()


def _double_spans(text: str, start: int, end: int) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    for i in range(start, end):
        c = text[i]
        if open_at is None:
            if _is_opener(text, i):
                open_at = i
        elif c == "“" and text[open_at] == "“":
            open_at = i  # unbalanced: the earlier mark never closed
        elif c in CLOSERS:
            spans.append(QuoteSpan(open_at, i + 1, True))
            open_at = None
    if open_at is not None and len(_WORD.findall(text[open_at:end])) >= MIN_SENTENCE_WORDS:
        spans.append(QuoteSpan(open_at, end, False))
    return spans


_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))‘([^‘’\n]*?\w[^‘\n]*?)’(?!\w)")
# Straight single quotes (British and tabloid copy: 'We run at serious speeds,' he said.).
# The mark opens before a letter after a space or line start and closes after a non-space
# before no word character; an apostrophe inside a word ("Musk's", "doesn't") does neither,
# and "'90s" opens nothing. A paragraph that opens with the mark and never closes it is
# one paragraph of a speech over several (each opens with the mark, only the last closes).
_STRAIGHT = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))'(?=[^\W\d_])([^\n]*?\S)'(?!\w)")
_STRAIGHT_OPEN = re.compile(r"'(?=[^\W\d_])")


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Quote spans of ``text``, paragraph by paragraph, sorted by offset: double marks,
    curly single marks and straight single marks (``_STRAIGHT``). A quote inside another
    (“he dismissed it like ‘Oh, poor Harvey’”, or British ‘... “stop” ...’) is part of it,
    not a quote of its own."""
    spans: list[QuoteSpan] = []
    pos = 0
    for line in text.split("\n"):
        double = _double_spans(text, pos, pos + len(line))
        single = [QuoteSpan(pos + m.start(), pos + m.end(), True)
                  for pattern in (_SINGLE, _STRAIGHT) for m in pattern.finditer(line)
                  if len(_WORD.findall(m.group(1))) >= MIN_GOVERNED_WORDS]
        if not single and _STRAIGHT_OPEN.match(line) and len(_WORD.findall(line)) >= MIN_SENTENCE_WORDS:
            single.append(QuoteSpan(pos, pos + len(line), False))
        # a single-quoted span that crosses a double-quoted one was an apostrophe, not a quote
        single = [q for q in single if not any(o.start < q.start < o.end < q.end or q.start < o.start < q.end < o.end
                                               for o in double)]
        found = double + single
        spans += [q for q in found if not any(o.start <= q.start and q.end <= o.end and o != q for o in found)]
        pos += len(line) + 1
    return sorted(spans, key=lambda s: s.start)


def quote_text(text: str, span: QuoteSpan) -> tuple[int, int]:
    """Offsets of the quoted words inside ``span``: marks, outer spaces and a final comma dropped."""
    start, end = span.start + 1, span.end - 1 if span.closed else span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


# Verbs a document quotes itself with: "“Over the years, ...,” the letter began."
DOCUMENT_VERBS = frozenset({"begin", "continue", "conclude", "end"})


def _quote_verb(token: Any) -> bool:
    """A verb that introduces a quote: ``QUOTE_VERBS``, "put it" ("As the minister put
    it, “...”"), "point out" ("“...,” Álvaro Alemán Healy ... pointed out.") or a
    ``DOCUMENT_VERBS`` verb of a document ("the statement continued"); never an
    imperative ("Say goodbye to “No risk it, no biscuit.”" quotes nobody)."""
    return token.pos_ in {"VERB", "AUX"} and not _imperative(token) and (token.lemma_ in QUOTE_VERBS or (
        token.lemma_ == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children)) or (
        token.lemma_ == "point" and any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children)) or (
        token.lemma_ in DOCUMENT_VERBS and any(c.dep_ == "nsubj" and c.lower_ in _DOCUMENT_NOUNS
                                               for c in token.children)))


def _in_dateline(token: Any) -> bool:
    """Whether ``token`` lies in the dateline opening its line ("TEMPE, Ariz. — ..."):
    a place, never a subject, though the parse may take it for one."""
    text = doc_text(token.doc)
    line_start = text.rfind("\n", 0, token.idx) + 1
    m = DATELINE.match(text, line_start) or _WIRE_DATELINE.match(text, line_start)
    return m is not None and token.idx < m.end()


# A dateline in the wire's own case, the wire in brackets: "West Palm Beach, Florida (CNN)"
# (no possessive: "Germany’s Süddeutsche Zeitung (SZ) has released" is a subject).
_WIRE_DATELINE = re.compile(r"\s*[A-Z][\w. -]{1,40}(?:,\s*[A-Z][\w. ]{1,30}){0,2}\s*"
                            r"\((?:[A-Z]{2,6}|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})\)\s*(?:[\u2013\u2014-]\s*)?")


def _imperative(verb: Any) -> bool:
    """A bare-form main verb with no subject but a dateline, no auxiliary: "Say goodbye
    to ...", "Tell us what you think"."""
    return verb.tag_ == "VB" and verb.dep_ == "ROOT" and not any(
        (c.dep_ in {"nsubj", "nsubjpass", "expl"} and not _in_dateline(c)) or c.dep_ in {"aux", "auxpass"}
        for c in verb.children)


def _speech_verb(doc: Any, span: QuoteSpan, lo: int, hi: int) -> tuple[Any | None, bool]:
    """The speech verb for a quote: (verb, governs) where ``governs`` means it is an ancestor."""
    region = doc.char_span(min(lo, span.start), max(hi, span.end), alignment_mode="expand") or doc
    inside = [t for t in region if span.start < t.idx < span.end and not t.is_punct]
    outside = [t for t in region if lo <= t.idx < hi and not (span.start <= t.idx < span.end)]
    text = doc_text(doc)
    best: tuple[int, Any] | None = None
    for tok in inside:
        for depth, anc in enumerate(tok.ancestors):
            in_quote = span.start <= anc.idx < span.end
            if (not in_quote and _quote_verb(anc)
                    and not _across_lines(anc, span, text)):
                if anc.lemma_ == "report":
                    # "Police said the boy “was treated ...,” Cincinnati.com reported": the
                    # parse hangs the quote on the outlet that relays it; the one who said it
                    # speaks
                    anc = next((a for a in anc.ancestors if a.lemma_ in SPEECH_VERBS
                                and a.pos_ in {"VERB", "AUX"} and not span.start <= a.idx < span.end
                                and not _across_lines(a, span, text)), anc)
                if best is None or depth < best[0]:
                    best = (depth, anc)
                break
    if best is not None:
        return best[1], True
    verbs = [t for t in outside if _quote_verb(t) and not _reports_other(t, span, text)]
    if not verbs:
        return None, False
    return min(verbs, key=lambda t: min(abs(t.idx - span.start), abs(t.idx - span.end))), False


def _across_lines(verb: Any, span: QuoteSpan, text: str) -> bool:
    """Whether a line break parts ``verb`` from the quote: the parse ran a sentence across
    it ('... firing a missile.”\\nJapan’s Chief Cabinet Secretary Yoshihide Suga said
    ...'), and a paragraph's speech verb does not introduce another paragraph's quote."""
    if verb.idx < span.start and re.fullmatch(r"[^\n]*:\s*", text[verb.idx:span.start]):
        return False  # the line that introduces it ends with a colon: "Abe also said:\n“...”"
    lo, hi = sorted((verb.idx, span.start if verb.idx < span.start else span.end))
    return "\n" in text[lo:hi]


def _reports_other(verb: Any, span: QuoteSpan, text: str) -> bool:
    """A speech verb beside a quote that does not introduce it: across a line break, or
    one whose reported clause lies outside the quote, unquoted ("Suga said the latest
    missile fell into the sea")."""
    return _across_lines(verb, span, text) or any(
        c.dep_ == "ccomp" and not span.start <= c.idx < span.end and not _has_quote_marks(c, text)
        for c in verb.children)


def _has_quote_marks(token: Any, text: str) -> bool:
    """Whether the subtree of ``token`` holds a quote mark (a clause that quotes someone)."""
    right = token.right_edge
    return any(ch in OPENERS or ch in CLOSERS for ch in text[token.left_edge.idx:right.idx + len(right.text)])


# Clauses that describe a noun ("who has played X", "named after X"): a person named in
# one is not who speaks in the main clause.
_DESCRIBING = frozenset({"relcl", "acl"})

# Passive verbs whose subject is the speaker, not their agent: "Ryabkov was quoted by
# RIA Novosti saying ...", "was cited by Interfax as saying", "was heard saying".
_REPORTED_SAYING = frozenset({"quote", "cite", "hear", "overhear", "film", "record", "tape"})


# Verbs that go on with the reporter's own words, whatever the parse hangs them on:
# "The mayor said the hospitals were struggling and added: “...”", "he said people were
# screaming ..., describing the scene as “...”", "He said the Cardinals had the best owner
# ... and called general manager Steve Keim his “little brother.”" (he calls him that).
_GOING_ON = frozenset({"add", "describe", "call"})


def _reporting_verb(verb: Any) -> Any | None:
    """For a ``_GOING_ON`` verb that the parse joins (``conj``/``advcl``) to a verb of what
    someone says (a ``ccomp`` of a speech verb) rather than to the speech verb itself, that
    speech verb: "said" in "The mayor said the city's hospitals were struggling ... and
    added: “This is the most terrible attack ...”" (the mayor speaks, not the hospitals).
    So does a participle of speech the parse hangs there, through clauses within clauses:
    "Wendt told a regional paper that the need for safety zones implies that public space
    is unsafe, indicating “the end of equality ...”" is Wendt's, not public space's."""
    if verb.lemma_ not in _GOING_ON and not (verb.tag_ == "VBG" and verb.dep_ == "advcl"):
        return None
    tok = verb
    for _ in range(4):
        if tok.dep_ not in {"conj", "advcl"}:
            return None
        tok = tok.head
        if tok.lemma_ in SPEECH_VERBS:
            return None  # joined to a speech verb: the usual climb finds its subject
        for _ in range(3):  # "told ... that [the need implies that [public space is unsafe]]"
            if tok.dep_ != "ccomp":
                break
            if tok.head.lemma_ in SPEECH_VERBS and tok.head.pos_ in {"VERB", "AUX"}:
                return tok.head
            tok = tok.head
    return None


def _subject(verb: Any) -> Any | None:
    """The verb's subject, climbing ``conj``/``xcomp``/``acl``/``advcl`` heads (4 steps at most).
    A subject on another line is a parse across a caption or heading, not the speaker. A
    passive's subject is not the speaker ("it was said by X": X is), except for the
    ``_REPORTED_SAYING`` verbs. A ``_GOING_ON`` verb the parse hangs inside what someone
    says climbs to that someone's speech verb (``_reporting_verb``)."""
    tok = _reporting_verb(verb) or verb
    text = doc_text(verb.doc)
    for _ in range(5):
        if (quoted := _quoted_as_saying(tok)) is not None:
            return quoted
        # of two subjects the parse gives one verb, a noun's first ("Firm co-founder Ramon
        # Fonseca Mora told": "Firm" taken for an adjective subject of its own)
        subj = sorted((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}
                       and "\n" not in text[min(c.idx, verb.idx):max(c.idx, verb.idx)] and not _in_dateline(c)),
                      key=lambda c: (c.pos_ not in {"NOUN", "PROPN", "PRON"}, c.i))
        if subj and (subj[0].dep_ != "nsubjpass" or tok.lemma_ in _REPORTED_SAYING):
            if subj[0].lower_ == "who" and tok.dep_ == "relcl" and tok.head.pos_ in {"NOUN", "PROPN"}:
                return tok.head  # "wrong with Dauer, who told the coach, “...”": Dauer
            return subj[0]
        agent = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agent:
            return agent[0]
        if tok.head.i == tok.i:  # the root (spaCy makes a new Token per access: never ``is``)
            return None
        if tok.dep_ == "acl" and tok.head.dep_ == "ROOT" and tok.head.pos_ in {"NOUN", "PROPN"} \
                and 0 < tok.i - tok.head.i <= 2:
            # a sentence the parse read as one noun phrase, its verb a modifier of the name
            # before it: "Bassem called Monday’s indictment a “political trial”"
            return tok.head
        controller = _object_controller(tok)
        if controller is not None:
            return controller
        tok = tok.head
    return None


def _quoted_as_saying(verb: Any) -> Any | None:
    """Whom a "quote"/"cite" verb reports as speaking: "“...,” the newspaper quoted him as
    saying" is his (the newspaper only carried it). The verb's object, where an "as"
    phrase with a speech verb follows it; None otherwise."""
    if verb.lemma_ not in {"quote", "cite"}:
        return None
    said = any(c.dep_ == "prep" and c.lower_ == "as" and any(g.lemma_ in SPEECH_VERBS for g in c.children)
               for c in verb.children)
    who = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in {"PRON", "PROPN", "NOUN"}]
    return who[0] if said and who else None


def _object_controller(verb: Any) -> Any | None:
    """The object that does what an infinitive says: "led the president of Argentina to
    announce", "prompted the minister to say" (the president and the minister speak, not
    the subject). Subject control ("promised to tell") has no object before the verb."""
    if verb.dep_ not in {"xcomp", "advcl"} or not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return None
    objects = [c for c in verb.head.children if c.dep_ in {"dobj", "conj"} and c.i < verb.i
               and c.pos_ in {"NOUN", "PROPN", "PRON"}]
    return max(objects, key=lambda c: c.i) if objects else None


def _capitalised(name: str) -> bool:
    """Whether a name's first letter is a capital ("Nam Sung-wook", ". Rob Manning" of a
    split "Col."; not "billy goat")."""
    first = re.search(r"[^\W\d_]", name)
    return first is not None and first.group().isupper()


def name_span(token: Any) -> tuple[int, int]:
    """Char span of the proper name headed by ``token``, without leading titles or a
    nationality ("Brit Kartik Bhanot" is Kartik Bhanot)."""
    while token.dep_ in {"compound", "flat"} and token.head.pos_ == "PROPN" and token.head.i > token.i:
        token = token.head
    first = token
    while first.i > 0:
        prev = first.doc[first.i - 1]
        if prev.text in "-–" and not prev.whitespace_ and first.i > 1 and not first.doc[first.i - 2].whitespace_:
            prev = first.doc[first.i - 2]  # a hyphenated name: "Nam Sung-wook"
        other_place = prev.ent_type_ in _PLACE_LABELS and prev.ent_type_ != token.ent_type_
        if prev.pos_ == "PROPN" and prev.dep_ in {"compound", "flat", "nmod"} and not other_place:
            first = prev
        elif (prev.lower_ in NAME_PARTICLES and prev.i > 0 and prev.doc[prev.i - 1].pos_ == "PROPN"
              and prev.doc[prev.i - 1].text[:1].isupper() and prev.whitespace_):
            first = prev.doc[prev.i - 1]  # "Eyda Varela de Chinchilla", "Charles de Gaulle"
        else:
            break
    first, last = _organisation_bounds(token, first)
    toks = list(token.doc[first.i : token.i + 1])
    titled = [i for i, t in enumerate(toks) if t.lower_.strip(".") in TITLE_WORDS | NATIONAL_WORDS
              or (i == 0 and t.is_sent_start and t.lower_ in _ROLE_NOUNS)]
    if titled and titled[-1] < len(toks) - 1:
        toks = toks[titled[-1] + 1 :]
    end = last.idx + len(last.text)
    if len(toks) >= 2 and last is token:  # "Moon Jae-in also said": the parse left "-in" out of the name
        end = with_syllable_tail(doc_text(token.doc), toks[0].idx, end)
    return toks[0].idx, end


def _organisation_bounds(token: Any, first: Any) -> tuple[Any, Any]:
    """First and last word of the organisation named around ``token`` where the parse split
    the name: over a possessive or an "and" before it ("The People's Daily", "Science and
    Technology Daily" were "Daily"), over "of"/"for" after it ("Joint Chiefs of Staff",
    "Center for Humane Technology" were "Joint Chiefs", "Center"); ``(first, token)``
    otherwise. A leading article stays out."""
    doc = token.doc
    if token.ent_type_ != "ORG":
        return first, token
    last = token
    after = token.i + 1
    if after < len(doc) and doc[after].ent_iob_ == "I":
        end = after
        while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
            end += 1
        if doc[after].lower_ not in {"of", "for"} or doc[end].pos_ != "PROPN":
            return first, token
        last = doc[end]
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while start < token.i and doc[start].pos_ == "DET":
        start += 1
    return (doc[start] if start < first.i else first), last


class _Speakers:
    """Speaker naming and pronoun resolution for one article."""

    def __init__(self, article: Article, doc: Any, entities: Sequence[Entity],
                 spans: Sequence[QuoteSpan] = ()) -> None:
        """``spans``: the article's quote spans (``find_quote_spans``), whose names no
        pronoun refers to."""
        self.article = article
        self.doc = doc
        self.index = EntityIndex(article.id, entities)
        self.sents = sentence_spans(article, doc)
        self.surnames = self.index.table.surnames
        # given name -> the one person of this article with that first name and a
        # surname (None when two share it): tabloids go on with "Harjit" after
        # "Harjit Sarang", "Sarah" after "Sarah Silverman"
        self.given: dict[str, Entity | None] = {}
        # surname -> the one person this article (its title included) names in full with
        # it (None when two): a bare "Verstappen" the run kept apart is "Max Verstappen";
        # a bare "Thurman" under the title "This Is Why Uma Thurman Is Angry" is no
        # "Robert Thurman" (her father) of the text
        self.own_surnames: dict[str, Entity | None] = {}
        self.in_full: set[str] = set()  # the people this article names in full
        for start, end, ent in self.index.spans:  # the entities mentioned in this article
            words = ent.name.split()
            if ent.type == "PERSON" and len(words) >= 2:
                key = normalize_name(words[0])
                self.given[key] = ent if self.given.get(key, ent) is ent else None
            if ent.type == "PERSON" and len(article.text[start:end].split()) >= 2:
                self._own(surname_key(article.text[start:end]), ent)
        title = article.title or ""
        for ent in entities if title else ():  # "This Is Why Uma Thurman Is Angry" names her too
            if ent.type == "PERSON" and len(ent.name.split()) >= 2 and ent.name in title:
                self._own(surname_key(ent.name), ent)
        self._genders: dict[tuple[int, int], str | None] = {}  # name span -> ``gender``
        self.quoted = [(q.start, q.end) for q in spans]
        self._unknown: dict[tuple[int, int, str], Any | None] = {}  # ``_unknown_subject``

    def _quoted(self, offset: int) -> bool:
        """Whether ``offset`` lies inside one of the article's quote spans."""
        return any(a <= offset < b for a, b in self.quoted)

    def _all_quoted(self, lo: int, hi: int) -> bool:
        """Whether [lo, hi) (a sentence) lies wholly inside one quote span."""
        return any(a <= lo and hi <= b for a, b in self.quoted)

    def _platform(self, start: int, end: int) -> bool:
        """Whether the name at [start, end) is a platform's (``PLATFORMS``)."""
        return normalize_name(self.article.text[start:end]) in PLATFORMS

    def _own(self, surname: str, ent: Entity) -> None:
        """Record that this article names ``ent`` in full, with ``surname`` as its last word."""
        self.in_full.add(ent.id)
        first = normalize_name(ent.name.split()[0])
        known = self.index.table.by_alias.get(first)
        if first == surname or (known is not None and known.type != "PERSON") or is_outlet_name(first):
            return  # no given name: "Equifax Equifax", "Reuters Equifax" (a caption the tagger took for a name)
        self.own_surnames[surname] = ent if self.own_surnames.get(surname, ent) is ent else None

    def entity(self, start: int, end: int, subject: bool = False) -> Entity | None:
        """The canonical entity a name at [start, end) stands for. ``subject``: the name
        is a clause's subject, where a bare surname of a person this article names in
        full is that person even if the run knows it as a place or firm ("Henderson
        stated" after "Fritz Henderson"; Henderson is also a city)."""
        text = self.article.text[start:end]
        ent = self.index.match(text, start, end)
        if subject and len(text.split()) == 1 and ent is not None and ent.type != "PERSON" \
                and country_of_name(text) is None:  # "Seoul should respond" is the state's
            ent = self.own_surnames.get(surname_key(text)) or ent
        if len(text.split()) == 1 and ent is not None and ent.type == "PERSON" and ent.id not in self.in_full:
            # a bare surname the run gave to a person this article never names in full
            # (the run's own "Verstappen" entity, after this article's "Max Verstappen")
            ent = self.own_surnames.get(surname_key(text)) or ent
        if ent is None and len(text.split()) == 1:
            # a bare surname the run's table leaves open (two Corcorans in the run) is
            # the person this article names in full with it
            ent = self.own_surnames.get(surname_key(text))
        if ent is None:
            ent = self.surnames.get(surname_key(text)) if text.strip() else None
            if ent is not None and _other_given_name(text, ent.name):
                ent = None  # "Dominique Molina", untagged, is not the article's "Tony Molina"
        return self._in_full(text, ent)

    def _in_full(self, name: str, ent: Entity | None) -> Entity | None:
        """``ent`` for ``name``, or, for a given name alone with no entity but this
        article's mentions of it ("Lawyer Harjit", "Sarah, 47, said" after "Sarah
        Silverman"), the one person of the article named in full with it."""
        if len(name.split()) == 1 and (ent is None or _only_in(ent, self.article.id)):
            return self.given.get(normalize_name(name)) or ent
        return ent

    def is_person(self, token: Any, speaking: bool = True) -> bool:
        """Whether a name token is a person's; ``speaking``: a name the run does not know
        that is the subject of a speech verb counts as one."""
        if token.dep_ == "compound" and token.head.pos_ == "NOUN" and any(
                c.dep_ in {"det", "poss"} and c.i < token.i for c in token.head.children):
            return False  # a name that modifies a thing: "a vintage Bruce Sutter jersey"
        start, end = name_span(token)
        if (any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
                and (token.lower_ in OUTLET_HEADWORDS and end - start == len(token.text)
                     or is_outlet_name(self.article.text[start:end]))):
            return False  # a paper by its masthead: "Nicely told the Enquirer", "the Times", "the LA Times"
        if _in_title_quotes(self.article.text, start, end):
            return False  # a title: they were about to make “Kill Bill.”
        if self._platform(start, end):
            return False  # "posted an image to Twitter": the run may know a platform as a PERSON
        ent = self.entity(start, end, subject=token.dep_ in _SUBJECTS)
        if ent is not None and (ent.type == "PERSON" or ent.type in _PLACE_LABELS):
            return ent.type == "PERSON"
        if ent is not None and (ent.type in _NOT_PEOPLE or is_outlet_name(ent.name)):
            return False  # "Tesla Model S"; "Associated Press" in a photo credit
        # ORG-typed or unknown names: spaCy's small model often tags surnames ORG.
        if any(t.ent_type_ == "PERSON" for t in self.doc.char_span(start, end, alignment_mode="expand") or ()):
            return True
        if any(c.dep_ == "appos" and c.lower_ in _PERSON_ROLES for c in token.children):
            return True  # "Estrosi, former mayor of Nice,": whatever the run typed "Christian Estrosi"
        if (token.dep_ == "appos" and token.head.pos_ == "NOUN" and token.head.lower_ in TITLE_WORDS | _ROLE_NOUNS
                and token.head.i < token.i):
            return True  # "the spokesman, Mallam Garba Shehu, said": the run typed him ORG
        if ent is not None and any(len(words := normalize_name(a).split()) > 1 and words[0] in _NAME_TITLES
                                   for a in ent.aliases):
            return True  # a name the run has met after a person's title: "Mayor Christian Estrosi"
        speaks = token.dep_ == "nsubj" and token.head.lemma_ in SPEECH_VERBS
        return speaking and token.pos_ == "PROPN" and speaks and token.ent_type_ not in _PLACE_LABELS

    def _tokens(self, lo: int, hi: int, quote: QuoteSpan | None) -> list[Any]:
        """The tokens starting in [lo, hi), less those inside ``quote``."""
        region = self.doc.char_span(lo, hi, alignment_mode="expand") if hi > lo else None
        return [t for t in region or () if lo <= t.idx < hi and not (quote is not None and quote.start <= t.idx < quote.end)]

    def _persons_in(self, lo: int, hi: int, quote: QuoteSpan | None = None) -> list[Any]:
        """Person names in [lo, hi), leaving out those inside ``quote`` or any other quote
        (the people a quote talks about: "'... that Drs. Mitchell and Leslie Weiss died,'
        he said"; a tweet quoting "Kim Jong Un just stated ..." before "'...,' he said").
        A name is capitalised: the tagger's proper noun in "a curse named for a billy goat"
        is no person, whatever "Billy Goat" the run knows."""
        heads = [t for t in self._tokens(lo, hi, quote) if t.pos_ == "PROPN"
                 and _capitalised(self.article.text[slice(*name_span(t))])
                 and not (t.dep_ in {"compound", "flat"} and t.head.pos_ == "PROPN")
                 and not self._quoted(t.idx)
                 and not _in_photo_credit(self.article.text, t.idx)]
        return [t for t in heads if self.is_person(t)]

    def gender(self, token: Any) -> str | None:
        """"m", "f" or None for a person token: the canonical entity's full name (a bare
        "Thurman" is "Uma Thurman"), a title before it, or "Mr"/"Ms" with the surname
        anywhere in the article."""
        start, end = name_span(token)
        if (start, end) in self._genders:
            return self._genders[start, end]
        ent = self.entity(start, end, subject=token.dep_ in _SUBJECTS)
        text = self.article.text
        name = ent.name if ent is not None and ent.type == "PERSON" else text[start:end]
        found = name_gender(name, text[max(0, start - 40):start])
        if found is None and (surname := name.split()[-1:]):
            found = surname_gender(text, surname[0])
        self._genders[start, end] = found
        return found

    def antecedent(self, offset: int, quote: QuoteSpan | None = None, pronoun: str = "") -> Any | None:
        """The person a pronoun at ``offset`` refers to: same sentence, then 3 back, not
        counting sentences whose subject is the same pronoun, which carry the chain on
        (up to CHAIN_SENTENCES back): in "He told CNN that he worked at a restaurant ... /
        "I work there," he said" the man is named before "He told CNN". Sentences inside
        quote marks name no one who speaks and do not count either ("Eric Paddock broke
        down in tears. “There’s nothing I can say. My brother did this. ...,” he said").
        Never one whose name or title says the other gender ("she" is not Jimmy Kimmel)."""
        sent = enclosing(self.sents, offset, len(self.article.text))
        earlier = [s for s in self.sents if s[1] <= sent[0]]
        # (sentence, reached only through the chain, its main subject is the same pronoun)
        window: list[tuple[tuple[int, int], bool, bool]] = [((sent[0], offset), False, False)]
        budget = PRONOUN_SENTENCES
        told = 0  # sentences back that are not a quote's: a long quote does not end the chain
        for back, (lo, hi) in enumerate(reversed(earlier), start=1):
            if self._all_quoted(lo, hi):
                continue  # a sentence of a quote ("There's nothing I can say. My brother did this.")
            told += 1
            if budget == 0 or told > CHAIN_SENTENCES:
                break
            chains = self._chains(lo, hi, pronoun)
            window.append(((lo, hi), back > PRONOUN_SENTENCES, chains))
            if self._unknown_subject(lo, hi, pronoun) is not None:
                break  # "Brit Kartik Bhanot, from Essex, witnessed ...": whoever "he" is, no one before
            if not chains:
                budget -= 1
        for (lo, hi), far, chains in window:
            if chains:
                continue  # "he did some microphone-stand work, not James Brown calibre": he is not Brown
            found = [t for t in self._persons_in(lo, hi, quote) if agrees(pronoun, self.gender(t))]
            if far:
                # past the usual window, only a subject whose name or title, or a pronoun
                # of its own clause, says the pronoun's gender: the chain's head
                # ("Barbara Corcoran wrote"), not a person it mentions ("told CNN's Atika
                # Shubert")
                need = PRONOUN_GENDER.get(pronoun)
                found = [t for t in found if t.dep_ in _SUBJECTS and (self.gender(t) or _own_pronoun(t)) == need]
            if found:
                subjects = [t for t in found if t.dep_ in _SUBJECTS]
                # a person a participle's phrase mentions is background: in "Musk's plan to
                # launch a Tesla Roadster blaring David Bowie on the stereo" Bowie is no "he"
                foreground = [t for t in found if not _in_participle(t)]
                return (subjects or foreground or found)[-1]
            speaking = None if far else (self._speaking_role(lo, hi, quote, pronoun)
                                         or self._role_subject(lo, hi, quote, pronoun))
            if speaking is not None:
                return speaking
            unknown = None if far else self._unknown_subject(lo, hi, pronoun)
            if unknown is not None and len(self.article.text[slice(*name_span(unknown))].split()) >= 2:
                return unknown  # a full name the tagger missed ("Brit Kartik Bhanot ... He added:")
            if unknown is not None and (full := self._named_before(unknown)) is not None:
                return full  # ... then his given name alone ("Kartik and his family managed ...")
        return None

    def _named_before(self, token: Any) -> Any | None:
        """For a one-word name, the head of a two-word name the article gave before it that
        opens with that word ("Kartik" after "Brit Kartik Bhanot"): the last such, or None."""
        found = None
        for t in self.doc[:token.i]:
            if (t.text == token.text and t.dep_ == "compound" and t.head.i == t.i + 1
                    and t.head.pos_ == "PROPN" and t.head.text[:1].isupper()):
                found = t.head
        return found

    def _unknown_subject(self, lo: int, hi: int, pronoun: str) -> Any | None:
        """``_find_unknown_subject``, remembered: the windows of an article's pronouns overlap,
        and a window asks it of a sentence twice (building the window, then searching it)."""
        key = (lo, hi, pronoun)
        if key not in self._unknown:
            self._unknown[key] = self._find_unknown_subject(lo, hi, pronoun)
        return self._unknown[key]

    def _find_unknown_subject(self, lo: int, hi: int, pronoun: str) -> Any | None:
        """The proper name, if any, that is a subject of the sentence [lo, hi) outside
        quote marks, that the tagger left untagged and that names no entity, and whose
        name does not say the other gender: a person the tagger missed, who may be the
        one ``pronoun`` refers to ("Theresa May", untagged, is no "he")."""
        for n, t in enumerate(self._tokens(lo, hi, None)):
            # a name opening a sentence the parse hung on a word of the sentence before
            # ("Kartik and his family managed ..." made the object of a quote's "Smash")
            # is that sentence's subject
            opening = n == 0 and not lo <= t.head.idx < hi
            if (t.pos_ == "PROPN" and (t.dep_ in _SUBJECTS or opening) and not t.ent_type_
                    and not self._quoted(t.idx) and agrees(pronoun, self.gender(t))):
                start, end = name_span(t)
                if self.entity(start, end) is None and not self.is_person(t):
                    return t
        return None

    def body_antecedent(self, offset: int, quote: QuoteSpan | None = None) -> Any | None:
        """What an "it" that speaks refers to: the last subject, outside quote marks, that
        names a body (an organisation, state or outlet the run knows as such, or a noun
        like "the airline") in the same sentence or the PRONOUN_SENTENCES before it:
        "Facebook said it is ..." then "“...,” it said"; "the airline said" then "it said"."""
        sent = enclosing(self.sents, offset, len(self.article.text))
        earlier = [s for s in self.sents if s[1] <= sent[0] and not self._all_quoted(*s)]
        for lo, hi in [(sent[0], offset), *reversed(earlier[-PRONOUN_SENTENCES:])]:
            bodies = [t for t in self._tokens(lo, hi, quote) if t.dep_ in _SUBJECTS
                      and not self._quoted(t.idx) and self._is_body(t)]
            if bodies:
                return bodies[-1]
        return None

    def _is_body(self, token: Any) -> bool:
        """An organisation, state or outlet named as such, or a noun for one ("the airline")."""
        if token.pos_ == "NOUN":
            return token.lower_ in _BODY_NOUNS and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        if token.pos_ != "PROPN":
            return False
        start, end = name_span(token)
        if self._platform(start, end):
            return True  # "Facebook said": the company, whatever type the run gave the name
        ent = self.entity(start, end)
        if ent is not None:  # the run's type first: a firm that "said" is no person
            return ent.type in _BODY_LABELS
        return token.ent_type_ in _BODY_LABELS and not self.is_person(token)

    def _chains(self, lo: int, hi: int, pronoun: str) -> bool:
        """Whether the sentence [lo, hi) has ``pronoun`` ("he"/"she") as a subject outside
        quote marks: it names no one new, and refers on to whoever came before."""
        if PRONOUN_GENDER.get(pronoun) is None:
            return False
        return any(t.lower_ == pronoun and t.dep_ in _SUBJECTS and t.head.dep_ in {"ROOT", "parataxis"}
                   and not self._quoted(t.idx) for t in self._tokens(lo, hi, None))

    def _speaking_role(self, lo: int, hi: int, quote: QuoteSpan | None, pronoun: str) -> Any | None:
        """The last role noun in [lo, hi) that is the subject of a speech verb, of the
        pronoun's gender where the word says one: "A Downing Street spokesman said PM
        Theresa May was being kept up to date. He stressed: '...'" is the spokesman's.
        A role right before a speech verb counts too, whatever the parse made of it (a
        heading with no full stop run into "An American witness said he ...")."""
        doc = self.doc

        def speaks(t: Any) -> bool:
            after = doc[t.i + 1] if t.i + 1 < len(doc) else None
            return ((t.dep_ == "nsubj" and t.head.lemma_ in SPEECH_VERBS)
                    or (after is not None and after.pos_ == "VERB" and after.lemma_ in SPEECH_VERBS))

        roles = [t for t in self._tokens(lo, hi, quote) if t.pos_ == "NOUN" and t.lower_ in TITLE_WORDS | _ROLE_NOUNS
                 and speaks(t) and agrees(pronoun, TITLE_GENDER.get(t.lower_))]
        return roles[-1] if roles else None

    def _role_subject(self, lo: int, hi: int, quote: QuoteSpan | None, pronoun: str) -> Any | None:
        """The role noun subject of the main verb of [lo, hi), whatever the verb, of the
        pronoun's gender where the word says one: in "At 10:08 p.m., an officer on the scene
        sounds the alarm. “We got shots fired,” he says." the officer speaks, not a gunman
        named sentences before. Active subjects only: "The driver was shot dead by police"
        says nothing of who speaks next; nor someone's relative ("For Mike Dillon, ... His
        father ... never got to see them win. He said: '...'" is Dillon's)."""
        roles = [t for t in self._tokens(lo, hi, quote) if t.pos_ == "NOUN" and t.dep_ == "nsubj"
                 and t.head.dep_ == "ROOT" and not any(c.dep_ == "poss" for c in t.children)
                 and (t.lower_ in TITLE_WORDS | _ROLE_NOUNS or t.lower_ in _PEOPLE)
                 and agrees(pronoun, TITLE_GENDER.get(t.lower_) or _PEOPLE.get(t.lower_))]
        return roles[-1] if roles else None

    def person_before(self, verb: Any, quote: QuoteSpan | None = None) -> Any | None:
        """The last person named before ``verb`` in its sentence ("X, the Y, cautioned"),
        not inside ``quote``, nor inside a clause that describes a person named before it:
        in "Sheen, who has played Tony Blair in a trio of films, told The Times" Sheen
        speaks."""
        lo = enclosing(self.sents, verb.idx, len(self.article.text))[0]
        found = self._persons_in(lo, verb.idx, quote)
        main = [t for t in found if not any(
            a.dep_ in _DESCRIBING and a.i < verb.i and any(p.i < a.left_edge.i for p in found) for a in t.ancestors)]
        return (main or found)[-1] if found else None

    def person_after(self, verb: Any, quote: QuoteSpan) -> Any | None:
        """The person named right after a speech verb that follows its quote, when the
        parse gave the verb no subject: in "“...,” said Cubs fan Rodrigo Gonzales, 24,
        moments after the game ended" it made Gonzales the subject of "ended". Only
        within AFTER_VERB_WORDS words and before any comma, so that a person the
        attribution goes on to mention is not taken."""
        if verb.idx < quote.end:
            return None
        doc, stop = verb.doc, verb.i + 1
        while stop < len(doc) and stop - verb.i <= AFTER_VERB_WORDS and doc[stop].text not in {",", ".", ";", ":"}:
            stop += 1
        if stop == verb.i + 1:
            return None
        end = doc[stop - 1].idx + len(doc[stop - 1].text)
        found = self._persons_in(verb.idx + len(verb.text), end, quote)
        return found[-1] if found else None  # the name the role words lead up to

    def speaker(self, subj: Any, quote: QuoteSpan | None = None) -> tuple[str | None, str | None]:
        """(speaker name, entity id) for a subject token; a pronoun never resolves to a
        name inside the ``quote`` it introduces."""
        if (subj.lower_ == "one" and not any(c.dep_ == "appos" for c in subj.children)
                and (part := _partitive_end(subj)) is not None):
            # "one of the French fighters says": who, by the set they are one of (with a
            # name beside it, "One of the firm's founders, Ramon Fonseca, told", the name)
            return _description(self.article.text, subj.idx, part, subj.idx), None
        if subj.pos_ == "PRON":
            if subj.lower_ == "it":
                subj = self.body_antecedent(subj.idx, quote)
            elif subj.lower_ in PERSONAL_PRONOUNS:
                subj = self.antecedent(subj.idx, quote, subj.lower_)
            else:
                return None, None
            if subj is None:
                return None, None
        # "Moon Jae-in also said" with "Jae" a common noun to the parse: a name up to "-in"
        named_tail = _hyphenated_name_tail(subj) or (
            subj.text[:1].isupper() and name_span(subj)[1] > subj.idx + len(subj.text)) or self._person_as_noun(subj)
        # a role the tagger took for a name ("said father, Jos", "the US President") is one
        role = subj.lower_ in TITLE_WORDS | _ROLE_NOUNS
        if (subj.pos_ in {"NOUN", "NUM"} or role) and not named_tail:
            # a role with the name beside it: "The spokesman for the ministry, Ivan
            # Petrov, said", "The head of the Israeli Labor Party, Yitzhak Herzog, voiced
            # opposition", "said Common Sense's CEO, James Steyer" and "One of the firm's
            # founders, Ramon Fonseca, told AFP" name their speaker
            named = [c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN" and self.is_person(c)]
            # ... and an outlet's noun its name: "The British tabloid the Mirror says"
            named = named or [c for c in [outlet_name_beside(subj)] if c is not None]
            named = named or self._apposed_to_body(subj)
            if not named and (holder := self._named_after_body(subj)) is not None:
                return holder
            subj = named[0] if named else self._named_role(subj) or subj
        is_name = (subj.pos_ == "PROPN" and subj.lower_ not in TITLE_WORDS | _ROLE_NOUNS) or named_tail
        if is_name:
            start, end = name_span(subj)
            platform = re.match(r"(\w+)\s+(?=\S)", self.article.text[start:end])
            if platform is not None and platform.group(1).lower() in PLATFORMS:
                start += platform.end()  # the parse ran the platform into the name: "wrote on Twitter Christian Estrosi"
        else:
            start, end = noun_phrase(subj)
        opening = self.doc.char_span(start, end, alignment_mode="expand")
        if opening is not None and len(opening) > 1 and opening[0].pos_ == "VERB" and opening[0].lemma_ in SPEECH_VERBS:
            start = opening[1].idx  # the parse ran a fronted speech verb into the name: "Said Trump: “...”"
        if quote is not None and start < quote.end <= subj.idx:
            # the parse ran the name into the quote before it ("'DAD WAS A PAEDO' Joan
            # Collins' son claims"): the speaker starts after the closing mark
            gap = self.article.text[quote.end:subj.idx]
            start = quote.end + len(gap) - len(gap.lstrip())
        ent = self.entity(start, end, subject=subj.dep_ in _SUBJECTS) if is_name else self._role_holder(subj)
        if ent is None:
            ent = self._epithet_holder(subj, quote)
        if ent is None and not is_name:
            ent = self._body_holder(subj, quote)
        if ent is not None:
            return ent.name, ent.id
        head = subj.idx
        issuer = None if is_name else self._document_issuer(subj, quote)
        if issuer is not None:
            return self.speaker(issuer, quote)  # "“...,” the statement said" after "X said in a statement"
        if not is_name:
            introduced = self._introduced_role(subj)
            if introduced is not None:
                start, end, head = introduced  # "the spokesperson" after "A spokesperson for the US State Department"
            else:
                end = max(end, self._role_body_end(subj))  # "A spokesperson for the US State Department"
        return _description(self.article.text, start, end, head), None

    def _person_as_noun(self, subj: Any) -> bool:
        """Whether a capitalised word the parse took for a common noun is a person's name
        the run or this article knows: "“...,” Plemons said" (a surname that looks plural)
        after "Jesse Plemons". No role or title word ("The Spokesman said")."""
        if subj.pos_ != "NOUN" or not subj.text[:1].isupper() or subj.lower_ in TITLE_WORDS | _ROLE_NOUNS:
            return False
        ent = self.entity(subj.idx, subj.idx + len(subj.text))
        return ent is not None and ent.type == "PERSON"

    def _document_issuer(self, noun: Any, quote: QuoteSpan | None) -> Any | None:
        """Who issued the document a definite "the statement" (letter, release, post) that
        speaks stands for: the last such document outside quote marks in its sentence or
        the PRONOUN_SENTENCES before it that says whose it is: "said Rabbi Jonathan Blake
        in a statement posted on Facebook", "Backroads issued a statement", "a statement
        from the airline", "the company's statement". The token for them, or None."""
        word = noun.lower_
        if (noun.pos_ != "NOUN" or word not in _DOCUMENT_NOUNS or noun.dep_ not in _SUBJECTS
                or [c.lower_ for c in noun.lefts] != ["the"] or any(True for _ in noun.rights)):
            return None
        sent = enclosing(self.sents, noun.idx, len(self.article.text))
        earlier = [s for s in self.sents if s[1] <= sent[0] and not self._all_quoted(*s)]
        lo = min([sent[0], *(s[0] for s in earlier[-PRONOUN_SENTENCES:])])
        found = None
        for t in self._tokens(lo, noun.idx, quote):
            if t.lower_ != word or self._quoted(t.idx):
                continue
            issuer = next((c for c in t.children if c.dep_ == "poss" and c.pos_ in {"PROPN", "NOUN"}), None)
            for prep in (c for c in t.children if c.dep_ == "prep" and c.lower_ in {"from", "by"}):
                issuer = issuer or next((c for c in prep.children if c.dep_ == "pobj"), None)
            verb = t.head.head if t.dep_ == "pobj" and t.head.lower_ in {"in", "via", "through"} else (
                t.head if t.dep_ == "dobj" else None)
            if (issuer is None and verb is not None and verb.pos_ == "PROPN" and verb.dep_ in _SUBJECTS
                    and verb.head.pos_ == "VERB" and verb.head.lemma_ in SPEECH_VERBS):
                issuer = verb  # "said Rabbi Jonathan Blake in a statement": the parse hangs it on the name
            if issuer is None and verb is not None and verb.pos_ == "VERB" and (
                    verb.lemma_ in SPEECH_VERBS or verb.lemma_ in _ISSUE_VERBS):
                issuer = _subject(verb)
            if issuer is not None and issuer.pos_ != "PRON":
                found = issuer
        return found

    def _apposed_to_body(self, role: Any) -> list[Any]:
        """The name set off by commas after the body a role is of or for, which the parse
        hung on the body: "A spokesperson for Buhari, Mallam Garba Shehu, said", "The head
        of the Israeli Labor Party, Yitzhak Herzog, voiced". Two words or more, closed by
        a comma, and no place, thing or outlet the run knows; [] otherwise."""
        if role.lower_ not in TITLE_WORDS | _ROLE_NOUNS:
            return []
        doc = role.doc
        for prep in role.rights:
            if prep.dep_ != "prep" or prep.lower_ not in {"for", "of", "to", "at"}:
                break
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                for a in (c for c in obj.children if c.dep_ == "appos" and c.pos_ == "PROPN"):
                    first, last = a.left_edge, max(a.subtree, key=lambda t: t.i)
                    start, end = name_span(a)
                    ent = self.entity(start, end)
                    if (first.i > 0 and doc[first.i - 1].text == "," and last.i + 1 < len(doc)
                            and doc[last.i + 1].text == "," and len(self.article.text[start:end].split()) >= 2
                            and (ent is None or ent.type not in _PLACE_LABELS | _NOT_PEOPLE
                                 and not is_outlet_name(ent.name))):
                        return [a]
            break
        return []

    def _role_body_end(self, role: Any) -> int:
        """Where a role's "for"/"of"/"at" phrase naming the body it serves ends ("a spokesperson
        for the US State Department", "a spokesman at Delta", "the head of the national
        aerospace agency"), or 0: only for a person's role, a named body or a body's noun,
        and a phrase of at most MAX_PHRASE_WORDS words."""
        if role.lower_ not in TITLE_WORDS | _ROLE_NOUNS:
            return 0
        for prep in role.rights:
            objs = [c for c in prep.children if c.dep_ == "pobj" and (
                c.pos_ == "PROPN" or c.lower_ in _BODY_NOUNS | _BODY_WORDS and c.lower_ not in _DOCUMENT_NOUNS)]
            if prep.dep_ == "prep" and prep.lower_ in {"for", "of", "at", "with"} and objs:
                comma = next((t.i for t in objs[0].subtree if t.i > objs[0].i and t.text == ","), len(role.doc))
                last = max((t for t in objs[0].subtree if t.i < comma), key=lambda t: t.i)  # not ", Leslie Sloane"
                if last.i - role.left_edge.i < MAX_PHRASE_WORDS and "\n" not in role.doc[role.i:last.i].text:
                    return last.idx + len(last.text)
            break  # only the phrase right after the role
        return 0

    def _introduced_role(self, role: Any) -> tuple[int, int, int] | None:
        """The phrase that introduced the unnamed person a definite role refers back to:
        "the spokesperson said" after "A spokesperson for the US State Department
        confirmed", "the spokesman" after "A government spokesman said". The last earlier
        phrase outside quote marks with the same role word after "a"/"an", that tells more
        than the role alone, with its head's offset; None when there is none, or when "the" phrase has words of
        its own ("the Delta spokesman")."""
        word = role.lower_
        if (role.pos_ != "NOUN" or word not in TITLE_WORDS | _ROLE_NOUNS
                or [c.lower_ for c in role.lefts] != ["the"] or any(True for _ in role.rights)):
            return None
        for t in reversed(self.doc[:role.i]):
            if (t.lower_ != word or t.pos_ != "NOUN" or self._quoted(t.idx)
                    or not any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in t.lefts)):
                continue
            start, end = noun_phrase(t)
            end = max(end, self._role_body_end(t))
            return (start, end, t.idx) if self.article.text[start:end].lower().split()[1:] != [word] else None
        return None

    def _mentioned_at(self, tok: Any) -> Entity | None:
        """The entity of the one mention that holds ``tok``, if one does."""
        held = {ent.id: ent for start, end, ent in self.index.spans if start <= tok.idx and tok.idx + len(tok.text) <= end}
        return next(iter(held.values())) if len(held) == 1 else None

    def _body_holder(self, noun: Any, quote: QuoteSpan | None) -> Entity | None:
        """The organisation a definite noun for one stands for when it speaks: "“...,” the
        airline said" after "ANA said it was investigating the incident". The noun must be
        "the" and a body noun alone; the holder is the last named organisation outside
        quote marks in its sentence or the PRONOUN_SENTENCES before it that was the subject
        of a speech verb there or what a sentence was "according to" ("According to All
        Nippon Airways, the unauthorised person was a passenger"): "Telegram said" before
        "He has since run Telegram from ... On its website, the company said". One whose
        name holds the noun's word ("the University of Louisville") is the noun's whether
        it spoke or not, and then it must have. The holder's name must hold no other body's
        noun ("LAX police" is no airline). None otherwise: the phrase stays as written."""
        if (noun.pos_ != "NOUN" or noun.lower_ not in _ORG_NOUNS or noun.dep_ not in _SUBJECTS
                or [c.lower_ for c in noun.lefts] != ["the"] or not _set_off_rights(noun)):
            return None
        sent = enclosing(self.sents, noun.idx, len(self.article.text))
        earlier = [s for s in self.sents if s[1] <= sent[0] and not self._all_quoted(*s)]
        lo = min([sent[0], *(s[0] for s in earlier[-PRONOUN_SENTENCES:])])
        last: tuple[Any, Entity] | None = None
        for t in self._tokens(lo, noun.idx, quote):
            if t.pos_ != "PROPN" or self._quoted(t.idx) or (t.dep_ == "compound" and t.head.pos_ == "PROPN"):
                continue
            # "All Nippon Airways": the parse's name starts after "All", the mention before it
            ent = self.entity(*name_span(t)) or self._mentioned_at(t)
            if ent is None or ent.type != "ORG" or self.is_person(t, speaking=False):
                continue
            # the last organisation that spoke, or one named by the noun's own word ("the
            # university" after "the University of Louisville" is that one, speaking or not)
            if ((t.dep_ in _SUBJECTS and t.head.lemma_ in SPEECH_VERBS) or _source_of_sentence(t, noun)
                    or noun.lower_ in normalize_name(ent.name).split()):
                last = (t, ent)
        if last is None:
            return None
        t, ent = last
        others = set(normalize_name(ent.name).split()) & (_BODY_NOUNS | _BODY_WORDS) - {noun.lower_}
        speaks = (t.dep_ in _SUBJECTS and t.head.lemma_ in SPEECH_VERBS) or _source_of_sentence(t, noun)
        return ent if speaks and not others and not is_outlet_name(ent.name) else None

    def _epithet_holder(self, subj: Any, quote: QuoteSpan | None) -> Entity | None:
        """The person a definite epithet stands for: "the 87-year-old comedian wrote" after
        "Long-time Cubs fan Bob Newhart ... tweeted", "added the four-times champion" after
        "Vettel ... exclaimed". The phrase must open on "the" and carry an age or a record
        ("N-year-old", "two-time"), words news writing uses for someone just named, never
        to introduce anyone; or be "the" and an occupation whose word says a gender ("the
        businesswoman", ``_OCCUPATION_GENDER``), whose holder must be of that gender. The
        holder is found as a pronoun's is (``antecedent``), and must be a person the run
        knows. None otherwise: the phrase stays as written."""
        if subj.pos_ not in {"NOUN", "PROPN", "NUM", "ADJ"}:  # the parse's head of "the 21-year-old"
            return None
        opening = self.doc[subj.left_edge.i:subj.i + 1]  # the words up to the head, however many
        # "the businesswoman and film star praised" after "Jessica ... revealed": an
        # occupation that says its holder's gender, alone after "the", not introduced
        # unnamed before ("an actress who asked not to be named ... the actress said")
        gendered = _OCCUPATION_GENDER.get(subj.lower_)
        by_gender = gendered is not None and len(opening) == 2 and self._introduced_role(subj) is None
        if opening[0].lower_ != "the" or not (by_gender or _EPITHET.search(opening.text)):
            return None
        pronoun = {"m": "he", "f": "she"}.get(gendered or TITLE_GENDER.get(subj.lower_) or "", "")
        held = self.antecedent(opening[0].idx, quote, pronoun)
        if held is not None and held.i < subj.i and held.text.islower() and held.lower_ in _OCCUPATION_GENDER:
            return self._epithet_holder(held, quote)  # "The actress said" after "the businesswoman ... praised"
        if held is None or held.pos_ != "PROPN" or (by_gender and self.gender(held) != gendered):
            return None  # a role ("A spokesman said ...") is no epithet's holder
        ent = self.entity(*name_span(held), subject=held.dep_ in _SUBJECTS)
        return ent if ent is not None and ent.type == "PERSON" else None

    def _role_holder(self, role: Any) -> Entity | None:
        """The person a definite role refers back to: "The director said" after "director
        Quentin Tarantino", "Costa Rica's president" after "President Luis Guillermo
        Solis", "the spokesman" after "spokesman Park Soo-hyun" or "Durrant, a
        spokesman for Delta", "the brother said" after "another brother, Patrick Paddock
        II, of Tucson, said". The role must be a person's (a title, ``_ROLE_NOUNS`` or a
        kin word) with nothing after it ("the president of Argentina" is someone else),
        and the article must have given it by name: the word right before the name, the
        role set off before the name by a comma with the name closed by one, or in the
        phrase after the name's comma. The nearest such person before it; None otherwise."""
        word = role.lower_
        # "the president", or a country's: "Costa Rica's president said" after "President
        # Luis Guillermo Solis said"
        placed = any(c.dep_ == "poss" and c.pos_ == "PROPN" and (place := self.entity(*name_span(c))) is not None
                     and place.type in _PLACE_LABELS for c in role.children)
        if (role.pos_ not in {"NOUN", "PROPN"} or word not in TITLE_WORDS | _ROLE_NOUNS | KIN_WORDS
                or not (placed or any(c.dep_ == "det" and c.lower_ == "the" for c in role.children))
                or any(c.i > role.i for c in role.children)):
            return None
        text = self.article.text
        for start, end, ent in sorted(self.index.spans, key=lambda s: -s[0]):
            if end > role.idx or ent.type in _NOT_PEOPLE or is_outlet_name(ent.name):
                continue  # any other type: the small model tags many people ORG ("Tiffany Marchbanks")
            before = re.search(r"([\w'’-]+)(,?)[ \t]+$", text[max(0, start - 40):start])
            # "spokesman Park Soo-hyun"; "his brother, Eric Paddock, told": the name closed
            # by a comma ("Speaking to the minister, Mr Smith said" names no minister)
            named_before = before is not None and before.group(1).lower() == word and (
                not before.group(2) or text.startswith(",", end))
            if ent.type in _PLACE_LABELS and not named_before:
                continue  # a place is no role's holder, unless named with the role ("Singer Rihanna", typed GPE)
            # an appositive closed by its comma, not this role's own clause ("In an interview
            # with Deadline Hollywood, the director said")
            after = re.match(r",\s+(?:the|a|an)\s+([^,.;:\n]*),", text[end:min(end + 120, role.idx)])
            if named_before or (after and word in after.group(1).lower().split()):
                return self._in_full(ent.name, ent)  # "British actor Michael, 49," after "Michael Sheen"
        return None

    def _named_after_body(self, role: Any) -> tuple[str, str | None] | None:
        """(name, entity id) of the person a role names after the body it is of or to,
        where the tagger ran the body into the name: "U.S. Ambassador to the United
        Nations Nikki Haley", "Mayor of Chicago Rahm Emanuel" (one ORG to the small
        model). The longest run of two or more of the name's last words, after at least
        one of the body's, that the run knows as a person, or that follows words the run
        knows as a place or organisation; None otherwise ("adviser to Donald Trump"
        names no body)."""
        text = self.article.text
        aliases = self.index.table.by_alias
        for prep in (c for c in role.children if c.dep_ == "prep" and c.lower_ in {"of", "to"}):
            for obj in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"):
                start, end = name_span(obj)
                words = [start + m.start() for m in re.finditer(r"\S+", text[start:end])]
                for k in range(1, len(words) - 1):  # the longest name the run knows as a person
                    ent = aliases.get(normalize_name(text[words[k]:end]))
                    if ent is not None and ent.type == "PERSON":
                        return ent.name, ent.id
                if _APPOSED_NAME.match(text, end):
                    continue  # "The head of the Israeli Labor Party, Yitzhak Herzog,": the name follows
                for k in range(len(words) - 2, 0, -1):  # else after the longest body it knows
                    body = aliases.get(normalize_name(text[start:words[k]]))
                    name = text[words[k]:end]
                    ent = aliases.get(normalize_name(name))
                    if (body is not None and body.type != "PERSON" and name.istitle()
                            and (ent is None or ent.type in {"PERSON", "ORG"})  # the tagger's "Nikki Haley" ORG
                            and not set(name.lower().split()) & _BODY_WORDS):
                        return (ent.name, ent.id) if ent is not None else (name, None)
        return None

    def _named_role(self, role: Any) -> Any | None:
        """The person a role phrase goes on to name: "his friend and spokesman Frank Murtha"
        (a name joined to the role) or "Mayor of Chicago Rahm Emanuel" (a name after the
        place or body the role is of). "the spokesman of Vladimir Putin" names whom the
        role serves, not who holds it: the name must not be the whole "of" phrase."""
        # "the vice president and chairman of Chrysler LLC Jim Press": the name may hang
        # on a role joined to this one
        roles = [role, *(c for c in role.children if c.dep_ == "conj" and c.pos_ == "NOUN")]
        for c in (c for r in roles for c in r.children):
            if c.dep_ == "conj" and c.pos_ == "PROPN" and role.pos_ == "NOUN" and self.is_person(c):
                return c
            if c.dep_ == "prep" and c.lower_ == "of":
                for obj in c.children:
                    if obj.dep_ == "pobj" and obj.pos_ == "PROPN" and self.is_person(obj) \
                            and _person_start(obj) > obj.left_edge.idx:
                        return obj
        return None


# An age or a record in a phrase about someone already named ("the 21-year-old", "the
# four-times champion", "The 65-year-old two-time NFL Coach of the Year").
_EPITHET = re.compile(r"\b\d{1,3}\s*-\s*years?\s*-\s*old\b|\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s*-\s*times?\b", re.I)
# A name set off by commas after a phrase (", Yitzhak Herzog,").
_APPOSED_NAME = re.compile(r",\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)+\s*,")
# Words that make a name a body's, not a person's ("Labor Party", "Security Council").
_BODY_WORDS = frozenset("""party council committee ministry department agency union league association
    university institute foundation group company corporation bank court office service police army
    navy force forces assembly parliament senate congress commission board government""".split())


# What may follow a noun set off by commas and still leave the noun alone ("The company,
# which safeguards financial data for consumers, said"): a clause or phrase about it.
_SET_OFF_DEPS = frozenset({"punct", "relcl", "appos", "acl"})


def _set_off_rights(noun: Any) -> bool:
    """Whether a noun has nothing after it but what commas set off (a relative clause, an
    apposition): "the company said", "The company, which safeguards financial data for
    consumers applying for credit, said"; not "the company in Atlanta said"."""
    rights = list(noun.rights)
    if not rights:
        return True
    doc = noun.doc
    last = max(t.i for r in rights for t in r.subtree)
    return (doc[noun.i + 1].text == "," and all(r.dep_ in _SET_OFF_DEPS for r in rights)
            and last + 1 < len(doc) and doc[last].text == ",")


def _in_participle(token: Any) -> bool:
    """Whether a name is the object of a participle that modifies something ("blaring
    David Bowie", "featuring Jay-Z"), directly or through a preposition."""
    head = token.head.head if token.dep_ == "pobj" else token.head
    bare = not any(c.dep_ in {"aux", "auxpass"} for c in head.children)
    return (token.dep_ in {"dobj", "pobj"} and head.tag_ in {"VBG", "VBN"} and bare
            and head.dep_ in {"acl", "advcl", "xcomp", "amod", "csubj", "pcomp"})


def _hyphenated_name_tail(token: Any) -> bool:
    """Whether ``token`` is the last part of a hyphenated name the parse took for a common
    noun: "in" of "South Korean President Moon Jae-in dismissed ..."."""
    doc = token.doc
    return (token.pos_ in {"NOUN", "ADP", "X"} and token.i >= 2 and doc[token.i - 1].text == "-"
            and not doc[token.i - 1].whitespace_ and not doc[token.i - 2].whitespace_
            and doc[token.i - 2].pos_ == "PROPN" and doc[token.i - 2].ent_type_ == "PERSON")


def _person_start(token: Any) -> int:
    """Where the person's name in a name phrase begins: its first word tagged PERSON ("Jim"
    in "Chrysler LLC Jim Press"), else the phrase's ``name_span``."""
    tagged = [t.idx for t in token.subtree if t.ent_type_ == "PERSON" and t.i <= token.i]
    return min(tagged) if tagged else name_span(token)[0]


def _own_pronoun(subject: Any) -> str | None:
    """The gender of the first "he"/"his"/"she"/"her" after a subject in its clause, with
    no other name between: "Obama explained the rationale behind his proposed plan",
    "Henderson stated that he envisioned ..." say a man. None when there is none."""
    verb = subject.head
    for t in verb.subtree:
        if t.i <= subject.i:
            continue
        if t.pos_ == "PROPN" and t.head.i != subject.i:
            return None  # "Trump met Merkel and praised her leadership"
        if t.pos_ == "PRON" and (gender := PRONOUN_GENDER.get(t.lower_)) is not None:
            return gender
    return None


def _other_given_name(name: str, other: str) -> bool:
    """Whether two names of two words or more with one surname name two people: the word
    before the surname of each is none of the other's words before it ("Dominique
    Molina" / "Tony Molina"; not "Committee Franz Klintsevich" / "Franz Klintsevich",
    "Joseph Deters" / "Joseph T. Deters")."""
    a, b = [normalize_name(w) for w in name.split()], [normalize_name(w) for w in other.split()]
    if len(a) < 2 or len(b) < 2:
        return False
    return a[-2] not in b[:-1] and b[-2] not in a[:-1]


def _only_in(ent: Entity, article_id: str) -> bool:
    """Whether every mention of ``ent`` is in this article: a name no other outlet uses
    alone ("Sarah" in a tabloid), not one a person goes by everywhere ("Rihanna")."""
    return all(m.article_id == article_id for m in ent.mentions)


def _in_title_quotes(text: str, start: int, end: int) -> bool:
    """A name that is all of a quoted phrase, as titles are: “Kill Bill,”."""
    return text[start - 1:start] in OPENERS and text[end:end + 2].lstrip(",.!?")[:1] in CLOSERS


_PHOTO_CREDIT = re.compile(r"\([^()\n]{0,80}/[^()\n]{0,80}\)")


def _in_photo_credit(text: str, offset: int) -> bool:
    """Inside a photo credit in parentheses: "(Mark Schiefelbein/AP)"."""
    open_at = text.rfind("(", max(0, offset - 80), offset)
    if open_at < 0:
        return False
    m = _PHOTO_CREDIT.match(text, open_at)
    return m is not None and m.end() > offset


# Subjects of a speech verb that name nobody ("one said").
_NOBODY = frozenset({"one", "someone", "somebody", "anyone", "everyone", "others", "some", "many"})


def _partitive_end(one: Any) -> int | None:
    """Where "one of the survivors" ends, for a subject "one" with its "of" phrase; None
    without one (a bare "one" names nobody)."""
    of = next((c for c in one.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None or not any(c.dep_ == "pobj" for c in of.children):
        return None
    last = max(of.subtree, key=lambda t: t.i)
    return int(last.idx + len(last.text))


def _description(text: str, start: int, end: int, head: int) -> str | None:
    """A speaker described, not named ("the airline", "a police spokesman"): the phrase
    on the subject's own line (a phrase across a line break has swallowed a caption or
    heading), or None when it names nobody (a bullet, a bare "one")."""
    line_start = max(text.rfind("\n", start, head) + 1, start)
    line_end = text.find("\n", head, end)
    phrase = text[line_start:end if line_end < 0 else line_end].strip()
    if not re.search(r"[^\W\d_]{2,}", phrase) or phrase.lower() in _NOBODY:
        return None
    return phrase


def _quote_sentence_range(sents: Sequence[tuple[int, int]], span: QuoteSpan, n: int) -> tuple[int, int]:
    return enclosing(sents, span.start, n)[0], enclosing(sents, max(span.end - 1, span.start), n)[1]


def is_title(text: str) -> bool:
    """A title in quote marks, not words someone said: every longer word capitalised
    ("Shark Tank", "Why Did Equifax Use A Domain That's So Easily Impersonated?"), and
    every word but a title's small words when only one is longer ("The Office", "Masters
    of Sex"; "Significant day for us," said the coach, is a sentence)."""
    words = re.findall(r"[^\W\d_][\w'\u2019-]*", text)
    longer = [w for w in words if len(w) > 3]
    shouted = not any(c.islower() for c in text)  # "NO COLLUSION!" is said, all in capitals
    capitalised = longer if len(longer) >= 2 else [w for w in words if w.lower() not in _TITLE_SMALL_WORDS]
    return len(words) >= 2 and bool(longer) and not shouted and all(w[0].isupper() for w in capitalised)


# Words a title leaves in lower case ("Masters of Sex", "Family on PSN").
_TITLE_SMALL_WORDS = frozenset("a an the of on in at to for and or nor but by with as vs from".split())


def extract_quotes(article: Article, doc: Any, entities: Sequence[Entity]) -> tuple[Quote, ...]:
    """Direct quotes in ``article`` with speakers (rule in the module docstring), by offset."""
    if doc_text(doc) != article.text:
        raise ValueError(f"doc text does not match article {article.id}")
    spans = find_quote_spans(article.text)
    speakers = _Speakers(article, doc, entities, spans)
    text = article.text
    quotes: list[Quote] = []
    left_open = False  # the last quote kept ran to its paragraph's end without closing
    for span in spans:
        q_start, q_end = quote_text(text, span)
        words = len(_WORD.findall(text[q_start:q_end]))
        if words < MIN_GOVERNED_WORDS or is_title(text[q_start:q_end]):
            continue
        lo, hi = _quote_sentence_range(speakers.sents, span, len(text))
        verb, governs = _speech_verb(doc, span, lo, hi)
        if verb is None and (after := _attribution_after(speakers.sents, span, text)) is not None:
            # '“China could easily solve this problem!” Mr. Trump said.': the sentence ended
            # with the quote's "!" or "?", and its attribution became a sentence of its own
            verb, governs = _speech_verb(doc, span, lo, after)
        if verb is None:
            verb = _colon_verb(doc, span)  # "Hamilton groaned: '...'", "He added:\n“...”"
            governs = verb is not None
        who: tuple[str | None, str | None] = (None, None)
        if verb is not None and (governs or words >= MIN_SENTENCE_WORDS):
            subj = _subject(verb)
            if subj is not None and span.start <= subj.idx < span.end:
                subj = None  # a name the quote itself talks about is not who said it
            subj = (subj or _inverted_subject(verb, span, text) or _fronted_subject(verb, span, text)
                    or speakers.person_before(verb, span) or speakers.person_after(verb, span))
            who = speakers.speaker(subj, span) if subj is not None else (None, None)
        elif (source := _according_to(doc, span, lo, hi)) is not None and words >= MIN_SENTENCE_WORDS:
            who = speakers.speaker(source, span)
        elif _continues(quotes, span, lo, text, left_open) and words >= MIN_SENTENCE_WORDS:
            who = (quotes[-1].speaker, quotes[-1].speaker_entity_id)
        elif (words >= MIN_SENTENCE_WORDS and not re.search(r"[^\W\d_]", text[lo:span.start] + text[span.end:hi])
              and (reporter := _reported_before(doc, speakers.sents, span, lo, spans)) is not None):
            who = speakers.speaker(reporter, span)
        elif words < MIN_UNATTRIBUTED_WORDS:
            continue
        quotes.append(Quote(who[0], who[1], text[q_start:q_end], article.evidence(span.start, span.end)))
        left_open = not span.closed
    found = _with_tweets(quotes, _tweets(article, speakers))
    turns = [t for t in _transcript_turns(article, speakers)
             if not any(q.evidence.overlaps(t.evidence) for q in found)]
    return tuple(sorted([*found, *turns], key=lambda q: (q.evidence.start, q.evidence.end)))


# A transcript's turn: a line opening on its speaker's name in capitals, at most three
# words, with a role after a comma the first time for the network's own ("SCOTT HORSLEY,
# BYLINE: Good to be with you, Ari." then "HORSLEY: ..."; "VIVIENNE WALT: You're welcome."
# then "WALT: We hear that more than 70 people are dead.").
_TURN = re.compile(r"^(?P<label>[A-Z][A-Z'\u2019.-]+(?: [A-Z][A-Z'\u2019.-]+){0,2})(?:, (?P<role>[A-Z][A-Z ,'\u2019.-]*))?:"
                   r"[ \t]+(?P<said>\S.*)$", re.MULTILINE)
# Roles that make a transcript's speaker the broadcaster's own staff ("SCOTT HORSLEY, BYLINE").
_STAFF_ROLES = re.compile(r"\b(?:BYLINE|HOST|ANCHOR|CORRESPONDENT)\b")


def _staff_of_outlet(text: str, person: Entity) -> bool:
    """Whether the article names ``person`` as an outlet's own ("NPR's Ari Shapiro talks
    to Vivienne Walt"): a broadcaster's host or reporter speaks for the broadcaster."""
    for name in {person.name, *person.aliases}:
        for m in re.finditer(r"([A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3})['\u2019]s " + re.escape(name) + r"\b", text):
            if is_outlet_name(m.group(1)):
                return True
    return False


def _transcript_turns(article: Article, speakers: _Speakers) -> list[Quote]:
    """The turns of a broadcast transcript (NPR's "SHAPIRO: ..." / "WALT: ..."), each its
    speaker's words: only in an article where one name labels two lines or more (a
    section's kicker, "FUTURE FLIGHTS: ...", labels one), and only names the run knows
    as a person's ("WALT" is the "Vivienne Walt" the article introduces). The outlet's
    own staff speak for it, not as a source of it: a label with a staff role ("SCOTT
    HORSLEY, BYLINE"), a name the article gives as the outlet's ("NPR's Ari Shapiro") or
    one that mostly asks (the host) stays out, as does any other label."""
    text = article.text
    turns = list(_TURN.finditer(text))
    last = [m.group("label").split()[-1] for m in turns]
    if not any(last.count(word) >= 2 for word in set(last)):
        return []
    staff = {word for m, word in zip(turns, last, strict=True) if _STAFF_ROLES.search(m.group("role") or "")}
    # ... and the one asking: an interviewer, two of whose turns in five or more end on a question
    asks = Counter(word for m, word in zip(turns, last, strict=True) if m.group("said").rstrip().endswith("?"))
    staff |= {word for word in set(last) if 5 * asks[word] >= 2 * last.count(word)}
    out = []
    outlets_own: dict[str, bool] = {}  # entity id -> ``_staff_of_outlet``
    for m, word in zip(turns, last, strict=True):
        start = m.start("label") + m.group("label").rindex(word)
        ent = speakers.entity(m.start("label"), m.end("label")) or speakers.entity(start, start + len(word))
        if word in staff or ent is None or ent.type != "PERSON":
            continue
        if ent.id not in outlets_own:
            outlets_own[ent.id] = _staff_of_outlet(text, ent)
        if outlets_own[ent.id]:
            continue
        said_start, said_end = m.start("said"), m.start("said") + len(m.group("said").rstrip())
        if len(_WORD.findall(text[said_start:said_end])) < MIN_SENTENCE_WORDS:
            continue  # "You're welcome.", "Thanks, Ari."
        out.append(Quote(ent.name, ent.id, text[said_start:said_end], article.evidence(said_start, said_end)))
    return out


def quote_holding(start: int, end: int, quotes: Iterable[Quote]) -> Quote | None:
    """The first of ``quotes`` that holds half or more of [start, end) (one article's
    offsets): a claim or span that is mostly a quote's words is that quote's."""
    for q in quotes:
        overlap = min(end, q.evidence.end) - max(start, q.evidence.start)
        if overlap > 0 and 2 * overlap >= end - start:
            return q
    return None


def _with_tweets(quotes: list[Quote], tweets: list[Quote]) -> list[Quote]:
    """``quotes`` and the embedded ``tweets``, by offset. A tweet that is mostly a quote
    (half its characters or more inside quotes found in it) relays that quote's words and
    is left out ('"It's really sad when ..." Dallas woman in Nice speaks'); otherwise the
    tweet is its author's words, and a quote inside it with no speaker goes (its speaker
    is the tweet's, or someone the tweet does not name)."""
    kept: list[Quote] = []
    for tweet in tweets:
        t = tweet.evidence
        inside = [q for q in quotes if t.start <= q.evidence.start and q.evidence.end <= t.end]
        if 2 * sum(q.evidence.end - q.evidence.start for q in inside) >= t.end - t.start:
            continue
        quotes = [q for q in quotes if q not in inside or q.speaker is not None]
        kept.append(tweet)
    return sorted([*quotes, *kept], key=lambda q: (q.evidence.start, q.evidence.end))


# Links a tweet's text ends with (glued together as the page's text runs them on).
_TWEET_LINKS = re.compile(r"(?:\s*(?:https?://t\.co/\w+|pic\.twitter\.com/\w+))+\s*$")
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
# The label a page puts before an embedded post ("Skip Twitter post by @durov").
_EMBED_LABEL = re.compile(r"\s*(?:Skip )?(?:Twitter|X) post by @\w+\s*")


def _tweets(article: Article, speakers: _Speakers) -> list[Quote]:
    """Embedded posts as quotes of their author: the text between the start of its line
    (or the signature of a post before it on the line) and its signature
    (``segment.POST_SIGNATURE``: a tweet's "— Name (@handle) Month D, YYYY", an Instagram
    post's "A post shared by Name (@handle) on ..."), less the links it ends with;
    MIN_SENTENCE_WORDS words or more. The speaker is the display name, the run's entity
    for it when it names one."""
    text = article.text
    found: list[Quote] = []
    base = 0  # where the line starts in the text
    for line in text.split("\n"):
        lo = base  # where the next tweet's text may start
        for sig in POST_SIGNATURE.finditer(line):
            start, end, lo = lo, base + sig.start(), base + sig.end()
            links = _TWEET_LINKS.search(text, start, end)
            if links is not None:
                end = links.start()
            if (label := _EMBED_LABEL.match(text, start, end)) is not None:
                start = label.end()
            body = text[start:end]
            start, end = start + len(body) - len(body.lstrip()), start + len(body.rstrip())
            if len(_WORD.findall(text[start:end])) < MIN_SENTENCE_WORDS:
                continue
            group = "name" if sig.group("name") is not None else "iname"
            name_start = base + sig.start(group)
            name = " ".join(_INVISIBLE.sub("", sig.group(group)).split())
            if not name:
                continue
            ent = speakers.entity(name_start, name_start + len(sig.group(group)))
            if ent is not None and ent.type in _NOT_PEOPLE:
                ent = None
            ent = ent or _handle_holder(speakers, sig.group("handle") or sig.group("ihandle"))
            found.append(Quote(ent.name if ent else name, ent.id if ent else None, text[start:end],
                               article.evidence(start, end)))
        base += len(line) + 1
    return found


def _handle_holder(speakers: _Speakers, handle: str) -> Entity | None:
    """The one the article names whose name, run together, is a tweet's handle: "—
    christine teigen (@chrissyteigen)" is Chrissy Teigen's where the article names her
    (whatever type the run gave the name: the small model tags many people ORG). None
    where no one, or more than one, is."""
    key = handle.lower().replace("_", "")
    held = {ent.id: ent for _, _, ent in speakers.index.spans
            if ent.type not in _NOT_PEOPLE | _PLACE_LABELS and re.sub(r"[\W_]+", "", ent.name.lower()) == key}
    return next(iter(held.values())) if len(held) == 1 else None


# Speech verbs that put their speaker after them when they follow the quote ('“...!”
# tweeted the US president'); not "tell", "ask", "warn" and the like, whose object after
# them is whom they address ('“...,” told reporters').
_INVERTING = frozenset({"say", "tweet", "write", "add", "post", "explain", "note", "recall", "reply", "respond",
                        "exclaim", "declare", "announce", "state", "insist", "remark", "quip", "joke", "muse",
                        "retort", "conclude", "argue", "continue"})


def _inverted_subject(verb: Any, span: QuoteSpan, text: str) -> Any | None:
    """The speaker named after a speech verb that follows its quote, which the parse took
    for the verb's object: '“... if this continues to happen!” tweeted the US president'.
    Only right after the closing mark (a comma between at most), and only for
    ``_INVERTING`` verbs with no subject of their own."""
    if verb.lemma_ not in _INVERTING or verb.idx < span.end or text[span.end:verb.idx].strip(" ,"):
        return None
    if any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    objects = [c for c in verb.children if c.dep_ in {"dobj", "attr"} and c.pos_ in {"NOUN", "PROPN"}]
    return objects[0] if objects else None


def _fronted_subject(verb: Any, span: QuoteSpan, text: str) -> Any | None:
    """The name after a speech verb that opens its line before the quote, which the parse
    does not read as the verb's subject: 'Added Haynes, “Every scene that was on the
    spaceship ...”'. The name is one to four capitalised words, then a comma or colon
    and the quote. Only ``_INVERTING`` verbs."""
    line_start = text.rfind("\n", 0, verb.idx) + 1
    if verb.lemma_ not in _INVERTING or verb.idx > span.start or text[line_start:verb.idx].strip():
        return None
    words = []
    for tok in verb.doc[verb.i + 1:]:
        if tok.idx >= span.start or tok.text in {",", ":"}:
            break
        words.append(tok)
    rest = text[words[-1].idx + len(words[-1].text):span.start] if words else ""
    if not 1 <= len(words) <= 4 or not all(w.text[:1].isupper() for w in words) or rest.strip() not in {",", ":"}:
        return None
    return words[-1]


def _attribution_after(sents: Sequence[tuple[int, int]], span: QuoteSpan, text: str) -> int | None:
    """The end of the sentence right after a quote that closes on "?", "!" or "," (a
    quote inside it closing too: "..., this is the first time I've ever seen this,’ ”
    Perry told The Washington Post."), when that sentence starts on the quote's line,
    right after it and holds no quote of its own: where its attribution ("...?" Hua
    said.) was cut off as a sentence of its own. None otherwise."""
    inner = text[span.start:span.end].rstrip()
    core = inner[:-1].rstrip(" '’\"”»") if len(inner) >= 2 else ""
    if not core or core[-1] not in "?!,":
        return None
    rest = text[span.end:span.end + 2]
    if not rest[:1].isspace() or "\n" in rest:
        return None
    nxt = [(a, b) for a, b in sents if a >= span.end]
    if not nxt or "\n" in text[span.end:nxt[0][0]]:
        return None
    if any(ch in OPENERS or ch in CLOSERS for ch in text[nxt[0][0]:nxt[0][1]]):
        return None  # a sentence with a quote of its own: '... ‘Who?’ ” Comparing himself to his brother, he said, “...”'
    return nxt[0][1]


# Verbs that introduce a quote after a colon besides SPEECH_VERBS: "Hamilton groaned:",
# "Teigen cracked:", "A warning sign reads:", "It read:". Not "continue": "But the confusion
# over the source of the gunshots continues:" introduces radio calls, not the confusion's words.
COLON_VERBS = frozenset({"groan", "crack", "read", "reveal", "exclaim", "sigh", "scream", "yell",
                         "shout", "whisper", "cry", "plead", "beg", "instruct", "order", "advise"})


# ... and, when the clause names a statement, the verbs that hand one over.
STATEMENT_VERBS = frozenset({"email", "provide", "issue", "release", "send", "publish", "give"})


def _colon_verb(doc: Any, span: QuoteSpan) -> Any | None:
    """The speech verb of the clause a colon closes right before the quote, on its line or
    ending the line before when the quote opens a line: "Devastated Hayley added: “...”",
    "He stressed:\n“...”". Only the last sentence before the colon is read."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, span.start) + 1
    if not text[line_start:span.start].strip() and line_start > 0:
        line_start = text.rfind("\n", 0, line_start - 1) + 1  # the line before introduces it
    before = text[line_start:span.start]
    colon = re.search(r":\s*$", before)
    if colon is None:
        return None
    clause_start = line_start + max((m.end() for m in re.finditer(r"[.!?][\"”’']?\s+", before[:colon.start()])),
                                    default=0)
    region = doc.char_span(clause_start, line_start + colon.start(), alignment_mode="expand") or ()
    lemmas = SPEECH_VERBS | COLON_VERBS
    if any(t.lower_ in {"statement", "statements"} for t in region):
        lemmas = lemmas | STATEMENT_VERBS  # "A spokesman for Microsoft emailed Newsweek the following statement:"
    verbs = [t for t in region if t.pos_ in {"VERB", "AUX"} and t.lemma_ in lemmas
             and clause_start <= t.idx < line_start + colon.start()]
    if not verbs:  # a name's act on a platform: "Sadiq Khan paid tribute on Twitter:"
        verbs = [v for t in region if t.lower_ in PLATFORMS and t.dep_ == "pobj" and clause_start <= t.idx
                 for v in [next((a for a in t.ancestors if a.pos_ == "VERB"), None)]
                 if v is not None and getattr(_subject(v), "pos_", None) == "PROPN"]
    return verbs[-1] if verbs else None


def _according_to(doc: Any, span: QuoteSpan, lo: int, hi: int) -> Any | None:
    """X of an "according to X" outside the quote, in the quote's sentence(s)."""
    region = doc.char_span(lo, hi, alignment_mode="expand") or ()
    for tok in region:
        if tok.lower_ == "according" and not span.start <= tok.idx < span.end:
            objs = [c for t in tok.children if t.lower_ == "to" for c in t.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def _continues(quotes: Sequence[Quote], span: QuoteSpan, sent_start: int, text: str,
               left_open: bool = False) -> bool:
    """A whole-sentence quote right after the previous quote in the same paragraph, the
    next paragraph of a quote left open at its paragraph's end (the convention for a
    speech over several paragraphs: each opens with a quote mark, only the last closes),
    or a paragraph opening with a quote after one that ended on an attributed quote."""
    if not quotes:
        return False
    gap = text[quotes[-1].evidence.end : span.start]
    if left_open and not gap.strip():
        return True
    if span.start != sent_start:
        return False
    if "\n" in gap:
        # a paragraph that opens with a quote, right after a paragraph that closed on an
        # attributed quote and its attribution: '..., or anyone else for that matter," he
        # said.' then '"But an olive branch is always wrapped in ..."' is the same speaker.
        # The new paragraph must be the quote alone ("“Panama is part of the story ...,”
        # Álvaro Alemán Healy ... pointed out." has its own speaker, whatever the verb).
        tail, *rest = gap.split("\n")
        line_end = text.find("\n", span.end)
        alone = not text[span.end:len(text) if line_end < 0 else line_end].strip()
        return alone and len(rest) == 1 and not rest[0].strip() and _attribution_only(quotes[-1], tail)
    if len(_WORD.findall(gap)) <= 8:
        return True
    # the previous quote's attribution, one sentence however long, and nothing else: '“It’s
    # pretty unusual,” said Jeffrey Lewis, head of the East Asia Nonproliferation Program at
    # the Middlebury Institute of Strategic Studies in California. “North Korea’s ...”'
    return _attribution_only(quotes[-1], gap)


def _reported_before(doc: Any, sents: Sequence[tuple[int, int]], span: QuoteSpan, sent_start: int,
                     spans: Sequence[QuoteSpan]) -> Any | None:
    """The subject of the sentence right before a quote that stands alone in its sentence,
    when that sentence reports what its subject said (its main verb a speech verb) and
    holds no quote: "Croydon Central MP Gavin Barwell said his friend was on the tram." then
    "“He's been injured ...”" gives Barwell's words (so does a sentence that ends
    "according to X"); "Palmer announced his retirement ...
    one day after Arians said he was leaving" gives Palmer's. The quote must open its
    sentence, and the sentence before must end on the quote's line or the line before. A
    speech verb set off inside that sentence counts as its main verb ("The first “attack,”
    she says, came not long after in Weinstein's suite." then "“It was such a bat to the
    head ...”"), and a quote of fewer than MIN_SENTENCE_WORDS words in it (a scare quote) is
    no quote of its own."""
    if span.start != sent_start:
        return None
    earlier = [s for s in sents if s[1] <= sent_start]
    if not earlier:
        return None
    lo, hi = earlier[-1]
    text = doc_text(doc)
    between = text[hi:sent_start]
    if between.count("\n") > 1 or between.strip() or any(
            q.start < hi and lo < q.end and len(_WORD.findall(text[q.start:q.end])) >= MIN_SENTENCE_WORDS
            for q in spans):
        return None  # a sentence with a quote of its own ('He tweeted: 'Falcon Heavy ...') is handled as such
    region = doc.char_span(lo, hi, alignment_mode="expand")
    # the main verb, or a speech verb set off inside the sentence ("The first “attack,” she
    # says, came not long after ..."): the sentence tells what its subject says
    roots = [t for t in region or () if t.pos_ == "VERB" and t.lemma_ in SPEECH_VERBS
             and (t.dep_ == "ROOT" or (t.dep_ == "parataxis" and t.head.dep_ == "ROOT" and _subject(t) is not None))]
    if not roots:
        # "They have since disappeared, according to Robert Beiser, executive director of
        # Seattle Against Slavery." then "“They were in debt ...”": the source it ends on
        ends = [t for t in region or () if t.lower_ == "according" and t.head.dep_ == "ROOT"]
        objs = [c for t in ends[-1:] for p in t.children if p.lower_ == "to" for c in p.children if c.dep_ == "pobj"]
        return objs[0] if objs and objs[0].pos_ in {"PROPN", "NOUN"} else None
    if len(roots) != 1 or any(c.dep_ == "neg" for c in roots[0].children):
        return None  # "The U.S. State Department did not immediately respond" reports nothing
    subj = _subject(roots[0])
    if subj is not None and any(c.dep_ == "det" and c.lower_ in _SOME for c in subj.children):
        return None  # "Some reports had claimed ..." names no one whose words follow
    return subj if subj is not None and subj.pos_ in {"PROPN", "NOUN", "PRON"} else None


_SOME = frozenset({"some", "many", "several", "other", "various"})


def _attribution_only(quote: Quote, after: str) -> bool:
    """Whether ``after`` (the text following ``quote``) is at most its attribution: the
    quote has a speaker, and ``after`` is one sentence of MAX_ATTRIBUTION_WORDS words or
    fewer with no other sentence end or quote mark in it."""
    plain = _ABBREVIATION.sub("", after.strip().rstrip("."))  # "said Mr. Porras", "Dr. Xinyu Dai"
    return (quote.speaker is not None and len(_WORD.findall(after)) <= MAX_ATTRIBUTION_WORDS
            and not re.search(r"[.!?;:\"“”]", plain))


# Full stops that end no sentence: titles, name suffixes and initials ("Mr.", "Jr.", "J.", "U.S.").
_ABBREVIATION = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|Rev|St|Jr|Sr|Inc|Co|Corp|Ltd|"
                           r"No|Mt|Ft|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec)\.|\b[A-Z]\.")


def _source_of_sentence(t: Any, noun: Any) -> bool:
    """Whether a name is what its sentence is "according to" ("According to All Nippon
    Airways, ..."): the source of what the sentence says, as a speaker is; not one an
    apposition calls another kind of body than ``noun`` ("According to The Louisville
    Cardinal, the University of Louisville's student paper, the university stated")."""
    if not (t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lower_ == "according"):
        return False
    kinds = {c.lemma_.lower() for c in t.children if c.dep_ == "appos"}
    return not (kinds & (_BODY_NOUNS | _BODY_WORDS) - {noun.lower_})
