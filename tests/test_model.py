"""Core model invariants (property tests)."""

from __future__ import annotations

from dataclasses import FrozenInstanceError

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdesk.model import Article, OffsetMap, content_hash


@given(st.text(), st.text())
def test_content_hash_is_stable_under_whitespace(a: str, b: str) -> None:
    assert content_hash(a, b) == content_hash(" " + a.replace(" ", "  ") + "\n", b)
    assert len(content_hash(a, b)) == 16


def test_content_hash_separates_parts() -> None:
    assert content_hash("ab", "c") != content_hash("a", "bc")


@given(st.text(min_size=1, max_size=200), st.data())
def test_evidence_slices_back(text: str, data: st.DataObject) -> None:
    art = Article(id="x" * 16, source="s", text=text, raw_text=text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    ev = art.evidence(start, end)
    assert ev.text == text[start:end]
    with pytest.raises(ValueError):
        art.evidence(end, len(text) + 1)


@given(st.lists(st.text(alphabet="abc \n", min_size=1, max_size=20), min_size=1, max_size=8), st.data())
def test_offset_map_points_back_to_raw(lines: list[str], data: st.DataObject) -> None:
    """Keep a subset of lines, join them: each kept char maps to the same char in raw."""
    raw = "\n".join(lines)
    keep = data.draw(st.lists(st.booleans(), min_size=len(lines), max_size=len(lines)))
    segs, parts, pos, clean_len = [], [], 0, 0
    for line, k in zip(lines, keep, strict=True):
        if k:
            if parts:
                clean_len += 1
            segs.append((clean_len, pos, len(line)))
            parts.append(line)
            clean_len += len(line)
        pos += len(line) + 1
    clean = "\n".join(parts)
    om = OffsetMap(tuple(segs))
    for cs, _rs, n in segs:
        for i in range(n):
            assert raw[om.to_raw(cs + i)] == clean[cs + i]


def test_records_are_frozen() -> None:
    art = Article(id="x" * 16, source="s", text="t", raw_text="t")
    with pytest.raises(FrozenInstanceError):
        art.text = "u"  # type: ignore[misc]


def test_a_report_finds_its_articles_by_id() -> None:
    from newsdesk.model import Report

    arts = tuple(Article(id=i, source=f"{i}.txt", text=i, raw_text=i) for i in ("a", "b"))
    report = Report(generated_by="t", articles=arts, skipped=(), stories=())
    assert report.article("b") is arts[1] and report.article("a") is arts[0]
    with pytest.raises(KeyError):
        report.article("c")
    assert report == Report(generated_by="t", articles=arts, skipped=(), stories=())  # the index is no field
