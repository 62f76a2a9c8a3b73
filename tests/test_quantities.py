"""extract.quantities: amounts on the example corpus, exclusions, compatibility, and invariants."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.eval.quantities import parses_back, run, score_gold_pairs
from newsdesk.extract.quantities import extract_quantities, parse_number, quantities_compatible
from newsdesk.model import Article, Quantity


def _article(text: str) -> Article:
    return Article(id="t", source="t", text=text, raw_text=text)


def _quantities(text: str, doc: Any = None) -> list[Quantity]:
    return list(extract_quantities(_article(text), doc))


def _sentence_with(corpus_dir: Path, phrase: str) -> str:
    """The corpus line holding ``phrase`` (the test reads real text, not a copy)."""
    for p in sorted(corpus_dir.glob("*.txt")):
        for line in p.read_text(encoding="utf-8").splitlines():
            if phrase in line:
                return line
    pytest.skip(f"{phrase!r} is no longer in the example corpus")


def _one(qs: list[Quantity], text: str) -> Quantity:
    (q,) = [q for q in qs if q.evidence.text == text]
    return q


def test_corpus_amounts(corpus_dir: Path, nlp: Any) -> None:
    line = _sentence_with(corpus_dir, "eight engines and five radars")
    qs = _quantities(line, nlp(line))
    assert [(q.value, q.counted) for q in qs if q.counted in ("engines", "radars")] == [(8, "engines"), (5, "radars")]
    assert [q.evidence.text for q in qs if q.value in (8, 5)] == ["eight engines", "five radars"]
    sets = _one(qs, "14 sets")
    assert (sets.value, sets.unit, sets.counted) == (14, "set", "missiles")  # adjectives dropped with a Doc
    assert _one(_quantities(line), "14 sets").counted == "Russian missiles"  # without one, kept
    line = _sentence_with(corpus_dir, "14 new missile units")
    units = _one(_quantities(line, nlp(line)), "14 new missile units")
    assert units.counted == "missile units"
    assert quantities_compatible(sets, units) is True

    line = _sentence_with(corpus_dir, "500 tons of cocaine")
    tons = _one(_quantities(line), "about 500 tons")
    assert (tons.value, tons.unit, tons.counted, tons.qualifier) == (500, "ton", "cocaine", "about")
    line = _sentence_with(corpus_dir, "$3.5 billion")
    assert _one(_quantities(line), "$3.5 billion").value == pytest.approx(3.5e9)


def test_corpus_qualifiers_and_units(corpus_dir: Path) -> None:
    qs = _quantities(_sentence_with(corpus_dir, "more than 10%"))
    pct = _one(qs, "more than 10%")
    assert (pct.value, pct.unit, pct.qualifier) == (10, "%", "more than")
    qs = _quantities(_sentence_with(corpus_dir, "fewer than five"))
    few = _one(qs, "fewer than five Su-30MK2s")
    assert (few.value, few.qualifier) == (5, "fewer than")
    assert all(q.value != 2018 for q in qs)  # "as of 2018" is a date
    km = _one(_quantities(_sentence_with(corpus_dir, "1,000 kilometers")), "1,000 kilometers")
    assert (km.value, km.unit) == (1000, "km")


def test_not_quantities() -> None:
    text = ("In 2019, on October 26 at 10:30, the first Su-30MK2 and an Il-76 landed; "
            "call 5169 3351 0164 7408 on the 2nd of May. One of them left.")
    assert _quantities(text) == []


def test_a_time_after_a_figure_is_not_what_it_counts(nlp: Any) -> None:
    # AllSides train: "rose 37,000 last week to 412,000" counted "week", so the change and
    # the level of two outlets' jobless claims were flagged as different figures
    for text in ("Jobless claims rose 37,000 last week to 412,000.", "Filings rose by 37,000 to 412,000 last week."):
        art = Article(id="w", source="w", text=text, raw_text=text)
        assert {q.counted for q in extract_quantities(art, nlp(text))} == {None}
        assert {q.counted for q in extract_quantities(art)} == {None}


def test_a_number_before_of_counts_what_the_of_phrase_counts(nlp: Any) -> None:
    # giveme5w1h: "21 of the more than 200 Chibok schoolgirls" (the next figure's counted
    # thing), "21 of the schoolgirls abducted" (a plural noun); a pronoun or a name counts nothing
    cases = [
        ("Boko Haram has freed 21 of the more than 200 Chibok schoolgirls kidnapped in 2014.", "21",
         "Chibok schoolgirls"),
        ("Buhari says 21 of the schoolgirls abducted by Boko Haram have been released.", "21", "schoolgirls"),
        ("Two of them were later found alive.", "Two", None),
    ]
    for text, figure, counted in cases:
        assert _one(_quantities(text, nlp(text)), figure).counted == counted, text
        assert _one(_quantities(text), figure).counted == counted, text  # the rule without a parse


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("paid $43 million.", "paid $43,885,310.", True), ("about 500 tons of cocaine", "500 tons of cocaine", True),
     ("one in three voters", "33% of voters", True), ("14 missiles", "12 missiles", False),
     ("14 missiles", "14 radars", None), ("5 km", "5 tons", None), ("more than 10% of ships", "12% of ships", True),
     ("more than 10% of ships", "8% of ships", False), ("fewer than five jets", "4 jets", True),
     ("$284 billion", "more than $284 billion", True), ("$284 billion", "$284.46", False),
     ("more than 10% of our naval forces", "25% of the vote", None), ("one-in-three adults", "33 percent of adults", True)],
)
def test_compatible(a: str, b: str, expected: bool | None) -> None:
    (qa,), (qb,) = _quantities(a), _quantities(b)
    assert quantities_compatible(qa, qb) is expected
    assert quantities_compatible(qb, qa) is expected


_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _words(n: int) -> str:
    """English words for 0 <= n < 1e9 (independent of the code under test)."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("-" + _ONES[n % 10] if n % 10 else "")
    for size, name in ((10**6, "million"), (1000, "thousand"), (100, "hundred")):
        if n >= size:
            head, rest = divmod(n, size)
            return f"{_words(head)} {name}" + (f" and {_words(rest)}" if rest and rest < 100 else
                                              f" {_words(rest)}" if rest else "")
    raise AssertionError(n)


