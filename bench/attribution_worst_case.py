"""Attribution on a hostile input: one sentence with no full stop and thousands of reports.

Each row is one generated text: N repetitions of '"the mayor RuizK said the levy is high" and
Varga said that the portK is full,' with no sentence break (the text is written here, fictional).
The table shows the attribution time as a ratio of the spaCy parse time of the same text in the
same process, and how that ratio grows from the smallest N: a rule that rescans the whole
sentence for every quote makes it grow with N, a linear pass keeps it flat.

    .venv/bin/python bench/attribution_worst_case.py            # N = 250, 500, 1000
    .venv/bin/python bench/attribution_worst_case.py --sizes 500 2000
"""

from __future__ import annotations

import argparse
import sys
import time

from claimledger.evaluation import Score, format_table
from claimledger.extract import nlp as loader
from claimledger.extract.attribution import attributions
from claimledger.model import Document


def text_of(repeats: int) -> str:
    return " ".join(f"\u201cthe mayor Ruiz{k} said the levy is high\u201d and Varga said that the port{k} is full,"
                    for k in range(repeats))


def measure(sizes: list[int]) -> list[Score]:
    nlp = loader.load()
    rows: list[Score] = []
    first: float | None = None
    for size in sizes:
        text = text_of(size)
        started = time.perf_counter()
        parsed = nlp(text)
        parse_seconds = time.perf_counter() - started
        started = time.perf_counter()
        found = attributions(Document(id="worst", source="worst", text=text), parsed)
        ratio = (time.perf_counter() - started) / parse_seconds
        first = ratio if first is None else first
        dataset = f"{size} repeats, {len(parsed)} tokens, 1 sentence"
        rows += [Score("quotes", dataset, "attribution / parse time", ratio, n=len(found)),
                 Score("quotes", dataset, f"ratio / ratio at {sizes[0]}", ratio / first)]
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000])
    args = parser.parse_args(argv)
    print(format_table(measure(args.sizes)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
