"""Alignment: claims that state the same thing across articles -> ``ClaimGroup``.

Sentence-embedding similarity alone merges sentences that merely share a story's
entities, so each claim is also reduced to a bag of normalised content keys (spaCy
lemmas, a small generic synonym map, canonical entity ids, a crude 6-char stem for
derivations like refurbish/refurbishment). Keys are weighted by inverse claim frequency
within the story, so "Maduro" in every sentence counts little and "Su-30MK2" a lot.
A pair is aligned when the embedding similarity and the weighted key overlap together
clear a threshold, they share at least two keys, and their numbers do not clash.
Groups grow greedily from the strongest pairs, never take two claims of one article, and
merge only when most cross pairs are aligned (no chaining through one bridge sentence).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from newsdesk.model import Article, ArticleAnnotations, Claim, ClaimGroup, Entity, Quantity, content_hash

# Pair decision (chosen on MRPC train pairs 0-999 by sweeping weights 0.3-0.7 and
# thresholds 0.50-0.80 for precision >= 0.85, then checked on the two gold stories;
# see newsdesk.eval.claims): score = EMB_WEIGHT * cosine + (1 - EMB_WEIGHT) * overlap.
EMB_WEIGHT = 0.5
ALIGN_THRESHOLD = 0.56
# Below this cosine two claims are never aligned, whatever their keys share.
MIN_COSINE = 0.45
# Pairs must share this many content keys (one shared name is "merely sharing entities").
MIN_SHARED_KEYS = 2
# Two groups merge only if this share of their cross pairs are aligned pairs themselves.
LINKAGE_SHARE = 0.5
# Crude stem length for derivational variants (refurbish/refurbishment, strike/strikes).
STEM_CHARS = 6

# Generic verb/noun synonym classes (news vocabulary); value = class key.
SYNONYMS: dict[str, str] = {
    **dict.fromkeys(["ask", "request", "seek", "appeal", "implore", "solicit", "plead", "urge"], "request"),
    **dict.fromkeys(["send", "deliver", "hand", "dispatch", "transmit", "forward", "address"], "send"),
    **dict.fromkeys(["buy", "purchase", "acquire", "acquisition", "procure", "procurement"], "buy"),
    **dict.fromkeys(["repair", "refurbish", "refurbishment", "overhaul", "restore", "restoration",
                     "fix", "maintenance", "modernize", "modernise", "upgrade"], "repair"),
    **dict.fromkeys(["help", "assist", "assistance", "aid", "support", "backing"], "help"),
    **dict.fromkeys(["strike", "attack", "raid", "bomb", "bombing", "airstrike", "hit"], "attack"),
    **dict.fromkeys(["kill", "slay", "murder"], "kill"),
    **dict.fromkeys(["tell", "state", "announce", "declare", "claim", "add"], "say"),
    **dict.fromkeys(["jet", "plane", "aircraft", "airplane", "warplane", "fighter"], "aircraft"),
    **dict.fromkeys(["vessel", "boat", "ship"], "ship"),
    **dict.fromkeys(["country", "nation", "state"], "country"),
    **dict.fromkeys(["error", "mistake", "glitch"], "error"),
    **dict.fromkeys(["letter", "message", "correspondence"], "letter"),
    **dict.fromkeys(["begin", "start", "launch", "commence"], "begin"),
    **dict.fromkeys(["end", "finish", "conclude", "halt"], "end"),
    **dict.fromkeys(["rise", "increase", "grow", "climb", "jump", "raise"], "increase"),
    **dict.fromkeys(["fall", "decrease", "drop", "decline", "cut", "reduce"], "decrease"),
    **dict.fromkeys(["arrest", "detain", "apprehend"], "arrest"),
    **dict.fromkeys(["charge", "indict", "indictment", "accuse"], "charge"),
    **dict.fromkeys(["confirm", "acknowledge", "verify"], "confirm"),
}
# Lemmas that carry no proposition content (reporting verbs, counters, fillers).
LIGHT_LEMMAS = frozenset(
    "be have do say report also include make take get give go come according reportedly "
    "set unit number kind type series part way thing lot one other new such more most "
    "show indicate reveal suggest add accord well".split()
)
_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}


@dataclass(frozen=True)
class Proposition:
    """What alignment compares: a claim reduced to content keys, numbers and dates."""

    text: str
    keys: frozenset[str]
    predicates: frozenset[str]
    quantities: tuple[Quantity, ...] = ()
    times: tuple[str, ...] = ()
    negated: bool = False
    meta: dict[str, Any] = field(default_factory=dict, compare=False)


def normalise_lemma(lemma: str) -> str:
    low = lemma.lower().strip("\u201c\u201d\"'")
    low = SYNONYMS.get(low, low)
    return low if len(low) <= STEM_CHARS or low in SYNONYMS.values() else low[:STEM_CHARS]


def _token_keys(doc: Any) -> tuple[set[str], set[str], bool]:
    keys: set[str] = set()
    preds: set[str] = set()
    negated = False
    for t in doc:
        if t.dep_ == "neg" and t.head.dep_ in {"ROOT", "ccomp", "conj"}:
            negated = True
        if t.pos_ not in _CONTENT_POS or t.is_stop or not any(ch.isalnum() for ch in t.text):
            continue
        lemma = t.lemma_.lower()
        if lemma in LIGHT_LEMMAS:
            continue
        if t.pos_ == "NUM" and t.like_num:
            key = "#" + t.text.replace(",", "")
        else:
            key = normalise_lemma(lemma)
        keys.add(key)
        if t.pos_ == "VERB" or t.lemma_.lower() in SYNONYMS:
            preds.add(key)
    return keys, preds, negated


def propositions_from_docs(
    docs: Sequence[Any],
    entity_keys: Sequence[set[str]] | None = None,
    quantities: Sequence[tuple[Quantity, ...]] | None = None,
    times: Sequence[tuple[str, ...]] | None = None,
) -> list[Proposition]:
    """One Proposition per parsed claim text; optional canonical entity ids etc. per claim."""
    out: list[Proposition] = []
    for i, doc in enumerate(docs):
        keys, preds, negated = _token_keys(doc)
        if entity_keys is not None:
            keys |= entity_keys[i]
        out.append(Proposition(
            text=doc.text, keys=frozenset(keys), predicates=frozenset(preds),
            quantities=quantities[i] if quantities else (), times=times[i] if times else (),
            negated=negated,
        ))
    return out


def _inside(start: int, end: int, s: int, e: int) -> bool:
    return s >= start and e <= end


def entity_keys_for(claim: Claim, entities: Sequence[Entity]) -> set[str]:
    """Canonical entity ids ("@<id>") whose mentions fall inside the claim's span."""
    ev = claim.evidence
    return {
        "@" + ent.id for ent in entities for m in ent.mentions
        if m.article_id == ev.article_id and _inside(ev.start, ev.end, m.start, m.end)
    }


