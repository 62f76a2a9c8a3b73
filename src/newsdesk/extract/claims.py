"""Claims: the factual statements of one article, each a clause or sentence with its span.

Reads ``article.sentences`` (or the parsed ``doc``'s sentences when unset) and the
article's annotations (quotes and citations, to mark kind and origin). Headings,
fragments and boilerplate-like lines are not claims. A sentence whose root verb is
coordinated with another full clause ("X did A, and Y did B") yields one claim per
clause. ``kind`` is "fact", "quote", "opinion" or "question"; ``origin`` is the source
the article attributes the statement to (a citation or a quote's speaker), if any;
``checkworthy`` is ``worthiness.checkworthiness`` of the claim's own words (a quote's
words inside its marks, read in the speaker's voice: ``speaker_view``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from newsdesk.extract.citations import DOCUMENT_NOUNS, SYNDICATION
from newsdesk.extract.quotes import SPEECH_VERBS, quote_holding
from newsdesk.extract.worthiness import checkworthiness
from newsdesk.model import Article, ArticleAnnotations, Claim, content_hash
from newsdesk.nlp import SUBJECT_DEPS, doc_sentences, doc_text, region_heads
from newsdesk.segment import EDITORS_NOTE, PHOTO_DESCRIPTION, POST_SIGNATURE

# Sentences shorter than this (in word tokens) are fragments, not claims ("Yeah, you
# read that right." is 6); chosen by reading the giveme5w1h and example corpora.
MIN_CLAIM_TOKENS = 5
# A clause split off a coordinated sentence must keep this many word tokens.
MIN_CLAUSE_TOKENS = 4
# Over this share of capitalised words, a line without final punctuation is a heading.
HEADING_CAPS_SHARE = 0.6
# List items shorter than this (word tokens) are not claims of their own ("radars").
MIN_ITEM_TOKENS = 2
# Dependency labels of coordinated objects whose items become claims.
_OBJECT_DEPS = {"dobj", "pobj", "attr", "appos"}
# Share of Latin letters below which a sentence is not English text (not a claim).
LATIN_SHARE = 0.8

_END_PUNCT = (".", "!", "?", "\u201d", '"', "'", "\u2019", ")", ":")
_QUOTE_CHARS = ('"', "\u201c", "\u201d", "\u00ab", "\u00bb")
_OPINION_MODALS = {"should", "must", "ought"}
# "could/may/might" on the main verb: speculation, not a reported fact.
_SPECULATIVE_MODALS = {"could", "may", "might"}
# Verbs of the writer's own analysis when the subject is "this/these/that" ("This underscores").
_ANALYSIS_VERBS = {"highlight", "underscore", "underline", "illustrate", "signal", "show", "suggest",
                   "reflect", "demonstrate", "mark", "indicate", "point", "serve", "illustrates"}
_DEMONSTRATIVES = {"this", "these", "that", "those", "it"}
# Verbs that only a writer's analysis uses with a thing as subject ("The stalemate
# illustrates ..."); a document or a named actor as subject reports ("The memo highlights").
_JUDGING_VERBS = {"underscore", "underline", "illustrate", "highlight", "exemplify", "epitomize", "epitomise"}
_DOCUMENT_NOUNS = DOCUMENT_NOUNS | {"poll", "letter", "figure", "statistic", "research", "review", "audit",
                                    "statement", "video", "photo", "image", "map", "chart", "message", "paper",
                                    "assessment", "indictment", "complaint", "lawsuit", "ruling"}
# Predicate adjectives of judgement: "X is crucial / paramount / clear", "seems unlikely".
_JUDGING_ADJECTIVES = {"crucial", "paramount", "essential", "vital", "imperative", "clear", "obvious", "evident",
                       "undeniable", "unlikely", "likely", "ironic", "telling", "noteworthy", "remarkable",
                       "striking", "worrying", "troubling", "alarming", "concerning", "precarious", "laughable"}
_SAYING = SPEECH_VERBS - _JUDGING_VERBS  # "officials said", not "the attack highlighted"
_COPULAS = {"be", "seem", "appear", "remain", "look"}
_PLAIN_ADJECTIVES = {"clear", "obvious", "evident"}
_FIRST_SECOND = {"i", "we", "you", "our", "us", "my", "your"}
# Sentence openers that announce the writer's own summary or judgement, not a report.
_OPINION_OPENERS = ("in summary", "in conclusion", "ultimately", "clearly", "arguably", "in short")


def _tokens(span: Any) -> list[Any]:
    return [t for t in span if not t.is_punct and not t.is_space]


def _has_predicate(span: Any) -> bool:
    """A finite clause: a verb (or copula) with a subject somewhere in the span."""
    has_verb = any(t.pos_ in {"VERB", "AUX"} for t in span)
    has_subj = any(t.dep_ in SUBJECT_DEPS for t in span)
    return has_verb and has_subj


# Words that open an unpunctuated heading that reads as a clause ("Why X wants Y").
_WH_OPENERS = frozenset({"why", "how", "what", "when", "where", "who", "which"})


def _is_heading(text: str, span: Any) -> bool:
    """Title-cased lines (whatever their end), unpunctuated lines without a clause, and
    unpunctuated ones opening with a wh-word."""
    words = [t for t in _tokens(span) if t.is_alpha]
    if not words:
        return True
    caps = sum(1 for t in words if t.text[0].isupper())
    if caps / len(words) >= HEADING_CAPS_SHARE:
        return True
    if not text.rstrip().endswith(_END_PUNCT):
        # an explainer's heading or a linked one: "Why North Korea wants nukes and missiles"
        # (a comma marks a sentence cut short: "When a Falcon 9 exploded ..., the pad was")
        return not _has_predicate(span) or (words[0].lower_ in _WH_OPENERS and "," not in text)
    return False


def _mostly_latin(text: str) -> bool:
    """English claims only: most letters are Latin (drops e.g. Cyrillic donation lines)."""
    letters = [ch for ch in text if ch.isalpha()]
    latin = sum(1 for ch in letters if ch < "\u0250")
    return bool(letters) and latin / len(letters) >= LATIN_SHARE


# A single-quoted passage, as British and tabloid copy quotes speech ("yells down,
# 'mommy's right here,'"): the mark opens a word and closes one; an apostrophe inside a
# word ("mommy's", "don't") does neither. Wider than ``quotes._SINGLE``/``_STRAIGHT``
# (quotes to attribute, opening before a letter, two words or more): here it only keeps a
# quoted passage's pronouns and modals from counting as the writer's.
_SINGLE_QUOTED = re.compile(r"(?:^|(?<=[\s(\[\u201c\"\u2014-]))['\u2018](?=\S)[^\n]*?(?<=\S)['\u2019](?=$|[\s.,;:!?)\u201d\"\u2014-])")


def _single_quoted(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` in single quote marks (``_SINGLE_QUOTED``)."""
    return [m.span() for m in _SINGLE_QUOTED.finditer(text)]


