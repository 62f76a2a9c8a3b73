"""Sentences with character offsets into ``Article.text``.

spaCy's parser-based boundaries are used, with one correction that matters for news:
a line break always ends a sentence (cleaned text has one paragraph per line, and a
heading must never be glued to the paragraph after it).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from newsdesk.model import Article, Sentence
from newsdesk.months import MONTH_PATTERN, MONTH_WORDS
from newsdesk.nlp import doc_sentences

# A note about the article itself, not the story: a correction or update notice ("This
# article was amended on 10 November 2016 to ...", "Update: This story has been updated",
# "An earlier version of this article misstated ...", "Editor's note: ..."). Not "Update:"
# or "Correction:" before news ("Update: The boy was initially reported to be 4").
EDITORS_NOTE = re.compile(
    r"\W*(?:(?:update|updated|correction|clarification)\s*[:\-\u2013\u2014]\s*)?"
    r"(?:editor['\u2019]?s\s+note\s*[:\-\u2013\u2014]"
    r"|this\s+(?:article|story|report|post|piece)\s+(?:was|has\s+been|had\s+been|is\s+being)\s+"
    r"(?:amended|updated|corrected|changed|edited|revised)\b"
    r"|an\s+earlier\s+version\s+of\s+this\s+(?:article|story|report|post|piece)\b)",
    re.IGNORECASE)


# A wire dateline opening a paragraph, up to its dash: "CARACAS \u2013 ", "KUNDUZ,
# Afghanistan \u2014 ", "SEOUL/WASHINGTON (Reuters) - ", "OFER PRISON, West Bank, Jan 1
# (Reuters) - ". The place in capitals, then up to three capitalised places or a date.
DATELINE = re.compile(r"\s*[A-Z][A-Z/.' ]{2,30}(?:,\s*[A-Z][\w.]*(?:\s(?:[A-Z][\w.]*|\d{1,2})){0,2}){0,3}"
                      r"(?:\s*\([^()]{1,40}\))?\s*[\u2013\u2014-]\s")
# A wire's tag alone before the first sentence, its opening bracket maybe trimmed off with
# a claim's leading punctuation: "(CNN) Boko Haram militants ...", "CNN) Boko Haram ...".
WIRE_TAG = re.compile(r"\(?(?:[A-Z]{2,6}|[A-Z][a-z]{2,12})\)\s*(?:[\u2013\u2014-]+\s*)?")
# A sentence that describes a photograph, as wire captions open one: "FILE - In this Dec.
# 20, 2015, file photo, Arizona Cardinals coach Bruce Arians ...", "This photo released by
# Costa Rica's Public Safety Ministry shows ...". What it shows is when and where the
# picture was taken, no event of the story; the caption's other sentences are text.
_PHOTO = r"(?:photo|photograph|image|picture)s?\b(?!-)"
PHOTO_DESCRIPTION = re.compile(
    # "In this" and the picture, with only its date and kind between them
    rf"\s*(?:file\s*[\u2013\u2014-]+\s*)?(?:in\s+this\s+(?:(?:{MONTH_WORDS}|\w+day|\d{{1,4}}(?:st|nd|rd|th)?|file|undated"
    rf"|handout|aerial|combination|recent)\.?,?\s+){{0,6}}{_PHOTO}"
    # "This photo [released by / taken ...] shows"
    rf"|this\s+(?:(?:file|undated|handout|aerial|recent)\s+)?{_PHOTO}[^.;\n]{{0,80}}?\bshows?\b)", re.IGNORECASE)


# The signature an embedded social-media post ends with, as a page's text keeps it: a
# tweet's "... \u2014 Display Name (@handle) Month D, YYYY" (Twitter's embed markup, the
# tweet's text before it) and an Instagram post's "... A post shared by Display Name
# (@handle) on Mon D, YYYY at H:MMpm PST" (its caption before it). The post's words are
# its author's, and the date is when it was posted: no event the article tells.
POST_SIGNATURE = re.compile(
    r"[ \t]*[\u2014\u2013][ \t]*(?P<name>[^\n()\u2014\u2013@]{1,60}?)[ \t]*\(@(?P<handle>\w{1,15})\)[ \t]+"
    rf"(?P<date>{MONTH_PATTERN}[ \t]+\d{{1,2}},[ \t]+\d{{4}})"
    r"|[ \t]*A post shared by[ \t]+(?P<iname>[^\n@]{1,60}?)[ \t]*\(@(?P<ihandle>[\w.]{1,30})\)[ \t]+on[ \t]+"
    rf"(?P<idate>{MONTH_PATTERN}[ \t]+\d{{1,2}},[ \t]+\d{{4}}(?:[ \t]+at[ \t]+\d{{1,2}}:\d{{2}}[ \t]*[ap]\.?m\.?"
    r"(?:[ \t]+[A-Z]{2,4})?)?)")


def _split_on_newlines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        s, e = pos, stop
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        pos = stop + 1
    return spans


def segment_article(article: Article, doc: Any) -> Article:
    """Return ``article`` with ``sentences`` set from the parsed ``doc`` (same text)."""
    if doc.text != article.text:
        raise ValueError(f"doc text does not match article {article.id}")
    spans: list[tuple[int, int]] = []
    for s, e in doc_sentences(doc):
        spans.extend(_split_on_newlines(article.text, s, e))
    return replace(article, sentences=tuple(Sentence(s, e) for s, e in _join_continuations(article.text, spans)))


# A quotation the parser closed a sentence on: its "!" or "?" (or a comma) before the
# closing mark, as in "“That wasn’t my deal!” he exclaimed".
_QUOTE_CLOSED = re.compile(r"[!?,][”’\"']\s*$")


def _join_continuations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans with the attribution after a quotation joined to it, on one line, when the
    parser ended the sentence at the quotation's "!" or "?": "“Taking off!!!” | she
    finally tweeted early Wednesday.", "“... That wasn’t my deal!” | he exclaimed,
    raising ...". The attribution opens with a word in lower case (not a link, nor a word
    such as "iPhone"); one opening on a name ('"...?" Hua said.') cannot be told from a new
    sentence here and is read by ``extract.quotes._attribution_after`` instead."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        first = text[s:e].split(maxsplit=1)[0] if e > s else ""
        if (out and first.isalpha() and first.islower() and "\n" not in text[out[-1][1]:s]
                and _QUOTE_CLOSED.search(text, out[-1][0], out[-1][1])):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out
