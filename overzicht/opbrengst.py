"""What the collaboration yields ("wat levert het op"), per organisation and per practice: read
from each app's selectors, for the yield pages and their PDFs.

Figures about answers come only from what the disclosure rules released: the condition scores
written back at closing (condities.ConditieScore). A group's trend shows only where its figures
were released; otherwise the practice's.
"""

from typing import Any, TypedDict

from condities import charts as condities_charts
from condities import selectors as condities_selectors
from condities.models import Respondentgroep
from experimenten import selectors as experimenten_selectors
from experimenten.models import Experiment, Indicator
from mantelzorg import selectors as mantelzorg_selectors
from mantelzorg.models import Reactie
from netwerk import selectors as netwerk_selectors
from netwerk.access import LidToegang
from netwerk.models import Deelname, Organisatie
from praktijken.models import Praktijk
from relaties import selectors as relaties_selectors


class Scores(TypedDict):
    trend: dict[str, Any]
    grafiek: dict[str, Any] | None
    groep: str  # "": over everybody in the practice
    groep_label: str


class OrganisatieOpbrengst(TypedDict):
    deelname: Deelname | None
    experimenten: list[Experiment]
    reacties: list[Reactie]
    reacties_alleen_gedeeld: bool
    scores: Scores
    banden: relaties_selectors.BandenDanEnNu | None


class PraktijkOpbrengst(TypedDict):
    deelnames: list[Deelname]
    experimenten: list[Experiment]
    per_soort: list[experimenten_selectors.OpbrengstenSoortRollup]
    indicatoren: list[tuple[Experiment, Indicator]]
    telling: mantelzorg_selectors.DoorgegevenTelling
    reacties_alleen_gedeeld: bool
    scores: Scores
    banden: relaties_selectors.BandenDanEnNu | None


def _scores(*, praktijk: Praktijk, groep: str = "") -> Scores:
    """The released condition scores over time: the group's where any were released, else the
    practice's (one or two queries)."""
    if groep:
        trend = condities_selectors.trend_for_praktijk(
            praktijk=praktijk, met_sessies=False, groep=groep
        )
        if trend["heeft_scores"]:
            return Scores(
                trend=trend,
                grafiek=condities_charts.trend(reeksen=trend["reeksen"]),
                groep=groep,
                groep_label=str(Respondentgroep(groep).label),
            )
    trend = condities_selectors.trend_for_praktijk(praktijk=praktijk, met_sessies=False)
    return Scores(
        trend=trend,
        grafiek=condities_charts.trend(reeksen=trend["reeksen"]) if trend["heeft_scores"] else None,
        groep="",
        groep_label="",
    )


def _banden(
    *, praktijk: Praktijk, organisatie: Organisatie | None = None
) -> relaties_selectors.BandenDanEnNu | None:
    """The ties then and now from the relationship rounds (relaties): steps of pairs only,
    never trust or value; None before a round has closed."""
    return relaties_selectors.banden_dan_en_nu(praktijk=praktijk, organisatie=organisatie)


def opbrengst_for_organisatie(
    *, toegang: LidToegang, organisatie: Organisatie
) -> OrganisatieOpbrengst:
    """Everything the organisation's yield page shows, in a fixed number of queries."""
    praktijk = toegang.praktijk
    deelname = netwerk_selectors.deelname_for_organisatie(
        praktijk=praktijk, organisatie=organisatie
    )
    alleen_gedeeld = not toegang.can_manage  # what members may see of carers' feedback today
    return OrganisatieOpbrengst(
        deelname=deelname,
        experimenten=experimenten_selectors.experimenten_for_opbrengst(
            praktijk=praktijk, organisatie_id=organisatie.pk
        ),
        reacties=mantelzorg_selectors.reacties_doorgegeven_aan(
            praktijk=praktijk, organisatie=organisatie, alleen_gedeeld=alleen_gedeeld
        ),
        reacties_alleen_gedeeld=alleen_gedeeld,
        scores=_scores(praktijk=praktijk, groep=deelname.groep if deelname else ""),
        banden=_banden(praktijk=praktijk, organisatie=organisatie),
    )


def opbrengst_for_praktijk(*, toegang: LidToegang) -> PraktijkOpbrengst:
    """Everything the practice's yield page shows, rolled up, in a fixed number of queries."""
    praktijk = toegang.praktijk
    experimenten = experimenten_selectors.experimenten_for_opbrengst(praktijk=praktijk)
    alleen_gedeeld = not toegang.can_manage
    return PraktijkOpbrengst(
        deelnames=list(netwerk_selectors.deelnames_for_praktijk(praktijk=praktijk)),
        experimenten=experimenten,
        per_soort=experimenten_selectors.opbrengsten_rollup(experimenten=experimenten),
        indicatoren=[
            (experiment, indicator)
            for experiment in experimenten
            for indicator in experiment.indicatoren_lijst  # type: ignore[attr-defined]
        ],
        telling=mantelzorg_selectors.doorgegeven_telling(
            praktijk=praktijk, alleen_gedeeld=alleen_gedeeld
        ),
        reacties_alleen_gedeeld=alleen_gedeeld,
        scores=_scores(praktijk=praktijk),
        banden=_banden(praktijk=praktijk),
    )