def _in_quote_marks(text: str) -> bool:
    """Most of the sentence sits between quote marks, double or single (a direct quotation)."""
    inside = 0
    depth = False
    single = _single_quoted(text)
    for i, ch in enumerate(text):
        if ch in _QUOTE_CHARS:
            depth = not depth
            continue
        if (depth or any(a < i < b - 1 for a, b in single)) and not ch.isspace():
            inside += 1
    letters = sum(1 for ch in text if not ch.isspace())
    return letters > 0 and inside / letters >= 0.5


def _is_commentary(span: Any) -> bool:
    """The writer's analysis: "This underscores ...", or speculation on the main verb."""
    return _comments(span.root)


def _comments(root: Any) -> bool:
    """``_is_commentary`` of the clause whose verb is ``root``."""
    negated = any(c.dep_ == "neg" for c in root.children)
    # "could not be reached" is what happened (past inability), not speculation
    if any(c.lower_ in _SPECULATIVE_MODALS and c.dep_ == "aux" and not (negated and c.lower_ == "could")
           for c in root.children):
        return True
    if root.lemma_.lower() not in _ANALYSIS_VERBS:
        return False
    subj = [c for c in root.children if c.dep_ in SUBJECT_DEPS]
    return any(s.lower_ in _DEMONSTRATIVES or any(c.lower_ in _DEMONSTRATIVES for c in s.children) for s in subj)


def _attributed(span: Any) -> bool:
    """The span reports a source: "according to", or a verb of saying."""
    return any(t.lower_ == "according" or (t.pos_ == "VERB" and t.lemma_.lower() in _SAYING) for t in span)


def _is_judgement(span: Any) -> bool:
    """The writer judging, not reporting: a thing "illustrates" or "underscores" something
    ("The stalemate illustrates the precarious nature of the regime"), or a judging
    adjective is the predicate ("The implication is clear", "Addressing it is paramount",
    "a deployment seems unlikely"). Inside quote marks it is the speaker's, not the writer's."""
    if _attributed(span):
        return False  # a source's assessment ("very likely a Hwasong 12, according to ...") is reported
    root = span.root
    # "The situation underscores a point: ..." parses as a clause under the one after the
    # colon (not so for "The result is clear: turnout rose", which reports after the colon)
    lead = [c for c in root.children if c.dep_ == "ccomp" and c.i < root.i
            and any(t.text == ":" for t in span.doc[c.right_edge.i:root.i])]
    return _judges(root, span) or any(_judges(v, span, copulas=False) for v in lead)


def _judges(verb: Any, span: Any, copulas: bool = True, own_words: bool = False) -> bool:
    """Whether ``verb``'s clause judges (``_is_judgement``); a verb inside quote marks is a
    speaker's, not the writer's, unless ``own_words`` says the span is the speaker's."""
    if not own_words and _inside_quotes(verb, span):
        return False
    lemma = verb.lemma_.lower()
    if lemma in _JUDGING_VERBS:
        subj = [c for c in verb.children if c.dep_ in {"nsubj", "csubj"}]
        return bool(subj) and all(
            s.pos_ == "NOUN" and s.ent_type_ == "" and s.lemma_.lower() not in _DOCUMENT_NOUNS for s in subj)
    if copulas and lemma in _COPULAS:
        predicates = [c for c in verb.children if c.dep_ in {"acomp", "oprd"}]
        # a judging adjective on the predicate noun: "Diversifying ... are crucial steps"
        predicates += [a for c in verb.children if c.dep_ == "attr" and c.pos_ == "NOUN"
                       for a in c.children if a.dep_ == "amod" and a.i < c.i]
        adjectives = {c.lemma_.lower() for c in predicates} & _JUDGING_ADJECTIVES
        if adjectives <= _PLAIN_ADJECTIVES and any(c.dep_ == "neg" for c in verb.children):
            return False  # "it is not clear what caused the crash" reports what is unknown
        return bool(adjectives)
    return False


