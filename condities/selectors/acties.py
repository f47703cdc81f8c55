"""Reads about a practice's actions: the list, the dashboard's open and done ones, an owner's own,
the ones on a meeting's agenda, and who may own one."""

import datetime

from django.db.models import QuerySet
from django.utils import timezone

from condities.models import Actie
from netwerk.models import Persoon
from netwerk.selectors import organisaties_for_praktijk
from praktijken.agenda import AgendaPunt
from praktijken.models import Bijeenkomst, Praktijk

GEDAAN_VIERING_DAGEN = 30
_OPEN = [Actie.Status.OPEN, Actie.Status.BEZIG]


def _met_alles(acties: QuerySet[Actie]) -> QuerySet[Actie]:
    """What a row of actions shows, in the same query: the owner, session and meeting titles."""
    return acties.select_related("eigenaar", "sessie", "bijeenkomst")


def eigenaren_for_praktijk(*, praktijk: Praktijk) -> QuerySet[Persoon]:
    """The people who can own an action: people at an organisation taking part in the practice."""
    return (
        Persoon.objects.filter(organisatie__in=organisaties_for_praktijk(praktijk=praktijk))
        .select_related("organisatie")
        .order_by("naam", "pk")
    )


def actie_get_for_praktijk(*, praktijk: Praktijk, pk: int) -> Actie | None:
    """The practice's action with this id, with its owner; else None."""
    actie = Actie.objects.filter(pk=pk, praktijk=praktijk).select_related("eigenaar").first()
    if actie is not None:
        actie.praktijk = praktijk  # the same row: no second query for it
    return actie


def acties_list(*, praktijk: Praktijk, status: str | None = None) -> list[Actie]:
    """The practice's next steps (of one status, when given): open and busy first by due date,
    then done, newest done first (1 query)."""
    acties = Actie.objects.filter(praktijk=praktijk, soort=Actie.Soort.STAP)
    if status:
        acties = acties.filter(status=status)
    rows = list(_met_alles(acties))
    verre_toekomst = datetime.date.max
    return sorted(
        rows,
        key=lambda a: (
            a.is_gedaan,
            (a.wanneer or verre_toekomst) if not a.is_gedaan else datetime.date.min,
            -(a.gedaan_op.timestamp() if a.gedaan_op else 0),
            a.pk,
        ),
    )


def acties_open_for_praktijk(*, praktijk: Praktijk, limit: int | None = None) -> list[Actie]:
    """The agreed next steps that are open or busy, newest first, each once (1 query)."""
    acties = _met_alles(
        Actie.objects.filter(praktijk=praktijk, soort=Actie.Soort.STAP, status__in=_OPEN)
    ).order_by("-created_at", "-pk")
    return list(acties[:limit] if limit else acties)


def acties_gedaan_recent(
    *, praktijk: Praktijk, limit: int | None = None, now: datetime.datetime | None = None
) -> list[Actie]:
    """The next steps done in the last `GEDAAN_VIERING_DAGEN` days, latest first (1 query)."""
    grens = (now or timezone.now()) - datetime.timedelta(days=GEDAAN_VIERING_DAGEN)
    acties = _met_alles(
        Actie.objects.filter(
            praktijk=praktijk,
            soort=Actie.Soort.STAP,
            status=Actie.Status.GEDAAN,
            gedaan_op__gte=grens,
        )
    ).order_by("-gedaan_op", "-pk")
    return list(acties[:limit] if limit else acties)


def acties_for_agenda(bijeenkomst: Bijeenkomst) -> AgendaPunt:
    """The practice's open and busy next steps, for under the next meeting's agenda (1 query)."""
    return AgendaPunt(
        template="condities/_agenda_acties.html",
        context={"acties": acties_open_for_praktijk(praktijk=bijeenkomst.praktijk)},
    )


def acties_for_persoon(*, praktijk: Praktijk, persoon: Persoon) -> list[Actie]:
    """The person's own next steps in the practice: open and busy first by due date (1 query)."""
    acties = _met_alles(
        Actie.objects.filter(praktijk=praktijk, soort=Actie.Soort.STAP, eigenaar=persoon)
    )
    return sorted(
        acties,
        key=lambda a: (a.is_gedaan, a.wanneer or datetime.date.max, a.pk),
    )
