"""Eval suite ``stories``: near-duplicates and story clustering on public data.

Data (../shared/data): giveme5w1h-news-cluster (383 articles, gold = EventId) and
ecbplus-doc-clusters (982 articles; gold = sub-topic, i.e. one seminal event, and the
coarser topic). newsdesk's ``assign_stories`` is scored against baselines run in the
same process on the same embeddings: TF-IDF + agglomerative, MiniLM + HDBSCAN, and
MiniLM + agglomerative with the threshold tuned on the very set it is scored on (an
oracle, so an upper bound for embeddings alone). Figures are dev figures.

Near-duplicates: pairs found by ``find_duplicates`` on giveme5w1h (precision = share of
pairs inside one gold event, a lower bound since different events never share a wire
copy), recall of the hand-made gold wire copies (../shared/gold/electric-bill-2017.json),
and recall / false-positive rate on synthetic edits of real articles.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np

from newsdesk.dedup import find_duplicates
from newsdesk.embed import Embedder, get_embedder
from newsdesk.errors import ModelUnavailable
from newsdesk.eval.base import SuiteResult, require, skip, timed
from newsdesk.model import Article, Entity, content_hash
from newsdesk.months import MONTHS
from newsdesk.settings import Settings
from newsdesk.stories import (
    STORY_DISTANCE,
    STORY_ENTITY_TYPES,
    assign_stories,
    cluster_similarity,
    embed_articles,
)

SUITE = "stories"
# Characters of each article parsed for NER entities in the eval (title + lead region):
# full texts would triple the spaCy time and the run must stay < 3 min on 2 cores.
NER_CHARS = 1500
# TF-IDF baseline cut (cosine distance, average linkage), swept 0.5..0.95 in 0.05 steps
# for the best mean B-cubed F1 over giveme5w1h events and ecbplus sub-topics: 0.85 won
# (0.882; 0.80 gave 0.869, 0.90 gave 0.830). Full text, IDF fitted on the evaluated set.
TFIDF_DISTANCE = 0.85
# HDBSCAN baseline: smallest story = 2 articles (gold has pairs); noise -> singletons.
HDBSCAN_MIN_CLUSTER = 2
# Oracle sweep grid for the embeddings-only agglomerative baseline.
ORACLE_GRID = tuple(round(0.2 + 0.025 * i, 3) for i in range(29))
BOILERPLATE = (
    "\n\nCopyright 2017 The Associated Press. All rights reserved. This material may not be "
    "published, broadcast, rewritten or redistributed.\nSign up for our newsletter to get the "
    "day's top stories delivered to your inbox every morning. Follow us on Twitter and Facebook."
)
_MDY = re.compile(r"\b([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{1,2}),?\s+(\d{4})")
_DMY = re.compile(r"\b(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?,?\s+(\d{4})")


@dataclass(frozen=True)
class Corpus:
    """Articles with gold labels (one list per labelling, aligned with ``articles``)."""

    name: str
    articles: list[Article]
    labels: dict[str, list[str]]


def _article(doc_id: str, d: dict[str, Any], published: str | None) -> Article:
    title = (d.get("title") or "").strip()
    text = f"{title}\n{(d.get('text') or '').strip()}".strip()
    return Article(id=doc_id, source=doc_id, text=text, raw_text=text, title=title or None,
                   outlet=d.get("source_domain"), published=published, url=d.get("url"))


def load_giveme5w1h(data_dir: Path, limit: int | None = None) -> Corpus | None:
    """giveme5w1h-news-cluster as Articles (id = file stem), gold = EventId and Topic."""
    folder = require(data_dir, "giveme5w1h-news-cluster", "data")
    if folder is None:
        return None
    articles: list[Article] = []
    events: list[str] = []
    for path in sorted(folder.glob("*.json"))[:limit]:
        d = json.loads(path.read_text(encoding="utf-8"))
        cluster = d["newsCluster"]
        cluster = ast.literal_eval(cluster) if isinstance(cluster, str) else cluster
        published = (d.get("date_publish") or "")[:10] or None
        articles.append(_article(path.stem, d, published if published != "None" else None))
        events.append(str(cluster["EventId"]))
    return Corpus("giveme5w1h", articles, {"event": events})


def parse_loose_date(value: str | None) -> str | None:
    """ISO date from ECB+ 'date_publish' strings ("Published : Dec. 19, 2005 at 9 PM")."""
    if not value:
        return None
    for rx, order in ((_MDY, "mdy"), (_DMY, "dmy")):
        for m in rx.finditer(value):
            mon, day = (m[1], m[2]) if order == "mdy" else (m[2], m[1])
            month = MONTHS.get(mon.lower()[:3])
            if month and 1 <= int(day) <= 31:
                try:
                    return datetime(int(m[3]), month, int(day)).date().isoformat()
                except ValueError:
                    continue
    return None


def load_ecbplus(data_dir: Path, limit: int | None = None) -> Corpus | None:
    """ecbplus-doc-clusters as Articles, gold = sub-topic folder and topic number.

    ``limit`` caps the article count by keeping whole topics in topic order (both
    sub-topics of each), so a subset still has the hard case: same kind of event,
    different events.
    """
    folder = require(data_dir, "ecbplus-doc-clusters", "docs")
    if folder is None:
        return None
    articles: list[Article] = []
    labels: dict[str, list[str]] = {"subtopic": [], "topic": []}
    by_topic: dict[int, list[Path]] = {}
    for sub in folder.iterdir():
        m = re.match(r"\d+", sub.name)
        if sub.is_dir() and m:
            by_topic.setdefault(int(m[0]), []).append(sub)
    for topic in sorted(by_topic):
        paths = [p for sub in sorted(by_topic[topic]) for p in sorted(sub.glob("*.json"))]
        if limit is not None and articles and len(articles) + len(paths) > limit:
            break
        for path in paths:
            d = json.loads(path.read_text(encoding="utf-8"))
            articles.append(_article(path.stem, d, parse_loose_date(d.get("date_publish"))))
            labels["subtopic"].append(path.parent.name)
            labels["topic"].append(str(topic))
    return Corpus("ecbplus", articles, labels)


def ner_entities(articles: Sequence[Article], settings: Settings) -> list[Entity]:
    """Story-type NER entities over each article's first NER_CHARS characters.

    A deliberately plain canonicalisation for the eval (same label + same lower-cased
    text, leading "the" dropped), so the suite does not depend on the extract stage.
    """
    from newsdesk.nlp import load_nlp

    nlp = load_nlp(settings.spacy_model)
    found: dict[tuple[str, str], tuple[str, set[str]]] = {}
    texts = [a.text[:NER_CHARS] for a in articles]
    for art, doc in zip(articles, nlp.pipe(texts, batch_size=32), strict=True):
        for ent in doc.ents:
            if ent.label_ not in STORY_ENTITY_TYPES:
                continue
            key = re.sub(r"^the\s+", "", " ".join(ent.text.lower().split()))
            if len(key) < 2:
                continue
            found.setdefault((ent.label_, key), (ent.text, set()))[1].add(art.id)
    return [Entity(id="e" + content_hash(label, key, length=12), name=name, type=label, aliases=(name,),
                   article_ids=tuple(sorted(ids)), mentions=())
            for (label, key), (name, ids) in sorted(found.items())]


def bcubed(gold: Sequence[str], pred: Sequence[int | str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 (Bagga & Baldwin 1998), averaged over items."""
    from sklearn.metrics.cluster import contingency_matrix

    if not gold:
        return 0.0, 0.0, 0.0
    c = np.asarray(contingency_matrix(gold, pred), dtype=np.float64)
    sq = c**2
    p = float((sq / c.sum(axis=0, keepdims=True)).sum() / len(gold))
    r = float((sq / c.sum(axis=1, keepdims=True)).sum() / len(gold))
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def cluster_scores(gold: Sequence[str], pred: Sequence[int | str]) -> dict[str, float]:
    """B-cubed P/R/F1, pairwise P/R/F1, ARI and NMI of one clustering."""
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score
    from sklearn.metrics.cluster import pair_confusion_matrix

    bp, br, bf = bcubed(gold, pred)
    (_, fp), (fn, tp) = pair_confusion_matrix(gold, pred)
    pp = tp / (tp + fp) if tp + fp else 0.0
    pr = tp / (tp + fn) if tp + fn else 0.0
    pf = 2 * pp * pr / (pp + pr) if pp + pr else 0.0
    return {"bcubed_p": bp, "bcubed_r": br, "bcubed_f1": bf, "pairwise_p": float(pp),
            "pairwise_r": float(pr), "pairwise_f1": float(pf),
            "ari": float(adjusted_rand_score(gold, pred)), "nmi": float(normalized_mutual_info_score(gold, pred))}


