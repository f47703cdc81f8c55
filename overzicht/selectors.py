"""The practice dashboard's sections, each read from the app it belongs to."""

from condities import charts as condities_charts
from condities import selectors as condities_selectors
from experimenten import selectors as experimenten_selectors
from experimenten.models import Fase
from mantelzorg import selectors as mantelzorg_selectors
from praktijken.models import Praktijk

ACTIES = 5
CITATEN = 3


def experimenten_section(*, praktijk: Praktijk) -> dict:
    """Experiments by level and phase, with the totals per phase (one query)."""
    matrix = experimenten_selectors.experimenten_matrix(praktijk=praktijk)
    fasen = list(Fase.choices)
    rijen = [
        {**rij, "cellen": list(zip(Fase.values, Fase.labels, rij["fasen"], strict=True))}
        for rij in matrix
    ]
    fase_totalen = [sum(rij["fasen"][i] for rij in matrix) for i in range(len(fasen))]
    return {
        "fasen": fasen,
        "matrix": rijen,
        "fase_totalen": fase_totalen,
        "experimenten_totaal": sum(fase_totalen),
    }


def condities_section(*, praktijk: Praktijk) -> dict:
    """Latest score per condition, the trend and the open next steps, in two queries."""
    trend = condities_selectors.trend_for_praktijk(praktijk=praktijk)
    return {
        "trend": trend,
        "grafiek": condities_charts.trend(reeksen=trend["reeksen"])
        if trend["heeft_scores"]
        else None,
        "acties": condities_selectors.acties_for_praktijk(praktijk=praktijk, limit=ACTIES),
    }


def mantelzorg_section(*, praktijk: Praktijk) -> dict:
    """Reactions per month, the told-my-story figure and the latest shareable quotes (2 queries)."""
    maanden = mantelzorg_selectors.reacties_per_maand(praktijk=praktijk)
    return {
        "maanden": maanden,
        "totaal": sum(m.aantal for m in maanden),
        "grafiek": mantelzorg_selectors.verteld_grafiek(maanden=maanden),
        "citaten": mantelzorg_selectors.deelbare_citaten(praktijk=praktijk, limit=CITATEN),
    }
