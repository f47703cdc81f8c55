"""The part of the disclosure rules (condities/disclosure.py) for the ratings of a relationship
round (relaties): nothing else releases them.

Trust and value (1 to 5) are given by people about other organisations. They are released only as
means over at least k raters (k = condities.disclosure.k(), the practice-wide threshold), per
organisation rated ("how the network rates X") and per pair of organisations ("how X and Y rate
each other", both directions together). Never per direction: "A's people rated B 2" is exactly
what the round promises not to show, whatever the number of raters.

The variables an attacker would solve for are the *cells*: the sum and number of the ratings
given by one organisation's people about one other organisation. Every released figure is a sum
of cells (its mean times its number of raters). So the released figures are checked as one linear
system, per measure (trust and value have their own raters):

1. Threshold: an organisation's figure needs at least k raters; a pair's figure at least k raters
   and ratings in both directions.
2. Complementary suppression: no single cell may be derivable from the released figures (for
   example an organisation's overall mean against its pair means, or two pairs against an
   overall), and no hidden figure with fewer than k raters either. Derivable means: its vector
   lies in the span of the released figures' vectors. Where one is, one more figure is hidden (a
   pair before an organisation, the smallest first, one touching the exposed cell first) and the
   check runs again; with nothing released nothing is derivable, so it ends.
3. Figures are released only once a round has closed (relaties.selectors): answers that change
   one at a time while a round is open would let the differences be read.

The span is computed modulo a large prime (2**61 - 1): exact over the rationals for every matrix
of this shape and size in practice (the auditor test checks the result with exact fractions).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from condities.disclosure import k as drempel_k

PRIEM = 2**61 - 1

type Cel = tuple[int, int]  # (organisation of the raters, organisation rated)
type Paar = tuple[int, int]  # two organisations, the smaller id first
type Figuur = tuple[str, int | Paar]  # ("org", id) or ("paar", (a, b))


@dataclass(frozen=True)
class Beoordeling:
    """One rating: the rater's organisation, the organisation rated, the score (1 to 5)."""

    van: int
    over: int
    score: int


@dataclass(frozen=True)
class Cijfer:
    """A released mean and the number of raters behind it."""

    gemiddelde: float
    aantal: int


@dataclass
class Vrijgave:
    """What may be shown of one measure: means per organisation rated and per pair."""

    organisaties: dict[int, Cijfer] = field(default_factory=dict)
    paren: dict[Paar, Cijfer] = field(default_factory=dict)


def paar(a: int, b: int) -> Paar:
    return (a, b) if a < b else (b, a)


class _Basis:
    """An echelon basis modulo PRIEM of sparse vectors (dict: variable -> coefficient)."""

    def __init__(self) -> None:
        self.rijen: dict[int, dict[int, int]] = {}  # pivot -> row with coefficient 1 there

    def _reduceer(self, vector: dict[int, int]) -> dict[int, int]:
        v = {i: c % PRIEM for i, c in vector.items() if c % PRIEM}
        while v:
            pivot = min(v)
            rij = self.rijen.get(pivot)
            if rij is None:
                return v
            factor = v[pivot]
            for i, c in rij.items():
                nieuw = (v.get(i, 0) - factor * c) % PRIEM
                if nieuw:
                    v[i] = nieuw
                else:
                    v.pop(i, None)
        return v

    def voeg_toe(self, vector: dict[int, int]) -> None:
        v = self._reduceer(vector)
        if not v:
            return
        pivot = min(v)
        inverse = pow(v[pivot], PRIEM - 2, PRIEM)
        self.rijen[pivot] = {i: c * inverse % PRIEM for i, c in v.items()}

    def bevat(self, vector: dict[int, int]) -> bool:
        return not self._reduceer(vector)


def _cellen(beoordelingen: Iterable[Beoordeling]) -> dict[Cel, tuple[int, int]]:
    cellen: dict[Cel, tuple[int, int]] = {}
    for b in beoordelingen:
        if b.van == b.over:
            continue
        aantal, som = cellen.get((b.van, b.over), (0, 0))
        cellen[(b.van, b.over)] = (aantal + 1, som + b.score)
    return cellen


def _cellen_van(figuur: Figuur, cellen: dict[Cel, tuple[int, int]]) -> list[Cel]:
    soort, sleutel = figuur
    if soort == "org":
        return [c for c in cellen if c[1] == sleutel]
    assert isinstance(sleutel, tuple)
    a, b = sleutel
    return [c for c in [(a, b), (b, a)] if c in cellen]


def vrijgeven(beoordelingen: Iterable[Beoordeling], *, drempel: int | None = None) -> Vrijgave:
    """The figures of one measure that may be shown (see the module's rules)."""
    k = drempel if drempel is not None else drempel_k()
    cellen = _cellen(beoordelingen)
    index = {cel: i for i, cel in enumerate(sorted(cellen))}

    def aantal(figuur: Figuur) -> int:
        return sum(cellen[c][0] for c in _cellen_van(figuur, cellen))

    organisaties = sorted({over for _van, over in cellen})
    paren = sorted({paar(*cel) for cel in cellen})
    kandidaten: list[Figuur] = [("org", o) for o in organisaties if aantal(("org", o)) >= k]
    kandidaten += [
        ("paar", p)
        for p in paren
        if aantal(("paar", p)) >= k and (p[0], p[1]) in cellen and (p[1], p[0]) in cellen
    ]
    getoond = set(kandidaten)
    # What must stay underivable: every cell, and every figure hidden for its size.
    verborgen_klein: list[Figuur] = [
        ("org", o) for o in organisaties if 0 < aantal(("org", o)) < k
    ] + [("paar", p) for p in paren if 0 < aantal(("paar", p)) < k]
    beschermd: list[tuple[Figuur | Cel, dict[int, int]]] = [
        (cel, {index[cel]: 1}) for cel in sorted(cellen)
    ] + [(f, {index[c]: 1 for c in _cellen_van(f, cellen)}) for f in verborgen_klein]

    def volgorde(figuur: Figuur) -> tuple[int, int, str]:
        # Pairs go first, then the smallest.
        return (0 if figuur[0] == "paar" else 1, aantal(figuur), repr(figuur))

    while True:
        basis = _Basis()
        for figuur in getoond:
            basis.voeg_toe({index[c]: 1 for c in _cellen_van(figuur, cellen)})
        blootgesteld = next((wat for wat, v in beschermd if basis.bevat(v)), None)
        if blootgesteld is None:
            break
        betrokken = _organisaties_in(blootgesteld)
        rakend = [f for f in getoond if _organisaties_in(f) & betrokken]
        getoond.discard(min(rakend or getoond, key=volgorde))

    vrijgave = Vrijgave()
    for figuur in sorted(getoond, key=repr):
        delen = _cellen_van(figuur, cellen)
        n = sum(cellen[c][0] for c in delen)
        cijfer = Cijfer(gemiddelde=sum(cellen[c][1] for c in delen) / n, aantal=n)
        soort, sleutel = figuur
        if soort == "org":
            assert isinstance(sleutel, int)
            vrijgave.organisaties[sleutel] = cijfer
        else:
            assert isinstance(sleutel, tuple)
            vrijgave.paren[sleutel] = cijfer
    return vrijgave


def _organisaties_in(wat: Figuur | Cel) -> set[int]:
    if isinstance(wat[0], int):  # a cell
        return {int(wat[0]), int(wat[1])}
    _soort, sleutel = wat
    return {sleutel} if isinstance(sleutel, int) else set(sleutel)
