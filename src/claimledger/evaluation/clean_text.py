"""The text cleaner on copied web pages (plain text, no HTML), on the article-extraction benchmark.

Two measurements, both from the benchmark's files (read at run time, never shipped):

* **Copied page text.** The benchmark ships the full visible text of each page as extracted by
  ``html-text`` (its published "full page text" baseline, F1 0.665). That is what a user gets by
  copying a whole web page. We run our line cascade on it (``clean_lines(text_lines(...))``) and
  score with the benchmark's own protocol (4-token shingles, see ``evaluation/boilerplate.py``).
* **Real sentences kept.** Each gold article body is run through the same cascade; a gold line
  that reads as a sentence (8+ words, ends in sentence punctuation) and is dropped is a false
  drop. This is the "don't drop real sentences" check of issue 2.
* **Sentences taken for page furniture.** Every sentence of three other corpora (ClaimBuster
  test sentences, CLIMATE-FEVER claims and evidence sentences, AVeriTeC dev claims) is passed to
  the rule classifier alone; any rule match is a sentence that would leave the body or become a
  caption.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from claimledger.evaluation import Score, require
from claimledger.evaluation.boilerplate import FOLDER, load_gold, load_reference, score

FAST_PAGES = 40
_SENTENCE = re.compile(r"[.!?][\"'”’)]*$")
HTML_TEXT = {"f1": 0.665, "precision": 0.500, "recall": 0.994}  # upstream README, html-text row


def cascade(text: str) -> str:
    """Our cleaned text of a plain-text page."""
    from claimledger.clean.lines import text_lines
    from claimledger.clean.text import clean_lines

    return clean_lines(text_lines(text)).text if text.strip() else ""


def sentence_lines(text: str) -> list[str]:
    """Lines that read as sentences: 8+ words ending in sentence punctuation."""
    return [line.strip() for line in text.splitlines() if len(line.split()) >= 8 and _SENTENCE.search(line.strip())]


def kept_share(gold_bodies: list[str]) -> tuple[float, int, list[str]]:
    """Share of gold sentence lines the cascade keeps, their count, and the dropped ones."""
    total, dropped = 0, []
    for body in gold_bodies:
        cleaned = cascade(body)
        kept_lines = set(cleaned.splitlines())
        for line in sentence_lines(body):
            total += 1
            if line not in kept_lines and line not in cleaned:
                dropped.append(line)
    return (1 - len(dropped) / total if total else 1.0), total, dropped


def corpus_sentences(datasets: Path) -> list[str]:
    """Sentences of ClaimBuster (test), CLIMATE-FEVER (claims, evidence) and AVeriTeC (dev claims)."""
    out: list[str] = []
    claimbuster = datasets / "claimbuster" / "test.json"
    if claimbuster.exists():
        out.extend(item.get("text", "") for item in json.loads(claimbuster.read_text(encoding="utf-8")))
    climate = datasets / "climate-fever" / "climate-fever.jsonl"
    if climate.exists():
        for line in climate.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            out.append(record.get("claim", ""))
            out.extend(e.get("evidence", "") for e in record.get("evidences", []))
    averitec = datasets / "averitec" / "dev.json"
    if averitec.exists():
        out.extend(item.get("claim", "") for item in json.loads(averitec.read_text(encoding="utf-8")))
    return [s.strip() for s in out if s and s.strip()]


def furniture_share(sentences: list[str]) -> tuple[float, list[tuple[str, str]]]:
    """Share of sentences some rule claims (and which rule): ideally zero."""
    from claimledger.clean.rules import classify

    hits = [(found.name, s) for s in sentences if (found := classify(s)) is not None]
    return (len(hits) / len(sentences) if sentences else 0.0), hits


def measure(datasets: Path, *, fast: bool = False) -> list[Score]:
    folder = require(datasets, FOLDER)
    gold = load_gold(folder)
    keys = sorted(gold)[:FAST_PAGES] if fast else sorted(gold)
    gold = {k: gold[k] for k in keys}
    pages = load_reference(folder, "html-text")
    ours = score(gold, {k: cascade(pages.get(k, "")) for k in keys})
    share, sentence_count, _ = kept_share(list(gold.values()))
    dataset = "article-extraction, copied page text" + (f" (first {len(keys)})" if fast else "")
    by = "html-text full page text (Zyte)"
    sentences = corpus_sentences(datasets)
    sentences = sentences[:2000] if fast else sentences
    furniture, hits = furniture_share(sentences)
    rules_hit = ", ".join(sorted({name for name, _ in hits})) or "none"
    return [
        Score("clean text", dataset, "F1", ours["f1"], HTML_TEXT["f1"], by, n=len(keys)),
        Score("clean text", dataset, "precision", ours["precision"], HTML_TEXT["precision"], by, n=len(keys)),
        Score("clean text", dataset, "recall", ours["recall"], HTML_TEXT["recall"], by, n=len(keys)),
        Score("clean text", "article-extraction gold bodies", "sentence lines kept", share, 1.0,
              "ideal (no false drop)", note=f"{sentence_count} sentence lines", n=sentence_count),
        Score("clean text", "ClaimBuster+CLIMATE-FEVER+AVeriTeC sentences", "taken for furniture", furniture, 0.0,
              "ideal (no false drop)", note=f"rules: {rules_hit}", n=len(sentences)),
    ]
