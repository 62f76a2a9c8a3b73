"""Single-source figures inside statements several outlets share (``crosscheck.unshared``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsdesk.crosscheck.unshared import with_unshared_figures
from newsdesk.extract.dates import extract_times
from newsdesk.extract.quantities import extract_quantities
from newsdesk.model import Article, ArticleAnnotations, ClaimGroup

TEXTS = {
    "a": "The missile flew 2,700 km (1,680 miles), officials said. It may have affected 143 million consumers.",
    "b": "The missile flew 2,700 km, the 58-year-old minister said. The breach hit 143 million Americans.",
    "c": "The missile flew 2,700 km, the 58-year-old minister said. The breach hit 143 million Americans.",
    "d": "The missile flew 2,700 km and ties between the two countries were cut at 9 p.m. Tuesday.",
}


def _annotated(nlp: Any, texts: dict[str, str] = TEXTS) -> tuple[dict[str, Article], dict[str, ArticleAnnotations]]:
    arts = {k: Article(id=k, source=f"{k}.txt", text=t, raw_text=t, published="2017-12-05") for k, t in texts.items()}
    notes = {}
    for k, a in arts.items():
        doc = nlp(a.text)
        times = extract_times(a, doc)
        notes[k] = ArticleAnnotations(k, quantities=extract_quantities(a, doc, times), times=times)
    return arts, notes


def _shared_group(arts: dict[str, Article], phrase: str) -> ClaimGroup:
    evidence = tuple(a.evidence(a.text.index(phrase), len(a.text)) for a in arts.values() if phrase in a.text)
    return ClaimGroup(id="g", text=phrase, kind="fact", status="corroborated", support_count=len(evidence),
                      origins=(), evidence=evidence)


def test_a_figure_only_one_outlet_gives_inside_a_shared_statement(nlp: Any) -> None:
    arts, notes = _annotated(nlp)
    family = {"a": "a", "b": "b", "c": "b", "d": "d"}  # "c" a copy of "b"
    group = _shared_group(arts, "The missile flew 2,700 km")
    out = with_unshared_figures([group], arts, notes, family, lambda art, s, e: None)
    added = [g for g in out if g is not group]
    # the age only "b" and its copy give: one single-source claim, both places, its words in focus
    assert len(added) == 1
    (age,) = added
    assert age.support_count == 1 and age.status == "single-source"
    assert [e.article_id for e in age.evidence] == ["b", "c"]
    assert age.text[age.focus[0]:age.focus[1]] == age.evidence[0].text
    assert age.evidence[0].text.startswith("58-year")
    # not single-source: "2,700 km" (every outlet), "(1,680 miles)" (a conversion), "the two
    # countries" (a reference), "9 p.m. Tuesday" (a time), "143 million consumers" (the
    # figure of "143 million Americans")
    assert with_unshared_figures([_shared_group(arts, "It may have affected")], arts, notes, family,
                                 lambda art, s, e: None) == (_shared_group(arts, "It may have affected"),)


def test_the_unshared_figures_of_one_sentence_are_one_claim(nlp: Any) -> None:
    # the example corpus: "eight engines" and "five radars" had been two single-source
    # claims, each the same sentence, listed one after the other in the brief
    texts = {"a": "Maduro asked for help overhauling eight engines and five radars in Russia. He paid $2 million.",
             "b": "Maduro asked for help overhauling engines and radars in Russia. He paid nothing."}
    from newsdesk.segment import segment_article

    arts, notes = _annotated(nlp, texts)
    arts = {k: segment_article(a, nlp(a.text)) for k, a in arts.items()}  # a figure's claim is its sentence
    group = _shared_group(arts, "Maduro asked for help")
    added, other = [g for g in with_unshared_figures([group], arts, notes, {"a": "a", "b": "b"},
                                                     lambda art, s, e: None) if g is not group]
    assert [e.text for e in added.evidence] == ["eight engines", "five radars"]
    assert [e.text for e in other.evidence] == ["$2 million"]  # a figure of another sentence: its own claim
    assert added.text[added.focus[0]:added.focus[1]] == "eight engines and five radars"
    assert added.text.startswith("Maduro asked") and added.text.endswith("in Russia.")


def test_an_age_another_outlet_gives_after_the_name_is_shared(nlp: Any) -> None:
    # giveme5w1h (Ahed Tamimi): Reuters' "a 16-year-old Palestinian girl" had been flagged as
    # Reuters' alone, though AP writes the age after her name ("Ahed Tamimi, 16,")
    texts = {
        "r": "Israel indicted a 16-year-old Palestinian girl on Monday, and she met a 45-year-old judge.",
        "a": "Palestinians have since hailed Ahed Tamimi, 16, as an icon. Israel indicted the girl on Monday.",
    }
    arts, notes = _annotated(nlp, texts)
    group = _shared_group(arts, "Israel indicted")
    out = with_unshared_figures([group], arts, notes, {"r": "r", "a": "a"}, lambda art, s, e: None)
    added = [g.evidence[0].text for g in out if g is not group]
    assert added == ["45-year"]  # the judge's age is Reuters' alone; the girl's is not


@pytest.fixture(scope="module")
def electric_bill(shared_dir: Path) -> Any:
    from newsdesk.eval import claims as suite
    from newsdesk.pipeline import analyze
    from newsdesk.settings import Settings

    gold_path = shared_dir / "gold" / "electric-bill-2017.json"
    if not (shared_dir / "data" / "giveme5w1h-news-cluster").is_dir() or not gold_path.is_file():
        pytest.skip("giveme5w1h-news-cluster or its gold is absent")
    return analyze(suite._gold_inputs(json.loads(gold_path.read_text()), shared_dir), Settings())


def test_the_age_one_outlet_adds_to_a_quote_five_carry_is_single_source(electric_bill: Any) -> None:
    # gold F2: HuffPost's "“My eyes just about popped out of my head,” the 58-year-old
    # Horomanski told the Erie Times-News" is the quote five outlets carry; the age is its own
    claims = [c for s in electric_bill.stories for c in s.claims]
    ages = [c for c in claims if any(e.text.startswith("58-year") for e in c.evidence)]
    assert len(ages) == 1 and ages[0].support_count == 1 and ages[0].status == "single-source"
    assert "told the Erie Times-News" in ages[0].text
    quote = [c for c in claims if c.support_count >= 3 and any("58-year-old" in e.text for e in c.evidence)]
    assert quote, "the quote stays corroborated"


def _notes_agree_with_figure_claims(report: Any) -> int:
    """The brief's note on a shared statement ("“eight engines”: 004 alone") and the
    single-source figure claims read "rests on one outlet" alike: a figure the note names
    inside the group's own span is a single-source claim's words, and a figure claim
    inside a noted statement's span is named by its note. The number of notes checked."""
    from newsdesk.crosscheck.align import duplicate_families
    from newsdesk.crosscheck.unshared import StoryFigures
    from newsdesk.report.view import story_view, unshared_figures

    arts = {a.id: a for a in report.articles}
    ann = {x.article_id: x for x in report.annotations}
    checked = 0
    for story in report.stories:
        figures = StoryFigures.of(story.article_ids, arts, ann, duplicate_families([arts[i] for i in story.article_ids]))
        singles = [e for c in story.claims if c.status == "single-source" for e in c.evidence]
        view = story_view(report, story)
        for fact in {id(f): f for f in [*view.key_facts, *view.summary]}.values():
            aid, named = unshared_figures(fact.claim, arts, figures)
            assert named == fact.unshared
            for e in (e for e in fact.claim.evidence if e.article_id == aid):
                inside = [q.evidence for q in figures.measured.get(aid, ())
                          if e.start <= q.evidence.start and q.evidence.end <= e.end]
                for q in inside:
                    alone = any(s.article_id == aid and s.start <= q.start and q.end <= s.end for s in singles)
                    assert (q.text in named) == alone, (fact.claim.text, q.text, named)
                checked += bool(named)
    return checked


def test_the_briefs_note_and_the_figure_claims_agree(electric_bill: Any, corpus_dir: Path) -> None:
    from newsdesk.pipeline import analyze
    from newsdesk.settings import Settings

    assert _notes_agree_with_figure_claims(analyze([str(corpus_dir)], Settings())) >= 1  # "eight engines", "five radars"
    _notes_agree_with_figure_claims(electric_bill)


def test_an_age_is_read_where_outlets_write_one_and_nowhere_else() -> None:
    from newsdesk.crosscheck.unshared import _ages

    text = ("Ahed Tamimi, 16, was charged. The 58-year-old said so, a fifty-eight-year-old man aged 30 "
            "agreed. The children, 5, 7 and 9, and March 3, 2017, and Room (101) are no ages.")
    assert sorted(_ages(text).values()) == [16.0, 30.0, 58.0, 58.0]
