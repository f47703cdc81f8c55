"""The practice dashboard's sections, each read from the app it belongs to."""

from typing import Any, TypedDict

from django.utils.functional import Promise

from condities import charts as condities_charts
from condities import selectors as condities_selectors
from condities.models import Actie
from experimenten import selectors as experimenten_selectors
from experimenten.models import Fase
from mantelzorg import selectors as mantelzorg_selectors
from mantelzorg.models import Reactie
from praktijken.models import Praktijk

ACTIES = 5
CITATEN = 3


class MatrixRijMetCellen(experimenten_selectors.MatrixRij):
    """A level of the matrix with, per phase: its value, its label and the count."""

    cellen: list[tuple[str, str | Promise, int]]


class ExperimentenSection(TypedDict):
    ontwerpvragen: list[experimenten_selectors.OntwerpvraagTelling]
    fasen: list[tuple[str, str | Promise]]
    matrix: list[MatrixRijMetCellen]
    fase_totalen: list[int]
    experimenten_totaal: int


class ConditiesSection(TypedDict):
    trend: dict[str, Any]  # condities.selectors.trend_for_praktijk (not typed yet)
    grafiek: dict[str, Any] | None
    acties: list[Actie]
    gedaan: list[Actie]  # done in the last 30 days, celebrated


class MantelzorgSection(TypedDict):
    maanden: list[mantelzorg_selectors.Maand]
    totaal: int
    grafiek: mantelzorg_selectors.VerteldGrafiek
    citaten: list[Reactie]


def experimenten_section(*, praktijk: Praktijk) -> ExperimentenSection:
    """The design questions with their number of experiments, and the experiments by level and
    phase with the totals per phase (one query)."""
    ontwerpvragen, matrix = experimenten_selectors.ontwerpvragen_with_matrix(praktijk=praktijk)
    fasen: list[tuple[str, str | Promise]] = list(Fase.choices)
    rijen = [
        MatrixRijMetCellen(
            **rij, cellen=list(zip(Fase.values, Fase.labels, rij["fasen"], strict=True))
        )
        for rij in matrix
    ]
    fase_totalen = [sum(rij["fasen"][i] for rij in matrix) for i in range(len(fasen))]
    return ExperimentenSection(
        ontwerpvragen=ontwerpvragen,
        fasen=fasen,
        matrix=rijen,
        fase_totalen=fase_totalen,
        experimenten_totaal=sum(fase_totalen),
    )


def condities_section(*, praktijk: Praktijk) -> ConditiesSection:
    """Latest score per condition, the trend, the open next steps and the ones done lately, in
    three queries."""
    trend = condities_selectors.trend_for_praktijk(praktijk=praktijk, met_sessies=False)
    return ConditiesSection(
        trend=trend,
        grafiek=condities_charts.trend(reeksen=trend["reeksen"]) if trend["heeft_scores"] else None,
        acties=condities_selectors.acties_for_praktijk(praktijk=praktijk, limit=ACTIES),
        gedaan=condities_selectors.acties_gedaan_recent(praktijk=praktijk, limit=ACTIES),
    )


def mantelzorg_section(*, praktijk: Praktijk) -> MantelzorgSection:
    """Reactions per month, the told-my-story figure and the latest shareable quotes (2 queries)."""
    maanden = mantelzorg_selectors.reacties_per_maand(praktijk=praktijk)
    return MantelzorgSection(
        maanden=maanden,
        totaal=sum(m.aantal for m in maanden),
        grafiek=mantelzorg_selectors.verteld_grafiek(maanden=maanden),
        citaten=mantelzorg_selectors.deelbare_citaten(praktijk=praktijk, limit=CITATEN),
    )
