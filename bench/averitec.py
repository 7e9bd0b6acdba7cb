"""AVeriTeC dev numerical claims, verdict from gold evidence, beside the majority baseline.

Usage: .venv/bin/python bench/averitec.py [--datasets PATH] [--fast]
"""

from __future__ import annotations

import sys

from claimledger.evaluation.runner import bench_main

if __name__ == "__main__":
    sys.exit(bench_main("averitec", __doc__ or ""))
