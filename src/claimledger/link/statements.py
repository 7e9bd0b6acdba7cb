"""Statements without a number: their topic, their status claim, and how alike two texts are.

A status is what a statement says about a campaign, a group or a place: ``ended`` ("we have
defeated", "100 percent liberated", "not a single fighter remains") or ``ongoing`` ("is not
over", "yet to be fully uprooted", "will continue operations"). Two statements about the same
topic and a compatible place with opposite statuses cannot both be true at the same time.
Negated forms are read before plain ones, so "is not over" is ``ongoing``, never ``ended``.
"""

from __future__ import annotations

import re
from typing import Literal

Status = Literal["ended", "ongoing"]

_NEG = r"(?:not|n't|never|no longer)"

ONGOING = re.compile(
    r"\b(?:"
    rf"(?:is|are|was|were|has|have|'s|’s)\s+{_NEG}\s+(?:yet\s+)?(?:been\s+)?(?:fully\s+|completely\s+)?"
    r"(?:over|defeated|finished|ended|eliminated|liberated|cleared|won|destroyed)"
    r"|isn't\s+over|aren't\s+over|not\s+over"
    r"|(?:yet|have\s+yet|has\s+yet)\s+to\s+be\s+(?:fully\s+|completely\s+)?"
    r"(?:uprooted|defeated|eliminated|liberated|cleared|destroyed|dislodged)"
    r"|(?:far|long)\s+from\s+(?:over|defeated|finished)"
    r"|will\s+continue|continues?\s+to\s+(?:fight|operate|attack|pose|hold|control)|continuing"
    r"|ongoing|still\s+(?:active|present|operating|operates|fighting|holds?|controls?|moves?|poses?|a\s+threat)"
    r"|remains?\s+(?:active|a\s+threat|dangerous|capable)|resurg\w+|regroup\w*|sleeper\s+cells?"
    r")\b",
    re.IGNORECASE,
)

ENDED = re.compile(
    r"\b(?:"
    r"(?:have|has|had)\s+(?:been\s+)?(?:completely\s+|totally\s+|fully\s+)?"
    r"(?:defeated|destroyed|eliminated|crushed|vanquished|beaten|liberated|freed|routed|wiped\s+out)"
    r"|(?:is|are|was|were)\s+(?:now\s+)?(?:completely\s+|totally\s+|fully\s+|100\s+percent\s+|100%\s+)?"
    r"(?:defeated|destroyed|eliminated|crushed|over|finished|liberated|freed|gone|routed|wiped\s+out)"
    # "declared the Red Hand defeated" ("declared … over" is left out: "over" is too often a preposition)
    r"|(?:declared|declares|declare|pronounced|pronounces)\s+(?:[\w’'-]+\s+){1,6}?"
    r"(?:defeated|destroyed|eliminated|finished|beaten)\b"
    r"|(?:declared|declares|proclaimed|proclaims|claimed|claims)\s+(?:a\s+|total\s+|final\s+)?victory\s+"
    r"(?:over|against)"
    r"|(?:100\s+percent|100%|fully|completely|totally)\s+(?:liberated|freed|defeated|cleared|destroyed)"
    r"|not\s+a\s+single\s+\w+(?:\s+\w+){0,5}\s+remains?"
    r"|no\s+longer\s+(?:exists?|holds?|controls?|a\s+threat)"
    r"|(?:we|they)\s+(?:have\s+)?won"
    r")\b",
    re.IGNORECASE,
)

# Capitalized multi-word names ("Crimson Ridge Front"); the leading article is dropped.
_NAME = re.compile(r"\b(?:[A-Z][\w’'-]+)(?:\s+(?:of|the|al|el|de)?\s*[A-Z][\w’'-]+)+")
# Acronyms that name a group ("ISIS", "ISIL", "PKK"); datelines in capitals are places, excluded by caller.
_ACRONYM = re.compile(r"\b[A-Z]{3,6}\b")
_NOT_NAMES = {"THE", "AND", "FOR", "NOT", "BUT", "NEW", "USA", "UN", "PRESS", "RELEASE", "UPDATE", "NEWS", "LIVE"}
_LEADING = re.compile(r"^(?:The|A|An|In|On|At|But|And|Our|We|This|That|Mr|Ms|Dr)\s+")

STOP = {
    "a", "an", "the", "of", "in", "on", "at", "to", "and", "or", "is", "are", "was", "were", "be",
    "been", "has", "have", "had", "it", "its", "that", "this", "for", "with", "by", "from", "as",
    "said", "says", "say", "will", "would", "we", "our", "they", "their", "he", "she", "his", "her",
    "not", "no", "but", "than", "about", "after", "before", "into", "over", "per", "also", "who",
    "which", "there", "more", "most", "some", "all", "any", "so", "up", "out", "now", "i", "you",
}


def status(text: str) -> Status | None:
    """``ended`` / ``ongoing`` when the text asserts one, else None."""
    ongoing = ONGOING.search(text)
    if ongoing:
        return "ongoing"
    if ENDED.search(text):
        return "ended"
    return None


def topics(text: str, exclude: set[str] | frozenset[str] = frozenset()) -> frozenset[str]:
    """Lower-cased multi-word names the text is about (minus names in ``exclude``, e.g. people)."""
    found: set[str] = set()
    for match in _NAME.finditer(text):
        name = _LEADING.sub("", match.group(0)).strip()
        if " " not in name:
            continue
        key = name.lower()
        if key in exclude or any(part in key for part in exclude if len(part) > 3):
            continue
        found.add(key)
    for match in _ACRONYM.finditer(text):
        word = match.group(0)
        if word not in _NOT_NAMES and word.lower() not in exclude and not text.isupper():
            found.add(word.lower())
    return frozenset(found)


def words(text: str) -> frozenset[str]:
    """Content words of a text (lower-cased, numbers kept: "312" matters for duplicates)."""
    return frozenset(
        w for w in re.findall(r"[a-z0-9]+(?:[.,][0-9]+)*", text.lower()) if w not in STOP and len(w) > 1
    )


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller word set found in the other (a short repeat inside a longer story)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity of two word sets (0 when both are empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)
