"""A generated news-like corpus for the speed benchmarks (fictional; written for claimledger).

Articles are assembled from sentence patterns typical of conflict and disaster coverage
(attributed statements, counts with qualifiers, dates, places, direct quotes), with names,
places and numbers drawn from a seeded generator, so every run of a benchmark sees the same
corpus and no two articles are near-duplicates of each other.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

FIRST = ("Ana", "Tomas", "Priya", "Jonas", "Miriam", "Kofi", "Lena", "Omar", "Ines", "Viktor", "Sana", "Pavel")
LAST = ("Ruiz", "Weller", "Nand", "Holt", "Adeyemi", "Castell", "Moreau", "Haddad", "Lindqvist", "Okafor")
ROLES = ("a spokesperson for the regional council", "the defence minister", "the head of the relief agency",
         "a senior military official", "the governor of the province", "a local hospital director",
         "the mayor", "an analyst at the Eastbridge Institute")
ORGS = ("the Regional Council", "the Relief Coordination Office", "the Harbor Authority", "the Coalition",
        "the Ministry of Health", "the Northern Brigade", "Eastbridge Institute", "the Red Lantern Society")
PLACES = ("Velmora", "Ostrava Bay", "Kerrin", "Daltmoor", "Sessa", "Port Alvin", "Marrow Hills", "Tavin",
          "Lake Corran", "Bresk", "Ulmstad", "Korvat Valley")
COUNTED = ("families", "displaced people", "aid trucks", "fighters", "civilians", "shelters", "schools",
           "wounded soldiers", "tonnes of grain", "square kilometres", "villages", "detainees")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
QUALIFIERS = ("about", "more than", "nearly", "at least", "fewer than", "roughly", "", "", "")
CUES = ("said", "told reporters", "stated", "announced", "claimed", "wrote in a statement")
FILLER = (
    "The figures could not be independently verified.",
    "Officials did not respond to a request for comment.",
    "The situation remained tense through the evening.",
    "Aid groups have warned for weeks that supplies are running short.",
    "Residents described long queues at the remaining checkpoints.",
    "The report did not say how the numbers were collected.",
)


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _number(rng: random.Random) -> str:
    value = rng.choice((rng.randint(2, 99), rng.randint(100, 9999), rng.randint(10, 900) * 1000))
    return f"{value:,}"


def sentence(rng: random.Random) -> str:
    who, place, counted = person(rng), rng.choice(PLACES), rng.choice(COUNTED)
    qualifier = rng.choice(QUALIFIERS)
    amount = f"{qualifier} {_number(rng)}".strip()
    when = f"{rng.choice(DAYS)}" if rng.random() < 0.5 else f"{rng.randint(1, 28)} {rng.choice(MONTHS)} 2026"
    patterns = (
        f"{who}, {rng.choice(ROLES)}, {rng.choice(CUES)} on {when} that {amount} {counted} had reached {place}.",
        f"\"We have counted {amount} {counted} in {place} since {rng.choice(MONTHS)},\" {who} said.",
        f"According to {rng.choice(ORGS)}, {amount} {counted} were recorded near {place} by {when}.",
        f"{rng.choice(ORGS)} said the number of {counted} in {place} rose to {amount}, "
        f"up from {_number(rng)} a month earlier.",
        f"In {place}, {amount} {counted} remain without power, {who} told {rng.choice(ORGS)}.",
        f"{who} denied that {rng.choice(ORGS)} had lost control of {place}, calling the report "
        f"\"{rng.choice(('false', 'premature', 'a distortion', 'unfounded'))}\".",
        rng.choice(FILLER),
    )
    return rng.choice(patterns)


def article(rng: random.Random, index: int, words: int = 300) -> dict[str, Any]:
    """One JSON Lines record: about ``words`` words in paragraphs of three to five sentences."""
    paragraphs: list[str] = []
    count = 0
    while count < words:
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(3, 5)))
        count += len(paragraph.split())
        paragraphs.append(paragraph)
    month = rng.randint(1, 12)
    return {
        "id": f"synthetic-{index}",
        "title": f"{rng.choice(PLACES)}: {rng.choice(COUNTED)} update {index}",
        "published": f"2026-{month:02d}-{rng.randint(1, 28):02d}",
        "publisher": rng.choice(("The Harbor Gazette", "Meridian Wire", "Valley Courier", "Northern Post")),
        "text": "\n\n".join(paragraphs),
    }


def corpus(n: int, *, words: int = 300, seed: int = 7) -> list[dict[str, Any]]:
    """``n`` generated articles (deterministic for a seed)."""
    rng = random.Random(seed)
    return [article(rng, i, words) for i in range(n)]


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    """Write records as JSON Lines (the input format ``claimledger ingest`` reads)."""
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def word_count(text: str) -> int:
    """Words as the benchmarks count them: whitespace-separated pieces."""
    return len(text.split())
