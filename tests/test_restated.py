"""A statement told again in other words (crosscheck.restated) on real stories."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from tests.test_brief import _event_report

from newsdesk.model import ClaimGroup, Report, Story
from newsdesk.report import render_json, schema_path
from newsdesk.report.markdown import render_story_markdown


def _sentences(report: Report, story: Story, text: str) -> set[tuple[str, int]]:
    """(article id, sentence start) of the sentences of the one group whose text opens so."""
    (group,) = [g for g in story.claims if g.text.startswith(text)]
    return {(e.article_id, s.start) for e in group.evidence
            if (s := report.article(e.article_id).sentence_at(e.start)) is not None}


def test_a_statement_two_groups_word_differently_is_listed_once(data_dir: Path) -> None:
    # giveme5w1h (planets outside the Milky Way): "Astrophysicists have discovered planets
    # outside our galaxy for the first time ever." and "... a population of planets outside
    # of the Milky Way for the first time." were two key facts of five outlets each
    report = _event_report(data_dir, "first_planets_outside_the_Milky_Way")
    (story,) = [s for s in report.stories if any(g.text.startswith("Astrophysicists") for g in s.claims)]
    by_text = {g.text: g for g in story.claims}
    short = by_text["Astrophysicists have discovered planets outside our galaxy for the first time ever."]
    full = by_text["Astrophysicists have discovered a population of planets outside of the Milky Way for the first time."]
    assert short.support_count >= 2 and full.support_count >= 2
    assert (short.restates, full.restates) in {(full.id, None), (None, short.id)}
    kept = full if short.restates else short
    jsonschema.validate(json.loads(render_json(report)), json.loads(Path(schema_path()).read_text()))
    md = "\n".join(render_story_markdown(report, story))
    facts = md.split("### Key facts", 1)[1].split("###", 1)[0]
    assert facts.count("- Astrophysicists have discovered") == 1 and f"- {kept.text}" in facts
    assert all(g.restates in {c.id for c in story.claims} for g in story.claims if g.restates)


def test_two_facts_of_the_same_sentences_stay_two(data_dir: Path) -> None:
    # giveme5w1h (Harambe): "Gorilla World will be closed until further notice." and "The
    # zoo is to be open as usual on Sunday but Gorilla World will be closed ..." rest on
    # the same sentences, and the second says more: both stay
    report = _event_report(data_dir, "harambe")
    (story,) = [s for s in report.stories if any(g.text.startswith("Gorilla World") for g in s.claims)]
    closed = _sentences(report, story, "Gorilla World will be closed until further notice.")
    both = _sentences(report, story, "The zoo is to be open as usual on Sunday but Gorilla World")
    assert len(closed & both) >= 2 and len(closed & both) >= len(both) / 2  # shared enough to be one
    assert not [g.text for g in story.claims if g.restates]


def test_a_sentence_no_claim_stands_for_is_embedded_to_compare(data_dir: Path) -> None:
    # giveme5w1h (oil for North Korea): one group is worded by the whole sentence "On
    # Tuesday, the South Korean newspaper Chosun Ilbo claimed US surveillance satellites
    # spotted Chinese vessels ..." (its members are clauses of it), another by its clause
    # "US surveillance satellites spotted Chinese vessels ...": no claim's vector stood for
    # the first, and both were key facts of seven outlets
    # (the clause is shown in the sentence that says who claims it, marked: one statement
    # either way, listed once)
    report = _event_report(data_dir, "north_korea_received_oil_from_russia_in_violation_of_un_sanctions_report")

    def part(g: ClaimGroup) -> str:
        return g.text[g.focus[0]:g.focus[1]] if g.focus is not None else g.text

    (story,) = [s for s in report.stories if any(part(g).startswith("US surveillance satellites") for g in s.claims)]
    (claimed,) = [g for g in story.claims if part(g).startswith("On Tuesday, the South Korean newspaper Chosun Ilbo")]
    (spotted,) = [g for g in story.claims if part(g).startswith("US surveillance satellites spotted")]
    assert claimed.support_count >= 2 and spotted.support_count >= 2
    assert (claimed.restates, spotted.restates) in {(spotted.id, None), (None, claimed.id)} or (
        spotted.focus is not None and claimed.text == spotted.text)
    facts = "\n".join(render_story_markdown(report, story)).split("### Key facts", 1)[1].split("###", 1)[0]
    assert facts.count("US surveillance satellites spotted") == 1, facts


def test_a_group_worded_by_the_sentence_around_it_is_read_by_its_part(data_dir: Path) -> None:
    # giveme5w1h (NYC subway): "There were no passengers on the trains" is shown in its
    # sentence "There were no passengers on the trains, and MTA officials say the accident
    # is having no impact on subway service ...", which reads much like the next group,
    # "MTA officials say the accident is having no impact ...": two facts, both listed
    report = _event_report(data_dir, "nyc_subway_work_trains_collide_in_tunnel_1_worker_injured")
    (story,) = [s for s in report.stories if any(g.text.startswith("MTA officials say") for g in s.claims)]
    (passengers,) = [g for g in story.claims if g.text.startswith("There were no passengers")]
    (mta,) = [g for g in story.claims if g.text.startswith("MTA officials say")]
    assert passengers.focus is not None and passengers.support_count >= 2 and mta.support_count >= 2
    assert passengers.restates is None and mta.restates is None
    md = "\n".join(render_story_markdown(report, story))
    facts = md.split("### Key facts", 1)[1].split("###", 1)[0]
    assert "There were no passengers" in facts and "- MTA officials say" in facts


def test_an_outlets_two_sentences_of_one_statement_against_anothers_one_are_one(data_dir: Path) -> None:
    # giveme5w1h (Morsi sentenced): the Daily Mail tells the sentence twice ("An Egyptian
    # court sentenced Mohamed Morsi to three years in prison on December 30, 2017 ..." and
    # "... ousted Islamist president Mohamed Morsi to three years in prison along with 19
    # other defendants ..."), CBS once; each of the Daily Mail's joined CBS's sentence in a
    # group of its own, and the brief listed the statement twice. The two rest on the same
    # articles and share CBS's sentence: one names the other
    report = _event_report(data_dir, "egypts_mohammed_morsi_sentenced_to_3_years_in_prison_for_insulting_judiciary")
    (story,) = [s for s in report.stories if any("three years in prison" in g.text for g in s.claims)]
    groups = [g for g in story.claims if g.text.startswith("An Egyptian court sentenced") and g.support_count >= 2]
    assert len(groups) == 2 and {e.article_id for e in groups[0].evidence} == {e.article_id for e in groups[1].evidence}
    assert sorted(g.restates is None for g in groups) == [False, True]
    md = "\n".join(render_story_markdown(report, story))
    facts = md.split("### Key facts", 1)[1].split("###", 1)[0]
    assert facts.count("- An Egyptian court sentenced") == 1
