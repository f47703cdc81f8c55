"""Exact linear inference over released figures: which single answers do they determine?

Each answer is an unknown score 1..5, written one-hot: z[a,k] = 1 when answer `a` is k. Every
released figure over a set of answers is then linear in the z's: the count of score k is
sum_a z[a,k], the sum is sum_a sum_k k*z[a,k], the sum of squares sum_a sum_k k²*z[a,k]. The
attacker knows which answers are numeric, so sum_k z[a,k] = 1; we substitute
z[a,1] = 1 - sum_{k>=2} z[a,k] and keep four columns per answer. Only the coefficient matrix
matters for what is determined (the right-hand sides are the released values), so rows are
coefficient vectors. A target (one answer's score, sum_k (k-1) z[a,k] up to a constant, or the sum
of several) is determined exactly when it lies in the row space: checked by sparse Gaussian
elimination over the rationals (fractions.Fraction), never floating point.

This is a relaxation (no 0 <= z <= 1, no integrality), so it is sound: whatever it determines,
the attacker really knows. It misses what only bounds give away, such as unanimity (documented
residual anyway).
"""

from collections.abc import Hashable, Iterable
from fractions import Fraction

SCORES = (1, 2, 3, 4, 5)
FREE = (2, 3, 4, 5)  # the columns kept per answer after substituting z[a,1]

Row = dict[tuple[Hashable, int], Fraction]


def _per_score_row(marks: Iterable[Hashable], coefficient: dict[int, int]) -> Row:
    """sum over marks of sum_k coefficient[k] * z[a,k], with z[a,1] substituted away."""
    row: Row = {}
    base = coefficient[1]
    for mark in marks:
        for k in FREE:
            value = coefficient[k] - base
            if value:
                row[(mark, k)] = Fraction(value)
    return row


def count_row(marks: Iterable[Hashable], score: int) -> Row:
    return _per_score_row(marks, {k: int(k == score) for k in SCORES})


def sum_row(marks: Iterable[Hashable]) -> Row:
    return _per_score_row(marks, {k: k for k in SCORES})


def squares_row(marks: Iterable[Hashable]) -> Row:
    return _per_score_row(marks, {k: k * k for k in SCORES})


def score_target(marks: Iterable[Hashable]) -> Row:
    """One answer's score (or the sum of several answers' scores), up to a known constant."""
    return sum_row(marks)


class Basis:
    """An echelon basis of released rows; `determines` asks whether a target is in their span."""

    def __init__(self) -> None:
        self.pivots: dict[tuple[Hashable, int], Row] = {}
        self.order: dict[tuple[Hashable, int], int] = {}
        self.seen: set[frozenset] = set()

    def _key(self, column: tuple[Hashable, int]) -> int:
        if column not in self.order:
            self.order[column] = len(self.order)
        return self.order[column]

    def _reduce(self, row: Row) -> Row:
        row = {c: v for c, v in row.items() if v}
        done: Row = {}
        while row:
            column = min(row, key=self._key)
            value = row.pop(column)
            pivot = self.pivots.get(column)
            if pivot is None:
                done[column] = value
                continue
            # A pivot row reaches only columns after its own, so `done` stays as it is.
            for c, v in pivot.items():
                if c == column:
                    continue
                new = row.get(c, 0) - value * v
                if new:
                    row[c] = new
                else:
                    row.pop(c, None)
        return done

    def add(self, row: Row) -> bool:
        """Add a released row; True when it told the attacker something new."""
        fingerprint = frozenset(row.items())
        if fingerprint in self.seen:
            return False
        self.seen.add(fingerprint)
        reduced = self._reduce(row)
        if not reduced:
            return False
        column = min(reduced, key=self._key)
        lead = reduced[column]
        self.pivots[column] = {c: v / lead for c, v in reduced.items()}
        return True

    def determines(self, target: Row) -> bool:
        return not self._reduce(target)

    @property
    def rank(self) -> int:
        return len(self.pivots)
