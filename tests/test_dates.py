"""extract.dates: TIMEX3-style normalisation on the example corpus, its gold timeline, and invariants."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.extract.dates import extract_times, parse_anchor
from newsdesk.model import Article, TimeExpression

# TIMEX3 values this module writes: calendar dates with X for unknown parts, weeks,
# quarters, seasons, weekends, decades, parts of day and clock times, durations, refs.
TIMEX_VALUE = re.compile(
    r"(?:\d{4}|XXXX|\d{3}X)(?:-(?:\d{2}|XX|W\d{2}|WXX|Q\d|QX|SP|SU|FA|WI)(?:-(?:\d{2}|XX|\d|WE))?)?"
    r"(?:T(?:\d{2}:\d{2}|MO|AF|EV|NI))?|PT?[\dX.]+(?:Y|M|W|D|H|S|DE|CE)|PAST_REF|PRESENT_REF|FUTURE_REF")


def _article(text: str, published: str | None = None) -> Article:
    return Article(id="t", source="t", text=text, raw_text=text, published=published)


def _values(text: str, published: str | None = None) -> dict[str, str]:
    return {t.evidence.text: t.value for t in extract_times(_article(text, published))}


def _corpus(corpus_dir: Path) -> dict[str, Article]:
    return {p.name[:3]: _article(p.read_text(encoding="utf-8")) for p in sorted(corpus_dir.glob("*.txt"))}


def test_corpus_gold_timeline_is_found(corpus_dir: Path, gold_dir: Path) -> None:
    """Every dated event of the hand-made timeline has its date among the article's values."""
    gold = json.loads((gold_dir / "venezuela-russia-2025.json").read_text(encoding="utf-8"))
    corpus = _corpus(corpus_dir)
    found, misses = 0, []
    for entry in gold["timeline"]:
        want = entry["when"].removesuffix("-MID")  # mid-month: value is the month
        values = {t.value for t in extract_times(corpus[entry["doc"]])}
        if want in values:
            found += 1
        else:
            misses.append((entry["doc"], entry["when"], sorted(values)))
    assert found == len(gold["timeline"]), misses


def test_corpus_anchor_fixes_years(corpus_dir: Path) -> None:
    """With a publication date, month-days and months get years; "a day earlier" follows its reference."""
    corpus = _corpus(corpus_dir)
    times = {t.evidence.text: t for t in extract_times(corpus["004"], anchor="2025-11-03")}
    assert times["October 26"].value == "2025-10-26"
    assert times["a day earlier"].value == "2025-10-25"
    assert times["July"].value == "2025-07" and times["July"].precision == "month"
    assert times["recent years"].value == "PAST_REF"
    assert times["2018"].value == "2018"
    by_text = {t.evidence.text: t for t in extract_times(corpus["002"], anchor="2025-11-03")}
    assert by_text["October 31st"].value == "2025-10-31"
    assert by_text["mid-October"].value == "2025-10"
    three = next(t for t in extract_times(corpus["003"]) if t.evidence.text == "three-year")
    assert (three.kind, three.value) == ("DURATION", "P3Y")


def test_published_date_is_the_default_anchor() -> None:
    text = "Yesterday the minister said last year was hard. On Tuesday talks resumed. He visited in July."
    values = _values(text, published="2025-11-05")  # a Wednesday
    assert values["Yesterday"] == "2025-11-04"
    assert values["last year"] == "2024"
    assert values["Tuesday"] == "2025-11-04"
    assert values["July"] == "2025-07"
    assert _values(text, None)["July"] == "XXXX-07"


def test_future_tense_moves_forward() -> None:
    values = _values("The minister will travel to Moscow in March and will meet Putin on Friday.", "2025-11-05")
    assert values["March"] == "2026-03"
    assert values["Friday"] == "2025-11-07"


def test_a_day_just_before_publication_in_the_future_tense_is_this_year() -> None:
    # giveme5w1h (a supermoon story stamped 2018-01-02): it had been dated 2019-01-01
    values = _values("The first full moon of 2018 will reach its peak between January 1 and 2.", "2018-01-02")
    assert values["January 1"] == "2018-01-01"
    # further back, a "will" still means next year's
    assert _values("The new law will take effect on December 20.", "2018-01-02")["December 20"] == "2018-12-20"


def test_today_in_a_name_is_no_date() -> None:
    # giveme5w1h: a photo credit "Usa Today Sports" had put a caption on the timeline
    text = ("Usa Today Sports Cleveland Cavaliers star LeBron James watched history be made. "
            "His friend told USA Today last month that he was fine. Speaking to BBC Radio 4's Today programme, "
            "Mr Taylor continued. He appeared on \"The Tonight Show\" with Johnny Carson.")
    assert _values(text, "2016-11-03") == {"last month": "2016-10"}
    assert _values("The talks failed. Today the two sides meet again.", "2016-11-03") == {"Today": "2016-11-03"}


def test_a_future_in_one_clause_says_nothing_of_the_next() -> None:
    # giveme5w1h (Daily Mail, a 'wolf moon' on 2018-01-01): December's supermoon had been 2018-12
    text = ("But the celestial anomaly is set to be even brighter Monday night, and comes after December's "
            "dazzling supermoon.")
    assert _values(text, "2018-01-01")["December"] == "2017-12"
    assert _values("The festival will open in June, and close in July.", "2018-01-01") == {
        "June": "2018-06", "July": "2018-07"}


