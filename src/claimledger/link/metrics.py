"""Metric keys across the corpus: one key per figure, refined where the corpus allows.

A figure's key comes from ``values.metrics.metric_key`` (what is counted + unit class + place).
A claim that names no place for its figure but mentions exactly one place takes that place.
Then keys are refined over the whole corpus: an unqualified key ("troops|count|syria") folds
into the one qualified key that extends it ("us troops|count|syria") when there is exactly one;
with two ("us troops", "iraqi troops") it stays apart, because the corpus cannot say which;
and it stays apart from a qualified key that one document gives beside it ("unemployment" and
"youth unemployment" in one story are two figures).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from claimledger.link.corpus import ClaimView, Figure
from claimledger.values.metrics import (
    GENERIC_WHATS,
    NATIONALITIES,
    metric_key,
    normalize_place,
    split_key,
    taken_out,
    what_happened,
)


def figure_key(view: ClaimView, figure: Figure) -> str | None:
    """The unrefined key of one figure of a claim."""
    place = normalize_place(figure.place)
    if place is None or _is_nationality(figure, place):
        # No place, or "U.S. troops" given the place "United States": the nationality, not where.
        stated = _stated_place(view, figure)
        others = view.places - {place} if place else view.places
        place = stated or (next(iter(others)) if len(others) == 1 else None)
    if figure.counted and INCREMENT.match(figure.counted):
        return None  # "two more deaths", "2,000 additional troops": an increment, not a level to compare
    at = view.text.find(figure.text)
    if at >= 0 and taken_out(view.text, at):
        return None  # "to pull 500 soldiers out": how many leave, not how many stay
    key = metric_key(figure.counted, figure.unit_class, place)
    if key is None or split_key(key)[0] not in GENERIC_WHATS:
        return key
    # "40 people" died, fled or were reached by aid: the words around the figure say which, and
    # without them two figures of "people" are no one metric
    happened = what_happened(view.text, at, at + len(figure.text)) if at >= 0 else None
    if happened is None:
        return None
    _, unit_class, where = split_key(key)
    return f"{happened}|{unit_class}|{where or '*'}"


INCREMENT = re.compile(r"(?:more|additional|extra|another|further|new)\s", re.IGNORECASE)
_PLACE_AFTER = re.compile(
    r"\b(?:in|inside|across|throughout|near|around)\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)"
)


def _stated_place(view: ClaimView, figure: Figure) -> str | None:
    """The place written right after a figure ("900 U.S. troops are deployed in Syria")."""
    at = view.text.find(figure.text)
    if at < 0:
        return None
    match = _PLACE_AFTER.search(view.text, at + len(figure.text), at + len(figure.text) + 80)
    if match is None:
        return None
    name = match.group(1).lower()
    return view.place_names.get(name) or NATIONALITIES.get(name)


def _is_nationality(figure: Figure, place: str) -> bool:
    bare = metric_key(figure.counted, figure.unit_class, None)
    return bare is not None and place in split_key(bare)[0].split()


def refine(keys: Iterable[str], documents: Iterable[set[str]] = ()) -> dict[str, str]:
    """key -> the key it folds into (only keys that change are listed). ``documents`` are the key
    sets of single documents: a document that gives figures under both the bare and the qualified
    key tells them apart ("Unemployment rose to 6.1% … Youth unemployment, at 14.2%"), so the
    bare key does not fold into that one."""
    found_in: dict[str, set[int]] = defaultdict(set)  # key -> the documents that give it
    for number, found in enumerate(documents):
        for key in found:
            found_in[key].add(number)
    by_scope: dict[tuple[str, str | None], set[str]] = defaultdict(set)
    for key in set(keys):
        what, unit_class, place = split_key(key)
        by_scope[(unit_class, place)].add(what)
    folds: dict[str, str] = {}
    for (unit_class, place), whats in by_scope.items():
        suffix = "*" if place is None else place
        for what in whats:
            longer = [w for w in whats if w != what and w.endswith(" " + what)]
            if not longer:
                continue
            # Fold only when the extensions form one chain ("us troops" < "us army troops").
            longest = max(longer, key=len)
            bare, qualified = f"{what}|{unit_class}|{suffix}", f"{longest}|{unit_class}|{suffix}"
            if all(longest.endswith(" " + w) or w == longest for w in longer) and not (
                    found_in[bare] & found_in[qualified]):
                folds[bare] = qualified
    return folds


def assign(views: list[ClaimView]) -> dict[str, str]:
    """Set every figure's refined key; return figure id -> key and update each claim's metric."""
    raw: dict[str, str] = {}
    by_doc: dict[str, set[str]] = defaultdict(set)
    for view in views:
        for figure in view.figures:
            key = figure_key(view, figure)
            if key is not None:
                raw[figure.id + "@" + view.id] = key
                by_doc[view.doc].add(key)
    folds = refine(raw.values(), by_doc.values())
    keys = {k: folds.get(v, v) for k, v in raw.items()}
    for view in views:
        view.keys = {f.id: keys[f.id + "@" + view.id] for f in view.figures if f.id + "@" + view.id in keys}
        first = next((keys[f.id + "@" + view.id] for f in view.figures if f.id + "@" + view.id in keys), None)
        view.metric = first if first is not None else (view.metric if not view.figures else None)
    return keys