@given(st.integers(min_value=0, max_value=999_999_999))
@settings(max_examples=300, deadline=None)
def test_numbers_parse_back(n: int) -> None:
    assert parse_number(_words(n)) == n
    assert parse_number(f"{n:,}") == n


_FRAGMENTS = ["$3.5 billion", "14 sets of missiles", "eight engines and five radars", "about 500 tons",
              "in 2019", "Su-30MK2", "Il-76", "October 26", "more than 10%", "one in three", "the first",
              "a dozen ships", "half a million people", "twenty-four hours", "they said", ",", "\n", "1,000 km"]


@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=12))
@settings(max_examples=150, deadline=None)
def test_evidence_slices_back_and_values_parse_back(parts: list[str]) -> None:
    article = _article(" ".join(parts))
    qs = extract_quantities(article)
    assert qs == extract_quantities(article)
    for q in qs:
        assert q.evidence.text == article.text[q.evidence.start:q.evidence.end]
        assert parses_back(q), q


def test_gold_claims_state_compatible_amounts(gold_dir: Path, data_dir: Path) -> None:
    pairs, compatible, misses = score_gold_pairs(gold_dir, data_dir)
    assert pairs >= 10
    assert compatible / pairs >= 0.9, misses


def test_eval_suite_subset(data_dir: Path) -> None:
    result = run(data_dir, limit=8)
    assert result.skipped is None
    m = result.metrics
    assert m["quantities.giveme5w1h.count"] > 20
    assert m["quantities.giveme5w1h.parse_precision"] >= 0.95
    assert m["quantities.giveme5w1h.spacy_recall"] >= 0.6
    assert m["quantities.corpus.spacy_agreement"] >= 0.8