def test_a_month_and_day_inside_a_name_is_no_date() -> None:
    # giveme5w1h (China's moon missions, 2018): a rocket had been dated 2018-03-09
    text = ("The key to this is the Long March 9 rocket, which is in development and due to fly in 2028-2030. "
            "The launch was set for Friday March 9. Talks resume from March 12.\nUpdated March 14\n"
            "It opened in the United States April 2.")  # TempEval-3 (AP style, no "on")
    assert _values(text, "2018-01-10") == {
        "Friday March 9": "2018-03-09", "March 12": "2018-03-12", "March 14": "2018-03-14", "April 2": "2018-04-02"}


def test_words_that_are_not_dates() -> None:
    text = "The march began. Officials may act. He said the fall of the regime was near."
    assert extract_times(_article(text, "2025-11-05")) == ()


@pytest.mark.parametrize(
    ("phrase", "value", "precision"),
    [("the 1990s", "199X", "decade"), ("last week", "2025-W44", "unknown"), ("two years ago", "2023", "year"),
     ("24 hours", "PT24H", "unknown"), ("now", "PRESENT_REF", "unknown")],
)
def test_expression_kinds(phrase: str, value: str, precision: str) -> None:
    (t,) = extract_times(_article(f"It happened in {phrase}.", "2025-11-05"))
    assert (t.evidence.text, t.value, t.precision) == (phrase, value, precision)


def test_quarter_is_a_calendar_quarter_only_where_money_is_spoken_of() -> None:
    assert _values("Profits rose 4% in the third quarter.", "2025-11-05")["the third quarter"] == "2025-Q3"
    assert extract_times(_article("Bell added a 10-yard touchdown run late in the third quarter.",
                                  "2025-11-05")) == ()


def test_the_quarter_is_the_last_one_ended_in_results_season_and_the_one_under_way_late_in_it() -> None:
    # results news weeks after a quarter ends speaks of that quarter ...
    assert _values("Earnings rose 4% in the quarter.", "2025-11-05")["the quarter"] == "2025-Q3"
    assert _values("Earnings rose 4% in the latest quarter.", "2025-12-20")["the latest quarter"] == "2025-Q3"
    # ... and an article of a quarter's last month of the one under way (giveme5w1h, NYT
    # on Goldman Sachs, 29 December 2017: "account for changes to tax laws during the
    # quarter in which they are enacted" had been dated 2017-Q3)
    text = ("Public companies are required to account for changes to tax laws during the quarter in which they are "
            "enacted, so their earnings will take a hit.")
    assert _values(text, "2017-12-29")["the quarter"] == "2017-Q4"


def test_offsets_counted_from_the_text_count_from_the_last_year_it_named() -> None:
    values = _values("Together since early 2014, they met while filming. A year later, she joked about it.",
                     "2018-02-05")
    assert values["A year later"] == "2015"
    # one comparison period, not a chain: "a year ago" is not the base of "a year earlier"
    values = _values("It lost $2 million a year ago. Sales were $348 million compared with $307 million "
                     "a year earlier.", "1989-10-26")
    assert values["a year ago"] == values["a year earlier"] == "1988"
    assert _values("Revenue fell to $300 million last year, from $450 million the year before.",
                   "1998-09-07")["the year before"] == "1996"


def test_month_of_a_year_named_by_reference() -> None:
    assert _values("Sometime in late March of next year, the station will fall.",
                   "2017-12-31")["late March of next year"] == "2018-03"
    values = _values("The reports date back to early 2016. It began in late January of that year.", "2017-09-19")
    assert values["late January of that year"] == "2016-01"


def test_the_next_day_is_not_future_tense() -> None:
    # "the next day" is counted from the story, so it does not push "January 1" a year ahead
    values = _values("Police did not learn of it until the next day. And the next day, of course, was "
                     "January 1, which was days ago.", "2016-01-06")
    assert values["January 1"] == "2016-01-01"


def test_an_anaphoric_date_with_no_date_before_it_is_not_counted_from_publication() -> None:
    # a report 18 months after the gorilla's death: "a day before" that is no day of 2017
    values = _values("The animal, who turned 17 just a day before, picked the boy up.", "2017-11-30")
    assert values["a day before"] == "XXXX-XX-XX"
    values = _values("His breathing tube was removed just three days later.", "2017-12-27")
    assert values["three days later"] == "XXXX-XX-XX"
    # with a date before it, it counts from that date; "ago" still counts from publication
    values = _values("He fell on Nov. 2. His tube was removed three days later.", "2017-12-27")
    assert values["three days later"] == "2017-11-05"
    assert _values("It fell two days ago.", "2017-12-27")["two days ago"] == "2017-12-25"


def test_months_or_years_counted_forward_with_no_date_before_are_not_after_publication() -> None:
    # a story told in the past: "two months later" is no month after publication
    assert _values("Two months later, he was arrested in Madrid.", "2017-12-01")["Two months later"] == "XXXX-XX"
    assert _values("The following year he moved to Paris.", "2017-12-01")["The following year"] == "XXXX"
    # counted back, a year still compares with the period reported on; with a date before, from it
    assert _values("Sales were $307 million a year earlier.", "2017-12-01")["a year earlier"] == "2016"
    values = _values("In March 2014 he left. Two months later, he was arrested.", "2017-12-01")
    assert values["Two months later"] == "2014-05"


