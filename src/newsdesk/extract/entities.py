"""Named-entity mentions per article and canonical entities across a run.

``extract_mentions`` reads spaCy's NER over ``article.text`` and repairs the small
model's usual span errors (leading "the", possessives, titles, punctuation, spans that
cross a line, Title-Case headline fragments, UI/notice lines). Every mention keeps
offsets into ``article.text`` with ``text == article.text[start:end]``.

``canonicalize_entities`` merges mentions of one thing across all articles of a run
("Maduro" == "Nicolás Maduro" == "Nicolas Maduro", "U.S." == "United States") using
name structure only (accent/case folding, title stripping, surname, acronym and
short-form matching to a *unique* longer name). It never merges different names of
different things (Moscow != Russia). The result depends only on the set of mentions,
not on article order.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsdesk.model import Article, Entity, Evidence, Mention, content_hash

if TYPE_CHECKING:
    from spacy.tokens import Doc

# spaCy (OntoNotes) labels that name things; CARDINAL/DATE/MONEY/PERCENT/QUANTITY/
# ORDINAL/TIME belong to the quantities and dates stages.
ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART", "LANGUAGE"}
)
# Tie-break order when two labels are equally frequent in one entity (most specific
# name types first; chosen by hand, it only matters on exact ties).
_LABEL_PRIORITY = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT",
                   "WORK_OF_ART", "LAW", "LANGUAGE")
# The longest names in the MEANTIME and gold story sets have 8 words ("European
# Aeronautic Defence and Space Company EADS N.V."); longer spans are headline runs.
MAX_NAME_WORDS = 10

# Honorifics and office titles that precede a person's name ("President Nicolás Maduro").
_TITLES = frozenset(
    """mr mrs ms miss dr prof sir dame lord lady president vice prime minister premier
    chancellor secretary senator sen rep representative gov governor mayor gen general
    col lt capt adm admiral sgt king queen prince princess pope cardinal rev judge
    justice chief ceo chairman chairwoman deputy ambassador spokesman spokeswoman
    foreign defense defence state former""".split()
)
# Legal-form words that do not change which company is meant ("Apple Inc." == "Apple").
_CORP_SUFFIXES = frozenset("inc corp corporation co ltd llc plc ag sa nv se gmbh".split())
# Function words skipped when forming an acronym ("Bank of America" -> "BoA"/"BA").
_ACRONYM_SKIP = frozenset("of the and for de del la le los las du des on in".split())
# Lower-case particles allowed inside a person's name ("Charles de Gaulle").
_NAME_PARTICLES = frozenset("de da del der di dos du la le van von bin al ibn".split())

_LEAD_STRIP = "\"'“”‘’«»([{<-–—•*#:;,./|"
_TRAIL_STRIP = "\"'“”‘’«»)]}>-–—•*:;,!?/|"
_POSSESSIVE = re.compile(r"['’]s$")
_INNER_POSSESSIVE = re.compile(r"['’]s\s+")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_WORD = re.compile(r"\S+")
# UI/notice cues: site furniture, not reporting. Generic vocabulary of web pages.
_NOTICE_CUES = re.compile(
    r"\b(cookies?|subscribe[ds]?|subscription|sign (?:up|in)|log ?in|newsletters?|"
    r"advert\w*|ad ?block\w*|javascript|browsers?|privacy policy|terms of (?:use|service)|"
    r"all rights reserved|copyright|click|tap here|comment data|whitelist|disabl\w+|spam)\b|©",
    re.IGNORECASE,
)
_SECOND_PERSON = re.compile(r"\b(you|your|yours|you're|you’re)\b", re.IGNORECASE)
# A notice fragment line is short: "Adblock Detected", "or on ours Telegram".
_SHORT_LINE_WORDS = 6
# Headline lines: no end punctuation and mostly capitalized words (Title Case).
_HEADING_MAX_WORDS = 20
_HEADING_CAP_SHARE = 0.6
_TERMINAL = ".!?\"”’:)"


def extract_mentions(article: Article, doc: Doc) -> tuple[Mention, ...]:
    """Named-entity mentions of ``article`` from ``doc`` (parsed over ``article.text``).

    Spans are trimmed (leading "the", possessive "'s", titles before PERSON names,
    outer punctuation) and split at line breaks; implausible spans (all lower case,
    no letters, one character, too long) are dropped, as are mentions inside UI/notice
    lines. Mentions inside Title-Case headline lines are kept only when the same words
    occur in the article body (the small model splits headlines badly).
    """
    text = article.text
    lines = _Lines(text)
    found: dict[tuple[int, int], Mention] = {}
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        for start, end in _pieces(text, ent.start_char, ent.end_char):
            span = _trim(text, start, end, ent.label_)
            if span is None or lines.is_notice(span[0]):
                continue
            if lines.is_heading(span[0]):
                span = lines.confirm_in_body(span)
                if span is None:
                    continue
            s, e = span
            found.setdefault((s, e), Mention(article.id, s, e, text[s:e], ent.label_))
    return tuple(found[k] for k in sorted(found))


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a span at line breaks and at ": " (a name never spans either)."""
    pieces = [(start, end)]
    for sep in ("\n", ": "):
        split: list[tuple[int, int]] = []
        for s, e in pieces:
            pos = s
            for m in re.finditer(re.escape(sep), text[s:e]):
                split.append((pos, s + m.start()))
                pos = s + m.end()
            split.append((pos, e))
        pieces = split
    return [(s, e) for s, e in pieces if e > s]


