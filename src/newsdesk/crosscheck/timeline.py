"""A story timeline: one entry per dated event, across articles, in date order.

Reads ``TimeExpression`` records (``extract.dates``) per article; returns
``TimelineEntry`` records ``{date, text, evidence}``:

- one entry per (event sentence, date value). When a sentence carries several dates and
  is split by dashes or semicolons, the piece holding the date becomes the entry when
  it is a clause on its own: either side of a single split ("... until November 2018 —
  only a $28,156 minimum payment was due for December"), or a parenthetical between two
  dashes; otherwise the entry is the sentence with the other dates' parentheticals
  left out of its text;
- skipped: durations and sets, a clock time given again in another zone ("6am (10pm
  BST)"), publication-date boilerplate ("Published Oct. 31, 2025",
  a date alone on a line, copyright lines, a wire dateline's date, a photo's, an embedded
  post's stamp), questions (no event is asserted), and vague values (``PAST_REF``,
  ``FUTURE_REF``, ``PRESENT_REF``, and values with no digit: "the next day" with no
  date before it is ``XXXX-XX-XX``) unless nothing else is dated;
- one entry per sentence and day: a time of that day the sentence also gives ("shortly
  after noon on Monday") is the entry's date, not a second entry;
- a wire's tag before the first sentence ("(CNN) Scores of people ...") is not shown;
- deduplicated across articles: same date and similar text (rapidfuzz token-set ratio
  >= ``SIMILAR_TEXT``) is one entry; the first in article order is kept;
- ordered by date, then article id, then offset. Values with an unknown year
  (``XXXX-10-31``) sort after every dated value and are shown as given.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from rapidfuzz import fuzz

from newsdesk.crosscheck.sources import sentence_bounds
from newsdesk.model import Article, TimeExpression, TimelineEntry
from newsdesk.segment import DATELINE, EDITORS_NOTE, PHOTO_DESCRIPTION, POST_SIGNATURE, WIRE_TAG

VAGUE_VALUES = frozenset({"PAST_REF", "FUTURE_REF", "PRESENT_REF"})


def is_vague(value: str) -> bool:
    """A reference (``PAST_REF``) or a value that names no year, month, week or day."""
    return value in VAGUE_VALUES or not any(ch.isdigit() for ch in value.split("T")[0])


SKIPPED_KINDS = frozenset({"DURATION", "SET"})
# Display length of an entry's text; longer sentences are cut at a word boundary.
MAX_TEXT_CHARS = 220
# Same-event threshold: wire copies of one sentence score 100, a paraphrase of one event
# by two outlets ~75-90, different events on the same date < 60 (both gold stories).
SIMILAR_TEXT = 75.0
# A piece of a sentence is a clause of its own from this many words.
MIN_PIECE_WORDS = 6
_BOILERPLATE = re.compile(
    r"^\s*(?:published|updated|posted|last (?:updated|modified)|first published|created|dated?)\b|©|copyright",
    re.IGNORECASE)
_SEPARATOR = re.compile(r"\s[—–]\s|;\s|\s-\s")
_WORD = re.compile(r"\w+")


# Addresses, handles and a tweet's signature, no words of an event: "https://t.co/dYNjD6eIeZ",
# "pic.twitter.com/x", "Astro.umd.edu", "— Edward Snowden (@Snowden)".
_ADDRESS = re.compile(r"(?:^|[\u2014\u2013-])\s*(?:a post shared by\s+)?[^\u2014\u2013()\n]{1,60}\(@\w+\)"
                      r"|\S*(?:https?://|www\.)\S*|\S+\.(?:com|org|net|edu|gov|io|co|uk)\b\S*|\(?@\w+\)?",
                      re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]{2,}")
# A range's two ends: "from 2010 to 2014", "between May and July", "from Monday through
# Wednesday". Its end is no event of its own; its start dates the sentence.
_RANGE_OPEN = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"\s*(?:to|until|till|through|thru|and|[-\u2013\u2014])\s*", re.IGNORECASE)


def _is_boilerplate(sentence: str, time: TimeExpression) -> bool:
    """Not an event: a publication-date line (lead word, or fewer than three words of two
    letters but the date, addresses, handles and a post's signature aside: "https://t.co/...
    — Edward Snowden (@Snowden) April 3, 2016", "A post shared by Elon Musk (@elonmusk) on
    Feb 4, 2018 at 9:50pm PST"), or a question."""
    if _BOILERPLATE.search(sentence) or sentence.rstrip("\"”’' ").endswith("?"):
        return True
    rest = _ADDRESS.sub(" ", sentence.replace(time.evidence.text, " ", 1))
    return len(_LETTERS.findall(rest)) < 3


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Dash/semicolon-separated pieces of ``text[start:end]`` (whitespace-trimmed)."""
    out: list[tuple[int, int]] = []
    pos = start
    for m in _SEPARATOR.finditer(text, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return [(s, e) for s, e in out if e > s]


def _entry_span(article: Article, time: TimeExpression, sentence: tuple[int, int],
                others: Sequence[TimeExpression]) -> tuple[tuple[int, int], str]:
    """(evidence span, display text) of the entry for ``time`` in ``sentence``."""
    text = article.text
    pieces = _pieces(text, *sentence)
    if len(pieces) == 1 or not others:
        return sentence, text[sentence[0]:sentence[1]]
    own = next(p for p in pieces if p[0] <= time.evidence.start < p[1] or p is pieces[-1])
    # Two pieces: each side is a clause. Three or more: the inner pieces are parentheticals
    # ("an Il-76 - one of the planes sanctioned in 2023 - arrived"), the outer ones one clause.
    inner = pieces[1:-1] if len(pieces) > 2 else pieces
    if own in inner and len(_LETTERS.findall(_ADDRESS.sub(" ", text[own[0]:own[1]]))) >= MIN_PIECE_WORDS:
        return own, text[own[0]:own[1]]
    dated_elsewhere = [p for p in inner if p != own and any(p[0] <= o.evidence.start < p[1] for o in others)]
    kept = [text[s:e] for s, e in pieces if (s, e) not in dated_elsewhere]
    return sentence, " … ".join(kept)


def readable(text: str, limit: int = MAX_TEXT_CHARS) -> str:
    """Whitespace collapsed and cut at a word boundary to ``limit`` characters (with "…")."""
    text = " ".join(text.split()).strip(" ,;")
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[: cut if cut > 0 else limit - 1].rstrip(" ,;") + "…"


def _date_key(value: str) -> tuple[int, str]:
    return (1 if value[:1] == "X" else 0, value)


def _article_entries(article: Article, times: Sequence[TimeExpression]) -> tuple[list[TimelineEntry], list[TimelineEntry]]:
    """(dated entries, vague entries) of one article, one per sentence and value."""
    dated: list[TimelineEntry] = []
    vague: list[TimelineEntry] = []
    seen: set[tuple[int, str]] = set()
    usable = [t for t in times if t.kind not in SKIPPED_KINDS and t.value]
    ends = _range_ends(article.text, usable)
    for time in sorted(usable, key=lambda t: t.evidence.start):
        if id(time) in ends:
            continue  # "from 2010 to 2014": the range's end is no event of its own
        sentence = sentence_bounds(article, time.evidence.start)
        if (sentence[0], time.value) in seen or _is_boilerplate(article.text[sentence[0]:sentence[1]], time):
            continue
        dateline = DATELINE.match(article.text, sentence[0], sentence[1])
        if dateline is not None and time.evidence.end <= dateline.end():
            continue  # "OFER PRISON, West Bank, Jan 1 (Reuters) - ": when it was filed, no event
        if dateline is not None:
            sentence = (dateline.end(), sentence[1])  # the event, not where it was filed from
        elif (tag := WIRE_TAG.match(article.text, sentence[0], sentence[1])) is not None \
                and tag.end() <= time.evidence.start:
            sentence = (tag.end(), sentence[1])  # "(CNN) Scores of people were killed ..."
        if PHOTO_DESCRIPTION.match(article.text, sentence[0], sentence[1]):
            continue  # "In this Dec. 20, 2015, file photo, ...": when a picture was taken
        if EDITORS_NOTE.match(article.text, sentence[0], sentence[1]):
            continue  # "This article was amended on 10 November 2016 ...": when the copy changed
        if time.restates:
            continue  # "just before 6am (10pm BST)": the same moment, told in another zone
        if any(m.start() <= time.evidence.start < m.end()
               for m in POST_SIGNATURE.finditer(article.text, sentence[0], sentence[1])):
            continue  # "... — Steve DiMeglio (@Steve_DiMeglio) November 3, 2016": when a post was posted
        seen.add((sentence[0], time.value))
        others = [t for t in usable if t.value != time.value and sentence[0] <= t.evidence.start < sentence[1]]
        span, shown = _entry_span(article, time, sentence, others)
        if _is_boilerplate(shown, time):
            # the piece is hardly more than the date ("●Jan. 8 — Witness winter’s wonders
            # ...", "... — Elon Musk (@elonmusk) February 5, 2018"): the whole sentence tells it
            span, shown = sentence, article.text[sentence[0]:sentence[1]]
        entry = TimelineEntry(time.value, readable(shown), article.evidence(*span), time.mod)
        (vague if is_vague(time.value) else dated).append(entry)
    return _finest(dated), _finest(vague)


def _range_ends(text: str, times: Sequence[TimeExpression]) -> set[int]:
    """ids of the expressions that close a range the one before them opens ("Laura
    Chinchilla, who was president of Costa Rica from 2010 to 2014, said ..." had been
    two entries of one sentence, at 2010 and at 2014)."""
    ordered = sorted(times, key=lambda t: t.evidence.start)
    return {id(b) for a, b in zip(ordered, ordered[1:], strict=False)
            if _RANGE_JOIN.fullmatch(text, a.evidence.end, b.evidence.start)
            and _RANGE_OPEN.search(text, max(0, a.evidence.start - 12), a.evidence.start)}


def _finest(entries: Sequence[TimelineEntry]) -> list[TimelineEntry]:
    """The entries without those a finer one of the same text dates within the same day:
    "shortly after noon on Monday" is one entry at 2016-09-05T12:00, not a second at
    2016-09-05 as well ("Thursday night" at ...TNI, not also at the day)."""
    return [e for e in entries
            if not any(o.evidence == e.evidence and o.date.startswith(e.date + "T") for o in entries)]


def _dedupe(entries: Sequence[TimelineEntry]) -> list[TimelineEntry]:
    kept: list[TimelineEntry] = []
    for entry in entries:
        same_date = (k for k in kept if k.date == entry.date)
        if not any(fuzz.token_set_ratio(k.text, entry.text) >= SIMILAR_TEXT for k in same_date):
            kept.append(entry)
    return kept


def build_timeline(articles: Sequence[Article],
                   times_by_article: Mapping[str, Sequence[TimeExpression]]) -> tuple[TimelineEntry, ...]:
    """Timeline entries for ``articles`` (in the given order, which decides duplicates)."""
    dated: list[TimelineEntry] = []
    vague: list[TimelineEntry] = []
    for article in articles:
        d, v = _article_entries(article, times_by_article.get(article.id, ()))
        dated.extend(d)
        vague.extend(v)
    entries = _dedupe(dated or vague)
    return tuple(sorted(entries, key=lambda e: (*_date_key(e.date), e.evidence.article_id, e.evidence.start)))
