"""WARC / WARC.gz files -> HTML responses (warcio), with the charset the server sent."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsdesk.errors import InputError
from newsdesk.fetch.http import HTML_TYPES, parse_content_type


@dataclass(frozen=True)
class WarcPage:
    """One HTML response record: target URL, decoded-transfer body, declared charset."""

    url: str
    body: bytes
    charset: str | None
    record_id: str


@dataclass(frozen=True)
class WarcSkip:
    """A response record that is not usable HTML (wrong type, too big, not 200)."""

    url: str
    reason: str


def is_warc(path: str | Path) -> bool:
    name = str(path).lower()
    return name.endswith((".warc", ".warc.gz"))


def iter_warc(path: str | Path, max_bytes: int) -> Iterator[WarcPage | WarcSkip]:
    """Response records in file order. warcio undoes chunked transfer and gzip content
    encoding; bodies are read at most ``max_bytes`` + 1 bytes at a time."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                yield _page(record, max_bytes)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        raise InputError(str(path), f"unreadable WARC ({type(exc).__name__}: {exc})") from exc


def _page(record: object, max_bytes: int) -> WarcPage | WarcSkip:
    headers = record.http_headers  # type: ignore[attr-defined]
    url = str(record.rec_headers.get_header("WARC-Target-URI") or "")  # type: ignore[attr-defined]
    status = str(headers.get_statuscode() or "")
    if status != "200":
        return WarcSkip(url, f"HTTP status {status or 'missing'} in WARC record")
    ctype, charset = parse_content_type(headers.get_header("Content-Type"))
    if ctype not in HTML_TYPES:
        return WarcSkip(url, f"content type {ctype or 'missing'!r} is not HTML")
    body = record.content_stream().read(max_bytes + 1)  # type: ignore[attr-defined]
    if len(body) > max_bytes:
        return WarcSkip(url, f"body exceeds {max_bytes:,} bytes")
    rid = str(record.rec_headers.get_header("WARC-Record-ID") or url)  # type: ignore[attr-defined]
    return WarcPage(url, body, charset, rid)
