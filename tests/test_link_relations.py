"""Relations between claims, decided by intervals, dates and status (issue 5)."""

from __future__ import annotations

import pytest

from claimledger.link import corpus
from claimledger.link.corpus import ClaimView, Figure
from claimledger.link.linker import link_views

_N = {"n": 0}


def view(text: str, when: str | None, *figures: Figure, speaker: str | None = None, doc: str | None = None,
         places: tuple[str, ...] = (), polarity: str = "affirm") -> ClaimView:
    _N["n"] += 1
    n = _N["n"]
    v = ClaimView(id=f"clm_{n:04d}", doc=doc or f"doc_{n:04d}", start=0, end=len(text), text=text,
                  speaker=speaker, when=when, when_basis="claim" if when else None, polarity=polarity)
    v.figures = list(figures)
    v.places = set(places)
    return corpus.finish(v)


def fig(value: float, qualifier: str = "exact", counted: str | None = "troops", place: str | None = "Syria",
        unit: str | None = None, unit_class: str = "count") -> Figure:
    _N["n"] += 1
    return Figure(id=f"qty_{_N['n']:04d}", text=str(value), value=value, low=None, high=None, qualifier=qualifier,
                  unit=unit, unit_class=unit_class, counted=counted, change=None, as_of=None, place=place)


def relations(*views: ClaimView) -> dict[tuple[str, str], str]:
    links, _, _ = link_views(list(views))
    return {tuple(sorted((link.a, link.b))): link.relation for link in links}  # type: ignore[misc]


def pair(a: ClaimView, b: ClaimView) -> tuple[str, str]:
    return tuple(sorted((a.id, b.id)))  # type: ignore[return-value]


def test_about_80_agrees_with_79_months_later() -> None:
    a = view("The coalition has 79 members.", "2025-02-10", fig(79, counted="coalition members", place=None))
    b = view("The coalition counts about 80 members.", "2025-09-04",
             fig(80, "approx", counted="members of the coalition", place=None))
    assert relations(a, b) == {pair(a, b): "agree"}


def test_values_at_different_dates_are_an_update_with_direction() -> None:
    a = view("More than 1,000 fighters were detained.", "2025-02", fig(1000, "more_than", "fighters detained"))
    b = view("Roughly 10,000 fighters are detained.", "2025-10", fig(10000, "approx", "fighters detained"))
    links, _, _ = link_views([a, b])
    assert [link.relation for link in links] == ["update"]
    assert "rose from more than 1,000" in links[0].explanation
    assert "not a contradiction" in links[0].explanation


def test_disjoint_values_on_the_same_day_contradict() -> None:
    a = view("There are 900 U.S. troops in Syria.", "2025-03-04", fig(900, counted="U.S. troops"))
    b = view("There are 4,000 American troops in Syria.", "2025-03-04", fig(4000, counted="American troops"))
    links, _, _ = link_views([a, b])
    assert [link.relation for link in links] == ["contradict"]
    assert "both cannot be true" in links[0].explanation


def test_no_date_is_never_called_a_contradiction() -> None:
    a = view("There are 900 troops in Syria.", None, fig(900))
    b = view("There are 4,000 troops in Syria.", "2025-03-04", fig(4000))
    assert relations(a, b) == {pair(a, b): "same_metric"}


@pytest.mark.parametrize(("fa", "fb"), [
    (fig(900, place="Syria"), fig(5000, place="Iraq")),
    (fig(450, counted="aid", unit="t", unit_class="mass", place=None),
     fig(45e6, counted="aid", unit="USD", unit_class="currency", place=None)),
])
def test_different_places_and_incomparable_units_are_not_linked(fa: Figure, fb: Figure) -> None:
    a = view("Figure one about aid and troops in the region.", "2025-03-04", fa)
    b = view("Figure two about aid and troops in the region.", "2025-03-04", fb)
    assert relations(a, b) == {}


def test_series_links_neighbours_only() -> None:
    points = [view(f"{n} troops are in Syria.", f"2025-0{m}-01", fig(n)) for m, n in ((1, 500), (4, 900), (7, 1500))]
    found = relations(*points)
    assert found == {pair(points[0], points[1]): "update", pair(points[1], points[2]): "update"}


def test_speaker_who_changes_a_figure_is_named() -> None:
    a = view("About 900 troops are in Syria.", "2025-03-04", fig(900, "approx"), speaker="Dana Whitfield")
    b = view("About 2,000 troops are in Syria.", "2025-06-12", fig(2000, "approx"), speaker="Dana Whitfield")
    links, _, _ = link_views([a, b])
    assert "Dana Whitfield's own figure rose" in links[0].explanation


