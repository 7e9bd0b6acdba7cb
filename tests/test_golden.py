"""The golden corpus: must-find and must-not-find expectations for every record type.

Documents and expectations live in tests/golden (written by the project; fictional). Each
expectation is one test case, so a regression names exactly what was lost.
"""

from __future__ import annotations

import itertools
import json
import math
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from claimledger import run
from claimledger.settings import Settings

GOLDEN = Path(__file__).resolve().parent / "golden"
EXPECTATIONS: dict[str, Any] = json.loads((GOLDEN / "expectations.json").read_text(encoding="utf-8"))
KNOWN_MISSES = {json.dumps(m, sort_keys=True) for m in EXPECTATIONS.get("known_misses", [])}
FILES = [name for name in EXPECTATIONS if name != "known_misses"]
EXACT_FIELDS = ("qualifier", "unit", "unit_class", "change", "country", "label", "polarity")


@cache
def records(name: str) -> dict[str, list[dict[str, Any]]]:
    """The export records of one golden document, grouped by type."""
    out: dict[str, list[dict[str, Any]]] = {}
    for record in run.extract([str(GOLDEN / name)], Settings()):
        out.setdefault(record["type"], []).append(record)
    return out


def _lower(value: Any) -> str:
    return str(value or "").lower()


def matches(kind: str, record: dict[str, Any], want: dict[str, Any]) -> bool:
    """True when a record satisfies every key of one expectation."""
    for key, expected in want.items():
        if key == "text_contains" and expected.lower() not in _lower(record.get("text")):
            return False
        if key == "contains" and expected.lower() not in _lower(record.get("text")):
            return False
        if key == "text" and record.get("text") != expected:
            return False
        if key in ("value", "low", "high") and kind != "time":
            got = record.get(key)
            if got is None or not math.isclose(float(got), float(expected), rel_tol=1e-6):
                return False
        if key in EXACT_FIELDS and record.get(key) != expected:
            return False
        if key == "counted_contains" and expected.lower() not in _lower(record.get("counted")):
            return False
        if key == "canonical_contains" and expected.lower() not in _lower(record.get("canonical")):
            return False
        if kind == "time" and key == "value" and not str(record.get("value") or "").startswith(expected):
            return False
        speaker = record.get("speaker") or {}
        if key == "speaker_contains" and expected.lower() not in _lower(speaker.get("name")):
            return False
        if key == "role_contains" and expected.lower() not in _lower(speaker.get("role")):
            return False
        if key == "anonymous" and bool(speaker.get("anonymous")) != expected:
            return False
        if key == "description_contains" and expected.lower() not in _lower(speaker.get("description")):
            return False
        if key == "kind" and record.get("kind") not in expected:
            return False
    return True


def _cases(section: str) -> list[Any]:
    cases = []
    for name in FILES:
        for kind, wants in EXPECTATIONS[name].get(section, {}).items():
            for want in wants:
                key = json.dumps({"file": name, "type": kind, **want}, sort_keys=True)
                marks = [pytest.mark.xfail(reason="known miss", strict=False)] if key in KNOWN_MISSES else []
                cases.append(pytest.param(name, kind, want, id=f"{name}:{kind}:{_short(want)}", marks=marks))
    return cases


def _short(want: dict[str, Any]) -> str:
    text = want.get("text_contains") or want.get("contains") or want.get("text") or want.get("canonical_contains") or ""
    return str(text)[:30] or json.dumps(want)[:30]


@pytest.mark.parametrize(("name", "kind", "want"), _cases("must_find"))
def test_must_find(name: str, kind: str, want: dict[str, Any]) -> None:
    found = records(name).get(kind, [])
    seen = [r.get("text") for r in found][:15]
    assert any(matches(kind, r, want) for r in found), f"{name}: no {kind} matching {want}; found: {seen}"


@pytest.mark.parametrize(("name", "kind", "want"), _cases("must_not_find"))
def test_must_not_find(name: str, kind: str, want: dict[str, Any]) -> None:
    found = [r for r in records(name).get(kind, []) if matches(kind, r, want)]
    assert not found, f"{name}: unexpected {kind}: {[r.get('text') for r in found]}"


@pytest.mark.parametrize("name", FILES)
def test_document_expectations(name: str) -> None:
    want = EXPECTATIONS[name].get("document", {})
    (document,) = records(name)["document"]
    assert document["status"] == "ok", document["error"]
    text = document["text"]
    if "published" in want:
        assert document["published"]["date"] == want["published"]
    if "basis" in want:
        assert document["published"]["basis"] == want["basis"]
    if "title_contains" in want:
        assert want["title_contains"] in (document["title"] or "")
    if "author" in want:
        assert document["author"] == want["author"]
    for needle in want.get("text_contains", []):
        assert needle in text
    for needle in want.get("text_not_contains", []):
        assert needle not in text, f"chrome or caption left in the text: {needle!r}"
    for needle, count in want.get("text_count", {}).items():
        assert text.count(needle) == count, f"{needle!r} appears {text.count(needle)} times"
    captions = " ".join(c["text"] for c in document.get("captions", []))
    for needle in want.get("captions_contain", []):
        assert needle in captions
    handles = {(p.get("handle") or "").lstrip("@").lower() for p in document.get("posts", [])}
    for handle in want.get("post_handles", []):
        assert handle.lstrip("@").lower() in handles, f"no post by {handle}: {handles}"


@pytest.mark.parametrize("name", FILES)
def test_every_offset_points_into_the_text(name: str) -> None:
    grouped = records(name)
    (document,) = grouped["document"]
    for kind, items in grouped.items():
        if kind in ("document", "link"):
            continue
        for record in items:
            assert document["text"][record["start"] : record["end"]] == record["text"], (kind, record)


@pytest.mark.parametrize("name", FILES)
def test_no_words_are_quoted_twice(name: str) -> None:
    """Quotes never overlap: a post quoted in the prose and embedded, or a quote continued over
    paragraphs, is one statement, not two."""
    spans = sorted((q["start"], q["end"]) for q in records(name).get("quote", []))
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert start >= end, f"{name}: quotes overlap at {start}"