def test_a_clock_time_takes_the_day_of_the_time_before_it() -> None:
    # giveme5w1h (published Wednesday 2017-12-27): the return was Tuesday evening, not Wednesday's
    values = _values("The flight left Los Angeles International Airport at 11:36 a.m. Tuesday and returned at "
                     "7:33 p.m.", "2017-12-27")
    assert values["11:36 a.m. Tuesday"] == "2017-12-26T11:36"
    assert values["7:33 p.m."] == "2017-12-26T19:33"
    # giveme5w1h (The Sun, published Friday 2016-11-11): the zone between the time and its
    # day ("local time", "ET") leaves the day the time's own
    values = _values("A huge blast was reportedly heard at around 11pm local time on Thursday evening.",
                     "2016-11-11")
    assert values["11pm local time on Thursday"] == "2016-11-10T23:00"
    assert _values("The quake struck at 4 p.m. ET Monday.", "2016-11-11")["4 p.m. ET Monday"] == "2016-11-07T16:00"
    assert _values("It happened at 3 p.m. local time.", "2016-11-11")["3 p.m."] == "2016-11-11T15:00"
    # a weekday and its date after the time: the date (giveme5w1h, CNN's listing line)
    values = _values("Watch the documentary: 10 p.m. ET, Friday September 15", "2017-09-14")
    assert values == {"10 p.m. ET, Friday September 15": "2017-09-15T22:00"}
    # a time counted from another (giveme5w1h, Guardian on Mazar-i-Sharif: "about an hour
    # before midnight" had been midnight itself); not a span's length before a time
    assert _values("The explosion occurred about an hour before midnight local time.", "2016-11-11") == {
        "an hour before midnight": "2016-11-11T23:00"}
    assert _values("He arrived half an hour after midnight.", "2016-11-11") == {
        "half an hour after midnight": "2016-11-11T00:30"}
    assert _values("It lasted two hours before 5 p.m. traffic.", "2016-11-11") == {
        "two hours": "PT2H", "5 p.m.": "2016-11-11T17:00"}
    # a holiday too far from publication to be dated gives its time no day of publication
    assert _values("At 5 p.m. Christmas Day the doors open.", "2017-09-14") == {"5 p.m. Christmas Day": "XXXX-12-25T17:00"}
    # a bare clock time names no day: the one after it still falls back on publication
    assert _values("Doors open at 7 p.m. and the show starts at 8 p.m.", "2017-12-27")["8 p.m."] == "2017-12-27T20:00"
    # giveme5w1h (Croydon, British copy): "6.10am" had been read as "10am"
    values = _values("Emergency services were called at 6.10am, and again at 11.45pm.", "2016-11-09")
    assert values == {"6.10am": "2016-11-09T06:10", "11.45pm": "2016-11-09T23:45"}


def test_a_day_still_to_come_dates_no_clock_time_told_as_done(nlp: Any) -> None:
    # giveme5w1h (RT, stamped 2018-01-14): the alert "was received at 12:13 pm" had taken
    # the Monday on which the investigation "will begin", a day after the article's stamp
    text = ("Costa Rica's president said, confirming the investigation into the causes of the accident will "
            "begin Monday. \u201cAll emergency services were activated from the moment the first alert was "
            "received at 12:13 pm,\u201d he said.")
    found = {t.evidence.text: t.value for t in extract_times(_article(text, "2018-01-14"), nlp(text))}
    assert found == {"Monday": "2018-01-15", "12:13 pm": "2018-01-14T12:13"}
    # the last day named as past still dates it (The New York Times, stamped Monday 2017-08-28
    # in New York, of a launch on Tuesday in Japan)
    text = ("Notably, the missile fired on Tuesday took off from near Pyongyang. Diplomats said the meeting "
            "would most likely be Tuesday afternoon. In a post on Mr. Abe\u2019s Twitter account, the government "
            "confirmed that the missile was fired at 5:58 a.m. local time.")
    found = {t.evidence.text: t.value for t in extract_times(_article(text, "2017-08-28"), nlp(text))}
    assert found["5:58 a.m."] == "2017-08-29T05:58"
    # a time still to come keeps that day
    text = "The investigation will begin Monday. The first hearing will start at 9 a.m."
    found = {t.evidence.text: t.value for t in extract_times(_article(text, "2018-01-14"), nlp(text))}
    assert found["9 a.m."] == "2018-01-15T09:00"


def test_next_to_is_a_place_not_a_time_to_come() -> None:
    # giveme5w1h (China Daily, stamped Friday 2016-07-15): a photo caption's "stand next to a
    # truck on Thursday" had read "next" as the future and dated the attack 2016-07-21
    values = _values("French police forces and forensic officers stand next to a truck on Thursday that ran into "
                     "a crowd celebrating the Bastille Day national holiday.", "2016-07-15")
    assert values["Thursday"] == "2016-07-14"
    assert _values("The vote will be held next Thursday.", "2016-07-15")["next Thursday"] == "2016-07-21"


def test_a_plan_told_on_a_day_is_dated_after_that_day() -> None:
    # giveme5w1h (The New York Times, stamped Thursday 2016-07-14): the mourning "starting on
    # Saturday", announced on Friday, had been dated the Saturday before the attack
    values = _values("Prime Minister Manuel Valls said Friday morning that France would observe three days of "
                     "national mourning, starting on Saturday.", "2016-07-14")
    assert values["Friday morning"] == "2016-07-15TMO" and values["Saturday"] == "2016-07-16"
    # a weekday with no "would" after the day before it, or no day before the "would", is as before
    assert _values("He said on Tuesday that the vote was held Monday.", "2016-07-14")["Monday"] == "2016-07-11"
    assert _values("He said the company would report earnings Tuesday.", "2016-07-14")["Tuesday"] == "2016-07-12"


