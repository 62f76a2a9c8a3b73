"""Quantities suite: extraction on real news text and cross-outlet compatibility on gold claims.

No data set here carries gold quantity annotations, so the suite measures what can be
checked without hand-made answers:

- ``parse_precision``: share of extracted quantities whose evidence holds a digit or a
  number word and whose text, extracted again on its own, gives the same value;
- ``spacy_recall``: share of spaCy CARDINAL/MONEY/QUANTITY/PERCENT entities that an
  extracted quantity overlaps (spaCy is an independent, imperfect reference: it also
  labels model names and ordinals, so this is a lower bound), and ``spacy_agreement``:
  share of extracted quantities that overlap such an entity;
- ``gold.pair_compatible``: on the hand-made gold claims (../shared/gold/*.json), for
  every pair of outlets stating one claim where both evidence strings hold a quantity,
  the share of pairs that ``quantities_compatible`` calls True (the outlets state the
  same amount, so True is right: "$284 billion" vs "more than $284 billion").

Texts: the example corpus (examples/venezuela-russia-2025) and the giveme5w1h-news-cluster
articles (title + text). Dev figures.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

from newsdesk.eval.base import SuiteResult, require, skip, timed
from newsdesk.extract.quantities import SMALL, extract_quantities, quantities_compatible
from newsdesk.model import Article, Quantity

SUITE = "quantities"
NEWS = "giveme5w1h-news-cluster"
REPO_ROOT = Path(__file__).resolve().parents[3]
CORPUS = REPO_ROOT / "examples" / "venezuela-russia-2025"
NUMERIC_LABELS = frozenset({"CARDINAL", "MONEY", "QUANTITY", "PERCENT"})
_NUMBER_WORD = re.compile(rf"\d|\b(?:{'|'.join(SMALL)}|dozen|hundred|thousand|million|billion|half)\b", re.I)


def _article(doc_id: str, text: str, published: str | None = None) -> Article:
    return Article(id=doc_id, source=doc_id, text=text, raw_text=text, published=published)


def corpus_articles(corpus_dir: Path) -> list[Article]:
    return [_article(p.name, p.read_text(encoding="utf-8")) for p in sorted(corpus_dir.glob("*.txt"))]


def news_articles(data_dir: Path, limit: int | None = None) -> list[Article]:
    """giveme5w1h articles as ``title + "\\n" + text`` in file-name order."""
    out: list[Article] = []
    for p in sorted((data_dir / NEWS / "data").glob("*.json"))[:limit]:
        d = json.loads(p.read_text(encoding="utf-8"))
        text = "\n".join(x for x in (d.get("title"), d.get("text")) if x)
        if text:
            out.append(_article(p.stem, text, (d.get("date_publish") or "")[:10] or None))
    return out


def parses_back(q: Quantity) -> bool:
    """The evidence names a number and, extracted alone, gives the same value."""
    text = q.evidence.text
    if not _NUMBER_WORD.search(text):
        return False
    again = extract_quantities(_article("check", text))
    return any(abs(a.value - q.value) <= 1e-9 * max(1.0, abs(q.value)) for a in again)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _ner_docs(texts: Sequence[str]) -> Iterator[Any]:
    from newsdesk.nlp import load_nlp
    from newsdesk.settings import Settings

    nlp = load_nlp(Settings().spacy_model)
    disable = [n for n in nlp.pipe_names if n not in ("tok2vec", "ner")]
    return nlp.pipe(texts, batch_size=16, disable=disable)


def score_texts(articles: Sequence[Article]) -> dict[str, float]:
    """Counts over articles: quantities, parse-backs, spaCy entities recalled / agreeing."""
    n_q = parsed = n_ents = recalled = agreeing = 0
    for article, doc in zip(articles, _ner_docs([a.text for a in articles]), strict=True):
        qs = extract_quantities(article)
        spans = [(q.evidence.start, q.evidence.end) for q in qs]
        ents = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in NUMERIC_LABELS]
        n_q += len(qs)
        parsed += sum(parses_back(q) for q in qs)
        n_ents += len(ents)
        recalled += sum(any(_overlaps(e, s) for s in spans) for e in ents)
        agreeing += sum(any(_overlaps(s, e) for e in ents) for s in spans)
    return {"quantities": n_q, "parsed": parsed, "entities": n_ents, "recalled": recalled,
            "agreeing": agreeing}


def _gold_texts(gold: dict[str, Any], data_dir: Path) -> dict[str, str]:
    """Doc key -> article text for one gold file (example corpus .txt or news-please JSON)."""
    texts: dict[str, str] = {}
    for key, name in gold.get("docs", {}).items():
        txt, news = CORPUS / name, data_dir / NEWS / "data" / name
        if txt.is_file():
            texts[key] = txt.read_text(encoding="utf-8")
        elif news.is_file():
            texts[key] = json.loads(news.read_text(encoding="utf-8")).get("text") or ""
    return texts


def _evidence_quantities(texts: dict[str, str], doc: str, evidence: str) -> list[Quantity]:
    text = texts.get(doc, "")
    start = text.find(evidence)
    if start < 0:
        return []
    qs = extract_quantities(_article(doc, text))
    return [q for q in qs if start <= q.evidence.start and q.evidence.end <= start + len(evidence)]


def score_gold_pairs(gold_dir: Path, data_dir: Path) -> tuple[int, int, list[str]]:
    """(pairs with quantities on both sides, pairs judged compatible, misses) over gold claims."""
    pairs = compatible = 0
    misses: list[str] = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        texts = _gold_texts(gold, data_dir)
        for claim in gold.get("claims", []):
            ev = claim.get("evidence")
            if not isinstance(ev, dict):
                continue
            found = {d: _evidence_quantities(texts, d, e) for d, e in ev.items()}
            for a, b in combinations(sorted(d for d, qs in found.items() if qs), 2):
                pairs += 1
                ok = any(quantities_compatible(x, y) for x in found[a] for y in found[b])
                compatible += ok
                if not ok:
                    misses.append(f"{path.stem} {claim.get('id')}: {a} vs {b}")
    return pairs, compatible, misses


# giveme5w1h articles scored when no limit is given (``newsdesk eval`` passes None): spaCy
# NER over all 383 took 82 s on a loaded 2-core machine, the first 100 (file-name order,
# i.e. hash order) 34 s. ``limit=0`` scores all of them.
DEFAULT_NEWS_LIMIT = 100


def run(data_dir: Path, limit: int | None = None, gold_dir: Path | None = None) -> SuiteResult:
    """Score quantity extraction on the corpus, giveme5w1h articles and the gold claims.

    ``limit``: first N giveme5w1h articles; None means ``DEFAULT_NEWS_LIMIT``, 0 all.
    """
    if require(data_dir, NEWS) is None and not CORPUS.is_dir():
        return skip(SUITE, f"neither {data_dir / NEWS} nor {CORPUS} is present")
    n_news = DEFAULT_NEWS_LIMIT if limit is None else (limit or None)
    metrics: dict[str, float] = {}
    rows: list[dict[str, object]] = []
    with timed() as t:
        for name, articles in (("corpus", corpus_articles(CORPUS) if CORPUS.is_dir() else []),
                               ("giveme5w1h", news_articles(data_dir, n_news))):
            if not articles:
                continue
            c = score_texts(articles)
            metrics[f"{SUITE}.{name}.count"] = c["quantities"]
            metrics[f"{SUITE}.{name}.parse_precision"] = c["parsed"] / c["quantities"] if c["quantities"] else 0.0
            metrics[f"{SUITE}.{name}.spacy_recall"] = c["recalled"] / c["entities"] if c["entities"] else 0.0
            metrics[f"{SUITE}.{name}.spacy_agreement"] = c["agreeing"] / c["quantities"] if c["quantities"] else 0.0
            rows.append({"texts": name, "articles": len(articles), **c})
        gold_dir = gold_dir or data_dir.parent / "gold"
        misses: list[str] = []
        if gold_dir.is_dir():
            pairs, ok, misses = score_gold_pairs(gold_dir, data_dir)
            metrics[f"{SUITE}.gold.pairs"] = pairs
            metrics[f"{SUITE}.gold.pair_compatible"] = ok / pairs if pairs else 0.0
    notes = [f"dev figures in {t['seconds']:.1f} s; spaCy numeric entities are a reference, not gold",
             *[f"incompatible gold pair: {m}" for m in misses[:10]]]
    return SuiteResult(suite=SUITE, metrics=metrics, rows=rows, notes=notes)
