"""The attacker: turn every released row into linear equations and look for single answers.

A released row is read by its labels (condition, statement, group, organisation) and its
numbers by column header (counts per score, average, spread, number of answers). The attacker
knows every participant's group and organisation and which of their answers are numeric at every
step, so a row names a set of answers at some step. Which step: the latest whose truth the row's
numbers fit (figures released in steps may show an earlier state); a row that fits several steps
with different sets of answers is ambiguous and left out, a row that fits none is an error of
this auditor, never silently skipped.

Two systems per viewer, as the documented residuals allow: every open step together (watching
it change), and the closed state on its own (the last open figures are not subtracted from the
final ones).
"""

from dataclasses import dataclass, field
from fractions import Fraction
from math import ceil, floor

from tests.condities.auditor.release import Getal, Rij
from tests.condities.auditor.solver import (
    Basis,
    Row,
    count_row,
    score_target,
    squares_row,
    sum_row,
)
from tests.condities.auditor.world import WERKVORM, Run, Toestand

K = 3  # MIN_RESPONDENTEN's default; the auditor does not read the app's setting


@dataclass(frozen=True)
class Cel:
    conditie: str | None
    stelling: int | None
    groep: str | None  # "" for everybody
    organisatie: str | None


@dataclass
class Lek:
    kijker: str
    fase: str
    wat: str
    waarde: int
    stap: int
    enkel: bool | None = None  # determined by one step's release alone

    def __str__(self) -> str:
        hoe = {True: "one release", False: "differencing", None: "?"}[self.enkel]
        waar = f"{self.kijker} ({self.fase}, by {hoe})"
        return f"{waar}: {self.wat} = {self.waarde} [answered at step {self.stap}]"


@dataclass
class Uitkomst:
    lekken: list[Lek] = field(default_factory=list)
    onthulregel: list[str] = field(default_factory=list)
    paginafouten: list[str] = field(default_factory=list)
    onverklaard: list[str] = field(default_factory=list)
    vergelijkingen: int = 0
    rang: int = 0
    dubbelzinnig: int = 0


def _kop(kop: str) -> tuple[str, int | None] | None:
    kop = kop.strip().lower()
    if kop.startswith("score ") and kop[6:].isdigit():
        return ("count", int(kop[6:]))
    if kop in ("gemiddelde", "average"):
        return ("mean", None)
    if kop in ("spreiding", "spread"):
        return ("sd", None)
    if kop in ("antwoorden", "answers"):
        return ("n", None)
    return None


def _cel(rij: Rij, labels: dict) -> Cel | None:
    gevonden: dict[str, object] = {}
    for label in rij.labels:
        if label in labels:
            soort, waarde = labels[label]
            gevonden.setdefault(soort, waarde)
    if not gevonden:
        return None
    return Cel(
        conditie=gevonden.get("conditie"),
        stelling=gevonden.get("stelling"),
        groep=gevonden.get("groep"),
        organisatie=gevonden.get("organisatie"),
    )


def _marks(run: Run, toestand: Toestand, cel: Cel) -> list[tuple[tuple, int]]:
    """The numeric answers (mark, score) behind a cell in a state."""
    if cel.stelling is not None:
        stellingen = [cel.stelling]
    else:
        stellingen = [
            i
            for i, code in enumerate(run.conditie_van)
            if cel.conditie is None or code == cel.conditie
        ]
    uit = []
    for p, antwoorden in sorted(toestand.antwoorden.items()):
        if cel.groep and run.groep_van[p] != cel.groep:
            continue
        if cel.organisatie is not None and run.organisatie_van[p] != cel.organisatie:
            continue
        for i in stellingen:
            if i in antwoorden and antwoorden[i][0] is not None:
                uit.append((antwoorden[i][1], antwoorden[i][0]))
    if not cel.groep and cel.organisatie is None:
        for i in stellingen:
            uit.extend(toestand.papier.get(i, []))
    return uit


def _integers(low: Fraction, high: Fraction) -> list[int]:
    return list(range(ceil(low), floor(high) + 1))


def _som(mean: Getal, n: int) -> int | None:
    """The integer sum a rounded mean over n answers stands for, when only one fits."""
    kandidaten = _integers((mean.waarde - mean.half) * n, (mean.waarde + mean.half) * n)
    return kandidaten[0] if len(kandidaten) == 1 else None


def _kwadraten(sd: Getal, n: int, som: int) -> int | None:
    """The integer sum of squares a rounded population spread stands for, when only one fits."""
    laag = max(sd.waarde - sd.half, Fraction(0))
    hoog = sd.waarde + sd.half
    basis = Fraction(som * som, n)
    kandidaten = _integers(n * laag * laag + basis, n * hoog * hoog + basis)
    return kandidaten[0] if len(kandidaten) == 1 else None


