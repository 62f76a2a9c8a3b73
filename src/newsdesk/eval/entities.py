"""Entities suite: NER mention F1 and cross-document coreference on MEANTIME (English).

Data: ``meantime-en-cdcr`` (120 Wikinews articles, 4 topics; see its SOURCE.txt).
Each document's text is rebuilt from the CoNLL tokens (one sentence per line, light
detokenization) so gold token spans become character spans.

What is scored, and why:

- **NER** against the *named* gold mentions (head word tagged PROPN). MEANTIME also
  annotates pronouns and common-noun phrases ("the company"), which a name tagger is
  not meant to find. A predicted mention matches a gold one when it contains the gold
  head word (MEANTIME extents include determiners and modifiers: "the first Airbus
  A380"); matching is one-to-one. spaCy labels map to MEANTIME types: PERSON->PER,
  ORG->ORG or FIN (OntoNotes tags stock indices ORG), GPE/LOC/FAC/NORP->LOC (MEANTIME
  marks nationality adjectives LOC), PRODUCT/WORK_OF_ART->PRO; EVENT/LAW/LANGUAGE
  predictions have no MEANTIME type and are left out.
- **CDCR** B-cubed over the named gold mentions of all documents as one run (MEANTIME
  chains are global: "US" is one chain in every topic): ``canonicalize_entities`` over
  the gold mentions' name part, against exact-string merging. ``cdcr_predicted`` does
  the same over predicted mentions, scored on those matched to a gold mention.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsdesk.eval.base import SuiteResult, prf, require, skip, timed
from newsdesk.extract.entities import TITLE_WORDS, canonicalize_entities, extract_mentions
from newsdesk.model import Article, Mention

SUITE = "entities"
PREFIX = "entities.meantime"
MEANTIME_TYPES = ("PER", "ORG", "LOC", "PRO", "FIN")
# spaCy label -> MEANTIME types it may match; the first one is the type a false
# positive is charged to. From the SOURCE.txt type list and OntoNotes guidelines.
LABEL_TO_MEANTIME: dict[str, tuple[str, ...]] = {
    "PERSON": ("PER",),
    "ORG": ("ORG", "FIN"),
    "GPE": ("LOC",),
    "LOC": ("LOC",),
    "FAC": ("LOC",),
    "NORP": ("LOC",),
    "PRODUCT": ("PRO",),
    "WORK_OF_ART": ("PRO",),
}
# MEANTIME type -> spaCy label given to gold mentions fed to canonicalize_entities.
MEANTIME_TO_LABEL = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE", "PRO": "PRODUCT", "FIN": "ORG"}
_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?%)\]}\u201d]|'s|'|n't|'re|'ve|'ll|'d|'m)$", re.IGNORECASE)
_NO_SPACE_AFTER = {"(", "[", "{", "$", "#", "\u201c"}
_QUOTE_MARKS = {"``": "\u201c", "''": "\u201d"}
# Words that may sit inside a multi-word name between capitalized words.
_NAME_JOINERS = {"of", "and", "&", "de", "du", "la", "for", "the", "-", "."}


@dataclass(frozen=True)
class MeantimeDoc:
    """One MEANTIME document's rebuilt text and where each CoNLL token sits in it."""

    key: str
    text: str
    tokens: Mapping[tuple[int, int], tuple[int, int]]  # (sent, tok) -> char span


@dataclass(frozen=True)
class GoldMention:
    """One gold entity mention as character spans of its document's rebuilt text."""

    doc: str
    start: int  # full MEANTIME extent
    end: int
    head: tuple[int, int]  # char span of the head word
    name: tuple[int, int]  # capitalized run around the head: the name part
    type: str
    chain: str
    named: bool  # head word is a proper noun


