"""The claims eval suite: a small real subset with real assertions."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.eval import claims as suite
from newsdesk.settings import Settings

LINE = ("aligned pairs 6/36, false merges 2, single-source 9/10, contradictions found ['X01', 'X02'] of "
        "['X01', 'X02', 'X03'], traps flagged [], contradictions total 3, boilerplate lines left 0/15, "
        "gold evidence lost by cleaning 0")


def test_parse_score_line() -> None:
    figures = suite.parse_score_line(LINE)
    assert figures["aligned_pairs"] == 6 and figures["aligned_pair_recall"] == pytest.approx(6 / 36)
    assert figures["false_merges"] == 2 and figures["contradictions_found"] == 2
    assert figures["contradictions_gold"] == 3 and figures["traps_flagged"] == 0
    assert suite.parse_score_line("gold docs not found in report: ['000']") == {}


def test_mrpc_alignment_subset(data_dir: Path) -> None:
    rows = suite.load_mrpc(data_dir, 80)
    assert len(rows) == 80
    p, r, f = suite.alignment_prf([y for y, _, _ in rows], suite.pair_signals([(a, b) for _, a, b in rows], Settings()))
    # dev figures on the first 400 pairs: P 0.74, R 0.92; MRPC negatives are near-paraphrases
    assert p >= 0.68 and r >= 0.75 and f >= 0.72, (p, r, f)


def test_claimdiff_weakens_are_rarely_flagged(data_dir: Path) -> None:
    rows = suite.load_claimdiff(data_dir, "W", 60)
    pred = suite.contradiction_predictions([(a, b) for _, a, b in rows], Settings())
    assert len(pred) == len(rows)
    # ClaimDiff "weakens" pairs are argumentative, not factual clashes: precision over recall
    # means few flags at all, and never on most of the non-weakening pairs
    false_flags = sum(1 for (y, _, _), p in zip(rows, pred, strict=True) if p and not y)
    assert false_flags <= 2


def test_fever_text_is_detokenized() -> None:
    raw = "Michael Dwayne Vick -LRB- born June 26 , 1980 -RRB- is n't `` Mike '' -- he 's a quarterback ."
    assert suite.detokenize(raw) == 'Michael Dwayne Vick (born June 26, 1980) isn\'t "Mike" – he\'s a quarterback.'


def test_fever_supports_pairs_are_not_flagged(data_dir: Path) -> None:
    rows = suite.load_fever(data_dir, 400)
    if not rows:
        pytest.skip("fever-symmetric is absent")
    assert len(rows) == 400 and {y for y, _, _ in rows} == {0, 1}
    pred = suite.contradiction_predictions([(a, b) for _, a, b in rows], Settings())
    # every SUPPORTS pair flagged is a false contradiction; "Michael Vick graduated college
    # on June 26th, 1980" against "Michael Dwayne Vick (born June 26, 1980) graduated ..."
    # was one (two people doing one act) until a middle name joined the name without it
    assert [b for (y, _, b), p in zip(rows, pred, strict=True) if p and not y] == []
    # and two years for one founding are found ("Ingushetia was established in 1993" /
    # "It was established on June 4, 1992 after ...": the only one-time act of these pairs
    # that the pair's words align)
    assert any(p and y for (y, _, _), p in zip(rows, pred, strict=True))


def test_gold_example_story(data_dir: Path, gold_dir: Path) -> None:
    gold = gold_dir / "venezuela-russia-2025.json"
    if not (data_dir.parent / "tools" / "score_gold.py").exists():
        pytest.skip("score_gold.py absent")
    figures, line = suite.score_gold_story(gold, data_dir.parent, Settings())
    assert figures, line
    # measured 21/36 (13 before embedded clauses became claims, 19 before a group restating
    # a larger one was folded into it)
    assert figures["aligned_pairs"] >= 20, line
    assert figures["false_merges"] <= 2, line
    assert figures["traps_flagged"] == 0, line
    assert figures["contradictions_found"] >= 2, line  # X01 and X02


def test_allsides_stories_load_and_are_rarely_flagged(data_dir: Path) -> None:
    stories = suite.load_allsides(data_dir, 30)
    if not stories:
        pytest.skip("neus-allsides-mds is absent")
    assert len(stories) == 30 and all(len(docs) == 3 for docs in stories)
    assert all(text.strip() and "TITLE=>" not in text and "[SEP]" not in text for docs in stories for _, text, _ in docs)
    flagged = sum(len(suite.cross_check_texts(docs, Settings())[1].contradictions) for docs in stories)
    # measured 0; the code before stop 9 flagged 1, false ("by former President Obama" read as sitting)
    assert flagged == 0
