"""Month names as English news copy writes them: one table for every step that reads dates.

Cleaning (date lines, archive menus), date normalization, quote signatures and the
evaluation's loose date parser all match months; they share this table so that a spelling
added here ("Sept.") is read the same way everywhere.
"""

from __future__ import annotations

_FULL = ("january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december")
_SHORT = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
          "sept": 9, "oct": 10, "nov": 11, "dec": 12}

# Lower-case full name or abbreviation -> month number (1-12).
MONTHS: dict[str, int] = {**{name: i + 1 for i, name in enumerate(_FULL)}, **_SHORT}


def _alternation(names: list[str]) -> str:
    return "|".join(sorted(names, key=lambda n: (-len(n), n)))


# Capitalised month as news copy writes it, full ("October") or abbreviated with an optional
# full stop ("Oct.", "Sept"); a regular-expression fragment without groups. Matched
# case-sensitively, it keeps "may" and "march" the verbs out.
MONTH_PATTERN = (rf"(?:{_alternation([n.title() for n in _FULL])}|"
                 rf"(?:{_alternation([n.title() for n in _SHORT])})\.?)")
# Any month spelling, lower case and without the full stop, for case-insensitive matching.
MONTH_WORDS = rf"(?:{_alternation(list(MONTHS))})"