def _is_opinion(text: str, span: Any) -> bool:
    low = text.lower().lstrip()
    if low.startswith(_OPINION_OPENERS) or _is_commentary(span) or _is_judgement(span):
        return True
    outside = _outside_quotes(span)
    if any(t.lower_ in _OPINION_MODALS and t.tag_ == "MD" and not _reported(t) and not _describes_noun(t)
           for t in outside):
        return True
    if _imperative(span):
        return True  # the reader told what to do: "Email us at ... or call ..."
    # the writer speaking as "I"/"we", or to the reader; "our galaxy", "my wife" in a
    # report are no judgement
    return any(t.lower_ in _FIRST_SECOND and t.pos_ == "PRON"
               and (t.dep_ in {"nsubj", "nsubjpass"} or t.lower_ in {"you", "your"}) for t in outside)


# What a speaker's own words give as a view or an intention rather than a fact they
# report: a stance verb of "I"/"we" ("I think", "we believe"), a promise ("we will",
# "I'm going to"), a call on "we"/"you" ("we need to", "you have to").
_STANCE_VERBS = frozenset("think believe feel hope want wish guess suppose bet promise intend plan like love hate"
                          .split())
_SPEAKERS = frozenset({"i", "we"})
# Stance verbs that hedge a statement rather than want something: "I think he paid about
# 40 percent in taxes" still states a figure one could check.
_BELIEVING = frozenset({"think", "believe", "guess", "suppose", "bet"})
_PROMISING = frozenset({"will", "wo", "'ll", "\u2019ll", "gonna", "going", "shall"})
# Feelings "I"/"we" state ("we are deeply concerned", "I was disappointed in the ruling",
# "I'm shocked and saddened"): the speaker's state, nothing one could check.
_FEELINGS = frozenset("""afraid angry anxious appalled ashamed concerned delighted devastated disappointed
    disgusted excited frightened frustrated furious glad grateful happy heartbroken honored honoured horrified
    hopeful optimistic outraged pleased proud relieved sad saddened scared shocked sorry surprised thankful
    thrilled troubled upset worried""".split())


def speaker_view(tokens: Sequence[Any]) -> bool:
    """Whether a speaker's own words (the inside of a quote, a transcript line) give a view
    or an intention, not a fact one could check: every main verb of the words is a stance
    or promise of "I"/"we" (``_STANCE_VERBS``, ``_PROMISING``; but "I think" before a
    number hedges a figure one could check: ``_BELIEVING``), a feeling of theirs ("we
    are deeply concerned": ``_FEELINGS``), a call ("we need to"), a
    modal of opinion or speculation ("should", "ought", "could"), a judging predicate ("it
    is crucial"), the writer-style analysis of ``_is_commentary``, or an imperative; or
    the words open with a summing-up ("In short"). First person alone says nothing here:
    "We lost 70,000 factories" is the speaker's checkable claim."""
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if not words:
        return False
    if doc_text(words[0].doc)[words[0].idx:words[-1].idx + len(words[-1])].lower().startswith(_OPINION_OPENERS):
        return True
    verbs = [t for t in region_heads(tokens) if t.pos_ in {"VERB", "AUX"} and not (t.is_punct or t.is_space)]
    span = words[0].doc[words[0].i:words[-1].i + 1]
    return bool(verbs) and all(_views(v, span, v.i == words[0].i) for v in verbs)


def _views(verb: Any, span: Any, first: bool) -> bool:
    """``speaker_view`` of one main verb (``first``: the words open with it)."""
    subjects = {c.lower_ for c in verb.children if c.dep_ in SUBJECT_DEPS}
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    lemma = verb.lemma_.lower()
    if subjects & _SPEAKERS and lemma in _BELIEVING and _counts(verb):
        return False  # "I believe there are 1.4 million children without health insurance"
    if subjects & _SPEAKERS and (lemma in _STANCE_VERBS or auxiliaries & _PROMISING):
        return True
    if lemma in {"need", "have"} and subjects & {"we", "you"} and any(c.dep_ == "xcomp" for c in verb.children):
        return True
    if subjects & _SPEAKERS and _feels(verb):
        return True
    if (auxiliaries | {verb.lower_}) & _OPINION_MODALS or _comments(verb) or _judges(verb, span, own_words=True):
        return True
    return first and verb.tag_ == "VB" and not subjects


def _counts(verb: Any) -> bool:
    """A number other than "one" in what ``verb`` says (its clausal complement)."""
    said = [t for c in verb.children if c.dep_ in {"ccomp", "xcomp"} for t in c.subtree]
    return any(t.pos_ == "NUM" and t.like_num and t.lower_ != "one" for t in said)


def _feels(verb: Any) -> bool:
    """The verb states a feeling (``_FEELINGS``): "are concerned" (a copula and its
    adjective) or "was disappointed" (the participle itself)."""
    if verb.lemma_.lower() in _COPULAS:
        return any(c.dep_ in {"acomp", "oprd"} and c.lower_ in _FEELINGS for c in verb.children)
    return verb.tag_ == "VBN" and verb.lower_ in _FEELINGS


