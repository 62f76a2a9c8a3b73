"""Eval suite ``extraction``: HTML -> article text, newsdesk against the usual extractors.

Two public sets, scored exactly as their own harnesses score them:

* fundus-evaluation (80 English news pages): ROUGE-LSum (rouge-score, no stemmer,
  ``split_summaries=True``) between the "\\n\\n"-joined reference paragraphs and the
  "\\n\\n"-joined, whitespace-normalised output lines; the best F1 over the variants of
  optional "[...]" paragraphs kept/dropped (all subsets when there are at most 4, else
  all kept / all dropped); mean over pages. With the stored upstream trafilatura 1.12
  extractions this reproduces the published per-page scores exactly (max |diff| 0.0
  over the 80 pages), which the ``trafilatura-1.12 (stored)`` row re-checks each run.
* trafilatura-eval (990 pages, mostly German): per page, each "with" snippet found in
  the whitespace-normalised output is a TP (else FN), each "without" snippet found is an
  FP (else TN); micro P/R/F1 over pages (F1 = 2TP / (2TP + FP + FN)). A crash = empty.

Every system sees the same pages. ``newsdesk`` is ``read_html`` + the min-length gate of
``read_inputs`` + ``clean.clean_document`` (the text the rest of the pipeline reads).
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from newsdesk.errors import InputError
from newsdesk.eval.base import SuiteResult, require, skip
from newsdesk.ingest.decode import decode_bytes
from newsdesk.ingest.html import read_html
from newsdesk.settings import Settings

SUITE = "extraction"
Extractor = Callable[[bytes, str | None], str]

# trafilatura-eval pages scored by default: every 3rd of the 990 (evaldata.json order,
# i % 3 == 0; disjoint from the i % 6 == 1 pages the ingest options were tuned on). The
# default run (80 + 330 pages, five systems, 2 worker processes) used 150 s of CPU in all
# (user 147 s + sys 3 s), i.e. ~80 s wall on 2 idle cores; on the shared 2-core dev box at
# load average ~5 it took 275 s wall. ``limit`` overrides the subset.
TRAFEVAL_STRIDE = 3
# fundus: rouge-score's cap on optional paragraphs enumerated (fundus-evaluation default).
MAX_OPTIONAL_PARAGRAPHS = 4

# Published figures (P, R, F1), as fractions, copied from each set's SOURCE.txt.
PUBLISHED: dict[str, dict[str, tuple[float, float, float]]] = {
    "fundus": {  # fundus-evaluation README, v0.2.0, ROUGE-LSum means over the 80 pages
        "Fundus 0.4.1": (0.9989, 0.9675, 0.9769),
        "Trafilatura 1.12.0": (0.9391, 0.9685, 0.9362),
        "news-please 1.6.13": (0.9795, 0.9189, 0.9339),
        "BTE": (0.8109, 0.9823, 0.8714),
        "jusText 3.0.1": (0.8651, 0.9023, 0.8696),
        "BoilerNet": (0.8596, 0.9121, 0.8652),
        "Boilerpipe 1.3.0": (0.8289, 0.8211, 0.7990),
    },
    "trafeval": {  # trafilatura docs/evaluation.rst, Results 2026-08-04, all 990 pages
        "trafilatura 2.2.0 (standard)": (0.906, 0.943, 0.924),
        "trafilatura 2.2.0 (precision)": (0.925, 0.915, 0.920),
        "readability-lxml 0.8.4.1": (0.898, 0.764, 0.826),
        "newspaper4k 0.9.6": (0.878, 0.736, 0.801),
        "news-please 1.6.16": (0.932, 0.758, 0.836),
        "justext 3.0.2 (custom)": (0.864, 0.859, 0.862),
    },
}


# ---------------------------------------------------------------- systems under test


def _as_text(html: bytes) -> str:
    """Decoded page for extractors that need ``str`` (newsdesk's decoder; None -> "")."""
    try:
        return decode_bytes(html, "eval")[0]
    except InputError:
        return ""


def run_trafilatura(html: bytes, url: str | None) -> str:
    """trafilatura with its default settings (comments and tables included)."""
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def run_newspaper(html: bytes, url: str | None) -> str:
    from newspaper import fulltext

    return fulltext(_as_text(html))


def run_readability(html: bytes, url: str | None) -> str:
    """readability-lxml's summary HTML, one block element per line."""
    import lxml.html
    from readability import Document

    summary = Document(_as_text(html), url=url).summary(html_partial=True)
    root = lxml.html.fromstring(summary)
    blocks = root.xpath("//p|//h1|//h2|//h3|//h4|//h5|//h6|//li|//pre|//blockquote|//td|//dd|//dt")
    leaves = [b for b in blocks if not any(a in blocks for a in b.iterancestors())]
    return "\n".join(b.text_content() for b in leaves) if leaves else root.text_content()


@cache
def _stoplist(language: str) -> frozenset[str]:
    import justext

    return frozenset(justext.get_stoplist(language))


def run_justext_fundus(html: bytes, url: str | None) -> str:
    """jusText as fundus-evaluation runs it (English stoplist, headings kept)."""
    import justext

    paragraphs = justext.justext(html, _stoplist("English"), length_low=50, length_high=200,
                                 stopwords_low=0.1, stopwords_high=0.2, max_link_density=0.2,
                                 max_heading_distance=200, no_headings=False)
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def run_justext_trafeval(html: bytes, url: str | None) -> str:
    """jusText as trafilatura's evaluation runs it (German stoplist, its parameters)."""
    import justext

    paragraphs = justext.justext(html, _stoplist("German"), 50, 200, 0.1, 0.2, 0.2, 200, True)
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def _clean_document() -> Callable[[Any, Settings], Any] | None:
    try:
        from newsdesk.clean import clean_document
    except ImportError:
        return None
    return clean_document  # type: ignore[no-any-return]


def run_newsdesk(html: bytes, url: str | None) -> str:
    """newsdesk ingest (read_html + length gate) + clean: what later stages read."""
    settings = _SETTINGS
    try:
        raw = read_html(html, "eval", url=url)
        if len(raw.text.strip()) < settings.min_article_chars:
            return ""
        clean = _clean_document()
        return clean(raw, settings).text if clean is not None else raw.text
    except InputError:  # includes ExtractionError: the pipeline would skip the page
        return ""


_SETTINGS = Settings()


def systems(dataset: str) -> dict[str, Extractor]:
    """The systems compared on ``dataset`` ("fundus" or "trafeval"), newsdesk first."""
    justext_run = run_justext_fundus if dataset == "fundus" else run_justext_trafeval
    return {"newsdesk": run_newsdesk, "trafilatura": run_trafilatura, "newspaper4k": run_newspaper,
            "readability": run_readability, "justext": justext_run}


def safe_extract(extractor: Extractor, html: bytes, url: str | None) -> str:
    """Run one extractor; any crash counts as empty output, as both harnesses do."""
    try:
        return extractor(html, url) or ""
    except Exception:  # noqa: BLE001 - third-party extractors raise anything; scored as empty
        return ""


# ---------------------------------------------------------------- fundus-evaluation


@dataclass(frozen=True)
class Page:
    key: str
    html: bytes
    url: str | None
    gold: Any  # fundus: list of paragraphs; trafeval: {"with": [...], "without": [...]}


def fundus_pages(root: Path, limit: int | None = None) -> list[Page]:
    gt = json.loads((root / "ground_truth.json").read_text(encoding="utf-8"))
    keys = sorted(gt)[:limit] if limit is not None else sorted(gt)
    return [Page(k, gzip.decompress((root / "html" / k).read_bytes()), gt[k].get("url"), gt[k]["body"])
            for k in keys]


def _is_optional(paragraph: str) -> bool:
    return paragraph[:1] == "[" and paragraph[-1:] == "]"


def reference_bodies(body: Sequence[str], max_optional: int = MAX_OPTIONAL_PARAGRAPHS) -> Iterator[str]:
    """The reference texts to score against: optional "[...]" paragraphs kept or dropped."""
    optional = [i for i, p in enumerate(body) if _is_optional(p)]
    if len(optional) > max_optional:
        drops: Iterator[tuple[int, ...]] = iter([(), tuple(optional)])
    else:
        drops = itertools.chain.from_iterable(itertools.combinations(optional, n) for n in range(len(optional) + 1))
    for drop in drops:
        yield "\n\n".join(p[1:-1] if _is_optional(p) else p for i, p in enumerate(body) if i not in drop)


@cache
def _sentence_splitter() -> Callable[[str], list[str]]:
    """NLTK's English Punkt model when its data is installed, else untrained Punkt.

    Untrained Punkt reproduces the published fundus-evaluation scores exactly on the
    stored trafilatura extractions (all 80 pages), so the data is not required.
    """
    import nltk
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    try:
        nltk.data.find("tokenizers/punkt_tab/english/")
    except LookupError:
        return PunktSentenceTokenizer().tokenize
    return nltk.sent_tokenize  # type: ignore[no-any-return]


def rouge_sentences(text: str) -> list[list[str]]:
    """rouge-score's rougeLsum input: split_summaries sentences, each tokenised by rouge-score."""
    from rouge_score.tokenize import tokenize

    return [tokenize(s, None) for s in _sentence_splitter()(text) if s]


def _lcs_union(ref: Sequence[int], hyp: Sequence[int], starts: Sequence[int], lengths: Sequence[int]) -> list[int]:
    """Sorted union of the ref indices of rouge-score's LCS with each hypothesis sentence.

    ``hyp`` holds all hypothesis sentences, each preceded by a -1 sentinel at
    ``starts[k]``. The LCS tables of all sentences are filled at once, one numpy row per
    ref token (row = running max of the diagonal/up candidates, reset per sentence), then
    backtracked with rouge-score's exact tie rule, so the chosen LCS is the same.
    """
    import numpy as np

    n_ref = len(ref)
    hyp_arr = np.asarray(hyp, dtype=np.int64)
    offset = np.cumsum(hyp_arr == -1) * (n_ref + 1)  # keeps the running max inside a sentence
    table = np.zeros((n_ref + 1, len(hyp)), dtype=np.int64)
    for i in range(1, n_ref + 1):
        prev = table[i - 1]
        cand = prev.copy()
        match = hyp_arr[1:] == ref[i - 1]
        cand[1:][match] = prev[:-1][match] + 1
        table[i] = np.maximum.accumulate(cand + offset) - offset
    union: set[int] = set()
    rows: list[list[int]] | None = None
    for start, length in zip(starts, lengths, strict=True):
        if table[n_ref, start + length] == 0:
            continue
        rows = rows if rows is not None else table.tolist()
        i, j = n_ref, length
        while i > 0 and j > 0:
            if ref[i - 1] == hyp[start + j]:
                union.add(i - 1)
                i, j = i - 1, j - 1
            elif rows[i][start + j - 1] > rows[i - 1][start + j]:
                j -= 1
            else:
                i -= 1
    return sorted(union)


class SummaryLCS:
    """rouge-score's summary-level LCS (rougeLsum) against one fixed hypothesis.

    Same figures as ``rouge_scorer.RougeScorer(["rougeLsum"]).score`` (checked to 1e-12
    in tests), ~7x faster, and the per-reference-sentence union LCS is memoised, so
    scoring the variants of one reference costs little more than scoring one.
    """

    def __init__(self, hyp_sents: Sequence[Sequence[str]]) -> None:
        self.hyp_sents = hyp_sents
        self.vocab: dict[str, int] = {}
        self.hyp: list[int] = []
        self.starts: list[int] = []
        self.lengths: list[int] = []
        for sent in hyp_sents:
            self.starts.append(len(self.hyp))
            self.lengths.append(len(sent))
            self.hyp += [-1, *self._ids(sent)]
        self.memo: dict[tuple[str, ...], list[int]] = {}

    def _ids(self, tokens: Sequence[str]) -> list[int]:
        return [self.vocab.setdefault(t, len(self.vocab)) for t in tokens]

    def _union(self, ref: Sequence[str]) -> list[int]:
        key = tuple(ref)
        if key not in self.memo:
            self.memo[key] = _lcs_union(self._ids(ref), self.hyp, self.starts, self.lengths)
        return self.memo[key]

    def score(self, ref_sents: Sequence[Sequence[str]]) -> tuple[float, float, float]:
        """(precision, recall, F1) of the hypothesis against ``ref_sents``."""
        m, n = sum(map(len, ref_sents)), sum(map(len, self.hyp_sents))
        if not m or not n:
            return 0.0, 0.0, 0.0
        ref_counts = Counter(t for s in ref_sents for t in s)
        hyp_counts = Counter(t for s in self.hyp_sents for t in s)
        hits = 0
        for ref in ref_sents:  # rouge-score's double-counting guard, in its order
            for k in self._union(ref) if ref else ():
                token = ref[k]
                if hyp_counts[token] > 0 and ref_counts[token] > 0:
                    hits += 1
                    hyp_counts[token] -= 1
                    ref_counts[token] -= 1
        precision, recall = hits / n, hits / m
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def fundus_score(body: Sequence[str], paragraphs: Sequence[str]) -> tuple[float, float, float]:
    """Best ROUGE-LSum (P, R, F1) of ``paragraphs`` over the reference variants."""
    scorer = SummaryLCS(rouge_sentences("\n\n".join(" ".join(p.split()) for p in paragraphs)))
    scores = (scorer.score(rouge_sentences(ref)) for ref in reference_bodies(body))
    return max(scores, key=lambda s: s[2])


def output_paragraphs(text: str) -> list[str]:
    """Output lines as paragraphs, whitespace-normalised, empty ones dropped."""
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


# ---------------------------------------------------------------- trafilatura-eval


def trafeval_pages(root: Path, limit: int | None = None) -> list[Page]:
    """Pages in evaldata.json order: every TRAFEVAL_STRIDE-th, or the first ``limit``."""
    data = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    items = list(data.items())
    chosen = items[:limit] if limit is not None else items[::TRAFEVAL_STRIDE]
    pages = []
    for url, item in chosen:
        path = root / "cache" / f"{item['file']}.gz"
        if not path.exists():
            path = root / "eval" / f"{item['file']}.gz"
        pages.append(Page(item["file"], gzip.decompress(path.read_bytes()), url, item))
    return pages


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def snippet_counts(item: dict[str, list[str]], text: str) -> tuple[int, int, int, int]:
    """(tp, fn, fp, tn) of one page's with/without snippets in ``text``."""
    out = _norm(text)
    found_with = sum(1 for s in item["with"] if _norm(s) in out)
    found_without = sum(1 for s in item["without"] if _norm(s) in out)
    return found_with, len(item["with"]) - found_with, found_without, len(item["without"]) - found_without


# ---------------------------------------------------------------- running

PageScores = dict[str, tuple[tuple[float, ...], float]]  # system -> (scores or counts, seconds)


def score_page(dataset: str, page: Page) -> PageScores:
    """Every system on one page: fundus (P, R, F1) or trafeval (tp, fn, fp, tn), and seconds."""
    out: PageScores = {}
    for name, extractor in systems(dataset).items():
        t0 = time.perf_counter()
        text = safe_extract(extractor, page.html, page.url)
        seconds = time.perf_counter() - t0
        if dataset == "fundus":
            out[name] = (fundus_score(page.gold, output_paragraphs(text)), seconds)
        else:
            out[name] = (tuple(float(c) for c in snippet_counts(page.gold, text)), seconds)
    return out


def _score_all(dataset: str, pages: Sequence[Page], workers: int) -> list[PageScores]:
    """``score_page`` over ``pages``, in order; in a process pool when ``workers`` > 1."""
    if workers <= 1 or len(pages) < 2 * workers:
        return [score_page(dataset, p) for p in pages]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(score_page, [dataset] * len(pages), pages, chunksize=4))


