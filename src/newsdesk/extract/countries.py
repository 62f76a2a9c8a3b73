"""Which country an entity names: "Russia", "Russian", "Russians" and "Moscow" all name
Russia (ISO code "RU").

News copy names a state by its name, its people ("Russian officials") and its capital
("Moscow said", "talks between Washington and Beijing"). Canonical entities keep these
apart (a city is not a country in the entity graph); alignment reads this mapping so
that "Maduro sought military assistance from Russia and China" and "Maduro has reached
out to Moscow and Beijing" share their subjects.

The table comes from the ``countryinfo`` package (names, alternative spellings, demonyms
and capitals of ~250 countries and territories). Only place and nationality entities
(GPE, LOC, NORP) are looked up: "Chad" or "Jordan" as a PERSON name no country.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsdesk.model import Entity

PLACE_TYPES = frozenset({"GPE", "LOC", "NORP"})
_SPACE = re.compile(r"\s+")


def _norm(name: str) -> str:
    """Lower case, no dots ("U.S." == "US"), no leading "the", single spaces."""
    text = _SPACE.sub(" ", name.replace(".", "").strip()).lower()
    return text[4:] if text.startswith("the ") else text


@lru_cache(maxsize=1)
def country_table() -> dict[str, str]:
    """Normalised name, spelling, demonym or capital -> ISO alpha-2 code. A form claimed
    by several (France and its overseas territories are all "French") names the most
    populous of them. Empty when ``countryinfo`` is not installed."""
    try:
        from countryinfo import all_countries
    except ImportError:  # pragma: no cover - a core dependency
        return {}
    claims: dict[str, list[tuple[int, str]]] = {}
    for country in all_countries():
        info = country.info()
        code = str((info.get("ISO") or {}).get("alpha2") or "")
        if not code:
            continue
        population = int(info.get("population") or 0)
        forms = [info.get("name"), info.get("demonym"), *(info.get("altSpellings") or [])]
        capital = info.get("capital")
        if capital:
            forms.append(str(capital).removesuffix(" D.C."))  # "Washington D.C."
        for form in forms:
            if form:
                claims.setdefault(_norm(str(form)), []).append((-population, code))
    return {form: min(codes)[1] for form, codes in claims.items() if form}


def country_of_name(name: str) -> str | None:
    """The ISO code a place or nationality name stands for ("Beijing" -> "CN",
    "Americans" -> "US"), or None. Two-letter codes count only written in capitals
    ("US", "UK"); a plural nationality counts as its singular."""
    table = country_table()
    key = _norm(name)
    if len(key) <= 3 and not name.replace(".", "").isupper():
        return None
    code = table.get(key)
    if code is None and key.endswith("s"):
        code = table.get(key[:-1])
    return code


def entity_country(entity: Entity) -> str | None:
    """The country a place or nationality entity names, read from its name and then its
    aliases; None for other entity types and for names no country has."""
    if entity.type not in PLACE_TYPES:
        return None
    for name in (entity.name, *entity.aliases):
        code = country_of_name(name)
        if code is not None:
            return code
    return None
