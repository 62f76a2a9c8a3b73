"""Claim alignment and contradiction evaluation (``newsdesk eval claims``).

Figures (all on development/train splits, reported as dev figures):
- ``claims.mrpc.align_*``: the pair decision of ``crosscheck.align`` on MRPC train pairs
  (paraphrase = same content) -- precision matters most.
- ``claims.claimdiff.*``: ClaimDiff train (different outlets, same topic): alignment of
  "strengthens" pairs, and contradiction P/R of "weakens" pairs.
- ``claims.fnc1.*``: FNC-1 headline vs the most similar body sentence, disagree vs agree.
- ``claims.fever.*``: FEVER-symmetric dev (claim vs Wikipedia evidence sentence): recall
  of REFUTES pairs, and ``false_flags``, the SUPPORTS pairs flagged (each a false
  contradiction: the precision check, with a ceiling in the gate).
- ``claims.gold_vz.*`` / ``claims.gold_eb.*``: the full pipeline on the two gold stories,
  scored by ../shared/tools/score_gold.py (aligned pairs, false merges, traps flagged).
- ``claims.allsides.*``: contradictions flagged on NeuS-AllSides val stories (three
  outlets' headline and lead each, the first ``ALLSIDES_STORIES``). There is no gold: read
  by hand, nearly every flag there has been false, so the count is a ceiling in the gate.
- ``claims.ecbplus.*``: contradictions flagged when one ECB+ sub-topic per topic (43 events
  of ~11 articles: earthquakes, shootings, arrests, games) is cross-checked as one story.
  No gold either: the flags read by hand are listed in the commit that set the ceiling,
  and the count is a ceiling in the gate (a flood of flags is a precision regression).
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsdesk.eval.base import SuiteResult, prf, require, skip, timed
from newsdesk.model import Article, Quantity, Report, Story, content_hash
from newsdesk.settings import Settings

SUITE = "claims"
# Default sample sizes keep the suite under ~3 minutes on 2 shared cores (embedding and
# parsing dominate; 800 MRPC + 600 ClaimDiff + 300 FNC-1 pairs took 13 minutes there).
MRPC_PAIRS = 300
CLAIMDIFF_PAIRS = 200
FNC1_PAIRS = 100
FEVER_PAIRS = 400
ALLSIDES_STORIES = 150


@dataclass(frozen=True)
class PairSignals:
    """The alignment signals of one sentence pair."""

    cosine: float
    overlap: float
    shared: int
    clash: bool
    structure: bool = True  # the pair ``align.shares_structure``
    content: int = 99  # ``align.pair_content``
    act: bool = False  # the pair states ``align.one_act``


def _sentence_article(i: int, text: str) -> Article:
    return Article(id=f"s{i}", source=f"pair:{i}", text=text, raw_text=text)


def _quantities(arts: Sequence[Article], docs: Sequence[Any]) -> list[tuple[Quantity, ...]]:
    try:
        from newsdesk.extract.quantities import extract_quantities
    except ImportError:
        return [() for _ in arts]
    return [extract_quantities(a, d) for a, d in zip(arts, docs, strict=True)]


def _parse_pairs(
    pairs: Sequence[tuple[str, str]], settings: Settings,
) -> tuple[list[str], list[Any], list[Article], list[tuple[Quantity, ...]]]:
    """The pairs' sentences flattened (pair k = rows 2k, 2k+1): texts, parses, one-sentence
    articles and their quantities."""
    from newsdesk.nlp import load_nlp

    texts = [t for p in pairs for t in p]
    docs = list(load_nlp(settings.spacy_model).pipe(texts, batch_size=64))
    arts = [_sentence_article(i, t) for i, t in enumerate(texts)]
    return texts, docs, arts, _quantities(arts, docs)


def pair_signals(pairs: Sequence[tuple[str, str]], settings: Settings) -> list[PairSignals]:
    """Alignment signals for sentence pairs (IDF over all the sentences given)."""
    from newsdesk.crosscheck import align
    from newsdesk.embed import get_embedder

    if not pairs:
        return []
    texts, docs, _, qty = _parse_pairs(pairs, settings)
    props = align.propositions_from_docs(docs, quantities=qty)
    scorer = align.PairScorer(props, get_embedder(settings.embedder).encode(texts))
    out: list[PairSignals] = []
    for k in range(len(pairs)):
        i, j = 2 * k, 2 * k + 1
        ov, n = scorer.overlap(i, j)
        out.append(PairSignals(scorer.cosine(i, j), ov, n, align.clashes(props[i], props[j]),
                               align.shares_structure(props[i], props[j]),
                               align.pair_content(props[i], props[j]), align.one_act(props[i], props[j])))
    return out


def alignment_prf(labels: Sequence[int], signals: Sequence[PairSignals]) -> tuple[float, float, float]:
    from newsdesk.crosscheck.align import is_aligned

    pred = [is_aligned(s.cosine, s.overlap, s.shared, s.clash, s.structure, s.content, s.act) for s in signals]
    tp = sum(1 for y, p in zip(labels, pred, strict=True) if y and p)
    fp = sum(1 for y, p in zip(labels, pred, strict=True) if not y and p)
    fn = sum(1 for y, p in zip(labels, pred, strict=True) if y and not p)
    return prf(tp, fp, fn)


def load_mrpc(data_dir: Path, limit: int | None) -> list[tuple[int, str, str]]:
    path = require(data_dir, "mrpc", "msr_paraphrase_train.txt")
    if path is None:
        return []
    rows: list[tuple[int, str, str]] = []
    with path.open(encoding="utf-8-sig") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 5 and parts[0] in {"0", "1"}:
                rows.append((int(parts[0]), parts[3], parts[4]))
    return rows[:limit] if limit else rows


def load_claimdiff(data_dir: Path, which: str, limit: int | None) -> list[tuple[int, str, str]]:
    name = {"S": "ClaimDiff-S/ClaimDiff-strength-train.json", "W": "ClaimDiff-W/ClaimDiff-weak-train.json"}[which]
    path = require(data_dir, "claimdiff", *name.split("/"))
    if path is None:
        return []
    data = json.loads(path.read_text(encoding="utf-8"))["data"]
    rows = [(int(x["relation"]), x["claim_a"], x["claim_b"]) for x in data]
    return rows[:limit] if limit else rows


def load_fnc1(data_dir: Path, limit: int | None) -> list[tuple[int, str, str]]:
    """(1 = disagree, 0 = agree, headline, body) for the agree/disagree pairs, file order."""
    stances = require(data_dir, "fnc1-stance", "competition_test_stances.csv")
    bodies_path = require(data_dir, "fnc1-stance", "competition_test_bodies.csv")
    if stances is None or bodies_path is None:
        return []
    with bodies_path.open(encoding="utf-8") as f:
        bodies = {r["Body ID"]: r["articleBody"] for r in csv.DictReader(f)}
    rows: list[tuple[int, str, str]] = []
    with stances.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["Stance"] in {"agree", "disagree"} and r["Body ID"] in bodies:
                rows.append((int(r["Stance"] == "disagree"), r["Headline"], bodies[r["Body ID"]]))
    return rows[:limit] if limit else rows


# FEVER's evidence is tokenized Penn-Treebank style ("-LRB- born June 26 , 1980 -RRB-").
_PTB_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}


def detokenize(text: str) -> str:
    """Penn-Treebank tokens back to running text: brackets, quotes, and no space before
    punctuation and clitics or after an opening bracket or currency sign."""
    text = re.sub(r"``\s*", '"', re.sub(r"\s*''", '"', text))  # opening and closing quotes hug the words
    for token, char in _PTB_BRACKETS.items():
        text = text.replace(token, char)
    text = re.sub(r"\s+([.,;:!?)\]}%])", r"\1", text)
    text = re.sub(r"([(\[{$])\s+", r"\1", text)
    text = re.sub(r"\s+('s|'|n't|'re|'ve|'ll|'d|'m)(?=\s|$)", r"\1", text)
    return re.sub(r"\s+--\s+", " – ", text).strip()


def load_fever(data_dir: Path, limit: int | None) -> list[tuple[int, str, str]]:
    """(1 = REFUTES, 0 = SUPPORTS, claim, evidence) of FEVER-symmetric v0.2 dev, file order."""
    path = require(data_dir, "fever-symmetric", "symmetric_v0.2", "fever_symmetric_dev.jsonl")
    if path is None:
        return []
    rows: list[tuple[int, str, str]] = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                rows.append((int(r["gold_label"] == "REFUTES"), detokenize(r["claim"]), detokenize(r["evidence"])))
    return rows[:limit] if limit else rows


def _closest_sentence(headline: str, body: str) -> str:
    """The body sentence sharing most words with the headline (lexical, to stay fast)."""
    from rapidfuzz import fuzz

    sents = [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", body) if len(s.split()) >= 5]
    if not sents:
        return body[:300]
    return max(sents, key=lambda s: fuzz.token_set_ratio(headline.lower(), s.lower()))


def contradiction_predictions(pairs: Sequence[tuple[str, str]], settings: Settings) -> list[bool]:
    """Whether the structured checks flag each sentence pair as contradictory (the pair
    checks of ``find_contradictions``, actors resolved to canonical entities of the set)."""
    from newsdesk.crosscheck import align, contradict
    from newsdesk.embed import get_embedder
    from newsdesk.extract.dates import extract_times
    from newsdesk.extract.entities import canonicalize_entities, extract_mentions
    from newsdesk.model import ArticleAnnotations, Claim

    if not pairs:
        return []
    texts, docs, arts, qty = _parse_pairs(pairs, settings)
    actors = contradict.ActorIndex(canonicalize_entities(
        arts, {a.id: extract_mentions(a, d) for a, d in zip(arts, docs, strict=True)}))
    anns = {a.id: ArticleAnnotations(a.id, quantities=q, times=extract_times(a, d))
            for a, q, d in zip(arts, qty, docs, strict=True)}
    claims = [Claim(a.id, a.id, a.evidence(0, len(a.text)), "fact") for a in arts]
    props = align.propositions_from_docs(docs, quantities=qty)
    scorer = align.PairScorer(props, get_embedder(settings.embedder).encode(texts))
    states = [contradict.object_states(d) for d in docs]
    by_id = {a.id: a for a in arts}
    out: list[bool] = []
    for k in range(len(pairs)):
        i, j = 2 * k, 2 * k + 1
        x = contradict.new_vs_existing(i, j, claims, states, by_id)
        x = x or contradict.pair_contradiction(i, j, claims, scorer, docs, anns, by_id, actors)
        out.append(x is not None)
    return out


def _contradiction_metrics(prefix: str, labels: Sequence[int], pred: Sequence[bool]) -> dict[str, float]:
    tp = sum(1 for y, p in zip(labels, pred, strict=True) if y and p)
    fp = sum(1 for y, p in zip(labels, pred, strict=True) if not y and p)
    fn = sum(1 for y, p in zip(labels, pred, strict=True) if y and not p)
    p, r, _ = prf(tp, fp, fn)
    out = {f"{prefix}.contradiction_recall": r, f"{prefix}.contradiction_flagged": float(tp + fp)}
    if tp + fp:  # precision of nothing flagged is undefined, not 0 (and not 1)
        out[f"{prefix}.contradiction_precision"] = p
    return out


def _pair_suite(result: SuiteResult, data_dir: Path, limit: int | None, settings: Settings) -> None:
    mrpc = load_mrpc(data_dir, limit or MRPC_PAIRS)
    if mrpc:
        p, r, f = alignment_prf([y for y, _, _ in mrpc], pair_signals([(a, b) for _, a, b in mrpc], settings))
        result.metrics.update({"claims.mrpc.align_precision": p, "claims.mrpc.align_recall": r,
                               "claims.mrpc.align_f1": f})
    strength = load_claimdiff(data_dir, "S", limit or CLAIMDIFF_PAIRS)
    if strength:
        p, r, f = alignment_prf([y for y, _, _ in strength], pair_signals([(a, b) for _, a, b in strength], settings))
        result.metrics.update({"claims.claimdiff.align_precision": p, "claims.claimdiff.align_recall": r,
                               "claims.claimdiff.align_f1": f})
    weak = load_claimdiff(data_dir, "W", limit or CLAIMDIFF_PAIRS)
    if weak:
        pred = contradiction_predictions([(a, b) for _, a, b in weak], settings)
        result.metrics.update(_contradiction_metrics("claims.claimdiff", [y for y, _, _ in weak], pred))
    fnc = load_fnc1(data_dir, limit or FNC1_PAIRS)
    if fnc:
        pairs = [(h, _closest_sentence(h, b)) for _, h, b in fnc]
        pred = contradiction_predictions(pairs, settings)
        result.metrics.update(_contradiction_metrics("claims.fnc1", [y for y, _, _ in fnc], pred))
    fever = load_fever(data_dir, limit or FEVER_PAIRS)
    if fever:
        pred = contradiction_predictions([(a, b) for _, a, b in fever], settings)
        result.metrics.update(_contradiction_metrics("claims.fever", [y for y, _, _ in fever], pred))
        result.metrics["claims.fever.false_flags"] = float(sum(1 for (y, _, _), p in zip(fever, pred, strict=True)
                                                                if p and not y))


def cross_check_texts(
    docs: Sequence[tuple[str, str, str | None]], settings: Settings | None = None,
    published: Sequence[str | None] | None = None,
) -> tuple[list[Article], Story]:
    """Cross-check ``(source, text, url)`` documents as one story (no ingest/clean/stories).

    Near-duplicates are marked by ``dedup.find_duplicates`` and every extract stage runs as
    in the pipeline, so tests and the eval measure this module without story clustering.
    ``published``: each document's publication date (ISO), when the check needs dates.
    """
    from newsdesk.crosscheck import cross_check
    from newsdesk.dedup import find_duplicates
    from newsdesk.pipeline import parse_and_annotate

    settings = settings or Settings()
    dates = list(published) if published is not None else [None] * len(docs)
    arts = [Article(id=content_hash(src, text), source=src, text=text, raw_text=text, url=url, published=day)
            for (src, text, url), day in zip(docs, dates, strict=True)]
    arts, annotations, entities, parsed = parse_and_annotate(find_duplicates(arts), settings)
    story = Story(id="s" + content_hash(*(a.id for a in arts), length=15), headline="",
                  article_ids=tuple(a.id for a in arts))
    return arts, cross_check(story, arts, annotations, entities, settings, docs=parsed)


def gold_documents(gold: dict[str, Any], shared: Path) -> list[tuple[str, str, str | None]]:
    """``(source, text, url)`` for a gold story's docs (corpus files or data-set JSON)."""
    out: list[tuple[str, str, str | None]] = []
    for fname in gold["docs"].values():
        if "data_dir" in gold:
            rec = json.loads((shared / "data" / gold["data_dir"] / fname).read_text(encoding="utf-8"))
            out.append((fname, f"{rec.get('title') or ''}\n{rec.get('text') or ''}".strip(), rec.get("url")))
        else:
            out.append((fname, (shared / "corpus" / "venezuela-russia-2025" / fname).read_text(encoding="utf-8"), None))
    return out


