"""Check-worthiness benchmarks: ClaimBuster AP and CLEF-2019 MAP beside the published best.

Usage: .venv/bin/python bench/checkworthy.py [--datasets PATH] [--fast]
"""

from __future__ import annotations

import sys

from claimledger.evaluation.runner import bench_main

if __name__ == "__main__":
    sys.exit(bench_main("checkworthy", __doc__ or ""))