def test_defeated_against_not_over_on_the_same_day_contradicts() -> None:
    a = view("We have defeated the Crimson Ridge Front in Syria.", "2025-12-19", speaker="A. President",
             places=("syria",))
    b = view("The campaign against the Crimson Ridge Front is not over.", "2025-12-19", speaker="A. Spokesperson")
    links, _, _ = link_views([a, b])
    assert [link.relation for link in links] == ["contradict"]
    assert "A. President" in links[0].explanation and "A. Spokesperson" in links[0].explanation


def test_opposite_status_months_apart_is_an_update_not_a_contradiction() -> None:
    a = view("The Crimson Ridge Front is not over and still active in Raqqa.", "2025-01-01")
    b = view("We have defeated the Crimson Ridge Front in Raqqa.", "2025-09-01")
    assert relations(a, b) == {pair(a, b): "update"}


def test_status_about_different_places_is_not_linked() -> None:
    a = view("Mosul is 100 percent liberated from the Crimson Ridge Front.", "2025-11-14", places=("mosul",))
    b = view("The Crimson Ridge Front is not defeated in Raqqa.", "2025-11-15", places=("raqqa",))
    assert relations(a, b) == {}


def test_opposite_polarity_of_the_same_statement_contradicts() -> None:
    a = view("The Blue Harbor Militia used cluster munitions near Aleppo.", "2025-05-01")
    b = view("The Blue Harbor Militia did not use cluster munitions near Aleppo.", "2025-05-02", polarity="negate")
    assert relations(a, b) == {pair(a, b): "contradict"}


def test_near_identical_statements_in_two_outlets_are_duplicates() -> None:
    a = view("Officials said the Blue Harbor Militia withdrew from the Old Bridge district overnight.", "2025-05-01")
    b = view("Officials said the Blue Harbor Militia withdrew from the Old Bridge district overnight on Monday.",
             "2025-05-01")
    assert relations(a, b) == {pair(a, b): "duplicate"}


def test_contradictory_numbers_in_one_claim_do_not_crash_or_self_link() -> None:
    a = view("Officials gave 900 and 4,000 troops in Syria in the same sentence.", "2025-03-04", fig(900), fig(4000))
    assert relations(a) == {}


def test_thousands_of_claims_about_one_metric_stay_linear() -> None:
    many = [view(f"{1000 + i} troops are in Syria.", f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}", fig(1000 + i))
            for i in range(3000)]
    links, _, pairs = link_views(many)
    assert pairs <= 3000 * 8 + 3000 * 6 + 3000 * 12
    assert not any(link.relation == "contradict" and link.a == link.b for link in links)


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Whitfield", "Dana Whitfield", True),
    ("Col. Dana Whitfield", "Dana Whitfield", True),
    ("Dana Whitfield", "Harlan Voss", False),
    (None, "Harlan Voss", False),
])
def test_same_person(a: str | None, b: str | None, same: bool) -> None:
    from claimledger.link.relations import same_person

    assert same_person(a, b) is same


def test_hashing_encoder_is_deterministic_and_normalized() -> None:
    import numpy as np

    from claimledger.errors import ModelError
    from claimledger.link.encoder import load_encoder

    encoder = load_encoder("hashing")
    vectors = encoder.encode(["900 troops in Syria", "900 troops in Syria", "a different sentence", ""])
    assert vectors.shape == (4, encoder.dim)
    assert np.allclose(vectors[0], vectors[1])
    assert np.isclose(float(np.linalg.norm(vectors[0])), 1.0)
    assert float(vectors[0] @ vectors[2]) < 0.9
    assert not vectors[3].any()
    with pytest.raises(ModelError):
        load_encoder("no-such-encoder")


def test_acronym_groups_are_topics() -> None:
    a = view("We have defeated ISIS in Syria.", "2019-03-22", speaker="A. President", places=("syria",))
    b = view("ISIS is not defeated and still active in Syria.", "2019-03-23", speaker="A. General",
             places=("syria",))
    assert relations(a, b) == {pair(a, b): "contradict"}


def test_same_publication_day_alone_is_not_a_contradiction() -> None:
    a = view("There are 900 troops in Syria.", "2025-03-04", fig(900))
    b = view("There are 4,000 troops in Syria.", "2025-03-04", fig(4000))
    a.when_basis = "published"
    assert relations(a, b) == {pair(a, b): "same_metric"}
