"""Date and time expressions in one article, normalised as TIMEX3-style values.

``extract_times`` runs a grammar of regular expressions over ``Article.text`` (explicit
dates, months, years, decades, seasons, weekdays, "yesterday", "last year", "two days
ago", "a day earlier", "recent years", durations such as "three-year"), keeps the
longest non-overlapping matches, and resolves each against an anchor:

- the publication date (``anchor`` argument, else ``article.published``) for deictic
  expressions ("yesterday", "Tuesday", "last year", "in July");
- the most recent explicit day-precision date earlier in the text for anaphoric ones
  ("Only a day earlier" after "On October 26" is the 25th). With no date before it, a
  day or week counted so is not counted from publication: its unknown parts are ``X``
  ("XXXX-XX-XX"). "the next day" follows some day of the story the text did not date,
  not the day after publication (on 383 giveme5w1h articles, all nine such days and
  weeks counted from publication were wrong: "turned 17 just a day before" in a report
  18 months after the gorilla's death). A month or year still falls back on publication
  ("$307 million a year earlier" compares with the period reported on).

Without an anchor the unknown parts are written as ``X`` ("XXXX-10-31"). A bare month or
weekday is read as the most recent one before publication unless the clause before it
is in the future tense (a weekday that is the day after publication is that day: a date
line a time zone behind the news); a month-day without a year as the one nearest
publication. With a parse, a bare month whose clause is in the present or has a modal ("returns in March",
"would stop in May") is the nearest such month (``clause_tense``).
Modifiers ("mid-October" is "2025-10" with TIMEX3 mod MID) are passed on only when
``TimeExpression`` has a ``mod`` field. spaCy DATE/TIME entities (when ``doc`` is given)
add candidates the grammar's context rules left out ("March was cold"), normalised by
the same grammar. Output is deterministic and in text order; spans come from
``article.evidence``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from newsdesk.extract.citations import SPEECH_VERBS
from newsdesk.extract.quantities import WORD_NUMBER_RE, parse_number
from newsdesk.model import Article, TimeExpression
from newsdesk.months import MONTH_PATTERN, MONTHS
from newsdesk.nlp import SUBJECT_DEPS, doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
# TIMEX3 parts of a day, code -> word; "DT" (daytime) is read, never written here
TIMEX_DAY_PARTS = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
PARTS = {word: code for code, word in TIMEX_DAY_PARTS.items() if code != "DT"}
MODS = {"early": "START", "the beginning of": "START", "the start of": "START", "mid": "MID",
        "the middle of": "MID", "late": "END", "the end of": "END"}
UNIT_CODES = {"year": "Y", "month": "M", "week": "W", "day": "D", "hour": "H", "minute": "M",
              "second": "S", "decade": "DE", "century": "CE"}
# A bare month needs one of these words right before it ("in July"), so that "May" the
# verb and "March" the noun are not dates: the English prepositions and modifiers that
# take a month, written by hand and checked against the TempEval-3 TBAQ misses.
MONTH_CONTEXT = frozenset(
    "in since by until till through of during from to between and or before after early late "
    "mid last next this".split())
# Future markers looked for in the clause just before a bare month/weekday/month-day
# ("will meet Bush on Thursday", "set to resume Monday"). "would" is left out: in news it
# is mostly reported speech about the past ("said on Tuesday that Iraq would ...").
FUTURE_RE = re.compile(
    r"\b(?:will|shall|going to|plans? to|planned|scheduled|expected to|set to|supposed to|"
    r"is to|are to|due to|upcoming|(?<!the\s)next(?!\s+(?:day|to)\b))\b|'ll\b", re.IGNORECASE)
_PAST_PLAN = re.compile(r"\b(?i:was|were|had(?:\s+been)?)\s+$")
# A day this close before publication, told in the future tense, is this year's: copy is
# written before its timestamp ("will reach its peak between January 1 and 2", stamped
# January 2), and next year's same day is not what a "will" on the day after means.
FUTURE_SLACK_DAYS = 2
# How far back (characters, within the sentence) the future markers are looked for. Swept
# on TempEval-3 TBAQ: 30/60/100/whole sentence gave 1116/1117/1118/1118 correct values of
# 1312 (flat); 60 keeps the look local to the clause. Dropping "would" mattered more.
FUTURE_WINDOW = 60
# A day named without its year that the parse finds dating a past act is last year's when
# this year's is still to come, unless this year's comes within this many days: "had
# proclaimed the end of the state of emergency on July 26", written on July 14, is that
# month's July 26, whatever the parse hung it on.
PAST_NEAR_AHEAD_DAYS = 31

# "N units ago/later" past this many units is left unresolved (PAST_REF/FUTURE_REF): it
# keeps date arithmetic inside the calendar (years 1..9999) whatever number is written.
MAX_OFFSET_UNITS = 1000

_MON = MONTH_PATTERN
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_YEAR = r"(?:1[89]|20)\d\d"
# Holidays on a fixed day, as news names them ("It landed at 10:15 a.m. on New Year's
# Eve"), capitalised; "Christmas" alone is no date ("her Christmas lights").
# Keyed by the name's letters, lower case, without a possessive "s" (``_holiday_key``).
HOLIDAYS: dict[str, tuple[int, int]] = {
    "newyeareve": (12, 31), "newyearday": (1, 1), "christmaseve": (12, 24), "christmasday": (12, 25),
    "boxingday": (12, 26), "valentineday": (2, 14), "halloween": (10, 31), "bastilleday": (7, 14),
}
_HOL = (r"(?:New\s+Year(?:['’]?s)?\s+(?:Eve|Day)|Christmas\s+(?:Eve|Day)|Boxing\s+Day|Valentine['’]?s\s+Day"
        r"|Halloween|Bastille\s+Day)")
_NUM = rf"(?:\d+(?:\.\d+)?|{WORD_NUMBER_RE.pattern[2:-2]}|a|an|one)"
# "May of last year", "late January of that year": the year named by reference.
_YEAR_REL = r"next|last|this|that|the\s+same|the\s+following|the\s+previous|the\s+next"
_UNIT = r"(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies))"


@dataclass(frozen=True, slots=True)
class _Ctx:
    """What a pattern handler may look at: the text, the anchor and the last explicit day."""

    text: str
    anchor: date | None
    ref: tuple[int | None, int, int] | None  # (year or None, month, day)
    trusted: bool = False  # spaCy tagged the span DATE/TIME: bare "May", "fall" are dates
    # (year, month or None) of the last date before this one that names a year, whatever
    # its precision: "a year later" after "since early 2014" is 2015
    last: tuple[int, int | None] | None = None
    # the tense of the clause the expression sits in, from a parse when there is one:
    # "past", "present" (present, modal or future) or None (no parse, no finite verb)
    tense: str | None = None
    # the last past weekday of an article whose stamp is later than its writing
    # (``_stale_stamp``): a weekday to come is the first one after it
    written: date | None = None
    # a year the sentence wrote out in digits before this expression ("In 2019, ... in July")
    sentence_year: int | None = None
    # the expression dates a plan's act, however far from the plan's word (``planned_act``)
    planned: bool = False


@dataclass(frozen=True, slots=True)
class _Time:
    value: str
    precision: str
    kind: str = "DATE"
    mod: str | None = None


Handler = Callable[[re.Match[str], _Ctx], _Time | None]


def _fmt(year: int | None, month: int | None = None, day: int | None = None) -> str:
    parts = [f"{year:04d}" if year is not None else "XXXX"]
    if month is not None:
        parts.append(f"{month:02d}")
    if day is not None:
        parts.append(f"{day:02d}")
    return "-".join(parts)


def _month_of(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


# A clause joined by ", and"/", but" with its own subject or its own tense ("and it
# comes", "and comes", "but came"): not a bare verb that shares the first clause's
# auxiliary ("will open in June, and close in July").
_NEXT_CLAUSE = re.compile(
    r",\s+(?:and|but|while|whereas)\s+(?=(?:it|he|she|they|we|the|this|that|these|those|its|his|her|their"
    r"|was|were|had|did|came|went|said|made|took|saw|got|[a-z]+(?<!s)s|[a-z]+ed)\b)")


def _is_future(text: str, pos: int, past_plans: bool = False) -> bool:
    """Whether the clause before ``pos`` speaks about the future (will, set to, ...).

    Only the ``FUTURE_WINDOW`` characters before the expression in the same sentence are
    read, from the last clause joined by ", and"/", but"; "since" right before it means
    the past whatever the tense.
    """
    start = max(max(text.rfind(c, 0, pos) for c in ".!?\n;") + 1, pos - FUTURE_WINDOW)
    if re.search(r"\bsince\s+$", text[start:pos], re.IGNORECASE):
        return False
    # a clause of its own after ", and"/", but": "is set to be brighter Monday night, and
    # comes after December's supermoon" says nothing of December's tense
    joined = list(_NEXT_CLAUSE.finditer(text, start, pos))
    if joined:
        start = joined[-1].end()
    # with ``past_plans`` (a weekday: a day of this week or the last), a plan told in the
    # past is no future: "was scheduled to take off at 11:55 p.m. Sunday, but left about 10
    # minutes late"; a month keeps it ("said that the accession was planned for early March")
    return any(not (past_plans and _PAST_PLAN.search(text, max(0, m.start() - 20), m.start()))
               for m in FUTURE_RE.finditer(text, start, pos))


def _day_year(anchor: date | None, month: int, day: int, future: bool, tense: str | None = None) -> int | None:
    """Year of a month/day named without one (None without an anchor).

    The first such day on or after the anchor when the clause is in the future tense; the
    last one on or before it when a parse finds it dates an act told in the past (``tense``
    "past", ``dates_past_act``: "militants killed 130 people in Paris on Nov. 13", in
    July), unless this year's comes within PAST_NEAR_AHEAD_DAYS; else the one nearest the
    anchor (ties go to the past): news gives the year for days further off. On TempEval-3
    TBAQ (145 matched "Mon. D" expressions) "nearest" scored 0.924 value accuracy against
    0.697 for "latest on or before the anchor": WSJ copy names coming days ("payable Nov.
    10") without a future verb.
    """
    if anchor is None:
        return None
    if tense == "past" and not future:
        try:
            ahead_days = (date(anchor.year, month, day) - anchor).days
        except ValueError:  # Feb 29 in a common year
            return anchor.year
        return anchor.year if ahead_days <= PAST_NEAR_AHEAD_DAYS else anchor.year - 1
    ahead = (month, day) >= (anchor.month, anchor.day)
    if future:
        if not ahead:
            try:
                recent = 0 < (anchor - date(anchor.year, month, day)).days <= FUTURE_SLACK_DAYS
            except ValueError:  # Feb 29 in a common year
                recent = False
            ahead = recent  # written before the timestamp: "will peak between January 1 and 2" on Jan 2
        return anchor.year if ahead else anchor.year + 1
    best: tuple[int, int] | None = None
    for y in (anchor.year, anchor.year - 1, anchor.year + 1):
        try:
            dist = abs((date(y, month, day) - anchor).days)
        except ValueError:  # Feb 29 in a common year
            continue
        if best is None or dist < best[0] or (dist == best[0] and y < best[1]):
            best = (dist, y)
    return best[1] if best else anchor.year


def _day_result(year: int | None, month: int, day: int) -> _Time | None:
    try:
        date(year if year is not None else 2000, month, day)  # 2000: leap year, allows 02-29
    except ValueError:
        return None
    return _Time(_fmt(year, month, day), "day")


def _h_iso(m: re.Match[str], ctx: _Ctx) -> _Time | None:
    return _day_result(int(m["y"]), int(m["m"]), int(m["d"]))


def _h_slash(m: re.Match[str], ctx: _Ctx) -> _Time | None:
    year = int(m["y"])
    year = year + (1900 if year >= 50 else 2000) if year < 100 else year
    return _day_result(year, int(m["m"]), int(m["d"]))


# A date named as what something is like: "Bastille Day, France's equivalent to July 4",
# "Japan's version of Christmas Eve" (a comparison, no day of the story).
_LIKENED = re.compile(r"\b(?:equivalent|counterpart|version|answer)\s+(?:of|to)\s+(?:the\s+)?$", re.IGNORECASE)


def _likened(text: str, pos: int) -> bool:
    return _LIKENED.search(text, max(0, pos - 40), pos) is not None


def _h_month_day(m: re.Match[str], ctx: _Ctx) -> _Time | None:
    if not m["y"] and (_in_name(ctx.text, m.start()) or _likened(ctx.text, m.start())):
        return None
    month, day = _month_of(m["mon"]), int(m["d"])
    year = int(m["y"]) if m["y"] else _day_year(ctx.anchor, month, day,
                                                ctx.planned or _is_future(ctx.text, m.start()), ctx.tense)
    return _day_result(year, month, day)


def _preceding_word(text: str, pos: int) -> str:
    m = re.search(r"([A-Za-z]+)[\s-]*$", text[max(0, pos - 20):pos])
    return m.group(1).lower() if m else ""


def _name_word_before(text: str, pos: int, lead: str) -> bool:
    """Whether a capitalised word that takes no month (no weekday, not "Since", "Throughout")
    stands right before ``pos`` on its line, preceded by the pattern ``lead``."""
    m = re.search(lead + r"([A-Z][a-z]+)[ \t]+$", text[max(0, pos - 40):pos])
    if not m:
        return False
    word = m.group(1).lower()
    return word not in WEEKDAYS and word not in MONTH_CONTEXT and word not in _OPENING_MONTH_WORDS


def _after_given_name(text: str, pos: int) -> bool:
    """A capitalised word right before ``pos`` on the same line that is no weekday and no
    word that takes a month ("Since May", "Throughout May"): the month word is a surname
    ("Theresa May", "Brian May")."""
    return _name_word_before(text, pos, r"(?<![\w-])")


def _in_name(text: str, pos: int) -> bool:
    """A month and day that go on one capitalised word after an article are a name: "the
    Long March 9 rocket". "the Friday March 9 meeting", "in the United States April 2"
    (TempEval-3), "from March 9" and "Updated March 9" are dates."""
    return _name_word_before(text, pos, r"\b(?:[Tt]he|[Aa]n?)[ \t]+")


# Capitalised words that open a sentence before a month ("Throughout May, ...").
_OPENING_MONTH_WORDS = frozenset({"throughout", "come", "each", "every"})


def _month_year(anchor: date | None, month: int, rel: str | None, future: bool,
                tense: str | None = None) -> int | None:
    """Year of a month named without one: last/next/this; else the next such month in the
    future tense, the nearest one in a clause a parse finds in the present or a modal
    (``tense`` "present"), and the last one before publication otherwise.

    On TempEval-3 TBAQ (60 matched bare months), without a parse, the last one before
    publication scored 47 right against 49 for "the nearest such month" everywhere; the
    tense of the clause decides better than either (1,122 -> 1,129 values right of 1,311).
    """
    if anchor is None:
        return None
    if rel == "this":
        return anchor.year
    if rel == "last":
        return anchor.year if month < anchor.month else anchor.year - 1
    if rel == "next" or future:
        strict = rel == "next"
        ahead = month > anchor.month or (month == anchor.month and not strict)
        return anchor.year if ahead else anchor.year + 1
    if tense == "present":
        # not told in the past: the nearest such month, ties to the past ("Venus can't be
        # seen in January" on December 30 is next month; "reports earnings in mid-January")
        delta = month - anchor.month  # -11 .. 11
        return anchor.year - 1 if delta >= 6 else anchor.year + 1 if delta <= -7 else anchor.year
    return anchor.year if month <= anchor.month else anchor.year - 1


def _referred_year(words: str, ctx: _Ctx) -> int | None:
    """The year of "of next/last/this year" (from the anchor) or "of that/the same/the
    following year" (from the last year the text named); None when there is none."""
    word = re.sub(r"\s+", " ", words.lower()).removeprefix("the ")
    step = {"next": 1, "following": 1, "last": -1, "previous": -1}.get(word, 0)
    if word in ("next", "last", "this"):
        return ctx.anchor.year + step if ctx.anchor else None
    return ctx.last[0] + step if ctx.last else None


def _h_month(m: re.Match[str], ctx: _Ctx) -> _Time | None:
    if _likened(ctx.text, m.start()):
        return None  # the month of "France's equivalent to July 4", as the parse cuts it
    rel = re.sub(r"\s+", " ", m["rel"].lower()) if m["rel"] else None
    if not (rel or m["y"] or ctx.trusted) and _preceding_word(ctx.text, m.start()) not in MONTH_CONTEXT:
        return None
    if not (rel or m["y"]) and _after_given_name(ctx.text, m.start()):
        return None  # a surname: "Theresa May today said" (spaCy tags "May today" DATE)
    if m["mon"] == "May" and not (rel or m["y"] or ctx.trusted):
        if re.match(r"\s+(?:be|have|not|also|well)\b", ctx.text[m.end():]):
            return None
    month = _month_of(m["mon"])
    if m["yrel"]:
        return _Time(_fmt(_referred_year(m["yrel"], ctx), month), "month", mod=MODS.get(rel or ""))
    if m["y"]:
        year: int | None = int(m["y"])
    elif rel not in ("last", "next", "this") and ctx.sentence_year is not None and ctx.tense != "present":
        year = ctx.sentence_year  # "the 1969 team ... amassed a 9 1/2-game lead in mid-August"
    else:
        year = _month_year(ctx.anchor, month, rel if rel in ("last", "next", "this") else None,
                           ctx.planned or _is_future(ctx.text, m.start()), ctx.tense)
    return _Time(_fmt(year, month), "month", mod=MODS.get(rel or ""))


def _h_season(m: re.Match[str], ctx: _Ctx) -> _Time | None:
    rel = m["rel"].lower() if m["rel"] else None
    if not (rel or m["y"] or ctx.trusted):
        return None
    code = SEASONS[m["s"].lower()]
    year: int | None = int(m["y"]) if m["y"] else None
    if year is None and ctx.anchor is not None:
        year = ctx.anchor.year + {"last": -1, "next": 1}.get(rel or "", 0)
    return _Time(f"{_fmt(year)}-{code}", "unknown", mod=MODS.get(rel or ""))


def _h_decade(m: re.Match[str], ctx: _Ctx) -> _Time | None:
    mod = m["mod"].lower().strip(" -") if m["mod"] else None
    return _Time(m["dec"][:3] + "X", "decade", mod=MODS.get(re.sub(r"^the\s+", "", mod or "")))


# Nouns of numbered things: the number after them is a name, not a year ("Flight 1943
# from Detroit to Atlanta", "Room 2010", "Route 1966").
NUMBERED_NOUNS = frozenset("""flight flights route highway interstate room rooms gate platform bus train no nos
number apollo version section article chapter page pier terminal track exit unit ward precinct lot box row seat
lane road street avenue block building level floor bay channel line pad squadron battalion regiment brigade
resolution bill""".split())


def _h_year(m: re.Match[str], ctx: _Ctx) -> _Time | None:
    before, after = ctx.text[max(0, m.start("y") - 1):m.start("y")], ctx.text[m.end():m.end() + 2]
    if before in ("$", ",", ".", "#") or (before == "-" and not m["mod"]) or re.match(r"\s?%|,\d|\.\d|-\d", after):
        return None
    if not m["mod"] and before in (" ", "\t") and _preceding_word(ctx.text, m.start("y")) in NUMBERED_NOUNS:
        return None
    mod = m["mod"].lower() if m["mod"] else None
    return _Time(m["y"], "year", mod=MODS.get(re.sub(r"\s+", " ", mod or "")))


def _shift(anchor: date | None, days: int) -> _Time:
    if anchor is None:
        return _Time("XXXX-XX-XX", "day")
    d = anchor + timedelta(days=days)
    return _Time(d.isoformat(), "day")


# A capitalised "Today", "Tonight", ... right after a capitalised word or a possessive on
# its line is part of a name: "USA Today", "Florida Today", "BBC Radio 4's Today
# programme", "The Tonight Show".
_IN_NAME = re.compile(r"(?:[A-Z][\w&-]*|['’]s)[ \t]+$")


# "today's" meaning nowadays: before a superlative or a noun for the times, not a day
# ("some of today's biggest tech companies", "out of touch with today's music"), where
# "today's meeting" is the day's.
_NOWADAYS_AFTER = re.compile(
    r"['’]s\s+(?i:biggest|largest|greatest|best|top|leading|richest|most|least|fastest|strongest|modern"
    r"|world|society|music|culture|economy|youth|generation|children|kids|teens|teenagers|young|technology"
    r"|media|standards|politics|age|era|times|climate|workforce|consumers|families|parents)\b")
# "twenty years ago today": the offset's own day, not a second date
_AGO_BEFORE = re.compile(r"(?i:\bago)[ \t]+$")


def _h_deictic_day(m: re.Match[str], ctx: _Ctx) -> _Time | None:
    if m["w"][0].isupper() and _IN_NAME.search(ctx.text, max(0, m.start() - 40), m.start()):
        return None
    if m["w"].lower() == "today" and (_NOWADAYS_AFTER.match(ctx.text, m.end())
                                      or _AGO_BEFORE.search(ctx.text, max(0, m.start() - 10), m.start())):
        return None
    word = re.sub(r"\s+", " ", m["w"].lower())
    offsets = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "tomorrow": 1,
               "the day before yesterday": -2, "the day after tomorrow": 2}
    t = _shift(ctx.anchor, offsets[word])
    part = PARTS.get((m["part"] or "").lower()) or ("NI" if word == "tonight" else None)
    return _Time(f"{t.value}T{part}", "day", "TIME") if part else t