def score_report(report: Report, gold_path: Path, shared: Path) -> tuple[dict[str, float], str]:
    """score_gold.py's figures for ``report`` (written to a temporary report.json)."""
    from newsdesk.report.json import render_json

    with tempfile.TemporaryDirectory() as tmpdir:
        path = Path(tmpdir) / "report.json"
        path.write_text(render_json(report), encoding="utf-8")
        proc = subprocess.run(
            [sys.executable, str(shared / "tools" / "score_gold.py"), str(path), str(gold_path),
             "--data", str(shared / "data")],
            capture_output=True, text=True, check=False, timeout=120,
        )
    line = proc.stdout.strip()
    return parse_score_line(line), line


_SCORE_LINE = re.compile(
    r"aligned pairs (\d+)/(\d+), false merges (\d+), single-source (\d+)/(\d+), "
    r"contradictions found \[(.*?)\] of \[(.*?)\], traps flagged \[(.*?)\], contradictions total (\d+)"
)


def parse_score_line(line: str) -> dict[str, float]:
    """score_gold.py's one line of figures as metrics (without the suite prefix)."""
    m = _SCORE_LINE.search(line)
    if not m:
        return {}
    def count(s: str) -> int:
        return len([x for x in s.split(",") if x.strip()])
    pairs = int(m.group(2))
    return {
        "aligned_pairs": float(m.group(1)), "aligned_pair_recall": int(m.group(1)) / pairs if pairs else 0.0,
        "false_merges": float(m.group(3)), "single_source": float(m.group(4)),
        "contradictions_found": float(count(m.group(6))), "contradictions_gold": float(count(m.group(7))),
        "traps_flagged": float(count(m.group(8))), "contradictions_total": float(m.group(9)),
    }