def _trim(text: str, start: int, end: int, label: str) -> tuple[int, int] | None:
    """Trimmed ``(start, end)`` of a name span, or None when no plausible name is left."""
    prev = (-1, -1)
    while (start, end) != prev and start < end:
        prev = (start, end)
        start, end = _strip_chars(text, start, end)
        start, end = _cut_unbalanced(text, start, end)
        span = text[start:end]
        if m := _LEADING_THE.match(span):
            start += m.end()
        if m := _POSSESSIVE.search(text[start:end]):
            end = start + m.start()
        start = _after_possessor(text, start, end)
        if label == "PERSON":
            start = _after_titles(text, start, end)
    return (start, end) if start < end and _plausible(text[start:end]) else None


def _strip_chars(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop outer whitespace/punctuation; a final "." only when it is not an abbreviation."""
    while start < end and (text[start].isspace() or text[start] in _LEAD_STRIP):
        start += 1
    while end > start:
        ch = text[end - 1]
        if ch.isspace() or ch in _TRAIL_STRIP:
            end -= 1
        elif ch == "." and not _is_abbreviation(text[start:end]):
            end -= 1
        else:
            break
    return start, end


def _is_abbreviation(span: str) -> bool:
    """True when the last word of ``span`` (ending in ".") is "U.S.", "Inc.", "Jr." etc."""
    last = span.rsplit(None, 1)[-1]
    core = last[:-1]
    # dotted initialisms have another "."; legal forms and initials are <= 4 letters
    return "." in core or (core[:1].isupper() and len(core) <= 4)


def _cut_unbalanced(text: str, start: int, end: int) -> tuple[int, int]:
    """Cut a span at an unmatched bracket ("EADS N.V. ( EADS" -> "EADS N.V.")."""
    span = text[start:end]
    for open_, close in (("(", ")"), ("[", "]")):
        i, j = span.find(open_), span.rfind(close)
        if i >= 0 and (j < i):
            return start, start + i
        if j >= 0 and i < 0:
            return start + j + 1, end
    return start, end


def _after_possessor(text: str, start: int, end: int) -> int:
    """Start after an inner possessor ("Maduro’s Cartel de los Soles" -> "Cartel de los Soles").

    Only when at least two words remain, so "McDonald's Corp" stays whole.
    """
    m = None
    for m in _INNER_POSSESSIVE.finditer(text, start, end):
        pass
    if m is None or len(text[m.end():end].split()) < 2:
        return start
    return m.end()


def _after_titles(text: str, start: int, end: int) -> int:
    """Start after leading title words ("President Trump" -> "Trump"); keeps one word."""
    while True:
        m = _WORD.match(text, start, end)
        if m is None or m.end() >= end:
            return start
        if m.group().rstrip(".").lower() not in _TITLES:
            return start
        start = m.end()
        while start < end and text[start].isspace():
            start += 1


def _plausible(span: str) -> bool:
    """A name has >= 2 letters, an upper-case letter if cased, <= MAX_NAME_WORDS words."""
    letters = [c for c in span if c.isalpha()]
    if len(letters) < 2 or "\n" in span:
        return False
    cased = [c for c in letters if c.lower() != c.upper()]
    if cased and not any(c.isupper() for c in cased):
        return False
    return len(span.split()) <= MAX_NAME_WORDS


class _Lines:
    """Line classification of one article text: notice lines and Title-Case headings."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: list[tuple[int, int]] = []
        pos = 0
        for line in text.split("\n"):
            self.spans.append((pos, pos + len(line)))
            pos += len(line) + 1
        self.starts = [s for s, _ in self.spans]
        self.notice = self._notice_lines()
        self.heading = [_looks_like_heading(text[s:e]) for s, e in self.spans]
        self._body: str | None = None

    def _index(self, offset: int) -> int:
        from bisect import bisect_right

        return bisect_right(self.starts, offset) - 1

    def _notice_lines(self) -> list[bool]:
        """Lines with a UI cue, plus short fragment lines next to them ("or on Telegram")."""
        lines = [self.text[s:e].strip() for s, e in self.spans]
        flags = [_looks_like_notice(line) for line in lines]
        nonempty = [i for i, line in enumerate(lines) if line]
        out = list(flags)
        for k, i in enumerate(nonempty):
            near = [nonempty[j] for j in (k - 1, k + 1) if 0 <= j < len(nonempty)]
            if not flags[i] and _is_fragment(lines[i]) and any(flags[j] for j in near):
                out[i] = True
        return out

    def is_notice(self, offset: int) -> bool:
        return self.notice[self._index(offset)]

    def is_heading(self, offset: int) -> bool:
        return self.heading[self._index(offset)]

    def body(self) -> str:
        """The text with heading lines blanked out (same length, offsets unchanged)."""
        if self._body is None:
            chars = list(self.text)
            for (s, e), head in zip(self.spans, self.heading, strict=True):
                if head:
                    chars[s:e] = " " * (e - s)
            self._body = "".join(chars)
        return self._body

    def confirm_in_body(self, span: tuple[int, int]) -> tuple[int, int] | None:
        """The longest word prefix/suffix of a heading span that also occurs in the body."""
        start, end = span
        words = list(_WORD.finditer(self.text, start, end))
        body = self.body()
        for n in range(len(words), 0, -1):
            for first in (0, len(words) - n):
                s, e = words[first].start(), words[first + n - 1].end()
                cand = _trim(self.text, s, e, "")
                if cand is None:
                    continue
                pattern = r"(?<!\w)" + re.escape(self.text[cand[0]:cand[1]]) + r"(?!\w)"
                if re.search(pattern, body):
                    return cand
        return None


def _looks_like_notice(line: str) -> bool:
    if not _NOTICE_CUES.search(line):
        return False
    return bool(_SECOND_PERSON.search(line)) or len(line.split()) <= _SHORT_LINE_WORDS


def _is_fragment(line: str) -> bool:
    return len(line.split()) <= _SHORT_LINE_WORDS and not line.endswith(tuple(".!?"))


def _looks_like_heading(line: str) -> bool:
    """Title-Case line without end punctuation ("Maduro Seeks Russian Military Support")."""
    line = line.strip()
    words = [w for w in line.split() if any(c.isalpha() for c in w)]
    if len(words) < 2 or len(words) > _HEADING_MAX_WORDS or line.endswith(tuple(_TERMINAL)):
        return False
    content = [w for w in words if w.lower() not in _ACRONYM_SKIP | {"a", "an", "to", "at", "by", "with", "amid"}]
    if not content:
        return False
    caps = sum(1 for w in content if w.lstrip("\"'“‘(")[:1].isupper())
    return caps / len(content) >= _HEADING_CAP_SHARE


# ---------------------------------------------------------------- canonicalization


def fold(text: str) -> str:
    """Accent- and case-folded text ("Nicolás" -> "nicolas")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def display_name(surface: str) -> str:
    """A mention's name without leading "the", titles and possessive ("President X's" -> "X")."""
    name = " ".join(surface.split())
    name = _LEADING_THE.sub("", name)
    name = _POSSESSIVE.sub("", name)
    words = name.split()
    while len(words) > 1 and words[0].rstrip(".").lower() in _TITLES:
        words = words[1:]
    return " ".join(words)


def name_words(name: str) -> tuple[str, ...]:
    """Folded words for matching: hyphens split, dots/apostrophes dropped, legal forms cut."""
    words = [re.sub(r"[.'’]", "", w) for w in re.split(r"[\s\-–]+", fold(name))]
    words = [w for w in words if w]
    while len(words) > 1 and words[-1] in _CORP_SUFFIXES:
        words.pop()
    return tuple(words)


@dataclass
class _Form:
    """All mentions whose folded name key is equal."""

    key: str
    words: tuple[str, ...]
    labels: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)
    surfaces: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)

    @property
    def label(self) -> str:
        return _majority(self.labels)