def build_propositions(
    claims: Sequence[Claim], annotations: Mapping[str, ArticleAnnotations],
    entities: Sequence[Entity], nlp: Any,
) -> list[Proposition]:
    """Propositions for claims of any articles (parses the claim texts once)."""
    docs = list(nlp.pipe([c.evidence.text for c in claims], batch_size=64))
    ekeys, qty, tms = [], [], []
    for c in claims:
        ev = c.evidence
        ann = annotations.get(c.article_id)
        ekeys.append(entity_keys_for(c, entities))
        qs = tuple(q for q in ann.quantities if _inside(ev.start, ev.end, q.evidence.start, q.evidence.end)) if ann else ()
        ts = tuple(t.value for t in ann.times if _inside(ev.start, ev.end, t.evidence.start, t.evidence.end)) if ann else ()
        qty.append(qs)
        tms.append(ts)
    return propositions_from_docs(docs, ekeys, qty, tms)


def _entity_words(doc_keys: frozenset[str]) -> set[str]:
    return {k for k in doc_keys if k.startswith("@")}


class PairScorer:
    """Scores claim pairs: embeddings + inverse-frequency-weighted key overlap."""

    def __init__(self, props: Sequence[Proposition], vectors: np.ndarray) -> None:
        self.props = props
        self.vectors = vectors
        df: Counter[str] = Counter()
        for p in props:
            df.update(p.keys)
        n = max(len(props), 1)
        self.weight = {k: math.log(1.0 + n / c) for k, c in df.items()}

    def cosine(self, i: int, j: int) -> float:
        return float(self.vectors[i] @ self.vectors[j])

    def overlap(self, i: int, j: int) -> tuple[float, int]:
        """Weighted shared keys over the smaller claim's weight, and the shared count."""
        a, b = self.props[i].keys, self.props[j].keys
        shared = a & b
        if not shared:
            return 0.0, 0
        wa = sum(self.weight[k] for k in a)
        wb = sum(self.weight[k] for k in b)
        ws = sum(self.weight[k] for k in shared)
        return ws / max(min(wa, wb), 1e-9), len(shared)

    def score(self, i: int, j: int) -> float:
        ov, _ = self.overlap(i, j)
        return EMB_WEIGHT * self.cosine(i, j) + (1.0 - EMB_WEIGHT) * ov

    def aligned(self, i: int, j: int, clash: Callable[[Proposition, Proposition], bool] | None = None) -> bool:
        cos = self.cosine(i, j)
        if cos < MIN_COSINE:
            return False
        ov, n_shared = self.overlap(i, j)
        if n_shared < MIN_SHARED_KEYS:
            return False
        if EMB_WEIGHT * cos + (1.0 - EMB_WEIGHT) * ov < ALIGN_THRESHOLD:
            return False
        return not (clash and clash(self.props[i], self.props[j]))


