"""Near-duplicate detection on real wire copies, synthetic edits and same-event articles."""

from __future__ import annotations

import dataclasses
import json
from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.dedup import find_duplicates, shingles
from newsdesk.eval.stories import Corpus, load_giveme5w1h
from newsdesk.model import Article

FOOTER = (
    "\n\nCopyright 2017 The Associated Press. All rights reserved. This material may not be "
    "published, broadcast, rewritten or redistributed.\nSign up for our newsletter to get the "
    "day's top stories delivered to your inbox every morning."
)


@pytest.fixture(scope="module")
def giveme(data_dir: Path) -> Corpus:
    corpus = load_giveme5w1h(data_dir)
    assert corpus is not None
    return corpus


@pytest.fixture(scope="module")
def electric(giveme: Corpus, gold_dir: Path) -> tuple[dict[str, Article], list[list[str]]]:
    gold = json.loads((gold_dir / "electric-bill-2017.json").read_text(encoding="utf-8"))
    by_id = {a.id: a for a in giveme.articles}
    docs = {key: by_id[Path(name).stem] for key, name in gold["docs"].items()}
    return docs, gold["near_duplicates"]


def _groups(articles: list[Article]) -> set[frozenset[str]]:
    """Duplicate groups (canonical + its copies) with more than one member."""
    groups: dict[str, set[str]] = {}
    for a in articles:
        if a.duplicate_of:
            groups.setdefault(a.duplicate_of, {a.duplicate_of}).add(a.id)
    return {frozenset(g) for g in groups.values()}


def test_gold_wire_copies_found_and_rewrites_kept(electric: tuple[dict[str, Article], list[list[str]]]) -> None:
    docs, gold_groups = electric
    keys = sorted(docs)
    result = find_duplicates([docs[k] for k in keys])
    key_of = {docs[k].id: k for k in keys}
    found = {frozenset(key_of[i] for i in g) for g in _groups(result)}
    assert found == {frozenset(g) for g in gold_groups}
    # the canonical copy is the earliest published, ties broken by id
    copies = [docs[k] for k in gold_groups[0]]
    canonical = min(copies, key=lambda a: (a.published or "", a.id))
    assert {a.duplicate_of for a in result if key_of[a.id] in gold_groups[0] and a.id != canonical.id} == {canonical.id}


def test_canonical_is_earliest_published(electric: tuple[dict[str, Article], list[list[str]]]) -> None:
    docs, gold_groups = electric
    copies = [docs[k] for k in gold_groups[0]]
    for earliest in copies:
        dated = [dataclasses.replace(a, published="2017-12-20" if a is earliest else "2017-12-26") for a in copies]
        result = find_duplicates(dated)
        assert [a.duplicate_of for a in result] == [None if a is earliest else earliest.id for a in copies]


def test_inputs_untouched_and_order_kept(electric: tuple[dict[str, Article], list[list[str]]]) -> None:
    docs, _ = electric
    arts = [dataclasses.replace(a, duplicate_of="stale") for a in docs.values()]
    result = find_duplicates(arts)
    assert [a.id for a in result] == [a.id for a in arts]
    assert all(a.duplicate_of == "stale" for a in arts)
    assert all(r.duplicate_of != "stale" for r in result)
    assert all(dataclasses.replace(r, duplicate_of=None) == dataclasses.replace(a, duplicate_of=None)
               for r, a in zip(result, arts, strict=True))


def _edits(article: Article) -> list[Article]:
    """Boilerplate appended; one middle paragraph dropped; both plus a re-wrapped dateline."""
    paras = article.text.split("\n")
    mid = len(paras) // 2
    dropped = "\n".join(paras[:mid] + paras[mid + 1 :])
    texts = [article.text + FOOTER, dropped, "WASHINGTON (AP) — " + dropped.replace("\n", "\n\n") + FOOTER]
    return [dataclasses.replace(article, id=f"{article.id}-edit{k}", source=f"edit{k}", text=t, raw_text=t)
            for k, t in enumerate(texts)]


def test_synthetic_edits_are_detected(giveme: Corpus) -> None:
    # real articles long enough that one paragraph is a small part of the text
    originals = [a for a in giveme.articles if len(shingles(a.text)) >= 200 and a.text.count("\n") >= 6][:25]
    assert len(originals) == 25
    pool = [x for a in originals for x in [a, *_edits(a)]]
    result = {a.id: a for a in find_duplicates(pool)}
    for a in originals:
        group = {a.id, *(e.id for e in _edits(a))}
        canon = {result[i].duplicate_of or i for i in group}
        assert len(canon) == 1, f"edits of {a.id} split into {canon}"
        assert canon <= group  # never merged with another article


def test_same_event_articles_are_not_duplicates(giveme: Corpus) -> None:
    result = find_duplicates(giveme.articles)
    event = dict(zip((a.id for a in giveme.articles), giveme.labels["event"], strict=True))
    pairs = [(a.id, a.duplicate_of) for a in result if a.duplicate_of]
    assert len(pairs) >= 10  # the set has several AP/Reuters stories run by 2-3 outlets
    assert all(event[a] == event[b] for a, b in pairs)
    # events covered by several outlets mostly hold rewrites, not copies: most of their
    # article pairs must stay apart
    by_event: dict[str, list[str]] = {}
    for a in giveme.articles:
        by_event.setdefault(event[a.id], []).append(a.id)
    same_event_pairs = sum(len(list(combinations(ids, 2))) for ids in by_event.values())
    canon = {a.id: a.duplicate_of or a.id for a in result}
    merged = sum(1 for ids in by_event.values() for x, y in combinations(ids, 2) if canon[x] == canon[y])
    assert merged / same_event_pairs < 0.05


def test_example_corpus_has_no_copies(corpus_dir: Path) -> None:
    arts = [Article(id=p.stem, source=p.name, text=t, raw_text=t)
            for p in sorted(corpus_dir.glob("*.txt")) for t in [p.read_text(encoding="utf-8")]]
    assert len(arts) == 5
    assert all(a.duplicate_of is None for a in find_duplicates(arts))


def test_empty_and_tiny_inputs() -> None:
    assert find_duplicates([]) == []
    a = Article(id="a", source="a", text="Short wire item.", raw_text="Short wire item.")
    b = dataclasses.replace(a, id="b", source="b", text="Short wire item!", raw_text="Short wire item!")
    c = dataclasses.replace(a, id="c", source="c", text="Something else entirely.", raw_text="x")
    assert [x.duplicate_of for x in find_duplicates([b, c, a])] == ["a", None, None]


@pytest.fixture(scope="module")
def pool(electric: tuple[dict[str, Article], list[list[str]]]) -> list[Article]:
    docs, _ = electric
    base = sorted(docs.values(), key=lambda a: a.id)
    return base + [e for a in base[:2] for e in _edits(a)[:2]]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_properties_order_invariant_and_pointers_valid(pool: list[Article], data: st.DataObject) -> None:
    dates = st.one_of(st.none(), st.sampled_from(["2017-12-25", "2017-12-26", "2017-12-27"]))
    chosen = data.draw(st.lists(st.sampled_from(pool), min_size=1, max_size=len(pool), unique_by=lambda a: a.id))
    chosen = [dataclasses.replace(a, published=data.draw(dates)) for a in chosen]
    shuffled = data.draw(st.permutations(chosen))
    first = {a.id: a.duplicate_of for a in find_duplicates(chosen)}
    second = {a.id: a.duplicate_of for a in find_duplicates(shuffled)}
    assert first == second
    ids = set(first)
    for aid, dup in first.items():
        assert dup is None or (dup in ids and dup != aid and first[dup] is None)