@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.-$%:abcdefghilmnorstuvwxyz")), max_size=80))
@settings(max_examples=200, deadline=None)
def test_any_text_is_safe(text: str) -> None:
    """Arbitrary digit/word soup never raises, and every quantity slices back and parses back."""
    article = _article(text)
    for q in extract_quantities(article):
        assert q.evidence.text == text[q.evidence.start:q.evidence.end]
        assert parses_back(q), q


def test_a_figure_and_a_half_is_one_amount() -> None:
    # giveme5w1h sentences; "two and a half" had been read as 2 and "a half" as 1.5
    cases = [
        ("A flight from Los Angeles to Tokyo was forced to turn around four hours into an 11-and-a-half hour "
         "journey.", "11-and-a-half hour", 11.5, "hour"),
        ("It happens every 29 and a half days, and each month's full moon has a name.", "29 and a half days", 29.5, "day"),
        ("Launch is scheduled during a two-and-a-half hour window Tuesday.", "two-and-a-half hour", 2.5, "hour"),
        ("They can reach 4 to 5\u00bd feet in height.", "5\u00bd feet", 5.5, "ft"),
        ("a century of lousy teams, bad management and a half-dozen famous choke jobs", "a half-dozen", 6.0, None),
    ]
    for text, span, value, unit in cases:
        found = [(q.evidence.text, q.value, q.unit) for q in _quantities(text)]
        assert any(t.startswith(span) and (v, u) == (value, unit) for t, v, u in found), (text, found)
    # "a half empty plane" names no amount
    assert _quantities("an inattentive passenger wearing headphones, and a half empty plane") == []


def test_a_unit_in_a_compound_adjective_or_abbreviated_is_read() -> None:
    # giveme5w1h sentences: the unit had been lost ("a 40-metre well" was a bare 40) or the
    # amount dropped ("130ft"), so two outlets' measures could not be compared
    cases = [
        ("A large-scale rescue operation is underway in China to save a little boy who fell into a 40-metre-deep "
         "well (131 feet) while picking cabbages with his father", "40-metre", 40.0, "m"),
        ("A six-year-old boy fell into a deserted well measuring 130ft deep and 12 inches wide", "130ft", 130.0, "ft"),
        ("A six-year-old boy fell into a deserted well measuring 130ft deep and 12 inches wide", "12 inches", 12.0,
         "in"),
        ("ID documents belonging to the 31-year-old French Tunisian were found in the 25-tonne truck after he was "
         "shot dead by police", "25-tonne", 25.0, "ton"),
        ("South Korea has attached an intense national pride to the 140-ton, 108-foot-tall Korea Space Launch "
         "Vehicle-1", "108-foot", 108.0, "ft"),
    ]
    for text, span, value, unit in cases:
        found = [(q.evidence.text, q.value, q.unit) for q in _quantities(text)]
        assert (span, value, unit) in found, (text, found)
    # a hyphen before no unit joins no unit: a score, a squad, a model
    for text in ("Pittsburgh won 3-1 at home.", "Su-30 jets flew over.", "a 50-50 split"):
        assert all(q.unit is None for q in _quantities(text)), text


def test_one_pound_is_a_weight_only_in_a_compound_adjective() -> None:
    # giveme5w1h (Harambe): CNN's "a 450-pound gorilla" and China Daily's "the 400-pound
    # (181-kg) gorilla" had been bare 450 and 400, so the two weights were never compared
    for text, value in (("a 450-pound gorilla at the Cincinnati Zoo", 450.0),
                        ("a day after the 400-pound (181-kg) gorilla was shot dead", 400.0)):
        first = _quantities(text)[0]
        assert (first.value, first.unit, first.evidence.text) == (value, "lb", f"{value:g}-pound"), text
    # elsewhere one pound is as often money: no unit is read
    for text in ("The coin is worth one pound today.", "He sold it for 5 pound in the market."):
        assert all(q.unit is None for q in _quantities(text)), text


