"""Metadata normalisation shared by the HTML and JSONL readers."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")
# dateparser only sees short strings with a year in them: without one the date is
# relative or partial anyway, and dateparser's all-locale search on such strings takes
# seconds ("yesterday-ish": 21 s measured) against ~0.2 s with a year.
_HAS_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_MAX_FREE_TEXT_DATE = 60
# Dates outside this range are almost surely parse accidents (e.g. "0001-01-01" defaults);
# the earliest article in the public sets (TimeBank) is 1989, the latest is 2026.
_MIN_YEAR, _MAX_YEAR = 1900, 2100


def _valid(d: date) -> str | None:
    return d.isoformat() if _MIN_YEAR <= d.year <= _MAX_YEAR else None


def _dateparser(value: str) -> date | None:
    import dateparser  # heavy (regex tables); only for non-ISO, non-RFC-2822 strings

    parsed = dateparser.parse(value, settings={"STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date() if parsed else None


def normalize_date(value: object) -> str | None:
    """An ISO calendar date ``YYYY-MM-DD`` for a date-like string, or None.

    Accepts ISO 8601 dates and datetimes (the local date is kept, no timezone
    conversion: a 23:30-05:00 story is dated where it was published), RFC 2822 feed
    dates and, last, whatever ``dateparser`` reads strictly ("March 3, 2025").
    """
    if not isinstance(value, str) or not value.strip() or len(value) > 100:
        return None
    text = value.strip()
    if m := _ISO_PREFIX.match(text):
        try:
            return _valid(date(int(m[1]), int(m[2]), int(m[3])))
        except ValueError:
            return None
    for parse in (datetime.fromisoformat, parsedate_to_datetime):
        try:
            return _valid(parse(text).date())
        except (ValueError, TypeError, IndexError, OverflowError):
            continue
    if len(text) > _MAX_FREE_TEXT_DATE or not _HAS_YEAR.search(text):
        return None
    try:
        parsed = _dateparser(text)
    except (ValueError, TypeError, OverflowError, LookupError):
        return None
    return _valid(parsed) if parsed else None


def outlet_from_url(url: str | None) -> str | None:
    """The host of ``url`` without a leading ``www.`` ("apnews.com"), or None."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def clean_field(value: object, max_len: int = 500) -> str | None:
    """A stripped, whitespace-collapsed string field, or None for non-strings / blanks."""
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text[:max_len] if text else None