def _past(rij: Rij, velden: dict, marks: list[tuple[tuple, int]]) -> bool:
    """Whether a row's numbers are what this set of answers gives."""
    scores = [s for _m, s in marks]
    n = len(scores)
    for (soort, k), g in velden.items():
        if soort == "count" and g.waarde != scores.count(k):
            return False
        if soort == "n" and g.waarde != n:
            return False
        if soort == "mean" and (not n or abs(Fraction(sum(scores), n) - g.waarde) > g.half):
            return False
        if soort == "sd":
            if not n:
                return False
            mean = Fraction(sum(scores), n)
            var = Fraction(sum(s * s for s in scores), n) - mean * mean
            laag = max(g.waarde - g.half, Fraction(0))
            if not (laag * laag <= var <= (g.waarde + g.half) ** 2):
                return False
    return True


def _rijen(rij: Rij, velden: dict, marks: list[tuple[tuple, int]]) -> tuple[list[Row], set]:
    """The equations a fitted row gives, and the marks it shows to be unanimous."""
    keys = [m for m, _s in marks]
    n = len(keys)
    rows: list[Row] = []
    unaniem = False
    for (soort, k), g in velden.items():
        if soort == "count":
            rows.append(count_row(keys, k))
            if g.waarde == n and n:
                unaniem = True
    mean = velden.get(("mean", None))
    if mean is not None and n:
        som = _som(mean, n)
        if som is not None:
            rows.append(sum_row(keys))
            if som in (n, 5 * n):
                unaniem = True
            sd = velden.get(("sd", None))
            if sd is not None:
                kwadraten = _kwadraten(sd, n, som)
                if kwadraten is not None:
                    rows.append(squares_row(keys))
                    if kwadraten * n == som * som:
                        unaniem = True
    # Unanimity is a documented residual only for a cell of at least k answers.
    return rows, (set(keys) if unaniem and n >= K else set())


class _Systeem:
    """One attacker's system: equations, split into independent blocks by the marks they share."""

    def __init__(self) -> None:
        self.rows: list[tuple[int, Row]] = []
        self.unaniem: set = set()
        self.marks: set = set()

    def add(self, stap: int, row: Row) -> None:
        if row:
            self.rows.append((stap, row))
            self.marks.update(m for m, _k in row)

    def bases(self, stappen: set[int] | None = None) -> dict:
        """A basis per block of marks that equations connect (union-find)."""
        ouder: dict = {}

        def root(m):
            while ouder.setdefault(m, m) != m:
                ouder[m] = ouder[ouder[m]]
                m = ouder[m]
            return m

        rows = [r for s, r in self.rows if stappen is None or s in stappen]
        for row in rows:
            marks = [m for m, _k in row]
            for m in marks[1:]:
                ouder[root(m)] = root(marks[0])
        bases: dict = {}
        for row in rows:
            blok = root(next(iter(row))[0])
            bases.setdefault(blok, Basis()).add(row)
        return {"root": root, "bases": bases}

    @staticmethod
    def determines(stelsel: dict, target: Row) -> bool:
        blokken = {stelsel["root"](m) for m, _k in target}
        if len(blokken) != 1:
            # Marks in different blocks: determined only if each block's part is.
            return all(
                _Systeem.determines(
                    stelsel, {c: v for c, v in target.items() if stelsel["root"](c[0]) == b}
                )
                for b in blokken
            )
        basis = stelsel["bases"].get(blokken.pop())
        return basis is not None and basis.determines(target)