def _imperative(span: Any) -> bool:
    """The sentence opens with a bare verb that has no subject ("Email us at ...")."""
    words = _tokens(span)
    root = span.root
    return bool(words) and words[0].i == root.i and root.tag_ == "VB" and not any(
        c.dep_ in SUBJECT_DEPS for c in root.children)


def _describes_noun(token: Any) -> bool:
    """Whether ``token`` sits in a clause that describes a noun ("the principle that
    polluters should pay", "the steps that should have been taken"): what that clause's
    modal says belongs to the thing described, not to the writer's statement."""
    return any(t.dep_ in {"relcl", "acl"} for t in (token.head, *token.head.ancestors))


def _reported(token: Any) -> bool:
    """Whether ``token`` sits in a clause a third party's speech verb reports: "Benioff
    said that Facebook should be regulated" is his view, reported; "I said we should" is
    the writer's own."""
    child = token
    for head in token.ancestors:
        if child.dep_ == "ccomp" and head.pos_ == "VERB" and head.lemma_.lower() in _SAYING:
            subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS]
            return bool(subjects) and all(c.lower_ not in _FIRST_SECOND for c in subjects)
        child = head
    return False


def _inside_quotes(token: Any, span: Any) -> bool:
    before = doc_text(span.doc)[span.start_char:token.idx]
    return sum(before.count(q) for q in _QUOTE_CHARS) % 2 == 1


def _outside_quotes(span: Any) -> list[Any]:
    """The tokens of ``span`` not inside quote marks: ``_inside_quotes`` of each token, in
    one pass (quote marks are counted once, not again from the span start per token), and
    also not inside a single-quoted passage (``_SINGLE_QUOTED``), which ``_inside_quotes``
    does not read."""
    text = doc_text(span.doc)
    pos, marks = span.start_char, 0
    single = [(span.start_char + a, span.start_char + b) for a, b in _single_quoted(text[span.start_char:span.end_char])]
    out: list[Any] = []
    for t in span:
        marks += sum(text.count(q, pos, t.idx) for q in _QUOTE_CHARS)
        pos = max(pos, t.idx)
        if marks % 2 == 0 and not any(a < t.idx < b - 1 for a, b in single):
            out.append(t)
    return out


def classify_sentence(text: str, span: Any, quoted: bool) -> str | None:
    """The claim kind of one sentence, or None when it is not a claim at all."""
    if len(_tokens(span)) < MIN_CLAIM_TOKENS or not _mostly_latin(text) or _is_heading(text, span):
        return None
    if SYNDICATION.match(text.strip()):
        return None  # "This article originally appeared on CNET.": a citation, not a claim
    if PHOTO_DESCRIPTION.match(text):
        return None  # "In this Sept. 30, 2016, file photo, Singer Rihanna poses ...": a picture
    if EDITORS_NOTE.match(text):
        return None  # "This article was amended on 10 November 2016 to remove ...": about the copy, not the news
    if text.rstrip().rstrip("\u201d\"'").endswith("?"):
        return "question"
    if quoted or _in_quote_marks(text):
        return "quote"
    if not _has_predicate(span):
        return None
    if _is_opinion(text, span):
        return "opinion"
    return "fact"


def _clause_bounds(span: Any) -> list[tuple[int, int]]:
    """Token ranges of the full clauses coordinated under the sentence root."""
    root = span.root
    starts = [root.left_edge.i]
    for conj in root.conjuncts:
        if conj.i <= root.i or conj.head.i != root.i or conj.pos_ not in {"VERB", "AUX"}:
            continue
        if _bare_attribution(conj):
            continue
        if any(c.dep_ in SUBJECT_DEPS for c in conj.children):
            starts.append(conj.left_edge.i)
    starts = sorted(set(starts))
    if len(starts) == 1:
        return [(span.start, span.end)]
    bounds: list[tuple[int, int]] = []
    cuts = [span.start, *starts[1:], span.end]
    for a, b in zip(cuts, cuts[1:], strict=False):
        bounds.append((a, b))
    return bounds


def _bare_attribution(verb: Any) -> bool:
    """A saying verb with nothing said after it: the attribution of the clause before,
    which the parse joined to it as a conjunct ("Death toll ... rose to 85, Christian
    Estrosi, president of the Rivera region announced on Thursday.") and no claim."""
    return verb.lemma_ in _SAYING and not any(
        c.dep_ in {"ccomp", "dobj", "xcomp", "attr", "oprd", "dative"} for c in verb.children)


def _trim(doc: Any, start: int, end: int) -> tuple[int, int] | None:
    """Drop leading/trailing punctuation and conjunctions from a token range."""
    while start < end and (doc[start].is_punct or doc[start].dep_ == "cc" or doc[start].is_space):
        start += 1
    while end > start and (
        doc[end - 1].is_space or doc[end - 1].dep_ == "cc"
        or (doc[end - 1].is_punct and doc[end - 1].text in ",;:-\u2013")
    ):
        end -= 1
    return (start, end) if end > start else None


