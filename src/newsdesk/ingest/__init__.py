"""Ingest stage: files, folders, JSONL and HTML -> ``RawDocument`` (plus ``Skipped``).

Public API: ``read_inputs`` (the stage), ``read_html`` (one page, for live ingest and
WARC), ``decode_bytes`` (bytes -> text with the encoding used).
"""

from __future__ import annotations

from newsdesk.ingest.decode import decode_bytes
from newsdesk.ingest.files import SUPPORTED_SUFFIXES, read_inputs
from newsdesk.ingest.html import read_html
from newsdesk.ingest.meta import normalize_date

__all__ = ["SUPPORTED_SUFFIXES", "decode_bytes", "normalize_date", "read_html", "read_inputs"]
