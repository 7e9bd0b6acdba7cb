"""Where PolNeAR's source tokens go wrong: a diagnostic beside the benchmark, not a score.

Counted once per token as in ``evaluation.polnear`` and on the even half (the half whose errors
the rules were written from), each missed gold source token and each extra predicted one is put
in one kind:

- missed, **relation never found**: no predicted content overlaps the gold one;
- missed, **another source**: a predicted relation overlaps the content, its source lies elsewhere;
- missed, **boundary short** / **no source**: the source overlaps but stops short / is absent;
- extra, **relation not annotated**: the predicted content overlaps no gold one;
- extra, **another source** / **boundary long** / **gold has no source**, likewise.

Two checks of what could close the source target: the score Citron's pairwise sum gives the gold
annotation itself (above 1 when relations share a source), and what a broad rule would do that
takes every person or organisation subject (or personal pronoun) of a verb with an object, clause,
infinitive or prepositional phrase, outside every predicted relation, as a source: the precision
of the source tokens it adds, over all of dev, and source F1 counted once per half with it.
(``analyse`` is no ``measure``: ``claimledger eval`` does not run it; ``bench/polnear_sources.py`` does.)
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from claimledger.evaluation import Score, require
from claimledger.evaluation.polnear import Predicted, Tally, _tokens, articles, predict, score_tokens, token_scores

BROAD_DEPS = ("ccomp", "dobj", "xcomp", "prep")
BROAD_LABELS = ("PERSON", "ORG", "NORP", "GPE")
BROAD_PRONOUNS = ("he", "she", "they", "i", "we", "who")
NOT_HOLDERS = ("it", "there", "this", "that", "what")


def analyse(datasets: Path, *, fast: bool = False) -> list[Score]:
    """The kinds of source-token errors on the even half, and the two checks (module docstring)."""
    from claimledger.extract import nlp as loader

    folder = require(datasets, "polnear")
    nlp = loader.load()
    missed: Counter[str] = Counter()
    extra: Counter[str] = Counter()
    gold_self, halves, broad_halves = Tally(), {"even": Tally(), "odd": Tally()}, {"even": Tally(), "odd": Tally()}
    added = Counter[str]()
    gold_tokens = 0
    for number, (name, text, gold) in enumerate(articles(folder, fast)):
        parsed = nlp(text)
        predicted = predict(text, parsed, name)
        tokens = [(t.idx, t.idx + len(t)) for t in parsed]
        half = "odd" if number % 2 else "even"
        score_tokens(gold, [Predicted(g.content, g.source, g.cue) for g in gold], tokens, gold_self)
        score_tokens(gold, predicted, tokens, halves[half])
        broad = _broad(parsed, predicted, tokens)
        score_tokens(gold, predicted + broad, tokens, broad_halves[half])
        starts, ends = [s for s, _ in tokens], [e for _, e in tokens]
        gold_sources = set().union(*[_tokens(g.source, starts, ends) for g in gold])
        for item in broad:
            found = _tokens(item.source, starts, ends)
            added["tokens"] += len(found)
            added["right"] += len(found & gold_sources)
        if half == "even":
            gold_tokens += _kinds(gold, predicted, starts, ends, missed, extra)
    _, _, self_f1 = token_scores(gold_self, "source", pairwise=True)
    name = "PolNeAR dev" + (" (fast subset)" if fast else "")
    even = f"{name} (even half)"
    rows = [Score("quotes", even, f"source tokens missed: {kind}", count, n=gold_tokens)
            for kind, count in sorted(missed.items(), key=lambda kv: -kv[1])]
    rows += [Score("quotes", even, f"source tokens extra: {kind}", count)
             for kind, count in sorted(extra.items(), key=lambda kv: -kv[1])]
    rows.append(Score("quotes", name, "gold scored against itself, Citron's pairwise source F1", self_f1,
                      note="1.0 when no two relations share a source token"))
    rows.append(Score("quotes", name, "broad rule: precision of the source tokens it adds",
                      added["right"] / added["tokens"] if added["tokens"] else None, n=added["tokens"]))
    for half in ("even", "odd"):
        rows.append(Score("quotes", f"{name} ({half} half)", "source token-overlap F1",
                          token_scores(halves[half], "source")[2]))
        rows.append(Score("quotes", f"{name} ({half} half)", "source token-overlap F1 with the broad rule",
                          token_scores(broad_halves[half], "source")[2]))
    return rows


def _broad(parsed: Any, predicted: list[Predicted], tokens: list[tuple[int, int]]) -> list[Predicted]:
    """The broad rule's extra relations: the subject phrase of a verb with a complement, as the
    source, wherever no predicted relation already holds the subject or the verb."""
    starts, ends = [s for s, _ in tokens], [e for _, e in tokens]
    used: set[int] = set()
    for item in predicted:
        used |= _tokens(item.content, starts, ends) | _tokens(item.source, starts, ends) | _tokens(item.cue,
                                                                                                    starts, ends)
    out = []
    for verb in parsed:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        objects = [c for c in verb.children if c.dep_ in BROAD_DEPS]
        if not subjects or not objects or subjects[0].lower_ in NOT_HOLDERS:
            continue
        subject = subjects[0]
        if subject.ent_type_ not in BROAD_LABELS and subject.lower_ not in BROAD_PRONOUNS:
            continue
        first, last = subject.left_edge.i, subject.right_edge.i
        if any(i in used for i in range(first, last + 1)) or verb.i in used:
            continue
        body = objects[0]
        content = (parsed[body.left_edge.i].idx, parsed[body.right_edge.i].idx + len(parsed[body.right_edge.i]))
        source = (parsed[first].idx, parsed[last].idx + len(parsed[last]))
        out.append(Predicted(content=(content,), source=(source,), cue=((verb.idx, verb.idx + len(verb)),)))
    return out


def _kinds(gold: list[Any], predicted: list[Predicted], starts: list[int], ends: list[int],
           missed: Counter[str], extra: Counter[str]) -> int:
    """Add one article's missed and extra source tokens to the counters, by kind; return the
    number of its gold source tokens (each relation's, as the scorer counts them)."""
    gold_sources = [_tokens(g.source, starts, ends) for g in gold]
    gold_contents = [_tokens(g.content, starts, ends) for g in gold]
    ours = [_tokens(p.source, starts, ends) for p in predicted]
    our_contents = [_tokens(p.content, starts, ends) for p in predicted]
    all_gold, all_ours = set().union(*gold_sources), set().union(*ours)
    for number, source in enumerate(gold_sources):
        lost = source - all_ours
        if not lost:
            continue
        matched = [k for k, content in enumerate(our_contents) if content & gold_contents[number]]
        if not matched:
            kind = "relation never found"
        elif not any(ours[k] for k in matched):
            kind = "no source"
        elif not any(ours[k] & source for k in matched):
            kind = "another source"
        else:
            kind = "boundary short"
        missed[kind] += len(lost)
    for number, source in enumerate(ours):
        surplus = source - all_gold
        if not surplus:
            continue
        matched = [k for k, content in enumerate(gold_contents) if content & our_contents[number]]
        if not matched:
            kind = "relation not annotated"
        elif not any(gold_sources[k] for k in matched):
            kind = "gold has no source"
        elif not any(gold_sources[k] & source for k in matched):
            kind = "another source"
        else:
            kind = "boundary long"
        extra[kind] += len(surplus)
    return sum(map(len, gold_sources))
