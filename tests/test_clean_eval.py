"""The document-date scorer (evaluation/doc_dates.py) on hand-made cases, so its numbers can be trusted."""

from __future__ import annotations

from claimledger.evaluation.doc_dates import _detokenize, agrees, date_of, tally


def test_agrees_at_the_claimed_precision() -> None:
    assert agrees("2024-03-05", "2024-03-05")
    assert agrees("2024-03", "2024-03-05")
    assert not agrees("2024-03-04", "2024-03-05")
    assert not agrees("2024-03-05", "05-03-2024")  # malformed gold never counts as agreement


def test_tally_counts_no_answer_apart_from_a_miss() -> None:
    pairs: list[tuple[str | None, str]] = [
        ("2024-03-05", "2024-03-05"), (None, "2024-01-01"), ("2024-02-01", "2024-02-02"),
    ]
    coverage, precision, accuracy = tally(pairs)
    assert (round(coverage, 3), precision, round(accuracy, 3)) == (0.667, 0.5, 0.333)
    assert tally([(None, "2024-01-01")]) == (0.0, None, 0.0)


def test_date_of_uses_the_clean_stage() -> None:
    assert date_of("Dam opens\nJune 3, 2021\nThe dam opened with 40 turbines.\n") == ("2021-06-03", "text")
    assert date_of("The dam opened with 40 turbines.\n") == (None, "none")


def test_detokenize() -> None:
    assert _detokenize("Sales fell 35 % , the ( new ) report said .") == "Sales fell 35%, the (new) report said."


def test_clean_text_scorer_counts_false_drops() -> None:
    from claimledger.evaluation.clean_text import kept_share, sentence_lines

    bodies = [
        "The council approved the budget of 4 million on Monday evening.\nShare\n"
        "Skip to main content\nRoad repairs will start in May, the mayor told reporters.\n",
        "Advertisement spending by the campaign reached two million dollars last year.\n",
    ]
    assert len(sentence_lines(bodies[0])) == 2
    share, total, dropped = kept_share(bodies)
    assert (share, total, dropped) == (1.0, 3, [])
    share, total, dropped = kept_share(["© 2024 The Example Gazette. All rights reserved by the owners here.\n"])
    assert (share, total) == (0.0, 1) and dropped


def test_furniture_share_counts_rule_hits() -> None:
    from claimledger.evaluation.clean_text import furniture_share

    share, hits = furniture_share(["Share this:", "The levee held after 3 days of rain.", "Advertisement", "Menu"])
    assert share == 0.75
    assert [name for name, _ in hits] == ["share_bar", "advertisement", "accessibility"]
