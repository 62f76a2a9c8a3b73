"""Quantities in one article: "$3.5 billion", "about 500 tons of cocaine", "14 new missile units".

``extract_quantities`` finds numbers written in digits or words with a grammar of regular
expressions (no trained model), then reads what surrounds them: a qualifier before
("about", "more than"), a currency sign or scale word ("million"), a unit ("tons", "km",
"%") and what is counted (the noun phrase after the number, or the ``of`` phrase after a
unit: "500 tons of cocaine" counts "cocaine"). Years, dates, clock times, ordinals,
phone-like digit runs and model names ("Su-30MK2", "Il-76") are not quantities.

``quantities_compatible`` decides whether two quantities can describe the same amount
(used by contradiction detection): ``True`` when equal up to rounding or an approximate
or bounding qualifier, ``False`` when they clearly differ for the same thing, ``None``
when not comparable. Offsets index ``Article.text``; spans come from ``article.evidence``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsdesk.model import Article, Quantity, TimeExpression
from newsdesk.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Abbreviated scales seen in news copy ("$5bn", "$3m", "10k").
SHORT_SCALES = {"bn": 1e9, "b": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3, "tn": 1e12}
_NUMW = "|".join(sorted([*SMALL, *SCALES, "dozen", "half"], key=len, reverse=True))
_BIG = "hundred|thousand|million|billion|trillion|dozen|half"
# A word number starts with a number word (or "a"/"an" before a scale word) and may go on
# with more number words joined by spaces, hyphens or "and" ("one hundred and five").
WORD_NUMBER_RE = re.compile(
    rf"\b(?:(?:a|an)[\s-]+(?:{_BIG})|(?:{_NUMW}))(?:[\s-]+(?:and[\s-]+(?:a[\s-]+)?|a[\s-]+)?(?:{_NUMW}))*\b",
    re.IGNORECASE,
)
# A figure and a half in digits: "11-and-a-half hours", "2 and a half", "2½".
HALF_SUFFIX = r"(?:[\s-]+and[\s-]+a[\s-]+half\b|½)"
DIGIT_NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+){HALF_SUFFIX}?"

CURRENCY_SIGNS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB"}
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "usd": "USD", "euro": "EUR", "euros": "EUR",
    "eur": "EUR", "pound sterling": "GBP", "rubles": "RUB", "roubles": "RUB", "ruble": "RUB",
    "yuan": "CNY", "yen": "JPY", "bolivars": "VES", "bolívares": "VES", "renminbi": "CNY",
    "pesos": "peso", "rupees": "rupee", "dinars": "dinar", "riyals": "riyal", "dirhams": "dirham",
    "francs": "franc", "naira": "NGN", "shekels": "ILS", "lira": "lira", "liras": "lira", "kroner": "krone",
    "kronor": "SEK", "zloty": "PLN", "zlotys": "PLN", "baht": "THB", "ringgit": "MYR", "rupiah": "IDR",
    "hryvnias": "UAH",
    # a currency named by its country: "1 million Egyptian pounds" (no weight), "Canadian dollars"
    "pounds sterling": "GBP", "british pounds": "GBP", "egyptian pounds": "EGP", "lebanese pounds": "LBP",
    "syrian pounds": "SYP", "sudanese pounds": "SDG", "us dollars": "USD", "u.s. dollars": "USD",
    "american dollars": "USD", "canadian dollars": "CAD", "australian dollars": "AUD",
    "hong kong dollars": "HKD", "new zealand dollars": "NZD", "singapore dollars": "SGD",
    "taiwan dollars": "TWD", "zimbabwean dollars": "ZWL", "mexican pesos": "MXN", "argentine pesos": "ARS",
    "colombian pesos": "COP", "chilean pesos": "CLP", "philippine pesos": "PHP", "indian rupees": "INR",
    "pakistani rupees": "PKR", "sri lankan rupees": "LKR", "swiss francs": "CHF", "turkish lira": "TRY",
    "saudi riyals": "SAR", "iraqi dinars": "IQD", "jordanian dinars": "JOD", "kuwaiti dinars": "KWD",
    "uae dirhams": "AED", "moroccan dirhams": "MAD", "swedish kronor": "SEK", "danish kroner": "DKK",
    "norwegian kroner": "NOK", "south african rand": "ZAR", "nigerian naira": "NGN",
}
CURRENCIES = frozenset({*CURRENCY_SIGNS.values(), *CURRENCY_WORDS.values()})
# "pounds" is a weight ("5 million pounds of thrust") unless money is what is said:
# "ordered to pay two million pounds", "fined 30,000 pounds", "a 10 million pounds deal".
_MONEY_CONTEXT = re.compile(
    r"\b(?:pa(?:y|ys|id|ying)|fined?|fines|cost(?:s|ing)?|worth|spen[dt]|spending|earn(?:s|ed|ing)?|rais(?:e|ed|es|ing)"
    r"|donat(?:e|ed|ion|ions)|compensation|damages|salary|wages?|bail|reward|prize|price|fees?|bills?"
    r"|budget|funding|fund|invest(?:ed|ment|ing)?|sold\s+for|bought\s+for|owe[sd]?|debts?|loans?"
    r"|bribes?|ransom|tax(?:es)?|profits?|revenues?|turnover|deal|contract)\b[^.;:!?]{0,60}$",
    re.IGNORECASE,
)
UNITS = {
    "%": "%", "percent": "%", "per cent": "%", "percentage points": "pp",
    "percentage point": "pp", "tons": "ton", "ton": "ton", "tonnes": "ton", "tonne": "ton",
    "kilometers": "km", "kilometres": "km", "kilometer": "km", "kilometre": "km", "km": "km",
    "miles": "mile", "mile": "mile", "meters": "m", "metres": "m", "meter": "m", "metre": "m",
    "kilograms": "kg", "kilogram": "kg", "kg": "kg", "pounds": "lb", "lbs": "lb", "pound": "lb",
    "feet": "ft", "foot": "ft", "ft": "ft", "inches": "in", "inch": "in", "yards": "yd", "yard": "yd",
    "centimetres": "cm", "centimeters": "cm", "cm": "cm", "millimetres": "mm", "millimeters": "mm", "mm": "mm",
    "barrels": "barrel", "barrel": "barrel", "acres": "acre",
    "square kilometers": "km2", "square miles": "mile2", "liters": "l", "litres": "l",
    "gallons": "gallon", "hours": "hour", "hour": "hour", "days": "day", "day": "day",
    "weeks": "week", "week": "week", "months": "month", "month": "month", "years": "year",
    "year": "year", "decades": "decade", "minutes": "minute", "knots": "knot", "mph": "mph",
    "kph": "km/h", "km/h": "km/h", "magnitude": "magnitude",
    # speeds in words: "43 miles per hour" is no distance
    "miles per hour": "mph", "miles an hour": "mph", "kilometres per hour": "km/h", "kilometers per hour": "km/h",
    "kilometres an hour": "km/h", "kilometers an hour": "km/h", "km per hour": "km/h", "km an hour": "km/h",
}
# Container nouns: "14 sets of missiles" counts missiles in sets.
CONTAINERS = {"sets", "set", "units", "batches", "pairs", "dozens", "rounds", "shipments", "squadrons"}
QUALIFIERS = (
    "more than", "fewer than", "less than", "at least", "at most", "up to", "as many as",
    "as much as", "as few as", "upwards of", "in excess of", "close to", "just over",
    "just under", "an estimated", "approximately", "about", "around", "roughly", "nearly",
    "almost", "some", "over", "under", "only", "estimated", "exactly",
)
APPROX = {"about", "around", "approximately", "roughly", "nearly", "almost", "some", "close to",
          "an estimated", "estimated"}
LOWER_BOUND = {"more than", "at least", "over", "upwards of", "in excess of", "just over"}
UPPER_BOUND = {"fewer than", "less than", "at most", "up to", "under", "as many as",
               "as much as", "just under"}
# Relative tolerance for approximate qualifiers ("about 500" vs "480"): 10%, a common
# reading of "about"; not swept (no data set here pairs approximate with exact figures).
APPROX_TOLERANCE = 0.10

_QUAL_RE = "|".join(re.escape(q) for q in QUALIFIERS)
_UNIT_RE = "|".join(re.escape(u) for u in sorted([*UNITS, *CURRENCY_WORDS], key=len, reverse=True))
QUANTITY_RE = re.compile(
    rf"(?:(?P<qual>\b(?:{_QUAL_RE}))\s+)?"
    rf"(?P<cur>US\$|[$€£¥₽])?\s?"
    rf"(?P<num>{DIGIT_NUMBER}|{WORD_NUMBER_RE.pattern})"
    rf"(?:(?P<ratio>[\s-]+(?:in|out\s+of)[\s-]+)(?P<den>\d+|{'|'.join(SMALL)})\b)?"
    rf"(?:[\s-]?(?P<scale>(?:hundred|thousand|million|billion|trillion)\b)|(?P<sscale>(?:bn|mn|tn|m|b|k)\b))?"
    # a unit after a space or, in a compound adjective, a hyphen: "a 40-metre well"
    rf"(?:(?:\s|-(?=[a-z]))?(?P<unit>(?:{_UNIT_RE})\b|%))?",
    re.IGNORECASE,
)
STOPWORDS = frozenset(
    "the a an of to in on at for by with from and or but as that which who this these those "
    "was were is are be been has have had will would could should may might than more most "
    "per each its their his her our your after before since until during over under about "
    "into out up down off very also not no said says".split()
)
UNIT_SUFFIXES = ("km", "kg", "m", "bn", "mn", "k", "b", "s", "tn", "mph", "kph", "ft", "cm", "mm")


@dataclass(frozen=True, slots=True)
class _Match:
    start: int
    end: int
    value: float
    unit: str | None
    qualifier: str | None


def parse_number(text: str) -> float | None:
    """The value of a number written in digits or English words ("1,000", "twenty-four",
    "a dozen", "3.5 billion", "half a million"); None when ``text`` is not a number."""
    t = text.strip().lower().replace(",", "")
    half = re.fullmatch(rf"(\d+(?:\.\d+)?){HALF_SUFFIX}", t)
    if half:
        return float(half.group(1)) + 0.5
    try:
        return float(t)
    except ValueError:
        pass
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(hundred|thousand|million|billion|trillion)", t)
    if m:
        return float(m.group(1)) * SCALES[m.group(2)]
    return _parse_words([w for w in re.split(r"[\s-]+", t) if w and w != "and"])


def _parse_words(words: list[str]) -> float | None:
    """Number words to a value: sums within a group, scale words multiply the group."""
    if not words or all(w in ("a", "an") for w in words):
        return None
    total, group, seen = 0.0, 0.0, False
    for i, w in enumerate(words):
        if w in ("a", "an"):
            if i + 1 >= len(words) or words[i + 1] not in (*SCALES, "dozen", "half"):
                return None
            if words[i + 1] != "half":  # "a half" is 0.5, "two and a half" 2.5
                group = group or 1.0  # "a million" is 1e6, "half a million" stays 0.5e6
        elif w in SMALL:
            group += SMALL[w]
            seen = True
        elif w == "dozen":
            group = (group or 1.0) * 12
            seen = True
        elif w == "half":
            group += 0.5
            seen = True
        elif w == "hundred":
            group = (group or 1.0) * 100
            seen = True
        elif w in SCALES:
            total += (group or 1.0) * SCALES[w]
            group, seen = 0.0, True
        else:
            return None
    return total + group if seen else None


def _number_value(num: str, scale: str | None) -> float | None:
    value = parse_number(num)
    if value is None or not scale:
        return value
    s = scale.lower()
    return value * (SCALES.get(s) or SHORT_SCALES.get(s, 1.0))


def _is_excluded(text: str, m: re.Match[str]) -> bool:
    """Numbers that are not amounts: years, ordinals, clock times, phone-like runs, model names."""
    num, start, end = m.group("num"), m.start("num"), m.end("num")
    before, after = text[max(0, start - 2):start], text[end:end + 6]
    is_digit = num[0].isdigit() or num[0] == "."
    if not is_digit:
        low = num.lower()
        # A bare "one"/"half" is a pronoun or adjective far more often than an amount, and a
        # scale word alone counts nothing ("a trillion-dollar market" says "a trillion").
        if low in SCALES or low == "dozen":
            return True
        return low in ("one", "half", "a", "an", "a half") and not (m.group("scale") or m.group("ratio") or m.group("unit"))
    if before[-1:].isalpha() or before[-1:] in {":", "/"} or (before[-1:] == "-" and before[:1].isalnum()):
        return True  # Su-30, Il-76, G7, COVID-19, 10:30; the 2 of "4 1/2 months" or "24/7"
    if re.match(r"(?:st|nd|rd|th)\b|[:/]\d|\s?[ap]\.?m\b", after, re.IGNORECASE):
        return True  # 31st, 10:30, 5 p.m., 10/31
    if re.match(r"[A-Za-z]", after) and not re.match(rf"(?:{'|'.join(UNIT_SUFFIXES)})\b", after, re.IGNORECASE):
        return True  # 30MK2
    if re.match(r"[\s-]\d", text[end:end + 2]) or re.search(r"\d[\s-]$", before):
        return True  # 5169 3351 0164 7408, 555-1234
    bare = not (m.group("cur") or m.group("scale") or m.group("sscale") or m.group("unit") or m.group("qual"))
    if bare and _is_name_or_age(text, start, end):
        return True
    return bare and re.fullmatch(r"(?:1[89]|20)\d\d", num) is not None


# Capitalised words that may stand right before a real count ("About 40", "Only 3"); any
# other capitalised word before a bare number makes it a name ("Falcon 9"). Listed by hand
# from the false positives on 60 giveme5w1h articles.
_CLAUSE_WORDS = frozenset("The A An About Only Some Over Nearly Almost Another All Around Of In On At By "
                          "And But Or With Just Roughly".split())


# Nouns of a scale whose figure they come before ("a magnitude 7.1 earthquake", "a magnitude
# of 7.1", "a Category 4 hurricane"): the figure's unit, not a name ("Falcon 9").
SCALE_NOUNS = frozenset({"magnitude", "category"})
_SCALE_BEFORE = re.compile(rf"\b({'|'.join(SCALE_NOUNS)})(?:\s+of)?[\s-]$", re.IGNORECASE)


def _is_name_or_age(text: str, start: int, end: int) -> bool:
    """A bare number naming a thing ("Falcon 9", "Apollo 11", "Model 3") or an age
    apposition ("William Cousins, 25, said"): right after a capitalised word."""
    if re.search(r"\b[A-Z][a-z]+,\s$", text[max(0, start - 30):start]) and text[end:end + 1] == ",":
        return True
    prev = re.search(r"\b([A-Z][A-Za-z]+)\s$", text[max(0, start - 40):start])
    return prev is not None and prev.group(1) not in _CLAUSE_WORDS and prev.group(1).lower() not in SCALE_NOUNS


def _matches(text: str, date_spans: list[tuple[int, int]]) -> Iterable[tuple[re.Match[str], _Match]]:
    for m in QUANTITY_RE.finditer(text):
        if not m.group("num") or _is_excluded(text, m):
            continue
        if any(s < m.end("num") and m.start("num") < e for s, e in date_spans):
            continue
        q = _build(m)
        if q is not None:
            yield m, q


def _build(m: re.Match[str]) -> _Match | None:
    sscale = m.group("sscale")
    unit: str | None = None
    if sscale and sscale.lower() == "m" and not m.group("cur"):
        sscale, unit = None, "m"  # "5m" without a currency is metres
    value = _number_value(m.group("num"), m.group("scale") or sscale)
    if value is None:
        return None
    if m.group("ratio"):
        den = parse_number(m.group("den"))
        if not den:
            return None
        value, unit = value / den, "ratio"
    if m.group("cur"):
        unit = CURRENCY_SIGNS.get(m.group("cur").lower(), "USD")
    ends: tuple[str, ...] = ("num", "scale", "sscale", "unit", "den")
    if m.group("unit"):
        u = m.group("unit").lower()
        unit = UNITS.get(u) or CURRENCY_WORDS.get(u) or unit
        if unit == "lb" and u == "pounds" and _says_money(m):
            unit = "GBP"
        if u == "pound" and m.string[m.start("unit") - 1] != "-":
            # one "pound" is a weight only in a compound adjective ("a 400-pound gorilla");
            # elsewhere it is as often money ("a one pound coin"), so no unit is read
            unit, ends = None, ("num", "scale", "sscale", "den")
    qual = m.group("qual").lower() if m.group("qual") else None
    start = m.start("qual") if qual else (m.start("cur") if m.group("cur") else m.start("num"))
    end = max(m.end(g) for g in ends)
    return _Match(start, end, value, unit, qual)


_OF_AFTER = re.compile(r"\s+of\b")


def _says_money(m: re.Match[str]) -> bool:
    """"pounds" after ``m``'s number are money: a word of paying or costing before it in
    its sentence ("fined 30,000 pounds"), or a scale word with no "of" after ("two
    million pounds", not "5 million pounds of thrust")."""
    text = m.string
    if _OF_AFTER.match(text, m.end()):
        return False
    return bool(_MONEY_CONTEXT.search(text, max(0, m.start() - 80), m.start())
                or m.group("scale") or m.group("sscale"))


# Adjectives that open a time phrase after a figure ("412,000 last week"), not a count.
_TIME_ADJECTIVES = frozenset({"last", "next", "past", "previous", "coming", "following"})
_COUNTED_RE = re.compile(r"[\"”’']?\s*((?:[A-Za-z][\w-]*\s+){0,3}[A-Za-z][\w-]*)")


def _counted_regex(text: str, end: int) -> tuple[str | None, int]:
    """Content words right after ``end`` (up to a stopword/punctuation), and where they end."""
    m = _COUNTED_RE.match(text, end)
    if not m:
        return None, end
    words: list[str] = []
    pos = end
    for w in re.finditer(r"[A-Za-z][\w-]*", m.group(1)):
        if not words and w.group(0).lower() in _TIME_ADJECTIVES:
            break  # "412,000 last week"
        if w.group(0).lower() in STOPWORDS or (words and w.group(0).endswith(("ly", "ed"))):
            break  # stopwords, adverbs and past verbs ("500 tons of cocaine annually") end it
        words.append(w.group(0))
        pos = m.start(1) + w.end()
        if w.group(0).endswith("s") and len(w.group(0)) > 3:
            break  # a plural noun ends the phrase: "14 new missile units", "two countries"
    return (" ".join(words) if words else None), pos


def _counted_doc(doc: Doc, end: int) -> tuple[str | None, int]:
    """Nouns after ``end`` (adjectives like "new" dropped), ended at the head noun."""
    span = doc.char_span(end, min(len(doc_text(doc)), end + 80), alignment_mode="expand")
    if span is None:
        return None, end
    words: list[str] = []
    stop = end
    for tok in span:
        if tok.is_punct and tok.text in "\"”’'“":
            continue
        if tok.pos_ in ("ADJ", "NUM") and not words:
            if tok.lower_ in _TIME_ADJECTIVES:
                break  # "rose to 412,000 last week": a time, not what is counted
            continue
        if tok.pos_ not in ("NOUN", "PROPN") or tok.text.lower() in STOPWORDS:
            break
        words.append(tok.text)
        stop = tok.idx + len(tok.text)
        if tok.dep_ != "compound":
            break
    return (" ".join(words) if words else None), stop


def _counted(text: str, end: int, unit: str | None, doc: Doc | None) -> tuple[str | None, str | None, int]:
    """What is counted, the unit (a container such as "sets" when an ``of`` phrase follows
    it), and where the evidence ends (after a counted noun right after the number)."""
    counted, stop = _counted_doc(doc, end) if doc is not None else _counted_regex(text, end)
    of = re.match(r"[\"”’']?\s+of\s+(?:(?:the|a|an|our|their|its|his|her|this|that|these|those|all)\s+)?",
                  text[stop:], re.IGNORECASE)
    if of and (unit is not None or (counted and counted.lower() in CONTAINERS)):
        inner, _ = (_counted_doc(doc, stop + of.end()) if doc is not None
                    else _counted_regex(text, stop + of.end()))
        if inner:
            if counted and unit is None:
                return inner, counted.lower().rstrip("s"), stop
            return inner, unit, end
    if unit is not None:
        return None, unit, end  # a unit counts nothing by itself: "1,000 kilometers", "$50 million"
    return counted, unit, stop if counted else end


def extract_quantities(article: Article, doc: Doc | None = None,
                       times: Sequence[TimeExpression] | None = None) -> tuple[Quantity, ...]:
    """Every amount in ``article.text`` in text order (see the module docstring).

    ``doc`` (a spaCy Doc over ``article.text``) sharpens what is counted (adjectives are
    dropped: "14 new missile units" counts "missile units"); without it a stopword rule
    is used. Date spans found by ``extract.dates`` are skipped so "October 26" is no amount:
    ``times`` are the article's (``extract_times``) when the caller has them, else they are
    worked out here from the text alone.
    ValueError when ``doc`` was not parsed from ``article.text`` (or a prefix of it).
    """
    from newsdesk.extract.dates import extract_times

    text = article.text
    if doc is not None and not text.startswith(doc_text(doc)):
        raise ValueError(f"article {article.id}: the spaCy Doc is not over article.text")
    if times is None:
        times = extract_times(article)
    date_spans = [(t.evidence.start, t.evidence.end) for t in times if t.kind in ("DATE", "TIME")]
    durations = [(t.evidence.start, t.evidence.end) for t in times if t.kind == "DURATION"]
    out: list[Quantity] = []
    for _m, q in _matches(text, date_spans):
        if q.unit is None and any(s < q.end and q.start < e for s, e in durations):
            continue  # "three-year plan": a duration, reported by extract.dates
        unit: str | None = q.unit
        if q.unit == "ratio":  # "one in three adults": the noun after counts, as for a bare number
            counted, _unit, end = _counted(text, q.end, None, doc)
        else:  # "10% of naval forces": a unit counts only through an "of" phrase
            counted, unit, end = _counted(text, q.end, q.unit, doc)
        if unit == "year" and AGE_AFTER.match(text, q.end):
            unit = AGE_UNIT  # an age ("a 16-year-old girl") is no span of time ("up to 14 years")
        start = q.start
        if q.unit is None and (scale := _SCALE_BEFORE.search(text, max(0, q.start - 15), q.start)):
            # "magnitude 7.1": no 7.1 earthquakes; the evidence reads "magnitude 7.1"
            counted, unit, start, end = None, scale.group(1).lower(), scale.start(), q.end
        out.append(Quantity(article.evidence(start, end), q.value, unit, counted, q.qualifier))
    return tuple(_with_partitives(text, out, doc))


# "21 of the", "three of those": a bare number that counts what the ``of`` phrase after it names.
_PARTITIVE_OF = re.compile(r"\s+of\s+(?:(?:the|these|those|its|their|his|her|our)\s+)?", re.IGNORECASE)


def _with_partitives(text: str, found: list[Quantity], doc: Doc | None) -> list[Quantity]:
    """``found`` with each bare number that opens a partitive counting what its ``of``
    phrase counts: "21 of the more than 200 Chibok schoolgirls" counts 21 Chibok
    schoolgirls (the next figure's counted thing), "three of the victims" three victims
    (a plural noun). A number that counts nothing had been no figure of anything, so "21
    of the more than 200 schoolgirls" and "Twenty-one schoolgirls have been freed" were
    two figures of different things, and "21 ... freed" never met its paraphrase."""
    out = list(found)
    for k, q in enumerate(found):
        if q.counted is not None or q.unit is not None:
            continue
        of = _PARTITIVE_OF.match(text, q.evidence.end)
        if of is None:
            continue
        nxt = found[k + 1] if k + 1 < len(found) else None
        if nxt is not None and nxt.evidence.start == of.end():
            counted = nxt.counted if nxt.unit is None else None
        elif doc is not None:
            counted, stop = _counted_doc(doc, of.end())
            last = doc.char_span(stop - 1, stop, alignment_mode="expand") if counted else None
            counted = counted if last is not None and last[-1].tag_ in ("NNS", "NNPS") else None
        else:
            counted, _ = _counted_regex(text, of.end())
            counted = counted if counted and counted.endswith("s") else None
        if counted:
            out[k] = Quantity(q.evidence, q.value, q.unit, counted, q.qualifier)
    return out


# An age's unit ("a 16-year-old girl"), read where "old" follows a number of years.
AGE_UNIT = "years old"
AGE_AFTER = re.compile(r"[\s-]old\b")


def singular(word: str) -> str:
    """Singular of a plural noun, crudely: "missiles" -> "missile", "batteries" -> "battery"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


# Nouns that count people. Two figures of people in one statement count the same people,
# whatever each outlet calls them ("143 million consumers", "145.5 million people";
# "killed 25 people", "killed 10 children"): neither confirms the other's figure. Read by
# alignment only (``counts_people``): a contradiction needs one counted thing.
PERSON_NOUNS = frozenset(
    "people person individual consumer customer user resident citizen inhabitant civilian victim "
    "adult child children kid man men woman women boy girl teen teenager student worker employee staff "
    "soldier troop officer passenger migrant refugee voter patient member".split())


# After a figure, these words count a different set than the whole ("five other
# defendants", "three more victims"), so the figure is no rival to the total.
OTHER_SET = frozenset({"other", "others", "more", "additional", "further", "extra", "remaining", "another"})


def counts_another_set(q: Quantity) -> bool:
    """Whether a figure's own words count a set beside another ("22 other defendants",
    "three more victims"): a word of OTHER_SET qualifying the noun after its number,
    inside its evidence. Not "others" as the noun itself: "displacement of 2.3 million
    others" counts people, as "displaced 2.6 million people" does."""
    text = q.evidence.text.lower()
    number = _NUMBER_WORD.search(text)
    return number is not None and any(w in _OTHER_MODIFIERS for w in re.findall(r"[a-z]+", text[number.end():]))


