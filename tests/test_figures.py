"""Figures across outlets on real text: a giveme5w1h story's death toll, and sentence shapes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from newsdesk.eval.claims import cross_check_texts
from newsdesk.extract.counted import predicate_of
from newsdesk.model import Report
from newsdesk.report import render_json, schema_path
from newsdesk.report.html import render_html
from newsdesk.report.markdown import render_story_markdown


def _event_records(data_dir: Path, event: str) -> list[tuple[Path, dict[str, Any]]]:
    """``(path, news-please record)`` of every giveme5w1h article of one event, in file
    order; skips when the data set is absent."""
    root = data_dir / "giveme5w1h-news-cluster" / "data"
    if not root.is_dir():
        pytest.skip(f"{root} is absent")
    out = []
    for path in sorted(root.glob("*.json")):
        rec = json.loads(path.read_text(encoding="utf-8"))
        if (rec.get("newsCluster") or {}).get("Event") == event:
            out.append((path, rec))
    return out


def _event_docs(data_dir: Path, event: str) -> list[tuple[str, str, str | None, str | None]]:
    """``(source, text, url, published)`` of every giveme5w1h article of one event."""
    return [(path.name, f"{rec.get('title') or ''}\n{rec.get('text') or ''}".strip(), rec.get("url"),
             (rec.get("date_publish") or "")[:10] or None) for path, rec in _event_records(data_dir, event)]


def test_a_death_toll_lines_up_across_outlets(data_dir: Path) -> None:
    """The Nice attack (ten articles): every outlet's death toll is one figure, whatever the
    sentence around it, and the values that cannot be one figure are flagged."""
    docs = _event_docs(data_dir, "truck_attack_in_nice")
    arts, story = cross_check_texts([d[:3] for d in docs], published=[d[3] for d in docs])
    texts = {a.id: a.text for a in arts}
    (toll,) = [f for f in story.figures if (f.counted, f.predicate) == ("people", "killed")]
    support = {v.value: v.support_count for v in toll.values}
    assert support[84] >= 3 and support[80] >= 2 and support[77] >= 2
    assert toll.differ and toll.values[0].support_count == max(support.values())
    for v in toll.values:
        for e in v.evidence:
            assert texts[e.article_id][e.start:e.end] == e.text
            # "Almost exactly eight months ago Islamic State militants killed 130 people in Paris"
            line = texts[e.article_id][:e.start].rsplit("\n", 1)[-1]
            assert "eight months ago" not in line
    md = "\n".join(render_story_markdown(Report("t", tuple(arts), (), (story,)), story))
    assert "### Figures across outlets" in md and "**people killed** — *values differ*" in md


def test_members_are_counted_with_whose_they_are(data_dir: Path) -> None:
    """The Costa Rica plane crash: "two local crew members" (three outlets) and a
    hospital's "two beloved members of our team" (the doctors among the passengers) had
    been one figure, "members killed", quoted with the hospital's sentence."""
    docs = _event_docs(data_dir, "new_york_family_of_5_among_12_killed_in_costa_rica_plane_crash")
    arts, story = cross_check_texts([d[:3] for d in docs], published=[d[3] for d in docs])
    texts = {a.id: a.text for a in arts}
    counted = {f.counted for f in story.figures}
    assert "members" not in counted
    (crew,) = [f for f in story.figures if (f.counted, f.predicate) == ("crew members", "killed")]
    places = [e for v in crew.values for e in v.evidence]
    assert len({e.article_id for e in places}) >= 2
    assert all("crew members" in texts[e.article_id][e.start:e.end + 20] for e in places)


