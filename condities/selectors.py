from dataclasses import dataclass, field

from django.db.models import Count, F, Q, QuerySet, Sum

from condities.models import (
    Antwoord,
    Conditie,
    ConditieScore,
    Deelnemer,
    Groep,
    PapierTelling,
    Sessie,
    Stelling,
)
from condities.scores import SCORES, Groepsscore, Tally, largest_gaps
from praktijken.models import Praktijk


def stellingen_for_sessie(*, sessie: Sessie) -> list[Stelling]:
    """The statements a session asks, in order: the chosen ones, or all of its conditions."""
    chosen = list(sessie.stellingen.order_by("volgorde", "pk"))
    if chosen:
        return chosen
    return list(
        Stelling.objects.filter(
            set=sessie.stellingenset_id, conditie__in=sessie.condities
        ).order_by("volgorde", "pk")
    )


@dataclass
class StellingResultaat:
    stelling: Stelling
    tally: Tally = field(default_factory=Tally)
    counts: dict[int, int] = field(default_factory=lambda: dict.fromkeys(SCORES, 0))

    @property
    def verdeling(self) -> list[dict]:
        """Per score: how many chose it, and its share of the numeric answers (for bars)."""
        total = self.tally.n or 1
        return [
            {"score": score, "aantal": n, "procent": round(100 * n / total)}
            for score, n in self.counts.items()
        ]


@dataclass
class ConditieResultaat:
    code: str
    label: str
    onthuld: bool
    totaal: Groepsscore = field(default_factory=Groepsscore)
    groepen: dict[str, Groepsscore] = field(default_factory=dict)
    stellingen: list[StellingResultaat] = field(default_factory=list)

    @property
    def zichtbare_groepen(self) -> list[tuple[str, Groepsscore]]:
        return [
            (Groep(code).label, score) for code, score in self.groepen.items() if score.zichtbaar
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
    for row in antwoorden.values("stelling_id", "score").annotate(n=Count("pk")).order_by():
        resultaat = per_stelling[row["stelling_id"]]
        resultaat.tally.add(row["score"], row["n"])
        if row["score"] is not None:
            resultaat.counts[row["score"]] += row["n"]
    for row in (
        PapierTelling.objects.filter(sessie=sessie, stelling__in=per_stelling)
        .values("stelling_id", "score")
        .annotate(n=Sum("aantal"))
        .order_by()
    ):
        resultaat = per_stelling[row["stelling_id"]]
        score = row["score"] or None
        resultaat.tally.add(score, row["n"])
        if score is not None:
            resultaat.counts[score] += row["n"]
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


def scores_for_praktijk(*, praktijk: Praktijk) -> QuerySet[ConditieScore]:
    """Every score over everybody, oldest first: the trend per condition."""
    return ConditieScore.objects.filter(praktijk=praktijk, groep="").select_related("sessie")


def trend_for_praktijk(*, praktijk: Praktijk) -> dict:
    """The latest score per condition and the series over all sessions and check-ins (1 query)."""
    series: dict[str, list[ConditieScore]] = {code: [] for code in Conditie.values}
    for score in scores_for_praktijk(praktijk=praktijk).order_by("datum", "sessie_id"):
        series[score.conditie].append(score)
    return {
        "reeksen": [
            {"code": code, "label": Conditie(code).label, "scores": scores}
            for code, scores in series.items()
        ],
        "laatste": [
            {"code": code, "label": Conditie(code).label, "score": scores[-1] if scores else None}
            for code, scores in series.items()
        ],
        "heeft_scores": any(series.values()),
    }