_OTHER_MODIFIERS = OTHER_SET - {"others"}
_NUMBER_WORD = re.compile(rf"\d[\d,.]*|\b(?:{_NUMW})\b", re.IGNORECASE)


def counts_people(q: Quantity) -> bool:
    """Whether a quantity counts people: its counted noun is a person noun
    (``PERSON_NOUNS``) or a plural nationality ("2.5 million Americans")."""
    words = re.findall(r"[A-Za-z]+", q.counted or "")
    if q.unit is not None or not words:
        return False
    head = words[-1]
    if singular(head.lower()) in PERSON_NOUNS or head.lower() in PERSON_NOUNS:
        return True
    if head[0].isupper() and head.endswith("s") and len(head) > 4:
        from newsdesk.extract.countries import country_of_name

        return country_of_name(head) is not None
    return False


def _stems(phrase: str | None) -> set[str]:
    return {singular(w) for w in re.findall(r"[a-z]+", (phrase or "").lower()) if w not in STOPWORDS}


def _comparable_value(q: Quantity) -> tuple[float, str | None]:
    """Value and unit with ratios expressed as percentages ("one in three" ~ "33%")."""
    if q.unit == "ratio":
        return q.value * 100.0, "%"
    if q.unit and q.unit + "s" in CONTAINERS:
        return q.value, None  # "14 sets" of missiles counts missiles, like "14 missile units"
    return q.value, q.unit