def _week_value(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _unit_value(anchor: date, unit: str, step: int) -> _Time | None:
    """The calendar unit ``step`` units from the anchor's ("last year": -1 year)."""
    if unit == "year":
        return _Time(f"{anchor.year + step:04d}", "year")
    if unit == "month":
        idx = anchor.year * 12 + anchor.month - 1 + step
        return _Time(_fmt(idx // 12, idx % 12 + 1), "month")
    if unit in ("week", "weekend"):
        value = _week_value(anchor + timedelta(weeks=step))
        return _Time(value + ("-WE" if unit == "weekend" else ""), "unknown")
    if unit == "quarter":
        idx = anchor.year * 4 + (anchor.month - 1) // 3 + step
        return _Time(f"{idx // 4:04d}-Q{idx % 4 + 1}", "unknown")
    if unit == "decade":
        return _Time(f"{anchor.year // 10 + step:03d}X", "decade")
    if unit in SEASONS:
        return _Time(f"{anchor.year + step:04d}-{SEASONS[unit]}", "unknown")
    return None


def _h_relative_unit(m: re.Match[str], ctx: _Ctx) -> _Time | None:
    rel, unit = re.sub(r"\s+", " ", m["rel"].lower()), m["unit"].lower()
    if rel in ("the past", "past", "the coming", "coming", "the last") and unit not in ("weekend",):
        code = UNIT_CODES.get(unit)
        return _Time(f"P1{code}", _precision_of(unit), "DURATION") if code else None
    step = {"last": -1, "previous": -1, "the previous": -1, "next": 1, "the next": 1,
            "the following": 1, "this": 0, "the current": 0, "current": 0}.get(rel)
    if step is None:
        return None
    if ctx.anchor is None:
        return _Time("XXXX", _precision_of(unit))
    return _unit_value(ctx.anchor, unit, step)


# A quarter is a calendar quarter only in a text that speaks of money or the economy;
# elsewhere it is a period of a game ("a touchdown in the third quarter"). All 95 ordinal
# quarters of TempEval-3 TBAQ are in texts with one of these words; none of the 9 game
# quarters of the 383 giveme5w1h articles is.
_FINANCE = re.compile(r"\b(?i:revenues?|earnings|profits?|sales|fiscal|quarterly|GDP|econom(?:y|ic)|"
                      r"shares?|income|results|growth|losses)\b")


@lru_cache(maxsize=8)
def _speaks_of_finance(text: str) -> bool:
    return _FINANCE.search(text) is not None


def _h_quarter(m: re.Match[str], ctx: _Ctx) -> _Time | None:
    """"the third quarter" (this year's, or last year's when still ahead and not future
    tense), "the quarter"/"the latest quarter" (the last completed one, as in results news,
    filed in the weeks after a quarter ends; written in a quarter's last month, when no
    results of the one before are news any more, the quarter under way: "companies are
    required to account for changes to tax laws during the quarter in which they are
    enacted", of a law signed in December)."""
    if not _speaks_of_finance(ctx.text):
        return None
    if ctx.anchor is None:
        return _Time("XXXX-QX", "unknown")
    current = (ctx.anchor.month - 1) // 3 + 1
    if m["ord"] is None:
        if "current" in m.group(0).lower() or ("latest" not in m.group(0).lower() and ctx.anchor.month % 3 == 0):
            return _Time(f"{ctx.anchor.year}-Q{current}", "unknown")
        idx = ctx.anchor.year * 4 + current - 2
        return _Time(f"{idx // 4}-Q{idx % 4 + 1}", "unknown")
    q = ("first", "second", "third", "fourth").index(m["ord"].lower()) + 1
    ahead = q > current and not _is_future(ctx.text, m.start())
    return _Time(f"{ctx.anchor.year - 1 if ahead else ctx.anchor.year}-Q{q}", "unknown")


def _weekday_date(name: str, rel: str | None, ctx: _Ctx, pos: int) -> str:
    """The date of a weekday named near the anchor: past unless next/future tense."""
    wd = WEEKDAYS[name.lower()]
    if ctx.anchor is None:
        return f"XXXX-WXX-{wd + 1}"
    future = rel == "next" or (rel != "last" and _is_future(ctx.text, pos, past_plans=True))
    # the day after publication, bare: a date line a time zone behind the news ("North
    # Korea fired a missile ... Friday" filed in the US on Thursday), not six days before
    future = future or (rel is None and (wd - ctx.anchor.weekday()) % 7 == 1)
    told = _told_on(ctx, pos) if rel is None else None
    if told is not None:
        # "Valls said Friday morning that France would observe three days of national
        # mourning, starting on Saturday": the first such day after the day it was said
        return (told + timedelta(days=(wd - told.weekday()) % 7 or 7)).isoformat()
    if future and rel is None and ctx.written is not None:
        return (ctx.written + timedelta(days=(wd - ctx.written.weekday()) % 7 or 7)).isoformat()
    delta = (wd - ctx.anchor.weekday()) % 7 if future else -((ctx.anchor.weekday() - wd) % 7)
    if delta == 0 and rel in ("last", "next"):
        delta = 7 if rel == "next" else -7
    return (ctx.anchor + timedelta(days=delta)).isoformat()


# A weekday, then "would" before the next one: a plan told on that day ("said Friday that
# France would observe ... starting on Saturday").
_WOULD_AFTER_DAY = re.compile(rf"\b{_WD}\b(?:(?!\b{_WD}\b)[^.!?\n])*\bwould\b(?:(?!\b{_WD}\b)[^.!?\n])*$")


def _told_on(ctx: _Ctx, pos: int) -> date | None:
    """The day a plan was told on, for a weekday in its "would" clause: the last day named
    (``ctx.ref``) where, in the same sentence, a weekday comes before the "would" and none
    between it and ``pos``."""
    start = max(ctx.text.rfind(c, 0, pos) for c in ".!?\n") + 1
    return _ref_date(ctx.ref) if _WOULD_AFTER_DAY.search(ctx.text, start, pos) else None


def _ref_date(ref: tuple[int | None, int, int] | None) -> date | None:
    """The day ``ref`` (the last named day) is, when it names its year."""
    if ref is None or ref[0] is None:
        return None
    try:
        return date(ref[0], ref[1], ref[2])
    except ValueError:
        return None


def _holiday_key(name: str) -> str:
    """"New Year's Eve", "New Years Eve", "New Year Eve" -> "newyeareve" (``HOLIDAYS``)."""
    key = re.sub(r"\s+", "", name.lower())
    return re.sub(r"['’]s|(?<=year)s(?=eve|day)|(?<=valentine)s(?=day)", "", key)


def _holiday(name: str, year: str | None, ctx: _Ctx, pos: int) -> _Time | None:
    """The day of a holiday (``HOLIDAYS``) of ``year``, or, named without one, the nearest
    such day (``_day_year``) when it lies within HOLIDAY_NEAR_DAYS of publication and the
    sentence tells nothing that puts it in another year: no act told in the past on a day
    still to come ("the attacks on New Year's Eve in Cologne heralded ..." two years on),
    no "that New Year's Eve", no "two years ago" beside it. Else None: a holiday recalled
    from another year is no date the text gives."""
    month, day = HOLIDAYS[_holiday_key(name)]
    if year:
        return _Time(_fmt(int(year), month, day), "day")
    y = _day_year(ctx.anchor, month, day, _is_future(ctx.text, pos), ctx.tense)
    if y is None or ctx.anchor is None:
        return _Time(_fmt(None, month, day), "day")
    when = date(y, month, day)
    start = max(ctx.text.rfind(c, 0, pos) for c in ".!?\n") + 1
    stop = min((i for c in ".!?\n" if (i := ctx.text.find(c, pos)) >= 0), default=len(ctx.text))
    if abs((when - ctx.anchor).days) > HOLIDAY_NEAR_DAYS or (ctx.tense == "past" and when > ctx.anchor) \
            or _RECALLED.search(ctx.text, max(0, pos - 30), pos) or _YEARS_AWAY.search(ctx.text, start, stop):
        return None
    return _Time(when.isoformat(), "day")


# A holiday named without its year is dated only this near publication (see ``_holiday``).
HOLIDAY_NEAR_DAYS = 10
_RECALLED = re.compile(r"\b(?i:that|those)\s+(?:[a-z]+\s+)?$")
_YEARS_AWAY = re.compile(r"\b(?i:(?:years?|months?)\s+(?:ago|earlier|before|later|after|from\s+now)|last\s+year"
                         r"|next\s+year)\b")


def _h_holiday(m: re.Match[str], ctx: _Ctx) -> _Time | None:
    if _likened(ctx.text, m.start()):
        return None
    return _holiday(m["hol"], m["y"] or m["y0"], ctx, m.start("hol"))


def _month_day_value(m: re.Match[str], ctx: _Ctx) -> str:
    month, day = _month_of(m["mon"]), int(m["d"])
    year = int(m["y"]) if m["y"] else _day_year(ctx.anchor, month, day, _is_future(ctx.text, m.start()))
    t = _day_result(year, month, day)
    return t.value if t else "XXXX-XX-XX"


def _h_weekday(m: re.Match[str], ctx: _Ctx) -> _Time | None:
    value = _weekday_date(m["wd"], (m["rel"] or "").lower() or None, ctx, m.start())
    part = PARTS.get((m["part"] or "").lower())
    return _Time(f"{value}T{part}", "day", "TIME") if part else _Time(value, "day")


def _count(text: str) -> float | None:
    t = text.lower()
    return 1.0 if t in ("a", "an") else parse_number(t)


def _offset_from(base: tuple[int | None, int, int] | None, anchor: date | None,
                 unit: str, n: int) -> _Time | None:
    """The date ``n`` units after ``base`` (or the anchor), at the unit's precision."""
    if base is not None:
        year, month, day = base
        d0 = date(year if year is not None else 2000, month, day)
    elif anchor is not None:
        d0, year = anchor, anchor.year
    else:
        unknown = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}
        return _Time(unknown[unit], _precision_of(unit)) if unit in unknown else None
    if unit == "day":
        d = d0 + timedelta(days=n)
        return _Time(_fmt(d.year if year is not None else None, d.month, d.day), "day")
    if unit == "week":
        d = d0 + timedelta(weeks=n)
        return _Time(_week_value(d) if year is not None else "XXXX-WXX", "unknown")
    if unit == "month":
        idx = d0.year * 12 + d0.month - 1 + n
        return _Time(_fmt(idx // 12 if year is not None else None, idx % 12 + 1), "month")
    if unit == "year" and year is not None:
        return _Time(f"{d0.year + n:04d}", "year")
    return None


# Offset directions counted from the present ("two days ago"), not from the last date of
# the text ("two days later").
_FROM_NOW = ("ago", "from now", "hence")


def _h_offset(m: re.Match[str], ctx: _Ctx) -> _Time | None:
    direction = re.sub(r"\s+", " ", m["dir"].lower())
    unit = m["unit"].lower().rstrip("s")
    if direction in ("before", "after") and not re.match(r"\s*(?:[,.;)]|$)", ctx.text[m.end():]):
        return None  # "two days before the vote": anchored on an event, not a date
    if direction in ("earlier", "later") and re.match(r"\s+than\b", ctx.text[m.end():]):
        return None  # "four months earlier than its usual March launch": a comparison
    back = direction in ("ago", "earlier", "before", "previously")
    n = _count(m["n"])
    if n is None or n != int(n) or n > MAX_OFFSET_UNITS:
        return _Time("PAST_REF" if back else "FUTURE_REF", "unknown")
    step = -int(n) if back else int(n)
    if direction == "ago" and ctx.anchor is not None and unit in ("year", "month") \
            and re.match(r"[ \t]+(?i:today)\b", ctx.text[m.end():]):
        return _anniversary(ctx.anchor, unit, step)  # "My mother died 20 years ago today": that day
    if direction in _FROM_NOW:
        return _offset_from(None, ctx.anchor, unit, step)
    return _offset_from(_text_base(ctx, unit), _narrative_anchor(ctx, unit, back), unit, step)


def _anniversary(anchor: date, unit: str, step: int) -> _Time:
    """The day ``step`` years or months before or after ``anchor``, on its day of the month
    (the month's last day where it has fewer)."""
    idx = anchor.year * 12 + anchor.month - 1 + (step * 12 if unit == "year" else step)
    year, month = idx // 12, idx % 12 + 1
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return _Time(date(year, month, min(anchor.day, last)).isoformat(), "day")


def _text_base(ctx: _Ctx, unit: str) -> tuple[int | None, int, int] | None:
    """The date a text-counted offset of ``unit`` counts from: the last date before it
    that is precise enough ("a year later" after "early 2014"), else the last named day."""
    if ctx.last is not None and (unit == "year" or (unit == "month" and ctx.last[1] is not None)):
        year, month = ctx.last
        if ctx.ref is None or (ctx.ref[0], ctx.ref[1]) != (year, month or ctx.ref[1]):
            return (year, month or 1, 1)
    return ctx.ref


def _h_anaphoric(m: re.Match[str], ctx: _Ctx) -> _Time | None:
    word = m["dir"].lower()
    unit = m["unit"].lower()
    step = -1 if word in ("previous", "prior", "preceding", "before", "earlier") else 1
    if unit in PARTS:
        t = _offset_from(ctx.ref, _narrative_anchor(ctx, "day", step < 0), "day", step)
        return _Time(f"{t.value}T{PARTS[unit]}", "day", "TIME") if t else None
    return _offset_from(_text_base(ctx, unit), _narrative_anchor(ctx, unit, step < 0), unit, step)


def _narrative_anchor(ctx: _Ctx, unit: str, back: bool) -> date | None:
    """What a text-counted offset falls back on when the text dated nothing before it:
    publication for a month or year counted back ("sales were $307 million a year
    earlier" compares with the period reported on), nothing for a day or week ("the next
    day" follows a day of the story the text left undated, not publication) nor for any
    count forward ("two months later" in a story told in the past is no date after
    publication)."""
    return ctx.anchor if back and unit in ("month", "year") else None


def _h_ref(m: re.Match[str], ctx: _Ctx) -> _Time | None:
    w = m.group(0).lower()
    if "future" in w:
        return _Time("FUTURE_REF", "unknown")
    if "recent" in w or "past" in w:
        return _Time("PAST_REF", "unknown")
    return _Time("PRESENT_REF", "unknown")


def _precision_of(unit: str) -> str:
    return unit if unit in ("day", "month", "year", "decade") else "unknown"


def _h_duration(m: re.Match[str], ctx: _Ctx) -> _Time | None:
    unit = re.sub(r"(?:s|ies)$", "", m["unit"].lower()).replace("centur", "century")
    unit = "century" if unit.startswith("centur") else unit
    n = _count(m["n"])
    amount = "X" if n is None else (f"{n:g}" if n != int(n) else str(int(n)))
    if unit in ("decade", "century"):
        factor = 10 if unit == "decade" else 100
        amount = amount if n is None else str(int(n * factor))
        return _Time(f"P{amount}Y", "year", "DURATION")
    code = UNIT_CODES[unit]
    prefix = "PT" if unit in ("hour", "minute", "second") else "P"
    return _Time(f"{prefix}{amount}{code}", _precision_of(unit), "DURATION")


# Words before "noon"/"midnight" that make it part of a name ("his midnight cherry
# Roadster"), and words after it that keep it a time ("the midnight deadline").
_DETERMINERS = re.compile(r"(?:\b(?:the|a|an|his|her|my|their|its|our|your)\s+|[\"“‘'])$", re.IGNORECASE)
_TIME_FOLLOWERS = frozenset({"local", "on", "tonight", "today", "tomorrow", "yesterday", "and", "or", "when", "to",
                             "in", "at", "hour", "hours", "deadline", "mass", "sun", "shift", "curfew"})


def _names_a_thing(text: str, start: int, end: int) -> bool:
    """Whether "noon"/"midnight" at [start, end) modifies a noun after a determiner, as in
    a colour or product name ("my midnight cherry Tesla Roadster", "the midnight blue
    dress"), rather than telling the time ("until midnight", "the midnight deadline")."""
    follower = re.match(r"\s+([a-z]+)\b", text[end:end + 20])
    return (_DETERMINERS.search(text[max(0, start - 8):start]) is not None and follower is not None
            and follower.group(1) not in _TIME_FOLLOWERS)


def _h_clock(m: re.Match[str], ctx: _Ctx) -> _Time | None:
    """"10:30 a.m.", "5 p.m.", "noon": a TIME on the anchor day (or the last named day),
    or on the day named after it ("11:36 a.m. Tuesday", "shortly after noon on Monday")."""
    word = (m["w"] or "").lower()
    if word and _names_a_thing(ctx.text, m.start("w"), m.end("w")):
        return None
    if word:
        hour, minute = (12 if word == "noon" else 24), 0
    else:
        hour, minute = int(m["h"]) % 12, int(m["mi"] or 0)
        hour += 12 if m["ap"].lower().startswith("p") else 0
    shift = 0
    if m["off"]:  # "an hour before midnight": 23:00, on the day midnight closes; "an hour
        # after midnight": 01:00
        step = 30 if m["off"].lower().startswith("half") else int(_count(m["off"]) or 0) * (
            60 if m["ou"].lower().startswith("hour") else 1)
        after = m["dir"].lower() == "after"
        if word == "midnight" and after:
            hour = 0  # "an hour after midnight" is early in the day told of, not the next
        total = hour * 60 + minute + (step if after else -step)
        shift, total = divmod(total, 24 * 60)  # "two hours before 1 a.m.": the day before
        hour, minute = divmod(total, 60)
    if m["hol"]:  # a holiday far from publication is no day of its own, nor publication's
        held = _holiday(m["hol"], m["hy"], ctx, m.start("hol"))
        day = held.value if held is not None else _fmt(None, *HOLIDAYS[_holiday_key(m["hol"])])
    elif m["wd"] or m["mon"]:  # "10 p.m. ET, Friday September 15": the date over its weekday
        day = _month_day_value(m, ctx) if m["mon"] else _weekday_date(m["wd"], None, ctx, m.start())
    elif ctx.ref is not None:
        day = _fmt(*ctx.ref)
    else:
        day = ctx.anchor.isoformat() if ctx.anchor else "XXXX-XX-XX"
    if shift:
        try:
            day = (date.fromisoformat(day) + timedelta(days=shift)).isoformat()
        except ValueError:
            return None  # the day after a day with no year is no day one can write
    return _Time(f"{day}T{hour:02d}:{minute:02d}", "unknown", "TIME")


def _p(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


# Month and weekday names are matched case-sensitively (capitalised in news copy), the
# relative words case-insensitively through (?i:...) groups.
PATTERNS: tuple[tuple[str, re.Pattern[str], Handler], ...] = (
    ("iso", _p(rf"\b(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)\b"), _h_iso),
    ("slash", _p(r"\b(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>(?:19|20)?\d\d)\b"), _h_slash),
    ("month_day", _p(rf"(?:{_WD},?\s+)?(?P<mon>{_MON})\s+(?P<d>{_DAY})(?:st|nd|rd|th)?\b"
                     rf"(?:,?\s+(?P<y>{_YEAR})\b)?"), _h_month_day),
    ("day_month", _p(rf"(?:{_WD},?\s+)?(?:(?i:the)\s+)?(?P<d>{_DAY})(?:st|nd|rd|th)?\s+(?:of\s+)?"
                     rf"(?P<mon>{_MON})(?![\w-])(?:,?\s+(?P<y>{_YEAR})\b)?"), _h_month_day),
    ("month", _p(rf"(?:(?P<rel>(?i:last|next|this|early|late|mid|the\s+end\s+of|the\s+beginning\s+of|"
                 rf"the\s+start\s+of|the\s+middle\s+of))[-\s]+)?(?P<mon>{_MON})(?![\w-])"
                 rf"(?:,?\s+(?:(?i:of)\s+)?(?P<y>{_YEAR})\b|\s+(?i:of\s+(?P<yrel>{_YEAR_REL})\s+year)\b)?"),
     _h_month),
    ("season", _p(rf"(?:(?P<rel>(?i:last|next|this|early|late))\s+)?(?P<s>(?i:spring|summer|autumn|fall|winter))"
                  rf"\b(?:\s+(?:of\s+)?(?P<y>{_YEAR})\b)?"), _h_season),
    ("decade", _p(r"(?:(?P<mod>(?i:(?:the\s+)?(?:early|mid|late)[-\s]+|the\s+)))?(?P<dec>(?:1[89]|20)\d0)['’]?s\b"),
     _h_decade),
    ("year", _p(rf"(?:(?P<mod>(?i:early|mid|late|the\s+end\s+of|the\s+beginning\s+of))[-\s]+)?"
                rf"(?<![\d,.$])\b(?P<y>{_YEAR})\b"), _h_year),
    # "6.10am" (British) as "6:10 a.m.": never "10am" read out of it
    # ... counted from a time ("an hour before midnight"); not a time span's length ("it
    # lasted two hours before 5 p.m. traffic")
    ("clock", _p(r"\b(?:(?<!\bfor )(?<!\blasted )(?<!\blasts )(?<!\btook )(?<!\btakes )(?<!\bspent )(?<!\bwaited )"
                 r"(?P<off>(?i:an?|half\s+an|one|two|three|four|five|six|\d{1,2}))\s+(?P<ou>(?i:hours?|minutes?))\s+"
                 r"(?P<dir>(?i:before|after))\s+)?"
                 r"(?:(?<![\d.:])(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>(?i:[ap]\.m\.|[ap]m\b))|"
                 r"(?P<w>(?i:noon|midnight))\b)"
                 rf"(?:(?:\s+(?:[ECMP][SD]?T|GMT|UTC|BST|CET|CEST|JST|KST|(?i:local\s+time)))?,?\s+(?:on\s+)?"
                 rf"(?:(?={_WD}|(?:{_MON})\s+{_DAY})(?:(?P<wd>{_WD})(?:,?\s+(?=(?:{_MON})\s+{_DAY}))?)?"
                 rf"(?:(?P<mon>{_MON})\s+(?P<d>{_DAY})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>{_YEAR})\b)?)?"
                 rf"|(?P<hol>{_HOL})\b(?:,?\s+(?P<hy>{_YEAR})\b)?))?"),
     _h_clock),
    ("holiday", _p(rf"(?:\b(?P<y0>{_YEAR})\s+)?\b(?P<hol>{_HOL})\b(?:,?\s+(?P<y>{_YEAR})\b)?"), _h_holiday),
    ("deictic", _p(r"\b(?P<w>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|"
                   r"yesterday|tomorrow|tonight|this(?=\s+(?:morning|afternoon|evening))))"
                   r"(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?\b"), _h_deictic_day),
    ("relative_unit", _p(r"\b(?i:(?P<rel>last|next|this|the\s+past|the\s+coming|"
                         r"the\s+current|the\s+last|coming|past|previous|current)\s+"
                         r"(?P<unit>week|month|year|quarter|decade|weekend|spring|summer|autumn|winter))\b"),
     _h_relative_unit),
    ("quarter", _p(r"\b(?i:(?:the\s+)?(?:(?:fiscal|latest|current|(?P<ord>first|second|third|fourth))[\s-]+)+"
                   r"|the\s+)(?i:quarter)\b"), _h_quarter),
    ("weekday", _p(rf"(?:(?P<rel>(?i:last|next|this))\s+)?(?P<wd>{_WD})(?:\s+(?P<part>(?i:morning|"
                   rf"afternoon|evening|night)))?\b"), _h_weekday),
    ("offset", _p(rf"\b(?i:(?P<n>{_NUM}|a\s+few|several|few|many)[\s-]+(?P<unit>days?|weeks?|months?|years?)"
                  rf"\s+(?P<dir>ago|earlier|later|before|after|from\s+now|hence|previously))\b"), _h_offset),
    ("anaphoric", _p(r"\b(?i:the\s+(?P<dir>next|following|previous|prior|preceding)\s+"
                     r"(?P<unit>day|week|month|year|morning|afternoon|evening|night))\b"), _h_anaphoric),
    ("anaphoric2", _p(r"\b(?i:the\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after|earlier|later))\b"
                      r"(?!\s+(?:(?i:the|a|an|his|her|their|its)\b|[A-Z]))"), _h_anaphoric),
    ("ref", _p(r"\b(?i:recent\s+(?:years|months|weeks|days|decades)|recently|nowadays|currently|now|"
               r"the\s+future|these\s+days)\b"), _h_ref),
    ("duration", _p(rf"\b(?i:(?P<n>{_NUM}|a\s+few|several|few|many)[\s-]+(?P<unit>{_UNIT}))"
                    r"(?:[\s-]+(?i:long|old))?\b"), _h_duration),
)


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    handler: Handler
    match: re.Match[str]
    trusted: bool = False


def parse_anchor(value: str | None) -> date | None:
    """The date part of an ISO date or datetime string ("2025-11-03T10:00Z"); None if unusable."""
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    if not m:
        return None
    try:
        anchor = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    # Years 1000..8999 keep every value four digits and all date arithmetic in range.
    return anchor if 1000 <= anchor.year <= 8999 else None


def _candidates(text: str, anchor: date | None, span: tuple[int, int] | None = None) -> list[_Candidate]:
    """Every pattern match a handler accepts; inside ``span`` only (a spaCy entity, whose
    label vouches for bare months and seasons) when given."""
    trusted = span is not None
    start, end = span or (0, len(text))
    ctx = _Ctx(text, anchor, None, trusted)
    found: list[_Candidate] = []
    for _name, pattern, handler in PATTERNS:
        for m in pattern.finditer(text, start, end):
            if m.end() > m.start() and handler(m, ctx) is not None:
                found.append(_Candidate(m.start(), m.end(), handler, m, trusted))
    return found


def _select(cands: list[_Candidate]) -> list[_Candidate]:
    """Longest non-overlapping candidates (earliest first among equals), in text order."""
    chosen: list[_Candidate] = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, c.start)):
        if all(c.end <= k.start or k.end <= c.start for k in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


@lru_cache(maxsize=8)
def _text_candidates(text: str, anchor: date | None) -> tuple[_Candidate, ...]:
    """The selected pattern matches of a whole text: the dates stage and the quantities
    stage (which leaves date spans out) both ask for the same article's, so keep a few."""
    return tuple(_select(_candidates(text, anchor)))


def _spacy_candidates(doc: Doc, article: Article, anchor: date | None,
                      taken: Sequence[_Candidate]) -> list[_Candidate]:
    """DATE/TIME entities the grammar missed, kept when a pattern covers the entity exactly.

    The grammar is re-run inside the entity with its context rules relaxed ("March was
    cold": spaCy, not a preposition, says the month is a date); entities no pattern
    normalises are dropped, not guessed.
    """
    extra: list[_Candidate] = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME") or _modifies_a_thing(ent):
            continue
        if any(ent.start_char < k.end and k.start < ent.end_char for k in taken):
            continue
        for c in _candidates(article.text, anchor, (ent.start_char, ent.end_char)):
            if (c.start, c.end) == (ent.start_char, ent.end_char):
                extra.append(c)
                break
    return extra


# Nouns a season word may modify and still be a time ("the summer months").
_TIME_NOUNS = frozenset("""month season week day time holiday break vacation term semester solstice equinox
quarter night morning evening afternoon weekend period""".split())


def _modifies_a_thing(ent: Span) -> bool:
    """A season word that modifies a noun other than a time noun: "watching winter birds
    flit around", "a summer camp" say what kind of thing, not when. A month says when
    ("the October slaying", "a June agreement": TempEval-3 dates)."""
    if len(ent) != 1 or ent[0].lower_ not in SEASONS:
        return False
    tok = ent[0]
    return tok.dep_ in {"compound", "amod", "nmod"} and tok.head.pos_ in {"NOUN", "PROPN"} \
        and tok.head.i > tok.i and tok.head.lemma_.lower() not in _TIME_NOUNS


def _make(article: Article, c: _Candidate, t: _Time, restates: bool = False) -> TimeExpression:
    return TimeExpression(article.evidence(c.start, c.end), t.value, t.precision, t.kind, t.mod, restates)


# "each July", "every Monday": a recurring month or day (TIMEX3 SET), no date of its own.
_HABITUAL = re.compile(r"(?i)\b(?:each|every)\s+$")


def _after_each(text: str, start: int) -> bool:
    """"each"/"every" right before ``start``: "every Tuesday" names no one day."""
    return _HABITUAL.search(text, max(0, start - 8), start) is not None


# Adverbs that make the verb of a month or weekday a habit: "Apple usually waits until
# September to reveal its new handsets" names no one September.
_HABIT_ADVERBS = frozenset({"usually", "typically", "normally", "traditionally", "customarily",
                            "routinely", "habitually", "ordinarily"})


_CLAUSE_BREAKS = frozenset({",", ";", ":", "\u2014", "\u2013", "-", "--"})


def habitual_clause(doc: Doc, offset: int) -> bool:
    """Whether the verb above the token at ``offset`` (the first one up its heads) is
    modified by a habit adverb (``_HABIT_ADVERBS``) with no clause break between the two
    ("peak on Wednesday night into Thursday, and this cosmic show usually features ..."
    is one peak: the parse had hung "Wednesday" under "features"). A comma right after a
    sentence-opening adverb breaks nothing ("Typically, the company reports in January")."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    date_tok = span[0]
    verb = next((t for t in [date_tok, *date_tok.ancestors] if t.pos_ in _VERB_POS), None)
    if verb is None:
        return False
    for adv in verb.children:
        if adv.dep_ != "advmod" or adv.lower_ not in _HABIT_ADVERBS:
            continue
        lo, hi = sorted((adv.i, date_tok.i))
        between = [t.text for t in doc[lo + 1:hi] if not (t.i == adv.i + 1 and t.text == ",")]
        if not set(between) & _CLAUSE_BREAKS:
            return True
    return False


def _habitual(t: _Time) -> _Time:
    """The SET value of a month or weekday said to recur: "XXXX-07", "XXXX-WXX-1" (Monday)."""
    m = re.match(r"\d{4}-(\d{2})(?:-(\d{2}))?", t.value)
    if m is None:
        return t
    if m.group(2) is None:
        return _Time(f"XXXX-{m.group(1)}", "month", "SET")
    return _Time(f"XXXX-WXX-{date.fromisoformat(m.group(0)).isoweekday()}", "day", "SET")


# A value that names a day, maybe with its clock time or part: "2017-12-30", "...T12:00", "...TMO"
_DAY_VALUE = re.compile(r"(\d{4}|XXXX)-(\d{2})-(\d{2})(?:T(?:[\d:]+|" + "|".join(TIMEX_DAY_PARTS) + "))?")


def _as_ref(t: _Time) -> tuple[int | None, int, int] | None:
    m = _DAY_VALUE.fullmatch(t.value)
    if not m:
        return None
    return (None if m.group(1) == "XXXX" else int(m.group(1)), int(m.group(2)), int(m.group(3)))


def _year_month(t: _Time) -> tuple[int, int | None] | None:
    """(year, month or None) of a date value that names its year; None for durations,
    references and values without a year."""
    m = re.match(r"(\d{4})(?:-(\d{2})(?![\d]))?", t.value) if t.kind == "DATE" else None
    return (int(m.group(1)), int(m.group(2)) if m.group(2) else None) if m else None


# The patterns whose value is counted from the last date before them in the text.
_COUNTED_FROM_TEXT = ("anaphoric", "anaphoric2", "offset")


def counted_from_text(expression: str) -> bool:
    """Whether a date expression is counted from another date of its text ("the next
    day", "two days later"), not from the publication date ("two days ago", "Friday"):
    its day is only as right as the date the text happened to give before it."""
    for name, pattern, _handler in PATTERNS:
        if name in _COUNTED_FROM_TEXT and (m := pattern.search(expression)):
            if name != "offset" or re.sub(r"\s+", " ", m["dir"].lower()) not in _FROM_NOW:
                return True
    return False


_VERB_POS = frozenset({"VERB", "AUX"})
_NONFINITE_DEPS = frozenset({"acl", "amod", "advcl", "xcomp"})


def clause_tense(doc: Doc, offset: int) -> str | None:
    """"past" or "present" for the clause of the token at ``offset``: the first verb above
    it that is finite, has a finite auxiliary or is a perfect. A past form or a perfect
    ("has launched", "believed to have been recorded") is "past"; a present form or a
    modal ("will", "would", "can") is "present". Infinitives and participles ("to
    release", "starting") take the tense of the verb above them: "promises to release ...
    in May" is present, "said it would stop in May" too, "asked in February" past. None
    when no such verb is found."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    chain = [span[0], *span[0].ancestors] if span is not None and len(span) else []
    for verb in chain:
        if verb.pos_ not in _VERB_POS:
            continue
        aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
        if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in aux):
            return "past"  # a perfect, finite or not: "has launched", "believed to have been recorded"
        if not aux and verb.dep_ in _NONFINITE_DEPS and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            continue  # a participle the tagger read as a past form: "the people linked to them"
        tags = {verb.tag_, *(a.tag_ for a in aux)}
        if "MD" in tags:
            return "present"
        if "VBD" in tags:
            return "past"
        if tags & {"VBZ", "VBP"}:
            return "present"
    return None


# Words of a plan whose infinitive tells an act still to come ("plans to launch", "is
# scheduled to fly"), as ``FUTURE_RE`` reads them in the words just before a date.
PLAN_WORDS = frozenset({"plan", "schedule", "intend", "set", "due"})
# ... and the participles that tell a plan, not a done act ("scheduled for", "expected").
_PLAN_PARTICIPLES = PLAN_WORDS | {"expect"}


def planned_act(doc: Doc, offset: int) -> bool:
    """Whether the token at ``offset`` sits in an infinitive a plan's word governs,
    however many words away ("unveiled plans to launch his Roadster into space as part of
    the maiden voyage of the company's Falcon Heavy rocket in January": next January,
    though the plan was told in the past). The first verb up from it decides: an
    infinitive under a word of ``PLAN_WORDS``, or none (a finite verb ends the search)."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    for verb in (span[0].ancestors if span is not None and len(span) else ()):
        if verb.pos_ not in _VERB_POS:
            continue
        if any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
            if verb.head.lemma_.lower() in PLAN_WORDS:
                return True
            continue  # an infinitive under another word: look further up
        return False
    return False


# Prepositions that put a day on an act ("killed 130 people on Nov. 13"), not a deadline
# or an end ("extended to Nov. 16", "respond by Oct. 31"); and the nouns of a part of a
# day between them ("shot on the night of Oct. 23").
_ACT_DAY_PREPS = frozenset({"on", "in", "during", "since"})
_DAY_PARTS = frozenset({"night", "morning", "evening", "afternoon", "day", "weekend", "eve"})


def _root_at(doc: Doc, start: int, end: int) -> Token | None:
    """The head token of the words at [start, end) of ``doc``, or None where none are."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def dates_past_act(doc: Doc, start: int, end: int) -> bool:
    """Whether the day at [start, end) dates an act told in the past: it hangs on a past
    verb (a past form, or a participle with its auxiliary: "was last seen Nov. 3", "has
    fallen") as an adverb of time or through "on"/"in"/"during"/"since" ("militants killed
    130 people in Paris on Nov. 13", "was shot to death on the night of Oct. 23"). Not a
    day of a thing ("the Jan. 14 deadline", "payable Dec. 7"), an end or a limit ("was
    extended to Nov. 16", "asked it to respond by Oct. 31"), an object ("has set Nov. 10
    as the deadline") or an infinitive's ("subpoenaed Elian to testify on Feb. 10"): on
    TempEval-3 those name coming days as often as past ones. A day written before the
    noun of an event told in the past does ("the Nov. 13 Paris terrorist attacks that
    killed 130 people": ``_past_event_day``)."""
    tok = _root_at(doc, start, end)
    if tok is None:
        return False
    head = tok.head
    if tok.dep_ in {"nmod", "compound"} and head.pos_ in {"NOUN", "PROPN"}:
        return _past_event_day(tok)
    if tok.dep_ == "pobj":
        while head.dep_ == "prep" and head.lower_ == "of" and head.head.lower_ in _DAY_PARTS \
                and head.head.dep_ == "pobj":
            head = head.head.head  # "on the night of Oct. 23": up to "on"
        if head.dep_ != "prep" or head.lower_ not in _ACT_DAY_PREPS:
            return False
        head = head.head
    elif tok.dep_ not in {"npadvmod", "tmod"}:
        return False
    if head.pos_ not in _VERB_POS:
        return False
    aux = [c for c in head.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.tag_ == "MD" for a in aux) or any(a.lower_ == "to" for a in aux):
        return False
    # a bare participle says its act is done ("a post on its website last updated 3
    # January", "photos taken on Oct. 1"), unless it is a plan's ("scheduled for", "due")
    done = (head.tag_ == "VBN" and not aux and head.lemma_.lower() not in _PLAN_PARTICIPLES
            and not any(c.dep_ in SUBJECT_DEPS for c in head.children))
    return head.tag_ == "VBD" or (head.tag_ == "VBN" and bool(aux)) or any(a.tag_ == "VBD" for a in aux) or done


# Verbs of telling: a day hung on one says when something was told, not when what was told
# happened ("he told CNN in a phone call Friday").
_TELLING = SPEECH_VERBS | {"announce", "tweet", "report"}


def _told_day(doc: Doc, start: int, end: int) -> bool:
    """Whether the day at [start, end) says when something was told: it hangs on a verb
    of telling, directly ("said Friday") or through "on"/"in" and the telling's noun ("told
    CNN in a phone call Friday", "said in an interview on Friday")."""
    tok = _root_at(doc, start, end)
    if tok is None:
        return False
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif tok.dep_ not in {"npadvmod", "tmod", "nmod", "compound"}:
        return False
    if head.pos_ == "NOUN" and head.dep_ == "pobj" and head.head.dep_ == "prep":
        head = head.head.head  # "in a phone call Friday": up to the verb the call is the means of
    return head.pos_ in _VERB_POS and head.lemma_.lower() in _TELLING


def _past_event_day(tok: Token) -> bool:
    """Whether a day written before a noun ("the Nov. 13 Paris terrorist attacks") names
    the day of a past event: the noun's own clause tells it in the past ("... attacks that
    killed 130 people") or it is what time is counted since ("since the Nov. 13 attacks").
    A day of a thing alone ("the Jan. 14 deadline") is not."""
    noun = tok.head
    while noun.dep_ in {"compound", "nmod"} and noun.head.pos_ in {"NOUN", "PROPN"} and noun.head.i != noun.i:
        noun = noun.head
    told_past = any(c.dep_ == "relcl" and (c.tag_ == "VBD" or any(a.tag_ == "VBD" for a in c.children
                                                                  if a.dep_ in {"aux", "auxpass"}))
                    for c in noun.children)
    return told_past or (noun.dep_ == "pobj" and noun.head.lower_ == "since")


# A news report names by weekday only the days of the week around its writing, and the
# first day it names is the news: when that day is past, at least STALE_MIN_DAYS before
# the stamp, and a weekday to come lies more than STALE_SPAN_DAYS after the latest past
# weekday named, the stamp is later than the writing (an update, a crawl). DW's "The
# accident happened late Tuesday ... The A42 is expected to remain closed on Wednesday",
# stamped the Saturday after, had put the closure eight days after the accident. A
# report that first names a day to come and then background ("is to resume trading in
# Paris Tuesday ... Paribas said Monday", TempEval-3 wsj_0810) is read from its stamp.
STALE_SPAN_DAYS = 7
STALE_MIN_DAYS = 2


def _stale_stamp(chosen: Sequence[_Candidate], text: str, anchor: date | None) -> date | None:
    """The latest past weekday an article names when its stamp ``anchor`` is later than
    its writing (see ``STALE_SPAN_DAYS``); None when the weekdays fit the stamp."""
    if anchor is None:
        return None
    past: list[date] = []
    future: list[date] = []
    for c in chosen:
        if c.handler is not _h_weekday or c.match["rel"] or _after_each(text, c.start):
            continue
        day = date.fromisoformat(_weekday_date(c.match["wd"], None, _Ctx(text, anchor, None), c.start))
        if not past and not future and (day > anchor or (anchor - day).days < STALE_MIN_DAYS):
            return None  # the first day named is to come, or recent: the stamp holds
        (future if day > anchor else past).append(day)
    if not past or not future:
        return None
    latest = max(past)
    return latest if (max(future) - latest).days > STALE_SPAN_DAYS else None


# What lies between a clock time and the same moment told again in another zone: a few
# words (its zone: "Hawaii time", "EDT"), then a bracket or a slash, and inside it a few
# more before the expression ("6 a.m. (2100 GMT Monday)", "5:57 pm EDT / 9:57 pm").
_CONVERSION_GAP = re.compile(r"[^()/;\n]{0,25}[(/][^()\n]{0,20}")
# A year written in digits ("1969", "in 2019"), and where a sentence ends: a bare month
# after such a year, alone, in one sentence is of that year.
_WRITTEN_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’']?\s+[\"“‘']?[A-Z]|\n")


def _to_come(ref: tuple[int | None, int, int] | None, anchor: date | None) -> bool:
    """Whether the last named day is after the anchor (the publication date)."""
    day = _ref_date(ref)
    return day is not None and anchor is not None and day > anchor


# "today" and "tonight" date the writing, not the story: "three days later" after "is alive
# today" counts from the last date of the story told before it, not from the present.
_PRESENT = re.compile(r"(?i:today|tonight|this\s+(?:morning|afternoon|evening))")


def extract_times(article: Article, doc: Doc | None = None, anchor: str | None = None) -> tuple[TimeExpression, ...]:
    """Date, time and duration expressions in ``article.text``, normalised, in text order.

    ``anchor`` (ISO date) overrides ``article.published`` as the reference for deictic
    expressions; anaphoric ones ("a day earlier") use the last day-precision date before
    them. Matches are resolved in text order so that each sees the dates before it.
    ``doc`` must be parsed from ``article.text`` (a prefix of it, when truncated), else
    ValueError.
    """
    base = parse_anchor(anchor) or parse_anchor(article.published)
    text = article.text
    chosen: Sequence[_Candidate] = _text_candidates(text, base)
    if doc is not None:
        if not text.startswith(doc_text(doc)):
            raise ValueError(f"article {article.id}: the spaCy Doc is not over article.text")
        chosen = sorted([*chosen, *_spacy_candidates(doc, article, base, chosen)], key=lambda c: c.start)
    written = _stale_stamp(chosen, text, base)
    out: list[TimeExpression] = []
    ref: tuple[int | None, int, int] | None = None
    last: tuple[int, int | None] | None = None
    written_year: tuple[int, int] | None = None  # (year, end offset) of the last year written in digits
    clock_end = -1  # where the last clock time ends
    # the last named day as a clock time without a day of its own reads it, and the last
    # day named other than as still to come ("will begin Monday"): days named as when
    # something was told left out ("he told CNN in a phone call Friday" dates no "until
    # midnight" of the night before: ``_told_day``)
    clock_ref: tuple[int | None, int, int] | None = None
    clock_done_ref: tuple[int | None, int, int] | None = None
    for c in chosen:
        if written_year is not None and _SENTENCE_BREAK.search(text, written_year[1], c.start):
            written_year = None
        tense = None
        if doc is not None and c.handler is _h_month:
            tense = clause_tense(doc, c.start)
        elif doc is not None and c.handler is _h_month_day and dates_past_act(doc, c.start, c.end):
            tense = "past"
        day_ref = ref
        if c.handler is _h_clock:
            day_ref = clock_ref
            if clock_ref != clock_done_ref and doc is not None and clause_tense(doc, c.start) == "past":
                # "the investigation will begin Monday. 'All emergency services were activated
                # from the moment the first alert was received at 12:13 pm'": a day told as
                # still to come dates no act told as done; the last day named otherwise does
                # ("On Sunday, a small aircraft ... crashed")
                day_ref = clock_done_ref
        planned = doc is not None and c.handler in (_h_month, _h_month_day) and planned_act(doc, c.start)
        t = c.handler(c.match, _Ctx(text, base, day_ref, c.trusted, last, tense, written,
                                    written_year[0] if written_year else None, planned))
        if t is None:
            continue
        if _WRITTEN_YEAR.fullmatch(t.value) and _WRITTEN_YEAR.search(c.match.group(0)):
            written_year = (int(t.value), c.end)  # a year alone: "November 2018" is a month's
        if c.handler in (_h_month, _h_weekday) and (_after_each(text, c.start)
                                                    or (doc is not None and habitual_clause(doc, c.start))):
            out.append(_make(article, c, _habitual(t)))  # "each July": no one July, no anchor for what follows
            continue
        # a moment told again in another zone ("6 a.m. (2100 GMT Monday)") dates nothing after it
        restates = clock_end >= 0 and _CONVERSION_GAP.fullmatch(text, clock_end, c.start) is not None
        out.append(_make(article, c, t, restates))
        if c.handler is _h_clock:
            clock_end = c.end
        if not _PRESENT.fullmatch(c.match.group(0)) and not restates:
            # a clock time names a day only with its weekday or date ("11:36 a.m. Tuesday"),
            # which then dates a bare one after it ("and returned at 7:33 p.m.")
            named = c.handler is not _h_clock or bool(c.match["wd"] or c.match["mon"])
            new_ref = _as_ref(t) if named else None
            told = new_ref is not None and doc is not None and _told_day(doc, c.start, c.end)
            if new_ref is not None and not (doc is not None and _to_come(new_ref, base)
                                            and clause_tense(doc, c.start) == "present"):
                # not a day named as still to come, in a clause told as to come
                clock_done_ref = clock_done_ref if told else new_ref
            ref = new_ref or ref
            clock_ref = clock_ref if told else new_ref or clock_ref
            if c.handler not in (_h_offset, _h_anaphoric):  # "a year ago ... a year earlier": one year
                last = _year_month(t) or last
    return tuple(out)
