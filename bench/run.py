"""Benchmark: articles/second and peak RSS per stage on >= 300 real articles.

Usage: python bench/run.py [--data DIR] [--limit N] [--out bench/results/speed.json]
Reads ../shared/data (giveme5w1h-news-cluster, 383 articles); model loading is reported
on its own row. Prints a table; writes JSON.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsdesk.eval import default_data_dir, format_table, run_suite, write_results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=default_data_dir())
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--out", type=Path, default=Path("bench/results/speed.json"))
    a = ap.parse_args()
    result = run_suite("speed", a.data, limit=a.limit)
    print(format_table([result]))
    if result.skipped:
        return 0
    write_results([result], a.out)
    print(f"wrote {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