def split_clauses(span: Any) -> list[tuple[int, int]]:
    """Character spans of the claims in one sentence (the sentence itself if not split)."""
    doc = span.doc
    parts: list[tuple[int, int]] = []
    for a, b in _clause_bounds(span):
        trimmed = _trim(doc, a, b)
        if trimmed is None:
            continue
        sub = doc[trimmed[0]:trimmed[1]]
        if len(_tokens(sub)) < MIN_CLAUSE_TOKENS or not _has_predicate(sub):
            return [(span.start_char, span.end_char)]
        parts.append((sub.start_char, sub.end_char))
    return parts or [(span.start_char, span.end_char)]


def _content_words(tokens: Sequence[Any]) -> list[Any]:
    """An item's words besides determiners, pronouns and possessives ("five radars", not "his")."""
    return [t for t in tokens if t.pos_ not in {"DET", "PRON"} and t.tag_ != "PRP$"]


def _item_span(item: Any) -> tuple[int, int]:
    """Token range of one list item: its subtree without the following conjuncts."""
    right = item.i
    for child in item.children:
        if child.i > item.i and child.dep_ not in {"conj", "cc", "punct"}:
            right = max(right, child.right_edge.i)
    return item.left_edge.i, right + 1


def _close_quote(text: str, start: int, end: int) -> int:
    """Extend ``end`` over a closing quote mark when the span opened one ("\u201clogistical support\u201d")."""
    opened = sum(text.count(q, start, end) for q in _QUOTE_CHARS) % 2 == 1
    return end + 1 if opened and end < len(text) and text[end] in _QUOTE_CHARS else end


# Prepositions whose objects set the scene of a statement (its time or circumstance), not
# what it states.
_BACKGROUND_PREPS = frozenset({"since", "after", "before", "until", "till", "following", "amid", "amidst",
                               "during", "despite"})


def list_items(span: Any) -> list[tuple[int, int]]:
    """Character spans of the items of coordinated objects ("asked for A, B and C").

    Each item (a common-noun phrase of >= MIN_ITEM_TOKENS words besides determiners and
    possessives: "five radars", not "his wife") is a claim of its own: outlets often repeat
    one item of another outlet's list. The roles in a named person's appositive are not,
    nor the events of a time or circumstance ("since A and B", "amid A and B").
    """
    doc = span.doc
    out: list[tuple[int, int]] = []
    for tok in span:
        if tok.dep_ not in _OBJECT_DEPS or tok.pos_ not in {"NOUN", "PROPN"}:
            continue
        if tok.dep_ == "appos" and tok.head.pos_ == "PROPN":
            continue  # the roles of someone named: "Jim Steyer, chief executive and founder of Common Sense"
        if tok.dep_ == "pobj" and tok.head.lower_ in _BACKGROUND_PREPS:
            continue  # what the news is set against: "the first since North Korea's sixth nuclear test and new sanctions"
        items = [tok, *(c for c in tok.conjuncts if c.i > tok.i)]
        if len(items) < 2:
            continue
        whole = _listed_whole(tok)
        if whole is not None:
            out.append(whole)
        # a list that only says which ones a noun is of ("victims of sexual assault and
        # harassment", "the number of intermediaries, banks and law firms") states no item
        # it names plainly; an item with a figure, a name or quote marks still counts
        of_noun = tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in {"NOUN", "PROPN"}
        for item in items:
            trimmed = _trim(doc, *_item_span(item))
            if trimmed is None:
                continue
            sub = doc[trimmed[0]:trimmed[1]]
            words = _tokens(sub)
            if words and words[0].lower_ == "other":
                continue  # "Facebook and other tech giants": the rest of the list, unnamed, states nothing
            content = _content_words(words)
            plain = not any(t.like_num or t.pos_ in {"NUM", "PROPN"} or t.text in _QUOTE_CHARS for t in sub)
            if of_noun and plain and len(content) <= MIN_ITEM_TOKENS:
                continue
            if _mid_quotation(doc_text(doc), span.start_char, span.end_char, sub.start_char):
                continue  # a speaker's words: “out of touch with today's music, the music business, and society”
            if len(content) >= MIN_ITEM_TOKENS and any(t.pos_ == "NOUN" for t in sub):
                out.append((sub.start_char, _close_quote(doc_text(doc), sub.start_char, sub.end_char)))
    return out


# Prepositions that bring in the parts of what stands before them ("the refurbishment of
# planes, including engine and radar overhauls"; "basic goods such as rice and oil").
_PARTS_PREPS = frozenset({"including", "notably", "as"})


def _listed_whole(first: Any) -> tuple[int, int] | None:
    """Character span of the noun phrase a list gives the parts of, cut before the list:
    "the refurbishment of previously purchased Sukhoi fighter planes" in "asked for the
    refurbishment of previously purchased Sukhoi fighter planes, including engine and
    radar overhauls, the acquisition of missiles, and logistical support". The parser
    hangs the list on the nearest noun ("planes"); the whole is the outermost object
    noun whose "of" phrases reach it ("the refurbishment")."""
    prep = first.head
    if first.dep_ != "pobj" or prep.lower_ not in _PARTS_PREPS or prep.dep_ != "prep":
        return None
    if prep.lower_ == "as" and not (prep.i > 0 and prep.doc[prep.i - 1].lower_ == "such"):
        return None
    noun = prep.head
    while (noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ == "of"
           and noun.head.head.pos_ in {"NOUN", "PROPN"}):
        noun = noun.head.head
    if noun.pos_ not in {"NOUN", "PROPN"} or noun.dep_ not in _OBJECT_DEPS:
        return None
    end = prep.i - (1 if prep.lower_ == "as" else 0)
    trimmed = _trim(prep.doc, noun.left_edge.i, end)
    if trimmed is None or trimmed[1] <= noun.i:
        return None
    sub = prep.doc[trimmed[0]:trimmed[1]]
    content = _content_words(_tokens(sub))
    return (sub.start_char, sub.end_char) if len(content) >= MIN_ITEM_TOKENS else None


