"""The extraction eval suite: scorers match the benchmarks' own, figures are sane."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.eval import extraction as ex


@pytest.fixture(scope="module")
def small_run(data_dir: Path) -> ex.SuiteResult:
    """A small deterministic subset: the first 8 fundus and 8 trafilatura-eval pages."""
    return ex.run(data_dir, limit=8, workers=1)


def test_fast_rouge_lsum_equals_rouge_score(data_dir: Path) -> None:
    from rouge_score import rouge_scorer

    root = data_dir / "fundus-evaluation"
    gold = json.loads((root / "ground_truth.json").read_text(encoding="utf-8"))
    stored = json.loads((root / "extractions" / "justext.json").read_text(encoding="utf-8"))
    splitter = ex._sentence_splitter()
    scorer = rouge_scorer.RougeScorer(["rougeLsum"], use_stemmer=False, split_summaries=True)
    original = rouge_scorer.nltk.sent_tokenize
    rouge_scorer.nltk.sent_tokenize = splitter  # the same splitter for both
    try:
        for key in ["Reuters_2.html.gz"]:
            ref = "\n\n".join(p.strip("[]") for p in gold[key]["body"])
            hyp = "\n\n".join(stored[key]["body"])
            want = scorer.score(ref, hyp)["rougeLsum"]
            got = ex.SummaryLCS(ex.rouge_sentences(hyp)).score(ex.rouge_sentences(ref))
            assert got == pytest.approx((want.precision, want.recall, want.fmeasure), abs=1e-12)
    finally:
        rouge_scorer.nltk.sent_tokenize = original


def test_optional_paragraph_variants() -> None:
    body = ["a", "[b]", "c", "[d]"]
    assert sorted(ex.reference_bodies(body)) == sorted(["a\n\nb\n\nc\n\nd", "a\n\nc\n\nd", "a\n\nb\n\nc", "a\n\nc"])
    many = ["x", *[f"[{i}]" for i in range(6)]]
    assert len(list(ex.reference_bodies(many))) == 2  # over 4 optional: all kept / all dropped


def test_snippet_counts_follow_the_trafilatura_rule() -> None:
    item = {"with": ["Die GEMA  dreht", "fehlt"], "without": ["Impressum", "31. Mai"]}
    assert ex.snippet_counts(item, "Text: Die GEMA\ndreht völlig. Impressum") == (1, 1, 1, 1)


def test_stored_trafilatura_rescore_matches_published_scores(data_dir: Path, small_run: ex.SuiteResult) -> None:
    """Our scorer reproduces fundus-evaluation's own per-page ROUGE-LSum for trafilatura 1.12."""
    import csv

    root = data_dir / "fundus-evaluation"
    with (root / "scores" / "rouge_lsum.tsv").open(encoding="utf-8") as fh:
        published = {r["article"]: float(r["f1_score"]) for r in csv.DictReader(fh, delimiter="\t")
                     if r["scraper"] == "trafilatura"}
    keys = sorted(published)[:8]
    row = next(r for r in small_run.rows if r["system"] == "trafilatura-1.12 (stored)")
    assert row["f1"] == pytest.approx(sum(published[k] for k in keys) / len(keys), abs=1e-4)


def test_small_run_figures_are_sane(small_run: ex.SuiteResult) -> None:
    m = small_run.metrics
    assert small_run.skipped is None
    for system in ex.systems("fundus"):
        for dataset in ("fundus", "trafeval"):
            for key in ("precision", "recall", "f1"):
                assert 0.0 <= m[f"extraction.{dataset}.{system}.{key}"] <= 1.0
    assert m["extraction.fundus.newsdesk.f1"] > 0.9
    assert m["extraction.fundus.newsdesk.f1"] >= m["extraction.fundus.trafilatura.f1"] - 0.02
    assert m["extraction.trafeval.newsdesk.f1"] > 0.7
    assert m["extraction.newsdesk.pages_per_s"] > 0.2
    fundus_rows = [r for r in small_run.rows if r["set"] == "fundus" and r.get("pages")]
    assert all(r["pages"] == 8 for r in fundus_rows)
    published = [r for r in small_run.rows if str(r["system"]).startswith("published")]
    assert {r["set"] for r in published} == {"fundus", "trafeval"}


def test_a_broken_extractor_scores_zero(data_dir: Path) -> None:
    page = ex.fundus_pages(data_dir / "fundus-evaluation", limit=1)[0]

    def broken(html: bytes, url: str | None) -> str:
        raise RuntimeError("boom")

    text = ex.safe_extract(broken, page.html, page.url)
    assert text == "" and ex.fundus_score(page.gold, ex.output_paragraphs(text)) == (0.0, 0.0, 0.0)
    good = ex.fundus_score(page.gold, ex.output_paragraphs(ex.run_newsdesk(page.html, page.url)))
    assert good[2] > 0.8


def test_missing_data_skips(tmp_path: Path) -> None:
    result = ex.run(tmp_path)
    assert result.skipped and "fundus-evaluation" in result.skipped
