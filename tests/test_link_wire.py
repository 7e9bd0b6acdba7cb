"""A fictional wire story (written for this test) in which a coalition says its campaign "is not
over" on the day a president declares the enemy defeated: the ledger must show the contradiction,
with both speakers and the same date (issue 4, round 8)."""

from __future__ import annotations

from pathlib import Path

from conftest import linked_conflicts

WIRE = (
    'Coalition says campaign against militia "not over" as president declares victory\n\n'
    "KELLMAR, March 5, 2031 \u2014 The coalition fighting the Red Hand militia said on Wednesday that its "
    'campaign "is not over," hours after President Tomas Varga declared the group defeated.\n\n'
    '"The Red Hand has been defeated, and our soldiers will come home," Varga wrote on X.\n\n'
    "But coalition spokeswoman Lt. Col. Ruth Calder told Reuters that about 2,000 fighters remained in the "
    'hills east of Tell Amar. "This fight is not finished," she said.\n\n'
    "Not a single fighter remains in Kellmar itself, the mayor said.\n"
)


def test_a_campaign_not_over_contradicts_the_enemy_defeated_on_the_same_day(tmp_path: Path) -> None:
    rows = linked_conflicts(tmp_path, {"wire.txt": WIRE}, ("contradict",))
    def side(cite: dict[str, str]) -> str:
        return (cite["speaker"] or cite["role"] or "").lower()

    pairs = {frozenset((side(r["a"]), side(r["b"]))) for r in rows}
    assert frozenset(("ruth calder", "tomas varga")) in pairs  # "this fight is not finished"
    assert frozenset(("coalition", "tomas varga")) in pairs  # "its campaign is not over"
    assert all(r["a"]["date"] == r["b"]["date"] == "2031-03-05" for r in rows)
    assert all("Red Hand" in r["explanation"] for r in rows)
    assert not [r for r in rows if "Kellmar itself" in r["a"]["quote"] + r["b"]["quote"]]  # a place, not the campaign
