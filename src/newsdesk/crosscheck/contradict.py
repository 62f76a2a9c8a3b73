"""Contradictions between claims of different articles (precision over recall).

Each check is structured and needs the two claims to be about the same thing first:
- quantity: aligned claims give clearly different amounts of the same measured thing
  (``quantities_compatible`` is False, the gap exceeds rounding, and neither article
  itself also reports the other's figure, which is how a story reports a correction);
- date: aligned claims give different day-precision dates;
- negation: aligned claims with the same predicate, one negated;
- role: the same canonical person is "former <Title>" in one article and "<Title>" in
  another (title modifiers read from the words before each mention);
- new-vs-existing: the same named thing (a model name or proper noun) is requested as
  "additional/new" in one article and repaired or "previously purchased" in another;
- actor: near-paraphrases whose one main-clause subject is a different canonical entity
  of the same type doing the same act ("Russia repaired the radars" / "China repaired the
  radars"), when neither claim names the other's actor at all (a reporting verb, a
  shared or listed subject, or a negated act is never an actor clash).
Rounding, words vs digits, approximate qualifiers and different scopes are not flagged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from newsdesk.crosscheck.align import (
    LIGHT_LEMMAS,
    MIN_SHARED_KEYS,
    PairScorer,
    Proposition,
    amounts_conflict,
    group_codes,
    is_aligned,
    mentions_by_article,
    normalise_lemma,
    quantities_compatible_fn,
)
from newsdesk.model import (
    Article,
    ArticleAnnotations,
    Claim,
    Contradiction,
    Entity,
    Evidence,
    Quantity,
    content_hash,
)

# Pairs below this cosine are never compared for quantity/date/negation (a cheap filter;
# the pair must also pass the alignment decision of crosscheck.align).
RELATED_COSINE = 0.45
# Words this far before a figure say what it measures ("an altitude of 770 km").
MEASURE_WINDOW = 4
# Negation and date checks need near-paraphrases (MRPC pairs at this cosine are ~90% paraphrases).
PARAPHRASE_COSINE = 0.8
# The new-vs-existing check needs claims about the same request at least this similar.
OBJECT_COSINE = 0.3
# With an NLI model, a quantity/date/negation candidate must reach this contradiction probability.
NLI_MIN_PROB = 0.5

_TITLES = (
    "president|vice president|prime minister|minister|secretary|senator|governor|chancellor|"
    "ambassador|mayor|king|queen|chairman|chairwoman|ceo|director|general|judge|leader|"
    "spokesman|spokeswoman|premier|speaker|representative|rep\\.|sen\\.|gov\\."
)
_TITLE_BEFORE = re.compile(
    rf"(?P<mod>\b(?:former|ex-|late|then-|outgoing|incoming|acting|interim)\s*)?"
    rf"(?:[A-Z][\w.\u2019'-]*\s+){{0,2}}?(?P<title>{_TITLES})\s+$",
    re.IGNORECASE,
)
_NEW_MODIFIERS = {"additional", "new", "more", "extra", "further", "fresh"}
_EXISTING_MODIFIERS = {"existing", "old", "aging", "ageing", "current", "previous"}
_REPAIR_LEMMAS = {"repair", "refurbish", "refurbishment", "overhaul", "restore", "restoration",
                  "fix", "maintain", "maintenance", "modernize", "modernise", "upgrade", "service"}
_PAST_MARKERS = {"previously", "already", "earlier", "formerly"}
_MODEL_NAME = re.compile(r"\b[A-Z][A-Za-z]*-?\d+[A-Za-z0-9]*\b")


@dataclass(frozen=True)
class ObjectState:
    """A named thing in a claim and whether it is described as new or already owned."""

    names: frozenset[str]
    state: str  # "new" | "existing"
    start: int  # char offsets in the claim text
    end: int


def _outlet(article: Article) -> str:
    """How a reason names an article: its outlet, else its file name."""
    return article.outlet or article.source.rsplit("/", 1)[-1]


def _make(kind: str, reason: str, a: Evidence, b: Evidence) -> Contradiction:
    if (a.article_id, a.start) > (b.article_id, b.start):
        a, b = b, a
    cid = "x" + content_hash(kind, a.article_id, str(a.start), str(a.end), b.article_id, str(b.start), length=15)
    return Contradiction(id=cid, reason=reason, a=a, b=b, kind=kind)


# ----------------------------------------------------------------- quantities
def _article_has_figure(ann: ArticleAnnotations | None, q: Any, compatible: Callable[..., bool | None]) -> bool:
    return bool(ann) and any(compatible(x, q) is True for x in ann.quantities)  # type: ignore[union-attr]


def measure_words(doc: Any, claim_start: int, q: Quantity) -> frozenset[str]:
    """Normalised content words around a figure in its parsed claim: what it measures
    ("an altitude of 770 km" -> altitude; "flew 2,700 km" -> fly)."""
    lo, hi = q.evidence.start - claim_start, q.evidence.end - claim_start
    before = [t for t in doc if t.idx + len(t.text) <= lo][-MEASURE_WINDOW:]
    after = [t for t in doc if t.idx >= hi][:2]
    return frozenset(
        normalise_lemma(t.lemma_) for t in [*before, *after]
        if t.pos_ in {"NOUN", "VERB", "ADJ", "PROPN"} and not t.is_stop and t.lemma_.lower() not in LIGHT_LEMMAS
    )


def _only_comparable(q: Quantity, others: Sequence[Quantity], compatible: Callable[..., bool | None]) -> bool:
    """``q``'s claim gives no second figure comparable to the other side's (no ambiguity)."""
    return sum(1 for x in others if compatible(x, q) is not None) == 1


def quantity_conflict(
    ca: Claim, cb: Claim, a: Proposition, b: Proposition, docs: tuple[Any, Any],
    anns: tuple[ArticleAnnotations | None, ArticleAnnotations | None],
) -> tuple[Quantity, Quantity] | None:
    """Clearly different figures for the same measured thing, or None.

    Each claim must hold exactly one figure comparable to the other's, the figures must
    count the same thing (``counted`` for counts, the surrounding words for measures), and
    neither article may also report the other's figure (a correction it reports itself).
    """
    compatible = quantities_compatible_fn()
    if compatible is None:
        return None
    for qa in a.quantities:
        for qb in b.quantities:
            if not amounts_conflict(qa, qb, compatible):
                continue
            if not (_only_comparable(qb, a.quantities, compatible) and _only_comparable(qa, b.quantities, compatible)):
                continue
            if not (qa.counted and qb.counted):
                wa = measure_words(docs[0], ca.evidence.start, qa)
                wb = measure_words(docs[1], cb.evidence.start, qb)
                if not wa & wb:
                    continue
            if _article_has_figure(anns[0], qb, compatible) or _article_has_figure(anns[1], qa, compatible):
                continue
            return qa, qb
    return None


# ----------------------------------------------------------------- titles
def _title_of(text: str, start: int) -> tuple[str, bool] | None:
    """(title, is_former) from the words just before a mention, in the same line."""
    line_start = text.rfind("\n", 0, start) + 1
    m = _TITLE_BEFORE.search(text[max(line_start, start - 60):start])
    if not m:
        return None
    mod = (m.group("mod") or "").strip().lower()
    if mod and mod not in {"former", "ex-", "late"}:
        return None  # "then-President", "acting President": no claim about today
    return m.group("title").lower().rstrip("."), bool(mod)


def role_contradictions(
    entities: Sequence[Entity], articles: Mapping[str, Article], family_of: Mapping[str, str],
) -> list[Contradiction]:
    """Same person called "former <Title>" in one article and "<Title>" in another."""
    out: list[Contradiction] = []
    for ent in entities:
        if ent.type != "PERSON":
            continue
        seen: dict[tuple[str, str], dict[bool, Evidence]] = {}
        for m in ent.mentions:
            art = articles.get(m.article_id)
            if art is None:
                continue
            found = _title_of(art.text, m.start)
            if found is None:
                continue
            title, former = found
            span_start = max(art.text.rfind("\n", 0, m.start) + 1, m.start - 60)
            mt = _TITLE_BEFORE.search(art.text[span_start:m.start])
            start = span_start + (mt.start() if mt else 0)
            seen.setdefault((m.article_id, title), {}).setdefault(former, art.evidence(start, m.end))
        out.extend(_role_pairs(ent, seen, articles, family_of))
    return out


def _role_pairs(
    ent: Entity, seen: Mapping[tuple[str, str], Mapping[bool, Evidence]],
    articles: Mapping[str, Article], family_of: Mapping[str, str],
) -> list[Contradiction]:
    out: list[Contradiction] = []
    consistent = {k: v for k, v in seen.items() if len(v) == 1}  # an article using both is not sure
    for (aid_a, title), va in consistent.items():
        if True not in va:
            continue
        for (aid_b, title_b), vb in consistent.items():
            if title_b != title or False not in vb or family_of.get(aid_a) == family_of.get(aid_b):
                continue
            a, b = va[True], vb[False]
            reason = (f"{_outlet(articles[aid_a])} calls {ent.name} a former {title} (\u201c{a.text}\u201d), "
                      f"{_outlet(articles[aid_b])} the sitting {title} (\u201c{b.text}\u201d)")
            out.append(_make("role", reason, a, b))
    return out


# ----------------------------------------------------------------- new vs existing
def _np_names(tok: Any) -> frozenset[str]:
    """Specific names inside the noun phrase headed by ``tok`` (model names, proper nouns)."""
    span = tok.doc[tok.left_edge.i:tok.i + 1]
    names = {re.sub(r"(?<=[0-9A-Z])s$", "", m.group()).lower() for m in _MODEL_NAME.finditer(span.text)}
    for t in span:
        if t.pos_ == "PROPN" and t.ent_type_ not in {"GPE", "NORP", "PERSON", "LOC"} and t.is_alpha:
            names.add(t.lemma_.lower())
    return frozenset(names)


def _state(tok: Any) -> str | None:
    kids = list(tok.children)
    if any(k.lower_ in _NEW_MODIFIERS and k.dep_ in {"amod", "advmod"} for k in kids):
        return "new"
    if any(k.lower_ in _EXISTING_MODIFIERS and k.dep_ == "amod" for k in kids):
        return "existing"
    for k in kids:
        if k.dep_ in {"acl", "amod", "relcl"} and any(g.lower_ in _PAST_MARKERS for g in k.subtree):
            return "existing"
    head, steps = tok, 0
    while head.head.i != head.i and steps < 4:
        head, steps = head.head, steps + 1
        if head.lemma_.lower() in _REPAIR_LEMMAS:
            return "existing"
        if head.pos_ == "VERB" and head.lemma_.lower() not in _REPAIR_LEMMAS:
            break
    return None


def object_states(doc: Any) -> list[ObjectState]:
    """New/existing named objects in one parsed claim."""
    out: list[ObjectState] = []
    for tok in doc:
        if tok.pos_ not in {"NOUN", "PROPN"} or tok.dep_ in {"compound", "amod"}:
            continue
        names = _np_names(tok)
        state = _state(tok) if names else None
        if state:
            out.append(ObjectState(names, state, tok.left_edge.idx, tok.idx + len(tok.text)))
    return out


def _sub_evidence(claim: Claim, article: Article, st: ObjectState) -> Evidence:
    base = claim.evidence.start
    return article.evidence(base + st.start, base + st.end)


def new_vs_existing(
    i: int, j: int, claims: Sequence[Claim], states: Sequence[list[ObjectState]], articles: Mapping[str, Article],
) -> Contradiction | None:
    for sa in states[i]:
        for sb in states[j]:
            if sa.state == sb.state or not sa.names & sb.names:
                continue
            new, old, cn, co = (sa, sb, claims[i], claims[j]) if sa.state == "new" else (sb, sa, claims[j], claims[i])
            an, ao = articles[cn.article_id], articles[co.article_id]
            ev_new, ev_old = _sub_evidence(cn, an, new), _sub_evidence(co, ao, old)
            reason = (f"{_outlet(an)} describes new ones (\u201c{ev_new.text}\u201d), "
                      f"{_outlet(ao)} ones already owned (\u201c{ev_old.text}\u201d)")
            return _make("new-vs-existing", reason, ev_new, ev_old)
    return None


# ----------------------------------------------------------------- pairs
def pair_contradiction(
    i: int, j: int, claims: Sequence[Claim], scorer: PairScorer, docs: Sequence[Any],
    annotations: Mapping[str, ArticleAnnotations], articles: Mapping[str, Article],
    actors_of: ActorIndex | None = None,
) -> Contradiction | None:
    """Quantity, date or negation disagreement between two related claims, or None.

    Only claims that align as the same statement (numbers aside) and share a predicate
    are compared at all.
    """
    a, b = scorer.props[i], scorer.props[j]
    ca, cb = claims[i], claims[j]
    cos = scorer.cosine(i, j)
    ov, shared = scorer.overlap(i, j, numbers=False)
    if not (a.predicates & b.predicates) or not is_aligned(cos, ov, shared, clash=False):
        return None
    oa, ob = _outlet(articles[ca.article_id]), _outlet(articles[cb.article_id])
    hit = quantity_conflict(ca, cb, a, b, (docs[i], docs[j]),
                            (annotations.get(ca.article_id), annotations.get(cb.article_id)))
    if hit:
        qa, qb = hit
        reason = f"{oa} says {qa.evidence.text}, {ob} says {qb.evidence.text}"
        return _make("quantity", reason, ca.evidence, cb.evidence)
    if cos < PARAPHRASE_COSINE:
        return None
    day_a = {t for t in a.times if re.fullmatch(r"\d{4}-\d\d-\d\d", t)}
    day_b = {t for t in b.times if re.fullmatch(r"\d{4}-\d\d-\d\d", t)}
    if day_a and day_b and not day_a & day_b:
        reason = f"{oa} dates it {sorted(day_a)[0]}, {ob} dates it {sorted(day_b)[0]}"
        return _make("date", reason, ca.evidence, cb.evidence)
    return _negation(ca, cb, a, b, oa, ob) or _actor_clash(ca, cb, a, b, (docs[i], docs[j]), actors_of, oa, ob)


def _negation(ca: Claim, cb: Claim, a: Proposition, b: Proposition, oa: str, ob: str) -> Contradiction | None:
    """One claim negates a predicate the other states plainly ("did not ratify" / "ratified")."""
    for neg, pos, on, op in ((a, b, oa, ob), (b, a, ob, oa)):
        flipped = neg.negated & (pos.predicates - pos.negated)
        if flipped:
            verb = sorted(flipped)[0]
            reason = f"{on} says it did not happen ({verb}), {op} says it did"
            return _make("negation", reason, ca.evidence, cb.evidence)
    return None


# ----------------------------------------------------------------- actors
_ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Acts that many actors can do at once without disagreeing (saying, confirming, ...).
_SHARED_ACTS = frozenset({"say", "confirm", "request", "help", "be", "have"})


class ActorIndex:
    """Canonical entities by article, to name the entity a claim's subject is."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.types = {e.id: e.type for e in entities}
        self.names = {e.id: e.name for e in entities}
        self.mentions = mentions_by_article(entities)

    def within(self, article_id: str, start: int, end: int) -> set[str]:
        return {eid for eid, m in self.mentions.get(article_id, ()) if m.start >= start and m.end <= end}


