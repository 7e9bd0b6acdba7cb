"""Speed of time + quantity extraction as a ratio to the spaCy pipeline on the same news text.

Both are measured in one run on the same texts: first ``nlp.pipe`` (the baseline), then the
time and quantity extractors over those parses. The ratio (extraction / spaCy) is what is
reported; absolute times depend on the machine. Texts: article bodies of the
article-extraction-benchmark ground truth (news pages), else NewsQuant sentences.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from claimledger.evaluation import DatasetMissing, Score, find_datasets, format_table, require
from claimledger.extract import nlp as loader
from claimledger.extract.quantities import quantities
from claimledger.extract.times import times
from claimledger.model import Document, Published


def load_texts(datasets: Path, fast: bool) -> tuple[str, list[str]]:
    try:
        folder = require(datasets, "article-extraction-benchmark")
        truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
        texts = [item["articleBody"] for item in truth.values() if item.get("articleBody")]
        name = "article-extraction-benchmark bodies"
    except DatasetMissing:
        folder = require(datasets, "newsquant")
        sentences = [item["text"] for item in json.loads((folder / "NewsQuant.json").read_text(encoding="utf-8"))]
        texts = [" ".join(sentences[i:i + 20]) for i in range(0, len(sentences), 20)]
        name = "NewsQuant sentences"
    return name, texts[:30] if fast else texts


def measure(datasets: Path, *, fast: bool = False) -> list[Score]:
    name, texts = load_texts(datasets, fast)
    nlp = loader.load()
    list(nlp.pipe(texts[:2]))  # warm up
    began = time.perf_counter()
    parsed = list(nlp.pipe(texts, batch_size=16))
    spacy_seconds = time.perf_counter() - began
    began = time.perf_counter()
    n_quantities = n_times = 0
    for index, (text, doc_parse) in enumerate(zip(texts, parsed, strict=True)):
        doc = Document(id=f"speed{index}", source="speed", text=text, published=Published("2020-01-15", "day"))
        found_times = list(times(doc, doc_parse))
        n_times += len(found_times)
        n_quantities += len(list(quantities(doc, doc_parse, found_times, [])))
    extract_seconds = time.perf_counter() - began
    ratio = extract_seconds / spacy_seconds if spacy_seconds else 0.0
    chars = sum(len(t) for t in texts)
    return [Score(
        "quantities+times", name, "extraction time / spaCy time", ratio, 0.30, "issue 3 budget (max)",
        f"{len(texts)} texts, {chars} chars, {n_quantities} quantities, {n_times} times", len(texts),
    )]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--datasets", default=None, help="datasets folder (default ../shared/datasets)")
    parser.add_argument("--fast", action="store_true", help="time a small subset")
    args = parser.parse_args(argv)
    try:
        scores = measure(find_datasets(args.datasets), fast=args.fast)
    except DatasetMissing as exc:
        print(exc)
        return 0
    print(format_table(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
