"""An auditor against the trust and value figures: from everything released, try to derive one
organisation's ratings of another (a cell), or a hidden figure of fewer than k raters, and fail.

The auditor sees what the network page shows (each released mean with its number of raters, so
each figure's sum) and even knows which organisations rated which (the cells' structure); it
solves with exact fractions, independent of the module's own arithmetic.
"""

import random
from fractions import Fraction

import pytest

from condities.disclosure_banden import Beoordeling, paar, vrijgeven

K = 3


def _rank(rows: list[dict[tuple, Fraction]]) -> int:
    basis: dict[tuple, dict[tuple, Fraction]] = {}
    rank = 0
    for row in rows:
        v = {key: Fraction(c) for key, c in row.items() if c}
        while v:
            pivot = min(v)
            if pivot not in basis:
                inv = 1 / v[pivot]
                basis[pivot] = {key: c * inv for key, c in v.items()}
                rank += 1
                break
            factor = v[pivot]
            for key, c in basis[pivot].items():
                v[key] = v.get(key, Fraction(0)) - factor * c
                if v[key] == 0:
                    del v[key]
    return rank


def derivable(released: list[dict], target: dict) -> bool:
    """Whether the sum over `target`'s cells follows from the released sums."""
    return _rank([*released, target]) == _rank(released)


def audit(beoordelingen: list[Beoordeling]) -> tuple[int, int]:
    """Check one world; returns how many organisation and pair figures were released."""
    vrijgave = vrijgeven(beoordelingen, drempel=K)
    cellen: dict[tuple[int, int], list[int]] = {}
    for b in beoordelingen:
        cellen.setdefault((b.van, b.over), []).append(b.score)
    released = []
    for org, cijfer in vrijgave.organisaties.items():
        cells = [c for c in cellen if c[1] == org]
        n = sum(len(cellen[c]) for c in cells)
        # What is shown is true, and has at least k raters.
        assert cijfer.aantal == n >= K
        assert cijfer.gemiddelde == pytest.approx(sum(sum(cellen[c]) for c in cells) / n)
        released.append(dict.fromkeys(cells, 1))
    for (a, b), cijfer in vrijgave.paren.items():
        cells = [c for c in [(a, b), (b, a)] if c in cellen]
        assert len(cells) == 2, "a pair is never shown from one direction only"
        assert cijfer.aantal == sum(len(cellen[c]) for c in cells) >= K
        released.append(dict.fromkeys(cells, 1))
    # No cell ("A's people rated B ...") can be derived, whatever its size.
    for cel in cellen:
        assert not derivable(released, {cel: 1}), f"cell {cel} derivable"
    # No hidden organisation or pair of fewer than k raters either.
    for org in {c[1] for c in cellen}:
        cells = [c for c in cellen if c[1] == org]
        n = sum(len(cellen[c]) for c in cells)
        if org not in vrijgave.organisaties and 0 < n < K:
            assert not derivable(released, dict.fromkeys(cells, 1))
    for p in {paar(*c) for c in cellen}:
        cells = [c for c in [p, p[::-1]] if c in cellen]
        n = sum(len(cellen[c]) for c in cells)
        if p not in vrijgave.paren and 0 < n < K:
            assert not derivable(released, dict.fromkeys(cells, 1))
    return len(vrijgave.organisaties), len(vrijgave.paren)


def world(rng: random.Random, organisaties: int, dichtheid: float, mensen: int):
    beoordelingen = []
    for van in range(organisaties):
        for over in range(organisaties):
            if van != over and rng.random() < dichtheid:
                for _ in range(rng.randint(1, mensen)):
                    beoordelingen.append(Beoordeling(van=van, over=over, score=rng.randint(1, 5)))
    return beoordelingen


def test_an_organisation_rated_by_one_other_only_is_not_shown():
    # Three people of organisation 1 rate 2: enough raters, but it is "1 rated 2".
    beoordelingen = [Beoordeling(van=1, over=2, score=s) for s in (2, 3, 4)]
    vrijgave = vrijgeven(beoordelingen, drempel=K)
    assert vrijgave.organisaties == {} and vrijgave.paren == {}


def test_an_overall_mean_is_shown_when_several_organisations_rate_it():
    beoordelingen = [
        Beoordeling(van=1, over=3, score=4),
        Beoordeling(van=1, over=3, score=5),
        Beoordeling(van=2, over=3, score=2),
        Beoordeling(van=2, over=3, score=3),
    ]
    vrijgave = vrijgeven(beoordelingen, drempel=K)
    assert vrijgave.organisaties[3].aantal == 4
    assert vrijgave.organisaties[3].gemiddelde == pytest.approx(3.5)
    audit(beoordelingen)


def test_overall_minus_pairs_is_suppressed():
    # 1 and 2 rate each other richly (a pair figure), 3 rates 1 with two people: 1's overall
    # minus the pair 1-2 would give... nothing alone (the pair mixes directions), but with 2's
    # overall too the cells could be solved. The auditor checks nothing is derivable.
    beoordelingen = (
        [Beoordeling(van=1, over=2, score=s) for s in (4, 4, 5)]
        + [Beoordeling(van=2, over=1, score=s) for s in (2, 3, 3)]
        + [Beoordeling(van=3, over=1, score=s) for s in (1, 1)]
        + [Beoordeling(van=3, over=2, score=s) for s in (5, 5)]
    )
    organisaties, paren = audit(beoordelingen)
    assert organisaties + paren >= 1  # something is still shown


@pytest.mark.parametrize("seed", range(40))
def test_the_auditor_derives_no_single_rating_from_random_networks(seed):
    rng = random.Random(seed)
    audit(world(rng, rng.randint(3, 8), rng.choice([0.3, 0.6, 0.9]), rng.randint(1, 4)))


def test_a_well_connected_network_still_shows_figures():
    # Positive control: the rules hide what they must, not everything.
    rng = random.Random(7)
    organisaties, paren = audit(world(rng, 8, 0.9, 4))
    assert organisaties >= 3 and paren >= 3