def _majority(labels: Counter[str]) -> str:
    return min(labels, key=lambda lab: (-labels[lab], _priority(lab)))


def _priority(label: str) -> int:
    return _LABEL_PRIORITY.index(label) if label in _LABEL_PRIORITY else len(_LABEL_PRIORITY)


class _UnionFind:
    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {k: k for k in keys}

    def find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:  # smaller key becomes root: the result does not depend on call order
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def canonicalize_entities(
    articles: Sequence[Article], mentions: Mapping[str, Sequence[Mention]]
) -> list[Entity]:
    """Canonical entities over all ``mentions`` (article id -> mentions) of one run.

    Mentions merge when their folded names are equal, differ only by middle initials,
    one is the acronym of the other, or one is a short form (surname, leading/trailing
    words) of exactly one longer name in the run. Entities are sorted by mention count
    (descending), then name; ids are content hashes of type and name.
    """
    by_id = {a.id: a for a in articles}
    forms: dict[str, _Form] = {}
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    for article_id in sorted(mentions):
        if article_id not in by_id:
            raise ValueError(f"mentions given for unknown article {article_id!r}")
        article = by_id[article_id]
        for m in mentions[article_id]:
            name = display_name(m.text)
            words = name_words(name)
            if not words:
                continue
            key = " ".join(words)
            form = forms.setdefault(key, _Form(key, words))
            form.labels[m.label] += 1
            form.names[name] += 1
            form.surfaces.add(m.text)
            form.articles.add(article_id)
            evidence[key].append(article.evidence(m.start, m.end))
    uf = _UnionFind(sorted(forms))
    _merge_initials(forms, uf)
    _merge_acronyms(forms, uf)
    _merge_short_forms(forms, uf)
    clusters: dict[str, list[_Form]] = defaultdict(list)
    for key in sorted(forms):
        clusters[uf.find(key)].append(forms[key])
    entities = [_entity(group, evidence) for group in clusters.values()]
    return sorted(entities, key=lambda e: (-len(e.mentions), e.name, e.id))


