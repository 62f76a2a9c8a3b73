"""Citations: where an article says its content comes from another source.

Reads one ``Article``, its spaCy ``Doc`` (same text) and the run's canonical entities;
returns ``Citation`` records whose evidence is the sentence carrying the attribution.

What counts as a citation (decided here, used by ``crosscheck.sources``):

- ``according to X`` / ``citing X``, where X is a named source, or a document noun with a
  named author ("according to a report by X", "articles by X and Y", "documents
  obtained by X");
- passive agents of reporting verbs: "reported by X", "memos obtained by X show";
- X as subject of a reporting verb ("X reported", "X reports that", "said X"). For
  ``report``/``publish`` X may be any named organisation (entity type, else spaCy's
  ORG label); for speech verbs (``say``, ``tell``, ``write``, ``show``, ...) X must look
  like a news outlet or wire service, because an organisation or person *saying*
  something is a quote, not a cited report;
- "told X" / "in an interview with X" where X is an outlet (the words come from that
  outlet's interview);
- a person named with the outlet they work for ("CNN's Tokyo producer Yoko Wakatsuki
  said", "an interview with New York Times columnist Maureen Dowd") cites that outlet;
- wire datelines ("ERIE, Pa. (AP) -"), credit lines ("Information from: X") and
  syndication lines ("This article originally appeared on CNET.").

People are never citations (their words are ``Quote`` records). Generic unnamed sources
("reports indicate", "according to reports", "officials said") are not citations: they
name no report anyone could follow. Definite anaphors ("the newspaper", "the
publication", "the report", "the documents") resolve to the most recent source cited
earlier in the same article that fits: "the report"/"the documents" the most recent
source named as a document's author, "the newspaper"/"the paper" an outlet (by its name,
or a one-word masthead), "the website"/"the publication" any source; they are dropped
when nothing fits. An outlet named with such a noun is that outlet ("the Nice Matin
newspaper"); a capitalised noun is part of a name ("the China Daily"). A paper called by
its masthead's last word alone (``MASTHEADS``: "told the Times", "The Herald reports") is
the paper of that name the article named before ("the Miami Herald"), else "The Times";
on the paper's own page (its domain holds the word) it is the outlet's own reporting and
no citation.

Across a run one source has one name (``canonical_citations``): "the Yonhap news agency"
in one article and "Yonhap" in another are one origin, not two.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz, process

from newsdesk.model import Article, Citation, Entity, last_tuple_cache
from newsdesk.nlp import doc_text

# Verbs whose passive agent is a source ("reported by X", "memos obtained by X").
AGENT_VERBS = frozenset({"report", "publish", "reveal", "break", "obtain", "see", "review", "cite"})
# Of those, verbs that make any named agent a source only for a document ("documents seen
# by X"); otherwise the agent must be an outlet ("a charge sheet seen by Reuters").
HANDLING_VERBS = frozenset({"see", "review", "obtain"})
# Verbs whose named subject is a source whatever its kind ("the Kremlin reported").
PUBLISH_VERBS = frozenset({"report", "publish"})
# Verbs whose subject is a source only when it is an outlet or a source anaphor ("X said").
SPEECH_VERBS = frozenset({"say", "tell", "write", "state", "note", "add", "claim", "confirm", "show",
                          "indicate", "suggest", "quote", "describe", "find", "reveal"})
# Nouns for documents whose author is named with "by"/"from"/"in" ("a report by X").
DOCUMENT_NOUNS = frozenset({"report", "reports", "article", "articles", "story", "stories", "document",
                            "documents", "memo", "memos", "record", "records", "file", "files",
                            "cable", "cables", "email", "emails", "investigation", "analysis",
                            "data", "survey", "study", "interview", "broadcast", "post", "piece",
                            "footage", "reporting", "account", "accounts", "filing", "filings"})
# Definite descriptions that refer back to a source already cited in the article.
OUTLET_ANAPHORS = frozenset({"newspaper", "paper", "publication", "outlet", "daily", "broadcaster",
                             "magazine", "tabloid", "website", "site", "network", "channel"})
# Of those, the words for a paper, which only an outlet is ("the newspaper reported" after
# "according to the World Wildlife Fund" is no WWF); "the website" may be any source's.
PRINT_ANAPHORS = frozenset({"newspaper", "paper", "daily", "tabloid", "magazine"})
DOCUMENT_ANAPHORS = frozenset({"report", "article", "story", "documents", "document", "memos", "memo",
                               "records", "files", "cables", "emails", "filings", "investigation"})
ANAPHOR_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "its", "their"})
# Last words of news-outlet names ("The Miami Herald", "CBS News", "Erie Times-News").
OUTLET_HEADWORDS = frozenset({"post", "times", "journal", "herald", "news", "press", "tribune", "gazette",
                              "telegraph", "guardian", "chronicle", "examiner", "observer", "inquirer",
                              "independent", "mirror", "express", "economist", "bulletin", "courier",
                              "dispatch", "globe", "register", "sentinel", "monitor", "reporter",
                              "daily", "weekly", "magazine", "newspaper", "wire", "radio", "tv",
                              "television", "broadcasting", "network", "mail", "star", "times-news",
                              "newsweek", "agency", "review", "world", "today", "online", "enquirer",
                              "ledger", "dealer", "sun", "standard", "bee", "advertiser", "statesman",
                              "picayune", "constitution", "argus", "beacon", "banner"})
# Last words that name a paper alone after "the" ("told the Times", "The Herald reports",
# "The Guardian says"): words no star, party member or role takes ("the Sun", "the Star",
# "the Independent", "the Mirror" and "the Globe" are left out).
MASTHEADS = frozenset({"times", "post", "herald", "journal", "tribune", "gazette", "telegraph", "guardian",
                       "chronicle", "examiner", "inquirer", "enquirer", "courier", "dispatch", "observer"})
_MASTHEAD = re.compile(r"[Tt]he\s+(?P<word>[A-Z][a-z]+)(?:['’]s)?")
# Outlets and wire services known by a bare name or abbreviation.
KNOWN_OUTLETS = frozenset({"reuters", "bloomberg", "ap", "afp", "upi", "dpa", "efe", "ansa", "bbc", "cnn",
                           "npr", "msnbc", "cnbc", "politico", "axios", "tass", "xinhua", "interfax",
                           "ria novosti", "sputnik", "al jazeera", "kyodo", "yonhap", "kommersant",
                           "izvestia", "vedomosti", "huffpost", "semafor", "propublica", "nbc", "abc",
                           "cbs", "pbs", "itv", "sky", "rt", "fox", "vox", "buzzfeed", "the hill",
                           "le monde", "der spiegel", "el pais", "reuters news", "associated press",
                           "newsweek", "verge", "haaretz", "bild", "mediapart", "meduza", "nikkei", "asahi",
                           "yomiuri", "techcrunch", "engadget", "gizmodo", "wired", "slate", "salon", "vice",
                           "mashable", "breitbart", "newsmax", "variety", "billboard", "interfax-ukraine",
                           # papers and agencies abroad that wires cite by name ("South Korea's
                           # Chosun Ilbo", "the Sueddeutsche Zeitung daily", "North Korea's Rodong Sinmun")
                           "chosun ilbo", "joongang ilbo", "dong a ilbo", "hankyoreh", "rodong sinmun", "kcna",
                           "asahi shimbun", "yomiuri shimbun", "mainichi shimbun", "nhk", "suddeutsche zeitung",
                           "sueddeutsche zeitung", "frankfurter allgemeine", "die welt", "die zeit", "le figaro",
                           "el mundo", "la repubblica", "corriere della sera", "global times", "people daily",
                           "al arabiya", "anadolu"})
# Wire-service abbreviations in datelines, expanded for display when no entity matches.
WIRE_NAMES = {"AP": "The Associated Press", "AFP": "Agence France-Presse", "UPI": "United Press International",
              "Reuters": "Reuters", "dpa": "dpa", "TASS": "TASS", "Xinhua": "Xinhua", "Bloomberg": "Bloomberg",
              "CNN": "CNN"}
# "ERIE, Pa. (AP) -", and a line opening with the credit alone: "(CNN) Chrissy Teigen and ..."
_DATELINE = re.compile(r"^(?:[^\n]{0,60}?\((?P<wire>" + "|".join(WIRE_NAMES) + r")\)\s*[—–-]"
                       r"|\((?P<lead>" + "|".join(WIRE_NAMES) + r")\)\s)", re.MULTILINE)
_CREDIT = re.compile(r"^(?:Information from|Source|Sources|Via|Originally published (?:by|in|at))\s*:\s*"
                     r"(?P<name>[^,\n]+?)(?:,\s*https?://\S+)?\s*$", re.MULTILINE)
# A syndication line: the whole piece comes from another outlet ("This article originally
# appeared on CNET.", "<headline> originally appeared on BGR.com on Mon, 1 Jan 2018 ...",
# WordPress feeds' "The post <title> appeared first on <site>.").
SYNDICATION = re.compile(r"^[^\n]{0,300}?\b(?:(?:was )?originally (?:appeared|published) (?:on|in|by)|appeared first on)\s+"
                         r"(?P<name>[A-Z0-9][\w&'’-]*(?:\.[\w&'’-]+)*(?:\s+[A-Z0-9][\w&'’-]*(?:\.[\w&'’-]+)*){0,3}?)"
                         r"(?=\s+on\s|[.,;]?\s*$|[.;]\s)", re.MULTILINE)
_PERSON_TYPES = frozenset({"PERSON"})
_NOT_SOURCE_LABELS = frozenset({"PERSON", "GPE", "LOC", "NORP", "FAC"})
_PLACE_TYPES = frozenset({"GPE", "LOC", "NORP", "FAC"})
# Fuzzy alias match: 90 keeps "Erie Times News" == "Erie Times-News" and "The Washington post"
# == "The Washington Post" but rejects "Miami Herald" vs "Miami Heat" (checked on both gold stories).
FUZZY_ALIAS_MIN = 90.0


def _masthead_word(surface: str) -> str | None:
    """ "Times" for "the Times": a paper called by its masthead's last word alone."""
    m = _MASTHEAD.fullmatch(surface.strip())
    return m.group("word") if m and m.group("word").lower() in MASTHEADS else None


