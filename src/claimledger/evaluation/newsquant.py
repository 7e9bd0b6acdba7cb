"""NewsQuant (CQE, EMNLP 2023): quantity extraction from news sentences, scored as the paper does.

Protocol (``../shared/datasets/newsquant/README.md``): micro P/R/F1 over quantities, per sentence,
a gold quantity consumed once matched. A prediction matches on **value** when the values are
``isclose`` (rtol 1e-5; a range must match both ends); **value+unit** also needs the unit in CQE's
vocabulary (our codes are mapped by ``CQE_UNITS``; a count's unit is the counted noun's lemma);
**value+change** also needs the change label (``=``, ``~``, ``>``, ``<``, ``up``, ``down``);
**concept** partial = any shared token with the gold concept, complete = the same token set.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimledger.evaluation import Score, require
from claimledger.model import Document, Published, Quantity
from claimledger.values.quantities import wordset

REFERENCE = {  # published F1 of CQE on NewsQuant (paper table, published_scores_NewsQuant.tsv)
    "value": 0.920, "value+unit": 0.856, "value+change": 0.881,
    "value+concept (partial)": 0.761, "value+concept (complete)": 0.570,
}
FAST_SENTENCES = 120

CQE_UNITS: dict[str, str] = {
    "%": "percentage", "pp": "percentage point", "bp": "basis point",
    "USD": "dollar", "EUR": "euro", "GBP": "pound sterling", "JPY": "japanese yen",
    "CNY": "chinese yuan", "AUD": "australian dollar", "HKD": "hong kong dollar",
    "MYR": "malaysian ringgit", "ILS": "shekel", "INR": "indian rupee", "CAD": "canadian dollar",
    "NZD": "new zealand dollar", "SGD": "singapore dollar", "KRW": "south korean won",
    "RUB": "russian ruble", "CHF": "swiss franc", "MXN": "mexican peso", "BRL": "brazilian real",
    "TRY": "turkish lira", "SAR": "saudi riyal", "AED": "uae dirham", "NGN": "nigerian naira",
    "ZAR": "south african rand", "UAH": "ukrainian hryvnia", "BTC": "bitcoin", "USD_cent": "cent",
    "mi2": "square mile", "km2": "square kilometre", "m2": "square metre", "ft2": "square foot",
    "acre": "acre", "ha": "hectare",
    "t": "ton", "kg": "kilogram", "g": "gram", "mg": "milligram", "lb": "pound-mass", "oz": "ounce",
    "km": "kilometre", "m": "metre", "cm": "centimetre", "mm": "millimetre", "um": "micrometre",
    "mi": "mile", "nmi": "nautical mile", "ft": "foot", "in": "inch", "yd": "yard",
    "s": "second", "min": "minute", "h": "hour", "d": "day", "wk": "week", "mo": "month",
    "yr": "year", "decade": "decade", "century": "century",
    "mph": "mile per hour", "km/h": "kilometre per hour", "degC": "celsius", "degF": "fahrenheit",
    "deg": "degree", "hp": "horsepower", "l": "litre", "ml": "millilitre", "gal": "gallon",
    "bbl": "barrel", "bbl/d": "barrel per day", "mpg": "mile per gallon", "W": "watt",
    "kW": "kilowatt", "MW": "megawatt", "GW": "gigawatt", "kWh": "kilowatt hour", "Hz": "hertz",
    "GHz": "gigahertz", "MHz": "megahertz", "GB": "gigabyte", "MB": "megabyte", "TB": "terabyte",
    "mAh": "milliampere-hour", "ppm": "parts-per-million", "ppb": "parts-per-billion",
    "pt": "point", "Gt": "gigaton", "nm": "nanometre", "MP": "megapixel", "rpm": "revolution per minute",
    "kn": "knot", "Mbps": "megabit per second", "Gbps": "gigabit per second", "kcal": "calorie",
    "V": "volt", "MYR_sen": "sen", "game": "game", "MWh": "megawatt hour", "GWh": "gigawatt hour",
    "MPa": "megapascal", "GPa": "gigapascal", "ksi": "kilopound per square inch", "lbft": "pound-foot",
    "pt/game": "point per game", "reb/game": "rebound per game", "ast/game": "assist per game", "kHz": "kilohertz",
    # CQE's normaliser names these surfaces so: a glued "p" is its "point" (we read UK pence), "5G"
    # its "generation wireless", "PS" (metric horsepower) its "horsepower"
    "GBP_pence": "point", "gen": "generation wireless", "PS": "horsepower", "N.m": "newton metre",
    "WAR": "win above replacement",
}
# CQE's names for counts whose noun is itself a unit word ("3,200 times" is a count)
CQE_COUNT_NOUNS: dict[str, str] = {"time": "count", "times": "count"}
_STOP = wordset("a an the of and or in on at to for by with 's ' - , . from as")


@dataclass(frozen=True, slots=True)
class Item:
    """One quantity reduced to what the protocol compares."""

    low: float
    high: float
    unit: str
    change: str
    concept: frozenset[str]


def extract(texts: Sequence[str], anchor: str | None = None) -> list[tuple[Any, list[Quantity]]]:
    """The parse and our quantities for each text (the time and quantity extractors)."""
    from claimledger.extract import nlp as loader
    from claimledger.extract.quantities import quantities
    from claimledger.extract.times import times

    nlp = loader.load()
    out: list[tuple[Any, list[Quantity]]] = []
    for index, parsed in enumerate(nlp.pipe(texts, batch_size=64)):
        doc = Document(id=f"eval{index}", source="eval", text=texts[index],
                       published=Published(anchor, "day" if anchor else None))
        found_times = list(times(doc, parsed))
        out.append((parsed, list(quantities(doc, parsed, found_times, []))))
    return out


def concept_tokens(text: str | None) -> frozenset[str]:
    """Content tokens of a concept string, lower-cased (the gold's ``-`` means none)."""
    if not text or text.strip() == "-":
        return frozenset({"-"})
    tokens = {t for t in re.split(r"[,\s]+", text.lower()) if t and t not in _STOP}
    tokens = {t.strip(".,'\"()") for t in tokens} - {""}
    return frozenset(tokens) or frozenset({"-"})


def change_label(quantity: Quantity) -> str:
    """Our qualifier and change as CQE's single label: the qualifier first, then a stated change;
    a vague plural ("thousands") is written by CQE as its order of magnitude, labelled ``=``."""
    if quantity.qualifier == "approx":
        return "~"
    if quantity.qualifier in ("more_than", "at_least"):
        return ">"
    if quantity.qualifier in ("less_than", "at_most"):
        return "<"
    if quantity.change is not None:
        return quantity.change
    return "="


def cqe_unit(
    quantity: Quantity, lemma: Callable[[str], str] | None = None, *, following: bool = True
) -> str:
    """Our unit in CQE's vocabulary; a count's unit is its counted noun phrase before any "of"
    phrase, lemmatized ("bottles of water" -> "bottle"), when that phrase directly follows the
    number (or another number of the sentence), else ``-``."""
    if quantity.unit == "yr" and quantity.counted == "age":
        return "year of age"
    if quantity.unit is not None:
        if quantity.unit in CQE_UNITS:
            return CQE_UNITS[quantity.unit]
        parts = [CQE_UNITS.get(part, part.lower()) for part in quantity.unit.split("/")]
        return " per ".join(parts)
    if not quantity.counted or not following:
        return "-"
    words = quantity.counted.lower().split(" of ")[0].split()  # the counted noun, not what it is of
    if lemma is not None:
        words = [lemma(word) for word in words]
    phrase = " ".join(words)
    return CQE_COUNT_NOUNS.get(phrase, phrase)


def _written_after_number(text: str, word: str) -> bool:
    """Whether ``word`` is written right after some number of the sentence: a count that shares
    its noun with a neighbour ("435 homes by sale and 187 by tender") has that noun as its unit."""
    return re.search(rf"[0-9]\s*-?\s*(?:of\s+(?:the\s+)?)?{re.escape(word)}", text, re.IGNORECASE) is not None


def _in_context(
    quantity: Quantity, lemma: Callable[[str], str] | None, text: str, parsed: Any
) -> Callable[[str], str] | None:
    """Lemmas of the counted phrase's words as parsed in the sentence ("league games" -> "league
    game", "best screens" -> "good screen"); participles stay as written; other words fall back
    to ``lemma``."""
    if lemma is None or parsed is None or not quantity.counted:
        return lemma
    at = text.find(quantity.counted, quantity.end)
    at = text.find(quantity.counted) if at < 0 else at
    span = parsed.char_span(at, at + len(quantity.counted), alignment_mode="expand") if at >= 0 else None
    if span is None:
        return lemma
    known = {t.lower_: (t.lower_ if t.tag_ in ("VBN", "VBG") else t.lemma_.lower()) for t in span}
    fallback = lemma

    def contextual(word: str) -> str:
        return known.get(word) or fallback(word)

    return contextual


def predicted_item(
    quantity: Quantity, lemma: Callable[[str], str] | None = None, text: str = "", parsed: Any = None
) -> Item:
    """Our quantity reduced to what the protocol compares (``text`` is the sentence).

    A counted noun written right after the number is CQE's unit; the concept is then what the
    quantity refers to: the rest of the noun phrase or the clause's subject (``referent``)."""
    tail = re.sub(r"^[\s-]*(?:of\s+(?:the\s+)?)?", "", text[quantity.end:quantity.end + 80]).lower()
    first = (quantity.counted or "").lower().split()[:1]
    following = bool(first) and (tail.startswith(first[0]) or _written_after_number(text, first[0]))
    concept = quantity.counted
    if following and quantity.unit is None and parsed is not None:
        from claimledger.extract.quantities import referent

        concept = referent(parsed, quantity.start, quantity.end)
    if quantity.qualifier == "range" and quantity.low is not None and quantity.high is not None:
        low, high = quantity.low, quantity.high
    elif quantity.qualifier == "vague" and quantity.low is not None and quantity.low > 0:
        low, high = cqe_magnitude(quantity.text, quantity.low)
    else:
        low = high = quantity.value
    unit = cqe_unit(quantity, _in_context(quantity, lemma, text, parsed), following=following)
    return Item(low, high, unit, change_label(quantity), concept_tokens(concept))


def cqe_magnitude(text: str, low: float) -> tuple[float, float]:
    """A vague amount as CQE writes it: the order of magnitude it names ("thousands" = 1000-10000,
    "tens of thousands" = 10000-100000, "dozens" = 12-120), where we keep the tighter interval a
    reader takes from the plural ("thousands" = at least 2,000)."""
    if re.search(r"(?i)\bdozens?\b", text):
        return 12.0, 120.0
    magnitude = 10.0 ** math.floor(math.log10(low) + 1e-9)
    return magnitude, magnitude * 10


def gold_item(entry: dict[str, Any]) -> Item | None:
    """A gold quantity; None when its value cannot be read."""
    raw = str(entry.get("value", "")).strip()
    match = re.fullmatch(r"(-?[0-9.]+(?:E[+-]?[0-9]+)?)-(-?[0-9.]+(?:E[+-]?[0-9]+)?)", raw, re.IGNORECASE)
    try:
        if match:
            low, high = float(match.group(1)), float(match.group(2))
        else:
            low = high = float(raw)
    except ValueError:
        return None
    return Item(
        low, high, str(entry.get("normalized_unit", "-")).strip().lower(), str(entry.get("change", "=")),
        concept_tokens(str(entry.get("referred_concepts", "-"))),
    )


def _same_value(a: Item, b: Item) -> bool:
    """Same number, or a range with the same two ends (in either order: NewsQuant writes
    "fell from 36,040 to 34,935" as ``36040-34935``, an interval we hold as low <= high)."""
    if math.isclose(a.low, b.low, rel_tol=1e-5) and math.isclose(a.high, b.high, rel_tol=1e-5):
        return True
    return math.isclose(a.low, b.high, rel_tol=1e-5) and math.isclose(a.high, b.low, rel_tol=1e-5)


CHECKS: dict[str, Callable[[Item, Item], bool]] = {
    "value": _same_value,
    "value+unit": lambda p, g: _same_value(p, g) and p.unit == g.unit,
    "value+change": lambda p, g: _same_value(p, g) and p.change == g.change,
    "value+concept (partial)": lambda p, g: _same_value(p, g) and bool(p.concept & g.concept),
    "value+concept (complete)": lambda p, g: _same_value(p, g) and p.concept == g.concept,
}


def count_matches(predicted: Sequence[Item], gold: Sequence[Item], same: Callable[[Item, Item], bool]) -> int:
    """Greedy one-to-one matching in prediction order; each gold item is consumed once."""
    used: set[int] = set()
    correct = 0
    for item in predicted:
        for index, target in enumerate(gold):
            if index not in used and same(item, target):
                used.add(index)
                correct += 1
                break
    return correct


def prf(correct: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score(pairs: Iterable[tuple[Sequence[Item], Sequence[Item]]]) -> dict[str, tuple[float, float, float]]:
    """P/R/F1 per metric over (predicted, gold) pairs of sentences."""
    totals = dict.fromkeys(CHECKS, 0)
    n_predicted = n_gold = 0
    for predicted, gold in pairs:
        n_predicted += len(predicted)
        n_gold += len(gold)
        for name, same in CHECKS.items():
            totals[name] += count_matches(predicted, gold, same)
    return {name: prf(totals[name], n_predicted, n_gold) for name in CHECKS}


def measure(datasets: Path, *, fast: bool = False) -> list[Score]:
    """Score our extractor on NewsQuant with the paper's protocol."""
    folder = require(datasets, "newsquant")
    data = json.loads((folder / "NewsQuant.json").read_text(encoding="utf-8"))
    if fast:
        data = data[:FAST_SENTENCES]
    texts = [entry["text"] for entry in data]
    from claimledger.extract import nlp as loader

    lemmatizer = loader.load()
    cache: dict[str, str] = {}

    def lemma(word: str) -> str:
        if word not in cache:
            parsed = lemmatizer(word)
            cache[word] = parsed[0].lemma_.lower() if len(parsed) else word
        return cache[word]

    found = extract(texts)
    pairs = []
    for entry, (parsed, ours) in zip(data, found, strict=True):
        gold = [g for g in (gold_item(q) for q in entry.get("quantities", [])) if g is not None]
        pairs.append(([predicted_item(q, lemma, entry["text"], parsed) for q in ours], gold))
    results = score(pairs)
    n_gold = sum(len(g) for _, g in pairs)
    scores = []
    for name, (precision, recall, f1) in results.items():
        scores.append(Score(
            "quantities", "NewsQuant" + (" (fast)" if fast else ""), f"{name} F1", f1,
            REFERENCE[name], "CQE (Almasian et al. 2023)", f"P {precision:.3f} R {recall:.3f}", n_gold,
        ))
    return scores
