"""Feeds (RSS/Atom via feedparser) and sitemaps (urlset / sitemapindex) -> article URLs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.etree import ElementTree

from newsdesk.errors import FetchError

# Bounds per document: a feed or sitemap listing more is truncated (recorded as a
# Skipped by the caller), so one hostile document cannot queue unbounded work.
MAX_LINKS = 1_000
_SNIFF = re.compile(rb"<(rss|feed|rdf:RDF|urlset|sitemapindex)[\s>]", re.IGNORECASE)


@dataclass(frozen=True)
class LinkList:
    """URLs a feed or sitemap points to; ``nested`` are further sitemaps (an index)."""

    kind: str  # "feed" | "sitemap"
    links: tuple[str, ...]
    nested: tuple[str, ...] = ()
    truncated: int = 0


def sniff_kind(body: bytes) -> str | None:
    """"feed", "sitemap" or None from the document's first root-looking element."""
    match = _SNIFF.search(body[:4096])
    if not match:
        return None
    root = match.group(1).lower()
    return "sitemap" if root in (b"urlset", b"sitemapindex") else "feed"


def _bounded(links: list[str]) -> tuple[tuple[str, ...], int]:
    unique = list(dict.fromkeys(links))
    return tuple(unique[:MAX_LINKS]), max(0, len(unique) - MAX_LINKS)


def parse_feed(body: bytes, url: str) -> LinkList:
    """Entry links of an RSS/Atom feed; FetchError when it is not a usable feed."""
    import feedparser

    parsed = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
    links = [str(e.get("link")) for e in parsed.entries if e.get("link")]
    if not links:
        problem = parsed.get("bozo_exception")
        detail = f" ({type(problem).__name__}: {problem})" if problem else ""
        raise FetchError(f"{url}: malformed or empty feed, no entry links{detail}")
    kept, dropped = _bounded([x for x in links if x.startswith(("http://", "https://"))])
    return LinkList("feed", kept, truncated=dropped)


def parse_sitemap(body: bytes, url: str) -> LinkList:
    """<loc> URLs of a sitemap; a sitemap index returns its sitemaps as ``nested``.

    ElementTree (expat) expands no external entities; a DOCTYPE is refused outright so
    entity-expansion tricks never reach the parser.
    """
    if b"<!DOCTYPE" in body[:4096].upper() or b"<!ENTITY" in body.upper():
        raise FetchError(f"{url}: sitemap with a DOCTYPE/ENTITY declaration refused")
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError as exc:
        raise FetchError(f"{url}: malformed sitemap XML ({exc})") from exc
    tag = root.tag.rsplit("}", 1)[-1]
    locs = [(el.text or "").strip() for el in root.iter() if el.tag.rsplit("}", 1)[-1] == "loc"]
    locs = [x for x in locs if x.startswith(("http://", "https://"))]
    kept, dropped = _bounded(locs)
    if tag == "sitemapindex":
        return LinkList("sitemap", (), nested=kept, truncated=dropped)
    if tag != "urlset":
        raise FetchError(f"{url}: XML root <{tag}> is not a sitemap <urlset> or <sitemapindex>")
    return LinkList("sitemap", kept, truncated=dropped)