def _decimals(value: float) -> int:
    """How many decimals a figure below a million is written to (0 for a whole one;
    fixed-point, so "0.00001" is 5 where ``repr`` would write 1e-05)."""
    return len(f"{abs(value):.10f}".rstrip("0").split(".")[1])


def _tolerance(value: float, qualifier: str | None) -> float:
    """How far off a figure may be and still be the same figure.

    Integers below a million are read as rounded to the unit (0.5: "33%" ~ 33.3%), other
    figures below it to their last decimal ("$284.46": 0.005); large round figures as
    truncated to their last significant digit ("$43 million" covers $43,885,310);
    approximate qualifiers widen that to ``APPROX_TOLERANCE``.
    """
    if abs(value) >= 1e6:
        digits = f"{abs(value):.0f}".rstrip("0")
        tol = 10.0 ** (len(f"{abs(value):.0f}") - len(digits))
    else:  # written with decimals, to its last one: "$284.46" is no "$284.64"
        tol = 0.5 * 10.0 ** -_decimals(value)
    if qualifier in APPROX:
        tol = max(tol, abs(value) * APPROX_TOLERANCE)
    return tol


def _within(a: float, qa: str | None, b: float) -> bool:
    """Whether ``b`` satisfies quantity ``a`` (with its qualifier)."""
    if qa in LOWER_BOUND:
        return b > a or math.isclose(a, b) if qa == "at least" else b > a
    if qa in UPPER_BOUND:
        return b <= a if qa in ("at most", "up to", "as many as", "as much as") else b < a
    return abs(a - b) <= max(_tolerance(a, qa), 1e-9)


