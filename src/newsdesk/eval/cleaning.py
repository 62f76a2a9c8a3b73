"""Residual-cleaning eval: how well ``clean_document`` drops the junk an extractor leaves.

Pages: fundus-evaluation (80 English news pages, gold body paragraphs) and the English
pages of trafilatura-eval (must-have / must-not-have snippets; English picked by the
data set's own heuristic language guess). Each page is extracted with trafilatura in
recall mode (comments kept, tables dropped) so the text still carries realistic junk;
every line is then labelled:

- fundus: *article* when it occurs in the gold body, unlabelled (not scored) when it
  only matches a "[...]" optional paragraph or is too short to tell, *junk* otherwise;
- trafilatura-eval: *article* when it holds a must-have snippet, *junk* when it holds a
  must-not-have snippet, unlabelled otherwise.

The fundus gold body leaves out some text a reader would call article (bullet summaries,
fact lists, embedded posts, live-blog entries), so those lines count as junk the
cleaner "kept": removal recall is a lower bound. The fundus pages are also scored with
trafilatura's default extraction, and other-language trafilatura-eval pages are scored
for wrongly removed article lines; both are reported apart from the English aggregate.

Removal is the positive class: precision = junk share of the removed labelled lines,
recall = removed share of junk lines. ``article_lines_wrongly_removed_rate`` (the
costly error) is removed article lines / article lines; an article line moved to
metadata (the headline as ``title``) is not lost and is counted apart. The gold stories
(``../gold/*.json``) give ``cleaning.gold.boilerplate_recall`` (listed boilerplate lines
gone) and ``cleaning.gold.evidence_kept_rate`` (claim evidence strings still present).
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
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
# Other-language trafilatura-eval pages checked for wrongly removed article lines (of
# ~800); 200 keeps the whole suite near one minute on two cores.
OTHER_LANGUAGE_PAGES = 200
AGGREGATED = ("fundus", "trafilatura")  # English pages, recall-mode extraction
APART = ("fundus_default", "trafilatura_other")  # reported per set only


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
    moved: int = 0  # article lines kept as title/author metadata (not counted as removed)

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


def extract_text(html: str | bytes, recall: bool = True) -> str:
    """Page text with residual junk: trafilatura recall mode with comments (``recall``),
    or trafilatura's defaults (what an ingest stage typically feeds the cleaner)."""
    import trafilatura

    if not recall:
        return trafilatura.extract(html) or ""
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


def fundus_pages(root: Path, limit: int | None, recall: bool = True) -> Iterator[Page]:
    """fundus-evaluation pages, extracted in recall mode or (``recall`` False) by default."""
    gt = json.loads((root / "ground_truth.json").read_text(encoding="utf-8"))
    dataset = "fundus" if recall else "fundus_default"
    for key in sorted(gt)[:limit]:
        html = gzip.decompress((root / "html" / key).read_bytes()).decode("utf-8", "replace")
        text = extract_text(html, recall)
        yield Page(key, dataset, text, label_fundus(text, gt[key]["body"]))


