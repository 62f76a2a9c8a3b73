"""Check-worthiness suite (``newsdesk eval checkworthy``): ``extract.worthiness`` on
sentences a public data set labels check-worthy or not.

Both sets are US political debate transcripts, not news. Each line is a speaker's own
words, so it is scored as the pipeline scores the words of a quote: kind from
``claims.classify_sentence`` (quoted), stance from ``claims.speaker_view``, figures,
dates and names from the pipeline's own extractors (``pipeline.parse_and_annotate``
over the lines of a transcript, or of a block of ``BLOCK_LINES`` ClaimBuster sentences,
joined by line breaks). A line scores its best sentence's score; a line with no
statement scores 0.

- ``checkworthy.claimbuster.*`` (checkworthiness/claimbuster/train.json: check-worthy
  factual sentences vs the rest): average precision of the ranking, the precision,
  recall and F1 of "score >= ``worthiness.CHECKWORTHY``", and ``cfs_as_view``: the
  share of check-worthy sentences the stance rules call a view (an error). On the
  sentences with no first- or second-person word, which read as a news writer's would,
  ``third_person.cfs_as_fact`` is the share of check-worthy factual ones in which the
  pipeline's news-voice claims (``claims.extract_claims``) hold a fact (its recall of
  facts; the rest it calls opinion, question or no claim) and
  ``third_person.ncs_as_fact`` the share of the rest (opinions, but also unimportant
  facts).
- ``checkworthy.clef2020.*`` (CLEF-2020 CheckThat! task 5, test-gold: 20 debates, 136
  check-worthy of 21,514 lines): mean average precision over the debates, and the MAP
  of the same lines in their transcript order as a baseline.

- ``checkworthy.claimbuster.odd_ap`` / ``.fitted_odd_ap`` and
  ``checkworthy.clef2020.fitted_map``: the hand-set score against a logistic regression
  over the same marks fitted on the even-numbered ClaimBuster sentences
  (``fitted_comparison``), on the odd-numbered ones and on CLEF-2020: why
  ``extract.worthiness`` keeps its own weights.

No weight of ``extract.worthiness`` was fitted to these sets. Dev figures.
"""

from __future__ import annotations

import csv
import json
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsdesk.eval.base import SuiteResult, prf, require, skip, timed
from newsdesk.extract.worthiness import Marks
from newsdesk.model import Article
from newsdesk.settings import Settings

SUITE = "checkworthy"
DATA = "checkworthiness"
# ClaimBuster sentences are independent: scored in blocks of this many lines per text.
BLOCK_LINES = 200
# Lines parsed per call (ClaimBuster: 25 blocks, enough for parallel parsing; CLEF: about
# five debates), which bounds the suite's memory.
BATCH_LINES = 5000


@dataclass(frozen=True)
class LineScore:
    """One transcript line: its check-worthiness and whether it states only views, read as
    the speaker's own words; and ``news_fact``, for a line with no first- or second-person
    word, whether the pipeline's news-voice claims (``claims.extract_claims``, a sentence's
    coordinated clauses each a claim of its own kind) hold a fact there (None for other
    lines)."""

    score: float
    view: bool
    news_fact: bool | None
    marks: Marks | None = None  # the marks of the line's best sentence (``worthiness_marks``)


# ClaimBuster's scored lines and their labels (what ``fitted_comparison`` reads).
Scored = tuple[list[LineScore], list[int]]


# First- and second-person words: a line with none reads as a news writer's sentence.
_PERSONAL = frozenset("i me my mine we us our ours you your yours".split())


def score_lines(blocks: Sequence[Sequence[str]], settings: Settings | None = None) -> list[list[LineScore]]:
    """``LineScore`` of each line of each block (a transcript). Blocks are parsed about
    ``BATCH_LINES`` lines at a time, so the parses of a whole data set are never held at
    once."""
    out: list[list[LineScore]] = []
    batch: list[Sequence[str]] = []
    lines = 0
    for i, block in enumerate(blocks):
        batch.append(block)
        lines += len(block)
        if i == len(blocks) - 1 or lines + len(blocks[i + 1]) > BATCH_LINES:
            out.extend(_score_batch(batch, settings or Settings()))
            batch, lines = [], 0
    return out