def test_figures_need_two_articles_and_skip_earlier_events() -> None:
    blast = ("At least 12 people were killed in the <i>blast</i> on Monday, police said. "
             "The 2015 attack on the same market killed 130 people.", "2020-05-05")
    other = ("The <i>blast</i> killed 12 people and injured 40 others, officials said.", "2020-05-05")
    lone = ("Officials said 130 people were killed in the 2015 attack.", "2020-05-06")
    arts, story = cross_check_texts([("a", blast[0], None), ("b", other[0], None), ("c", lone[0], None)],
                                    published=[blast[1], other[1], lone[1]])
    assert [(f.counted, f.predicate, [(v.value, v.support_count) for v in f.values]) for f in story.figures] == [
        ("people", "killed", [(12.0, 2)])]
    report = Report("newsdesk test", tuple(arts), (), (story,))
    jsonschema.validate(json.loads(render_json(report)), json.loads(Path(schema_path()).read_text()))
    # the brief and the page show each value with the sentence its first source gives it in
    md = "\n".join(render_story_markdown(report, story))
    first = next(line for line in md.splitlines()
                 if line.startswith("  - “12 people”: 2 outlets, first published 2020-05-05 — “"))
    assert ("At least 12 people were killed in the &lt;i&gt;blast&lt;/i&gt; on Monday, police said." in first
            or "The &lt;i&gt;blast&lt;/i&gt; killed 12 people and injured 40 others, officials said." in first)
    page = render_html(report)
    assert "<i>blast</i>" not in page
    table = page.split("<h3>Figures across outlets</h3>", 1)[1].split("</table>", 1)[0]
    assert "12 people" in table and "&lt;i&gt;blast&lt;/i&gt;" in table  # the value, its sentence, escaped


@pytest.mark.parametrize(("sentence", "number", "predicate"), [
    ("At least 84 people were killed by the driver.", "84", "killed"),
    ("The truck killed 84 people in Nice.", "84", "killed"),
    ("84 people have died after a horror attack.", "84", "killed"),
    ("Three Tunisians were among the 84 people killed when a man ploughed a truck.", "84", "killed"),
    ("The attack left 84 people dead.", "84", "killed"),
    ("More than 50 children were injured.", "50", "injured"),
    ("Police arrested five people on Friday.", "five", "arrested"),
    ("Police did not arrest five people on Friday.", "five", None),  # negated: nothing happened
    ("Five people said they saw the truck.", "Five", None),  # a reporting verb says nothing of them
    ("Venezuela is requesting 14 new missile units.", "14", "requested"),
    ("North Korea threatened to fire four missiles into the sea near Guam.", "four", None),  # not done
    ("The storm could kill 100 people.", "100", None),
    ("China's space agency announced plans to launch two missions to Mars.", "two", None),
])
def test_what_happened_to_the_counted_thing(nlp: Any, sentence: str, number: str, predicate: str | None) -> None:
    doc = nlp(sentence)
    (num,) = [t for t in doc if t.text == number]
    assert predicate_of(num.head) == predicate


def test_a_toll_differs_only_where_the_leads_disagree() -> None:
    # giveme5w1h (Costa Rica): a second crash's "six people", deep in one article, had
    # been read as a disagreement with the "12 people" of the leads
    def filler(words: str) -> str:  # four sentences of each article's own (not near-duplicates)
        return " ".join(f"{w.capitalize()} was the word on the ground in the hours that followed." for w in words.split())

    a = "Twelve people were killed when a small plane crashed in Costa Rica on Sunday. " + filler("grief shock rain fog")
    b = ("A small plane crashed in Costa Rica on Sunday and 12 people were killed. " + filler("silence anger heat wind") +
         " Meanwhile, six people died when a seaplane crashed near Sydney.")
    c = "Ten people were killed when a small plane crashed in Costa Rica on Sunday. " + filler("calm fear smoke dust")
    _, story = cross_check_texts([("a", a, None), ("b", b, None)], published=["2018-01-01"] * 2)
    (toll,) = story.figures
    assert [(v.value, v.support_count) for v in toll.values] == [(12.0, 2), (6.0, 1)] and not toll.differ
    _, story = cross_check_texts([("a", a, None), ("b", b, None), ("c", c, None)], published=["2018-01-01"] * 3)
    (toll,) = story.figures
    assert toll.differ
    # lines of a word or two before the first paragraph are no part of the lead (NYT on
    # Nice: "Video", and a heading the parser split in two, had pushed "at least 84 people"
    # out of its lead)
    d = "Small plane crashes in Costa Rica\nVideo\nPhoto\n(CNN)\n" + c
    _, story = cross_check_texts([("a", a, None), ("b", b, None), ("d", d, None)], published=["2018-01-01"] * 3)
    (toll,) = story.figures
    assert toll.differ