def rounding_unit(value: float) -> float:
    """The place a figure is written to: a whole figure's last digit other than a trailing
    zero ("1,140": 10, "$105 billion": 1e9, "49": 1), a decimal figure's last decimal
    ("8.1": 0.1). A figure may be a rounding of another less than its unit apart."""
    if value == 0:
        return 1.0
    decimals = _decimals(value) if abs(value) < 1e6 else 0
    if decimals:
        return 10.0 ** -decimals
    whole = f"{abs(value):.0f}"
    return 10.0 ** (len(whole) - len(whole.rstrip("0")))


def rounding_explains(a: Quantity, b: Quantity) -> bool:
    """Whether rounding may make one figure the other: they are less apart than the
    coarser one's ``rounding_unit`` ("1,140" and "1,137"; not "$105 billion" and "$103
    billion", "$284.46" and "$284.64", "98" and "99"), compared as ``quantities_compatible``
    compares them."""
    if a.unit != b.unit and in_unit(a, b.unit) is not None:
        return relative_gap(a, b) <= CONVERSION_GAP  # converted, rounded in its own unit: "70 km/h", "43 mph"
    va, _ = _comparable_value(a)
    vb, _ = _comparable_value(b)
    return abs(va - vb) < max(rounding_unit(va), rounding_unit(vb)) - 1e-9 * max(abs(va), abs(vb), 1.0)