def _gold_inputs(gold: dict[str, Any], shared: Path) -> list[str]:
    """Input paths for a gold story: the corpus folder, or its data-set docs (news-please
    article files, read as they are, publication dates and all)."""
    if "data_dir" not in gold:
        return [str(shared / "corpus" / "venezuela-russia-2025")]
    return [str(shared / "data" / gold["data_dir"] / fname) for fname in gold["docs"].values()]


def score_gold_story(gold_path: Path, shared: Path, settings: Settings) -> tuple[dict[str, float], str]:
    """Run the pipeline on a gold story and score its report with score_gold.py."""
    from newsdesk.pipeline import analyze

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    return score_report(analyze(_gold_inputs(gold, shared), settings), gold_path, shared)


def _gold_suite(result: SuiteResult, data_dir: Path, settings: Settings) -> None:
    shared = data_dir.parent
    for key, name in (("gold_vz", "venezuela-russia-2025.json"), ("gold_eb", "electric-bill-2017.json")):
        gold_path = shared / "gold" / name
        if not gold_path.exists() or not (shared / "tools" / "score_gold.py").exists():
            result.notes.append(f"{key}: {gold_path} or score_gold.py absent, skipped")
            continue
        figures, line = score_gold_story(gold_path, shared, settings)
        result.notes.append(f"{key}: {line}")
        result.metrics.update({f"claims.{key}.{k}": v for k, v in figures.items()})