def _score_batch(blocks: Sequence[Sequence[str]], settings: Settings) -> list[list[LineScore]]:
    from newsdesk.extract.claims import classify_sentence, speaker_view
    from newsdesk.extract.worthiness import score, worthiness_marks
    from newsdesk.pipeline import parse_and_annotate

    articles, spans = [], []
    for i, lines in enumerate(blocks):
        text, offsets = "", []
        for line in lines:
            start = len(text)
            text += " ".join(line.split())
            offsets.append((start, len(text)))
            text += "\n"
        articles.append(Article(id=f"t{i}", source=f"transcript:{i}", text=text, raw_text=text))
        spans.append(offsets)
    arts, annotations, _, docs = parse_and_annotate(articles, settings)
    out: list[list[LineScore]] = []
    for art, offsets in zip(arts, spans, strict=True):
        doc, ann = docs[art.id], annotations[art.id]
        starts = [a for a, _ in offsets]
        best: list[float] = [0.0] * len(offsets)
        marks: list[Marks | None] = [None] * len(offsets)
        views: list[list[bool]] = [[] for _ in offsets]
        facts = [False] * len(offsets)
        for claim in ann.claims:  # the news-voice claims the pipeline extracted, clauses split
            facts[bisect_right(starts, claim.evidence.start) - 1] |= claim.kind == "fact"
        personal = [False] * len(offsets)
        for sent in art.sentences:
            row = bisect_right(starts, sent.start) - 1
            span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
            if span is None:
                continue
            personal[row] = personal[row] or any(t.lower_ in _PERSONAL for t in span)
            kind = classify_sentence(span.text, span, quoted=True)
            if kind is not None:
                found = worthiness_marks(list(span), kind, ann)
                value = score(found)
                if marks[row] is None or value > best[row]:
                    best[row], marks[row] = value, found
                views[row].append(kind != "quote" or speaker_view(list(span)))
        out.append([LineScore(b, bool(v) and all(v), None if p else f, m)
                    for b, v, f, p, m in zip(best, views, facts, personal, marks, strict=True)])
    return out


def average_precision(scores: Sequence[float], labels: Sequence[int]) -> float | None:
    """Average precision of ranking by score (ties in the given order); None without positives."""
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    hits, total = 0, 0.0
    for rank, i in enumerate(order, 1):
        if labels[i]:
            hits += 1
            total += hits / rank
    return total / hits if hits else None


def _share(flags: Sequence[bool]) -> float:
    return sum(flags) / len(flags) if flags else 0.0


def _transcripts(folder: Path, limit: int | None) -> list[list[tuple[str, int]]]:
    """Each TSV transcript (line number, speaker, text, label) as (text, label) lines."""
    out = []
    for path in sorted(folder.glob("*.tsv"))[:limit]:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = [r for r in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE) if len(r) >= 4]
        out.append([(r[2], int(r[3])) for r in rows if r[3].strip() in {"0", "1"}])
    return out