def same_figure(a: Quantity, b: Quantity) -> bool:
    """Whether two quantities give one figure, hedged or rounded ("more than $284 billion"
    and "$284 billion", "$43 million" and "$43,885,310"), not merely figures a bound
    admits ("at least 60 people" and "84 people"). Meaningful where
    ``quantities_compatible`` is not None."""
    va, _ = _comparable_value(a)
    vb, _ = _comparable_value(b)
    return abs(va - vb) <= max(_tolerance(va, a.qualifier), _tolerance(vb, b.qualifier))


# Units of one dimension, in the metric unit they convert to: "400-pound (181-kg)". Tons
# are left out: a "25-ton" truck may be short tons or tonnes.
METRIC: dict[str, tuple[str, float]] = {
    "kg": ("kg", 1.0), "lb": ("kg", 0.45359237),
    "m": ("m", 1.0), "km": ("m", 1000.0), "cm": ("m", 0.01), "mm": ("m", 0.001), "ft": ("m", 0.3048),
    "in": ("m", 0.0254), "yd": ("m", 0.9144), "mile": ("m", 1609.344),
    "km/h": ("m/s", 1 / 3.6), "mph": ("m/s", 0.44704), "knot": ("m/s", 0.514444),
}
# A figure told in another unit is rounded in that unit ("131 feet" for 40 metres is
# 131.2): within this relative gap it is the same figure.
CONVERSION_GAP = 0.02