def labels_from_stories(articles: Sequence[Article], stories: Sequence[tuple[str, ...]]) -> list[int]:
    """Per-article story index (aligned with ``articles``)."""
    story_of = {aid: k for k, story in enumerate(stories) for aid in story}
    return [story_of[a.id] for a in articles]


def tfidf_agglomerative(articles: Sequence[Article], distance: float = TFIDF_DISTANCE) -> list[int]:
    """Baseline: TF-IDF (full text, sublinear tf) cosine + average-linkage agglomerative."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    x = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform([a.text for a in articles])
    return cluster_similarity(np.asarray((x @ x.T).toarray()), distance)


def embeddings_hdbscan(embeddings: np.ndarray) -> list[int]:
    """Baseline: HDBSCAN on unit embeddings (euclidean = monotone in cosine); noise -> singletons."""
    import hdbscan

    labels = hdbscan.HDBSCAN(min_cluster_size=HDBSCAN_MIN_CLUSTER).fit_predict(np.asarray(embeddings, np.float64))
    top = int(labels.max()) + 1
    return [int(x) if x >= 0 else top + i for i, x in enumerate(labels)]


def embeddings_oracle(embeddings: np.ndarray, gold: Sequence[str]) -> tuple[list[int], float]:
    """Baseline: embeddings + agglomerative, cut at the best threshold for ``gold`` itself."""
    sim = np.asarray(embeddings, np.float64) @ np.asarray(embeddings, np.float64).T
    best: tuple[float, float, list[int]] = (-1.0, 0.0, [])
    for t in ORACLE_GRID:
        pred = cluster_similarity(sim, t)
        f = bcubed(gold, pred)[2]
        if f > best[0]:
            best = (f, t, pred)
    return best[2], best[1]


def synthetic_edits(article: Article) -> list[Article]:
    """Copies of a real article as outlets re-run it: footer appended, a paragraph dropped."""
    paras = article.text.split("\n")
    mid = len(paras) // 2
    dropped = "\n".join(paras[:mid] + paras[mid + 1 :])
    texts = [article.text + BOILERPLATE, dropped, dropped.replace("\n", "\n\n") + BOILERPLATE]
    return [replace(article, id=f"{article.id}-edit{k}", source=f"edit{k}", text=t, raw_text=t, duplicate_of=None)
            for k, t in enumerate(texts)]


def _pair_set(groups: Sequence[Sequence[str]]) -> set[frozenset[str]]:
    return {frozenset(p) for g in groups for p in combinations(sorted(g), 2)}


def _dup_groups(articles: Sequence[Article]) -> list[list[str]]:
    groups: dict[str, list[str]] = {}
    for a in find_duplicates(articles):
        if a.duplicate_of:
            groups.setdefault(a.duplicate_of, [a.duplicate_of]).append(a.id)
    return list(groups.values())


def eval_duplicates(corpus: Corpus, label: str, gold_file: Path | None) -> dict[str, float]:
    """Near-duplicate figures on one corpus (see module docstring)."""
    out: dict[str, float] = {}
    with timed() as t:
        found = _pair_set(_dup_groups(corpus.articles))
    gold_of = dict(zip((a.id for a in corpus.articles), corpus.labels[label], strict=True))
    same = sum(1 for p in found if len({gold_of[x] for x in p}) == 1)
    key = f"stories.dedup.{corpus.name}"
    out[f"{key}.pairs"] = float(len(found))
    out[f"{key}.same_story_precision"] = same / len(found) if found else 1.0
    out[f"{key}.articles_per_s"] = len(corpus.articles) / max(t["seconds"], 1e-9)
    if gold_file is not None and gold_file.exists():
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        ids = {k: Path(v).stem for k, v in gold["docs"].items()}
        present = {a.id: a for a in corpus.articles if a.id in set(ids.values())}
        if len(present) == len(ids):
            want = _pair_set([[ids[k] for k in g] for g in gold["near_duplicates"]])
            got = _pair_set(_dup_groups(list(present.values())))
            out["stories.dedup.gold.recall"] = len(want & got) / len(want) if want else 1.0
            out["stories.dedup.gold.precision"] = len(want & got) / len(got) if got else 1.0
    return out


def eval_synthetic(corpus: Corpus, n: int = 40) -> dict[str, float]:
    """Recall on synthetic copies of ``n`` long real articles; merges across originals."""
    originals = [a for a in corpus.articles if len(a.text) >= 1500 and a.text.count("\n") >= 4][:n]
    pool = [x for a in originals for x in (a, *synthetic_edits(a))]
    canon = {a.id: a.duplicate_of or a.id for a in find_duplicates(pool)}
    hits = sum(1 for a in originals for e in synthetic_edits(a) if canon[e.id] == canon[a.id])
    roots = [{canon[a.id]} | {canon[e.id] for e in synthetic_edits(a)} for a in originals]
    merged = sum(1 for x, y in combinations(roots, 2) if x & y)
    return {"stories.dedup.synthetic.recall": hits / (3 * len(originals)) if originals else 0.0,
            "stories.dedup.synthetic.false_merges": float(merged), "stories.dedup.synthetic.originals": float(len(originals))}


LEVELS = {"giveme5w1h": (("giveme5w1h", "event"),),
          "ecbplus": (("ecbplus_subtopic", "subtopic"), ("ecbplus_topic", "topic"))}


def newsdesk_stories(articles: Sequence[Article], entities: Sequence[Entity], embeddings: np.ndarray,
                     settings: Settings) -> list[int]:
    """newsdesk as the pipeline runs it: duplicates marked first, then assign_stories."""
    marked = find_duplicates(articles)
    return labels_from_stories(articles, assign_stories(marked, entities, embeddings, settings))


def _score_level(result: SuiteResult, level: str, gold: list[str], preds: dict[str, list[int]]) -> None:
    for method, pred in preds.items():
        scores = cluster_scores(gold, pred)
        for name, value in scores.items():
            result.metrics[f"stories.{level}.{method}.{name}"] = round(value, 4)
        result.rows.append({"set": level, "method": method, "articles": len(gold), "gold_stories": len(set(gold)),
                            "stories": len(set(pred)), **{k: round(v, 3) for k, v in scores.items()
                                                          if k in ("bcubed_p", "bcubed_r", "bcubed_f1", "pairwise_f1", "ari")}})


def eval_clustering(result: SuiteResult, corpus: Corpus, embedder: Embedder, settings: Settings) -> None:
    """Story clustering figures for one corpus at each of its gold levels."""
    arts = corpus.articles
    with timed() as t_emb:
        emb = embed_articles(arts, embedder)
    with timed() as t_ner:
        entities = ner_entities(arts, settings)
    with timed() as t_nd:
        ours = newsdesk_stories(arts, entities, emb, settings)
    with timed() as t_tfidf:
        tfidf = tfidf_agglomerative(arts)
    with timed() as t_hdb:
        hdb = embeddings_hdbscan(emb)
    n = len(arts)
    key = f"stories.{corpus.name}"
    result.metrics[f"{key}.embed.articles_per_s"] = round(n / max(t_emb["seconds"], 1e-9), 1)
    result.metrics[f"{key}.ner.articles_per_s"] = round(n / max(t_ner["seconds"], 1e-9), 1)
    result.metrics[f"{key}.newsdesk.articles_per_s"] = round(n / max(t_nd["seconds"], 1e-9), 1)
    total = t_emb["seconds"] + t_ner["seconds"] + t_nd["seconds"]
    result.metrics[f"{key}.newsdesk.end_to_end_articles_per_s"] = round(n / max(total, 1e-9), 1)
    result.metrics[f"{key}.tfidf_agglomerative.articles_per_s"] = round(n / max(t_tfidf["seconds"], 1e-9), 1)
    result.metrics[f"{key}.embeddings_hdbscan.articles_per_s"] = round(n / max(t_hdb["seconds"], 1e-9), 1)
    for level, label in LEVELS[corpus.name]:
        gold = corpus.labels[label]
        oracle, cut = embeddings_oracle(emb, gold)
        result.notes.append(f"{level}: embeddings_agglomerative_oracle cut at cosine distance {cut} (tuned on this gold; newsdesk uses {STORY_DISTANCE})")
        _score_level(result, level, gold, {"newsdesk": ours, "tfidf_agglomerative": tfidf,
                                           "embeddings_hdbscan": hdb, "embeddings_agglomerative_oracle": oracle})


def run(data_dir: Path, limit: int | None = None, settings: Settings | None = None) -> SuiteResult:
    """Run the suite; ``limit`` caps the articles read from each data set."""
    settings = settings or Settings()
    corpora = [c for c in (load_giveme5w1h(data_dir, limit), load_ecbplus(data_dir, limit)) if c is not None]
    if not corpora:
        return skip(SUITE, f"neither giveme5w1h-news-cluster nor ecbplus-doc-clusters under {data_dir}")
    embedder = get_embedder(settings.embedder)
    try:
        embedder.encode(["warm up"])
    except ModelUnavailable as exc:
        return skip(SUITE, str(exc))
    result = SuiteResult(suite=SUITE)
    result.notes.append(f"embedder {embedder.name}; dev figures (no held-out split here)")
    gold_file = data_dir.parent / "gold" / "electric-bill-2017.json"
    for corpus in corpora:
        label = "event" if corpus.name == "giveme5w1h" else "subtopic"
        result.metrics.update({k: round(v, 4) for k, v in eval_duplicates(corpus, label, gold_file).items()})
        eval_clustering(result, corpus, embedder, settings)
    result.metrics.update({k: round(v, 4) for k, v in eval_synthetic(corpora[0]).items()})
    return result
