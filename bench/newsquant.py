"""NewsQuant benchmark: our quantity extractor beside CQE's published scores (one table)."""

from __future__ import annotations

import sys

from claimledger.evaluation.runner import bench_main

if __name__ == "__main__":
    sys.exit(bench_main("newsquant", __doc__ or ""))