def numbers_clash(a: Proposition, b: Proposition) -> bool:
    """True when the two claims give clearly different amounts of the same counted thing."""
    compatible = _quantities_compatible()
    if compatible is None:
        return False
    for qa in a.quantities:
        for qb in b.quantities:
            if compatible(qa, qb) is False:
                return True
    return False


def _quantities_compatible() -> Callable[[Quantity, Quantity], bool | None] | None:
    try:
        from newsdesk.extract.quantities import quantities_compatible
    except ImportError:
        return None
    return quantities_compatible


@dataclass
class _Groups:
    members: dict[int, list[int]]
    owner: list[int]


def group_pairs(
    n: int, article_of: Sequence[str], edges: Sequence[tuple[float, int, int]],
) -> list[list[int]]:
    """Greedy average-linkage grouping of aligned pairs (strongest first).

    A group never holds two claims of the same article; two groups merge only when at
    least LINKAGE_SHARE of their cross pairs are edges themselves.
    """
    linked = {(i, j) for _, i, j in edges} | {(j, i) for _, i, j in edges}
    g = _Groups(members={i: [i] for i in range(n)}, owner=list(range(n)))
    for _, i, j in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        gi, gj = g.owner[i], g.owner[j]
        if gi == gj:
            continue
        a, b = g.members[gi], g.members[gj]
        if {article_of[x] for x in a} & {article_of[y] for y in b}:
            continue
        hits = sum((x, y) in linked for x in a for y in b)
        if hits < LINKAGE_SHARE * len(a) * len(b):
            continue
        a.extend(b)
        for y in b:
            g.owner[y] = gi
        del g.members[gj]
    return [sorted(m) for m in g.members.values()]


def aligned_edges(
    scorer: PairScorer, article_of: Sequence[str], family_of: Mapping[str, str] | None = None,
) -> list[tuple[float, int, int]]:
    """All aligned pairs of claims from different articles, with their scores."""
    n = len(scorer.props)
    edges: list[tuple[float, int, int]] = []
    sims = scorer.vectors @ scorer.vectors.T if n else np.zeros((0, 0))
    for i in range(n):
        for j in np.nonzero(sims[i, i + 1:] >= MIN_COSINE)[0] + i + 1:
            j = int(j)
            if article_of[i] == article_of[j]:
                continue
            same_family = family_of is not None and family_of[article_of[i]] == family_of[article_of[j]]
            if (same_family and scorer.cosine(i, j) > 0.98) or scorer.aligned(i, j, numbers_clash):
                edges.append((scorer.score(i, j), i, j))
    return edges


def _readable(claims: Sequence[Claim], idx: list[int], scorer: PairScorer) -> str:
    """The group's clearest member: most central, then shortest; whitespace collapsed."""
    def key(i: int) -> tuple[float, int, str]:
        central = sum(scorer.cosine(i, j) for j in idx if j != i)
        return (-round(central, 4), len(claims[i].evidence.text), claims[i].id)

    best = min(idx, key=key)
    return " ".join(claims[best].evidence.text.split())


def _kind(claims: Sequence[Claim], idx: list[int]) -> str:
    counts = Counter(claims[i].kind for i in idx)
    order = ["fact", "quote", "opinion", "question"]
    return max(counts, key=lambda k: (counts[k], -order.index(k) if k in order else -9))


def make_groups(
    claims: Sequence[Claim], groups: Sequence[list[int]], scorer: PairScorer,
    family_of: Mapping[str, str], origin_of: Callable[[Claim], str | None],
    contradicted: set[tuple[str, int, int]],
) -> tuple[ClaimGroup, ...]:
    """ClaimGroup records: support = distinct article families, status from the rules."""
    out: list[ClaimGroup] = []
    for idx in groups:
        members = [claims[i] for i in idx]
        evidence = tuple(sorted((c.evidence for c in members), key=lambda e: (e.article_id, e.start)))
        support = len({family_of.get(c.article_id, c.article_id) for c in members})
        origins = tuple(sorted({o for c in members if (o := origin_of(c))}))
        spans = {(e.article_id, e.start, e.end) for e in evidence}
        status = "contradicted" if spans & contradicted else ("corroborated" if support >= 2 else "single-source")
        out.append(ClaimGroup(
            id="g" + content_hash(*(c.id for c in members), length=15),
            text=_readable(claims, idx, scorer), kind=_kind(claims, idx), status=status,
            support_count=support, origins=origins, evidence=evidence,
        ))
    out.sort(key=lambda g: (-g.support_count, g.evidence[0].article_id, g.evidence[0].start))
    return tuple(out)


def duplicate_families(articles: Sequence[Article]) -> dict[str, str]:
    """article id -> id of the original it duplicates (itself when not a duplicate)."""
    by_id = {a.id: a for a in articles}

    def root(aid: str) -> str:
        seen: set[str] = set()
        while (dup := by_id[aid].duplicate_of) and dup in by_id and aid not in seen:
            seen.add(aid)
            aid = dup
        return aid

    return {a.id: root(a.id) for a in articles}
