"""The speakers eval suite on MEANTIME (the full run is `newsdesk eval speakers`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsdesk.eval import speakers as suite
from newsdesk.eval.entities import load_documents
from newsdesk.extract.entities import canonicalize_entities, extract_mentions
from newsdesk.extract.quotes import extract_quotes
from newsdesk.model import Article


@pytest.fixture(scope="module")
def folder(meantime_dir: Path) -> Path:
    return meantime_dir


def _quotes(folder: Path, nlp: Any, opening: str) -> tuple[str, list[Any]]:
    """The text and quotes of the MEANTIME document whose text opens with ``opening``."""
    docs = load_documents(folder / "meantime.conll", quote_marks=True)
    [key] = [k for k, d in docs.items() if d.text.startswith(opening)]
    return _quotes_of(docs, key, nlp)


def _quotes_of(docs: Any, key: str, nlp: Any) -> tuple[str, list[Any]]:
    art = Article(id=key, source=key, text=docs[key].text, raw_text=docs[key].text)
    doc = nlp(art.text)
    entities = canonicalize_entities([art], {key: extract_mentions(art, doc)})
    return art.text, list(extract_quotes(art, doc, entities))


def test_conll_quote_tokens_read_as_curly_quotes(folder: Path) -> None:
    docs = load_documents(folder / "meantime.conll", quote_marks=True)
    text = next(d.text for d in docs.values() if "\u201c" in d.text)
    assert "``" not in text and "''" not in text
    assert "\u201c " not in text and " \u201d" not in text  # no space inside the marks
    plain = load_documents(folder / "meantime.conll")
    assert sum(len(d.text) for d in plain.values()) > sum(len(d.text) for d in docs.values())


def test_he_stated_through_a_long_press_conference_is_the_ceo(folder: Path, nlp: Any) -> None:
    # Wikinews (GM bankruptcy): Fritz Henderson is named twice, then "He stated ..." a dozen
    # times; "Henderson" alone is tagged a place (a city of that name), and every "he
    # stated" after the eighth sentence had no speaker
    text, quotes = _quotes(folder, nlp, "CEO of GM outlines plan")
    said = [q for q in quotes if "he stated" in text[text.rfind("\n", 0, q.evidence.start):q.evidence.start].lower()]
    assert len(said) >= 4
    assert all(q.speaker == "Fritz Henderson" for q in said), [(q.speaker, q.text) for q in said]


def test_a_pronoun_of_his_own_clause_says_the_gender_of_an_unlisted_name(folder: Path, nlp: Any) -> None:
    # Wikinews (GM bankruptcy): "Barack" is in no given-name list; "Obama explained the
    # rationale behind his proposed reorganization plan" says a man, so the chain of "he
    # stated" five sentences on reaches him
    text, quotes = _quotes(folder, nlp, "Barack Obama presents rescue plan")
    said = [q for q in quotes if " he stated" in text[text.rfind("\n", 0, q.evidence.start):q.evidence.start]]
    assert len(said) >= 3
    assert all(q.speaker and q.speaker.endswith("Obama") for q in said), [(q.speaker, q.text) for q in said]


def test_suite_scores_speakers_against_the_person_chains(data_dir: Path, folder: Path) -> None:
    result = suite.run(data_dir, limit=20)
    m = result.metrics
    assert m["speakers.meantime.quotes"] >= 5
    assert m["speakers.meantime.pronoun_quotes"] <= m["speakers.meantime.quotes"]
    assert 0.0 <= m["speakers.meantime.accuracy"] <= m["speakers.meantime.precision"] <= 1.0
    assert sum(row["n"] for row in result.rows if row["quotes"] == "all") == m["speakers.meantime.quotes"]


def test_a_name_after_a_second_role_names_the_speaker(folder: Path, nlp: Any) -> None:
    # Wikinews (GM sales): "said the vice president and chairman of Chrysler LLC Jim Press"
    # gave "the vice president": the name hangs on the second role, after the firm
    docs = load_documents(folder / "meantime.conll", quote_marks=True)
    [key] = [k for k, d in docs.items() if "said the vice president and chairman of Chrysler LLC Jim Press" in d.text]
    _, quotes = _quotes_of(docs, key, nlp)
    said = [q for q in quotes if q.text.startswith("The market is starting to show")]
    assert [q.speaker for q in said] == ["Jim Press"]