def load_allsides(data_dir: Path, limit: int | None) -> list[list[tuple[str, str, str | None]]]:
    """NeuS-AllSides val stories as ``(source, headline + lead, None)`` documents, file order."""
    path = require(data_dir, "neus-allsides-mds", "val.source")
    if path is None:
        return []
    stories: list[list[tuple[str, str, str | None]]] = []
    for k, line in enumerate(path.read_text(encoding="utf-8").splitlines()[:limit]):
        docs: list[tuple[str, str, str | None]] = []
        for i, part in enumerate(line.split("[SEP]")):
            m = re.match(r"\s*TITLE=>\s*(.*?)\s*ARTICLE=>\s*(.*)", part, re.S)
            if m:
                docs.append((f"allsides-{k}-{i}.txt", m.group(1).strip() + "\n\n" + m.group(2).strip(), None))
        if len(docs) >= 2:
            stories.append(docs)
    return stories


def _allsides_suite(result: SuiteResult, data_dir: Path, limit: int, settings: Settings) -> None:
    stories = load_allsides(data_dir, limit)
    if not stories:
        return
    flagged = sum(len(cross_check_texts(docs, settings)[1].contradictions) for docs in stories)
    result.metrics.update({"claims.allsides.stories": float(len(stories)),
                           "claims.allsides.contradictions_flagged": float(flagged)})