def _merge_initials(forms: Mapping[str, _Form], uf: _UnionFind) -> None:
    """Merge names equal once one-letter words are dropped ("Vladimir V. Putin")."""
    by_core: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for key, form in sorted(forms.items()):
        core = tuple(w for w in form.words if len(w) > 1)
        if len(core) >= 2 and core != form.words:
            by_core[core].append(key)
    for core, keys in by_core.items():
        target = " ".join(core)
        if target in forms:
            keys = [*keys, target]
        for k in keys[1:]:
            uf.union(keys[0], k)


def _acronyms(words: tuple[str, ...]) -> set[str]:
    content = [w for w in words if w not in _ACRONYM_SKIP]
    out = {"".join(w[0] for w in words)}
    if content:
        out.add("".join(w[0] for w in content))
    return out


def _merge_acronyms(forms: Mapping[str, _Form], uf: _UnionFind) -> None:
    """Merge an all-caps short name with the one longer name it abbreviates ("US")."""
    expansions: dict[str, set[str]] = defaultdict(set)
    for key, form in forms.items():
        if len(form.words) >= 2 and form.label != "PERSON":
            for acro in _acronyms(form.words):
                expansions[acro].add(key)
    for key, form in sorted(forms.items()):
        if len(form.words) != 1 or not 2 <= len(key) <= 6 or form.label == "PERSON":
            continue
        if not any(_is_caps(n) for n in form.names):
            continue
        roots = {uf.find(k) for k in expansions.get(key, ())}
        if len(roots) == 1:
            uf.union(key, roots.pop())


