"""Sentences with character offsets into ``Article.text``.

spaCy's parser-based boundaries are used, with one correction that matters for news:
a line break always ends a sentence (cleaned text has one paragraph per line, and a
heading must never be glued to the paragraph after it).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from newsdesk.model import Article, Sentence
from newsdesk.nlp import doc_sentences


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
    return replace(article, sentences=tuple(Sentence(s, e) for s, e in spans))