@lru_cache(maxsize=1 << 16)  # called for every alias of every entity per article: cache it
def normalize_name(text: str) -> str:
    """Comparable form of a name: no accents, casefolded, no leading "the", no possessive."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"['’]s\b", "", text)
    text = re.sub(r"[^\w]+", " ", text).strip()
    return re.sub(r"^(?:the|a|an)\s+", "", text)


# Words after an outlet's name that do not change which outlet it is ("the Yonhap news
# agency", "Xinhua News Agency", "the Kommersant newspaper", "RT.com"), in normalize_name form.
_OUTLET_SUFFIX = re.compile(r"(?<=\w)\s+(?:(?:news|press) agency|agency|(?:news|wire) service|newspaper|"
                            r"(?:news )?website|com)$")


@lru_cache(maxsize=1 << 14)
def outlet_key(name: str) -> str:
    """The comparable form of a cited source: ``normalize_name`` less a generic word after
    the name ("Yonhap news agency" -> yonhap, "RT.com" -> rt) and, after a known outlet,
    "News" ("BBC News" -> bbc). Two spellings with one key are one source."""
    key = normalize_name(name)
    key = _OUTLET_SUFFIX.sub("", key)
    if key.endswith(" news") and key[:-5] in KNOWN_OUTLETS:
        key = key[:-5]
    return key


def surname_key(name: str) -> str:
    """The comparable last word of a name, hyphenated parts kept together: "Ban Ki-moon"
    -> "ki moon", so that "Mr Moon" (Moon Jae-in) does not find him."""
    words = name.split()
    return normalize_name(words[-1]) if words else ""


def is_outlet_name(name: str, person: bool = False) -> bool:
    """Whether a proper name looks like a news outlet or wire service. A name opening with
    a known outlet's ("Reuters news", "Sky Sports") is one, unless ``person`` says the
    name is tagged as a person's ("Fox Mulder")."""
    norm = normalize_name(name)
    if not norm:
        return False
    if _masthead_word(name) is not None:
        return True  # "the Times": a paper by its masthead's last word
    if norm in KNOWN_OUTLETS or not person and any(norm.startswith(k + " ") for k in KNOWN_OUTLETS):
        return True
    words = norm.split()
    return len(words) >= 2 and (words[-1] in OUTLET_HEADWORDS or "times news" in norm)