def test_a_timeline_leaves_out_dates_that_name_no_day() -> None:
    from newsdesk.crosscheck.timeline import build_timeline

    art = _article("Police learned of the assaults only the next day, officers said. On January 5, 2016, the "
                   "mayor spoke to reporters about it.", "2016-01-06")
    entries = build_timeline([art], {art.id: extract_times(art)})
    assert [e.date for e in entries] == ["2016-01-05"]


def test_a_period_after_a_named_event_is_not_a_date() -> None:
    assert extract_times(_article("By contrast, the month after Mr. Adnani's speech, a man attacked.",
                                  "2016-07-15")) == ()
    assert "four months earlier" not in _values("The launch, four months earlier than its usual one, will help.",
                                                "2018-01-01")


_STYLES = ("{mon} {d}, {y}", "{d} {mon} {y}", "{y}-{m:02d}-{d:02d}", "{ab} {d}, {y}", "{mon} {d}th, {y}")


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31)), st.sampled_from(_STYLES))
@settings(max_examples=150, deadline=None)
def test_explicit_dates_parse_back(d: date, style: str) -> None:
    """Any calendar date written in a common style normalises to itself."""
    mon = d.strftime("%B")
    abbr = {"May": "May", "September": "Sept."}.get(mon, mon[:3] + ".")
    phrase = style.format(mon=mon, ab=abbr, d=d.day, m=d.month, y=d.year)
    (t,) = extract_times(_article(f"The deal was signed on {phrase} in Caracas."))
    assert (t.evidence.text.removeprefix("on "), t.value, t.precision) == (phrase, d.isoformat(), "day")


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 1, 1)),
       st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]))
@settings(max_examples=100, deadline=None)
def test_past_weekday_is_within_the_week_before(anchor: date, weekday: str) -> None:
    # ... but the day after publication is that day: a date line a time zone behind the
    # news (CNN, dated Thursday 2017-09-14: "North Korea fired a ballistic missile over ...
    # Hokkaido Friday" is 2017-09-15, not 2017-09-08)
    (t,) = extract_times(_article(f"Troops arrived on {weekday}."), anchor=anchor.isoformat())
    got = date.fromisoformat(t.value)
    assert got.strftime("%A") == weekday and anchor - timedelta(days=5) <= got <= anchor + timedelta(days=1)


_FRAGMENTS = ["On October 26,", "a day earlier", "in July", "last year", "the 2019 vote", "recent years",
              "three-year plan", "mid-October", "Tuesday", "yesterday", "as of 2018", "the talks", "14 sets",
              "Su-30MK2", "$50 million", "\n", "they said.", "May", "the march", "two weeks ago"]


@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=14), st.none() | st.dates().map(date.isoformat))
@settings(max_examples=150, deadline=None)
def test_evidence_slices_back_and_is_deterministic(parts: list[str], published: str | None) -> None:
    article = _article(" ".join(parts), published)
    times = extract_times(article)
    assert times == extract_times(article)
    ends = -1
    for t in times:
        assert isinstance(t, TimeExpression)
        assert t.evidence.text == article.text[t.evidence.start:t.evidence.end]
        assert t.evidence.start >= ends  # sorted, non-overlapping
        ends = t.evidence.end
        assert t.precision in {"day", "month", "year", "decade", "unknown"}
        assert TIMEX_VALUE.fullmatch(t.value), t.value


def test_parse_anchor() -> None:
    assert parse_anchor("2025-11-03T10:00:00Z") == date(2025, 11, 3)
    assert parse_anchor("Nov 3") is None and parse_anchor(None) is None
    assert parse_anchor("0999-12-31") is None  # outside the years values can be written in


def test_a_part_of_a_day_dates_a_bare_clock_time_after_it() -> None:
    # giveme5w1h (Delta flight, published Sunday 2017-12-31): the loop "shortly after noon"
    # was on the Saturday of the story's opening, not on the publication day
    values = _values("On late Saturday morning, a bird flew into the cockpit of a jetliner. A flight tracker "
                     "shows the plane landed back where it started, shortly after noon.", "2017-12-31")
    assert values["Saturday morning"] == "2017-12-30TMO"
    assert values["noon"] == "2017-12-30T12:00"


def test_the_number_of_a_flight_or_a_room_is_no_year() -> None:
    # giveme5w1h: "the pilots of Flight 1943 from Detroit to Atlanta" had put 1943 on the timeline
    values = _values("The pilots of Flight 1943 from Detroit saw a bird. She stayed in Room 2010 in 2016. "
                     "It was founded in 1943.", "2017-12-31")
    assert values == {"2016": "2016", "1943": "1943"}
    assert [t.evidence.start for t in extract_times(_article("Flight 1943 landed in 1943."))] == [22]


def test_a_season_that_says_what_kind_of_thing_is_no_date(nlp: Any) -> None:
    # giveme5w1h (Delta flight): "watching winter birds flit around" had dated the sentence 2017-WI
    text = "Perry sat watching winter birds flit around outside. Last winter was mild. He went to summer camp."
    found = {t.evidence.text: t.value for t in extract_times(_article(text, "2017-12-31"), nlp(text))}
    assert found == {"Last winter": "2016-WI"}


