"""A session's results: what the disclosure rules release, per condition, group, organisation
and statement, for one viewer.

The figures come from `condities.disclosure` only. While a session is open, reading its results
moves its released state along (rule 3 of the disclosure module): that bookkeeping is kept in
`Vrijgave`, under a row lock so that two screens never release two different steps.
"""

import contextlib
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils.translation import get_language

from condities import disclosure
from condities.models import (
    Antwoord,
    Conditie,
    Deelnemer,
    PapierTelling,
    Respondentgroep,
    Sessie,
    Stelling,
    Vrijgave,
)
from condities.scores import (
    ConditieResultaat,
    Groepsscore,
    StellingResultaat,
    largest_gaps,
)
from condities.selectors.sessies import stellingen_for_sessie

__all__ = [
    "ConditieResultaat",
    "Resultaten",
    "StellingResultaat",
    "groepen_tabel",
    "resultaten_live_key",
    "sessie_resultaten",
    "sessie_resultaten_live",
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


def _stand(*, sessie: Sessie, stellingen: list[Stelling]) -> disclosure.Stand:
    """Every answer and paper tally of the session, as the disclosure rules read them
    (2 queries)."""
    respondenten: dict[int, tuple[str, str, dict[int, int | None]]] = {}
    for deelnemer_id, groep, org, stelling_id, score in Antwoord.objects.filter(
        deelnemer__sessie=sessie, stelling__in=stellingen
    ).values_list(
        "deelnemer_id", "deelnemer__groep", "deelnemer__organisatie__naam", "stelling_id", "score"
    ):
        respondenten.setdefault(deelnemer_id, (groep, org or "", {}))[2][stelling_id] = score
    papier: dict[int, dict[int, int]] = {}
    for stelling_id, score, aantal in PapierTelling.objects.filter(
        sessie=sessie, stelling__in=stellingen, aantal__gt=0
    ).values_list("stelling_id", "score", "aantal"):
        papier.setdefault(stelling_id, {})[score] = aantal
    return disclosure.Stand(
        respondenten={
            pk: disclosure.Respondent(groep, org, antwoorden)
            for pk, (groep, org, antwoorden) in respondenten.items()
        },
        papier=papier,
    )


def _vrijgave_open(
    *,
    sessie: Sessie,
    nu: disclosure.Stand,
    condities: dict[str, list[int]],
    verborgen: dict[str, list[int]],
    drempel: int,
) -> disclosure.Vrijgave:
    """The next released state of an open session, stored (rule 3): `condities` are on the
    screen, `verborgen` keep what was released of them. One query while nothing moves; a step
    is taken under a row lock, so that two screens never release two steps."""
    opgeslagen = Vrijgave.objects.filter(sessie=sessie).values_list("data", flat=True).first()
    vorige = disclosure.Vrijgave.from_json(opgeslagen) if opgeslagen else None
    vrijgave = disclosure.stap(vorige, nu, condities, drempel=drempel, verborgen=verborgen)
    if opgeslagen is not None and vrijgave.to_json() == opgeslagen:
        return vrijgave
    with transaction.atomic():
        rij = Vrijgave.objects.select_for_update().filter(sessie=sessie).first()
        if rij is None:  # opened before released states were kept
            rij, _created = Vrijgave.objects.get_or_create(sessie=sessie)
        if rij.data != opgeslagen:  # another screen took a step meanwhile: step from there
            vorige = disclosure.Vrijgave.from_json(rij.data) if rij.data else None
            vrijgave = disclosure.stap(vorige, nu, condities, drempel=drempel, verborgen=verborgen)
        rij.data = vrijgave.to_json()
        rij.save(update_fields=["data", "updated_at"])
    return vrijgave


def _alleen_aantallen(*, sessie: Sessie, condities: dict[str, list[int]]) -> dict[str, int]:
    """Per condition how many answered (`disclosure.aantal_respondenten`), counted by the
    database: while nothing is on the screen that is all an open session shows, and reading
    every answer of a conference room (50,000) to count them cost the screen's poll a few
    hundred milliseconds (3 queries with the participants' count)."""
    per_stelling = {s: code for code, ids in condities.items() for s in ids}
    online = dict(
        Antwoord.objects.filter(
            deelnemer__sessie=sessie, stelling__in=per_stelling, score__isnull=False
        )
        .values_list("stelling__conditie")
        .annotate(n=Count("deelnemer_id", distinct=True))
        .values_list("stelling__conditie", "n")
    )
    papier: dict[str, list[int]] = {}
    for stelling_id, aantal in (
        PapierTelling.objects.filter(
            sessie=sessie, stelling__in=per_stelling, score__gt=0, aantal__gt=0
        )
        .values_list("stelling_id")
        .annotate(n=Sum("aantal"))
        .values_list("stelling_id", "n")
    ):
        papier.setdefault(per_stelling[stelling_id], []).append(aantal)
    return {
        code: disclosure.aantal_respondenten_geteld(
            online=online.get(code, 0), papier=papier.get(code, [])
        )
        for code in condities
    }


def sessie_resultaten(*, sessie: Sessie) -> Resultaten:
    """What `sessie`'s results release, in a fixed number of queries.

    While the session is open, only revealed conditions have figures, for every viewer (the
    facilitator shows them to the room by revealing); the others show how many answered. Once
    closed, every condition has its figures.
    """
    stellingen = stellingen_for_sessie(sessie=sessie)
    condities = {
        code: [s.pk for s in stellingen if s.conditie == code]
        for code in Conditie.values
        if any(s.conditie == code for s in stellingen)
    }
    if sessie.is_open and not set(sessie.onthuld) & set(condities):
        # Nothing on the screen: only how many answered, and nothing is released (what was
        # released of a hidden condition stays as it was stored).
        return _resultaten(
            sessie=sessie,
            condities=[
                ConditieResultaat(
                    code=code,
                    label=str(Conditie(code).label),
                    onthuld=False,
                    gedeeld=False,
                    totaal=Groepsscore(respondenten=aantal),
                    stellingen=[StellingResultaat(stelling=s) for s in stellingen if s.pk in ids],
                )
                for (code, ids), aantal in zip(
                    condities.items(),
                    _alleen_aantallen(sessie=sessie, condities=condities).values(),
                    strict=True,
                )
            ],
        )
    nu = _stand(sessie=sessie, stellingen=stellingen)
    drempel = disclosure.k()
    if sessie.is_open:
        getoond = {code: ids for code, ids in condities.items() if code in sessie.onthuld}
        verborgen = {code: ids for code, ids in condities.items() if code not in getoond}
        vrijgave = _vrijgave_open(
            sessie=sessie, nu=nu, condities=getoond, verborgen=verborgen, drempel=drempel
        )
    else:
        vrijgave = disclosure.volledig(nu, condities, drempel=drempel)
    per_stelling = {s.pk: s for s in stellingen}
    resultaten = []
    for code, ids in condities.items():
        onthuld = code in sessie.onthuld
        resultaat = ConditieResultaat(
            code=code,
            label=str(Conditie(code).label),
            onthuld=onthuld,
            gedeeld=onthuld or not sessie.is_open,
        )
        resultaten.append(resultaat)
        if not resultaat.gedeeld:
            resultaat.totaal = Groepsscore(respondenten=disclosure.aantal_respondenten(nu, ids))
            resultaat.stellingen = [StellingResultaat(stelling=per_stelling[s]) for s in ids]
            continue
        cijfers = disclosure.cijfers(vrijgave, code, ids)
        resultaat.totaal = cijfers.totaal or Groepsscore(respondenten=cijfers.respondenten)
        resultaat.groepen = {
            groep: cijfers.groepen[groep]
            for groep in Respondentgroep.values
            if groep in cijfers.groepen
        }
        # An organisation with people in two groups is shown per group, named with it.
        namen = [org for (_g, org) in cijfers.organisaties]
        for (groep, org), score in sorted(cijfers.organisaties.items()):
            label = org if namen.count(org) == 1 else f"{org} ({Respondentgroep(groep).label})"
            resultaat.organisaties[label] = score
        for s in ids:
            vrij = cijfers.stellingen[s]
            if vrij is None:
                resultaat.stellingen.append(StellingResultaat(stelling=per_stelling[s]))
            else:
                tally, counts = vrij
                resultaat.stellingen.append(
                    StellingResultaat(
                        stelling=per_stelling[s], tally=tally, counts=counts, zichtbaar=True
                    )
                )
    return _resultaten(sessie=sessie, condities=resultaten)


def _resultaten(*, sessie: Sessie, condities: list[ConditieResultaat]) -> Resultaten:
    """The conditions' results with how many joined and finished (1 query)."""
    deelnemers = Deelnemer.objects.filter(sessie=sessie).aggregate(
        aangemeld=Count("pk"), klaar=Count("pk", filter=Q(klaar_op__isnull=False))
    )
    return Resultaten(
        sessie=sessie,
        aangemeld=deelnemers["aangemeld"],
        klaar=deelnemers["klaar"],
        condities=condities,
        verschillen=largest_gaps([c for c in condities if c.gedeeld]),
    )


def groepen_tabel(*, resultaten: Resultaten) -> dict:
    """Averages per group side by side: only released groups get a number."""
    kolommen = [
        (code, label)
        for code, label in Respondentgroep.choices
        if any(code in c.groepen for c in resultaten.condities)
    ]
    rijen = [
        {
            "label": conditie.label,
            "cellen": [conditie.groepen.get(code) for code, _label in kolommen],
        }
        for conditie in resultaten.condities
    ]
    return {"kolommen": [label for _code, label in kolommen], "rijen": rijen}


# The room's screen and its control page poll every 3 s, often a projector and a laptop at once.
LIVE_MAX_AGE = 2


def resultaten_live_key(sessie: Sessie) -> str:
    """The cache key of the session's shared results (sessie_resultaten_live). What was revealed
    is in it: a reveal releases figures, so it shows at once."""
    onthuld = "-".join(sessie.onthuld)
    return f"condities:resultaten:v3:{sessie.pk}:{onthuld}:{get_language()}"


def sessie_resultaten_live(
    *, sessie: Sessie, max_age: int = LIVE_MAX_AGE, vers: bool = False
) -> Resultaten:
    """sessie_resultaten for the polls of the room's screen and its control page: shared
    between screens, at most `max_age` seconds old; with `vers`, computed afresh and shared.
    Never for closing, reports or exports.

    Without a cache it computes afresh.
    """
    # Shared without the session: (aangemeld, klaar, condities, verschillen).
    key = resultaten_live_key(sessie)
    gedeeld = None
    if not vers:
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
    return Resultaten(
        sessie=sessie,
        aangemeld=aangemeld,
        klaar=klaar,
        condities=condities,
        verschillen=verschillen,
    )
