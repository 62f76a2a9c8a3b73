"""Citations: where an article says its content comes from another source.

Reads one ``Article``, its spaCy ``Doc`` (same text) and the run's canonical entities;
returns ``Citation`` records whose evidence is the sentence carrying the attribution.

What counts as a citation (decided here, used by ``crosscheck.sources``):

- ``according to X`` / ``citing X``, where X is a named source, or a document noun with a
  named author ("according to a report by X", "articles by X and Y", "documents
  obtained by X");
- passive agents of reporting verbs: "reported by X", "memos obtained by X show";
- X as subject of a reporting verb ("X reported", "X reports that", "said X"). For
  ``report``/``publish``/``reveal`` X may be any named organisation; for speech verbs
  (``say``, ``tell``, ``write``, ...) X must look like a news outlet or wire service,
  because an organisation or person *saying* something is a quote, not a cited report;
- "told X" / "in an interview with X" where X is an outlet (the words come from that
  outlet's interview);
- wire datelines ("ERIE, Pa. (AP) -") and credit lines ("Information from: X").

People are never citations (their words are ``Quote`` records). Generic unnamed sources
("reports indicate", "according to reports", "officials said") are not citations: they
name no report anyone could follow. Definite anaphors ("the newspaper", "the
publication", "the report", "the documents") resolve to the most recent source cited
earlier in the same article, and are dropped when nothing was cited before.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from newsdesk.model import Article, Citation, Entity

# Verbs whose subject or passive agent is the source of what follows.
PUBLISH_VERBS = frozenset({"report", "publish", "reveal", "break", "obtain", "see", "review", "cite"})
SPEECH_VERBS = frozenset({"say", "tell", "write", "state", "note", "add", "claim", "confirm", "show",
                          "indicate", "suggest", "quote", "describe", "find"})
# Nouns for documents whose author is named with "by"/"from"/"in" ("a report by X").
DOCUMENT_NOUNS = frozenset({"report", "reports", "article", "articles", "story", "stories", "document",
                            "documents", "memo", "memos", "record", "records", "file", "files",
                            "cable", "cables", "email", "emails", "investigation", "analysis",
                            "data", "survey", "study", "interview", "broadcast", "post", "piece",
                            "footage", "reporting", "account", "accounts", "filing", "filings"})
# Definite descriptions that refer back to a source already cited in the article.
OUTLET_ANAPHORS = frozenset({"newspaper", "paper", "publication", "outlet", "daily", "broadcaster",
                             "magazine", "tabloid", "website", "site", "network", "channel"})
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
                              "newsweek", "agency", "review", "world", "today", "online"})
# Outlets and wire services known by a bare name or abbreviation.
KNOWN_OUTLETS = frozenset({"reuters", "bloomberg", "ap", "afp", "upi", "dpa", "efe", "ansa", "bbc", "cnn",
                           "npr", "msnbc", "cnbc", "politico", "axios", "tass", "xinhua", "interfax",
                           "ria novosti", "sputnik", "al jazeera", "kyodo", "yonhap", "kommersant",
                           "izvestia", "vedomosti", "huffpost", "semafor", "propublica", "nbc", "abc",
                           "cbs", "pbs", "itv", "sky", "rt", "fox", "vox", "buzzfeed", "the hill",
                           "le monde", "der spiegel", "el pais", "reuters news", "associated press"})
# Wire-service abbreviations in datelines, expanded for display when no entity matches.
WIRE_NAMES = {"AP": "The Associated Press", "AFP": "Agence France-Presse", "UPI": "United Press International",
              "Reuters": "Reuters", "dpa": "dpa", "TASS": "TASS", "Xinhua": "Xinhua", "Bloomberg": "Bloomberg"}
_DATELINE = re.compile(r"^[^\n]{0,60}?\((?P<wire>" + "|".join(WIRE_NAMES) + r")\)\s*[—–-]", re.MULTILINE)
_CREDIT = re.compile(r"^(?:Information from|Source|Sources|Via|Originally published (?:by|in|at))\s*:\s*"
                     r"(?P<name>[^,\n]+?)(?:,\s*https?://\S+)?\s*$", re.MULTILINE)
_PERSON_TYPES = frozenset({"PERSON"})
_PLACE_TYPES = frozenset({"GPE", "LOC", "NORP", "FAC"})
# Fuzzy alias match: 90 keeps "Erie Times News" == "Erie Times-News" and "The Washington post"
# == "The Washington Post" but rejects "Miami Herald" vs "Miami Heat" (checked on both gold stories).
FUZZY_ALIAS_MIN = 90.0


def normalize_name(text: str) -> str:
    """Comparable form of a name: no accents, casefolded, no leading "the", no possessive."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"['’]s\b", "", text)
    text = re.sub(r"[^\w]+", " ", text).strip()
    return re.sub(r"^(?:the|a|an)\s+", "", text)


def is_outlet_name(name: str) -> bool:
    """Whether a proper name looks like a news outlet or wire service."""
    norm = normalize_name(name)
    if not norm:
        return False
    if norm in KNOWN_OUTLETS or any(norm.startswith(k + " ") for k in KNOWN_OUTLETS):
        return True
    words = norm.split()
    return len(words) >= 2 and (words[-1] in OUTLET_HEADWORDS or "times news" in norm)


class EntityIndex:
    """Look up canonical entities for a span of one article (mentions, aliases, fuzzy)."""

    def __init__(self, article_id: str, entities: Sequence[Entity]) -> None:
        self.article_id = article_id
        self.by_alias: dict[str, Entity] = {}
        self.spans: list[tuple[int, int, Entity]] = []
        for ent in entities:
            for alias in (ent.name, *ent.aliases):
                self.by_alias.setdefault(normalize_name(alias), ent)
            self.spans.extend((m.start, m.end, ent) for m in ent.mentions if m.article_id == article_id)

    def match(self, text: str, start: int | None = None, end: int | None = None) -> Entity | None:
        """The entity for ``text`` (at ``start:end`` in this article, when given), or None."""
        norm = normalize_name(text)
        if not norm:
            return None
        exact = self.by_alias.get(norm)
        if exact is not None:
            return exact
        if start is not None and end is not None:
            best = max(((min(e, end) - max(s, start), ent) for s, e, ent in self.spans),
                       key=lambda pair: pair[0], default=(0, None))
            if best[0] > 0 and best[1] is not None and best[0] >= 0.5 * (end - start):
                return best[1]
        if len(norm) < 4:
            return None
        scored = ((fuzz.ratio(norm, alias), ent) for alias, ent in self.by_alias.items() if len(alias) >= 4)
        score, ent = max(scored, key=lambda pair: pair[0], default=(0.0, None))
        return ent if score >= FUZZY_ALIAS_MIN else None


@dataclass(frozen=True)
class _Candidate:
    """A cited noun phrase before anaphora resolution."""

    start: int  # char offsets of the cited phrase
    end: int
    anaphor: bool
    kind: str = "body"  # "body" | "dateline" | "credit"
    display: str | None = None


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


def noun_phrase(token: Any) -> tuple[int, int]:
    """Char span of the noun phrase headed by ``token``: left modifiers and the head only."""
    left = [t for t in token.lefts if t.dep_ not in {"punct", "cc", "conj"} or t.text == "-"]
    first = min((t.left_edge for t in left), key=lambda t: t.i, default=token)
    start_tok = first
    while start_tok.i < token.i and (start_tok.is_punct and start_tok.text != "-"):
        start_tok = start_tok.doc[start_tok.i + 1]
    return start_tok.idx, token.idx + len(token.text)


def _is_anaphor(token: Any, nouns: frozenset[str]) -> bool:
    dets = [t.lower_ for t in token.lefts if t.dep_ in {"det", "poss"}]
    return token.lower_ in nouns and bool(dets) and dets[0] in ANAPHOR_DETERMINERS


def _is_named(token: Any) -> bool:
    """Head of a named phrase: a proper noun, inside a named entity, or an outlet word with a name."""
    if token.pos_ == "PROPN" or (token.ent_type_ and token.ent_type_ not in {"DATE", "CARDINAL", "TIME"}):
        return True
    return token.lower_ in OUTLET_HEADWORDS and any(t.pos_ == "PROPN" for t in token.lefts)


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
        if child.dep_ == "acl" and child.lemma_ in PUBLISH_VERBS:
            agent = _agent(child)
            if agent is not None:
                return agent
    return None


def _agent(verb: Any) -> Any | None:
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def _source_candidates(token: Any, strict_outlet: bool) -> list[_Candidate]:
    """Candidates for a cited phrase headed by ``token`` (following "by X" for documents)."""
    out: list[_Candidate] = []
    for head in _with_conjuncts(token):
        author = _authored_document(head) if head.lower_ in DOCUMENT_NOUNS else None
        if author is not None:
            out.extend(_source_candidates(author, strict_outlet))
        elif _is_anaphor(head, OUTLET_ANAPHORS | DOCUMENT_ANAPHORS):
            out.append(_Candidate(*noun_phrase(head), anaphor=True))
        elif _is_named(head):
            start, end = noun_phrase(head)
            if not strict_outlet or is_outlet_name(head.doc.text[start:end]):
                out.append(_Candidate(start, end, anaphor=False))
    return out


def _token_candidates(token: Any) -> list[_Candidate]:
    """Citation candidates triggered at ``token`` (one pattern per branch)."""
    if token.lower_ == "according":
        objs = [c for t in token.children if t.lower_ == "to" for c in t.children if c.dep_ == "pobj"]
        return [c for obj in objs for c in _source_candidates(obj, strict_outlet=False)]
    if token.pos_ not in {"VERB", "AUX"}:
        if token.lower_ == "interview":
            return _prep_objects(token, {"with"}, strict_outlet=True)
        return []
    lemma = token.lemma_
    out: list[_Candidate] = []
    if lemma in PUBLISH_VERBS:
        agent = _agent(token)
        if agent is not None:
            out.extend(_source_candidates(agent, strict_outlet=False))
        if lemma == "cite":
            out.extend(c for obj in token.children if obj.dep_ == "dobj"
                       for c in _source_candidates(obj, strict_outlet=False))
    if lemma in PUBLISH_VERBS | SPEECH_VERBS:
        strict = lemma not in PUBLISH_VERBS
        for subj in (c for c in token.children if c.dep_ == "nsubj"):
            out.extend(_source_candidates(subj, strict_outlet=strict))
    if lemma == "tell":
        out.extend(c for obj in token.children if obj.dep_ in {"dobj", "dative"}
                   for c in _source_candidates(obj, strict_outlet=True))
    if lemma in {"speak", "talk"}:
        out.extend(_prep_objects(token, {"to", "with"}, strict_outlet=True))
    return out


def _prep_objects(token: Any, preps: set[str], strict_outlet: bool) -> list[_Candidate]:
    objs = [c for p in token.children if p.dep_ == "prep" and p.lower_ in preps
            for c in p.children if c.dep_ == "pobj"]
    return [c for obj in objs for c in _source_candidates(obj, strict_outlet)]


def _line_candidates(text: str) -> list[_Candidate]:
    """Wire datelines "CITY (AP) -" and credit lines "Information from: X"."""
    out = [_Candidate(m.start("wire"), m.end("wire"), anaphor=False, kind="dateline",
                      display=WIRE_NAMES[m.group("wire")]) for m in _DATELINE.finditer(text)]
    out.extend(_Candidate(m.start("name"), m.end("name"), anaphor=False, kind="credit")
               for m in _CREDIT.finditer(text))
    return out


def clean_source_name(text: str, at_sentence_start: bool) -> str:
    """Display form of an unmatched source: trimmed, no possessive, "the" kept only mid-sentence
    when capitalised ("according to The Associated Press")."""
    text = re.sub(r"['’]s$", "", text.strip().strip(".,;:\"“”'‘’()"))
    match = re.match(r"^(the|a|an)\s+", text, flags=re.IGNORECASE)
    if match and (match.group(1) != "The" or at_sentence_start):
        text = text[match.end():]
    return text


def _resolve(cands: Iterable[_Candidate], article: Article, index: EntityIndex,
             sents: Sequence[tuple[int, int]]) -> list[Citation]:
    out: list[Citation] = []
    seen: set[tuple[str, int]] = set()
    for cand in sorted(cands, key=lambda c: c.start):
        sent = enclosing(sents, cand.start, len(article.text))
        if cand.kind == "dateline":
            sent = (article.text.rfind("\n", 0, cand.start) + 1, cand.end + 1)
        if cand.anaphor:
            if not out:
                continue
            cites, entity_id = out[-1].cites, out[-1].cites_entity_id
        else:
            surface = article.text[cand.start:cand.end]
            ent = index.match(surface, cand.start, cand.end) or (
                index.match(cand.display) if cand.display else None)
            if ent is not None and ent.type in _PERSON_TYPES | _PLACE_TYPES and not is_outlet_name(surface):
                continue
            cites = ent.name if ent is not None else (
                cand.display or clean_source_name(surface, cand.start == sent[0]))
            entity_id = ent.id if ent is not None else None
        if not cites or (cites, sent[0]) in seen:
            continue
        seen.add((cites, sent[0]))
        out.append(Citation(article.id, cites, entity_id, article.evidence(*sent)))
    return out


def extract_citations(article: Article, doc: Any, entities: Sequence[Entity]) -> tuple[Citation, ...]:
    """Citations of other sources in ``article`` (``doc`` is spaCy's parse of ``article.text``).

    ``cites`` is the canonical entity name when the cited phrase matches an entity (then
    ``cites_entity_id`` is set), else the phrase cleaned. Evidence is the sentence (for a
    dateline: the dateline). Sorted by offset; one citation per source per sentence.
    """
    if doc.text != article.text:
        raise ValueError(f"doc text does not match article {article.id}")
    cands = [c for tok in doc for c in _token_candidates(tok)]
    cands.extend(_line_candidates(article.text))
    sents = sentence_spans(article, doc)
    return tuple(_resolve(cands, article, EntityIndex(article.id, entities), sents))