def audit(run: Run) -> Uitkomst:
    uitkomst = Uitkomst(paginafouten=list(run.paginafouten))
    labels = run.labels()
    open_stappen = [t for t in run.toestanden if t.open]
    for kijker in ("facilitator", "lid"):
        for fase in ("open", "closed"):
            systeem = _Systeem()
            vrijgaven = [
                v for v in run.vrijgaven if v.kijker == kijker and v.open == (fase == "open")
            ]
            for vrijgave in vrijgaven:
                kandidaten = [t for t in run.toestanden if t.stap <= vrijgave.stap]
                if fase == "open":
                    kandidaten = [t for t in kandidaten if t.open]
                for rij in vrijgave.rijen + vrijgave.praktijk_rijen:
                    cel = _cel(rij, labels)
                    velden = {
                        kop: g
                        for kop, g in ((_kop(k), g) for k, g in rij.getallen.items())
                        if kop is not None
                    }
                    if cel is None or not velden:
                        continue
                    if all(g.waarde == 0 for g in velden.values()) and ("mean", None) not in velden:
                        continue  # zeros with no average: hidden, or nobody answered
                    if (
                        fase == "open"
                        and kijker == "lid"
                        and run.plan.soort == WERKVORM
                        and cel.conditie is not None
                        and cel.conditie not in vrijgave_onthuld(run, vrijgave.stap)
                    ):
                        uitkomst.onthulregel.append(
                            f"step {vrijgave.stap}: the member's export shows {rij.labels} "
                            f"{ {k: float(g.waarde) for k, g in rij.getallen.items()} } of a "
                            "condition the facilitator has not revealed"
                        )
                    passend = [
                        (t, marks)
                        for t in reversed(kandidaten)
                        if _past(rij, velden, marks := _marks(run, t, cel))
                    ]
                    if not passend:
                        uitkomst.onverklaard.append(
                            f"{kijker} step {vrijgave.stap}: {rij.tabel} {rij.labels} "
                            f"{ {k: float(g.waarde) for k, g in rij.getallen.items()} }"
                        )
                        continue
                    sets = {frozenset(m for m, _s in marks) for _t, marks in passend}
                    if len(sets) > 1:
                        uitkomst.dubbelzinnig += 1
                        continue
                    _t, marks = passend[0]
                    rows, unaniem = _rijen(rij, velden, marks)
                    for row in rows:
                        systeem.add(vrijgave.stap, row)
                    for m, _s in marks:
                        if m in unaniem:
                            systeem.unaniem.add(m)
            _zoek_lekken(run, systeem, kijker, fase, uitkomst, open_stappen)
    return uitkomst


def vrijgave_onthuld(run: Run, stap: int) -> frozenset:
    return run.toestanden[stap].onthuld


def _zoek_lekken(run, systeem, kijker, fase, uitkomst, open_stappen) -> None:
    if not systeem.rows:
        return
    stelsel = systeem.bases()
    uitkomst.vergelijkingen += len(systeem.rows)
    uitkomst.rang += sum(b.rank for b in stelsel["bases"].values())
    waarde: dict = {}
    eerste: dict = {}
    for t in run.toestanden:
        for antwoorden in t.antwoorden.values():
            for score, mark in antwoorden.values():
                if score is not None:
                    waarde[mark] = score
                    eerste.setdefault(mark, t.stap)
    stappen = sorted({s for s, _r in systeem.rows})
    gevonden: list[tuple[Row, Lek]] = []
    enkel_marks: set = set()
    for mark in sorted(m for m in systeem.marks if m[0] == "a"):
        if mark in systeem.unaniem:
            continue
        target = score_target([mark])
        if _Systeem.determines(stelsel, target):
            _a, p, i, _v = mark
            enkel_marks.add(mark)
            gevonden.append(
                (
                    target,
                    Lek(
                        kijker,
                        fase,
                        f"participant {p} ({run.groep_van[p]}, {run.organisatie_van[p]}) on "
                        f"statement {i} ({run.conditie_van[i]})",
                        waarde[mark],
                        eerste[mark],
                    ),
                )
            )
    # A participant's sum over a condition's statements, at every step of this system.
    gezien: set = set()
    for t in run.toestanden:
        if t.stap not in stappen and not (fase == "closed" and not t.open):
            continue
        for p, antwoorden in t.antwoorden.items():
            per_conditie: dict[str, list] = {}
            for i, (score, mark) in antwoorden.items():
                if score is not None and mark in systeem.marks:
                    per_conditie.setdefault(run.conditie_van[i], []).append(mark)
            for code, marks in per_conditie.items():
                key = frozenset(marks)
                if len(marks) < 2 or key in gezien:
                    continue
                gezien.add(key)
                if all(m in systeem.unaniem for m in marks) or any(m in enkel_marks for m in marks):
                    continue
                target = score_target(marks)
                if _Systeem.determines(stelsel, target):
                    gevonden.append(
                        (
                            target,
                            Lek(
                                kijker,
                                fase,
                                f"participant {p} ({run.groep_van[p]}, "
                                f"{run.organisatie_van[p]}): sum over {code}",
                                sum(waarde[m] for m in marks),
                                t.stap,
                            ),
                        )
                    )
    if not gevonden:
        return
    # Which of them one release alone gives away, and which only watching it change.
    per_stap = {s: systeem.bases({s}) for s in stappen}
    for target, lek in gevonden:
        lek.enkel = any(_Systeem.determines(b, target) for b in per_stap.values())
        uitkomst.lekken.append(lek)
