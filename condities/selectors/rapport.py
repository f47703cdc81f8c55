"""Reads for reports, exports and the dashboard: trends, discussions and scores over time."""

from typing import TypedDict

from django.db.models import Q, QuerySet, Subquery
from django.utils.functional import Promise

from condities.models import ALLE, Actie, Conditie, ConditieScore, Respondentgroep, Sessie
from condities.selectors.acties import acties_open_for_praktijk
from praktijken.models import Praktijk


def scores_for_praktijk(
    *, praktijk: Praktijk, met_sessie: bool = True, groep: str = ALLE
) -> QuerySet[ConditieScore]:
    """Every score over everybody (or over one respondent group): the trend per condition; with
    its session unless not needed. Only what the disclosure rules released was ever written."""
    scores = ConditieScore.objects.filter(praktijk=praktijk, groep=groep)
    return scores.select_related("sessie") if met_sessie else scores


def vorige_werkvorm_scores(*, sessie: Sessie) -> list[ConditieScore]:
    """The overall scores with a figure of the practice's latest closed workshop before `sessie`
    (an earlier date, or the same date and made earlier); empty without one (1 query)."""
    vorige = (
        Sessie.objects.filter(
            praktijk_id=sessie.praktijk_id,
            soort=Sessie.Soort.WERKVORM,
            status=Sessie.Status.GESLOTEN,
        )
        .filter(Q(datum__lt=sessie.datum) | Q(datum=sessie.datum, pk__lt=sessie.pk))
        .order_by("-datum", "-pk")
        .values("pk")[:1]
    )
    # Written back at close through the disclosure rules: released figures, read as they are.
    return list(
        ConditieScore.objects.filter(
            praktijk_id=sessie.praktijk_id,
            sessie=Subquery(vorige),
            groep=ALLE,
            gemiddelde__isnull=False,
        ).order_by("conditie")
    )


def trend_for_praktijk(*, praktijk: Praktijk, met_sessies: bool = True, groep: str = ALLE) -> dict:
    """The latest score per condition and the series over all sessions and check-ins (1 query);
    over everybody, or over one respondent group where its figures were released.

    `met_sessies=False` leaves the sessions out (charts.trend then gives no `sessie` per column):
    the dashboard shows no session, and building one per score was most of this query's cost.
    """
    series: dict[str, list[ConditieScore]] = {code: [] for code in Conditie.values}
    scores = scores_for_praktijk(praktijk=praktijk, met_sessie=met_sessies, groep=groep)
    for score in scores.order_by("datum", "sessie_id"):
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


def laatste_scores_for_praktijken(
    *, praktijk_ids: list[int]
) -> dict[int, dict[str, ConditieScore]]:
    """Per practice, the latest score over everybody per condition (1 query, however many
    practices): the programme's overview. Scores are written back through the disclosure rules
    at close (condities.services.afsluiten.scores_write), so each one is a released figure."""
    laatste: dict[int, dict[str, ConditieScore]] = {pk: {} for pk in praktijk_ids}
    scores = (
        ConditieScore.objects.filter(
            praktijk_id__in=praktijk_ids, groep=ALLE, gemiddelde__isnull=False
        )
        .only("pk", "praktijk_id", "conditie", "datum", "gemiddelde")
        .order_by("datum", "sessie_id")
    )
    for score in scores:
        laatste[score.praktijk_id][score.conditie] = score
    return laatste


def acties_for_praktijk(*, praktijk: Praktijk, limit: int | None = None) -> list[Actie]:
    """The agreed next steps that are open or busy, newest first, each once (1 query)."""
    return acties_open_for_praktijk(praktijk=praktijk, limit=limit)


def _conditie_volgorde(code: str) -> int:
    return Conditie.values.index(code) if code in Conditie.values else len(Conditie.values)


class Discussie(TypedDict):
    """What a session's discussion wrote down about one condition."""

    code: str
    label: str | Promise
    goed: list[Actie]  # what goes well
    stappen: list[Actie]  # the agreed next steps


def discussie_for_sessie(*, sessie: Sessie) -> list[Discussie]:
    """Per condition of the session, in the usual order: what goes well and the next steps."""
    per_conditie: dict[str, Discussie] = {
        code: {"code": code, "label": Conditie(code).label, "goed": [], "stappen": []}
        for code in Conditie.values
        if code in sessie.condities
    }
    for actie in (
        Actie.objects.filter(sessie=sessie).select_related("experiment", "eigenaar").order_by("pk")
    ):
        conditie = per_conditie.setdefault(
            actie.conditie,
            {
                "code": actie.conditie,
                "label": actie.get_conditie_display(),
                "goed": [],
                "stappen": [],
            },
        )
        if actie.soort == Actie.Soort.GOED:
            conditie["goed"].append(actie)
        else:
            conditie["stappen"].append(actie)
    return sorted(per_conditie.values(), key=lambda c: _conditie_volgorde(c["code"]))


def discussie_for_praktijk(*, praktijk: Praktijk) -> list[Actie]:
    """Every action of every session of the practice, by session date, then condition (1 query)."""
    acties = Actie.objects.filter(sessie__praktijk=praktijk).select_related(
        "sessie", "experiment", "eigenaar"
    )
    return sorted(acties, key=_op_sessie)


def _op_sessie(actie: Actie) -> tuple:
    datum = actie.sessie.datum if actie.sessie is not None else None  # always a session here
    return (datum, actie.sessie_id, _conditie_volgorde(actie.conditie), actie.soort, actie.pk)


def conditiescores_for_export(*, praktijk: Praktijk) -> list[ConditieScore]:
    """All scores of the practice over time, for everybody and per group, oldest first."""
    groepen = [ALLE, *Respondentgroep.values]
    scores = ConditieScore.objects.filter(praktijk=praktijk).select_related("sessie")
    return sorted(
        scores,
        key=lambda s: (
            s.datum,
            s.sessie_id,
            _conditie_volgorde(s.conditie),
            groepen.index(s.groep) if s.groep in groepen else len(groepen),
        ),
    )
