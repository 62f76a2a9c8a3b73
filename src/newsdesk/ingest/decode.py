"""Bytes -> text: BOM, then UTF-8, then the HTML meta charset, then charset-normalizer.

The order matters. A BOM is authoritative. Bytes that decode as UTF-8 *and* contain
non-ASCII are UTF-8 even when a meta tag says otherwise: legacy single-byte text is
practically never valid multi-byte UTF-8, while pages mislabelled "iso-8859-1" that are
really UTF-8 are common. Otherwise a declared ``<meta charset>`` wins, and only
undeclared, non-UTF-8 bytes go to charset-normalizer's guess.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from newsdesk.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">;
# browsers look in the first 1024 bytes, we allow 4096 for pages with long <head> comments.
_META_CHARSET = re.compile(rb"""<meta[^>]{0,500}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
_SNIFF_BYTES = 4096

# WHATWG Encoding Standard: these labels mean windows-1252 on the web.
_WEB_ALIASES = {"iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
                "us-ascii": "cp1252", "ascii": "cp1252", "l1": "cp1252"}

# Text with more than 10% control characters (other than tab, CR, LF, FF) is not text. Real
# articles in examples/ and fundus-evaluation have none; random bytes decoded as a legacy
# code page have ~12% (32 of 256 byte values are C0 controls).
MAX_CONTROL_RATIO = 0.10


def _strip_bom(data: bytes) -> tuple[bytes, str | None]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom):], name
    return data, None


def declared_charset(data: bytes) -> str | None:
    """The Python codec named by an HTML ``<meta ... charset=...>`` near the top, if valid."""
    m = _META_CHARSET.search(data[:_SNIFF_BYTES])
    if not m:
        return None
    label = m.group(1).decode("ascii", "replace").strip().lower()
    label = _WEB_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def control_ratio(text: str) -> float:
    """Share of characters that are C0/C1 control characters (tab, LF, FF and CR excluded)."""
    if not text:
        return 0.0
    return len(_CONTROL.findall(text)) / len(text)


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _guess(data: bytes, source: str) -> tuple[str, str]:
    """Declared charset, else charset-normalizer's best non-UTF-16/32 guess, else cp1252.

    Ties between guesses go to cp1252.

    UTF-16/32 guesses are refused: without a BOM and without NUL bytes (both handled
    before this) such guesses are artefacts of short legacy-encoded inputs ("caf\\xe9").
    """
    declared = declared_charset(data)
    if declared and (text := _try(data, declared)) is not None:
        return text, declared
    matches = [m for m in from_bytes(data) if not m.encoding.startswith(("utf_16", "utf_32"))]
    if matches:
        best = matches[0]
        # On ties (common for short texts) prefer windows-1252, the web's usual legacy code.
        for m in matches:
            if m.encoding == "cp1252" and m.chaos <= best.chaos and m.coherence >= best.coherence:
                best = m
        return str(best), best.encoding
    if (text := _try(data, "cp1252")) is not None:
        return text, "cp1252"
    raise InputError(source, "undecodable: not text in any known encoding")


def decode_bytes(data: bytes, source: str) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)`` (a Python codec name).

    Raises ``InputError`` for binary data (NUL bytes without a UTF-16/32 BOM, or mostly
    control characters) and for bytes no encoding explains. The BOM is removed.
    """
    body, bom_codec = _strip_bom(data)
    if bom_codec is not None:
        text = _try(body, bom_codec)
        if text is None:
            raise InputError(source, f"undecodable: has a {bom_codec} byte-order mark but is not {bom_codec}")
        encoding = bom_codec
    elif b"\x00" in body:
        raise InputError(source, "binary file (contains NUL bytes), not text")
    elif (text := _try(body, "utf-8")) is not None and (not body.isascii() or declared_charset(body) is None):
        encoding = "utf-8"
    else:
        text, encoding = _guess(body, source)
    if control_ratio(text) > MAX_CONTROL_RATIO:
        raise InputError(source, "binary file (mostly control characters), not text")
    return text, encoding