def claimbuster_figures(path: Path, limit: int | None) -> tuple[dict[str, float], dict[str, object], Scored]:
    """Metrics, the table row, and the scored lines with their labels (``fitted_comparison``)."""
    from newsdesk.extract.worthiness import CHECKWORTHY

    items = json.loads(path.read_text(encoding="utf-8"))
    if limit:  # evenly spaced: the file lists the check-worthy sentences first
        items = items[::max(1, len(items) // limit)][:limit]
    texts = [str(x["text"]) for x in items]
    labels = [int(x["label"]) for x in items]
    blocks = [texts[i:i + BLOCK_LINES] for i in range(0, len(texts), BLOCK_LINES)]
    scored = [s for block in score_lines(blocks) for s in block]
    scores = [s.score for s in scored]
    flagged = [s >= CHECKWORTHY for s in scores]
    tp = sum(f and y for f, y in zip(flagged, labels, strict=True))
    fp = sum(f and not y for f, y in zip(flagged, labels, strict=True))
    p, r, f1 = prf(tp, fp, sum(labels) - tp)
    positives = [s.view for s, y in zip(scored, labels, strict=True) if y]
    news = [(s.news_fact, y) for s, y in zip(scored, labels, strict=True) if s.news_fact is not None]
    ap = average_precision(scores, labels) or 0.0
    m = {"ap": ap, "precision": p, "recall": r, "f1": f1,
         "cfs_as_view": _share(positives),
         "third_person.cfs_as_fact": _share([f for f, y in news if y]),
         "third_person.ncs_as_fact": _share([f for f, y in news if not y])}
    return m, {"set": "claimbuster train", "sentences": len(texts), "check-worthy": sum(labels), **m}, \
        (scored, labels)


def clef_figures(
    folder: Path, limit: int | None,
) -> tuple[dict[str, float], dict[str, object], tuple[list[list[LineScore]], list[list[int]]]]:
    """Metrics, the table row, and each debate's scored lines with their labels."""
    debates = [d for d in _transcripts(folder, limit) if any(y for _, y in d)]
    scores = score_lines([[t for t, _ in d] for d in debates])
    aps, order_aps = [], []
    for d, s in zip(debates, scores, strict=True):
        labels = [y for _, y in d]
        aps.append(average_precision([x.score for x in s], labels) or 0.0)
        order_aps.append(average_precision([-float(i) for i in range(len(labels))], labels) or 0.0)
    m = {"map": sum(aps) / len(aps), "order_map": sum(order_aps) / len(order_aps)}
    return m, {"set": "clef2020 task5 test-gold", "debates": len(debates),
               "lines": sum(len(d) for d in debates), "check-worthy": sum(y for d in debates for _, y in d), **m}, \
        (scores, [[y for _, y in d] for d in debates])


def _features(marks: Marks | None) -> list[float]:
    """A line's marks as numbers for a fitted model (all 0 for a line with no statement)."""
    if marks is None:
        return [0.0] * 7
    return [float(x) for x in (marks.view, marks.question, marks.figure, marks.named, marks.past, marks.dated,
                               marks.compared)]


def fitted_comparison(cb_lines: Sequence[LineScore], cb_labels: Sequence[int],
                      clef_lines: Sequence[Sequence[LineScore]] = (),
                      clef_labels: Sequence[Sequence[int]] = ()) -> dict[str, float]:
    """The hand-set score against a logistic regression over the same marks, fitted on the
    even-numbered ClaimBuster sentences: ``claimbuster.odd_ap`` and ``.fitted_odd_ap``
    (average precision on the odd-numbered ones), and ``clef2020.fitted_map`` (to set
    beside ``clef2020.map``). Why ``extract.worthiness`` keeps its own weights."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = np.asarray([_features(s.marks) for s in cb_lines])
    y = np.asarray(cb_labels)
    even = np.arange(len(y)) % 2 == 0
    out: dict[str, float] = {}
    if len(set(y[even].tolist())) < 2 or not (~even).any():
        return out
    model = LogisticRegression(max_iter=1000).fit(x[even], y[even])
    odd = np.flatnonzero(~even)
    hand = np.asarray([s.score for s in cb_lines])
    out["claimbuster.odd_ap"] = average_precision(hand[odd].tolist(), y[odd].tolist()) or 0.0
    out["claimbuster.fitted_odd_ap"] = average_precision(model.predict_proba(x[odd])[:, 1].tolist(),
                                                         y[odd].tolist()) or 0.0
    if clef_lines:
        aps = [average_precision(model.predict_proba(np.asarray([_features(s.marks) for s in lines]))[:, 1].tolist(),
                                 list(labels)) or 0.0 for lines, labels in zip(clef_lines, clef_labels, strict=True)]
        out["clef2020.fitted_map"] = sum(aps) / len(aps)
    return out


def run(data_dir: Path, limit: int | None = None) -> SuiteResult:
    """``limit``: N ClaimBuster sentences, evenly spaced, and the first N CLEF debates (None: all)."""
    base = require(data_dir, DATA)
    if base is None:
        return skip(SUITE, f"{data_dir / DATA} is absent")
    metrics: dict[str, float] = {}
    rows: list[dict[str, object]] = []
    claimbuster: Scored | None = None
    clef: tuple[list[list[LineScore]], list[list[int]]] = ([], [])
    with timed() as t:
        if (path := require(base, "claimbuster", "train.json")) is not None:
            m, row, claimbuster = claimbuster_figures(path, limit)
            metrics.update({f"{SUITE}.claimbuster.{k}": v for k, v in m.items()})
            rows.append(row)
        if (folder := require(base, "clef2020-task5", "test-gold")) is not None:
            m, row, clef = clef_figures(folder, limit)
            metrics.update({f"{SUITE}.clef2020.{k}": v for k, v in m.items()})
            rows.append(row)
        if claimbuster is not None:
            metrics.update({f"{SUITE}.{k}": v for k, v in fitted_comparison(*claimbuster, *clef).items()})
    if not rows:
        return skip(SUITE, f"neither claimbuster/train.json nor clef2020-task5/test-gold under {base}")
    notes = [f"dev figures in {t['seconds']:.1f} s; debate transcripts, not news: each line read as a quote",
             "CLEF-2020's own baselines (organisers' dev split, not this test split): random AvgP 0.021, "
             "n-gram 0.095"]
    return SuiteResult(suite=SUITE, metrics=metrics, rows=rows, notes=notes)
