"""Origins and independence on the example corpus and the electric-bill story (gold `citations`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsdesk.crosscheck.sources import article_origins, independence, origin_for_span
from newsdesk.extract.citations import extract_citations
from newsdesk.model import Article, Citation

try:  # shared real-text loaders; `python -m pytest` sees the repo root, plain `pytest` sees tests/
    from tests.test_citations import _article, _gold, gold_entities, load_corpus, load_electric
except ImportError:
    from test_citations import _article, _gold, gold_entities, load_corpus, load_electric  # type: ignore[no-redef]


def _origins(arts: dict[str, Article], nlp: Any, entities: list[Any]) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[Citation, ...]]]:
    cits = {k: extract_citations(a, nlp(a.text), entities) for k, a in arts.items()}
    return {k: article_origins(arts[k], cits[k]) for k in arts}, cits


@pytest.fixture(scope="module")
def corpus(corpus_dir: Path, gold_dir: Path, nlp: Any) -> tuple[dict[str, Article], dict[str, Any], dict[str, Any]]:
    gold = _gold(gold_dir, "venezuela-russia-2025.json")
    arts = load_corpus(corpus_dir, gold)
    origins, cits = _origins(arts, nlp, [])
    return arts, origins, cits


def test_three_outlets_all_citing_the_post(corpus: Any) -> None:
    _, origins, _ = corpus
    cited = [k for k in sorted(origins) if origins[k]]
    assert cited == ["001", "002", "004"]
    result = independence(cited, origins, {})
    assert result["summary"] == "3 outlets, all citing The Washington Post"
    everything = independence(sorted(origins), origins, {})
    assert everything["outlets"] == 5 and everything["independent_origins"] == 3
    assert everything["unattributed"] == ["000", "003"]


def test_article_level_origin_and_span_origins(corpus: Any) -> None:
    arts, origins, cits = corpus
    art = arts["004"]
    assert origins["004"] == ("The Washington Post",)
    # Sentence after "According to the newspaper, ..." with no citation of its own.
    start = art.text.index("It was to be handed over")
    assert origin_for_span(art, start, start + 20, cits["004"]) == "The Washington Post"
    # No citation near it: the article-level credit ("This was reported by ...") applies.
    start = art.text.index("High-profile projects")
    assert origin_for_span(art, start, start + 20, cits["004"]) == "The Washington Post"
    plain = arts["000"]
    assert origin_for_span(plain, 0, 30, cits["000"]) is None
    # 001 declares no article-level origin: a far sentence has none, the cited one has it.
    a1 = arts["001"]
    far = a1.text.index("The stalemate illustrates")
    assert origin_for_span(a1, far, far + 10, cits["001"]) is None
    near = a1.text.index("the potential for airstrikes")
    assert origin_for_span(a1, near, near + 10, cits["001"]) == "The Miami Herald"


def test_electric_bill_chains_to_one_local_paper(data_dir: Path, gold_dir: Path, nlp: Any) -> None:
    gold = _gold(gold_dir, "electric-bill-2017.json")
    arts = load_electric(data_dir, gold)
    origins, _ = _origins(arts, nlp, gold_entities(gold))
    dup = {k: grp[0] for grp in gold["near_duplicates"] for k in grp[1:]}
    result = independence(list(arts), origins, dup)
    assert result["independent_origins"] == 1
    assert result["summary"] == "6 outlets, all citing Erie Times-News"
    assert origins["dailymail"][0] == "The Associated Press"  # wire dateline comes first


def _cit(article: Article, cites: str, needle: str) -> Citation:
    start = article.text.index(needle)
    return Citation(article.id, cites, None, article.evidence(start, start + len(needle)))


def test_independence_counts_duplicates_and_unattributed() -> None:
    ids = ["a", "b", "c", "d"]
    origins = {"a": ("Reuters",), "b": ("reuters",), "c": (), "d": ()}
    result = independence(ids, origins, {"d": "c"})
    assert result["independent_origins"] == 2
    assert result["summary"] == "4 outlets, 2 independent origins: 2 citing Reuters, 2 copies of one report"
    solo = independence(["x"], {"x": ()}, {})
    assert solo["summary"] == "1 outlet, unattributed"


def test_copies_named_by_the_origin_they_all_cite_on_a_tie() -> None:
    # giveme5w1h (the $284 billion electric bill, gold: Erie Times-News reported first, AP
    # rewrote it): the Daily Mail and HuffPost Australia declare the AP, the Washington
    # Post and the NYT credit the Erie Times-News; all four cite the Erie Times-News
    ids = ["dm", "wp", "nyt", "hp"]
    origins = {"dm": ("Associated Press",), "wp": ("Erie Times-News",), "nyt": ("Erie Times-News",),
               "hp": ("Associated Press",)}
    cited = {"dm": ("Associated Press", "Erie Times-News"), "wp": ("Erie Times-News",),
             "nyt": ("Erie Times-News",), "hp": ("Associated Press", "Erie Times-News")}
    copies = {"wp": "dm", "nyt": "dm"}
    assert independence(ids, origins, copies)["summary"] == "4 outlets, 1 independent origin: 4 citing Associated Press"
    assert independence(ids, origins, copies, cited=cited)["summary"] == \
        "4 outlets, 1 independent origin: 4 citing Erie Times-News"
    # a source cited anywhere does not outweigh the origins the sentences give
    cited = {aid: ("Associated Press", "Erie Times-News") for aid in ids}
    origins = {"dm": ("Associated Press",), "wp": ("Associated Press",), "nyt": ("Erie Times-News",),
               "hp": ("Associated Press",)}
    assert independence(ids, origins, copies, cited=cited)["summary"].endswith("4 citing Associated Press")


def test_origin_ranking_puts_article_credit_first() -> None:
    art = _article("r", "Prices rose, CBS News said. This was reported by The Daily Bugle. CBS News added more.")
    cits = [_cit(art, "CBS News", "Prices rose, CBS News said."),
            _cit(art, "The Daily Bugle", "This was reported by The Daily Bugle."),
            _cit(art, "CBS News", "CBS News added more.")]
    assert article_origins(art, cits) == ("The Daily Bugle", "CBS News")


def test_removed_credit_lines_still_name_origins() -> None:
    from newsdesk.model import RemovedLine

    text = "A woman got a $284 billion bill, the Erie Times-News reports."
    removed = (RemovedLine("Information from: Erie Times-News, http://www.goerie.com", "credit", 0, 10),
               RemovedLine("Copyright 2017 The Associated Press. All rights reserved.", "copyright", 11, 20),
               RemovedLine("Copyright © 2017 NPR. All rights reserved.", "copyright", 21, 30))
    art = Article(id="w", source="w", text=text, raw_text=text, removed=removed)
    cits = [_cit(art, "Erie Times-News", text)]
    assert article_origins(art, cits) == ("Erie Times-News", "The Associated Press")


def test_an_article_rests_on_a_source_it_cites_for_shared_facts_or_often() -> None:
    # giveme5w1h (Croydon tram): BBC cites the Office of Rail and Road once, for accident
    # figures no one else gives; its "the driver has been arrested" is not the Office's.
    # An article citing a source for a statement other outlets make, or twice, rests on it.
    from newsdesk.model import ArticleAnnotations as Ann
    from newsdesk.model import ClaimGroup, Report, Story
    from newsdesk.report.view import _Independence

    text = ("The driver of the tram has been arrested. There were 20 accidents in a year, according to the "
            "Office of Rail and Road. The tram was going too fast, Sky News reported.")
    other = "The driver of the tram has been arrested. The tram was going too fast, officials said."
    a = Article(id="a", source="a", text=text, raw_text=text)
    b = Article(id="b", source="b", text=other, raw_text=other)

    def span(art: Article, words: str) -> Any:
        at = art.text.index(words)
        return art.evidence(at, at + len(words))

    def group(gid: str, support: int, *evidence: Any) -> ClaimGroup:
        return ClaimGroup(gid, evidence[0].text, "fact", "corroborated" if support > 1 else "single-source",
                          support, (), tuple(evidence))

    arrested = group("g1", 2, span(a, "The driver of the tram has been arrested."),
                     span(b, "The driver of the tram has been arrested."))
    fast = group("g2", 2, span(a, "The tram was going too fast, Sky News reported."),
                 span(b, "The tram was going too fast, officials said."))
    figures = group("g3", 1, span(a, "There were 20 accidents in a year, according to the Office of Rail and Road."))
    cites = (Citation("a", "Office of Rail and Road", None, span(a, "according to the Office of Rail and Road")),
             Citation("a", "Sky News", None, span(a, "Sky News reported")))
    story = Story("s", "h", ("a", "b"), claims=(arrested, fast, figures), citations=cites)

    def summary(citations: tuple[Citation, ...], g: ClaimGroup) -> str:
        report = Report("t", (a, b), (), (story,), (Ann("a", citations=citations), Ann("b")))
        return _Independence(report, {x.article_id: x for x in report.annotations}).summary(g.evidence)

    # Sky News carries a shared statement: "a" rests on it
    assert summary(cites, arrested) == "2 outlets, 2 independent origins: 1 citing Sky News, 1 unattributed"
    # the Office, cited once for a statement of "a" alone, is not what "a" rests on
    assert summary(cites[:1], arrested) == "2 outlets, 2 independent origins: 2 unattributed"
    assert summary(cites[:1], figures) == "1 outlet, citing Office of Rail and Road"
    # ... unless "a" cites it twice
    twice = cites[:1] + (Citation("a", "Office of Rail and Road", None, span(a, "has been arrested")),)
    assert summary(twice, arrested) == "2 outlets, 2 independent origins: 1 citing Office of Rail and Road, 1 unattributed"


def test_articles_of_one_outlet_are_counted_as_such() -> None:
    # giveme5w1h (Costa Rica crash): the Daily Mail ran two wire stories (AP's and
    # Reuters'); a key fact both support had read "8 outlets" in a story of 7 outlets
    origins = {"a": ("Reuters",), "b": ("Associated Press",), "c": ()}
    outlets = {"a": "dailymail.co.uk", "b": "dailymail.co.uk", "c": "cnn.com"}
    result = independence(["a", "b", "c"], origins, {}, outlets)
    assert result["outlets"] == 2 and result["independent_origins"] == 3
    assert result["summary"] == ("3 articles from 2 outlets, 3 independent origins: 1 citing Reuters, "
                                 "1 citing Associated Press, 1 unattributed")
    assert independence(["a", "c"], origins, {}, outlets)["summary"].startswith("2 outlets, ")
    # giveme5w1h (Brazilian Grand Prix): three unattributed Daily Mail articles are the Daily
    # Mail's own reporting, one origin; a key fact had read "6 articles from 4 outlets, 6
    # independent origins"
    own = {"d1": (), "d2": (), "d3": (), "s": (), "m": ("Reuters",)}
    where = {"d1": "dailymail.co.uk", "d2": "dailymail.co.uk", "d3": "dailymail.co.uk", "s": "thesun.co.uk",
             "m": "dailymail.co.uk"}
    result = independence(list(own), own, {}, where)
    assert result["outlets"] == 2 and result["independent_origins"] == 3
    assert result["summary"] == ("5 articles from 2 outlets, 3 independent origins: 3 unattributed from "
                                 "dailymail.co.uk, 1 citing Reuters, 1 unattributed")
    alone = independence(["d1", "d2"], own, {}, where)
    assert alone["independent_origins"] == 1
    assert alone["summary"] == "2 articles from dailymail.co.uk, unattributed"


def test_a_copy_that_does_not_name_its_wire_is_that_wires_not_its_outlets() -> None:
    # giveme5w1h (Ahed Tamimi): the NYT ran Reuters' story and the AP's, neither saying
    # whose; as the NYT's own reporting the two were one group, which joined the Reuters
    # and AP families: "7 articles from 4 outlets, 1 independent origin: 7 citing Reuters"
    origins = {"dm_r": ("Reuters",), "nyt_r": (), "reu": ("Reuters",), "wp_ap": (), "nyt_ap": (),
               "dm_ap": ("Associated Press",), "wp_own": ()}
    copies = {"nyt_r": "dm_r", "reu": "dm_r", "nyt_ap": "wp_ap", "dm_ap": "wp_ap"}
    outlets = {"dm_r": "dailymail.co.uk", "nyt_r": "nytimes.com", "reu": "reuters.com", "wp_ap": "washingtonpost.com",
               "nyt_ap": "nytimes.com", "dm_ap": "dailymail.co.uk", "wp_own": "washingtonpost.com"}
    result = independence(list(origins), origins, copies, outlets)
    assert result["summary"] == ("7 articles from 4 outlets, 3 independent origins: 3 citing Reuters, "
                                 "3 citing Associated Press, 1 unattributed")
    # two copies of one report that name no wire are still the outlets' own, one origin
    bare = {"a": (), "b": ()}
    assert independence(["a", "b"], bare, {"b": "a"}, {"a": "x.com", "b": "y.com"})["independent_origins"] == 1


def test_each_article_of_a_jsonl_file_is_its_own_outlet_when_nothing_names_one() -> None:
    from newsdesk.report.view import outlet_label

    def art(source: str, url: str | None = None) -> Article:
        return Article(id="x", source=source, text="t", raw_text="t", url=url)

    assert outlet_label(art("in/batch.jsonl:3")) == "batch:3" != outlet_label(art("in/batch.jsonl:4"))
    assert outlet_label(art("examples/venezuela-russia-2025/000_3e857aedc49cb5a7.txt")) == "000_3e857aedc49cb5a7"
    assert outlet_label(art("in/batch.jsonl:3", "https://www.npr.org/2017/x")) == "npr.org"


def test_a_name_given_short_is_the_one_origin_it_shortens() -> None:
    # giveme5w1h (Silverman and Sheen): The Sun's "Sarah, 47, said" credited her split to
    # "Sarah", a seventh independent origin beside six outlets quoting "Sarah Silverman"
    origins = {"a": ("Sarah Silverman",), "b": ("Sarah",), "c": ("Sarah Silverman",), "d": ("Reuters",)}
    result = independence(list(origins), origins, {})
    assert result["summary"] == "4 outlets, 2 independent origins: 3 citing Sarah Silverman, 1 citing Reuters"
    # a short name two longer origins share stays apart: "Times" is not one of them
    papers = {"a": ("New York Times",), "b": ("Los Angeles Times",), "c": ("Times",)}
    assert independence(list(papers), papers, {})["independent_origins"] == 3


def test_the_words_of_a_named_speaker_rest_on_that_speaker() -> None:
    # giveme5w1h (Falcon Heavy): outlets carrying Elon Musk's tweet had counted as
    # independent origins of it, "unattributed"; an outlet's own citation still comes first
    from newsdesk.model import ArticleAnnotations as Ann
    from newsdesk.model import ClaimGroup, Quote, Report, Story
    from newsdesk.report.view import _Independence

    tweet = "Guaranteed to be exciting, one way or another."
    texts = {"a": f"Musk tweeted a teaser.\n{tweet} \u2014 Elon Musk (@elonmusk) December 2, 2017",
             "b": f"\u201c{tweet}\u201d Musk wrote.",
             "c": f"\u201c{tweet}\u201d he wrote, Reuters reported.",
             "d": f"\u201c{tweet}\u201d a fan wrote."}
    arts = {k: Article(id=k, source=k, text=t, raw_text=t) for k, t in texts.items()}

    def span(k: str) -> Any:
        at = texts[k].index(tweet)
        return arts[k].evidence(at, at + len(tweet))

    def quote(k: str, speaker: str | None, entity: str | None) -> Quote:
        return Quote(speaker, entity, tweet, span(k))

    notes = {"a": Ann("a", quotes=(quote("a", "Elon Musk", "musk"),)),
             "b": Ann("b", quotes=(quote("b", "Elon Musk", "musk"),)),
             "c": Ann("c", quotes=(quote("c", "Elon Musk", "musk"),),
                      citations=(Citation("c", "Reuters", None, arts["c"].evidence(len(texts["c"]) - 17,
                                                                                    len(texts["c"]))),)),
             "d": Ann("d", quotes=(quote("d", "a fan", None),))}
    group = ClaimGroup("g", tweet, "quote", "corroborated", 4, (), tuple(span(k) for k in texts))
    story = Story("s", "h", tuple(texts), claims=(group,))
    report = Report("t", tuple(arts.values()), (), (story,), tuple(notes.values()))
    line = _Independence(report, notes).summary(group.evidence[:2])
    assert line == "2 outlets, all citing Elon Musk", line
    line = _Independence(report, notes).summary(group.evidence)
    assert line == "4 outlets, 3 independent origins: 2 citing Elon Musk, 1 citing Reuters, 1 unattributed", line


def test_a_side_fact_cited_down_the_article_is_not_what_it_rests_on(tmp_path: Path) -> None:
    # giveme5w1h (Equifax, Daily Mail): one shared sentence citing the US Census Bureau for
    # the population had made every unattributed claim of the article "citing US Census Bureau"
    from newsdesk.pipeline import analyze
    from newsdesk.report.view import story_view
    from newsdesk.settings import Settings

    lead = ("Equifax said on Monday that 2.5 million more people were affected by its data breach than first thought.\n"
            "The company said a forensic review by the cybersecurity firm Mandiant found the extra accounts.\n")
    (tmp_path / "a.txt").write_text(
        lead + "Shares of the credit bureau fell five per cent in after-hours trading on Monday.\n"
        "The breach was first disclosed by the company in early September.\n"
        "Richard Smith stepped down as chief executive last week.\n"
        "The breach affected well over a third of the American population, which stood at 324 million, "
        "according to the US Census Bureau.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Equifax said Monday that 2.5 million more people were affected by its data breach than it first estimated.\n"
        "A forensic review by the cybersecurity firm Mandiant found the additional accounts, the company said.\n"
        "The breach affected more than a third of the American population of 324 million.\n", encoding="utf-8")
    report = analyze([str(tmp_path)], Settings())
    views = [story_view(report, s) for s in report.stories]
    facts = [f for v in views for f in v.key_facts]
    million = [f for f in facts if "2.5 million" in f.claim.text]
    census = [f for f in facts if "324 million" in f.claim.text]
    assert million and census, [f.claim.text for f in facts]
    assert "Census" not in million[0].independence, million[0].independence
    assert "citing US Census Bureau" in census[0].independence, census[0].independence