def _mid_quotation(text: str, start: int, end: int, at: int) -> bool:
    """Whether ``at`` lies inside a quotation (double or single quote marks) of the
    sentence ``text[start:end]`` that opened words before it: the list is then the
    speaker's phrasing, not things the outlet names. An item in quote marks of its own
    (“logistical support”, '14 sets') is not."""
    before = text[start:at]
    opened = [i for i, ch in enumerate(before) if ch in _QUOTE_CHARS]
    if len(opened) % 2 == 1 and re.search(r"\w", before[opened[-1] + 1:]):
        return True
    return any(a < len(before) < b and re.search(r"\w", before[a + 1:]) for a, b in _single_quoted(text[start:end]))


# Clause markers whose clause is supposed, not stated ("if Russia sends jets"), or set
# against the statement ("although", "unless").
_UNSTATED_MARKS = frozenset({"if", "whether", "unless", "although", "though", "lest", "once", "until", "till"})
# Marks of a clause that times the one it hangs on ("after the tax is paid, companies
# will ..."): under a verb with a modal, what it tells is still to come or supposed.
_TIME_MARKS = frozenset({"after", "before", "when", "whenever"})
# Subjects that point outside the clause (a relative or question word): "which does not
# recognize Maduro", "what happened".
_POINTING_SUBJECTS = frozenset({"which", "that", "who", "whom", "whose", "what", "whatever", "whoever"})
# Words that open a reported question: "asked what type of missile was launched".
_ASKING = frozenset({"what", "how", "which", "who", "whom", "whose", "why", "whether", "where"})
# An embedded clause covering more than this share of its sentence's words restates it.
EMBEDDED_SHARE = 0.8


def embedded_clauses(span: Any) -> list[tuple[int, int]]:
    """Character spans of the full clauses embedded in a sentence: a clause with its own
    subject and verb that a reporting frame carries ("Recent reports reveal that Maduro
    has reached out to Moscow"), or that states a fact beside the main one ("a need so
    pressing that President Maduro has appealed to Putin for assistance", "... as the
    United States increases pressure on his government"). Outlets often state one of them
    as a sentence of its own. Not a relative clause, nor one supposed or conceded ("if",
    "whether", "although"), nor a question reported ("what type of missile was
    launched"), nor one whose subject is a pronoun or a relative word (its
    actor is outside it), nor a quotation (``_quoted_clause``: a quote is its own claim;
    a report quoting a few words of its object is not one), nor one short or nearly the
    whole sentence. Each span opens after the clause's marker
    ("that", "as")."""
    doc = span.doc
    words = len(_tokens(span))
    out: list[tuple[int, int]] = []
    for verb in span:
        # a clause joined to a reported one, with its own subject ("police said a ship struck
        # a bridge and 25 people were injured"): a fact of its own, as in a main clause
        conjunct = verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and _joined_clause(verb)
        if (verb.dep_ not in {"ccomp", "advcl"} and not conjunct) or verb.pos_ not in {"VERB", "AUX"} \
                or verb.i == span.root.i:
            continue
        if not span.start <= verb.head.i < span.end:
            continue  # hung on a word of another sentence (a parse across the break): a main clause
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subjects or any(c.lower_ in _POINTING_SUBJECTS or c.pos_ == "PRON" for c in subjects):
            continue  # a pronoun's actor is outside the clause: "Citigroup said it expects a hit"
        if any(c.dep_ == "mark" and c.lower_ in _UNSTATED_MARKS for c in verb.children):
            continue
        if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in verb.children) \
                and any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.head.children):
            continue  # "After that one-time tax is paid, companies will be able to ...": still to come
        if any(c.dep_ == "aux" and (c.lower_ in _SPECULATIVE_MODALS or c.i < subjects[0].i) for c in verb.children):
            continue  # "Russia could send jets"; "should it attempt to unseat Maduro" (a condition)
        if not _finite(verb):
            continue  # "making Thurman perform a car stunt": what was made to happen, not a statement
        # the clause less what trails it after a comma ("..., adding an air of uncertainty")
        end = verb.i + 1
        for c in verb.children:
            if c.i > verb.i and not (c.dep_ in {"advcl", "punct", "cc", "conj"} and doc[c.left_edge.i - 1].text == ","):
                end = max(end, c.right_edge.i + 1)
        # ... and less a clause joined to it that has its own subject (stated on its own)
        joined = [c.left_edge.i for c in verb.children if c.dep_ == "conj" and _joined_clause(c)]
        end = min([end, *joined])
        start, end = max(verb.left_edge.i, span.start), min(end, span.end)
        end = _without_stolen_subject(doc, start, end, span.end)
        # a clause opens at its marker: what the parse hung on its verb before it is the
        # frame's ("reported this week, citing unidentified officials, that Chinese ships ...")
        marks = [c.i for c in verb.children if c.dep_ == "mark" and start < c.i < verb.i]
        start = marks[0] if marks else start
        while start < end and (doc[start].dep_ == "mark" and doc[start].head.i == verb.i):
            start += 1
        if doc[start].lower_ in _ASKING:
            continue  # a question reported, not a statement: "what type of missile was launched"
        if doc[start].lower_ == "when" and doc[start].head.i == verb.i:
            if {verb.tag_, *(c.tag_ for c in verb.children if c.dep_ in {"aux", "auxpass"})} & {"VBZ", "VBP"}:
                continue  # "when its boosters are not recovered": what happens each time, if
            start += 1  # "when North Korea launched three missiles" states the launch
        trimmed = _trim(doc, start, end)
        if trimmed is None:
            continue
        sub = doc[trimmed[0]:trimmed[1]]
        if sub.start_char > 0 and not doc_text(doc)[sub.start_char - 1].isspace() \
                and doc[sub.start].is_alpha and doc[sub.start - 1].text in {"-", "\u2010", "\u2011"}:
            continue  # a subject cut out of a hyphenated name: "Sharif is in a walled compound" (Mazar-e-Sharif)
        n = len(_tokens(sub))
        if n < (MIN_CLAUSE_TOKENS if conjunct else MIN_CLAIM_TOKENS) or n > EMBEDDED_SHARE * words \
                or _inside_quotes(verb, span):
            continue
        if _is_commentary(sub) or _is_judgement(sub) or "\n" in sub.text or _quoted_clause(sub, verb, subjects, span.end_char):
            continue
        out.append((sub.start_char, sub.end_char))
    return out