def test_a_count_no_two_outlets_agree_on_is_kept_only_for_a_toll() -> None:
    # giveme5w1h (Cubs): "scored two runs" and "score three runs" were two innings
    runs = [("a", "The Cubs scored two runs in the tenth inning to win the title.", None),
            ("b", "Chicago took advantage of a misplay to score three runs in the first inning.", None)]
    assert cross_check_texts(runs)[1].figures == ()
    tolls = [("a", "Police said 25 people were injured when the ship struck the bridge.", None),
             ("b", "Police say 27 people are injured after the ship hit a highway bridge.", None)]
    (toll,) = cross_check_texts(tolls)[1].figures
    assert (toll.predicate, [v.value for v in toll.values], toll.differ) == ("injured", [25.0, 27.0], True)


def test_a_measure_is_no_count(nlp: Any) -> None:
    # giveme5w1h (a boy in a well): "12 inches wide" in two reports had been a figure
    from newsdesk.extract.counted import counted_facts
    from newsdesk.extract.quantities import extract_quantities
    from newsdesk.model import Article

    text = ("Rescue teams are trying to save a boy who fell into a dried well in Baoding on November 6\n"
            "A six-year-old boy fell into a deserted well measuring 130ft deep and 12 inches wide\n"
            "Rescuers sent 80 diggers to the site.")
    article = Article(id="w", source="w", text=text, raw_text=text)
    doc = nlp(text)
    facts = counted_facts(article, extract_quantities(article, doc), doc)
    assert [(f.counted, f.predicate, f.quantity.value) for f in facts] == [
        ("boy", "aged", 6.0), ("diggers", "sent", 80.0)]  # an age, yes: the boy's


def test_a_predicate_without_a_class_reads_as_the_articles_word_it(data_dir: Path) -> None:
    # giveme5w1h (Croydon tram): "free five people trapped in the wreckage" in three outlets
    # had been listed as "people trap", the verb's lemma
    docs = _event_docs(data_dir, "croydon_tram_trash")
    _, story = cross_check_texts([d[:3] for d in docs], published=[d[3] for d in docs])
    labels = {(f.counted, f.predicate) for f in story.figures}
    assert ("people", "trapped") in labels and ("people", "trap") not in labels
    assert ("people", "injured") in labels  # a class keeps its label


def test_a_value_reads_as_most_outlets_word_it_case_aside() -> None:
    # giveme5w1h (Sun and Express on Mazar-i-Sharif, Nice): a heading's shouted "AT least two
    # people" had worded the value over two outlets' "at least two people"
    from newsdesk.crosscheck.figures import _usual_wording

    assert _usual_wording(["AT least two people", "at least two people", "two people"]) == "at least two people"
    assert _usual_wording(["84 people", "AT least 84 people", "at least 84 people"]) == "at least 84 people"
    assert _usual_wording(["Two pyrotechnicians", "two pyrotechnicians"]) == "two pyrotechnicians"
    assert _usual_wording(["84 people", "84 people", "at least 84 people"]) == "84 people"


def _facts_of(nlp: Any, sentence: str, predicates: set[str], mentions: bool = False) -> list[Any]:
    """The counted facts with one of ``predicates`` that the extract stages give for one
    sentence (``mentions``: with its name mentions, as the pipeline passes them); each
    fact's evidence slices back out of the sentence."""
    from newsdesk.extract.counted import counted_facts
    from newsdesk.extract.entities import extract_mentions
    from newsdesk.extract.quantities import extract_quantities
    from newsdesk.model import Article

    article = Article(id="a", source="a", text=sentence, raw_text=sentence)
    doc = nlp(sentence)
    names = extract_mentions(article, doc) if mentions else ()
    facts = [f for f in counted_facts(article, extract_quantities(article, doc), doc, (), names)
             if f.predicate in predicates]
    for f in facts:
        assert sentence[f.quantity.evidence.start:f.quantity.evidence.end] == f.quantity.evidence.text
    return facts