def trafilatura_pages(root: Path, limit: int | None, english: bool = True) -> Iterator[Page]:
    """trafilatura-eval pages guessed English (``english``) or all the others."""
    data = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    picked = set()
    for row in (root / "lang_guess_HEURISTIC.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) == 3 and (cols[2] == "en") == english:
            picked.add(cols[0])
    dataset = "trafilatura" if english else "trafilatura_other"
    for url in sorted(picked & set(data))[:limit]:
        item = data[url]
        path = root / "cache" / (item["file"] + ".gz")
        if not path.exists():
            path = root / "eval" / (item["file"] + ".gz")
        if not path.exists():
            continue
        text = extract_text(gzip.decompress(path.read_bytes()))
        yield Page(url, dataset, text, label_snippets(text, item["with"], item["without"]))


def removed_lines(page: Page, settings: Settings) -> tuple[set[int], set[int]] | None:
    """Indexes of the lines cleaning removed, and of those it moved to metadata (title,
    byline); None when no article text was left."""
    try:
        article = clean_document(RawDocument(source=page.name, text=page.text), settings)
    except ExtractionError:
        return None
    reasons = {r.start: r.reason for r in article.removed}
    lines = [ln for ln in split_lines(page.text) if ln.start in reasons]
    moved = {ln.index for ln in lines if "kept as metadata" in reasons[ln.start]}
    return {ln.index for ln in lines}, moved


def _score_pages(pages: Iterator[Page], settings: Settings, result: SuiteResult) -> dict[str, Counts]:
    counts = {name: Counts() for name in (*AGGREGATED, *APART)}
    for page in pages:
        if not page.text.strip():
            continue
        found = removed_lines(page, settings)
        c = counts[page.dataset]
        if found is None:
            c.failed += 1
            found = set(range(len(page.labels))), set()
        removed, moved = found
        # an article line moved to metadata (a headline the gold body repeats) is not lost
        moved_article = {i for i in moved if page.labels[i] == ARTICLE}
        c.moved += len(moved_article)
        removed -= moved_article
        c.add(page.labels, removed)
        lines = split_lines(page.text)
        for i in sorted(removed):
            if page.labels[i] == ARTICLE:
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

    ``limit`` caps the pages taken from each data set (sorted order). The aggregate
    ``cleaning.removal.*`` figures are over the English pages in recall mode. Reported
    apart: the fundus pages extracted with trafilatura's defaults (the milder residual an
    ingest stage leaves) and the other-language trafilatura-eval pages (at most
    ``OTHER_LANGUAGE_PAGES``), a check that no article text goes on pages the keyword
    families were not written for.
    """
    fundus = require(data_dir, "fundus-evaluation")
    traf = require(data_dir, "trafilatura-eval")
    if fundus is None and traf is None:
        return skip(SUITE, f"neither fundus-evaluation nor trafilatura-eval under {data_dir}")
    settings = Settings()
    result = SuiteResult(suite=SUITE)
    with timed() as t:
        other_limit = min(limit or OTHER_LANGUAGE_PAGES, OTHER_LANGUAGE_PAGES)
        pages = _chain(fundus_pages(fundus, limit) if fundus else iter(()),
                       trafilatura_pages(traf, limit) if traf else iter(()),
                       fundus_pages(fundus, limit, recall=False) if fundus else iter(()),
                       trafilatura_pages(traf, other_limit, english=False) if traf else iter(()))
        _summarize(_score_pages(pages, settings, result), result)
        gold_dir = data_dir.parent / "gold"
        if gold_dir.is_dir():
            result.metrics.update(gold_figures(gold_dir, data_dir.parent / "corpus", data_dir, settings))
    result.metrics["cleaning.seconds"] = round(t["seconds"], 2)
    return result


def _summarize(counts: dict[str, Counts], result: SuiteResult) -> None:
    """Per-set metrics and rows, then the English aggregate (other languages apart)."""
    total = Counts()
    for name, c in counts.items():
        _put(result, f"cleaning.{name}.removal", c)
        result.metrics[f"cleaning.{name}.article_lines_wrongly_removed_rate"] = (
            round(c.fp / c.article, 4) if c.article else 0.0)
        result.rows.append({"set": name, "pages": c.pages, "junk_removed": c.tp, "junk_kept": c.fn,
                            "article_removed": c.fp, "article_lines": c.article,
                            "article_to_metadata": c.moved, "no_text_left": c.failed})
        if name in APART:
            continue
        for attr in ("tp", "fp", "fn", "article", "pages", "failed", "moved"):
            setattr(total, attr, getattr(total, attr) + getattr(c, attr))
    _put(result, "cleaning.removal", total)
    result.metrics["cleaning.article_lines_wrongly_removed_rate"] = (
        round(total.fp / total.article, 4) if total.article else 0.0)
    result.metrics["cleaning.pages"] = float(total.pages)


def _chain(*iters: Iterator[Page]) -> Iterator[Page]:
    for it in iters:
        yield from it