def test_a_measure_in_two_units_is_compared_converted() -> None:
    from newsdesk.extract.quantities import converted_compatible

    def q(text: str) -> Quantity:
        return _quantities(text)[0]

    # giveme5w1h: "400-pound (181-kg)", "40-metre-deep well (131 feet)"
    assert converted_compatible(q("a 400-pound gorilla"), q("a 181-kg gorilla")) is True
    assert converted_compatible(q("a 40-metre well"), q("a well 131 feet deep")) is True
    assert converted_compatible(q("a 450-pound gorilla"), q("a 181-kg gorilla")) is False
    assert converted_compatible(q("about 450 pounds"), q("a 190-kg gorilla")) is True  # approximate
    # one unit is quantities_compatible's to compare; tons may be short tons or tonnes
    assert converted_compatible(q("a 400-pound gorilla"), q("a 450-pound gorilla")) is None
    assert converted_compatible(q("a 25-ton truck"), q("a 25,000 kg truck")) is None
    assert converted_compatible(q("a 40-metre well"), q("a 40-pound sack")) is None  # no common dimension
    # quantities_compatible compares two units of one dimension converted: the 383-article
    # run had corroborated "landed around 2,000 kilometers east" with "landing about 730
    # miles off the coast" (1,175 km), the figures never compared
    assert quantities_compatible(q("a 400-pound gorilla"), q("a 181-kg gorilla")) is True
    assert quantities_compatible(q("around 2,000 kilometers east"), q("about 730 miles off the coast")) is False


def test_a_fractions_denominator_is_no_figure() -> None:
    # "served 4 1/2 months" had been 2 months, which contradicted "four and a half months"
    assert [q.evidence.text for q in _quantities("He served 4 1/2 months in federal prison.")] == []
    assert [q.value for q in _quantities("He served 4\u00bd months in prison.")] == [4.5]


def test_a_scale_noun_before_a_figure_is_its_unit() -> None:
    # "A magnitude 7.1 earthquake" had counted 7.1 earthquakes, "a magnitude of 7.1" was a
    # bare number compared with nothing, and "a Category 4 hurricane" was a name
    for text, words in (("A magnitude 7.1 earthquake struck central Mexico.", "magnitude 7.1"),
                        ("The earthquake, which had a magnitude of 7.1, struck central Mexico.", "magnitude of 7.1"),
                        ("A 7.1-magnitude earthquake struck central Mexico.", "7.1-magnitude")):
        quake, = _quantities(text)
        assert (quake.value, quake.unit, quake.counted, quake.evidence.text) == (7.1, "magnitude", None, words), text
    storm, = _quantities("Irma made landfall as a Category 4 hurricane.")
    assert (storm.value, storm.unit, storm.evidence.text) == (4.0, "category", "Category 4")
    assert _quantities("The Falcon 9 rocket lifted off.") == []  # a name still


def test_a_speed_in_words_is_a_speed() -> None:
    # "43 miles per hour" had been 43 miles, a distance; km/h, mph and knots convert
    from newsdesk.extract.quantities import relative_gap, rounding_explains, unit_note

    mph, = _quantities("The tram was going at 43 miles per hour when it derailed.")
    kmh, = _quantities("The tram was doing 69 kilometres an hour when it derailed.")
    assert (mph.unit, mph.evidence.text, kmh.unit) == ("mph", "43 miles per hour", "km/h")
    assert quantities_compatible(mph, kmh) is True and unit_note(kmh, mph) == " (about 42.9 mph)"
    fall, = _quantities("He fell about 600m while climbing.")
    feet, = _quantities("He fell about 2,000 feet while climbing.")
    assert unit_note(fall, feet) == " (about 1,969 ft)"  # not "1.97e+03 ft"
    slow, = _quantities("The tram was travelling at 40mph.")
    fast, = _quantities("The tram was travelling at 70km/h.")
    assert quantities_compatible(slow, fast) is False and not rounding_explains(slow, fast)
    assert relative_gap(fast, slow) == pytest.approx(0.081, abs=0.001)


def test_an_age_is_no_span_of_time() -> None:
    # giveme5w1h (Ahed Tamimi): "a 16-year-old Palestinian girl" had been 16 years, one
    # figure of one unit with "could face up to 14 years in prison", and the two differed
    age, = _quantities("Israel indicted a 16-year-old Palestinian girl on Monday.")
    term, = _quantities("She could face up to 14 years in prison.")
    assert (age.value, age.unit) == (16.0, "years old") and (term.value, term.unit) == (14.0, "year")
    assert quantities_compatible(age, term) is None
    older, = _quantities("The girl, who is 17 years old, was charged.")
    assert older.unit == "years old" and quantities_compatible(age, older) is False


