"""A session's results: distributions, averages per condition, group and organisation."""

import contextlib
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, F, Q, Sum
from django.utils.functional import Promise
from django.utils.translation import get_language

from condities import charts
from condities.models import (
    Antwoord,
    Conditie,
    Deelnemer,
    PapierTelling,
    Respondentgroep,
    Sessie,
    Stelling,
)
from condities.scores import MIN_RESPONDENTEN, SCORES, Groepsscore, Tally, largest_gaps
from condities.selectors.sessies import stellingen_for_sessie


@dataclass
class StellingResultaat:
    stelling: Stelling
    tally: Tally = field(default_factory=Tally)
    counts: dict[int, int] = field(default_factory=lambda: dict.fromkeys(SCORES, 0))

    @property
    def verdeling(self) -> list[dict]:
        """Per score: how many chose it, and its share of the numeric answers (for bars)."""
        return charts.staafjes(counts=self.counts, totaal=self.tally.n)


@dataclass
class ConditieResultaat:
    code: str
    label: str
    onthuld: bool
    totaal: Groepsscore = field(default_factory=Groepsscore)
    groepen: dict[str, Groepsscore] = field(default_factory=dict)
    stellingen: list[StellingResultaat] = field(default_factory=list)

    @property
    def te_weinig(self) -> bool:
        """Someone answered, but too few to show anything without revealing them."""
        return 0 < self.totaal.respondenten < MIN_RESPONDENTEN

    @property
    def zichtbare_groepen(self) -> list[tuple[str | Promise, Groepsscore]]:
        return [
            (Respondentgroep(code).label, score)
            for code, score in self.groepen.items()
            if score.zichtbaar
        ]


@dataclass
class Resultaten:
    sessie: Sessie
    aangemeld: int
    klaar: int
    condities: list[ConditieResultaat]
    verschillen: list[dict]

    @property
    def is_leeg(self) -> bool:
        return not any(c.totaal.respondenten for c in self.condities)


def sessie_resultaten(*, sessie: Sessie) -> Resultaten:
    """Everything the presenter view, the report and closing need, in a fixed number of queries."""
    stellingen = stellingen_for_sessie(sessie=sessie)
    per_stelling = {s.pk: StellingResultaat(stelling=s) for s in stellingen}
    condities = {
        code: ConditieResultaat(
            code=code, label=str(Conditie(code).label), onthuld=code in sessie.onthuld
        )
        for code in Conditie.values
        if code in {s.conditie for s in stellingen}
    }
    for resultaat in per_stelling.values():
        condities[resultaat.stelling.conditie].stellingen.append(resultaat)

    deelnemers = Deelnemer.objects.filter(sessie=sessie).aggregate(
        aangemeld=Count("pk"), klaar=Count("pk", filter=Q(klaar_op__isnull=False))
    )
    antwoorden = Antwoord.objects.filter(deelnemer__sessie=sessie, stelling__in=per_stelling)

    # Distribution per statement.
    for online in antwoorden.values("stelling_id", "score").annotate(n=Count("pk")).order_by():
        resultaat = per_stelling[online["stelling_id"]]
        resultaat.tally.add(online["score"], online["n"])
        if online["score"] is not None:
            resultaat.counts[online["score"]] += online["n"]
    for papier in (
        PapierTelling.objects.filter(sessie=sessie, stelling__in=per_stelling)
        .values("stelling_id", "score")
        .annotate(n=Sum("aantal"))
        .order_by()
    ):
        resultaat = per_stelling[papier["stelling_id"]]
        score = papier["score"] or None  # 0 on paper: "weet ik niet"
        resultaat.tally.add(score, papier["n"])
        if score is not None:
            resultaat.counts[score] += papier["n"]
    for conditie in condities.values():
        for resultaat in conditie.stellingen:
            conditie.totaal.tally.merge(resultaat.tally)

    # Respondents and tallies per condition, group and organisation.
    per_organisatie: dict[str, dict[str, Groepsscore]] = {code: {} for code in condities}
    rows = (
        antwoorden.values("stelling__conditie", "deelnemer__groep", "deelnemer__organisatie__naam")
        .annotate(
            respondenten=Count("deelnemer", distinct=True),
            n=Count("score"),
            total=Sum("score"),
            squares=Sum(F("score") * F("score")),
            weet_niet=Count("pk", filter=Q(score__isnull=True)),
        )
        .order_by()
    )
    for row in rows:
        conditie = condities[row["stelling__conditie"]]
        tally = Tally(
            n=row["n"],
            total=row["total"] or 0,
            squares=row["squares"] or 0,
            weet_niet=row["weet_niet"],
        )
        conditie.totaal.respondenten += row["respondenten"]
        groep = conditie.groepen.setdefault(row["deelnemer__groep"], Groepsscore())
        groep.respondenten += row["respondenten"]
        groep.tally.merge(tally)
        if naam := row["deelnemer__organisatie__naam"]:
            organisatie = per_organisatie[conditie.code].setdefault(naam, Groepsscore())
            organisatie.respondenten += row["respondenten"]
            organisatie.tally.merge(tally)
    if sessie.papieren_formulieren:
        for conditie in condities.values():
            conditie.totaal.respondenten += sessie.papieren_formulieren
    # With fewer than three people, a condition's numbers would show their own answers: hide them.
    for conditie in condities.values():
        if not conditie.totaal.zichtbaar:
            conditie.totaal.tally = Tally()
            for resultaat in conditie.stellingen:
                resultaat.tally = Tally()
                resultaat.counts = dict.fromkeys(SCORES, 0)

    return Resultaten(
        sessie=sessie,
        aangemeld=deelnemers["aangemeld"],
        klaar=deelnemers["klaar"],
        condities=list(condities.values()),
        verschillen=[
            {**gap, "label": condities[gap["conditie"]].label}
            for gap in largest_gaps(per_organisatie)
        ],
    )


