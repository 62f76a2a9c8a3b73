"""Quality gate: every suite's figures stay at or above the floors in quality/floors.json.

Each suite runs in its default (full, < 3 min) mode on ../shared/data and skips when the
data is absent. Floors only go up; lowering one needs a reason in the commit message.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.eval import SUITES, check_floors, run_suite, run_suite_apart

ROOT = Path(__file__).resolve().parent.parent
FLOORS = json.loads((ROOT / "quality" / "floors.json").read_text(encoding="utf-8"))


def test_every_floor_names_a_known_suite() -> None:
    for name in FLOORS:
        if not name.startswith("_"):
            assert name.split(".")[0] in SUITES, name


@pytest.mark.slow
@pytest.mark.parametrize("suite", [s for s in SUITES if any(k.startswith(s + ".") for k in FLOORS)])
def test_suite_meets_floors(suite: str, data_dir: Path) -> None:
    # the speed suite times the pipeline: in its own interpreter, as the benchmark runs it,
    # not late in this process, whose heap and threads the earlier tests have grown
    result = run_suite_apart(suite, data_dir) if suite == "speed" else run_suite(suite, data_dir)
    if result.skipped:
        pytest.skip(result.skipped)
    assert check_floors([result], FLOORS) == []


def test_readme_results_table_is_current() -> None:
    from newsdesk.eval.readme import BEGIN, END, render_section

    if not (ROOT / "quality" / "results.json").exists():
        pytest.fail("quality/results.json is missing: run `newsdesk eval --out quality/results.json`")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert BEGIN in readme and END in readme
    assert render_section(ROOT) in readme, "README results table is stale: python -m newsdesk.eval.readme"


def test_a_suite_run_apart_gives_the_figures_of_one_run_here(data_dir: Path) -> None:
    here = run_suite("dates", data_dir, limit=3)
    if here.skipped:
        pytest.skip(here.skipped)
    apart = run_suite_apart("dates", data_dir, limit=3)
    assert apart.suite == "dates" and apart.skipped is None
    assert apart.metrics.keys() == here.metrics.keys()
    timing = {k for k in here.metrics if k.endswith(("_s", "_per_s", "rss_mb"))}
    assert {k: v for k, v in apart.metrics.items() if k not in timing} == \
        {k: v for k, v in here.metrics.items() if k not in timing}


def test_a_suite_that_fails_apart_says_which_and_why(data_dir: Path) -> None:
    with pytest.raises(RuntimeError, match=r"(?s)suite no-such-suite failed .*KeyError"):
        run_suite_apart("no-such-suite", data_dir)
