"""PolNeAR dev: where the source tokens counted once go wrong, and what would close the target.

A diagnostic, not a benchmark of ``claimledger eval``: the kinds of missed and extra source tokens
on the even half, the score Citron's pairwise sum gives the gold annotation itself, and what a
broad rule (every person or organisation subject of a verb with an object as a source) would do.

Usage: .venv/bin/python bench/polnear_sources.py [--datasets PATH] [--fast]
"""

from __future__ import annotations

import sys

from claimledger.evaluation.runner import bench_main

if __name__ == "__main__":
    sys.exit(bench_main("polnear_sources", __doc__ or "", function="analyse"))