def _timing(row: dict[str, object], seconds: float, pages: int) -> dict[str, object]:
    row["seconds"] = round(seconds, 2)
    row["pages_per_s"] = round(pages / seconds, 2) if seconds else 0.0
    return row


def _fundus_row(name: str, scores: Sequence[tuple[float, ...]]) -> dict[str, object]:
    p, r, f = (statistics.fmean(col) for col in zip(*scores, strict=True))
    return {"set": "fundus", "system": name, "pages": len(scores), "precision": round(p, 4),
            "recall": round(r, 4), "f1": round(f, 4),
            "f1_std": round(statistics.pstdev([s[2] for s in scores]), 4)}


def _trafeval_row(name: str, counts: Sequence[tuple[float, ...]]) -> dict[str, object]:
    tp, fn, fp, tn = (sum(col) for col in zip(*counts, strict=True))
    return {"set": "trafeval", "system": name, "pages": len(counts),
            "precision": round(tp / (tp + fp), 4) if tp + fp else 0.0,
            "recall": round(tp / (tp + fn), 4) if tp + fn else 0.0,
            "f1": round(2 * tp / (2 * tp + fp + fn), 4) if tp + fp + fn else 0.0,
            "accuracy": round((tp + tn) / (tp + fn + fp + tn), 4) if counts else 0.0}