def run(data_dir: Path, limit: int | None = None) -> SuiteResult:
    """Score NER and cross-document coreference on MEANTIME.

    ``limit`` keeps the first documents (in document-key order) that have gold entities.
    """
    folder = require(data_dir, "meantime-en-cdcr")
    if folder is None:
        return skip(SUITE, f"{data_dir / 'meantime-en-cdcr'} is absent")
    from newsdesk.nlp import load_nlp
    from newsdesk.settings import Settings

    with timed() as t:
        docs = load_documents(folder / "meantime.conll")
        gold = load_gold(folder / "entities_mentions.json", docs)
        keys = sorted({g.doc for g in gold})[:limit]
        articles = [Article(id=k, source=k, text=docs[k].text, raw_text=docs[k].text) for k in keys]
        wanted = set(keys)
        extents = [g for g in gold if g.doc in wanted]
        gold = [g for g in extents if g.named]
        nlp = load_nlp(Settings().spacy_model)
        docs_nlp = nlp.pipe(a.text for a in articles)
        predicted = {a.id: extract_mentions(a, d) for a, d in zip(articles, docs_nlp, strict=True)}
        result = SuiteResult(suite=SUITE)
        matches = _score_ner(result, predicted, gold, extents)
        _score_cdcr(result, articles, gold, predicted, matches)
    result.metrics[f"{PREFIX}.documents"] = float(len(articles))
    result.metrics[f"{PREFIX}.gold_named_mentions"] = float(len(gold))
    result.notes.append("dev figures (MEANTIME English, all 4 topics); gold = named mentions (PROPN head)")
    result.notes.append("ner.* counts false positives only inside gold entity extents (MEANTIME marks "
                        "only event participants); ner.strict_* counts every prediction")
    result.notes.append(f"{len(articles)} documents in {t['seconds']:.1f} s")
    return result


def load_documents(conll: Path, quote_marks: bool = False) -> dict[str, MeantimeDoc]:
    """Rebuild each document's text from CoNLL tokens: one sentence per line.
    ``quote_marks``: write the CoNLL quote tokens ``` `` ``` and ``''`` as curly quotes."""
    sentences: dict[str, dict[int, list[tuple[int, str]]]] = defaultdict(lambda: defaultdict(list))
    for line in conll.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 4 and not line.startswith("#"):
            token = _QUOTE_MARKS.get(parts[3], parts[3]) if quote_marks else parts[3]
            sentences[parts[0]][int(parts[1])].append((int(parts[2]), token))
    docs: dict[str, MeantimeDoc] = {}
    for key, sents in sentences.items():
        chunks: list[str] = []
        offsets: dict[tuple[int, int], tuple[int, int]] = {}
        pos = 0
        for sent_id in sorted(sents):
            prev = ""
            for i, (tok_id, token) in enumerate(sorted(sents[sent_id])):
                if i and not _NO_SPACE_BEFORE.match(token) and prev not in _NO_SPACE_AFTER:
                    chunks.append(" ")
                    pos += 1
                offsets[(sent_id, tok_id)] = (pos, pos + len(token))
                chunks.append(token)
                pos += len(token)
                prev = token
            chunks.append("\n")
            pos += 1
        docs[key] = MeantimeDoc(key, "".join(chunks), offsets)
    return docs


def load_gold(path: Path, docs: Mapping[str, MeantimeDoc]) -> list[GoldMention]:
    """Gold entity mentions (continuous extents) as character spans; ``named`` marks PROPN heads.

    Nested mentions of one chain with the same head ("Apple CEO Steve Jobs" around
    "Steve Jobs") are one mention for a name tagger: only the shortest extent is kept.
    """
    best: dict[tuple[str, tuple[int, int], str], GoldMention] = {}
    for m in json.loads(path.read_text(encoding="utf-8")):
        doc = docs.get(m["conll_doc_key"])
        if doc is None or not m["is_continuous"]:
            continue
        sent, toks = m["sent_id"], sorted(m["tokens_number"])
        spans = [doc.tokens[(sent, t)] for t in toks if (sent, t) in doc.tokens]
        if not spans:
            continue
        head = _head_span(doc.text, spans, m["mention_head"], doc.tokens.get((sent, m["mention_head_id"])))
        chain = re.sub(r"^(?:cross_intra_|cross_|intra_)", "", m["coref_chain"])
        name = _name_part(doc.text, spans, head)
        named = m["mention_head_pos"] == "PROPN"
        gold = GoldMention(doc.key, spans[0][0], spans[-1][1], head, name, m["mention_type"], chain, named)
        old = best.get((doc.key, head, chain))
        if old is None or gold.end - gold.start < old.end - old.start:
            best[(doc.key, head, chain)] = gold
    return sorted(best.values(), key=lambda g: (g.doc, g.start, g.end, g.head))


