"""Attribution claims: a source several outlets cite is a statement they share."""

from __future__ import annotations

from typing import Any

import pytest

from newsdesk.crosscheck.attribution import with_attributions
from newsdesk.extract.citations import extract_citations
from newsdesk.model import ATTRIBUTION, Article, ClaimGroup

TEXTS = {
    "a": "Maduro wrote to Putin, according to a report by The Washington Post. Oil prices fell.",
    "b": "Official memos obtained by The Washington Post show the requests. Oil prices fell.",
    "c": "Maduro wrote to Putin. This was reported by The Washington Post.",
    "d": "Maduro wrote to Putin. This was reported by Reuters.",
}


def _article(aid: str, duplicate_of: str | None = None) -> Article:
    return Article(id=aid, source=f"{aid}.txt", text=TEXTS[aid], raw_text=TEXTS[aid], duplicate_of=duplicate_of)


def _group(art: Article, phrase: str, kind: str = "fact") -> ClaimGroup:
    start = art.text.index(phrase)
    return ClaimGroup(id=f"g{art.id}{start}", text=phrase, kind=kind, status="single-source", support_count=1,
                      origins=(), evidence=(art.evidence(start, start + len(phrase)),))


@pytest.fixture(scope="module")
def cited(nlp: Any) -> dict[str, Any]:
    arts = {k: _article(k) for k in TEXTS}
    return {"arts": arts, "cits": {k: extract_citations(a, nlp(a.text), []) for k, a in arts.items()}}


def test_a_source_cited_by_several_outlets_is_one_attribution_claim(cited: dict[str, Any]) -> None:
    arts, cits = cited["arts"], cited["cits"]
    credit = _group(arts["c"], "This was reported by The Washington Post.")
    fact = _group(arts["a"], "Oil prices fell.")
    out = with_attributions([credit, fact], [*cits["a"], *cits["b"], *cits["c"]], {k: k for k in arts})
    attr = [g for g in out if g.kind == ATTRIBUTION]
    assert len(attr) == 1 and attr[0].support_count == 3 and attr[0].status == "corroborated"
    assert attr[0].text == "Attributed to The Washington Post."
    # each article's words naming the source; the credit sentence stands whole for its article
    assert [e.text for e in attr[0].evidence] == [
        "The Washington Post", "The Washington Post", "This was reported by The Washington Post."]
    # the credit sentence is folded into the source's claim, the fact stays as it was
    assert credit not in out and fact in out


def test_one_outlet_or_its_copies_citing_a_source_make_no_claim(cited: dict[str, Any]) -> None:
    arts, cits = cited["arts"], cited["cits"]
    credit = _group(arts["d"], "This was reported by Reuters.")
    out = with_attributions([credit], cits["d"], {"d": "d"})
    # a credit sentence no other outlet shares stays one claim, as an attribution, not a fact
    assert [g.kind for g in out] == [ATTRIBUTION] and out[0].evidence == credit.evidence
    # "b" a near-duplicate of "a": one outlet's report, whatever it cites
    copies = with_attributions([], [*cits["a"], *cits["b"]], {"a": "a", "b": "a"})
    assert copies == ()
    both = with_attributions([], [*cits["a"], *cits["b"]], {"a": "a", "b": "b"})
    assert [g.support_count for g in both] == [2]


def test_deterministic_ids(cited: dict[str, Any]) -> None:
    arts, cits = cited["arts"], cited["cits"]
    family = {k: k for k in arts}
    one = with_attributions([], [*cits["a"], *cits["c"]], family)
    two = with_attributions([], [*cits["c"], *cits["a"]], family)
    assert one == two and one[0].id.startswith("g")