def test_spacy_entities_vouch_for_bare_months(nlp: Any) -> None:
    """A month opening a sentence needs spaCy's DATE label; the grammar alone leaves it out."""
    text = "March was the coldest month on record in Caracas."
    article = _article(text, "2025-11-05")
    assert extract_times(article) == ()
    (t,) = extract_times(article, nlp(text))
    assert (t.evidence.text, t.value, t.precision) == ("March", "2025-03", "month")


def test_a_surname_that_is_a_month_is_no_date(nlp: Any) -> None:
    # giveme5w1h (Nice attack, The Sun): spaCy tags the "May" of "Theresa May" DATE here
    text = ("A Downing Street spokesman said PM Theresa May was being kept up to date with developments in "
            "France. He stressed: \u201cOur thoughts are with those affected by this terrible incident.\u201d "
            "Theresa May today said: \"If this was a terrorist attack we must redouble our efforts.\" "
            "Parliament will debate it in May.")
    found = [(t.evidence.start, t.evidence.text, t.value) for t in extract_times(_article(text, "2016-07-14"), nlp(text))]
    may = text.index("May today")
    assert not any(start == may for start, _, _ in found), found
    assert any(e == "May" and start > may for start, e, _ in found)  # "in May" is still a month


@pytest.mark.parametrize(("text", "published", "month", "value"), [
    # giveme5w1h-news-cluster sentences: a bare month in a clause not told in the past is
    # the nearest such month, not last year's
    ("Venus can\u2019t be seen, as the planet hides in the sun\u2019s glare for January and into February.",
     "2017-12-30", "January", "2018-01"),
    ("Earth\u2019s charming neighbor effectively returns in March.", "2017-12-30", "March", "2018-03"),
    ("(The ICIJ promises to release a full list of companies and the people linked to them in \"early May.\")",
     "2016-04-04", "early May", "2016-05"),
    ("The circus announced in January that starting in May, a year and a half earlier than expected, "
     "it would no longer tour with elephants.", "2016-03-18", "May", "2016-05"),
    # told in the past (or the present perfect), it stays the last one before publication
    ("The circus announced in January that starting in May, a year and a half earlier than expected, "
     "it would no longer tour with elephants.", "2016-03-18", "January", "2016-01"),
    ("In February, the Trump administration asked NASA to look into the possibility of a crewed mission.",
     "2018-01-01", "February", "2017-02"),
    ("The company has launched two rockets in March.", "2017-12-30", "March", "2017-03"),
    ("This includes a recording, believed to have been recorded in December, that CNN exclusively "
     "obtained in April showing 15 of the girls.", "2016-10-13", "December", "2015-12"),
])
def test_a_bare_month_takes_its_clause_tense(nlp: Any, text: str, published: str, month: str, value: str) -> None:
    found = {t.evidence.text: t.value for t in extract_times(_article(text, published), nlp(text))}
    assert found[month] == value, found


@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.-/:'aAdeyMonthJulFridayago ")), max_size=80),
       st.none() | st.dates().map(date.isoformat))
@settings(max_examples=200, deadline=None)
def test_any_text_is_safe(text: str, published: str | None) -> None:
    """Arbitrary digit/date-word soup never raises and always slices back."""
    article = _article(text, published)
    for t in extract_times(article):
        assert t.evidence.text == text[t.evidence.start:t.evidence.end]
        assert TIMEX_VALUE.fullmatch(t.value), t.value


def test_today_is_no_anchor_for_a_day_counted_in_the_story() -> None:
    # giveme5w1h (Rich Dauer): "three days later" had been counted from "today" (the
    # article's date) and put the coach's recovery after the article was written
    text = ("Dauer collapsed at the parade on Nov. 3. His wife believes he is alive today because of luck. "
            "His breathing tube was removed just three days later.")
    assert _values(text, "2017-12-27")["three days later"] == "2017-11-06"
    # a decade written with a typographic apostrophe is still a decade
    assert _values("Russia of the 1990\u2019s was on its knees.")["the 1990\u2019s"] == "199X"


def test_a_recurring_month_or_day_is_a_set(nlp: Any) -> None:
    # TempEval-3 ("Orangemen march each July", gold XXXX-07) and giveme5w1h ("typically
    # delivers shares every January"): no one July, so no year and no anchor for what follows
    text = "Every Monday, the market opens late. On Tuesday it closed early. Orangemen march each July."
    art = _article(text, "2017-10-04")
    found = {t.evidence.text: (t.value, t.kind) for t in extract_times(art, nlp(text))}
    assert found["Monday"] == ("XXXX-WXX-1", "SET") and found["July"] == ("XXXX-07", "SET")
    assert found["Tuesday"] == ("2017-10-03", "DATE")  # a day told after it still has its date


def test_a_month_of_a_habit_is_a_set(nlp: Any) -> None:
    # giveme5w1h (Samsung at CES): the timeline had dated this "2017-09"
    text = ("The firm hopes the move, four month earlier than its usual March launches, will help it boost sales "
            "against Apple - which usually waits until September to reveal its new handsets. Apple revealed the "
            "iPhone X in September.")
    found = [(t.evidence.text, t.value, t.kind) for t in extract_times(_article(text, "2018-01-01"), nlp(text))]
    assert ("September", "XXXX-09", "SET") in found
    assert ("September", "2017-09", "DATE") in found  # the habit's adverb is not the next sentence's
    # a habit told in a clause of its own leaves the other clause's days dated (giveme5w1h)
    text = ("The Quadrantid meteors peak on Wednesday night into Thursday, and this cosmic show usually features a "
            "strong 120 meteors each hour during a short peak, according to the American Meteor Society.")
    kinds = {t.evidence.text: t.kind for t in extract_times(_article(text, "2017-12-26"), nlp(text))}
    assert kinds["Thursday"] == "DATE"


