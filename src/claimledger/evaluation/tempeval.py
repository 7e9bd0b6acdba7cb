"""TempEval-3 platinum (SemEval-2013 Task 1, Task A): time expressions in news, scored as the task did.

Protocol (``../shared/datasets/tempeval3-platinum/README.md``): tags inside ``<TEXT>`` are stripped
to get the system input; the document creation time (DCT) is the anchor and is not scored.
Extraction P/R/F1 with **strict** (same span) and **relaxed** (any overlap) matching; on relaxed
matches, **type** and **value** accuracy, and the attribute F1 (= relaxed F1 x accuracy) the task
ranked systems by. Our TimeML value is ``TimeMatch.timex`` from ``extract.times.find_times``.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from pathlib import Path

from claimledger.evaluation import Score, require
from claimledger.extract.times import TimeMatch, find_times

REFERENCE = {  # HeidelTime on the platinum set (task paper S13-2001, as quoted in the dataset README)
    "relaxed F1": 0.903, "strict F1": 0.813, "value F1": 0.776,
}
FAST_DOCUMENTS = 6

_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    type: str
    value: str


def read_tml(path: Path) -> tuple[str, dt.date | None, list[Gold]]:
    """The plain text inside ``<TEXT>``, the DCT and the gold TIMEX3s with offsets into that text."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r'functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d{2}-\d{2})', raw) or re.search(
        r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})', raw, re.DOTALL
    )
    dct = dt.date.fromisoformat(dct_match.group(1)) if dct_match else None
    body_match = re.search(r"<TEXT>(.*)</TEXT>", raw, re.DOTALL)
    body = body_match.group(1) if body_match else ""
    out: list[str] = []
    golds: list[Gold] = []
    length = 0
    position = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    for match in _TAG.finditer(body):
        chunk = html.unescape(body[position:match.start()])
        out.append(chunk)
        length += len(chunk)
        position = match.end()
        closing, name, attrs = match.group(1), match.group(2), match.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(attrs)))
        elif open_timex is not None:
            start, attributes = open_timex
            golds.append(Gold(start, length, attributes.get("type", ""), attributes.get("value", "")))
            open_timex = None
    out.append(html.unescape(body[position:]))
    return "".join(out), dct, golds


@dataclass(slots=True)
class Tally:
    predicted: int = 0
    gold: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def add(self, predicted: list[TimeMatch], gold: list[Gold]) -> None:
        self.predicted += len(predicted)
        self.gold += len(gold)
        used: set[int] = set()
        for item in gold:
            if any(p.start == item.start and p.end == item.end for p in predicted):
                self.strict += 1
            match = next(
                (i for i, p in enumerate(predicted) if i not in used and p.start < item.end and item.start < p.end),
                None,
            )
            if match is None:
                continue
            used.add(match)
            self.relaxed += 1
            found = predicted[match]
            self.type_ok += found.timex_type == item.type
            self.value_ok += (found.timex or "") == item.value


def f1(correct: int, predicted: int, gold: int) -> float:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def measure(datasets: Path, *, fast: bool = False) -> list[Score]:
    """Score ``find_times`` on the TempEval-3 platinum documents."""
    folder = require(datasets, "tempeval3-platinum") / "te3-platinum"
    files = sorted(folder.glob("*.tml"))
    if fast:
        files = files[:FAST_DOCUMENTS]
    tally = Tally()
    for path in files:
        text, dct, gold = read_tml(path)
        tally.add(find_times(text, dct), gold)
    relaxed = f1(tally.relaxed, tally.predicted, tally.gold)
    strict = f1(tally.strict, tally.predicted, tally.gold)
    value_accuracy = tally.value_ok / tally.relaxed if tally.relaxed else 0.0
    type_accuracy = tally.type_ok / tally.relaxed if tally.relaxed else 0.0
    name = "TempEval-3 platinum" + (" (fast)" if fast else "")
    by = "HeidelTime (UzZaman et al. 2013)"
    return [
        Score("times", name, "relaxed F1", relaxed, REFERENCE["relaxed F1"], by, n=tally.gold),
        Score("times", name, "strict F1", strict, REFERENCE["strict F1"], by, n=tally.gold),
        Score("times", name, "value accuracy", value_accuracy, None, None,
              "on relaxed matches; target 0.80", tally.relaxed),
        Score("times", name, "type accuracy", type_accuracy, None, None, "on relaxed matches", tally.relaxed),
        Score("times", name, "value F1", relaxed * value_accuracy, REFERENCE["value F1"], by, n=tally.gold),
    ]
