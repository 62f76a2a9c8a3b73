"""The stories eval suite on a small real subset, and its metric helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.eval.base import SuiteResult
from newsdesk.eval.stories import bcubed, cluster_scores, parse_loose_date, run


@pytest.fixture(scope="module")
def small_run(data_dir: Path) -> SuiteResult:
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("hdbscan")
    return run(data_dir, limit=45)


def test_suite_reports_every_method_and_level(small_run: SuiteResult) -> None:
    assert small_run.skipped is None
    m = small_run.metrics
    for level in ("giveme5w1h", "ecbplus_subtopic", "ecbplus_topic"):
        for method in ("newsdesk", "tfidf_agglomerative", "embeddings_hdbscan", "embeddings_agglomerative_oracle"):
            for name in ("bcubed_p", "bcubed_r", "bcubed_f1", "pairwise_f1", "ari", "nmi"):
                key = f"stories.{level}.{method}.{name}"
                assert key in m, key
                assert -1.0 <= m[key] <= 1.0
    assert m["stories.giveme5w1h.newsdesk.articles_per_s"] > 0
    assert len(small_run.rows) == 12


def test_suite_figures_are_sane(small_run: SuiteResult) -> None:
    m = small_run.metrics
    assert m["stories.giveme5w1h.newsdesk.bcubed_f1"] >= 0.7
    assert m["stories.ecbplus_subtopic.newsdesk.bcubed_f1"] >= 0.6
    # coarser gold (topics contain sub-topics): B-cubed precision can only rise, recall only fall
    assert m["stories.ecbplus_topic.newsdesk.bcubed_p"] >= m["stories.ecbplus_subtopic.newsdesk.bcubed_p"]
    assert m["stories.ecbplus_topic.newsdesk.bcubed_r"] <= m["stories.ecbplus_subtopic.newsdesk.bcubed_r"]
    # near-duplicates: synthetic copies all found, never across originals, never across stories
    assert m["stories.dedup.synthetic.recall"] == 1.0 and m["stories.dedup.synthetic.false_merges"] == 0
    assert m["stories.dedup.synthetic.originals"] >= 10
    assert m["stories.dedup.giveme5w1h.same_story_precision"] == 1.0


def test_bcubed_by_hand() -> None:
    gold = ["a", "a", "b", "b"]
    assert bcubed(gold, [0, 0, 1, 1]) == (1.0, 1.0, 1.0)
    p, r, f = bcubed(gold, [0, 0, 0, 0])  # one big cluster: precision 1/2, recall 1
    assert (p, r) == (0.5, 1.0) and abs(f - 2 / 3) < 1e-12
    p, r, _ = bcubed(gold, [0, 1, 2, 3])  # singletons: precision 1, recall 1/2
    assert (p, r) == (1.0, 0.5)
    scores = cluster_scores(gold, [0, 0, 1, 2])
    assert scores["pairwise_p"] == 1.0 and scores["pairwise_r"] == 0.5


@pytest.mark.parametrize(("raw", "iso"), [
    ("Published : Dec. 19, 2005 at 9 : 44 PM He was 77.", "2005-12-19"),
    ("Thursday 29 July 2004 08.23 BST He was 75.", "2004-07-29"),
    ("PUBLISHED : WEDNESDAY, MARCH 13, 2013, 2 : 29 PM", "2013-03-13"),
    ("8 / 2 / 13 at 1 : 30 PM", None),
    (None, None),
])
def test_parse_loose_date(raw: str | None, iso: str | None) -> None:
    assert parse_loose_date(raw) == iso
