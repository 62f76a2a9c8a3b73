"""Files and folders -> ``RawDocument`` records, with every unusable input recorded.

Folders are walked recursively in sorted order; hidden files and folders (name starts
with ".") are passed over without a record, since they are not inputs anyone meant
(``.DS_Store``, ``.git``). Arguments are read in the order given; a file reached twice
is read once.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from newsdesk.errors import ConfigError, InputError
from newsdesk.ingest.decode import decode_bytes
from newsdesk.ingest.html import paragraph_lines, read_html, unwrap_paragraphs
from newsdesk.ingest.jsonl import read_json, read_jsonl
from newsdesk.model import RawDocument, Skipped
from newsdesk.settings import Settings

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
JSON_SUFFIXES = frozenset({".json"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES
ON_ERROR_POLICIES = ("skip", "fail")


def iter_files(paths: Sequence[str]) -> Iterator[Path]:
    """Every file named or under a named folder; raises ``InputError`` for a missing path."""
    seen: set[Path] = set()
    for arg in paths:
        root = Path(arg)
        if not root.exists():
            raise InputError(str(arg), "no such file or directory")
        for path in [root] if not root.is_dir() else _walk(root):
            key = path.resolve()
            if key not in seen:
                seen.add(key)
                yield path


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def _read_bytes(path: Path, limit: int) -> bytes:
    """The file's bytes; the size is checked before reading, and the read is bounded."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(source, f"file too large ({size} bytes > limit {limit} bytes; settings.max_input_bytes)")
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise InputError(source, f"cannot be read: {exc.strerror or exc}") from exc
    if len(data) > limit:  # grew since stat()
        raise InputError(source, f"file too large (over limit {limit} bytes; settings.max_input_bytes)")
    if not data.strip():
        raise InputError(source, "empty file")
    return data


def _read_text(path: Path, limit: int) -> RawDocument:
    text, encoding = decode_bytes(_read_bytes(path, limit), str(path))
    return RawDocument(source=str(path), text=paragraph_lines(unwrap_paragraphs(text)), encoding=encoding)


def _read_one(path: Path, settings: Settings) -> Iterator[RawDocument | Skipped]:
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(path, settings.max_input_bytes)
        elif suffix in JSON_SUFFIXES:
            yield from read_json(_read_bytes(path, settings.max_input_bytes), path)
        elif suffix in TEXT_SUFFIXES:
            yield _read_text(path, settings.max_input_bytes)
        elif suffix in HTML_SUFFIXES:
            yield read_html(_read_bytes(path, settings.max_input_bytes), str(path))
        else:
            kind = f"unsupported file type {suffix}" if suffix else "unsupported file type (no extension)"
            yield Skipped(str(path), f"{kind}; supported: {', '.join(sorted(SUPPORTED_SUFFIXES))}")
    except InputError as exc:
        yield Skipped(exc.source, exc.problem)
    except OSError as exc:  # a JSONL file that vanished or cannot be opened
        yield Skipped(str(path), f"cannot be read: {exc.strerror or exc}")


def _gate(doc: RawDocument, min_chars: int) -> RawDocument | Skipped:
    """Too little text is not an article (menus, paywalls, error pages)."""
    n = len(doc.text.strip())
    if n < min_chars:
        return Skipped(doc.source, f"not an article: too little text ({n} chars < {min_chars}; settings.min_article_chars)")
    return doc


def read_inputs(
    paths: Sequence[str], settings: Settings, on_error: str = "skip"
) -> tuple[list[RawDocument], list[Skipped]]:
    """Read files, folders and JSONL into ``RawDocument`` records.

    A missing path always raises ``InputError``. Each bad input (file, or ``file:LINE``
    in JSONL) becomes a ``Skipped`` with the reason; with ``on_error="fail"`` the first
    one raises ``InputError`` instead. Order: arguments as given, folders sorted.
    """
    if on_error not in ON_ERROR_POLICIES:
        raise ConfigError(f"on_error must be one of {ON_ERROR_POLICIES}, not {on_error!r}")
    docs: list[RawDocument] = []
    skipped: list[Skipped] = []
    for path in iter_files(paths):
        for item in _read_one(path, settings):
            result = _gate(item, settings.min_article_chars) if isinstance(item, RawDocument) else item
            if isinstance(result, RawDocument):
                docs.append(result)
            elif on_error == "fail":
                raise InputError(result.source, result.reason)
            else:
                skipped.append(result)
    return docs, skipped
