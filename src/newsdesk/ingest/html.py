"""HTML -> ``RawDocument`` with trafilatura: main text (one paragraph per line) + metadata.

trafilatura's metadata step already dates pages with htmldate (``original_date=True``:
the publication date, not the last-modified one); we only normalise it to YYYY-MM-DD.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from newsdesk.errors import ExtractionError
from newsdesk.ingest.decode import decode_bytes
from newsdesk.ingest.meta import clean_field, normalize_date, outlet_from_url
from newsdesk.model import RawDocument

# trafilatura options, swept on trafilatura-eval pages i % 6 == 1 (165 pages, disjoint from
# the eval suite's i % 3 == 0 subset), scored after newsdesk's clean stage (snippet F1):
#   chosen (no comments, tables, fallback on)  P 0.926 R 0.947 F1 0.937
#   include_comments=True                      P 0.924 R 0.941 F1 0.933
#   favor_recall=True                          P 0.925 R 0.931 F1 0.928
#   favor_precision=True                       P 0.934 R 0.915 F1 0.924
#   include_tables=False                       P 0.926 R 0.935 F1 0.930
#   no_fallback=True                           P 0.933 R 0.933 F1 0.933
#   (trafilatura.extract with its defaults     P 0.899 R 0.957 F1 0.927)
# The min_article_chars gate changed nothing there. Full ``newsdesk eval extraction`` run
# with these options (ingest + clean vs trafilatura defaults, same pages):
#   fundus-evaluation, 80 pages, ROUGE-LSum F1:   newsdesk 0.9546  trafilatura 0.9402
#   trafilatura-eval, pages i % 3 == 0 (330), F1: newsdesk 0.9309  trafilatura 0.9250
TRAFILATURA_OPTIONS: dict[str, Any] = {
    "include_comments": False,  # reader comments are not the article
    "include_tables": True,
    "favor_precision": False,
    "favor_recall": False,
    "no_fallback": False,  # keep the readability/jusText fallback: +recall on odd layouts
}

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")

# Exceptions third-party parsers raise on hostile markup (deep nesting, broken
# encodings declared inside the document, ...). Each becomes an ExtractionError.
_PARSER_ERRORS = (ValueError, TypeError, LookupError, RecursionError, AssertionError,
                  UnicodeError, etree.LxmlError)


def paragraph_lines(text: str) -> str:
    """One paragraph per line: spaces collapsed inside lines, blank lines dropped."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


# Hard-wrapped plain text (an e-mail, a wire feed, a text saved at 72 columns): paragraphs
# parted by blank lines, each broken into lines that run close to one width. Unwrapped,
# every line would be a paragraph and every wrap a sentence end.
WRAP_MAX_WIDTH = 100  # no line longer than this
WRAP_MIN_LINES = 4  # lines followed by another line of their paragraph, at least
WRAP_FILL = 0.6  # ... of which this share reach WRAP_NEAR_WIDTH of the longest line
WRAP_NEAR_WIDTH = 0.75
_LINE_END = re.compile(r"[.!?:;\"”’')\]]$")


def unwrap_paragraphs(text: str) -> str:
    """``text`` with hard-wrapped paragraphs joined into one line each, when the whole
    text is hard-wrapped (the ``WRAP_*`` test: blank lines between paragraphs, no line
    over WRAP_MAX_WIDTH, the lines inside paragraphs near one width and mostly not ending
    a sentence); otherwise ``text`` unchanged. A word broken at a hyphen ("well-" /
    "known") keeps its hyphen, unspaced."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = [[ln.strip() for ln in block.split("\n") if ln.strip()] for block in re.split(r"\n\s*\n", text)]
    blocks = [b for b in blocks if b]
    inner = [ln for b in blocks for ln in b[:-1]]
    if len(blocks) < 2 or len(inner) < WRAP_MIN_LINES:
        return text
    width = max(len(ln) for b in blocks for ln in b)
    if width > WRAP_MAX_WIDTH:
        return text
    filled = sum(len(ln) >= WRAP_NEAR_WIDTH * width for ln in inner)
    open_ended = sum(not _LINE_END.search(ln) for ln in inner)
    if filled < WRAP_FILL * len(inner) or open_ended < len(inner) / 2:
        return text
    paragraphs = []
    for b in blocks:
        para = b[0]
        for ln in b[1:]:
            para += ln if re.search(r"[^\W\d_]-$", para) and ln[:1].islower() else " " + ln
        paragraphs.append(para)
    return "\n\n".join(paragraphs)


def _extract(html: str, url: str | None, source: str) -> Any:
    import trafilatura

    try:
        return trafilatura.bare_extraction(html, url=url, with_metadata=True, **TRAFILATURA_OPTIONS)
    except _PARSER_ERRORS as exc:
        raise ExtractionError(source, f"HTML could not be parsed ({type(exc).__name__}: {exc})") from exc


def read_html(data: bytes | str, source: str, url: str | None = None) -> RawDocument:
    """Extract the article of one HTML page.

    ``data`` as bytes is decoded with ``decode_bytes`` (BOM, meta charset, detection).
    ``url``, when given, wins over the page's canonical URL. Raises ``InputError`` for
    undecodable bytes and ``ExtractionError`` when no main text is found; the length
    gate (``settings.min_article_chars``) is the caller's.
    """
    encoding: str | None = None
    if isinstance(data, bytes):
        html, encoding = decode_bytes(data, source)
    else:
        html = data
    if not html.strip():
        raise ExtractionError(source, "empty HTML document")
    doc = _extract(html, url, source)
    text = paragraph_lines(doc.text or "") if doc is not None else ""
    if not text:
        raise ExtractionError(source, "no article text found in the HTML")
    page_url = clean_field(url) or clean_field(doc.url)
    return RawDocument(
        source=source,
        text=text,
        url=page_url,
        title=clean_field(doc.title),
        author=clean_field(doc.author),
        outlet=clean_field(doc.sitename) or outlet_from_url(page_url) or clean_field(doc.hostname),
        published=normalize_date(doc.date),
        encoding=encoding,
    )
