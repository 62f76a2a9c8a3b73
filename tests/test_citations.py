"""Citations on real text: the example corpus and one giveme5w1h story (gold `citations`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.extract.citations import (
    canonical_citations,
    extract_citations,
    is_outlet_name,
    normalize_name,
    outlet_key,
)
from newsdesk.model import Article, Entity


def _article(aid: str, text: str) -> Article:
    return Article(id=aid, source=aid, text=text, raw_text=text)


def _cites(nlp: Any, text: str) -> list[str]:
    """What one article of ``text`` cites, in order, with no entities."""
    return [c.cites for c in extract_citations(_article("p", text), nlp(text), [])]


def _gold(gold_dir: Path, name: str) -> dict[str, Any]:
    path = gold_dir / name
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return json.loads(path.read_text(encoding="utf-8"))


def load_corpus(corpus_dir: Path, gold: dict[str, Any]) -> dict[str, Article]:
    return {key: _article(key, (corpus_dir / f).read_text(encoding="utf-8")) for key, f in gold["docs"].items()}


def load_electric(data_dir: Path, gold: dict[str, Any]) -> dict[str, Article]:
    """The six articles as title + text, gold boilerplate lines dropped (what cleaning does)."""
    out = {}
    for key, f in gold["docs"].items():
        path = data_dir / "giveme5w1h-news-cluster" / "data" / f
        if not path.is_file():
            pytest.skip(f"{path} is absent")
        raw = json.loads(path.read_text(encoding="utf-8"))
        drop = set(gold["boilerplate_lines"].get(key, []))
        lines = [ln for ln in (raw["title"] + "\n" + raw["text"]).split("\n") if ln.strip() not in drop]
        out[key] = _article(key, "\n".join(lines))
    return out


def gold_entities(gold: dict[str, Any]) -> list[Entity]:
    return [Entity(f"e{i}", e["name"], e["type"], tuple(e["aliases"]), (), ())
            for i, e in enumerate(gold["entities"])]


@pytest.fixture(scope="module")
def corpus(corpus_dir: Path, gold_dir: Path, nlp: Any) -> tuple[dict[str, Any], dict[str, Article], dict[str, Any]]:
    gold = _gold(gold_dir, "venezuela-russia-2025.json")
    arts = load_corpus(corpus_dir, gold)
    return gold, arts, {k: nlp(a.text) for k, a in arts.items()}


@pytest.fixture(scope="module")
def electric(data_dir: Path, gold_dir: Path, nlp: Any) -> tuple[dict[str, Any], dict[str, Article], dict[str, Any]]:
    gold = _gold(gold_dir, "electric-bill-2017.json")
    arts = load_electric(data_dir, gold)
    return gold, arts, {k: nlp(a.text) for k, a in arts.items()}


def _scores(gold: dict[str, Any], arts: dict[str, Article], docs: dict[str, Any],
            entities: list[Entity]) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for key, art in arts.items():
        got = {normalize_name(c.cites) for c in extract_citations(art, docs[key], entities)}
        want = {normalize_name(x) for x in gold["citations"][key]}
        tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
    return tp, fp, fn


@pytest.mark.parametrize("use_entities", [False, True])
def test_corpus_citations_match_gold(corpus: Any, use_entities: bool) -> None:
    gold, arts, docs = corpus
    entities = gold_entities(gold) if use_entities else []
    assert _scores(gold, arts, docs, entities) == (5, 0, 0)


def test_electric_bill_citations(electric: Any) -> None:
    gold, arts, docs = electric
    tp, fp, fn = _scores(gold, arts, docs, gold_entities(gold))
    # The one miss is WaPo's "Copyright 2017 The Associated Press" line, which cleaning drops.
    assert fp == 0 and tp >= 9 and fn <= 1


def test_anaphora_resolves_to_the_cited_outlet(corpus: Any) -> None:
    gold, arts, docs = corpus
    cits = extract_citations(arts["004"], docs["004"], gold_entities(gold))
    by_text = {c.evidence.text.split(",")[0]: c for c in cits}
    assert by_text["According to the newspaper"].cites == "The Washington Post"
    assert by_text["According to the documents obtained by the publication"].cites_entity_id is not None
    assert any(c.evidence.text.startswith("The documents also show") for c in cits)


def test_lowercase_outlet_matches_entity_alias(corpus: Any) -> None:
    gold, arts, docs = corpus
    cits = extract_citations(arts["002"], docs["002"], gold_entities(gold))
    post = [c for c in cits if "post also reported" in c.evidence.text]
    assert post and post[0].cites == "The Washington Post"


def test_wire_dateline_and_told_the_paper(electric: Any) -> None:
    gold, arts, docs = electric
    dm = extract_citations(arts["dailymail"], docs["dailymail"], [])
    assert dm[0].cites == "The Associated Press" and dm[0].evidence.text.endswith("(AP)")
    huff = extract_citations(arts["huffpost-au"], docs["huffpost-au"], [])
    told = [c for c in huff if "she told the paper" in c.evidence.text]
    assert told and normalize_name(told[0].cites) == "erie times news"


@pytest.mark.parametrize("text", [
    "According to reports, the plant opened in July.",
    "Officials said the talks failed, and the newspaper said nothing.",
    "John Smith said the deal was off.",
    "Acme Corp said the bill was wrong.",
])
def test_generic_people_and_unanchored_anaphors_are_not_citations(nlp: Any, text: str) -> None:
    art = _article("t", text)
    assert extract_citations(art, nlp(text), []) == ()


def test_outlet_names() -> None:
    assert is_outlet_name("The Miami Herald") and is_outlet_name("Reuters") and is_outlet_name("CBS News")
    assert not is_outlet_name("Maria Zakharova") and not is_outlet_name("Rostec")
    assert is_outlet_name("the Times") and is_outlet_name("The Herald's")
    assert not is_outlet_name("the Sun") and not is_outlet_name("the times") and not is_outlet_name("Times")


_NAMES = st.sampled_from(["The Washington Post", "Reuters", "the Erie Times-News", "CBS News", "Acme"])
_FRAMES = st.sampled_from(["According to {n}, the plant closed.", "{n} reported that prices rose.",
                           "This was reported by {n}.", "Memos obtained by {n} show a deal.",
                           "She told {n} it was wrong.", "Prices rose, {n} said."])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(frames=st.lists(st.tuples(_FRAMES, _NAMES), min_size=1, max_size=4), pad=st.sampled_from([" ", "\n", "  "]))
def test_evidence_slices_back(nlp: Any, frames: list[tuple[str, str]], pad: str) -> None:
    text = pad.join(f.format(n=n) for f, n in frames)
    art = _article("h", text)
    for cit in extract_citations(art, nlp(text), []):
        assert cit.evidence.text == text[cit.evidence.start : cit.evidence.end]
        assert cit.article_id == "h" and cit.cites


@pytest.mark.parametrize(("text", "expected"), [
    ("A report by the United Nations Development Programme said poverty rose.",
     ["United Nations Development Programme"]),
    ("Documents seen by Reuters show a deal. The documents say the price was high.", ["Reuters", "Reuters"]),
    ("“It was planned,” he told CNN's Anderson Cooper.", ["CNN"]),
    ("The Kyiv Independent reported that the city was calm.", ["Kyiv Independent"]),
])
def test_citation_patterns(nlp: Any, text: str, expected: list[str]) -> None:
    assert _cites(nlp, text) == expected


def test_reported_by_a_person_is_not_a_citation(nlp: Any) -> None:
    text = "Smith reported from Kyiv that the city was calm."
    assert extract_citations(_article("p", text), nlp(text), []) == ()
    text = "Meduza reported that the city was calm."
    meduza = Entity("m", "Meduza", "ORG", ("Meduza",), (), ())
    assert [c.cites_entity_id for c in extract_citations(_article("p", text), nlp(text), [meduza])] == ["m"]


# from giveme5w1h-news-cluster pages, each cited wrongly before (Nice attack, Cincinnati Zoo,
# Roethlisberger, Tiangong-1 galleries)
@pytest.mark.parametrize(("text", "expected"), [
    # an outlet named with its own noun is that outlet, not the last source cited
    ("Prosecutors took over the case, AFP reported. The driver was a Nice resident, according to the "
     "Nice Matin newspaper.", ["AFP", "Nice Matin"]),
    # "the newspaper" is an outlet cited before, not any organisation
    ("The gorilla is critically endangered, according to the World Wildlife Fund.\n"
     "A visitor described the scene in an interview with the Cincinnati Enquirer.\nThe newspaper reported:\n",
     ["World Wildlife Fund", "Cincinnati Enquirer", "Cincinnati Enquirer"]),
    ("The gorilla is critically endangered, according to the World Wildlife Fund. The newspaper reported "
     "that the zoo was closed.", ["World Wildlife Fund"]),
    # a photo credit line joined by the parse to the next line's verb cites nothing
    ("The quarterback scrambles away during the first half. (Michael Wyke/Associated Press)\n"
     "HOUSTON — Ben Roethlisberger told his teammates they did not need to make up for it.", []),
    # an image seen by a telescope is no document seen by a source
    ("An image of the galaxy seen in infrared light by the Herschel Space Observatory.", []),
    ("Memos seen by The Washington Post show a deal.", ["The Washington Post"]),
    # but an outlet's own sight is still its report, and a capitalised "Daily" is a name
    ("The charge sheet against Tamimi, seen by Reuters, included counts of aggravated assault.", ["Reuters"]),
    ("Zhang Yuanxun, chief designer of the container, told the China Daily they can grow plants.",
     ["China Daily"]),
    # "the website" may be any source cited before; a line opening with "(CNN)" is CNN's copy
    ("Ripple was worth $86 billion, according to CoinMarketCap. Ethereum was at 12 percent, the website "
     "showed.", ["CoinMarketCap", "CoinMarketCap"]),
    ("(CNN) Chrissy Teigen and other passengers ended up where they started after eight hours.", ["CNN"]),
])
def test_outlets_by_their_nouns_and_things_that_cite_nothing(nlp: Any, text: str, expected: list[str]) -> None:
    assert _cites(nlp, text) == expected


# from giveme5w1h-news-cluster pages: the cited phrase also describes its source; the source
# is the name in it, so that "Yonhap news agency" and "Yonhap" are one origin
@pytest.mark.parametrize(("text", "expected"), [
    ("The marketing scheme has already paid off - as the brand's digital engagement has since skyrocketed, "
     "according to ad company Amobee.", ["Amobee"]),
    ("The North’s leader, Kim Jong Un, ordered the launch to be conducted for the first time from its capital, "
     "Pyongyang, and said more exercises with the Pacific as the target were needed, the North’s KCNA news "
     "agency said on Wednesday.", ["KCNA"]),
    ("“I thought it was fireworks,” Crouch told CNN affiliate KTVT.", ["KTVT"]),
    ("The launch was detected at 6:57 a.m., South Korea’s Yonhap news agency reported.", ["Yonhap"]),
    ("The plan is a step forward, according to the official People's Daily.", ["People's Daily"]),
    ("The leak came from Panamanian law firm Mossack Fonseca, according to the Reuters news agency.",
     ["Reuters"]),
    ("The water level was high at the time and the pillar is usually on land, news agency dpa reported.", ["dpa"]),
    # an outlet's noun beside its name: the name, not the last outlet cited before
    # (giveme5w1h: NPR's "according to the Japanese broadcaster NHK" had been credited to
    # the New York Times, cited a paragraph before; the Daily Mail's "according to the
    # French daily Le Monde", whose name the model tags a person, to no one)
    ("The missile flew over Hokkaido, The New York Times reported. There were no reports of any damage, "
     "according to the Japanese broadcaster NHK.", ["The New York Times", "NHK"]),
    ("He approached the law firm, according to the French daily Le Monde, which is one of the media partners.",
     ["Le Monde"]),
    ("According to the regional daily Nice Matin, Peter Hattermann, 56, succumbed to his injuries.",
     ["Nice Matin"]),
    ("In October, she was removed from the panel, the New York Daily News reported.", ["New York Daily News"]),
    # (CBS News, Silverman and Sheen) the parse hangs the name on the noun as a modifier
    ("The British tabloid the Mirror says she borrowed the phrase.", ["Mirror"]),
    # all name: kept whole
    ("The visitors were safe, according to the Chinese Consulate General.", ["Chinese Consulate General"]),
    ("Delays doubled, according to the Office of Rail and Road.", ["Office of Rail and Road"]),
])
def test_a_described_source_is_cited_by_its_name(nlp: Any, text: str, expected: list[str]) -> None:
    assert _cites(nlp, text) == expected


# from giveme5w1h-news-cluster pages: a paper called by its masthead's last word is the
# paper the article named before ("The Herald reports" after "the Miami Herald's piece"),
# else "The <word>"; "the paper" then refers to it, not to an outlet cited further back
@pytest.mark.parametrize(("text", "expected"), [
    ("According to The Guardian, Putin is a guest of the resort. Read the Miami Herald's piece based on the "
     "papers.\nThe Herald reports that shadowy corporations may be propping up the condo market.\n"
     "The bottom line, the paper reports: \"Money from abroad is helping to power the condo towers.\"",
     ["The Guardian", "Miami Herald", "Miami Herald"]),
    ("Interestingly, Common Sense CEO Jim Steyer told the Times that the campaign is modeled on anti-smoking "
     "campaigns.", ["The Times"]),
    ("The Los Angeles Times reported the story first. A relative told the Times that they were close.",
     ["Los Angeles Times", "Los Angeles Times"]),
    ("Nicely told the Enquirer that she was at the zoo with a group of children.", ["The Enquirer"]),
    ("Perhaps The Guardian's guru deserves the honor. The Guardian says it has confirmed the fund paid no tax.",
     ["The Guardian"]),
    # a masthead word that is also a star, a critic's object, or a word after "the" in lower case
    ("Parameters like the Sun's azimuth and elevation above the horizon revealed the size.", []),
    ("Smith has been a critic of the Times for years.", []),
    ("She told the times of her life in the village.", []),
])
def test_a_paper_by_its_masthead_word(nlp: Any, text: str, expected: list[str]) -> None:
    assert _cites(nlp, text) == expected


def test_papers_abroad_the_wires_cite_by_name_are_sources(nlp: Any) -> None:
    # giveme5w1h (Reuters, North Korea; The Verge, Panama Papers): the small model tags
    # "Chosun Ilbo" and "Sueddeutsche Zeitung" people, and no word of the name says paper
    assert _cites(nlp, "Lighthouse Winmore is registered in the Marshall Islands, according to Chosun Ilbo.") == [
        "Chosun Ilbo"]
    assert _cites(nlp, "S\u00fcddeutsche Zeitung says only that it was contacted by an \"anonymous source\" over "
                       "a year ago.") == ["S\u00fcddeutsche Zeitung"]
    # the same words as someone's name are none ("Mr. Chosun said")
    assert _cites(nlp, "Park Chosun said the ship was registered in Malaysia until mid-2017.") == []


def test_an_outlet_the_model_took_for_a_person_is_an_organisation(nlp: Any) -> None:
    # giveme5w1h: "Yonhap", "Xinhua", "Bloomberg" and "Axios" had been listed as people; a
    # full personal name keeps a person ("Michael Bloomberg said")
    from newsdesk.extract.entities import canonicalize_entities, extract_mentions

    text = ("The six-year-old fell into the 80m-deep well in Hebei province while harvesting vegetables on Sunday, "
            "state media Xinhua reported.\n"
            "Michael Bloomberg said the vote was close. Bloomberg added that he would not run.")
    art = _article("y", text)
    doc = nlp(text)
    assert [e.label_ for e in doc.ents if e.text == "Xinhua"] == ["PERSON"]  # what the model says
    types = {e.name: e.type for e in canonicalize_entities([art], {"y": extract_mentions(art, doc)})}
    assert types.get("Xinhua") == "ORG", types
    assert types.get("Michael Bloomberg") == "PERSON", types


def test_a_papers_own_masthead_is_no_other_source(nlp: Any) -> None:
    # a New York Times page's "told The Times" is its own reporting; the same words on
    # another outlet's page cite the Times
    text = '"We were on the inside," Harris told The Times. "We know what the companies measure."'
    own_text = "The New York Times spoke to him. " + text
    own = Article(id="p", source="p", text=own_text, raw_text=own_text, outlet="www.nytimes.com")
    other = Article(id="q", source="q", text=text, raw_text=text, outlet="www.businessinsider.de")
    assert extract_citations(own, nlp(own.text), []) == ()
    assert [c.cites for c in extract_citations(other, nlp(text), [])] == ["The Times"]


def test_a_described_source_resolves_to_its_entity(nlp: Any) -> None:
    text = "Crouch told CNN affiliate KTVT the crowd ran. KTVT reported the road was closed."
    ktvt = Entity("k", "KTVT", "ORG", ("KTVT",), (), ())
    assert [c.cites_entity_id for c in extract_citations(_article("p", text), nlp(text), [ktvt])] == ["k", "k"]


def test_a_syndication_line_cites_its_outlet_and_is_no_claim(nlp: Any) -> None:
    # giveme5w1h (CBS News; a feed copy of BGR): the syndication line had been a corroborated
    # key fact, and the outlet it names no citation
    from newsdesk.extract.claims import extract_claims
    from newsdesk.model import ArticleAnnotations

    for text, outlet in (
        ("Apple shipped the phone in 2017.\nThis article originally appeared on CNET.", "CNET"),
        ("China’s Tiangong-1 space station is out of control and will soon fall to Earth originally appeared on "
         "BGR.com on Mon, 1 Jan 2018 at 10:05:01 EDT. Please see our terms for use of feeds.", "BGR.com"),
    ):
        art = _article("syn", text)
        doc = nlp(text)
        assert outlet in [c.cites for c in extract_citations(art, doc, [])]
        claims = extract_claims(art, doc, ArticleAnnotations(art.id))
        assert not [c for c in claims if "originally appeared" in c.evidence.text]
    # a first appearance in another sense is neither
    text = "The band's song first appeared on the radio in 1990, and the image first appeared in The New York Times."
    assert extract_citations(_article("band", text), nlp(text), []) == ()


# giveme5w1h (North Korea's missile launch, CNN): an outlet's staff speak for it, and a parse
# that joins the outlet to the next clause's subject ("told CNN Abe was") still cites the outlet
@pytest.mark.parametrize(("text", "expected"), [
    ("But CNN's Tokyo producer Yoko Wakatsuki said broader reaction in Tokyo and across national media "
     "was more measured.", ["CNN"]),
    ("\"People know what North Korea is doing is a little bit of provocation,\" CNN Tokyo producer Yoko "
     "Wakatsuki said.", ["CNN"]),
    ("But Heigo Sato, vice president of the Institute of World Studies at Takushoku University, told CNN Abe "
     "was first and foremost trying to change the constitution.", ["CNN"]),
    ("Her story came in an interview with New York Times columnist Maureen Dowd.", ["New York Times"]),
    # a person whose name opens with an outlet's is no outlet, nor one whose title holds one
    ("\"We will find them,\" Sky Brown said on Tuesday.", []),
    ("Change is already happening around the globe, PETA Senior Vice President Lisa Lange said this year.", []),
])
def test_an_outlets_staff_cite_the_outlet(nlp: Any, text: str, expected: list[str]) -> None:
    assert _cites(nlp, text) == expected


def test_one_source_under_two_names_is_one_origin(nlp: Any) -> None:
    # giveme5w1h (North Korea stories): one article cites "the Yonhap news agency", another
    # "Yonhap"; counted as two independent origins before
    from newsdesk.crosscheck.sources import independence

    assert outlet_key("the Yonhap news agency") == outlet_key("Yonhap") == "yonhap"
    assert outlet_key("RT.com") == outlet_key("RT") and outlet_key("BBC News") == outlet_key("BBC")
    assert outlet_key("Secret Service") == "secret service" and outlet_key("China Daily") == "china daily"
    texts = {"a": "Citing South Korean officials, the Yonhap news agency reports that the ship is suspected.",
             "b": "The South Korean authorities inspected a vessel in late November, Yonhap reported."}
    yonhap = Entity("y", "Yonhap", "ORG", ("Yonhap",), (), ())
    raw = {aid: extract_citations(_article(aid, t), nlp(t), [yonhap]) for aid, t in texts.items()}
    assert {c.cites for cits in raw.values() for c in cits} == {"Yonhap news agency", "Yonhap"}
    cits = canonical_citations(raw)
    assert [(c.cites, c.cites_entity_id) for aid in "ab" for c in cits[aid]] == [("Yonhap", "y")] * 2
    origins = {aid: [c.cites for c in raw[aid]] for aid in "ab"}
    assert independence(["a", "b"], origins, {})["independent_origins"] == 1
