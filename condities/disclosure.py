"""The one place that releases figures about answers.

Every figure computed from a session's or check-in's answers — the room's screen, the
report, the exports, the summary mail, the scores written back to the practice (and from there
the dashboard, the trend and the practice's export) — comes out of `vrijgeven`, from a `Stand`
(the answers at one moment) and, while a session is open, from the state last released
(`stap`). Nothing else computes figures from answers. The other kinds of figures about answers
are released here too: averages over periods (`perioden_vrijgeven`), response per group
(`respons_per_groep`), and the trust and value of a relationship round in the module next to
this one (`condities/disclosure_banden.py`), with the same k. docs/privacy.md states the rules in
plain words; here is how they work.

k is `settings.MIN_RESPONDENTEN` (never below 3). A *respondent* of a figure is somebody with a
numeric answer (1 to 5) behind it: "weet ik niet" does not count, a paper form counts only for the
marks it carries.

1. Threshold. A figure is released only with at least k respondents: per condition (everybody),
   per group, per organisation within a group, per statement.
2. Complementary suppression. What is released can be subtracted: everybody minus the groups
   shown gives the rest; a condition minus the statements shown gives the statements hidden; and
   with statements and groups together, a group's answers on one statement can sometimes be
   solved when the pattern of who answered what is sparse. So the released figures are checked as
   one system, per condition (conditions share no totals):
   - rows are the smallest sets of people whose sums can be derived: each organisation shown,
     each group shown minus its organisations shown, and "the rest" (everybody minus the groups
     shown, with the paper forms); columns likewise: each statement shown and the statements
     hidden together;
   - each row and each column holds 0 or at least k respondents;
   - the sum of a row on a column is derived exactly when that pair is a bridge in the graph of
     rows and columns linked where somebody answered (a figure on a cycle can shift along it
     without changing any total); every bridge holds 0 or at least k respondents.
   Where a rule fails, one more figure is hidden (an organisation before its group, a group
   before a statement, the smallest first) and the check runs again, until it holds. It always
   ends: with everything but the condition's own figure hidden, the one row and column hold the
   condition's respondents, at least k.
3. Release in steps. While a session or check-in is open, a condition's figures are released to
   nobody (the facilitator included) until the facilitator reveals it; then as in 1 and 2.
   After that, what is shown moves from the state last released to the current answers only
   when the *change* passes the same check: every row, column and bridge holds 0 or at least k
   respondents who joined, changed an answer or were removed. Otherwise the condition keeps
   showing the state last released. And a condition never gains a figure while open, it can
   only lose one: a group shown now but hidden before, with the earlier figures, would tell
   more about the earlier answers than was released then.
   At closing the figures are released from all answers, as in 1 and 2, without the step rule:
   the difference from the last state shown while open may rest on fewer than k people. That
   is the residual at close (docs/privacy.md).

Unanimity is not hidden: when all respondents of a figure gave the same score, the figure says
what each of them answered. That is the group's answer, stated as such.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings

from condities.scores import SCORES, Groepsscore, Tally

K_MINIMUM = 3
PAPIER = "papier"  # the group of paper forms: never shown on its own


def k() -> int:
    """The threshold: the setting, never below three."""
    return max(int(getattr(settings, "MIN_RESPONDENTEN", K_MINIMUM)), K_MINIMUM)


# --- the answers at one moment ---------------------------------------------------------------


@dataclass(frozen=True)
class Respondent:
    """One participant: their group, organisation ("" for none) and answers per statement
    (None: "weet ik niet")."""

    groep: str
    organisatie: str
    antwoorden: Mapping[int, int | None]


@dataclass
class Stand:
    """A session's answers at one moment: per participant, and the tallies from paper forms
    ({statement: {score (0: "weet ik niet"): count}})."""

    respondenten: dict[int, Respondent] = field(default_factory=dict)
    papier: dict[int, dict[int, int]] = field(default_factory=dict)

    def beperkt_tot(self, stellingen: Iterable[int]) -> Stand:
        """Only the answers and tallies on these statements."""
        ids = set(stellingen)
        respondenten = {}
        for pk, r in self.respondenten.items():
            antwoorden = {s: v for s, v in r.antwoorden.items() if s in ids}
            if antwoorden:
                respondenten[pk] = Respondent(r.groep, r.organisatie, antwoorden)
        papier = {s: dict(t) for s, t in self.papier.items() if s in ids}
        return Stand(respondenten=respondenten, papier=papier)

    def samen_met(self, other: Stand) -> Stand:
        """This state and another on other statements, as one."""
        respondenten = dict(self.respondenten)
        for pk, r in other.respondenten.items():
            if pk in respondenten:
                eigen = respondenten[pk]
                respondenten[pk] = Respondent(
                    eigen.groep, eigen.organisatie, {**eigen.antwoorden, **r.antwoorden}
                )
            else:
                respondenten[pk] = r
        return Stand(respondenten=respondenten, papier={**self.papier, **other.papier})

    def to_json(self) -> dict[str, Any]:
        return {
            "r": {
                str(pk): [r.groep, r.organisatie, {str(s): v for s, v in r.antwoorden.items()}]
                for pk, r in self.respondenten.items()
            },
            "p": {str(s): {str(v): n for v, n in t.items()} for s, t in self.papier.items()},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Stand:
        return cls(
            respondenten={
                int(pk): Respondent(groep, org, {int(s): v for s, v in antwoorden.items()})
                for pk, (groep, org, antwoorden) in data.get("r", {}).items()
            },
            papier={
                int(s): {int(v): int(n) for v, n in t.items()} for s, t in data.get("p", {}).items()
            },
        )


# --- which figures of a condition are released -----------------------------------------------


@dataclass
class Patroon:
    """The figures of one condition that are released: the condition's own figure, groups,
    organisations within a group, statements."""

    totaal: bool = False
    groepen: set[str] = field(default_factory=set)
    organisaties: set[tuple[str, str]] = field(default_factory=set)  # (groep, organisatie)
    stellingen: set[int] = field(default_factory=set)

    def verberg(self, cel: tuple) -> None:
        if cel[0] == "g":
            self.groepen.discard(cel[1])
            self.organisaties = {(g, o) for g, o in self.organisaties if g != cel[1]}
        elif cel[0] == "o":
            self.organisaties.discard((cel[1], cel[2]))
        else:
            self.stellingen.discard(cel[1])

    def to_json(self) -> dict[str, Any]:
        return {
            "t": self.totaal,
            "g": sorted(self.groepen),
            "o": sorted([g, o] for g, o in self.organisaties),
            "s": sorted(self.stellingen),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Patroon:
        return cls(
            totaal=bool(data.get("t")),
            groepen=set(data.get("g", [])),
            organisaties={(g, o) for g, o in data.get("o", [])},
            stellingen={int(s) for s in data.get("s", [])},
        )


# --- the check: rows, columns and bridges ----------------------------------------------------

REST = ("rest",)


def _rij(patroon: Patroon, groep: str, organisatie: str) -> tuple:
    """The smallest derivable set of people someone belongs to, under a pattern."""
    if groep in patroon.groepen:
        if (groep, organisatie) in patroon.organisaties:
            return ("o", groep, organisatie)
        return ("g", groep)
    return REST


def _kolom(patroon: Patroon, stelling: int) -> tuple:
    return ("s", stelling) if stelling in patroon.stellingen else REST


def _bruggen(randen: set[tuple[tuple, tuple]]) -> set[tuple[tuple, tuple]]:
    """The edges (row, column) that lie on no cycle of the bipartite graph (Tarjan)."""
    buren: dict[tuple, list[tuple]] = {}
    for rij, kolom in randen:
        a, b = ("r", rij), ("k", kolom)
        buren.setdefault(a, []).append(b)
        buren.setdefault(b, []).append(a)
    volgorde: dict[tuple, int] = {}
    laag: dict[tuple, int] = {}
    bruggen: set[tuple[tuple, tuple]] = set()
    for start in buren:
        if start in volgorde:
            continue
        volgorde[start] = laag[start] = len(volgorde)
        stapel = [(start, None, iter(buren[start]))]
        while stapel:
            knoop, ouder, rest = stapel[-1]
            for buur in rest:
                if buur == ouder:
                    continue
                if buur in volgorde:
                    laag[knoop] = min(laag[knoop], volgorde[buur])
                else:
                    volgorde[buur] = laag[buur] = len(volgorde)
                    stapel.append((buur, knoop, iter(buren[buur])))
                    break
            else:
                stapel.pop()
                if ouder is not None:
                    laag[ouder] = min(laag[ouder], laag[knoop])
                    if laag[knoop] > volgorde[ouder]:
                        paar = (ouder, knoop) if ouder[0] == "r" else (knoop, ouder)
                        bruggen.add((paar[0][1], paar[1][1]))
    return bruggen


@dataclass
class _Bijdragen:
    """Who stands behind what: per person, their group, organisation and the statements they
    contribute to; per statement, how many paper forms contribute."""

    leden: dict[int, tuple[str, str]]
    stellingen: dict[int, set[int]]
    papier: dict[int, int]


def _overtreding(patroon: Patroon, bijdragen: _Bijdragen, drempel: int) -> tuple | None:
    """The first row, column or bridge holding between 1 and k-1 respondents, or None."""
    blokken: dict[tuple[tuple, tuple], set] = {}
    for pk, stellingen in bijdragen.stellingen.items():
        if not stellingen:
            continue
        rij = _rij(patroon, *bijdragen.leden[pk])
        for s in stellingen:
            blokken.setdefault((rij, _kolom(patroon, s)), set()).add(pk)
    # Paper forms are anonymous: per column, at least the largest count of marks on one of
    # its statements are distinct forms.
    papier_per_kolom: dict[tuple, int] = {}
    for s, aantal in bijdragen.papier.items():
        if aantal:
            kolom = _kolom(patroon, s)
            papier_per_kolom[kolom] = max(papier_per_kolom.get(kolom, 0), aantal)
    for kolom, aantal in papier_per_kolom.items():
        for i in range(aantal):
            blokken.setdefault((REST, kolom), set()).add((PAPIER, i))

    def te_weinig(mensen: set) -> bool:
        return 0 < len(mensen) < drempel

    rijen: dict[tuple, set] = {}
    kolommen: dict[tuple, set] = {}
    for (rij, kolom), mensen in blokken.items():
        rijen.setdefault(rij, set()).update(mensen)
        kolommen.setdefault(kolom, set()).update(mensen)
    for rij in sorted(rijen, key=str):
        if te_weinig(rijen[rij]):
            return ("rij", rij)
    for kolom in sorted(kolommen, key=str):
        if te_weinig(kolommen[kolom]):
            return ("kolom", kolom)
    for rij, kolom in sorted(_bruggen(set(blokken)), key=str):
        if te_weinig(blokken[(rij, kolom)]):
            return ("brug", rij, kolom)
    return None


def _grootte(bijdragen: _Bijdragen, cel: tuple) -> int:
    """How many respondents stand behind a group, organisation or statement (to hide the
    smallest first)."""
    if cel[0] == "s":
        return sum(cel[1] in s for s in bijdragen.stellingen.values())
    if cel[0] == "g":
        return sum(
            bool(s) and bijdragen.leden[pk][0] == cel[1] for pk, s in bijdragen.stellingen.items()
        )
    return sum(
        bool(s) and bijdragen.leden[pk] == (cel[1], cel[2])
        for pk, s in bijdragen.stellingen.items()
    )


def _kleinste(bijdragen: _Bijdragen, cellen: Iterable[tuple]) -> tuple | None:
    kandidaten = sorted(cellen, key=lambda c: (_grootte(bijdragen, c), str(c)))
    return kandidaten[0] if kandidaten else None


def _te_verbergen(patroon: Patroon, bijdragen: _Bijdragen, fout: tuple) -> tuple | None:
    """Which figure to hide next to mend a failed rule."""
    groepen = [("g", g) for g in patroon.groepen]
    stellingen = [("s", s) for s in patroon.stellingen]
    if fout[0] == "rij":
        rij = fout[1]
        if rij[0] == "o":
            return rij
        if rij[0] == "g":
            orgs = [("o", g, o) for g, o in patroon.organisaties if g == rij[1]]
            return _kleinste(bijdragen, orgs) or rij
        return _kleinste(bijdragen, groepen) or _kleinste(bijdragen, stellingen)
    if fout[0] == "kolom":
        kolom = fout[1]
        return kolom if kolom[0] == "s" else _kleinste(bijdragen, stellingen)
    _brug, rij, kolom = fout
    if rij[0] in ("o", "g"):
        return rij
    if kolom[0] == "s":
        return kolom
    return _kleinste(bijdragen, groepen) or _kleinste(bijdragen, stellingen)


def _numeriek(stand: Stand, stellingen: list[int]) -> _Bijdragen:
    ids = set(stellingen)
    return _Bijdragen(
        leden={pk: (r.groep, r.organisatie) for pk, r in stand.respondenten.items()},
        stellingen={
            pk: {s for s, v in r.antwoorden.items() if v is not None and s in ids}
            for pk, r in stand.respondenten.items()
        },
        papier={s: sum(n for v, n in t.items() if v) for s, t in stand.papier.items() if s in ids},
    )


def patroon_voor(
    stand: Stand, stellingen: list[int], *, binnen: Patroon | None = None, drempel: int
) -> Patroon:
    """What of one condition may be released from these answers (rules 1 and 2), within the
    figures of `binnen` when given (an open session never shows more than it showed before)."""
    bijdragen = _numeriek(stand, stellingen)
    patroon = Patroon()
    totaal = {pk for pk, s in bijdragen.stellingen.items() if s}
    papier = max(bijdragen.papier.values(), default=0)
    patroon.totaal = len(totaal) + papier >= drempel and (binnen is None or binnen.totaal)
    if not patroon.totaal:
        return patroon
    per_groep: dict[str, int] = {}
    per_org: dict[tuple[str, str], int] = {}
    for pk in totaal:
        groep, org = bijdragen.leden[pk]
        per_groep[groep] = per_groep.get(groep, 0) + 1
        if org:
            per_org[(groep, org)] = per_org.get((groep, org), 0) + 1
    patroon.groepen = {g for g, n in per_groep.items() if n >= drempel}
    patroon.organisaties = {
        (g, o) for (g, o), n in per_org.items() if n >= drempel and g in patroon.groepen
    }
    patroon.stellingen = {
        s
        for s in stellingen
        if sum(s in b for b in bijdragen.stellingen.values()) + bijdragen.papier.get(s, 0)
        >= drempel
    }
    if binnen is not None:
        patroon.groepen &= binnen.groepen
        patroon.organisaties &= binnen.organisaties
        patroon.stellingen &= binnen.stellingen
    while (fout := _overtreding(patroon, bijdragen, drempel)) is not None:
        cel = _te_verbergen(patroon, bijdragen, fout)
        if cel is None:  # cannot happen while the condition's own figure holds k or more
            patroon.totaal = False
            patroon.groepen, patroon.organisaties, patroon.stellingen = set(), set(), set()
            break
        patroon.verberg(cel)
    return patroon


# --- release in steps -------------------------------------------------------------------------


def _veranderd(vorige: Stand, nu: Stand, stellingen: list[int]) -> _Bijdragen:
    """Who joined, changed an answer or was removed, per statement; paper forms changed."""
    leden = {pk: (r.groep, r.organisatie) for pk, r in vorige.respondenten.items()}
    leden.update({pk: (r.groep, r.organisatie) for pk, r in nu.respondenten.items()})
    # Only a change in a score counts: "weet ik niet" adds nothing to a sum, so a step of k
    # people of whom some only said "weet ik niet" would rest on fewer than k scores.
    per_persoon: dict[int, set[int]] = {}
    for pk in leden:
        oud = vorige.respondenten.get(pk)
        nieuw = nu.respondenten.get(pk)
        per_persoon[pk] = {
            s
            for s in stellingen
            if (oud.antwoorden.get(s) if oud else None)
            != (nieuw.antwoorden.get(s) if nieuw else None)
        }
    papier = {}
    for s in stellingen:
        oud_t, nieuw_t = vorige.papier.get(s, {}), nu.papier.get(s, {})
        verschil = [nieuw_t.get(v, 0) - oud_t.get(v, 0) for v in range(1, 6)]
        papier[s] = max(sum(d for d in verschil if d > 0), -sum(d for d in verschil if d < 0))
    return _Bijdragen(leden=leden, stellingen=per_persoon, papier=papier)


@dataclass
class Vrijgave:
    """What has been released of an open session: the answers behind it and, per condition,
    which figures."""

    stand: Stand
    patronen: dict[str, Patroon]

    def to_json(self) -> dict[str, Any]:
        return {
            "stand": self.stand.to_json(),
            "patronen": {c: p.to_json() for c, p in self.patronen.items()},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Vrijgave:
        return cls(
            stand=Stand.from_json(data.get("stand", {})),
            patronen={c: Patroon.from_json(p) for c, p in data.get("patronen", {}).items()},
        )


def volledig(stand: Stand, condities: Mapping[str, list[int]], *, drempel: int) -> Vrijgave:
    """Everything that may be released from these answers (a closed session: rules 1 and 2)."""
    return Vrijgave(
        stand=stand,
        patronen={
            code: patroon_voor(stand.beperkt_tot(s), s, drempel=drempel)
            for code, s in condities.items()
        },
    )


def stap(
    vorige: Vrijgave | None,
    nu: Stand,
    condities: Mapping[str, list[int]],
    *,
    drempel: int,
    verborgen: Mapping[str, list[int]] | None = None,
) -> Vrijgave:
    """The next released state of an open session (rule 3), for the conditions in `condities`
    (those revealed): per condition the current answers when the change since `vorige` passes
    the check, else what `vorige` released. A condition in `verborgen` (taken off the screen
    again) keeps exactly what `vorige` released of it, so that revealing it later goes on from
    there: hiding and revealing again is no way around the check.

    A condition released before keeps its figures or loses some, never gains one: a figure
    shown now that was hidden before would tell, with the earlier figures, more about the
    earlier answers than was released then."""
    vorige = vorige or Vrijgave(stand=Stand(), patronen={})
    stand = Stand()
    patronen: dict[str, Patroon] = {}
    for code, stellingen in condities.items():
        nieuw = nu.beperkt_tot(stellingen)
        oud_patroon = vorige.patronen.get(code)
        if oud_patroon is None:  # nothing released yet: rules 1 and 2 alone
            stand = stand.samen_met(nieuw)
            patronen[code] = patroon_voor(nieuw, stellingen, drempel=drempel)
            continue
        oud = vorige.stand.beperkt_tot(stellingen)
        if not oud_patroon.totaal:
            nieuw_patroon = patroon_voor(nieuw, stellingen, drempel=drempel)
            # Still nothing to show, or the first figures: either way nothing to subtract.
            veilig = True
        else:
            nieuw_patroon = patroon_voor(nieuw, stellingen, binnen=oud_patroon, drempel=drempel)
            veilig = nieuw_patroon.totaal and (
                _overtreding(nieuw_patroon, _veranderd(oud, nieuw, stellingen), drempel) is None
            )
        if veilig:
            stand = stand.samen_met(nieuw)
            patronen[code] = nieuw_patroon
        else:
            stand = stand.samen_met(oud)
            patronen[code] = oud_patroon
    for code, stellingen in (verborgen or {}).items():
        if code in vorige.patronen and code not in condities:
            stand = stand.samen_met(vorige.stand.beperkt_tot(stellingen))
            patronen[code] = vorige.patronen[code]
    return Vrijgave(stand=stand, patronen=patronen)


def aantal_respondenten(stand: Stand, stellingen: list[int]) -> int:
    """How many gave a score on these statements (online, and paper forms by their marks): a
    count, never a figure about answers."""
    bijdragen = _numeriek(stand, stellingen)
    return aantal_respondenten_geteld(
        online=sum(bool(s) for s in bijdragen.stellingen.values()),
        papier=bijdragen.papier.values(),
    )


def aantal_respondenten_geteld(*, online: int, papier: Iterable[int]) -> int:
    """`aantal_respondenten` from counts the database made: the people online with a score on
    the statements, and per statement the paper forms with a mark other than "weet ik niet"
    (the fullest statement stands for the forms: one form marks several statements)."""
    return online + max(papier, default=0)


# --- the figures ------------------------------------------------------------------------------


@dataclass
class Conditiecijfers:
    """The released figures of one condition; hidden figures are absent."""

    respondenten: int  # behind the condition's own figure (also when it is hidden)
    totaal: Groepsscore | None
    groepen: dict[str, Groepsscore]
    organisaties: dict[tuple[str, str], Groepsscore]
    stellingen: dict[int, tuple[Tally, dict[int, int]] | None]


def cijfers(vrijgave: Vrijgave, code: str, stellingen: list[int]) -> Conditiecijfers:
    """The figures of one condition that `vrijgave` releases: nothing else leaves this module."""
    patroon = vrijgave.patronen.get(code, Patroon())
    stand = vrijgave.stand.beperkt_tot(stellingen)
    totaal, groepen, orgs = Groepsscore(), {}, {}
    per_stelling = {s: (Tally(), dict.fromkeys(SCORES, 0)) for s in stellingen}
    for r in stand.respondenten.values():
        numeriek = any(v is not None for v in r.antwoorden.values())
        cellen = [totaal]
        if r.groep in patroon.groepen:
            cellen.append(groepen.setdefault(r.groep, Groepsscore(zichtbaar=True)))
            if (r.groep, r.organisatie) in patroon.organisaties:
                cellen.append(
                    orgs.setdefault((r.groep, r.organisatie), Groepsscore(zichtbaar=True))
                )
        for cel in cellen:
            cel.respondenten += numeriek
        for s, v in r.antwoorden.items():
            for cel in cellen:
                cel.tally.add(v)
            tally, counts = per_stelling[s]
            tally.add(v)
            if v is not None:
                counts[v] += 1
    papier_respondenten = 0
    for s, telling in stand.papier.items():
        tally, counts = per_stelling[s]
        for v, n in telling.items():
            tally.add(v or None, n)
            totaal.tally.add(v or None, n)
            if v:
                counts[v] += n
        papier_respondenten = max(papier_respondenten, sum(n for v, n in telling.items() if v))
    totaal.respondenten += papier_respondenten
    if not patroon.totaal:
        return Conditiecijfers(
            respondenten=totaal.respondenten,
            totaal=None,
            groepen={},
            organisaties={},
            stellingen=dict.fromkeys(stellingen),
        )
    totaal.zichtbaar = True
    return Conditiecijfers(
        respondenten=totaal.respondenten,
        totaal=totaal,
        groepen=groepen,
        organisaties=orgs,
        stellingen={s: per_stelling[s] if s in patroon.stellingen else None for s in stellingen},
    )


# --- averages of one number per form, over periods --------------------------------------------


@dataclass(frozen=True)
class Periodecijfer:
    """A released average over one period: how many gave a number, and their average."""

    respondenten: int
    gemiddelde: float


def perioden_vrijgeven[P](
    tellingen: Mapping[P, tuple[int, float]],
    *,
    drempel: int | None = None,
    delen: Mapping[P, Iterable[int]] | None = None,
) -> dict[P, Periodecijfer | None]:
    """Release averages of one number per form (the carers' "told my story N times") per
    period, from {period: (respondents, sum)}: a period with fewer than k respondents is None,
    so neither its average nor its count below k leaves this function.

    The periods are disjoint and no total over them is released, so no figure can be derived
    by subtracting others (complementary suppression has nothing to hide). The caller passes
    only periods that are over: a figure that moved with each new form would be a differencing
    channel of its own (rule 3's concern).

    `delen` gives, per period, the respondents of the shorter periods inside it that are
    released elsewhere (the dashboard's months inside the programme's quarter). A period is then
    released only when each of those holds 0 or at least k respondents: otherwise the quarter
    minus the months shown would give the month that was hidden (rule 2, complementary)."""
    drempel = k() if drempel is None else max(drempel, K_MINIMUM)
    delen = delen or {}

    def vrij(periode: P, n: int) -> bool:
        return n >= drempel and all(d == 0 or d >= drempel for d in delen.get(periode, ()))

    return {
        periode: (
            Periodecijfer(respondenten=n, gemiddelde=round(som / n, 1))
            if vrij(periode, n)
            else None
        )
        for periode, (n, som) in tellingen.items()
    }


# --- response per group (counts of respondents, not of answers) -------------------------------

OVERIG = "overig"  # the groups not shown on their own, together
GETOOND = ("kerngroep", "ontwerpgroep")  # the groups that may be shown on their own


@dataclass
class Respons:
    """How many of a group were invited, started (answered at least one statement) and
    finished."""

    groep: str
    uitgenodigd: int = 0
    gestart: int = 0
    klaar: int = 0

    @property
    def percentage(self) -> int:
        """Finished as a share of invited, rounded to whole percents."""
        return round(100 * self.klaar / self.uitgenodigd) if self.uitgenodigd else 0

    def plus(self, other: Respons) -> None:
        self.uitgenodigd += other.uitgenodigd
        self.gestart += other.gestart
        self.klaar += other.klaar


def respons_per_groep(
    per_groep: Mapping[str, Respons], *, drempel: int | None = None
) -> list[Respons]:
    """The response of a check-in per group that may be released, or [] when no split is.

    Core group and design group are shown on their own when each has at least k invitees; every
    other group (carers, others) and a group below k go into "overig". Complementary: the
    groups shown add up to the total, which the page shows too, so "overig" must also hold 0
    or at least k invitees; if not, the smallest group shown joins it, until it holds. A split
    that ends in one group is no split: [] (the total says it all).
    """
    drempel = k() if drempel is None else drempel
    overig = Respons(OVERIG)
    getoond: list[Respons] = []
    for groep, respons in per_groep.items():
        if not respons.uitgenodigd:
            continue
        if groep in GETOOND and respons.uitgenodigd >= drempel:
            getoond.append(Respons(groep, respons.uitgenodigd, respons.gestart, respons.klaar))
        else:
            overig.plus(respons)
    while getoond and 0 < overig.uitgenodigd < drempel:
        kleinste = min(getoond, key=lambda r: (r.uitgenodigd, r.groep))
        getoond.remove(kleinste)
        overig.plus(kleinste)
    rijen = sorted(getoond, key=lambda r: GETOOND.index(r.groep))
    if overig.uitgenodigd:
        rijen.append(overig)
    return rijen if len(rijen) > 1 else []