def groepen_tabel(*, resultaten: Resultaten) -> dict:
    """Averages per group side by side: only groups with enough respondents get a number."""
    kolommen = [
        (code, label)
        for code, label in Respondentgroep.choices
        if any(code in c.groepen and c.groepen[code].zichtbaar for c in resultaten.condities)
    ]
    rijen = [
        {
            "label": conditie.label,
            "cellen": [
                conditie.groepen[code]
                if code in conditie.groepen and conditie.groepen[code].zichtbaar
                else None
                for code, _label in kolommen
            ],
        }
        for conditie in resultaten.condities
    ]
    return {"kolommen": [label for _code, label in kolommen], "rijen": rijen}


# The presenter view polls every 3 s, often from a projector and a laptop at once.
LIVE_MAX_AGE = 2


def sessie_resultaten_live(*, sessie: Sessie, max_age: int = LIVE_MAX_AGE) -> Resultaten:
    """sessie_resultaten for the presenter's poll: shared between screens, at most `max_age`
    seconds old. Never for closing, reports or exports, which need every answer.

    What the facilitator revealed is read from `sessie` each time, so a reveal shows at once.
    Without a cache it computes afresh.
    """
    # Shared without the session: (aangemeld, klaar, condities, verschillen).
    key = f"condities:resultaten:v2:{sessie.pk}:{get_language()}"
    try:
        gedeeld = cache.get(key)
    except Exception:  # the cache is away: compute, as without one
        gedeeld = None
    if gedeeld is None:
        resultaten = sessie_resultaten(sessie=sessie)
        with contextlib.suppress(Exception):
            cache.set(
                key,
                (
                    resultaten.aangemeld,
                    resultaten.klaar,
                    resultaten.condities,
                    resultaten.verschillen,
                ),
                max_age,
            )
        return resultaten
    aangemeld, klaar, condities, verschillen = gedeeld
    for conditie in condities:
        conditie.onthuld = conditie.code in sessie.onthuld
    return Resultaten(
        sessie=sessie,
        aangemeld=aangemeld,
        klaar=klaar,
        condities=condities,
        verschillen=verschillen,
    )