def claim_actor(claim: Claim, doc: Any, index: ActorIndex) -> tuple[str, str] | None:
    """(canonical entity id, act) when the claim's one main clause has one subject that is
    one canonical person, organisation, place or group, and an act (the verb's class)."""
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if len(roots) != 1 or roots[0].pos_ != "VERB":
        return None
    root = roots[0]
    act = normalise_lemma(root.lemma_)
    if root.lemma_.lower() in LIGHT_LEMMAS or act in _SHARED_ACTS:
        return None
    subjects = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if len(subjects) != 1 or any(c.dep_ in {"conj", "cc"} for c in subjects[0].subtree):
        return None  # no subject, two subjects, or "Russia and China"
    subj = subjects[0]
    base = claim.evidence.start
    lo, hi = base + subj.left_edge.idx, base + subj.right_edge.idx + len(subj.right_edge.text)
    ids = {e for e in index.within(claim.article_id, lo, hi) if index.types.get(e) in _ACTOR_TYPES}
    return (next(iter(ids)), act) if len(ids) == 1 else None


def _actor_clash(
    ca: Claim, cb: Claim, a: Proposition, b: Proposition, docs: tuple[Any, Any],
    index: ActorIndex | None, oa: str, ob: str,
) -> Contradiction | None:
    """Same act, different single actors of one type, neither claim naming the other's."""
    if index is None or a.negated or b.negated:
        return None
    xa, xb = claim_actor(ca, docs[0], index), claim_actor(cb, docs[1], index)
    if xa is None or xb is None or xa[1] != xb[1] or xa[0] == xb[0]:
        return None
    if index.types[xa[0]] != index.types[xb[0]]:
        return None
    if "@" + xa[0] in b.keys or "@" + xb[0] in a.keys:
        return None  # the other claim names this actor too ("with Russia", "China and Russia")
    reason = (f"{oa} says {index.names[xa[0]]} did it ({xa[1]}), "
              f"{ob} says {index.names[xb[0]]} did")
    return _make("actor", reason, ca.evidence, cb.evidence)