_TAIL_MARKS = " .,;:!?'’" + "".join(_QUOTE_CHARS)
# Penn tags of a verb or auxiliary that make its clause finite (tense or a modal).
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _joined_clause(verb: Any) -> bool:
    """Whether ``verb`` heads a clause coordinated with its head's by a conjunction right
    before its subject ("a ship struck a bridge and 25 people were injured"), not a
    participle the parse took for one ("roll out Augmented Reality Stickers themed
    around winter sports") nor a clause joined without one (", while ... contributed")."""
    if verb.dep_ != "conj" or verb.pos_ not in {"VERB", "AUX"} or verb.head.pos_ not in {"VERB", "AUX"}:
        return False
    if not any(c.dep_ in SUBJECT_DEPS and c.i < verb.i for c in verb.children) or not _finite(verb):
        return False
    before = verb.left_edge.i - 1
    return before > verb.head.i and verb.doc[before].dep_ == "cc" and verb.doc[before].head.i == verb.head.i


def _without_stolen_subject(doc: Any, start: int, end: int, limit: int) -> int:
    """The end of a clause (token range) less a last conjunct that is the subject of the
    verb after it, which the parser hung on a noun of the clause and left that verb
    without one: "China supplies North Korea with oil and Russia \u201cis the largest
    employer of North Korean forced labor\u201d" (Russia a conjunct of oil), "A crisis task
    force was set up in Berlin and the foreign minister, Frank-Walter Steinmeier, was
    receiving continual updates" (the minister a conjunct of Berlin). Cut before its
    "and": "China supplies North Korea with oil". ``end`` when there is none."""
    for conj in doc[start:end]:
        if conj.dep_ != "conj" or conj.pos_ not in {"NOUN", "PROPN"} or not start <= conj.head.i < conj.i:
            continue
        k = conj.right_edge.i + 1
        if k < end:
            continue  # the clause goes on after the conjunct: it is no subject cut off
        while k < limit and (doc[k].is_punct or doc[k].is_space or doc[k].dep_ in {"aux", "auxpass"}):
            k += 1
        verb = doc[k] if k < limit else None
        if (verb is None or verb.pos_ not in {"VERB", "AUX"} or verb.dep_ == "conj"
                or any(c.dep_ in SUBJECT_DEPS for c in verb.children) or not _finite(verb)):
            continue
        cc = [c for c in conj.head.children if c.dep_ == "cc" and conj.head.i < c.i < conj.i]
        if cc:
            return cc[-1].i
    return end


def _finite(verb: Any) -> bool:
    """Whether a clause's verb carries tense itself or through an auxiliary ("launched",
    "has reached", "will send"); "making Thurman perform ...", "saw him fall" do not."""
    return verb.tag_ in _FINITE_TAGS or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in _FINITE_TAGS for c in verb.children)


def _quoted_clause(sub: Any, verb: Any, subjects: Sequence[Any], sentence_end: int) -> bool:
    """Whether a clause that holds quote marks is a quotation rather than the writer's
    report: marks left open (one that closes the sentence after the clause's end counts:
    "... the mistake.”"), its verb or subject quoted, or a quoted description after "be"
    ("the attack was “a cowardly act”": the words are the speaker's view). A report that
    quotes what its actor did stays one: "the company appreciates Horomanski's
    “willingness to reach out to us about the mistake”" (the company's thanks,
    reported) is the claim another outlet writes "said they appreciated the customer
    reaching out"."""
    tail = doc_text(sub.doc)[sub.end_char:sentence_end]
    closing = sum(tail.count(q) for q in _QUOTE_CHARS) if not tail.strip(_TAIL_MARKS) else 0
    marks = sum(sub.text.count(q) for q in _QUOTE_CHARS) + closing
    if not marks:
        return False
    own = {t.i for t in _outside_quotes(sub)}
    return marks % 2 == 1 or verb.lemma_ == "be" or any(t.i not in own for t in (verb, *subjects))


