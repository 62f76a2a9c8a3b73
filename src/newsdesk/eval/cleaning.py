"""Residual-cleaning eval: how well ``clean_document`` drops the junk an extractor leaves.

Pages: fundus-evaluation (80 English news pages, gold body paragraphs) and the English
pages of trafilatura-eval (must-have / must-not-have snippets; English picked by the
data set's own heuristic language guess). Each page is extracted with trafilatura in
recall mode (comments kept, tables dropped) so the text still carries realistic junk;
every line is then labelled:

- fundus: *article* when it occurs in the gold body, *optional* when it only matches a
  "[...]" optional paragraph (not scored), *junk* otherwise;
- trafilatura-eval: *article* when it holds a must-have snippet, *junk* when it holds a
  must-not-have snippet, unlabelled (not scored) otherwise.

Removal is the positive class: precision = junk share of the removed labelled lines,
recall = removed share of junk lines. ``article_lines_wrongly_removed_rate`` (the
costly error) is removed article lines / article lines. The gold stories
(``../gold/*.json``) give ``cleaning.gold.boilerplate_recall`` (listed boilerplate lines
gone) and ``cleaning.gold.evidence_kept_rate`` (claim evidence strings still present).
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsdesk.clean import clean_document, split_lines
from newsdesk.errors import ExtractionError
from newsdesk.eval.base import SuiteResult, prf, require, skip, timed
from newsdesk.model import RawDocument
from newsdesk.settings import Settings

SUITE = "cleaning"
ARTICLE, JUNK, UNLABELLED = "article", "junk", "unlabelled"
# Lines shorter than this (normalized chars) are too generic to label by substring
# ("Advertisement" may be inside a gold paragraph by chance); they stay unlabelled
# unless they match a whole gold paragraph.
MIN_LABEL_CHARS = 12


@dataclass
class Page:
    """One page: extracted text and a label per non-blank line (same order)."""

    name: str
    dataset: str
    text: str
    labels: list[str]


@dataclass
class Counts:
    tp: int = 0  # junk removed
    fp: int = 0  # article removed
    fn: int = 0  # junk kept
    article: int = 0
    pages: int = 0
    failed: int = 0  # ExtractionError: everything counted as removed

    def add(self, labels: list[str], removed: set[int]) -> None:
        for i, label in enumerate(labels):
            gone = i in removed
            self.tp += label == JUNK and gone
            self.fn += label == JUNK and not gone
            self.fp += label == ARTICLE and gone
            self.article += label == ARTICLE
        self.pages += 1


def norm(text: str) -> str:
    """Casefolded, NFKC, punctuation-light, whitespace-collapsed text for matching."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[\"'“”‘’`´]", "", text)
    return " ".join(text.split())


def extract_text(html: str | bytes) -> str:
    """Whole-page text with residual junk: trafilatura recall mode, comments kept."""
    import trafilatura

    return trafilatura.extract(html, favor_recall=True, include_comments=True, include_tables=False,
                               deduplicate=False) or ""


def label_fundus(text: str, body: list[str]) -> list[str]:
    """Label lines against a fundus gold body (optional "[...]" paragraphs unscored)."""
    required = [p for p in body if not (p.startswith("[") and p.endswith("]"))]
    optional = [p[1:-1] for p in body if p.startswith("[") and p.endswith("]")]
    req_all, opt_all = norm(" ".join(required)), norm(" ".join(optional))
    req_set = {norm(p) for p in required}
    labels = []
    for line in split_lines(text):
        n = norm(line.text)
        if n in req_set or (len(n) >= MIN_LABEL_CHARS and n in req_all):
            labels.append(ARTICLE)
        elif n and n in opt_all:
            labels.append(UNLABELLED)
        elif len(n) >= MIN_LABEL_CHARS or not n:
            labels.append(JUNK)
        else:
            labels.append(UNLABELLED)
    return labels


def label_snippets(text: str, with_: list[str], without: list[str]) -> list[str]:
    """Label lines by trafilatura-eval snippets (must-have -> article, must-not -> junk)."""
    good, bad = [norm(s) for s in with_ if norm(s)], [norm(s) for s in without if norm(s)]
    labels = []
    for line in split_lines(text):
        n = norm(line.text)
        if any(s in n or (len(n) >= MIN_LABEL_CHARS and n in s) for s in good):
            labels.append(ARTICLE)
        elif any(s in n for s in bad):
            labels.append(JUNK)
        else:
            labels.append(UNLABELLED)
    return labels


def fundus_pages(root: Path, limit: int | None) -> Iterator[Page]:
    gt = json.loads((root / "ground_truth.json").read_text(encoding="utf-8"))
    for key in sorted(gt)[:limit]:
        html = gzip.decompress((root / "html" / key).read_bytes()).decode("utf-8", "replace")
        text = extract_text(html)
        yield Page(key, "fundus", text, label_fundus(text, gt[key]["body"]))


