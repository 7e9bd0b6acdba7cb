"""FNC-1 stance (weighted score, macro-F1, agree/disagree F1) beside the UCL baseline.

Usage: .venv/bin/python bench/fnc1.py [--datasets PATH] [--fast]
"""

from __future__ import annotations

import sys

from claimledger.evaluation.runner import bench_main

if __name__ == "__main__":
    sys.exit(bench_main("fnc1", __doc__ or ""))