def _nli_agrees(nli: Any, x: Contradiction) -> bool:
    """With an NLI model, a pair-level candidate must also read as a contradiction to it."""
    if nli is None or x.kind in {"role", "new-vs-existing"}:
        return True
    return float(nli.contradiction_prob([(x.a.text, x.b.text)])[0]) >= NLI_MIN_PROB


def find_contradictions(
    claims: Sequence[Claim], docs: Sequence[Any], scorer: PairScorer, articles: Mapping[str, Article],
    annotations: Mapping[str, ArticleAnnotations], entities: Sequence[Entity],
    family_of: Mapping[str, str], nli: Any = None, states: Sequence[list[ObjectState]] | None = None,
) -> list[Contradiction]:
    """All contradictions between claims of different (non-duplicate) articles of one story.

    ``states`` are ``object_states`` of each doc when the caller has them already."""
    story = {aid: articles[aid] for aid in family_of}
    found: dict[str, Contradiction] = {x.id: x for x in role_contradictions(entities, story, family_of)}
    states = states if states is not None else [object_states(d) for d in docs]
    actors = ActorIndex(entities)
    for i, j in _candidate_pairs(claims, states, scorer, family_of):
        cos = scorer.cosine(i, j)
        x = new_vs_existing(i, j, claims, states, articles) if cos >= OBJECT_COSINE else None
        x = x or (pair_contradiction(i, j, claims, scorer, docs, annotations, articles, actors)
                  if cos >= RELATED_COSINE else None)
        if x is not None and x.id not in found and _nli_agrees(nli, x):
            found[x.id] = x
    return list(found.values())


