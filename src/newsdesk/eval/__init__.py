"""``newsdesk eval``: every stage measured on public data, beside the tools users would pick.

Suites are modules named in ``SUITES``; each has ``run(data_dir, limit=None) -> SuiteResult``.
Floors for the figures live in ``quality/floors.json`` (repo root) and are checked by
``tests/test_quality_gate.py``; the README's results table is generated from the last
full run (``quality/results.json``) by ``newsdesk.eval.readme``.
"""

from __future__ import annotations

import importlib
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from newsdesk.eval.base import SuiteResult

SUITES: dict[str, str] = {
    "extraction": "newsdesk.eval.extraction",
    "cleaning": "newsdesk.eval.cleaning",
    "stories": "newsdesk.eval.stories",
    "entities": "newsdesk.eval.entities",
    "speakers": "newsdesk.eval.speakers",
    "dates": "newsdesk.eval.dates",
    "quantities": "newsdesk.eval.quantities",
    "claims": "newsdesk.eval.claims",
    "speed": "newsdesk.eval.speed",
    # after speed: a suite's peak memory is the process's, and this one parses 30,000 lines
    "checkworthy": "newsdesk.eval.checkworthy",
}


def default_data_dir() -> Path:
    """``$NEWSDESK_DATA``, else ../shared/data beside the working directory or the repo."""
    env = os.environ.get("NEWSDESK_DATA")
    if env:
        return Path(env)
    for base in (Path.cwd(), Path(__file__).resolve().parents[3]):
        cand = base.parent / "shared" / "data"
        if cand.is_dir():
            return cand
    return Path.cwd().parent / "shared" / "data"


def run_suite(name: str, data_dir: Path, limit: int | None = None) -> SuiteResult:
    if not data_dir.is_dir():
        return SuiteResult(suite=name, skipped=f"data folder {data_dir} is absent")
    module = importlib.import_module(SUITES[name])
    result: SuiteResult = module.run(data_dir, limit=limit)
    return result


def run_suite_apart(name: str, data_dir: Path, limit: int | None = None) -> SuiteResult:
    """``run_suite`` in a fresh interpreter, as ``bench/run.py`` runs it.

    A timing suite run late in a long process (a test session) reads that process's heap
    and leftover threads as much as the code: inside the test suite the speed ratio read
    4.8 where the benchmark reads 3.3 for the same code.
    """
    import subprocess
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"{name}.json"
        code = ("import sys; from pathlib import Path; from newsdesk.eval import run_suite, write_results; "
                "write_results([run_suite(sys.argv[1], Path(sys.argv[2]), None if sys.argv[3] == '' "
                "else int(sys.argv[3]))], Path(sys.argv[4]))")
        cmd = [sys.executable, "-c", code, name, str(data_dir), "" if limit is None else str(limit), str(out)]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if proc.returncode != 0 or not out.exists():
            raise RuntimeError(f"suite {name} failed in its own interpreter (exit {proc.returncode}): "
                               f"{proc.stderr.strip()[-2000:]}")
        return read_results(out)[0]


def read_results(path: Path) -> list[SuiteResult]:
    """What ``write_results`` wrote."""
    rows = json.loads(Path(path).read_text(encoding="utf-8"))
    return [SuiteResult(suite=r["suite"], metrics=r["metrics"], rows=r["rows"], notes=r["notes"],
                        skipped=r["skipped"]) for r in rows]


def run_suites(names: Sequence[str], data_dir: Path, limit: int | None = None,
               on_start: Callable[[str], object] | None = None) -> list[SuiteResult]:
    results = []
    for name in names:
        if on_start:
            on_start(name)
        results.append(run_suite(name, data_dir, limit))
    return results


def _fmt(v: object) -> str:
    if isinstance(v, float):
        return f"{v:.3f}" if abs(v) < 1000 else f"{v:.0f}"
    return str(v)


def format_table(results: Sequence[SuiteResult]) -> str:
    """Plain-text table: one block per suite, its rows then its notes."""
    lines: list[str] = []
    for r in results:
        lines.append(f"== {r.suite}" + (f" (skipped: {r.skipped})" if r.skipped else ""))
        if r.rows:
            cols = list(dict.fromkeys(k for row in r.rows for k in row))
            cells = [[_fmt(row.get(c, "")) for c in cols] for row in r.rows]
            widths = [max(len(c), *(len(x[i]) for x in cells)) for i, c in enumerate(cols)]
            lines.append("  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True)))
            lines += ["  ".join(x.ljust(w) for x, w in zip(row, widths, strict=True)) for row in cells]
        lines += [f"  note: {n}" for n in r.notes]
    return "\n".join(lines)


def write_results(results: Sequence[SuiteResult], path: Path) -> None:
    from newsdesk.report.writer import write_atomic

    write_atomic(Path(path), json.dumps([r.to_dict() for r in results], indent=1, sort_keys=True) + "\n")


def check_floors(results: Sequence[SuiteResult], floors: dict[str, float | dict[str, float]]) -> list[str]:
    """The figures past their bound: a number is a floor (``min``); ``{"max": x}`` is a ceiling
    for figures where lower is better (error rates, memory). Missing figures of suites that
    ran count as failures."""
    got = {k: v for r in results for k, v in r.metrics.items()}
    ran = {r.suite for r in results if not r.skipped}
    failures = []
    for name, bound in sorted(floors.items()):
        if name.startswith("_") or name.split(".")[0] not in ran:
            continue
        lo, hi = (bound, None) if isinstance(bound, int | float) else (bound.get("min"), bound.get("max"))
        if name not in got:
            failures.append(f"{name}: missing")
        elif lo is not None and got[name] < lo:
            failures.append(f"{name}: {got[name]:.4f} < floor {lo}")
        elif hi is not None and got[name] > hi:
            failures.append(f"{name}: {got[name]:.4f} > ceiling {hi}")
    return failures
