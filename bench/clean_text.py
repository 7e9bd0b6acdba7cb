"""The text cleaner on copied web pages (plain text), beside the full-page-text baseline.

Usage: python bench/clean_text.py [--datasets PATH] [--fast]
"""

from __future__ import annotations

import sys

from claimledger.evaluation.runner import bench_main

if __name__ == "__main__":
    sys.exit(bench_main("clean_text", __doc__ or ""))