class AliasTable:
    """Every alias of a run's entities, and each article's mentions, indexed once.

    Built once per entity list (``alias_table``) and shared by all articles of a run: each
    article used to re-index all of the run's entities, which made the quotes and
    citations stages grow with the square of the run's size.
    """

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.by_alias: dict[str, Entity] = {}
        self.spans: dict[str, list[tuple[int, int, Entity]]] = {}
        self.surnames: dict[str, Entity | None] = {}
        for ent in entities:
            for alias in (ent.name, *ent.aliases):
                norm = normalize_name(alias)
                self.by_alias.setdefault(norm, ent)
                if ent.type == "PERSON":
                    last = surname_key(alias)
                    prior = self.surnames.get(last, ent)
                    self.surnames[last] = ent if prior is ent else None  # ambiguous surname -> None
            for m in ent.mentions:
                self.spans.setdefault(m.article_id, []).append((m.start, m.end, ent))
        self.long_aliases = [alias for alias in self.by_alias if len(alias) >= 4]
        self.fuzzy: dict[str, Entity | None] = {}


@last_tuple_cache
def alias_table(entities: Sequence[Entity]) -> AliasTable:
    """The ``AliasTable`` of ``entities`` (one per run when the run passes a tuple)."""
    return AliasTable(entities)


