"""What every evaluation suite returns, and small shared helpers.

A suite is a module in ``newsdesk.eval`` with ``run(data_dir: Path) -> SuiteResult``.
Metric names are flat dotted strings ("extraction.fundus.newsdesk.f1"); every figure a
suite reports can be pinned by a floor in ``quality/floors.json`` (checked by
``tests/test_quality_gate.py``). Suites skip (``skipped`` set) when their data is absent.
"""

from __future__ import annotations

import resource
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class SuiteResult:
    suite: str
    metrics: dict[str, float] = field(default_factory=dict)
    rows: list[dict[str, object]] = field(default_factory=list)  # printed as a table
    notes: list[str] = field(default_factory=list)
    skipped: str | None = None  # reason, when the suite could not run

    def to_dict(self) -> dict[str, object]:
        return {"suite": self.suite, "metrics": self.metrics, "rows": self.rows,
                "notes": self.notes, "skipped": self.skipped}


def skip(suite: str, reason: str) -> SuiteResult:
    return SuiteResult(suite=suite, skipped=reason)


def require(data_dir: Path, *parts: str) -> Path | None:
    """The data folder/file under ``data_dir``, or None when it is absent."""
    p = data_dir.joinpath(*parts)
    return p if p.exists() else None


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


@contextmanager
def timed() -> Iterator[dict[str, float]]:
    """``with timed() as t: ...`` then ``t["seconds"]``."""
    box: dict[str, float] = {}
    t0 = time.perf_counter()
    try:
        yield box
    finally:
        box["seconds"] = time.perf_counter() - t0


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f