def test_a_month_abbreviation_inside_a_word_is_no_month() -> None:
    # giveme5w1h (Brazilian Grand Prix live text): "Lap 14 Marcus Ericsson has a big smash"
    # had been dated 14 March, on the timeline
    text = ("Lap 14 Marcus Ericsson has a big smash in his Sauber and the safety car is deployed.\n"
            "The 3 Mayors met on 14 Mar. 2016, and again on 5 March.")
    found = [(t.evidence.text, t.value) for t in extract_times(_article(text, "2016-11-14"))]
    assert [f for f, _ in found] == ["14 Mar. 2016", "5 March"] and found[0][1] == "2016-03-14", found


def test_midnight_in_a_name_is_no_time() -> None:
    # giveme5w1h (Falcon Heavy): Musk's "midnight cherry Tesla Roadster", a colour, had
    # put seven entries at 24:00 on that story's timeline
    for text in ["Payload will be my midnight cherry Tesla Roadster playing Space Oddity.",
                 "Musk unveiled plans to launch his \u201cmidnight cherry Tesla Roadster\u201d into space.",
                 "Musk said the midnight cherry red Tesla Roadster sells for about $200,000."]:
        assert _values(text, "2017-12-02") == {}, text
    assert _values("They stayed in the building until midnight, when police said it was safe to leave.",
                   "2016-07-15") == {"midnight": "2016-07-15T24:00"}
    assert _values("Talks ran past the midnight deadline.", "2016-07-15") == {"midnight": "2016-07-15T24:00"}


def test_a_day_that_dates_a_past_act_is_the_last_one(nlp: Any) -> None:
    # giveme5w1h (Nice, July 2016): "killed 130 people in Paris on Nov. 13" had been dated
    # 2016-11-13, four months after publication; a day hung on a past verb is last year's
    # when this year's is still to come (not within a month: the parse may hang a coming
    # day on the verb), and a deadline, an end or an object keep the nearest day
    def values(text: str, published: str) -> dict[str, str]:
        article = _article(text, published)
        return {t.evidence.text: t.value for t in extract_times(article, nlp(text))}

    assert values("Almost exactly eight months ago Islamic State militants killed 130 people in Paris on Nov. 13.",
                  "2016-07-15")["Nov. 13"] == "2015-11-13"
    assert values("The abortion doctor was shot to death on the night of Oct. 23 as he stood in his kitchen.",
                  "1999-05-05")["Oct. 23"] == "1998-10-23"
    assert values("Mr. Hollande, who only hours earlier had proclaimed the impending end of a state of national "
                  "emergency on July 26, said that the measure would be extended.", "2016-07-14")["July 26"] == "2016-07-26"
    assert values("Meissner gave no reason for the Jan. 14 deadline.", "2000-01-05")["Jan. 14"] == "2000-01-14"
    assert values("The offer was extended to Nov. 16.", "1989-10-30")["Nov. 16"] == "1989-11-16"
    # giveme5w1h (NYT on Nice): a day written before the event it names, which the event's
    # own clause tells in the past ("the Nov. 13 Paris terrorist attacks that killed 130
    # people"), or counted since, is last year's; an event still to come keeps the nearest
    nyt = ("The region has activated a so-called White Plan, put in place during the Nov. 13 Paris terrorist attacks "
           "that killed 130 people, to open all emergency rooms to receive victims, he added.")
    assert values(nyt, "2016-07-15")["Nov. 13"] == "2015-11-13"
    assert values("Security has been tight since the Nov. 13 attacks in Paris.", "2016-07-15")["Nov. 13"] == "2015-11-13"
    assert values("Voters head to the polls in the Nov. 8 election that will decide the presidency.",
                  "2016-07-15")["Nov. 8"] == "2016-11-08"


def test_a_bare_participle_dates_a_done_act_and_a_plans_infinitive_one_to_come(nlp: Any) -> None:
    # giveme5w1h (Guardian on Tiangong-1, stamped September 2016): "a post on its website
    # last updated 3 January" had been the January to come; (USA Today on SpaceX, stamped
    # December 22): "unveiled plans to launch ... rocket in January", the plan's act sixty
    # characters and more from its word, had been the January gone
    def values(text: str, published: str) -> dict[str, str]:
        article = _article(text, published)
        return {t.evidence.text: t.value for t in extract_times(article, nlp(text))}

    assert values("The California-based Aerospace Corporation said the Tiangong-1\u2019s re-entry was unlikely to be "
                  "controlled, according to a post on its website last updated 3 January.",
                  "2016-09-21")["3 January"] == "2016-01-03"
    assert values("Two days ago, Elon Musk unveiled plans to launch his \"midnight cherry Tesla Roadster\" into space "
                  "as part of the maiden voyage of the company's Falcon Heavy rocket in January.",
                  "2017-12-22")["January"] == "2018-01"
    # a plan's participle is no done act; a month a plan does not govern stays the last
    assert values("The launch scheduled on Jan. 5 was the first of the year.", "2017-12-22")["Jan. 5"] == "2018-01-05"
    assert values("The company said in January it had a plan to expand.", "2017-12-22")["January"] == "2017-01"


