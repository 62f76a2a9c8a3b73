"""eval.dates on a TempEval-3 subset: the TimeML reader and the figures against dateparser."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.eval.dates import DATA, load_docs, norm_value, read_timeml, run


@pytest.fixture(scope="module")
def tempeval(data_dir: Path) -> Path:
    root = data_dir / DATA
    if not root.is_dir():
        pytest.skip(f"{root} is absent")
    return root


def test_timeml_reader_keeps_offsets(tempeval: Path) -> None:
    """Gold TIMEX3 spans slice the plain TEXT back to the annotated words; no markup is left."""
    path = sorted((tempeval / "TimeBank").glob("*.tml"))[0]
    doc = read_timeml(path)
    assert doc.dct[:4].isdigit() and "<" not in doc.text
    assert doc.timexes
    for g in doc.timexes:
        assert doc.text[g.start:g.end] == g.text and g.text.strip()
        assert g.type in {"DATE", "TIME", "DURATION", "SET"}


def test_load_docs_limit_and_order(data_dir: Path, tempeval: Path) -> None:
    docs = load_docs(data_dir, limit=3)
    assert len(docs) == 3 and len({d.doc_id for d in docs}) == 3


def test_norm_value() -> None:
    assert norm_value("2000-W08") == norm_value("2000-W8")
    assert norm_value(None) == ""


def test_subset_figures_beat_dateparser(data_dir: Path, tempeval: Path) -> None:
    """On 15 documents: spans and values well above dateparser's, at floors from the full run."""
    result = run(data_dir, limit=15)
    assert result.skipped is None
    m = {k.removeprefix("dates.tempeval3."): v for k, v in result.metrics.items()}
    assert m["newsdesk.span_f1"] >= 0.8
    assert m["newsdesk.strict_span_f1"] >= 0.65
    assert m["newsdesk.value_accuracy"] >= 0.75
    assert m["newsdesk.span_f1"] > m["dateparser.span_f1"]
    assert m["newsdesk.value_accuracy"] > m["dateparser.value_accuracy_on_newsdesk_matched"]
    assert {row["system"] for row in result.rows} == {"newsdesk", "dateparser"}


def test_missing_data_skips(tmp_path: Path) -> None:
    assert run(tmp_path).skipped