def _candidate_pairs(
    claims: Sequence[Claim], states: Sequence[list[ObjectState]], scorer: PairScorer,
    family_of: Mapping[str, str],
) -> list[tuple[int, int]]:
    """Pairs (i < j, in row order) of different families that either check could flag.

    new-vs-existing needs object states on both sides and cosine >= OBJECT_COSINE; the pair
    checks need cosine >= RELATED_COSINE and the alignment's MIN_SHARED_KEYS shared
    non-entity keys (numbers aside). Everything else is skipped without Python work; the
    float32 bounds sit a hair below the exact tests, which the checks still apply.
    """
    n = len(claims)
    if n < 2:
        return []
    eps = 1e-6
    sims = scorer.sims
    fam = group_codes([family_of[c.article_id] for c in claims])
    base = np.triu(np.ones((n, n), dtype=bool), k=1) & (fam[:, None] != fam[None, :])
    has_state = np.asarray([bool(s) for s in states], dtype=bool)
    objects = (sims >= OBJECT_COSINE - eps) & has_state[:, None] & has_state[None, :]
    related = (sims >= RELATED_COSINE - eps) & (scorer.shared_counts(numbers=False) >= MIN_SHARED_KEYS)
    return [(int(i), int(j)) for i, j in zip(*np.nonzero(base & (objects | related)), strict=True)]
