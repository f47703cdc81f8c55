"""What the conditions' workshop reads, one module per responsibility.

sessies (lists, join codes, statements, actions), resultaten (a session's results), deelname
(who a browser is, answers, progress), stellingen (statement sets), papier (paper tallies),
checkins and rapport (trends, discussions, exports). The names are re-exported here for callers
outside the app.
"""

from condities.scores import ConditieResultaat, StellingResultaat
from condities.selectors.acties import acties_gedaan_recent
from condities.selectors.checkins import (
    CheckinRespons,
    checkin_deelnemer_by_token,
    checkin_ontvangers,
    checkin_respons,
)
from condities.selectors.deelname import (
    antwoorden_for_deelnemer,
    deelnemer_by_code,
    deelnemer_for_browser,
    is_member,
    respondentgroep_for,
)
from condities.selectors.papier import papier_tellingen
from condities.selectors.publiek import acties_gedaan_voor
from condities.selectors.rapport import (
    acties_for_praktijk,
    conditiescores_for_export,
    discussie_for_praktijk,
    discussie_for_sessie,
    laatste_scores_for_praktijken,
    scores_for_praktijk,
    trend_for_praktijk,
)
from condities.selectors.resultaten import (
    LIVE_MAX_AGE,
    Resultaten,
    groepen_tabel,
    sessie_resultaten,
    sessie_resultaten_live,
)
from condities.selectors.sessies import (
    actie_get_for_sessie,
    acties_for_sessie,
    sessie_aantallen,
    sessie_by_any_code,
    sessie_by_code,
    sessie_get_for_praktijk,
    sessies_for_praktijk,
    stellingen_for_sessie,
    stellingen_for_sessie_cached,
    stellingen_per_conditie,
    stellingen_per_conditie_cached,
)
from condities.selectors.stellingen import (
    stellingen_of_set,
    stellingenset_aantal_sessies,
    stellingenset_inhoud,
    stellingenset_is_used,
)

__all__ = [
    "LIVE_MAX_AGE",
    "CheckinRespons",
    "ConditieResultaat",
    "Resultaten",
    "StellingResultaat",
    "actie_get_for_sessie",
    "acties_for_praktijk",
    "acties_for_sessie",
    "acties_gedaan_recent",
    "acties_gedaan_voor",
    "antwoorden_for_deelnemer",
    "checkin_deelnemer_by_token",
    "checkin_ontvangers",
    "checkin_respons",
    "conditiescores_for_export",
    "deelnemer_by_code",
    "deelnemer_for_browser",
    "discussie_for_praktijk",
    "discussie_for_sessie",
    "groepen_tabel",
    "is_member",
    "laatste_scores_for_praktijken",
    "papier_tellingen",
    "respondentgroep_for",
    "scores_for_praktijk",
    "sessie_aantallen",
    "sessie_by_any_code",
    "sessie_by_code",
    "sessie_get_for_praktijk",
    "sessie_resultaten",
    "sessie_resultaten_live",
    "sessies_for_praktijk",
    "stellingen_for_sessie",
    "stellingen_for_sessie_cached",
    "stellingen_of_set",
    "stellingen_per_conditie",
    "stellingen_per_conditie_cached",
    "stellingenset_aantal_sessies",
    "stellingenset_inhoud",
    "stellingenset_is_used",
    "trend_for_praktijk",
]
