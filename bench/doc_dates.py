"""Document dates inferred from text alone (clean stage), against the gold creation time.

Usage: python bench/doc_dates.py [--datasets PATH] [--fast]
"""

from __future__ import annotations

import sys

from claimledger.evaluation.runner import bench_main

if __name__ == "__main__":
    sys.exit(bench_main("doc_dates", __doc__ or ""))
