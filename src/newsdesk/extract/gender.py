"""Which people a "he" or "she" can refer to: the gender a person's name or title says.

Used by quote attribution so that "..., she said" never resolves to Jimmy Kimmel, the
last person named before it, when Sarah Silverman was named earlier. Evidence, in order:

- a gendered honorific or title the article puts before the name ("Mr Moon", "Ms.
  Kelly", "Queen Elizabeth", "spokeswoman Hua Chunying"), or "Mr"/"Ms" before the
  surname anywhere in the article (``surname_gender``);
- the given name, looked up in the given-name lists of Faker's person providers (MIT,
  ~60 Latin-script locales), when at least two locales list it as one gender and none
  as the other: "Kelly", "Jean", "Andrea" and "Niki" say nothing. A name written
  surname first ("Park Geun-hye") has no given name to look up.

Anything else (a surname alone, a name in no list) is unknown, and an unknown person
stays a possible antecedent of either pronoun: the check only ever rules people out.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections import Counter
from functools import lru_cache

# Pronouns and the gender they need of their antecedent.
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                  "she": "f", "her": "f", "hers": "f", "herself": "f"}
_KIN_M = ("husband father son brother boyfriend uncle nephew grandfather grandson "
          "stepfather stepson widower").split()
_KIN_F = ("wife mother daughter sister girlfriend aunt niece grandmother granddaughter "
          "stepmother stepdaughter widow").split()
# Honorifics and titles that say a gender ("Mr", "Queen", "spokeswoman"), and kin words
# set before a name ("her husband Tony", "his daughter Ivanka").
TITLE_GENDER = {
    **dict.fromkeys("mr sir lord king prince duke emperor sultan sheikh".split(), "m"),
    **dict.fromkeys(("mrs ms miss madam madame dame lady queen princess duchess empress actress "
                     "spokeswoman chairwoman congresswoman businesswoman councilwoman "
                     "policewoman sportswoman anchorwoman").split(), "f"),
    **dict.fromkeys(_KIN_M, "m"),
    **dict.fromkeys(_KIN_F, "f"),
}
# Words for a relative or partner: a person's, whoever they are kin to ("another brother,
# Patrick Paddock II, of Tucson, said").
KIN_WORDS = frozenset(_KIN_M) | frozenset(_KIN_F)
# Locales that must list a name as one gender. One is not enough: the broad "en" list
# alone has "Niki" (Lauda) as a woman's name and "Park" (Geun-hye) as a man's.
MIN_LOCALES = 2
# Gendered honorifics written with a full stop ("Mr. Moon"), unlike a sentence's last word.
_ABBREVIATED = frozenset({"mr", "mrs", "ms"})
# Informal words for a nationality that tabloids put before a name ("Brit Kartik Bhanot",
# "Aussie Jane Smith") and that the lists also have as given names ("Brit").
NATIONAL_WORDS = frozenset({"brit", "briton", "aussie", "kiwi", "scot", "yank", "canuck"})
# A romanised Korean given name ("Geun-hye", "Jae-in") last: the name is surname first.
_SURNAME_FIRST = re.compile(r"\s[A-Z][a-z]+-[a-z]+$")
_LATIN_NAME = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*\.?")


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """Lower-cased given name -> "m" or "f", from every Faker locale that lists both
    genders' names: a name MIN_LOCALES or more list as one gender and none as the
    other. Empty without Faker."""
    seen: dict[str, Counter[str]] = {}
    for provider in _person_providers():
        male, female = getattr(provider, "first_names_male", None), getattr(provider, "first_names_female", None)
        if not male or not female:
            continue
        for names, gender in ((male, "m"), (female, "f")):
            for name in names:
                if _LATIN_NAME.fullmatch(name):
                    seen.setdefault(name.lower(), Counter())[gender] += 1
    return {name: gender for name, votes in seen.items() if len(votes) == 1
            for gender, locales in votes.items() if locales >= MIN_LOCALES}


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Lower-cased surnames of every Faker locale's person provider (about 28,000: broad,
    "house" and "park" are in it too). Empty without Faker."""
    return frozenset(name.lower() for provider in _person_providers()
                     for name in getattr(provider, "last_names", ()) or () if _LATIN_NAME.fullmatch(name))


@lru_cache(maxsize=1)
def _person_providers() -> tuple[type, ...]:
    """Every Faker locale's person provider class, in locale order (none without Faker)."""
    try:
        import faker.providers.person as person
    except ImportError:  # pragma: no cover - faker is a core dependency
        return ()
    out: list[type] = []
    for mod in sorted(pkgutil.iter_modules(person.__path__), key=lambda m: m.name):
        try:
            out.append(importlib.import_module(f"{person.__name__}.{mod.name}").Provider)
        except (ImportError, AttributeError):
            continue
    return tuple(out)


def name_gender(name: str, before: str = "") -> str | None:
    """"m", "f" or None for a person's name, with ``before`` the text just before it in
    the article (where "Mr." or "spokeswoman" stands). The given name is the first word
    of a name of two or more words that the lists know, never its last (the surname):
    so "Comedian Sarah Silverman" is "f", and "Thurman" alone (a surname, though also
    a given name) is None. A nationality before the name is no given name ("Brit")."""
    words = [w.rstrip(".").lower() for w in _WORD.findall(name)]
    prior: list[str] = []
    for w in _WORD.findall(before.rsplit("\n", 1)[-1])[-2:]:
        low = w.rstrip(".").lower()
        # a word closing a sentence ("... said the spokeswoman. Jim Beam") is no title
        prior = [] if w.endswith(".") and low not in _ABBREVIATED else [*prior, low]
    for w in reversed(prior + words[:-1]):
        if w in TITLE_GENDER:
            return TITLE_GENDER[w]
    if _SURNAME_FIRST.search(name):
        return None  # "Park Geun-hye", "Moon Jae-in": the first word is the surname
    table = given_names()
    for w in words[:-1]:
        if w in NATIONAL_WORDS:
            continue  # "Brit Kartik Bhanot": a nationality, not the given name "Brit"
        if w in table:
            return table[w]
    return None


def surname_gender(text: str, surname: str) -> str | None:
    """"m" or "f" when ``text`` anywhere writes "Mr", "Mrs", "Ms" or "Miss" before
    ``surname`` ("Mr Moon said", "Ms. Okesola"), else None."""
    m = re.search(r"\b(Mr|Mrs|Ms|Miss)\.?\s+" + re.escape(surname) + r"\b", text)
    return TITLE_GENDER[m.group(1).lower()] if m else None


def agrees(pronoun: str, gender: str | None) -> bool:
    """Whether a person of ``gender`` (None: unknown) can be what ``pronoun`` refers to."""
    need = PRONOUN_GENDER.get(pronoun.lower())
    return need is None or gender is None or gender == need