def _is_caps(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})
_THING_LABELS = frozenset({"ORG", "PRODUCT", "FAC", "WORK_OF_ART", "EVENT", "LAW"})


def _merge_short_forms(forms: Mapping[str, _Form], uf: _UnionFind) -> None:
    """Merge a short name into the one longer name it abbreviates.

    PERSON: the short name is the surname part ("Maduro" -> "Nicolás Maduro") anywhere
    in the run. Things (ORG, PRODUCT, ...): the short name is the leading or trailing
    words of a longer name ("Northrop", "Post") and every article using the short name
    also uses the long one (a short company name alone is too ambiguous across a run).
    Longer short forms go first so later decisions see earlier merges.
    """
    ordered = sorted(forms.values(), key=lambda f: (-len(f.words), f.key))
    longer: list[_Form] = []
    for form in ordered:
        n = len(form.words)
        people = {uf.find(o.key) for o in longer if _is_surname_of(form, o)}
        if len(people) == 1:
            uf.union(form.key, people.pop())
        elif not people:
            things = {uf.find(o.key) for o in longer if _is_part_of_thing(form, o)}
            if len(things) == 1:
                uf.union(form.key, things.pop())
        if n >= 1:
            longer.append(form)


def _is_surname_of(short: _Form, full: _Form) -> bool:
    n = len(short.words)
    return (
        len(full.words) > n
        and full.words[-n:] == short.words
        and full.label == "PERSON"
        and _is_person_shaped(full)
        and short.label not in _PLACE_LABELS
    )


def _is_part_of_thing(short: _Form, full: _Form) -> bool:
    n = len(short.words)
    return (
        len(full.words) > n
        and (full.words[:n] == short.words or full.words[-n:] == short.words)
        and full.label in _THING_LABELS
        and short.label in _THING_LABELS
        and short.articles <= full.articles
    )


def _is_person_shaped(form: _Form) -> bool:
    """2-4 capitalized alphabetic words (particles like "de" allowed), no digits."""
    name = form.names.most_common(1)[0][0]
    words = name.split()
    if not 2 <= len(words) <= 4:
        return False
    for w in words:
        if w.lower() in _NAME_PARTICLES:
            continue
        if not w[:1].isupper() or not all(c.isalpha() or c in ".-'’" for c in w):
            return False
    return True


def _entity(group: list[_Form], evidence: Mapping[str, list[Evidence]]) -> Entity:
    """One Entity from the forms of one cluster (type, name, aliases, sorted mentions)."""
    labels: Counter[str] = Counter()
    for form in group:
        labels.update(form.labels)
    etype = _majority(labels)
    if any(len(f.words) >= 2 and f.label == "PERSON" and _is_person_shaped(f) for f in group):
        etype = "PERSON"  # the small model often tags surnames ORG; a full name settles it
    name = _best_name(group)
    mentions = sorted(
        (ev for f in group for ev in evidence[f.key]), key=lambda ev: (ev.article_id, ev.start, ev.end)
    )
    return Entity(
        id=content_hash(etype, name),
        name=name,
        type=etype,
        aliases=tuple(sorted({s for f in group for s in f.surfaces})),
        article_ids=tuple(sorted({a for f in group for a in f.articles})),
        mentions=tuple(mentions),
    )


def _best_name(group: list[_Form]) -> str:
    """Most complete (most words), then most frequent name; accented spelling preferred.

    An accented spelling wins over its plain twin when it has at least half as many
    mentions ("Nicolás Maduro" x3 beats "Nicolas Maduro" x5).
    """
    names: Counter[str] = Counter()
    for form in group:
        names.update(form.names)
    by_fold: dict[str, Counter[str]] = defaultdict(Counter)
    for name, count in names.items():
        by_fold[fold(name)][name] += count
    best_fold = min(
        by_fold,
        key=lambda k: (-len(k.split()), -sum(by_fold[k].values()), k),
    )
    variants = by_fold[best_fold]
    top = max(variants.values())

    def rank(name: str) -> tuple[int, int, int, str]:
        accented = name != fold(name).lower() and any(ord(c) > 127 for c in name)
        return (0 if accented and 2 * variants[name] >= top else 1, -variants[name], 0, name)

    return min(variants, key=rank)
