"""Timeline: ordering, dedup, boilerplate and vague dates; the example corpus vs gold `timeline`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.crosscheck.timeline import build_timeline, readable
from newsdesk.model import Article, TimeExpression

try:  # shared real-text loaders; `python -m pytest` sees the repo root, plain `pytest` sees tests/
    from tests.test_citations import _article, _gold, load_corpus
except ImportError:
    from test_citations import _article, _gold, load_corpus  # type: ignore[no-redef]


def _time(article: Article, surface: str, value: str, kind: str = "DATE", nth: int = 0) -> TimeExpression:
    start = -1
    for _ in range(nth + 1):
        start = article.text.index(surface, start + 1)
    return TimeExpression(article.evidence(start, start + len(surface)), value, "day", kind)


def test_order_dedup_and_unknown_years_last() -> None:
    a = _article("a", "Published Oct. 31, 2025\nOn October 26, a plane arrived in Caracas. "
                      "In 2019, Russia gave aid to the government of Maduro.")
    b = _article("b", "In 2019, Russia gave aid to the government of Maduro. In recent years ties faded a lot.")
    times = {"a": [_time(a, "Oct. 31, 2025", "2025-10-31"), _time(a, "October 26", "XXXX-10-26"),
                   _time(a, "2019", "2019")],
             "b": [_time(b, "2019", "2019"), _time(b, "recent years", "PAST_REF")]}
    entries = build_timeline([a, b], times)
    assert [e.date for e in entries] == ["2019", "XXXX-10-26"]  # boilerplate, duplicate and vague dropped
    assert entries[0].evidence.article_id == "a"
    for e in entries:
        art = a if e.evidence.article_id == "a" else b
        assert e.evidence.text == art.text[e.evidence.start : e.evidence.end]


def test_vague_dates_only_when_nothing_else() -> None:
    a = _article("a", "In recent years ties between the two countries faded.")
    entries = build_timeline([a], {"a": [_time(a, "recent years", "PAST_REF")]})
    assert [e.date for e in entries] == ["PAST_REF"]
    assert build_timeline([a], {"a": [_time(a, "recent years", "P3Y", kind="DURATION")]}) == ()


def test_sentence_pieces_split_dates() -> None:
    text = ("She did not have to pay the full amount until November 2018 — only a small minimum "
            "payment was due for December. On October 26, a plane – one of the planes sanctioned by "
            "the US in 2023 for arms trafficking – arrived in Caracas.")
    a = _article("a", text)
    times = {"a": [_time(a, "November 2018", "2018-11"), _time(a, "December", "2017-12"),
                   _time(a, "October 26", "XXXX-10-26"), _time(a, "2023", "2023")]}
    by_date = {e.date: e for e in build_timeline([a], times)}
    assert by_date["2018-11"].text.endswith("November 2018")
    assert by_date["2017-12"].text.startswith("only a small minimum")
    assert by_date["2023"].text.startswith("one of the planes")
    assert "2023" not in by_date["XXXX-10-26"].text and "arrived in Caracas" in by_date["XXXX-10-26"].text


def test_readable_cuts_long_text() -> None:
    out = readable("word " * 100, limit=50)
    assert len(out) <= 50 and out.endswith("…")


def test_corpus_timeline_against_gold(corpus_dir: Path, gold_dir: Path, nlp: Any) -> None:
    dates = __import__("pytest").importorskip("newsdesk.extract.dates")
    gold = _gold(gold_dir, "venezuela-russia-2025.json")
    arts = load_corpus(corpus_dir, gold)
    times = {k: dates.extract_times(a, nlp(a.text)) for k, a in arts.items()}
    entries = build_timeline(list(arts.values()), times)
    # the gold writes a TIMEX3 mod after the value ("XXXX-10-MID" for "mid-October")
    got = {e.date + (f"-{e.mod}" if e.mod else "") for e in entries}
    want = {t["when"] for t in gold["timeline"]}
    assert want <= got, json.dumps(sorted(want - got))
    keys = [(e.date.startswith("X"), e.date, e.evidence.article_id, e.evidence.start) for e in entries]
    assert keys == sorted(keys)


_EVENTS = st.sampled_from([("In 2019, Russia sent aid to the government.", "2019", "2019"),
                           ("On October 26, a plane landed in the capital city.", "October 26", "XXXX-10-26"),
                           ("Published March 3, 2020", "March 3, 2020", "2020-03-03"),
                           ("Prices rose in July 2018 — a small bill was due in December that year.", "July 2018", "2018-07"),
                           ("Ties faded in recent years across the whole region.", "recent years", "PAST_REF")])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_EVENTS, min_size=1, max_size=4), min_size=1, max_size=3))
def test_entries_slice_back_and_are_sorted(docs: list[list[tuple[str, str, str]]]) -> None:
    arts, times = [], {}
    for i, events in enumerate(docs):
        art = _article(f"d{i}", "\n".join(e[0] for e in events))
        arts.append(art)
        times[art.id], pos = [], 0
        for sentence, surface, value in events:
            start = art.text.index(sentence, pos) + sentence.index(surface)
            times[art.id].append(TimeExpression(art.evidence(start, start + len(surface)), value, "day"))
            pos = start
    entries = build_timeline(arts, times)
    by_id = {a.id: a for a in arts}
    for e in entries:
        ev = e.evidence
        assert ev.text == by_id[ev.article_id].text[ev.start : ev.end] and e.text
    keys = [(e.date.startswith("X"), e.date, e.evidence.article_id, e.evidence.start) for e in entries]
    assert keys == sorted(keys)
    assert len({(e.date, e.text) for e in entries}) == len(entries)


def test_a_date_part_reads_in_the_brief() -> None:
    from newsdesk.extract.dates import extract_times
    from newsdesk.report.view import date_label

    text = ("The report indicates the letter was to be delivered by Venezuela’s minister of transport during a "
            "mid-October visit to Moscow. Orders fell sharply in early 2014.")
    art = Article(id="a", source="a", text=text, raw_text=text)
    entries = build_timeline([art], {"a": extract_times(art)})
    assert [(e.date, e.mod) for e in entries] == [("2014", "START"), ("XXXX-10", "MID")]
    assert [date_label(e.date, e.mod) for e in entries] == ["2014 (early)", "XXXX-10 (mid)"]
    assert date_label("2019", None) == "2019"


def test_a_time_of_day_reads_as_words_and_replaces_its_day() -> None:
    from newsdesk.extract.dates import extract_times
    from newsdesk.report.view import date_label

    # giveme5w1h (CNN on Nice, the New York Times on North Korea): "Thursday night" had
    # shown as 2016-07-14TNI; "shortly after noon on Monday" as noon of the publication day
    # and Monday apart; a sentence with a day and a time of it, twice; "(CNN)" opened an entry
    text = ("(CNN) Scores of people were killed Thursday night when a large truck plowed through a Bastille Day "
            "crowd in Nice, France.\nNorth Korea fired three ballistic missiles from the western town of Hwangju "
            "toward Japan shortly after noon on Monday, according to South Korea's Joint Chiefs of Staff.\n"
            "The polls opened on Tuesday in the state, and the last of them closed at 8 p.m. as officials had said.")
    art = Article(id="a", source="a", text=text, raw_text=text, published="2016-07-15")
    entries = build_timeline([art], {"a": extract_times(art, anchor="2016-07-15")})
    assert [(e.date, e.text.split()[0]) for e in entries] == [
        ("2016-07-11T12:00", "North"), ("2016-07-12T20:00", "The"), ("2016-07-14TNI", "Scores")]
    night = entries[-1]
    assert date_label(night.date, night.mod) == "2016-07-14 night"
    assert night.evidence.text == night.text == art.text[night.evidence.start:night.evidence.end]
    assert date_label(entries[0].date, None) == "2016-07-11 12:00"
    assert date_label("2016-07-14TMO", "START") == "2016-07-14 morning (early)"


def test_a_dateline_or_a_photo_is_no_event() -> None:
    # giveme5w1h (Reuters on Ahed Tamimi; AP captions): the filing date "OFER PRISON, West
    # Bank, Jan 1 (Reuters)" and a file photo's date had been timeline entries of their own
    text = ("OFER PRISON, West Bank, Jan 1 (Reuters) - Israel indicted a 16-year-old Palestinian girl on Monday "
            "on charges including assault.\n"
            "FILE - In this September 30, 2016, file photo, Singer Rihanna poses for photographers in Paris. "
            "Rihanna posted three photos of herself on Instagram on Tuesday, December 26, 2017.")
    a = _article("a", text)
    times = {"a": [_time(a, "Jan 1", "2018-01-01"), _time(a, "Monday", "2018-01-01"),
                   _time(a, "September 30, 2016", "2016-09-30"), _time(a, "Tuesday, December 26, 2017", "2017-12-26")]}
    entries = build_timeline([a], times)
    assert [(e.date, e.text.split()[0]) for e in entries] == [("2017-12-26", "Rihanna"), ("2018-01-01", "Israel")]


def test_a_tweets_signature_or_an_address_is_no_event() -> None:
    # giveme5w1h (USA Today on the Cubs, RT on the Panama Papers, the Washington Post's
    # skywatching listings): 29 entries were a tweet's signature, a link or "8 p.m. Astro.umd.edu."
    text = ("https://t.co/dYNjD6eIeZpic.twitter.com/638aIu8oSU — Edward Snowden (@Snowden) April 3, 2016\n"
            "— Pavel Durov (@durov) February 1, 2018 Report\n"
            "8 p.m. Astro.umd.edu.\n"
            "Snowden shared the documents with reporters on April 3, 2016.")
    a = _article("a", text)
    times = {"a": [_time(a, "April 3, 2016", "2016-04-03"), _time(a, "February 1, 2018", "2018-02-01"),
                   _time(a, "8 p.m.", "2017-12-29T20:00"), _time(a, "April 3, 2016", "2016-04-03", nth=1)]}
    assert [e.text for e in build_timeline([a], times)] == ["Snowden shared the documents with reporters on April 3, 2016."]


def test_a_piece_that_is_hardly_more_than_its_date_shows_its_sentence() -> None:
    # giveme5w1h (Washington Post skywatching listings, Guardian on Tiangong-1): entries had
    # read "●Jan. 8" and "late 2017 or early 2018.”", the sentence's other date ("Stars
    # Tonight", "a few months from now") having split it
    text = ("●January 8 — Witness winter’s wonders during “Stars Tonight” at the David M. Brown Planetarium in "
            "Arlington.\n“I expect it will come down a few months from now – late 2017 or early 2018.”")
    a = _article("a", text)
    times = {"a": [_time(a, "January 8", "2018-01-08"), _time(a, "Tonight", "2018-01-08TNI"),
                   _time(a, "a few months from now", "FUTURE_REF"), _time(a, "late 2017", "2017")]}
    by_date = {e.date: e.text for e in build_timeline([a], times)}
    assert by_date["2018-01-08"].startswith("●January 8 — Witness winter’s wonders")
    assert by_date["2017"].startswith("“I expect it will come down")


def test_a_clock_time_given_again_in_another_zone_is_no_second_entry() -> None:
    # giveme5w1h (North Korea): "just before 6am (10pm BST)" had been a second entry at
    # 22:00 the same day, and "(5:57 pm EDT / 9:57 pm ...)" two more
    from dataclasses import replace

    from newsdesk.extract.dates import extract_times

    a = replace(_article("a", "The projectile was fired just before 6am (10pm BST). "
                              "The launch was detected at 11:57am Hawaii time (5:57 pm EDT / 9:57 pm EST). "
                              "Officials met at 3 p.m. (about an hour later) to talk."), published="2017-08-29")
    found = extract_times(a)  # the times given again are marked where they are found
    assert [(t.evidence.text, t.restates) for t in found if t.kind == "TIME"] == [
        ("6am", False), ("10pm", True), ("11:57am", False), ("5:57 pm", True), ("9:57 pm", True), ("3 p.m.", False)]
    assert [e.date for e in build_timeline([a], {"a": found})] == [
        "2017-08-29T06:00", "2017-08-29T11:57", "2017-08-29T15:00"]


def test_an_embedded_posts_stamp_is_no_event() -> None:
    # giveme5w1h (USA Today on the Cubs, Las Vegas, SpaceX): tweets and Instagram posts
    # with words enough had been entries at the day they were posted ("This is a great
    # great sight ... — Steve DiMeglio (@Steve_DiMeglio) November 3, 2016"); a date in
    # the post's own words still is one
    text = ("This is a great great sight pic.twitter.com/nMeCRC0600 \u2014 Steve DiMeglio (@Steve_DiMeglio) "
            "November 3, 2016\n"
            "Shooting at Route 91 A post shared by Randy (girl) Kindred (@randy_kindred_girl_) on Oct 1, 2017 "
            "at 10:56pm PDT\n"
            "Falcon Heavy remains go for launch at 1:30pm on Tuesday \u2014 Elon Musk (@elonmusk) February 5, 2018")
    a = _article("a", text)
    times = {"a": [_time(a, "November 3, 2016", "2016-11-03"), _time(a, "Oct 1, 2017 at 10:56pm", "2017-10-01T22:56"),
                   _time(a, "1:30pm on Tuesday", "2018-02-06T13:30"), _time(a, "February 5, 2018", "2018-02-05")]}
    assert [(e.date, e.text.split()[0]) for e in build_timeline([a], times)] == [("2018-02-06T13:30", "Falcon")]


def test_a_ranges_end_is_no_event_of_its_own() -> None:
    """giveme5w1h (Daily Mail, Costa Rica crash): "Laura Chinchilla, who was president of
    Costa Rica from 2010 to 2014, said on Twitter ..." had been two entries of one
    sentence, at 2010 and 2014; dates joined without "from"/"between" are two events."""
    a = _article("a", "Laura Chinchilla, who was president of Costa Rica from 2010 to 2014, said on Twitter that "
                      "her cousin, one of the crew members, had died in the accident. The airline lost planes in "
                      "2010 and 2014, the company said.")
    times = {"a": [_time(a, "2010", "2010"), _time(a, "2014", "2014"),
                   _time(a, "2010", "2010", nth=1), _time(a, "2014", "2014", nth=1)]}
    entries = build_timeline([a], times)
    assert [(e.date, e.text.split()[0]) for e in entries] == [("2010", "Laura"), ("2010", "The"), ("2014", "The")]