def test_a_day_named_as_when_something_was_told_dates_no_clock_time(nlp: Any) -> None:
    # giveme5w1h (CNN on Nice, stamped Thursday): "until midnight" of the attack's night had
    # taken the Friday of "he told CNN in a phone call Friday", the day the witness spoke
    text = ("(CNN) Chaos broke out in Nice, France, after a truck plowed through throngs of tourists and locals "
            "celebrating Bastille Day on Thursday evening.\n"
            "Andy McArdy works at Le Queenie, a restaurant on the Promenade des Anglais.\n"
            "\"It was very well planned,\" he told CNN in a phone call Friday.\n"
            "\"Everyone came rushing in the restaurant -- about 100 people -- trying to find safe passage; they ended "
            "up staying in the building until midnight, when police said it was safe to leave.")
    times = {t.evidence.text: t.value for t in extract_times(_article(text, "2016-07-14"), nlp(text))}
    assert times["Friday"] == "2016-07-15" and times["midnight"] == "2016-07-14T24:00"
    # a day of an act still dates one ("the restaurant reopened on Friday")
    acted = text.replace("he told CNN in a phone call Friday", "the restaurant reopened on Friday")
    times = {t.evidence.text: t.value for t in extract_times(_article(acted, "2016-07-14"), nlp(acted))}
    assert times["midnight"] == "2016-07-15T24:00"


def test_the_weekday_after_publication_is_that_day() -> None:
    # giveme5w1h: CNN dated Thursday 2017-09-14 and NPR dated Monday 2017-08-28 report
    # launches of Friday and Tuesday (Asian time); read as the week before, the timeline had
    # put each launch six days early, apart from the other outlets' reports
    assert _values("North Korea fired a ballistic missile over the northern Japanese island of Hokkaido Friday.",
                   "2017-09-14") == {"Friday": "2017-09-15"}
    assert _values("North Korea fired a missile over Japan early on Tuesday.", "2017-08-28") == {
        "Tuesday": "2017-08-29"}
    # "last" and any other weekday stay in the week before
    assert _values("The talks ended last Friday.", "2017-09-14") == {"last Friday": "2017-09-08"}
    assert _values("The talks ended on Wednesday.", "2017-09-14") == {"Wednesday": "2017-09-13"}


def test_a_stamp_later_than_the_writing_does_not_push_the_coming_weekday_a_week_on() -> None:
    # giveme5w1h (DW): "The accident happened late Tuesday ... The A42 is expected to remain
    # closed on Wednesday", stamped the Saturday after (2017-12-30): the closure is the day
    # after the accident, not eight days after it
    text = ("The accident happened late Tuesday on the Rhine River near Duisburg. "
            "The A42 is expected to remain closed on Wednesday as structural engineers carry out safety checks.")
    got = {t.evidence.text: t.value for t in extract_times(_article(text, "2017-12-30"))}
    assert got == {"Tuesday": "2017-12-26", "Wednesday": "2017-12-27"}
    # a report written the day after, or one whose coming weekday falls within the week of
    # its past one, is read from its stamp as before
    assert _values(text, "2017-12-27") == {"Tuesday": "2017-12-26", "Wednesday": "2017-12-27"}
    assert _values("Police said Friday that the bridge will reopen on Wednesday.", "2017-12-30") == {
        "Friday": "2017-12-29", "Wednesday": "2018-01-03"}
    # ... and so is one that first names a day to come, then background (TempEval-3 wsj_0810)
    assert _values("The stock is to resume trading in Paris Tuesday. Paribas said Monday that it intends to bid.",
                   "1989-10-27") == {"Tuesday": "1989-10-31", "Monday": "1989-10-23"}
    near = _values("The ship hit the bridge on Thursday. It will sail again on Monday.", "2017-12-30")
    assert near == {"Thursday": "2017-12-28", "Monday": "2018-01-01"}


def test_today_meaning_nowadays_and_an_anniversary_are_no_second_date() -> None:
    """giveme5w1h: CNBC's "some of today's biggest tech companies" had put the Center for
    Humane Technology on the timeline at the publication day; the Sun's "My mother died 20
    years ago today" had two entries, 1996 and the publication day. "Today's" meaning the
    times is no date, and an anniversary is its one day."""
    assert _values("It includes former employees of some of today's biggest tech companies.", "2018-02-04") == {}
    assert _values("The letter called the academy out of touch with today\u2019s music.", "2018-02-05") == {}
    assert _values('He said: "My mother died 20 years ago today."', "2016-11-03") == {"20 years ago": "1996-11-03"}
    assert _values("She was elected six months ago today.", "2016-08-31") == {"six months ago": "2016-02-29"}
    # the day's own things stay dated
    assert _values("Today's meeting was cancelled.", "2016-11-03") == {"Today": "2016-11-03"}
    assert _values("Twenty years ago, the plant closed.", "2016-11-03") == {"Twenty years ago": "1996"}