def system_rows(dataset: str, per_page: Sequence[PageScores]) -> list[dict[str, object]]:
    """One row per system: mean (fundus) or micro (trafeval) P/R/F1, seconds, pages/s."""
    make_row = _fundus_row if dataset == "fundus" else _trafeval_row
    rows = []
    for name in systems(dataset):
        scores = [page[name][0] for page in per_page]
        seconds = sum(page[name][1] for page in per_page)
        rows.append(_timing(make_row(name, scores), seconds, len(per_page)))
    return rows


def _stored_trafilatura_row(root: Path, pages: Sequence[Page]) -> dict[str, object] | None:
    """Rescore the stored upstream trafilatura 1.12 extractions: checks our scorer."""
    path = root / "extractions" / "trafilatura.json"
    if not path.exists():
        return None
    stored = json.loads(path.read_text(encoding="utf-8"))
    scores = [fundus_score(p.gold, stored[p.key]["body"]) for p in pages if p.key in stored]
    return _fundus_row("trafilatura-1.12 (stored)", scores) if scores else None


def _published_rows(dataset: str) -> list[dict[str, object]]:
    return [{"set": dataset, "system": f"published: {name}", "precision": p, "recall": r, "f1": f}
            for name, (p, r, f) in PUBLISHED[dataset].items()]