@pytest.mark.parametrize(("sentence", "age"), [
    ("A male gorilla was killed after a 4-year-old boy fell into the exhibit moat.", ("4-year-old boy", "boy", 4.0)),
    ("Dozens of rescuers are trying to reach a five-year-old boy who is trapped.", ("five-year-old boy", "boy", 5.0)),
    ("A 16-year-old Palestinian girl slapped two soldiers.", ("16-year-old Palestinian girl", "girl", 16.0)),
    ("After a 3-year-old got into the enclosure, the zoo acted.", None),  # no noun: whose age?
    ("Two 17-year-old boys were arrested on Friday.", None),  # several
    ("Ahed Tamimi, 16, was indicted on Monday.", None),  # after a name
    ("It was the first time in the 38-year history of the exhibit.", None),  # no age
])
def test_an_age_qualifies_the_one_noun_after_it(nlp: Any, sentence: str, age: tuple[str, str, float] | None) -> None:
    from newsdesk.extract.counted import AGED

    facts = _facts_of(nlp, sentence, {AGED})
    assert [(f.quantity.evidence.text, f.counted, f.quantity.value) for f in facts] == ([age] if age else [])


@pytest.mark.parametrize(("sentence", "measure"), [
    ("The judgment built quickly after a 3-year-old got into the enclosure of a 450-pound gorilla.",
     ("450-pound gorilla", "gorilla", 450.0, "lb", "weight")),
    ("A day after the 400-pound (181-kg) gorilla was shot dead, the page had 3,000 likes.",  # not the kilograms
     ("400-pound (181-kg) gorilla", "gorilla", 400.0, "lb", "weight")),
    ("Police shot the driver, who drove the 25-ton, unmarked truck for 2 kilometers.",
     ("25-ton, unmarked truck", "truck", 25.0, "ton", "weight")),
    ("The 108-foot-tall rocket lifted off from the coast on Thursday.", ("108-foot-tall rocket", "rocket", 108.0, "ft", "height")),
    ("A boy fell into a 40-metre well while picking cabbages.", ("40-metre well", "well", 40.0, "m", "size")),
    ("The gorilla weighed 400 pounds.", None),  # qualifies no noun
    ("Two 25-ton trucks were parked on the promenade.", None),  # several
    ("The coin is worth one pound today.", None),  # money, maybe
])
def test_a_measure_qualifies_the_one_noun_after_it(nlp: Any, sentence: str,
                                                   measure: tuple[str, str, float, str, str] | None) -> None:
    from newsdesk.extract.counted import AGED, ATTRIBUTES

    facts = _facts_of(nlp, sentence, set(ATTRIBUTES - {AGED}))
    found = [(f.quantity.evidence.text, f.counted, f.quantity.value, f.quantity.unit, f.predicate) for f in facts]
    assert found == ([measure] if measure else [])


def test_two_outlets_giving_the_gorilla_two_weights_contradict(data_dir: Path, tmp_path: Path) -> None:
    """giveme5w1h (Harambe), through the whole pipeline: CNN's lead has "a 450-pound
    gorilla" (once its author's bio above it is cleaned away); China Daily has "the
    400-pound (181-kg) gorilla", RT "The 181-kg gorilla". The weight is a figure whose
    values differ, the kilograms one value with the 400 pounds they convert from, and one
    contradiction quotes CNN against an outlet of the other value, converted for the reader."""
    from newsdesk.pipeline import analyze
    from newsdesk.settings import Settings

    rows = [{"text": rec["text"], "title": rec.get("title"), "url": rec.get("url"),
             "published": (rec.get("date_publish") or "")[:10] or None, "outlet": rec.get("source_domain")}
            for _, rec in _event_records(data_dir, "harambe")]
    feed = tmp_path / "harambe.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    report = analyze([str(feed)], Settings())
    texts = {a.id: a.text for a in report.articles}
    assert not any("Read her other columns" in t for t in texts.values())  # the bio is gone
    (weight,) = [f for st in report.stories for f in st.figures if (f.counted, f.predicate) == ("gorilla", "weight")]
    assert weight.differ and len(weight.values) == 2
    kinds = [{e.text for e in v.evidence} for v in weight.values]
    assert {"450-pound gorilla"} in kinds
    assert any({"400-pound (181-kg) gorilla", "181-kg gorilla"} <= k for k in kinds)
    for v in weight.values:  # the number is the one of the wording shown
        assert v.text.startswith(f"{v.value:g}")
    (x,) = [c for st in report.stories for c in st.contradictions if "gorilla" in c.reason and "-pound" in c.reason]
    assert x.kind == "quantity" and "450-pound gorilla" in x.reason and "about 399 lb" in x.reason
    for e in (x.a, x.b):
        assert texts[e.article_id][e.start:e.end] == e.text