def test_holidays_and_clock_times_bound_to_their_day() -> None:
    """giveme5w1h (Hawaiian Airlines flight HA446, published 2018-01-01): "10:15 a.m. on
    New Year's Eve" had been dated the publication day, "9:45 am on December 31st, 2017"
    (an ordinal, then the year) 2018-01-01, and "was scheduled to take off at 11:55 p.m.
    Sunday, but left about 10 minutes late" the Sunday after publication."""
    stamp = "2018-01-01"
    assert _values("It landed in Honolulu at 10:15 a.m. on New Year's Eve.", stamp) == {
        "10:15 a.m. on New Year's Eve": "2017-12-31T10:15"}
    assert _values("The flight, HA446, left Auckland at 12:05 am, January 1st, 2018, and will land in Honolulu at "
                   "9:45 am on December 31st, 2017.", stamp) == {
        "12:05 am, January 1st, 2018": "2018-01-01T00:05", "9:45 am on December 31st, 2017": "2017-12-31T09:45"}
    assert _values("The flight was scheduled to take off at 11:55 p.m. Sunday, but left late.", stamp) == {
        "11:55 p.m. Sunday": "2017-12-31T23:55"}
    # a plan still to come, and holidays by name, year given or nearest the stamp
    assert _values("The game is scheduled for Sunday.", stamp) == {"Sunday": "2018-01-07"}
    assert _values("The party on New Years Eve 2016 was big. Shops close on Christmas Day.", "2017-12-20") == {
        "New Years Eve 2016": "2016-12-31", "Christmas Day": "2017-12-25"}
    # a holiday's word alone names no day
    assert _values("She put up her Christmas lights.", stamp) == {}


def test_a_holiday_recalled_from_another_year_is_no_date() -> None:
    """giveme5w1h (Berlin's safety zone for women, late December 2017): the Cologne
    assaults of New Year's Eve 2015, recalled, are no 2017-12-31; the year written before
    the holiday is its year."""
    stamp = "2017-12-29"
    assert _values("In the aftermath of the 2015 New Year\u2019s Eve events, police have boosted security.", stamp) == {
        "2015 New Year\u2019s Eve": "2015-12-31"}
    assert _values("After assaults occurred on New Year's Eve in several German cities two years ago, police "
                   "changed plans.", stamp) == {"two years ago": "2015"}
    assert _values("That chaotic New Year's Eve in Cologne set off fears.", stamp) == {}
    assert _values("Its Christmas Day game was a record.", "2018-03-02") == {}  # too far from the stamp to guess
    assert _values("Authorities have stepped up security for New Year's Eve.", stamp) == {
        "New Year's Eve": "2017-12-31"}


@pytest.mark.parametrize(("name", "day"), [
    ("New Year's Eve", "12-31"), ("New Years Eve", "12-31"), ("New Year Eve", "12-31"), ("New Year\u2019s Day", "01-01"),
    ("Christmas Eve", "12-24"), ("Christmas Day", "12-25"), ("Boxing Day", "12-26"), ("Valentine's Day", "02-14"),
    ("Valentines Day", "02-14"), ("Halloween", "10-31"), ("Bastille Day", "07-14"),
])
def test_every_written_form_of_a_holiday_is_read(name: str, day: str) -> None:
    assert _values(f"It happened on {name} 2016.", "2017-03-01") == {f"{name} 2016": f"2016-{day}"}


def test_a_bare_month_after_a_year_alone_in_its_sentence_is_of_that_year(nlp: Any) -> None:
    # giveme5w1h (the Cubs): "the 1969 team ... amassed a 9 1/2-game lead in mid-August" had
    # been dated August 2016, the month before publication
    cubs = ("Every Cubs fan knows those stories, starting with the 1969 team loaded with Hall of Famers that "
            "amassed a 9 1/2-game lead in mid-August before they started losing.")
    assert _values(cubs, "2016-11-03")["mid-August"] == "1969-08"
    assert _values("In 2019, Russia sent troops in early July.", "2016-11-03")["early July"] == "2019-07"
    # a year that is another month's ("until November 2018"), one of another sentence, and
    # a month set from publication by "next" keep the month's own reading
    bill = "She did not have to pay it all until November 2018 - only a minimum payment was due for December."
    parsed = {t.evidence.text: t.value for t in extract_times(_article(bill, "2017-12-27"), nlp(bill))}
    assert parsed["November 2018"] == "2018-11" and parsed["December"] == "2017-12"
    assert _values("The law dates from 2014. Officials met in March.", "2016-11-03")["March"] == "2016-03"
    assert _values("Since 2014 the group has grown, and next March it will vote.", "2016-11-03")["next March"] == "2017-03"


def test_a_moment_told_again_in_another_zone_dates_nothing_after_it() -> None:
    # giveme5w1h (North Korea): "just before 6 a.m. (2100 GMT Monday)" had made Monday the day
    # of the clock times after it, though the launch was on Tuesday where it happened
    text = "It was launched just before 6 a.m. (2100 GMT Monday) and flew 2,700 km. Officials met at 3 p.m."
    values = _values(text, "2017-08-29")
    assert values["Monday"] == "2017-08-28" and values["3 p.m."] == "2017-08-29T15:00"
    # a day named outside brackets still dates what follows
    assert _values("It was launched on Monday, and officials met at 3 p.m.", "2017-08-29")["3 p.m."] == "2017-08-28T15:00"


def test_a_date_something_is_likened_to_is_no_day_of_the_story(nlp: Any) -> None:
    # giveme5w1h (CNN on Nice): "France's equivalent to July 4" had put July 4 on the timeline
    text = ("Kristen Crouch was among the tourists who fled for their lives shortly after the fireworks display for "
            "the Bastille Day celebrations -- France's equivalent to July 4.")
    found = {t.evidence.text: t.value for t in extract_times(_article(text, "2016-07-15"), nlp(text))}
    assert found == {"Bastille Day": "2016-07-14"}
    assert _values("The fireworks were on July 4.", "2016-07-15")["July 4"] == "2016-07-04"