def _head_span(
    text: str, spans: Sequence[tuple[int, int]], head_word: str, given: tuple[int, int] | None
) -> tuple[int, int]:
    """The head word's span: the given token when it lies in the extent and reads
    ``head_word``; else the last token reading ``head_word``; else the last token.

    (A few records' head ids point outside their extent, at "his" or "died".)
    """
    if given is not None and given in spans and text[given[0]:given[1]] == head_word:
        return given
    same = [s for s in spans if text[s[0]:s[1]] == head_word]
    return same[-1] if same else spans[-1]


def _name_part(text: str, spans: Sequence[tuple[int, int]], head: tuple[int, int]) -> tuple[int, int]:
    """The run of capitalized words (with joiners like "of") around the head word.

    Title words before the head are cut ("Apple CEO Steve Jobs" -> "Steve Jobs"), as a
    name tagger would; a title that is itself the head stays ("Apple CEO").
    """
    words = [text[s:e] for s, e in spans]
    i = spans.index(head) if head in spans else len(spans) - 1

    def is_name(k: int) -> bool:
        return 0 <= k < len(words) and (words[k][:1].isupper() or words[k][:1].isdigit())

    def extends(k: int, step: int) -> bool:  # a name word, or a joiner followed by one
        return is_name(k) or (0 <= k < len(words) and words[k].lower() in _NAME_JOINERS and is_name(k + step))

    lo = hi = i
    while extends(lo - 1, -1):
        lo -= 1
    while extends(hi + 1, 1):
        hi += 1
    for k in range(lo, i):
        if words[k].rstrip(".").lower() in TITLE_WORDS:
            lo = k + 1
    return spans[lo][0], spans[hi][1]


def match_mentions(
    predicted: Sequence[Mention], gold: Sequence[GoldMention]
) -> list[tuple[Mention, GoldMention]]:
    """One-to-one pairs (same document): the prediction contains the gold head word.

    Greedy by overlap size, then by the shorter gold extent: MEANTIME nests mentions
    ("Apple CEO Steve Jobs" around "Steve Jobs") and "Steve Jobs" should take the inner one.
    """
    by_doc: dict[str, list[GoldMention]] = defaultdict(list)
    for g in gold:
        by_doc[g.doc].append(g)
    cands: list[tuple[int, int, int, int, Mention, GoldMention]] = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(by_doc.get(p.article_id, ())):
            if p.start <= g.head[0] and g.head[1] <= p.end:
                overlap = min(p.end, g.end) - max(p.start, g.start)
                cands.append((-overlap, g.end - g.start, i, j, p, g))
    cands.sort(key=lambda c: c[:4])
    used_p: set[int] = set()
    used_g: set[tuple[str, int]] = set()
    pairs: list[tuple[Mention, GoldMention]] = []
    for _, _, i, j, p, g in cands:
        if i not in used_p and (g.doc, j) not in used_g:
            used_p.add(i)
            used_g.add((g.doc, j))
            pairs.append((p, g))
    return pairs


def _score_ner(
    result: SuiteResult,
    predicted: Mapping[str, Sequence[Mention]],
    gold: Sequence[GoldMention],
    extents: Sequence[GoldMention],
) -> list[tuple[Mention, GoldMention]]:
    """Typed per-type and micro P/R/F1, and untyped span F1; returns the matched pairs.

    MEANTIME marks only entities that take part in its annotated events ("Ron Sugar"
    said ... is not marked), so a prediction outside every gold entity extent is not
    known to be wrong: ``ner.*`` counts false positives only among predictions that
    overlap a gold entity extent (named or not); ``ner.strict_*`` counts all of them.
    """
    all_preds = [m for k in sorted(predicted) for m in predicted[k] if m.label in LABEL_TO_MEANTIME]
    pairs = match_mentions(all_preds, gold)
    strict_tp = sum(1 for p, g in pairs if g.type in LABEL_TO_MEANTIME[p.label])
    _put(result, "ner.strict_micro", prf(strict_tp, len(all_preds) - strict_tp, len(gold) - strict_tp))
    by_doc: dict[str, list[GoldMention]] = defaultdict(list)
    for g in extents:
        by_doc[g.doc].append(g)
    preds = [p for p in all_preds if any(g.start < p.end and p.start < g.end for g in by_doc[p.article_id])]
    typed = [(p, g) for p, g in pairs if g.type in LABEL_TO_MEANTIME[p.label]]
    tp = Counter(g.type for _, g in typed)
    typed_ids = {id(p) for p, _ in typed}
    fp: dict[str, int] = defaultdict(int)
    for p in preds:
        if id(p) not in typed_ids:
            fp[LABEL_TO_MEANTIME[p.label][0]] += 1
    n_gold = Counter(g.type for g in gold)
    for etype in MEANTIME_TYPES:
        p_, r_, f_ = prf(tp[etype], fp[etype], n_gold[etype] - tp[etype])
        result.metrics[f"{PREFIX}.ner.{etype.lower()}_f1"] = round(f_, 4)
        result.rows.append({"type": etype, "gold": n_gold[etype], "tp": tp[etype], "fp": fp[etype],
                            "p": round(p_, 4), "r": round(r_, 4), "f1": round(f_, 4)})
    n_tp = sum(tp.values())
    _put(result, "ner.micro", prf(n_tp, len(preds) - n_tp, len(gold) - n_tp))
    _put(result, "ner.span", prf(len(pairs), len(preds) - len(pairs), len(gold) - len(pairs)))
    return pairs


