"""MEANTIME benchmark: typed entity spans, ours beside raw spaCy in the same run (one table)."""

from __future__ import annotations

import sys

from claimledger.evaluation.runner import bench_main

if __name__ == "__main__":
    sys.exit(bench_main("meantime", __doc__ or ""))