def load_ecbplus_events(data_dir: Path, limit: int | None) -> list[list[Article]]:
    """One ECB+ sub-topic of each topic (one seminal event each: an earthquake, a
    shooting, a game), the first and the second in turn, its articles in file order; the
    first ``limit`` of them."""
    from newsdesk.eval.stories import load_ecbplus

    corpus = load_ecbplus(data_dir)
    if corpus is None:
        return []
    events: dict[str, list[Article]] = {}
    for art, sub in zip(corpus.articles, corpus.labels["subtopic"], strict=True):
        events.setdefault(sub, []).append(art)
    subs = sorted(events)  # each topic's two sub-topics side by side: "10ecb", "10ecbplus"
    chosen = [events[sub] for i, sub in enumerate(subs) if (i // 2) % 2 == i % 2]
    return chosen[:limit] if limit else chosen


def _ecbplus_suite(result: SuiteResult, data_dir: Path, limit: int | None, settings: Settings) -> None:
    events = load_ecbplus_events(data_dir, limit)
    if not events:
        return
    flagged = 0
    for arts in events:
        docs = [(a.source or a.id, a.text, a.url) for a in arts]
        flagged += len(cross_check_texts(docs, settings, published=[a.published for a in arts])[1].contradictions)
    result.metrics.update({"claims.ecbplus.events": float(len(events)),
                           "claims.ecbplus.contradictions_flagged": float(flagged)})


def run(data_dir: Path, limit: int | None = None, settings: Settings | None = None) -> SuiteResult:
    """The claims suite; ``limit`` caps the pairs read from each pair data set."""
    settings = settings or Settings()
    if not data_dir.is_dir():
        return skip(SUITE, f"{data_dir} is absent")
    result = SuiteResult(suite=SUITE)
    with timed() as t:
        _pair_suite(result, data_dir, limit, settings)
        _gold_suite(result, data_dir, settings)
        _allsides_suite(result, data_dir, limit or ALLSIDES_STORIES, settings)
        _ecbplus_suite(result, data_dir, limit, settings)
    result.metrics["claims.seconds"] = t["seconds"]
    result.rows = [{"metric": k, "value": round(v, 4)} for k, v in sorted(result.metrics.items())]
    return result