def in_unit(q: Quantity, unit: str | None) -> float | None:
    """``q``'s value in ``unit`` (``METRIC``: "181-kg" is 399 lb); None where the two are
    no units of one dimension."""
    if q.unit not in METRIC or unit not in METRIC or METRIC[q.unit][0] != METRIC[unit][0]:
        return None
    return q.value * METRIC[q.unit][1] / METRIC[unit][1]


def unit_note(q: Quantity, other: Quantity) -> str:
    """" (about 399 lb)": ``q`` in the unit of ``other`` when the two differ, else ""."""
    value = in_unit(q, other.unit) if q.unit != other.unit else None
    if value is None:
        return ""
    shown = f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"  # "1,969 ft", not "1.97e+03"
    return f" (about {shown} {other.unit})"


def converted_compatible(a: Quantity, b: Quantity) -> bool | None:
    """Whether two measures in different units of one dimension can be one figure
    converted ("400-pound" and "181-kg", "40-metre" and "131 feet": within CONVERSION_GAP,
    or APPROX_TOLERANCE where one is approximate; a bound admits any); None for one unit
    (``quantities_compatible`` compares those) or units of no common dimension."""
    va = in_unit(a, b.unit) if a.unit != b.unit else None
    if va is None:
        return None
    if {a.qualifier, b.qualifier} & (LOWER_BOUND | UPPER_BOUND):
        return True
    vb = b.value
    gap = APPROX_TOLERANCE if {a.qualifier, b.qualifier} & APPROX else CONVERSION_GAP
    return max(va, vb) <= 0 or abs(va - vb) / max(va, vb) <= gap


