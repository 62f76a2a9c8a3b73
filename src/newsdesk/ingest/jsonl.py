"""JSON articles: JSONL (one article per line) and ``.json`` files (one article object, or
an array of them), each with ``text`` or ``html`` plus optional metadata.

A JSONL file is streamed (a JSONL corpus may be far larger than one article), so the
size limit ``settings.max_input_bytes`` applies to each line, not to the file. Every
line is its own input, named ``path:LINE`` (1-based); a bad line is skipped and the rest
read. A ``.json`` file is read whole under that limit; the articles of an array are
named ``path:N`` (1-based), and a bad one is skipped as a bad line is.

Field names are newsdesk's (``text``, ``html``, ``url``, ``title``, ``published``,
``outlet``, ``author``) or news-please's, the format of its article files and of the
giveme5w1h corpus: ``maintext`` for the text, ``date_publish`` for the date, ``authors``
(a list) for the author; newsdesk's name wins when a record has both.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from newsdesk.errors import InputError
from newsdesk.ingest.html import paragraph_lines, read_html, unwrap_paragraphs
from newsdesk.ingest.meta import clean_field, normalize_date, outlet_from_url
from newsdesk.model import RawDocument, Skipped

_CHUNK = 1 << 20


def _lines(fh: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """``(line_number, line)``; ``None`` for a line over ``limit`` bytes (never held whole)."""
    number = 0
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) <= limit or line.endswith(b"\n"):
            yield number, line
            continue
        while line and not line.endswith(b"\n"):  # drain the rest of the oversized line
            line = fh.readline(_CHUNK)
        yield number, None


def _str_field(record: dict[str, object], key: str) -> str | None:
    value = record.get(key)
    return value if isinstance(value, str) and value.strip() else None


def _decode(data: bytes, where: str) -> object:
    """The JSON value of ``data``; ``InputError(where, ...)`` when it is not UTF-8 JSON."""
    try:
        return json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(where, f"not valid UTF-8 (JSON text must be UTF-8): {exc.reason} at byte {exc.start}") from exc
    except json.JSONDecodeError as exc:
        at = f"line {exc.lineno} column {exc.colno}" if exc.lineno > 1 else f"column {exc.colno}"
        raise InputError(where, f"invalid JSON: {exc.msg} at {at}") from exc
    except RecursionError as exc:
        raise InputError(where, "invalid JSON: nested too deeply") from exc


def _parse(line: bytes, where: str) -> dict[str, object]:
    record = _decode(line, where)
    if not isinstance(record, dict):
        raise InputError(where, f"a JSON object is expected, got {type(record).__name__}")
    return record


def _authors(record: dict[str, object]) -> str | None:
    """``author``, or news-please's ``authors`` list joined ("A, B")."""
    value = record.get("author")
    if value is None and isinstance(names := record.get("authors"), list):
        value = ", ".join(n.strip() for n in names if isinstance(n, str) and n.strip())
    return clean_field(value) if isinstance(value, str) and value else None


def record_to_document(record: dict[str, object], source: str, where: str) -> RawDocument:
    """One JSON article record -> ``RawDocument``; explicit record fields win over
    extracted ones (field names: module docstring)."""
    text, html = _str_field(record, "text") or _str_field(record, "maintext"), _str_field(record, "html")
    url = clean_field(record.get("url"))
    if text is not None:
        doc = RawDocument(source=source, text=paragraph_lines(unwrap_paragraphs(text)), url=url, encoding="utf-8")
    elif html is not None:
        try:
            doc = read_html(html, source, url=url)
        except InputError as exc:
            raise InputError(where, exc.problem) from exc
    else:
        raise InputError(where, "no 'text', 'maintext' or 'html' string field")
    outlet = clean_field(record.get("outlet"))
    return RawDocument(
        source=source,
        text=doc.text,
        url=doc.url,
        title=clean_field(record.get("title")) or doc.title,
        author=_authors(record) or doc.author,
        outlet=outlet or doc.outlet or outlet_from_url(doc.url),
        published=(normalize_date(record.get("published")) or normalize_date(record.get("date_publish"))
                   or doc.published),
        encoding="utf-8",
    )


def read_jsonl(path: Path, max_line_bytes: int) -> Iterator[RawDocument | Skipped]:
    """Documents and skipped lines of one JSONL file, in file order.

    Blank lines are not records and are passed over; a file with no record at all is
    one ``Skipped(path, ...)``, never silently nothing. Problems are reported as
    ``Skipped(path:LINE, "line N: ...")``; the length gate is the caller's.
    """
    records = 0
    with path.open("rb") as fh:
        for number, line in _lines(fh, max_line_bytes):
            source = f"{path}:{number}"
            where = f"line {number}"
            if line is None:
                records += 1
                yield Skipped(source, f"{where}: line too large (over {max_line_bytes} bytes)")
                continue
            if number == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            if not line.strip():
                continue
            records += 1
            try:
                yield record_to_document(_parse(line, where), source, where)
            except InputError as exc:
                yield Skipped(source, f"{exc.source}: {exc.problem}")
    if records == 0:
        yield Skipped(str(path), "no JSON records: the file is empty or has only blank lines")


def read_json(data: bytes, path: Path) -> Iterator[RawDocument | Skipped]:
    """Documents of one ``.json`` file (``data``, read under the size limit): one article
    object, or an array of them named ``path:N``. A file that is not JSON, or holds
    neither, is one ``Skipped(path, ...)``; a bad article of an array is skipped alone."""
    value = _decode(data[3:] if data.startswith(b"\xef\xbb\xbf") else data, str(path))
    if isinstance(value, dict):
        try:
            yield record_to_document(value, str(path), str(path))
        except InputError as exc:
            raise InputError(str(path), exc.problem) from exc
        return
    if not isinstance(value, list):
        raise InputError(str(path), f"a JSON article object or an array of them is expected, got {type(value).__name__}")
    if not value:
        raise InputError(str(path), "no articles: the array is empty")
    for number, record in enumerate(value, 1):
        source, where = f"{path}:{number}", f"article {number}"
        if not isinstance(record, dict):
            yield Skipped(source, f"{where}: a JSON object is expected, got {type(record).__name__}")
            continue
        try:
            yield record_to_document(record, source, where)
        except InputError as exc:
            yield Skipped(source, f"{exc.source}: {exc.problem}")