class EntityIndex:
    """Look up canonical entities for a span of one article (mentions, aliases, fuzzy)."""

    def __init__(self, article_id: str, entities: Sequence[Entity]) -> None:
        self.article_id = article_id
        self.table = alias_table(entities)
        self.spans = self.table.spans.get(article_id, [])

    def match(self, text: str, start: int | None = None, end: int | None = None) -> Entity | None:
        """The entity for ``text`` (at ``start:end`` in this article, when given), or None.

        Tried in order: an alias equal after ``normalize_name``; an entity mention covering
        the span (overlap >= 80% of the longer of the two, so "Washington" never stands
        for "The Washington post"); the closest alias by ``fuzz.ratio`` >= ``FUZZY_ALIAS_MIN``.
        """
        norm = normalize_name(text)
        if not norm:
            return None
        table = self.table
        exact = table.by_alias.get(norm)
        if exact is not None:
            return exact
        if start is not None and end is not None:
            for s, e, ent in self.spans:
                if min(e, end) - max(s, start) >= 0.8 * max(e - s, end - start):
                    return ent
        if len(norm) < 4:
            return None
        if norm not in table.fuzzy:
            best = process.extractOne(norm, table.long_aliases, scorer=fuzz.ratio, score_cutoff=FUZZY_ALIAS_MIN)
            table.fuzzy[norm] = table.by_alias[best[0]] if best is not None else None
        return table.fuzzy[norm]


@dataclass(frozen=True)
class _Candidate:
    """A cited noun phrase before anaphora resolution."""

    start: int  # char offsets of the cited phrase
    end: int
    anaphor: str | None  # None, "print" ("the newspaper"), "outlet" ("the website") or "document" ("the report")
    kind: str = "body"  # "body" | "dateline" | "credit"
    document: bool = False  # named as a document's author ("a report by X")
    org_only: bool = False  # subject of "reported": must be an outlet or an organisation
    label: str = ""  # spaCy entity label of the phrase's head
    display: str | None = None
    outlet: bool = False  # called an outlet by its own words ("the Nice Matin newspaper")
    core: tuple[int, int] | None = None  # the name inside a described phrase ("ad company Amobee")


def sentence_spans(article: Article, doc: Any) -> list[tuple[int, int]]:
    """Sentence spans: ``article.sentences`` when segmented, else from ``doc`` (newline-split)."""
    if article.sentences:
        return [(s.start, s.end) for s in article.sentences]
    from newsdesk.segment import segment_article

    return [(s.start, s.end) for s in segment_article(article, doc).sentences]


def enclosing(spans: Sequence[tuple[int, int]], offset: int, text_len: int) -> tuple[int, int]:
    """The span holding ``offset`` (or the nearest one before it); whole text if none."""
    best: tuple[int, int] | None = None
    for s, e in spans:
        if s <= offset < e:
            return s, e
        if s <= offset:
            best = (s, e)
    return best if best is not None else (0, text_len)


# Longest noun phrase kept whole; longer ones (parse errors across headings) keep their end.
MAX_PHRASE_WORDS = 8


def noun_phrase(token: Any) -> tuple[int, int]:
    """Char span of the noun phrase headed by ``token``: left modifiers, the head, and for a
    proper noun an "of"-complement ("Office of Rail and Road"); one line, at most
    ``MAX_PHRASE_WORDS`` words."""
    left = [t for t in token.lefts if t.dep_ not in {"punct", "cc", "conj"} or t.text == "-"]
    first = min((t.left_edge for t in left), key=lambda t: t.i, default=token)
    last = token
    if token.pos_ == "PROPN":
        for child in token.rights:
            objs = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
            if child.dep_ == "prep" and child.lower_ == "of" and objs:
                last = max(objs[0].subtree, key=lambda t: t.i)
    while first.i < token.i and (first.is_punct and first.text != "-" or "\n" in first.text_with_ws
                                 or last.i - first.i >= MAX_PHRASE_WORDS):
        first = first.doc[first.i + 1]
    return first.idx, last.idx + len(last.text)


# Words that join the parts of one name ("Office of Rail and Road", "AT&T").
NAME_JOINERS = frozenset({"of", "and", "&", "-", "for", "de"})