def _sentence_spans(article: Article, doc: Any) -> list[tuple[int, int]]:
    if article.sentences:
        return [(s.start, s.end) for s in article.sentences]
    return doc_sentences(doc)


def _origin(start: int, end: int, annotations: ArticleAnnotations, quote_speaker: str | None) -> str | None:
    for c in annotations.citations:
        if c.evidence.start < end and start < c.evidence.end:
            return c.cites
    return quote_speaker


def _quote_speaker(text: str, start: int, end: int, annotations: ArticleAnnotations) -> tuple[bool, str | None]:
    """Whether [start, end) is a quote's words, and whose: mostly a quote's, or the end of
    an embedded post, its signature after its words ("This is a great great sight
    pic.twitter.com/... — Steve DiMeglio (@Steve_DiMeglio) November 3, 2016": the post is
    its author's words, however few of them the sentence holds)."""
    q = quote_holding(start, end, annotations.quotes)
    if q is None and (sig := POST_SIGNATURE.search(text, start, end)) is not None:
        held = [x for x in annotations.quotes if start < x.evidence.end <= sig.start()]
        return True, held[-1].speaker if held else None
    return q is not None, q.speaker if q is not None else None


def _clause_kind(doc: Any, piece: tuple[int, int]) -> str:
    """The kind of one coordinated clause of a fact sentence: the writer's judgement or
    speculation in a clause of its own ("...; understanding it is crucial", "..., and a
    misstep could escalate") is opinion, as it would be in a sentence of its own."""
    sub = doc.char_span(*piece, alignment_mode="expand")
    return "opinion" if sub is not None and (_is_commentary(sub) or _is_judgement(sub)) else "fact"


# A label in capitals before a colon that opens a sentence: a section's kicker ("FUTURE
# FLIGHTS: SpaceX already has customers lined up") or a transcript's speaker ("WALT: We
# hear that more than 70 people are dead"), no words of the statement.
_KICKER = re.compile(r"[A-Z][A-Z0-9&'\u2019. -]*[A-Z0-9]:[ \t]+(?=[A-Z\u201c\"\u2018'])")


def _claims_in_sentence(
    article: Article, doc: Any, start: int, end: int, annotations: ArticleAnnotations
) -> Iterable[Claim]:
    if (kicker := _KICKER.match(article.text, start, end)) is not None:
        start = kicker.end()
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return
    text = article.text[start:end]
    quoted, speaker = _quote_speaker(article.text, start, end, annotations)
    kind = classify_sentence(text, span, quoted)
    if kind is None:
        return
    pieces = split_clauses(span) if kind == "fact" else [(start, end)]
    # clauses of a sentence that reports a source ("..., added Maynard") stay the source's
    judged = len(pieces) > 1 and not _attributed(span)
    kinds = {p: _clause_kind(doc, p) if judged else kind for p in pieces}
    part = dict.fromkeys(pieces, "sentence")
    if kind == "fact":
        for p in list_items(span):
            part.setdefault(p, "item")
        for p in embedded_clauses(span):
            part.setdefault(p, "clause")
    for (s, e), piece_part in part.items():
        # a list item takes the kind of the clause it sits in
        piece_kind = next((k for (a, b), k in kinds.items() if a <= s and e <= b), kind)
        # parse subtrees may cross a line break that segmentation treats as a sentence end
        s, e = max(s, start), min(e, end)
        if e <= s or not article.text[s:e].strip():
            continue
        ev = article.evidence(s, e)
        piece_span = doc.char_span(s, e, alignment_mode="expand")
        yield Claim(
            id="c" + content_hash(article.id, str(s), str(e), ev.text, length=15),
            article_id=article.id,
            evidence=ev,
            kind=piece_kind,
            origin=_origin(s, e, annotations, speaker),
            checkworthy=checkworthiness(_own_words(piece_span, piece_kind), piece_kind, annotations)
            if piece_span else 0.0,
            part=piece_part,
        )


def _own_words(span: Any, kind: str) -> list[Any]:
    """The words a claim states: a quote's words inside its quote marks (when it has any),
    not the attribution around them; every token of any other claim."""
    if kind != "quote":
        return list(span)
    outside = {t.i for t in _outside_quotes(span)}
    inside = [t for t in span if t.i not in outside and t.text not in _QUOTE_CHARS]
    # a quote that opened in an earlier sentence leaves only the closing punctuation inside
    return inside if any(not (t.is_punct or t.is_space) for t in inside) else list(span)


def extract_claims(article: Article, doc: Any, annotations: ArticleAnnotations) -> tuple[Claim, ...]:
    """Claims of one article in text order; ``doc`` is the spaCy parse of ``article.text``."""
    if doc_text(doc) != article.text:
        raise ValueError(f"doc text does not match article {article.id}")
    out: list[Claim] = []
    for start, end in _sentence_spans(article, doc):
        out.extend(_claims_in_sentence(article, doc, start, end, annotations))
    return tuple(out)


def claim_texts(claims: Sequence[Claim]) -> list[str]:
    """The evidence text of each claim (what alignment embeds)."""
    return [c.evidence.text for c in claims]