def _num(value: object) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


def _metrics(rows: Sequence[dict[str, object]]) -> dict[str, float]:
    """Flat metrics for the measured systems (published and stored rows excluded)."""
    metrics: dict[str, float] = {}
    for row in rows:
        system = str(row["system"])
        if system.startswith("published") or "(" in system:
            continue
        for key in ("precision", "recall", "f1"):
            metrics[f"{SUITE}.{row['set']}.{system}.{key}"] = _num(row[key])
    newsdesk = [r for r in rows if r["system"] == "newsdesk"]
    seconds = sum(_num(r["seconds"]) for r in newsdesk)
    pages = sum(_num(r["pages"]) for r in newsdesk)
    metrics[f"{SUITE}.newsdesk.pages_per_s"] = round(pages / seconds, 2) if seconds else 0.0
    return metrics


def _default_workers() -> int:
    return max(1, min(2, os.cpu_count() or 1))


def run(data_dir: Path, limit: int | None = None, workers: int | None = None) -> SuiteResult:
    """Score all systems on fundus-evaluation and trafilatura-eval.

    ``limit`` takes the first ``limit`` pages of each set (fundus sorted by file name,
    trafilatura-eval in evaldata.json order); by default all 80 fundus pages and every
    TRAFEVAL_STRIDE-th trafilatura-eval page. ``workers`` processes (default: up to 2)
    share the pages; per-system seconds are summed over pages, so pages/s is per core.
    """
    fundus_root = require(data_dir, "fundus-evaluation")
    trafeval_root = require(data_dir, "trafilatura-eval")
    if fundus_root is None and trafeval_root is None:
        return skip(SUITE, f"neither fundus-evaluation nor trafilatura-eval under {data_dir}")
    workers = _default_workers() if workers is None else workers
    result = SuiteResult(suite=SUITE)
    if _clean_document() is None:
        result.notes.append("newsdesk.clean is not importable: newsdesk rows are ingest only")
    if fundus_root is not None:
        pages = fundus_pages(fundus_root, limit)
        result.rows += system_rows("fundus", _score_all("fundus", pages, workers))
        stored = _stored_trafilatura_row(fundus_root, pages)
        result.rows += ([stored] if stored else []) + _published_rows("fundus")
    if trafeval_root is not None:
        pages = trafeval_pages(trafeval_root, limit)
        result.rows += system_rows("trafeval", _score_all("trafeval", pages, workers))
        result.rows += _published_rows("trafeval")
        if limit is None:
            result.notes.append(f"trafilatura-eval: every {TRAFEVAL_STRIDE}rd page ({len(pages)} of 990); "
                                "published figures are over all 990")
    result.metrics = _metrics(result.rows)
    return result