def name_core(doc: Any, start: int, end: int) -> tuple[int, int] | None:
    """The name inside a cited phrase that also describes it, as a char span; None when the
    phrase is only a name ("The Washington Post", "US Pacific Command").

    "ad company Amobee" -> Amobee, "South Korea's Yonhap news agency" -> Yonhap, "CNN
    affiliate KTVT" -> KTVT, "German ARD public television" -> ARD, "the official People's
    Daily" -> People's Daily: the last run of capitalised words (numbers and joiners inside
    it; a possessive only inside one entity), less a leading nationality. Only a phrase with
    a lower-case describing word has one: "Chinese Consulate General" is all name. A person or
    place is no such name ("CNN's producer Yoko Wakatsuki", "The Washington post").
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not any(t.is_alpha and t.is_lower and t.dep_ != "det" and t.lower_ not in NAME_JOINERS
                               for t in span):
        return None
    runs: list[list[Any]] = []
    run: list[Any] = []
    for tok in span:
        inside_entity = tok.ent_iob_ == "I" and bool(run) and run[-1].ent_iob_ in {"B", "I"}
        if tok.tag_ == "POS":  # "People's Daily", not "South Korea's Yonhap"
            inside_entity = inside_entity and tok.i + 1 < len(doc) and doc[tok.i + 1].ent_iob_ == "I"
        if tok.text[:1].isupper() or tok.text in WIRE_NAMES or (run and (tok.like_num or inside_entity or tok.lower_ in NAME_JOINERS)):
            run.append(tok)
            continue
        if run:
            runs.append(run)
        run = []
    if run:
        runs.append(run)
    if not runs:
        return None
    name = runs[-1]
    while name and name[-1].lower_ in NAME_JOINERS:
        name = name[:-1]
    while len(name) > 1 and name[0].ent_type_ == "NORP":
        name = name[1:]
    if not name or name[-1].ent_type_ in _PERSON_TYPES | _PLACE_TYPES or (name[0].idx, name[-1].idx + len(name[-1].text)) == (start, end):
        return None
    return name[0].idx, name[-1].idx + len(name[-1].text)


def _is_anaphor(token: Any, nouns: frozenset[str]) -> bool:
    """"the newspaper", "the report": a lower-case noun ("the China Daily" is a name)."""
    dets = [t.lower_ for t in token.lefts if t.dep_ in {"det", "poss"}]
    return token.text in nouns and bool(dets) and dets[0] in ANAPHOR_DETERMINERS


def _is_named(token: Any) -> bool:
    """Head of a named phrase: a proper noun, inside a named entity, or an outlet word with a name."""
    if token.pos_ == "PROPN" or (token.ent_type_ and token.ent_type_ not in {"DATE", "CARDINAL", "TIME"}):
        return True
    if token.text in WIRE_NAMES:  # "news agency dpa reported": the wire's own lower-case name
        return True
    return token.lower_ in OUTLET_HEADWORDS and any(t.pos_ == "PROPN" for t in token.lefts)


def _outlet_possessor(token: Any) -> Any | None:
    """For "CNN's Anderson Cooper": the outlet token (CNN), else None."""
    for child in token.lefts:
        if child.dep_ == "poss" and child.pos_ == "PROPN":
            start, end = noun_phrase(child)
            if is_outlet_name(doc_text(child.doc)[start:end]):
                return child
    return None


def _outlet_employer(token: Any) -> Any | None:
    """For a person named with their outlet ("CNN Tokyo producer Yoko Wakatsuki", "CNN's
    Tokyo producer ...", a parse that joins "told CNN Abe was"): the outlet token, else None."""
    if token.ent_type_ not in _PERSON_TYPES:
        return None
    phrase = token.doc.char_span(*noun_phrase(token), alignment_mode="expand")
    stack = [t for t in token.lefts if t.dep_ in {"compound", "poss"}]
    while stack:
        tok = stack.pop(0)
        # an outlet's acronym may be tagged with the person ("CNN Abe"); "Fox Mulder" is no outlet
        if tok.pos_ == "PROPN" and (tok.ent_type_ not in _PERSON_TYPES | _PLACE_TYPES
                                    or tok.text.isupper() and tok.lower_ in KNOWN_OUTLETS):
            start, end = noun_phrase(tok)
            # the outlet opens the phrase: not "PETA Senior Vice President Lisa Lange"
            opens = phrase is not None and all(t.dep_ == "det" for t in phrase if t.idx < start)
            if opens and is_outlet_name(doc_text(tok.doc)[start:end]):
                return tok
        stack.extend(t for t in tok.lefts if t.dep_ in {"compound", "poss"})
    return None


def _with_conjuncts(token: Any) -> list[Any]:
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(_with_conjuncts(child))
    return out


def _authored_document(token: Any) -> Any | None:
    """For "a report by X" / "documents obtained by X": the token X, else None."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in {"by", "from", "in"}:
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
        if child.dep_ == "acl" and child.lemma_ in AGENT_VERBS:
            agent = _agent(child)
            if agent is not None:
                return agent
    return None


def _of_document(verb: Any) -> bool:
    """Whether a participle describes a document ("memos obtained by", "documents seen by")."""
    return verb.dep_ == "acl" and verb.head.lower_ in DOCUMENT_NOUNS or any(
        c.dep_ in {"nsubjpass", "dobj"} and c.lower_ in DOCUMENT_NOUNS for c in verb.children)


def _agent(verb: Any) -> Any | None:
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def outlet_name_beside(noun: Any) -> Any | None:
    """The name right after an outlet's noun that says which outlet it is, as the parse
    hangs it on the noun ("the newspaper Le Monde", "The British tabloid the Mirror
    says"): its head token, or None."""
    if noun.text not in OUTLET_ANAPHORS:
        return None
    return next((t for t in noun.rights if t.pos_ == "PROPN" and t.dep_ in {"appos", "npadvmod"}
                 and t.left_edge.i == noun.i + 1), None)


def _source_candidates(token: Any, need: str) -> list[_Candidate]:
    """Candidates for a cited phrase headed by ``token`` (following "by X" for documents)."""
    out: list[_Candidate] = []
    for head in _with_conjuncts(token):
        author = _authored_document(head) if head.lower_ in DOCUMENT_NOUNS else None
        if author is not None:
            out.extend(replace(c, document=True) for c in _source_candidates(author, need="any"))
        elif head.text in OUTLET_ANAPHORS and (names := [t for t in head.lefts if t.dep_ == "compound"
                                                          and t.pos_ == "PROPN"]):
            # "the Nice Matin newspaper", "the Le Monde daily": the name, an outlet by its noun
            start, end = names[0].left_edge.idx, names[-1].idx + len(names[-1].text)
            out.append(_Candidate(start, end, anaphor=None, label=head.ent_type_, outlet=True))
        elif (beside := outlet_name_beside(head)) is not None:
            # "the newspaper Le Monde", "the British newspaper The Guardian": the name set
            # beside the noun, not the last outlet the article cited
            out.append(_Candidate(beside.left_edge.idx, beside.idx + len(beside.text), anaphor=None,
                                  label=beside.ent_type_, outlet=True))
        elif head.pos_ == "PROPN" and any(t.text in OUTLET_ANAPHORS and t.dep_ in {"compound", "nmod", "amod"}
                                          for t in head.lefts):
            # "French daily Le Figaro", "the French daily Le Monde": a name its noun (in lower
            # case: "Daily" is a word of "New York Daily News") calls an outlet, whatever type
            # the tagger gave it (a place, a person)
            first = head
            while first.i > head.left_edge.i and (prev := head.doc[first.i - 1]).pos_ == "PROPN":
                first = prev
            out.append(_Candidate(first.idx, head.idx + len(head.text), anaphor=None, label=head.ent_type_,
                                  outlet=True))
        elif _is_anaphor(head, OUTLET_ANAPHORS | DOCUMENT_ANAPHORS):
            kind = ("document" if head.lower_ in DOCUMENT_ANAPHORS
                    else "print" if head.lower_ in PRINT_ANAPHORS else "outlet")
            out.append(_Candidate(*noun_phrase(head), anaphor=kind))
        elif _is_named(head):
            outlet = _outlet_possessor(head) or _outlet_employer(head)
            start, end = noun_phrase(outlet or head)
            name = doc_text(head.doc)[start:end]
            if head.ent_type_ in _NOT_SOURCE_LABELS and not is_outlet_name(
                    name, person=outlet is None and head.ent_type_ in _PERSON_TYPES):
                continue
            if need != "outlet" or is_outlet_name(name):
                out.append(_Candidate(start, end, anaphor=None, org_only=need == "org", label=head.ent_type_,
                                      core=name_core(head.doc, start, end)))
    return out


def _token_candidates(token: Any) -> list[_Candidate]:
    """Citation candidates triggered at ``token`` (one pattern per branch)."""
    if token.lower_ == "according":
        objs = [c for t in token.children if t.lower_ == "to" for c in t.children if c.dep_ == "pobj"]
        return [c for obj in objs for c in _source_candidates(obj, need="any")]
    if token.pos_ not in {"VERB", "AUX"}:
        if token.lower_ == "interview":
            return _prep_objects(token, {"with"}, need="outlet")
        return []
    lemma = token.lemma_
    out: list[_Candidate] = []
    if lemma in AGENT_VERBS:
        agent = _agent(token)
        if agent is not None:
            # a thing seen or obtained is a source's document only when its agent is an
            # outlet or the thing a document: not "an image seen by the Herschel Space Observatory"
            handled = lemma in HANDLING_VERBS and not _of_document(token)
            out.extend(_source_candidates(agent, need="outlet" if handled else "any"))
        if lemma == "cite":
            out.extend(c for obj in token.children if obj.dep_ == "dobj"
                       for c in _source_candidates(obj, need="any"))
    if lemma in PUBLISH_VERBS | SPEECH_VERBS:
        need = "org" if lemma in PUBLISH_VERBS else "outlet"
        for subj in (c for c in token.children if c.dep_ == "nsubj"):
            out.extend(_source_candidates(subj, need))
    if lemma == "tell":
        out.extend(c for obj in token.children if obj.dep_ in {"dobj", "dative"}
                   for c in _source_candidates(obj, need="outlet"))
    if lemma in {"speak", "talk"}:
        out.extend(_prep_objects(token, {"to", "with"}, need="outlet"))
    return out


def _prep_objects(token: Any, preps: set[str], need: str) -> list[_Candidate]:
    objs = [c for p in token.children if p.dep_ == "prep" and p.lower_ in preps
            for c in p.children if c.dep_ == "pobj"]
    return [c for obj in objs for c in _source_candidates(obj, need)]


def _line_candidates(text: str) -> list[_Candidate]:
    """Wire datelines "CITY (AP) -" and credit lines "Information from: X"."""
    out = [_Candidate(m.start(g), m.end(g), anaphor=None, kind="dateline", display=WIRE_NAMES[m.group(g)])
           for m in _DATELINE.finditer(text) for g in ("wire", "lead") if m.group(g)]
    out.extend(_Candidate(m.start("name"), m.end("name"), anaphor=None, kind="credit")
               for pattern in (_CREDIT, SYNDICATION) for m in pattern.finditer(text))
    return out


def clean_source_name(text: str, at_sentence_start: bool) -> str:
    """Display form of an unmatched source: trimmed, no possessive, "the" kept only mid-sentence
    when capitalised ("according to The Associated Press")."""
    text = re.sub(r"['’]s$", "", text.strip().strip(".,;:\"“”'‘’()/"))
    match = re.match(r"^(the|a|an)\s+", text, flags=re.IGNORECASE)
    if match and (match.group(1) != "The" or at_sentence_start):
        text = text[match.end():]
    return text


def _plausible_source(cand: _Candidate, surface: str, ent: Entity | None) -> bool:
    """People and places are not sources; the subject of "reported" must be an outlet or an
    organisation (by entity type, else by spaCy label), so "Smith reported from Kyiv" is not."""
    if cand.outlet or is_outlet_name(surface):
        return True
    kind = ent.type if ent is not None else cand.label
    if kind in _PERSON_TYPES | _PLACE_TYPES:
        return False
    return not cand.org_only or kind in {"ORG", "WORK_OF_ART", "PRODUCT"}


def _masthead_name(article: Article, before: int, word: str) -> str | None:
    """Which paper "the <word>" is: the last outlet name ending in ``word`` that the article
    named before ``before`` ("The Herald reports" after "the Miami Herald's piece" is the
    Miami Herald); None for the article's own paper (a New York Times page's "told The
    Times", ``article.outlet`` www.nytimes.com), which is no other source; else "The
    <word>"."""
    if word.casefold() in (article.outlet or "").casefold():
        return None
    names = re.finditer(r"(?:[A-Z][\w.&'’-]* ){1,3}" + word + r"\b", article.text[:before])
    # "Perhaps The Guardian's": the name starts at its "The"
    full = [clean_source_name(re.split(r"\bThe ", n.group())[-1], True) for n in names]
    full = [f for f in full if len(f.split()) >= 2 and is_outlet_name(f)]
    return full[-1] if full else f"The {word}"


def _resolve(cands: Iterable[_Candidate], article: Article, index: EntityIndex,
             sents: Sequence[tuple[int, int]]) -> list[Citation]:
    out: list[Citation] = []
    documents: list[Citation] = []  # citations that named a document's author ("a report by X")
    outlets: set[str] = set()  # names cited that are outlets (what "the newspaper" can be)
    seen: set[tuple[str, int]] = set()
    for cand in sorted(cands, key=lambda c: c.start):
        sent = enclosing(sents, cand.start, len(article.text))
        if cand.kind == "dateline":
            sent = (article.text.rfind("\n", 0, cand.start) + 1, cand.end + 1)
        if cand.anaphor:
            # "the report"/"the documents" need a cited document; "the newspaper" any source.
            # "the newspaper" is an outlet cited before (by its name, or a one-word masthead),
            # not any source ("according to the World Wildlife Fund ... The newspaper reported")
            antecedents = documents if cand.anaphor == "document" else [
                c for c in out if c.cites in outlets or cand.anaphor == "outlet" or len(c.cites.split()) == 1]
            if not antecedents:
                continue
            cites, entity_id = antecedents[-1].cites, antecedents[-1].cites_entity_id
        else:
            surface = article.text[cand.start:cand.end]
            core = article.text[cand.core[0]:cand.core[1]] if cand.core else None
            # "the Times" is the paper this article named, not the run's entity of that short
            # name (another article's "Los Angeles Times"); none for the article's own paper
            masthead = _masthead_word(core or surface)
            named = _masthead_name(article, cand.start, masthead) if masthead else None
            if masthead and named is None:
                continue
            if named:
                ent = index.match(named)
            else:
                ent = (index.match(core, *cand.core) if core and cand.core else None) or index.match(
                    surface, cand.start, cand.end) or (index.match(cand.display) if cand.display else None)
            if not _plausible_source(cand, surface, ent) and not (core and is_outlet_name(core)):
                continue
            cites = ent.name if ent is not None else (
                cand.display or named or clean_source_name(core or surface, cand.start == sent[0]))
            entity_id = ent.id if ent is not None else None
            if cand.outlet or cand.kind != "body" or is_outlet_name(surface) or is_outlet_name(cites):
                outlets.add(cites)
        if not cites or (cites, sent[0]) in seen:
            if cand.document and out and out[-1].cites == cites:
                documents.append(out[-1])  # "documents seen by X": also the agent of "seen"
            continue
        seen.add((cites, sent[0]))
        mention = None if cand.anaphor else article.evidence(cand.start, cand.end)
        out.append(Citation(article.id, cites, entity_id, article.evidence(*sent), mention))
        if cand.document or cand.anaphor == "document":
            documents.append(out[-1])
    return out


def extract_citations(article: Article, doc: Any, entities: Sequence[Entity]) -> tuple[Citation, ...]:
    """Citations of other sources in ``article`` (``doc`` is spaCy's parse of ``article.text``).

    ``cites`` is the canonical entity name when the cited phrase matches an entity (then
    ``cites_entity_id`` is set), else the phrase cleaned. Evidence is the sentence (for a
    dateline: the dateline). Sorted by offset; one citation per source per sentence.
    """
    if doc_text(doc) != article.text:
        raise ValueError(f"doc text does not match article {article.id}")
    text = article.text
    # a parse joined across a line break ("(Photo/Associated Press)\nHOUSTON — X told") is no citation
    cands = [c for tok in doc for c in _token_candidates(tok)
             if "\n" not in text[min(c.start, tok.idx):max(c.end, tok.idx)]]
    cands.extend(_line_candidates(article.text))
    sents = sentence_spans(article, doc)
    return tuple(_resolve(cands, article, EntityIndex(article.id, entities), sents))


def canonical_citations(by_article: Mapping[str, Sequence[Citation]]) -> dict[str, tuple[Citation, ...]]:
    """The run's citations with one spelling per source (``outlet_key``), so that "the
    Yonhap news agency" in one article and "Yonhap" in another count as one origin.

    The spelling kept is, in order: one matched to a canonical entity, the most cited, one
    with no generic word after the name ("The Verge" over "Verge.com"), the first cited.
    """
    spellings: dict[str, Counter[tuple[str, str | None]]] = {}
    first: dict[tuple[str, str | None], int] = {}
    for cits in by_article.values():
        for cit in cits:
            spelling = (cit.cites, cit.cites_entity_id)
            spellings.setdefault(outlet_key(cit.cites), Counter())[spelling] += 1
            first.setdefault(spelling, len(first))
    chosen = {key: min(counts, key=lambda sp: (sp[1] is None, -counts[sp], normalize_name(sp[0]) != key, first[sp]))
              for key, counts in spellings.items()}
    return {aid: tuple(c if (c.cites, c.cites_entity_id) == (best := chosen[outlet_key(c.cites)])
                       else replace(c, cites=best[0], cites_entity_id=best[1]) for c in cits)
            for aid, cits in by_article.items()}