def relative_gap(a: Quantity, b: Quantity) -> float:
    """How far apart two figures are, over the larger, compared as ``quantities_compatible``
    compares them ("one in three" is 33.3%, not 0.33, beside "30%"; "70 km/h" is 43.5 mph
    beside "40 mph"); 0 when both are 0."""
    converted = in_unit(a, b.unit) if a.unit != b.unit else None
    va, _ = (converted, None) if converted is not None else _comparable_value(a)
    vb, _ = _comparable_value(b)
    hi = max(abs(va), abs(vb))
    return abs(va - vb) / hi if hi > 0 else 0.0


def quantities_compatible(a: Quantity, b: Quantity) -> bool | None:
    """Whether two quantities can state the same amount (see the module docstring).

    None when the units differ or the counted things share no content word (or neither
    side has a unit nor a counted thing: bare numbers are not comparable).
    """
    converted = converted_compatible(a, b)
    if converted is not None:
        return converted  # two units of one dimension: "400-pound" and "181-kg"
    va, ua = _comparable_value(a)
    vb, ub = _comparable_value(b)
    if ua != ub:
        return None
    if a.counted and b.counted:
        if not _stems(a.counted) & _stems(b.counted):
            return None
    elif ua is None:
        return None
    if same_figure(a, b):
        return True  # the same figure, hedged or not ("more than $284 billion" ~ "$284 billion")
    bounds = LOWER_BOUND | UPPER_BOUND
    if a.qualifier in bounds and b.qualifier in bounds:
        same_side = (a.qualifier in LOWER_BOUND) == (b.qualifier in LOWER_BOUND)
        return True if same_side else (_within(va, a.qualifier, vb) and _within(vb, b.qualifier, va))
    if a.qualifier in bounds:
        return _within(va, a.qualifier, vb)
    if b.qualifier in bounds:
        return _within(vb, b.qualifier, va)
    return False