def trafilatura_pages(root: Path, limit: int | None) -> Iterator[Page]:
    data = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    english = set()
    for row in (root / "lang_guess_HEURISTIC.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) == 3 and cols[2] == "en":
            english.add(cols[0])
    for url in sorted(english & set(data))[:limit]:
        item = data[url]
        path = root / "cache" / (item["file"] + ".gz")
        if not path.exists():
            path = root / "eval" / (item["file"] + ".gz")
        if not path.exists():
            continue
        text = extract_text(gzip.decompress(path.read_bytes()))
        yield Page(url, "trafilatura", text, label_snippets(text, item["with"], item["without"]))


def removed_lines(page: Page, settings: Settings) -> set[int] | None:
    """Indexes of the page's lines that cleaning removed; None when nothing was left."""
    try:
        article = clean_document(RawDocument(source=page.name, text=page.text), settings)
    except ExtractionError:
        return None
    starts = {r.start for r in article.removed}
    return {ln.index for ln in split_lines(page.text) if ln.start in starts}


def _score_pages(pages: Iterator[Page], settings: Settings, result: SuiteResult) -> dict[str, Counts]:
    counts = {"fundus": Counts(), "trafilatura": Counts()}
    reasons: Counter[str] = Counter()
    for page in pages:
        if not page.text.strip():
            continue
        removed = removed_lines(page, settings)
        c = counts[page.dataset]
        if removed is None:
            c.failed += 1
            removed = set(range(len(page.labels)))
        c.add(page.labels, removed)
        lines = split_lines(page.text)
        for i in sorted(removed):
            if page.labels[i] == ARTICLE:
                reasons["wrongly removed"] += 1
                if len(result.notes) < 40:
                    result.notes.append(f"article line removed ({page.name}): {lines[i].text[:100]!r}")
    return counts


def _put(result: SuiteResult, prefix: str, c: Counts) -> None:
    p, r, f = prf(c.tp, c.fp, c.fn)
    result.metrics[f"{prefix}.precision"] = round(p, 4)
    result.metrics[f"{prefix}.recall"] = round(r, 4)
    result.metrics[f"{prefix}.f1"] = round(f, 4)


def gold_figures(gold_dir: Path, corpus_root: Path, data_dir: Path, settings: Settings) -> dict[str, float]:
    """Boilerplate recall and claim-evidence retention on the hand-made gold stories."""
    listed = gone = evidence = kept = 0
    for gold_file in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        for key, name in gold.get("docs", {}).items():
            raw = _gold_doc(gold_file.stem, name, corpus_root, data_dir)
            if raw is None:
                continue
            try:
                text = clean_document(raw, settings).text
            except ExtractionError:
                text = ""
            for line in gold.get("boilerplate_lines", {}).get(key, []):
                listed += 1
                gone += norm(line) not in norm(text)
            for snippet in _evidence(gold, key):
                evidence += 1
                kept += snippet in text
    return {"cleaning.gold.boilerplate_recall": round(gone / listed, 4) if listed else 0.0,
            "cleaning.gold.evidence_kept_rate": round(kept / evidence, 4) if evidence else 0.0,
            "cleaning.gold.boilerplate_lines": float(listed)}


def _gold_doc(story: str, name: str, corpus_root: Path, data_dir: Path) -> RawDocument | None:
    """The gold story's document: corpus text file, or a giveme5w1h JSON record."""
    txt = corpus_root / story / name
    if txt.exists():
        return RawDocument(source=str(txt), text=txt.read_text(encoding="utf-8"))
    js = data_dir / "giveme5w1h-news-cluster" / "data" / name
    if js.exists():
        rec = json.loads(js.read_text(encoding="utf-8"))
        return RawDocument(source=str(js), text=rec.get("text") or "", title=rec.get("title"),
                           url=rec.get("url"))
    return None


def _evidence(gold: dict[str, object], key: str) -> Iterator[str]:
    """Every gold evidence substring for document ``key`` (claims and single-source claims)."""
    for claim in gold.get("claims", []) or []:  # type: ignore[attr-defined]
        ev = claim.get("evidence", {}).get(key)
        if isinstance(ev, str):
            yield ev
    for claim in gold.get("single_source_claims", []) or []:  # type: ignore[attr-defined]
        if claim.get("doc") == key and isinstance(claim.get("evidence"), str):
            yield claim["evidence"]


def run(data_dir: Path, limit: int | None = None) -> SuiteResult:
    """Measure line removal on fundus + English trafilatura-eval pages and the gold stories.

    ``limit`` caps the pages taken from each data set (sorted order).
    """
    fundus = require(data_dir, "fundus-evaluation")
    traf = require(data_dir, "trafilatura-eval")
    if fundus is None and traf is None:
        return skip(SUITE, f"neither fundus-evaluation nor trafilatura-eval under {data_dir}")
    settings = Settings()
    result = SuiteResult(suite=SUITE)
    with timed() as t:
        pages = _chain(fundus_pages(fundus, limit) if fundus else iter(()),
                       trafilatura_pages(traf, limit) if traf else iter(()))
        counts = _score_pages(pages, settings, result)
        total = Counts()
        for name, c in counts.items():
            _put(result, f"cleaning.{name}.removal", c)
            result.rows.append({"set": name, "pages": c.pages, "junk_removed": c.tp, "junk_kept": c.fn,
                                "article_removed": c.fp, "article_lines": c.article,
                                "no_text_left": c.failed})
            for attr in ("tp", "fp", "fn", "article", "pages", "failed"):
                setattr(total, attr, getattr(total, attr) + getattr(c, attr))
        _put(result, "cleaning.removal", total)
        result.metrics["cleaning.article_lines_wrongly_removed_rate"] = (
            round(total.fp / total.article, 4) if total.article else 0.0)
        result.metrics["cleaning.pages"] = float(total.pages)
        gold_dir = data_dir.parent / "gold"
        if gold_dir.is_dir():
            result.metrics.update(gold_figures(gold_dir, data_dir.parent / "corpus", data_dir, settings))
    result.metrics["cleaning.seconds"] = round(t["seconds"], 2)
    return result


def _chain(*iters: Iterator[Page]) -> Iterator[Page]:
    for it in iters:
        yield from it
