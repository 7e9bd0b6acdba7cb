"""TempEval-3 platinum benchmark: our time expressions beside HeidelTime (one table)."""

from __future__ import annotations

import sys

from claimledger.evaluation.runner import bench_main

if __name__ == "__main__":
    sys.exit(bench_main("tempeval", __doc__ or ""))