def test_pounds_are_money_where_money_is_said_and_a_currency_can_be_named_by_its_country() -> None:
    # giveme5w1h's Morsi story: the Daily Mail's "ordered to pay two million pounds" had been
    # a weight, and CBS's "1 million Egyptian pounds" a count of pounds with no unit
    cases = [
        ("Morsi was also ordered to pay two million pounds to the head of the judges' syndicate",
         "two million pounds", 2e6, "GBP"),
        ("Five other defendants were fined 30,000 pounds (about $1,680) each.", "30,000 pounds", 3e4, "GBP"),
        ("The court ordered Morsi to pay 1 million Egyptian pounds ($56,270) as compensation.",
         "1 million Egyptian pounds", 1e6, "EGP"),
        ("The ticket cost 5 Canadian dollars.", "5 Canadian dollars", 5.0, "CAD"),
        ("At liftoff, the Heavy packs about 5 million pounds of thrust.", "about 5 million pounds", 5e6, "lb"),
        ("The man weighs 300 pounds.", "300 pounds", 300.0, "lb"),
    ]
    for text, span, value, unit in cases:
        found = [(q.evidence.text, q.value, q.unit) for q in _quantities(text)]
        assert (span, value, unit) in found, (text, found)
    # a sum in one currency is not comparable with the same number in another
    (egp,) = [q for q in _quantities(cases[2][0]) if q.unit == "EGP"]
    (gbp,) = [q for q in _quantities("He was fined 1 million pounds.") if q.unit == "GBP"]
    assert quantities_compatible(egp, gbp) is None


def test_the_callers_times_stand_for_the_date_spans(corpus_dir: Path, nlp: Any, monkeypatch: Any) -> None:
    # the pipeline has each article's times (parsed): extract_quantities takes them and
    # does not work them out again from the text; the amounts are the same
    import newsdesk.extract.dates as dates

    calls: list[Any] = []

    def spy(*args: Any, **kwargs: Any) -> tuple[()]:
        calls.append(args)
        return ()

    paths = sorted(corpus_dir.glob("*.txt"))
    assert paths
    for path in paths:
        text = path.read_text(encoding="utf-8")
        article, doc = _article(text), nlp(text)
        alone = extract_quantities(article, doc)
        times = dates.extract_times(article, doc)
        monkeypatch.setattr(dates, "extract_times", spy)
        assert extract_quantities(article, doc, times) == alone and not calls
        monkeypatch.undo()


def test_a_scale_word_alone_is_no_amount() -> None:
    # found by the property test above: "trillion" alone came out as an amount of 1e12
    # whose words give no number back ("a trillion-dollar market" names no amount either)
    for text in ("trillion", "million", "hundred", "dozen"):
        assert _quantities(text) == [], text
    assert [q.value for q in _quantities("a trillion dollars and a dozen ships")] == [1e12, 12.0]


def test_a_figures_decimals_bound_its_rounding() -> None:
    # "$284.46" covers half a cent, "33" half a unit; a figure of many decimals is read in
    # fixed point ("0.00001", which repr writes 1e-05, had raised IndexError)
    from newsdesk.extract.quantities import _tolerance

    assert _tolerance(284.46, None) == pytest.approx(0.005)
    assert _tolerance(33.0, None) == 0.5
    assert _tolerance(0.00001, None) == pytest.approx(0.000005)


def test_a_figures_rounding_unit_is_its_last_written_place() -> None:
    from newsdesk.extract.quantities import rounding_unit

    assert rounding_unit(1140.0) == 10.0 and rounding_unit(49.0) == 1.0 and rounding_unit(105e9) == 1e9
    assert rounding_unit(8.1) == pytest.approx(0.1) and rounding_unit(284.46) == pytest.approx(0.01)
    assert rounding_unit(0.0) == 1.0 and rounding_unit(-300.0) == 100.0