def test_two_spellings_of_one_weight_agree_and_another_weight_contradicts(data_dir: Path) -> None:
    # giveme5w1h (Nice): The Sun's "25-tonne truck" and China Daily's "the 25-ton, unmarked
    # truck" are one weight of the truck in the title, given by two outlets; The New York
    # Times's "a 19-ton delivery truck" is another, and the two reports contradict
    docs = _event_docs(data_dir, "truck_attack_in_nice")
    _, story = cross_check_texts([d[:3] for d in docs], published=[d[3] for d in docs])
    (weight,) = [f for f in story.figures if (f.counted, f.predicate) == ("truck", "weight")]
    assert [(v.value, v.support_count) for v in weight.values] == [(25.0, 2), (19.0, 1)] and weight.differ
    assert {"25-tonne truck", "25-ton, unmarked truck"} <= {e.text for e in weight.values[0].evidence}
    (x,) = [c for c in story.contradictions if "truck" in c.reason and "-ton" in c.reason]
    assert "19-ton delivery truck" in x.reason and "25-tonne truck" in x.reason and "about" not in x.reason


def test_an_age_after_a_full_name_lines_up_across_outlets(data_dir: Path) -> None:
    # giveme5w1h (Croydon tram): six outlets give "Martin Bamford, 30," and two "Hannah
    # Collier, 23,": ages after a person's full name, which no title names, line up as
    # figures of that person
    docs = _event_docs(data_dir, "croydon_tram_trash")
    _, story = cross_check_texts([d[:3] for d in docs], published=[d[3] for d in docs])
    ages = {f.counted: f for f in story.figures if f.predicate == "aged"}
    assert [(v.value, v.support_count) for v in ages["Martin Bamford"].values] == [(30.0, 6)]
    assert [(v.value, v.support_count) for v in ages["Hannah Collier"].values] == [(23.0, 2)]
    assert not ages["Martin Bamford"].differ and not story.contradictions


@pytest.mark.parametrize(("sentence", "age"), [
    ("Police named the victim as Martin Bamford, 30, of Croydon.", ("Martin Bamford, 30", "Martin Bamford", 30.0)),
    ("The star of the show was Michael Sheen, 49.", ("Michael Sheen, 49", "Michael Sheen", 49.0)),
    ("Kevin Durant, 30 points and 10 rebounds, led the team.", None),  # a score, not an age
    ("Vladimir Putin, 2018, said so.", None),  # a year
    ("Bamford, 30, was named by police.", None),  # a surname alone may be one of a family
])
def test_an_age_after_a_full_name_is_that_persons(nlp: Any, sentence: str, age: tuple[str, str, float] | None) -> None:
    from newsdesk.extract.counted import AGED

    facts = _facts_of(nlp, sentence, {AGED}, mentions=True)
    assert [(f.quantity.evidence.text, f.counted, f.quantity.value) for f in facts] == ([age] if age else [])


def test_two_outlets_giving_one_named_person_two_ages_contradict() -> None:
    # sentences in the shape of giveme5w1h's Croydon reports, one age changed
    a = ("Tram crash victim named\nPolice named the first victim as Martin Bamford, 30, of New Addington. "
         "The tram derailed near Sandilands.")
    b = ("Seven dead in Croydon tram crash\nThe dead include Martin Bamford, 31, of New Addington, police said. "
         "The tram overturned on a sharp bend.")
    _, story = cross_check_texts([("a", a, None), ("b", b, None)], published=["2016-11-10"] * 2)
    (age,) = [f for f in story.figures if (f.counted, f.predicate) == ("Martin Bamford", "aged")]
    assert age.differ
    (x,) = story.contradictions
    assert "Martin Bamford, 30" in x.reason and "Martin Bamford, 31" in x.reason
    # the same age in both is a corroborated figure and no contradiction
    _, story = cross_check_texts([("a", a, None), ("b", b.replace(", 31,", ", 30,"), None)],
                                 published=["2016-11-10"] * 2)
    assert not story.contradictions


