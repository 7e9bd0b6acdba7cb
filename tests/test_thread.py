"""A story made of posts: a governor's post, an aid group's reply calling it untrue, and the
governor's later post reported in the story (issue 4, round 10). Fictional, written for these
tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from claimledger import run
from claimledger.settings import Settings
from conftest import linked_conflicts

THREAD = (
    "Row over flood figures plays out online\n\n"
    "By Nia Cole | Harbour Wire | 12 August 2031\n\n"
    "The dispute began with a post from the regional governor on Sunday morning.\n\n"
    "Governor Pavel Dunn (@GovDunn) \u00b7 Aug 10, 2031\n"
    "All 14 villages on the Sefra river have been evacuated. Not one resident remains in the flood zone.\n\n"
    "Within an hour, a local aid group replied.\n\n"
    "Sefra Relief (@SefraRelief) \u00b7 Aug 10, 2031\n"
    "Replying to @GovDunn\n"
    "This is not true. Our volunteers are still bringing families out of Lower Sefra and Kess.\n\n"
    "Dunn later deleted his post. In a second post on Monday he wrote that \"most\" villages had been "
    "cleared.\n"
)


def _records(tmp_path: Path) -> dict[str, list[dict[str, Any]]]:
    path = tmp_path / "thread.txt"
    path.write_text(THREAD, encoding="utf-8")
    out: dict[str, list[dict[str, Any]]] = {}
    for record in run.extract([str(path)], Settings()):
        out.setdefault(record["type"], []).append(record)
    return out


def test_posts_name_their_authors_and_a_reply_line_is_no_part_of_the_post(tmp_path: Path) -> None:
    quotes = {q["text"].split(".")[0]: q for q in _records(tmp_path)["quote"]}
    governor = quotes["All 14 villages on the Sefra river have been evacuated"]
    assert (governor["speaker"]["name"], governor["speaker"]["role"]) == ("Pavel Dunn", "Governor")
    assert "This is not true" in quotes and quotes["This is not true"]["speaker"]["name"] == "Sefra Relief"
    later = next(q for q in quotes.values() if q["text"].startswith("that \"most\" villages"))
    # "he" is the governor, never the aid group; "in a second post on Monday" dates it
    assert later["speaker"]["name"] == "Pavel Dunn" and later["date"] == "2031-08-11"


def test_a_claim_is_not_negated_by_the_next_sentence(tmp_path: Path) -> None:
    claims = {c["text"]: c for c in _records(tmp_path)["claim"]}
    assert claims["All 14 villages on the Sefra river have been evacuated."]["polarity"] == "affirm"
    assert claims["This is not true."]["polarity"] == "negate"


def test_a_reply_calling_a_post_untrue_contradicts_it(tmp_path: Path) -> None:
    rows = linked_conflicts(tmp_path, {"thread.txt": THREAD}, ("contradict",))
    rebuttal = "This is not true."
    answered = {}
    for row in rows:
        sides = {row["a"]["quote"]: row["a"], row["b"]["quote"]: row["b"]}
        if rebuttal in sides and len(sides) == 2:
            other = next(side for quote, side in sides.items() if quote != rebuttal)
            answered[other["quote"]] = (other["speaker"], sides[rebuttal]["speaker"])
    assert answered == {
        "All 14 villages on the Sefra river have been evacuated.": ("Pavel Dunn", "Sefra Relief"),
        "Not one resident remains in the flood zone.": ("Pavel Dunn", "Sefra Relief"),
    }