def _score_cdcr(
    result: SuiteResult,
    articles: Sequence[Article],
    gold: Sequence[GoldMention],
    predicted: Mapping[str, Sequence[Mention]],
    pairs: Sequence[tuple[Mention, GoldMention]],
) -> None:
    """B-cubed of newsdesk's merging vs exact-string merging, on gold and predicted mentions."""
    texts = {a.id: a.text for a in articles}
    gold_mentions = [
        Mention(g.doc, g.name[0], g.name[1], texts[g.doc][g.name[0]:g.name[1]], MEANTIME_TO_LABEL[g.type])
        for g in gold
    ]
    truth = [g.chain for g in gold]
    _put(result, "cdcr.bcubed", bcubed(_canonical_ids(articles, gold_mentions), truth))
    _put(result, "cdcr_baseline_exact.bcubed", bcubed([m.text for m in gold_mentions], truth))
    all_pred = [m for k in sorted(predicted) for m in predicted[k]]
    cluster = dict(zip(_keys(all_pred), _canonical_ids(articles, all_pred), strict=True))
    matched_truth = [g.chain for _, g in pairs]
    _put(result, "cdcr_predicted.bcubed", bcubed([cluster[_key(p)] for p, _ in pairs], matched_truth))
    _put(result, "cdcr_predicted_baseline_exact.bcubed", bcubed([p.text for p, _ in pairs], matched_truth))


def _key(m: Mention) -> tuple[str, int, int]:
    return (m.article_id, m.start, m.end)


def _keys(ms: Iterable[Mention]) -> list[tuple[str, int, int]]:
    return [_key(m) for m in ms]


def _canonical_ids(articles: Sequence[Article], mentions: Sequence[Mention]) -> list[str]:
    """The entity id canonicalize_entities gives each mention (same order as ``mentions``)."""
    grouped: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        grouped[m.article_id].append(m)
    entity_of: dict[tuple[str, int, int], str] = {}
    for entity in canonicalize_entities(articles, grouped):
        for ev in entity.mentions:
            entity_of[(ev.article_id, ev.start, ev.end)] = entity.id
    # a mention canonicalization drops (no name words left) is its own singleton
    return [entity_of.get(_key(m), f"singleton:{_key(m)}") for m in mentions]


def bcubed(predicted: Sequence[str], gold: Sequence[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 of cluster labels ``predicted`` vs ``gold`` per item."""
    if not gold:
        return 0.0, 0.0, 0.0
    pred_sets: dict[str, set[int]] = defaultdict(set)
    gold_sets: dict[str, set[int]] = defaultdict(set)
    for i, (p, g) in enumerate(zip(predicted, gold, strict=True)):
        pred_sets[p].add(i)
        gold_sets[g].add(i)
    precision = recall = 0.0
    for p, g in zip(predicted, gold, strict=True):
        both = len(pred_sets[p] & gold_sets[g])
        precision += both / len(pred_sets[p])
        recall += both / len(gold_sets[g])
    precision, recall = precision / len(gold), recall / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _put(result: SuiteResult, name: str, scores: tuple[float, float, float]) -> None:
    for suffix, value in zip(("p", "r", "f1"), scores, strict=True):
        result.metrics[f"{PREFIX}.{name}_{suffix}"] = round(value, 4)
