"""The entities eval suite on a MEANTIME subset (the full run is `newsdesk eval entities`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.eval import entities as suite
from newsdesk.eval.base import SuiteResult

# 12 documents (the first Airbus articles in key order): ~150 named gold mentions,
# enough for cross-document chains (Airbus, Boeing, EADS, US) and a few seconds of spaCy.
SUBSET = 12


@pytest.fixture(scope="module")
def folder(meantime_dir: Path) -> Path:
    return meantime_dir


@pytest.fixture(scope="module")
def result(data_dir: Path, folder: Path) -> SuiteResult:
    return suite.run(data_dir, limit=SUBSET)


def test_rebuilt_text_holds_every_gold_mention(folder: Path) -> None:
    """Token offsets are right: each gold extent reads the annotated tokens."""
    docs = suite.load_documents(folder / "meantime.conll")
    assert len(docs) == 120
    records = json.loads((folder / "entities_mentions.json").read_text(encoding="utf-8"))
    checked = 0
    for rec in records[:400]:
        doc = docs[rec["conll_doc_key"]]
        spans = [doc.tokens[(rec["sent_id"], t)] for t in sorted(rec["tokens_number"])]
        if rec["is_continuous"]:
            got = doc.text[spans[0][0]:spans[-1][1]]
            assert "".join(got.split()) == "".join(rec["tokens_str"].split())
            checked += 1
    assert checked > 350


def test_gold_heads_lie_inside_their_extent(folder: Path) -> None:
    docs = suite.load_documents(folder / "meantime.conll")
    gold = suite.load_gold(folder / "entities_mentions.json", docs)
    named = [g for g in gold if g.named]
    assert len(named) > 1000
    for g in named:
        assert g.start <= g.head[0] < g.head[1] <= g.end
        assert g.start <= g.name[0] <= g.head[0] and g.head[1] <= g.name[1] <= g.end


def test_bcubed_on_hand_checked_clusterings() -> None:
    gold = ["a", "a", "b", "b"]
    assert suite.bcubed(["x", "x", "y", "y"], gold) == (1.0, 1.0, 1.0)
    p, r, f = suite.bcubed(["x", "y", "z", "w"], gold)  # all singletons: P=1, R=1/2
    assert (p, r) == (1.0, 0.5) and f == pytest.approx(2 / 3)
    p, r, _ = suite.bcubed(["x", "x", "x", "x"], gold)  # one cluster: P=1/2, R=1
    assert (p, r) == (0.5, 1.0)


def test_suite_reports_named_metrics_in_range(result: SuiteResult) -> None:
    assert result.skipped is None
    m = result.metrics
    assert m["entities.meantime.documents"] == SUBSET
    for name in ("ner.micro_f1", "ner.span_f1", "cdcr.bcubed_f1", "cdcr_baseline_exact.bcubed_f1",
                 "cdcr_predicted.bcubed_f1", "ner.org_f1", "ner.per_f1", "ner.loc_f1"):
        assert 0.0 <= m[f"entities.meantime.{name}"] <= 1.0, name
    assert {row["type"] for row in result.rows} == set(suite.MEANTIME_TYPES)


def test_ner_finds_most_named_mentions(result: SuiteResult) -> None:
    m = result.metrics
    assert m["entities.meantime.ner.span_r"] > 0.6
    assert m["entities.meantime.ner.org_f1"] > 0.6  # airline and maker names
    # counting unannotated names as errors can only lower precision
    assert m["entities.meantime.ner.strict_micro_p"] <= m["entities.meantime.ner.micro_p"]


def test_canonical_merging_beats_exact_strings(result: SuiteResult) -> None:
    m = result.metrics
    assert m["entities.meantime.cdcr.bcubed_f1"] > m["entities.meantime.cdcr_baseline_exact.bcubed_f1"]
    assert m["entities.meantime.cdcr.bcubed_r"] > m["entities.meantime.cdcr_baseline_exact.bcubed_r"]
    assert m["entities.meantime.cdcr.bcubed_p"] > 0.85


def test_missing_data_skips(tmp_path: Path) -> None:
    assert suite.run(tmp_path).skipped
