"""``newsdesk ingest SOURCE...`` inputs -> a stream of documents to store.

A SOURCE is a file or folder (read by ``newsdesk.ingest``), a WARC/WARC.gz file, an
http(s) URL of an article, RSS/Atom feed or sitemap, or a text file listing such URLs
one a line (``#`` comments allowed). The stream is lazy and in input order, so a long
run stores articles as they arrive and a restart after a crash skips what is stored.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsdesk.errors import FetchError, InputError, NewsdeskError
from newsdesk.fetch.feeds import LinkList, parse_feed, parse_sitemap, sniff_kind
from newsdesk.fetch.http import FEED_TYPES, HTML_TYPES, Fetcher
from newsdesk.fetch.warc import WarcPage, is_warc, iter_warc
from newsdesk.model import RawDocument, Skipped
from newsdesk.settings import Settings

MAX_SITEMAP_DEPTH = 2  # index -> sitemap -> urls; deeper nesting is not followed


@dataclass(frozen=True)
class Known:
    """A URL already in the store: not fetched again."""

    url: str


@dataclass(frozen=True)
class FeedState:
    """A feed's validators, to save once every entry before it has been stored."""

    url: str
    etag: str | None
    last_modified: str | None


Item = RawDocument | Skipped | Known | FeedState


@dataclass
class SourceReader:
    """Turns SOURCEs into ``Item``s; ``is_known(url)`` and ``validators(url)`` read the store."""

    settings: Settings
    fetcher: Fetcher | None
    is_known: Callable[[str], bool]
    validators: Callable[[str], tuple[str | None, str | None]]

    def items(self, sources: Sequence[str]) -> Iterator[Item]:
        """Items of every source, in order (missing paths raise InputError up front)."""
        kinds = [(s, classify(s)) for s in sources]
        for source, kind in kinds:
            if kind == "url":
                yield from self._url(source, depth=0)
            elif kind == "warc":
                yield from self._warc(source)
            elif kind == "urllist":
                yield from self._url_list(source)
            else:
                yield from self._paths(source)

    def _paths(self, source: str) -> Iterator[Item]:
        from newsdesk.ingest import read_inputs

        docs, skipped = read_inputs([source], self.settings, on_error="skip")
        yield from skipped
        yield from docs
        if Path(source).is_dir():
            for warc in sorted(p for p in Path(source).rglob("*") if p.is_file() and is_warc(p)):
                yield from self._warc(str(warc))

    def _warc(self, path: str) -> Iterator[Item]:
        records = 0
        try:
            for page in iter_warc(path, self.settings.max_input_bytes):
                records += 1
                if not isinstance(page, WarcPage):
                    yield Skipped(f"{path} {page.url}", page.reason, "ingest")
                elif self.is_known(page.url):
                    yield Known(page.url)
                else:
                    yield _html_document(page.body, page.charset, page.url, page.url)
        except InputError as exc:
            yield Skipped(path, exc.problem, "ingest")
            return
        if not records:
            yield Skipped(path, "no HTTP response records in this WARC", "ingest")

    def _url_list(self, path: str) -> Iterator[Item]:
        for lineno, line in enumerate(Path(path).read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            url = line.strip()
            if not url or url.startswith("#"):
                continue
            if not url.lower().startswith(("http://", "https://")):
                yield Skipped(f"{path}:{lineno}", f"{path} line {lineno}: {url!r} is not an http(s) URL", "ingest")
                continue
            yield from self._url(url, depth=0)

    def _url(self, url: str, depth: int) -> Iterator[Item]:
        if self.is_known(url):
            yield Known(url)
            return
        if self.fetcher is None:
            yield Skipped(url, "fetching is disabled", "fetch")
            return
        etag, modified = self.validators(url)
        try:
            res = self.fetcher.fetch(url, HTML_TYPES + FEED_TYPES, etag=etag, last_modified=modified)
            if res.not_modified:
                return
            kind = sniff_kind(res.body) if res.content_type not in HTML_TYPES else None
            if kind is None and res.content_type in FEED_TYPES:
                raise FetchError(f"{url}: {res.content_type} document is neither a feed nor a sitemap")
            if kind is None:
                yield _html_document(res.body, res.charset, url, url)
                return
            links = parse_feed(res.body, url) if kind == "feed" else parse_sitemap(res.body, url)
        except (FetchError, InputError) as exc:
            yield Skipped(url, str(exc), "fetch")
            return
        yield from self._links(url, links, depth)
        yield FeedState(url, res.etag, res.last_modified)

    def _links(self, url: str, links: LinkList, depth: int) -> Iterator[Item]:
        if links.truncated:
            yield Skipped(url, f"{links.truncated} more links than the {len(links.links) + len(links.nested)} "
                               "read from one document were not followed", "fetch")
        for link in links.links:
            yield from self._article(link)
        for nested in links.nested:
            if depth + 1 >= MAX_SITEMAP_DEPTH:
                yield Skipped(nested, f"sitemap nested deeper than {MAX_SITEMAP_DEPTH} levels", "fetch")
            else:
                yield from self._url(nested, depth + 1)

    def _article(self, url: str) -> Iterator[Item]:
        if self.is_known(url):
            yield Known(url)
            return
        assert self.fetcher is not None
        try:
            res = self.fetcher.fetch(url, HTML_TYPES)
            yield _html_document(res.body, res.charset, url, url)
        except (FetchError, InputError) as exc:
            yield Skipped(url, str(exc), "fetch")


def classify(source: str) -> str:
    """"url", "warc", "urllist" or "path"; InputError for a missing path or bad scheme."""
    low = source.lower()
    if low.startswith(("http://", "https://")):
        return "url"
    if "://" in source:
        raise InputError(source, "is not an http(s) URL or a local path")
    path = Path(source)
    if not path.exists():
        raise InputError(source, "no such file or folder")
    if path.is_file() and is_warc(path):
        return "warc"
    if path.is_file() and path.suffix.lower() in (".txt", ".urls", ".lst") and _looks_like_url_list(path):
        return "urllist"
    return "path"


def _looks_like_url_list(path: Path) -> bool:
    """True when the first non-blank, non-comment line of a small text file is a URL."""
    with path.open("r", encoding="utf-8", errors="replace") as fh:
        for line in fh:
            text = line.strip()
            if text and not text.startswith("#"):
                return text.lower().startswith(("http://", "https://")) or "://" in text
    return False


def _html_document(body: bytes, charset: str | None, source: str, url: str) -> RawDocument | Skipped:
    """HTML bytes -> RawDocument via ``newsdesk.ingest``, honouring a declared charset."""
    from newsdesk.ingest import read_html

    data: bytes | str = body
    if charset:
        try:
            codecs.lookup(charset)
            data = body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            data = body  # wrong or unknown declared charset: let ingest sniff the bytes
    try:
        return read_html(data, source, url=url)
    except NewsdeskError as exc:
        return Skipped(source, str(exc), "ingest")
