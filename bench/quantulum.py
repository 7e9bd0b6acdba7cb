"""quantulum3 test sentences: value, unit and surface agreement (one table)."""

from __future__ import annotations

import sys

from claimledger.evaluation.runner import bench_main

if __name__ == "__main__":
    sys.exit(bench_main("quantulum", __doc__ or ""))
