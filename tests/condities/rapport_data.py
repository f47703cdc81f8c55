"""Sessions with answers for the report, export and dashboard tests, made through the services."""

import datetime

from condities import services
from condities.models import Actie, Conditie, Sessie, Stelling
from tests.factories import ActieFactory, DeelnameFactory, OrganisatieFactory


def deelnemers(sessie: Sessie, n: int, *, groep: str = "ontwerpgroep", naam: str | None = None):
    """n participants of one (new) organisation in the given group of the session's practice."""
    organisatie = OrganisatieFactory(**({"naam": naam} if naam else {}))
    DeelnameFactory(praktijk=sessie.praktijk, organisatie=organisatie, groep=groep)
    return [
        services.deelnemer_join(
            sessie=sessie, naam=f"Persoon {organisatie.pk}-{i}", organisatie=organisatie
        )
        for i in range(n)
    ]


def eerste_stellingen(sessie: Sessie) -> dict[str, Stelling]:
    """The first statement of each condition of the session."""
    uit: dict[str, Stelling] = {}
    for stelling in Stelling.objects.filter(set=sessie.stellingenset).order_by("volgorde", "pk"):
        uit.setdefault(stelling.conditie, stelling)
    return uit


def gesloten_sessie(
    praktijk,
    by,
    *,
    datum: datetime.date,
    score: int = 4,
    n: int = 3,
    soort: str = Sessie.Soort.WERKVORM,
    titel: str = "",
) -> Sessie:
    """A closed session in which n participants rated the first statement of each condition."""
    sessie = services.sessie_create(
        praktijk=praktijk,
        titel=titel or f"Sessie {datum.isoformat()}",
        datum=datum,
        modus="online",
        condities=Conditie.values,
        by=by,
        soort=soort,
    )
    services.sessie_open(sessie=sessie, by=by)
    stellingen = eerste_stellingen(sessie)
    for deelnemer in deelnemers(sessie, n):
        for stelling in stellingen.values():
            services.antwoord_save(deelnemer=deelnemer, stelling=stelling, score=score)
    return services.sessie_close(sessie=sessie, by=by)


def actie(
    sessie: Sessie, tekst: str, *, soort: str = Actie.Soort.STAP, conditie: str = "relatie", **extra
):
    return ActieFactory(sessie=sessie, conditie=conditie, soort=soort, tekst=tekst, **extra)