def test_two_outlets_giving_the_boy_two_ages_contradict(data_dir: Path) -> None:
    """giveme5w1h (a boy in a well in Hebei, four articles): the BBC's lead has "a
    five-year-old boy", the Daily Mail's first report "A six-year-old boy fell into a
    deserted well". The age is a figure whose values differ, and a contradiction quoting
    both sentences."""
    docs = _event_docs(data_dir, "china_boy_well")
    arts, story = cross_check_texts([d[:3] for d in docs], published=[d[3] for d in docs])
    texts = {a.id: a.text for a in arts}
    (age,) = [f for f in story.figures if (f.counted, f.predicate) == ("boy", "aged")]
    assert {v.value for v in age.values} == {5.0, 6.0} and age.differ
    (x,) = [c for c in story.contradictions if "year-old boy" in c.reason]
    assert x.kind == "quantity" and "six-year-old boy" in x.reason and "five-year-old boy" in x.reason
    sides = {x.a.text, x.b.text}
    assert any("six-year-old boy" in t for t in sides) and any("five-year-old boy" in t for t in sides)
    for e in (x.a, x.b):
        assert texts[e.article_id][e.start:e.end] == e.text
    # the claims resting on those sentences are marked contradicted
    assert any(c.status == "contradicted" and any(e.overlaps(x.a) or e.overlaps(x.b) for e in c.evidence)
               for c in story.claims)


def test_an_outlet_that_reports_the_correction_itself_does_not_contradict(data_dir: Path) -> None:
    """giveme5w1h (Harambe, the Cincinnati Zoo gorilla): three outlets' leads have "a
    4-year-old boy", NPR's and The Sun's a three-year-old; NPR adds "The boy was initially
    reported to be 4 years old, but police later said he is 3", and The Sun's "four years
    old" (a picture's) blocks it too. The figure says the values differ; no outlet is
    reported as contradicting another over it. The ages of earlier zoo accidents deep in
    one article ("the 2013 fatal mauling of a 2-year-old boy") are no value of it."""
    docs = _event_docs(data_dir, "harambe")
    _, story = cross_check_texts([d[:3] for d in docs], published=[d[3] for d in docs])
    (age,) = [f for f in story.figures if (f.counted, f.predicate) == ("boy", "aged")]
    assert sorted(v.value for v in age.values) == [3.0, 4.0] and age.differ
    assert not [c for c in story.contradictions if "year-old" in c.reason]


def test_an_age_of_a_noun_no_title_names_is_no_figure() -> None:
    # giveme5w1h (Brazilian Grand Prix): "the 37-year-old Finnish driver" and "the
    # 35-year-old driver" are two drivers; no title of the story says "driver"
    a = ("Raikkonen crashed out in Brazil\nThe 37-year-old Finnish driver lost control on the main straight. "
         "The race was stopped for half an hour.")
    b = ("Massa bids farewell to Interlagos\nThe 35-year-old driver crashed on lap 47 in his last home race. "
         "Fans applauded him in the pit lane.")
    _, story = cross_check_texts([("a", a, None), ("b", b, None)], published=["2016-11-14"] * 2)
    assert not [f for f in story.figures if f.predicate == "aged"]
    assert not story.contradictions
    # the same two ages of a noun a headline names are a contradiction
    _, story = cross_check_texts([("a", a.replace("Raikkonen crashed", "Driver crashed"), None), ("b", b, None)],
                                 published=["2016-11-14"] * 2)
    (x,) = story.contradictions
    assert "37-year-old Finnish driver" in x.reason and "35-year-old driver" in x.reason


def test_a_value_copies_give_says_how_many_outlets_and_how_many_independent(data_dir: Path) -> None:
    """giveme5w1h (NYC subway): ABC's AP story, run again by the Washington Post and the New
    York Times, and the Daily Mail's rewrite give "two New York City subway work trains":
    the brief said "2 outlets" beside the four outlets it cites."""
    from tests.test_brief import _event_report

    from newsdesk.report.html import render_html
    from newsdesk.report.markdown import render_markdown

    report = _event_report(data_dir, "nyc_subway_work_trains_collide_in_tunnel_1_worker_injured")
    (value,) = [v for s in report.stories for f in s.figures for v in f.values if "subway work trains" in v.text]
    outlets = {report.article(e.article_id).outlet for e in value.evidence}
    assert value.support_count == 2 and len(outlets) == 4
    (line,) = [ln for ln in render_markdown(report).splitlines() if ln.startswith(f"  - “{value.text}”")]
    assert ": 4 outlets, 2 independent, first published" in line
    assert "<td>4 outlets, 2 independent</td>" in render_html(report)
