"""Reads of the practice: its meetings, design questions and stories, each in a fixed number of
queries. What other apps hang on them (experiments) is read by those apps' selectors."""

import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from praktijken.models import Bijeenkomst, Ontwerpvraag, Praktijk, Verhaal


def _nog_niet_voorbij(now: datetime.datetime) -> Q:
    # A meeting that is still going on counts as upcoming: people look it up while they travel.
    return Q(eindigt_op__gte=now) | Q(eindigt_op__isnull=True, begint_op__gte=now)


def bijeenkomsten_for_praktijk(*, praktijk: Praktijk) -> QuerySet[Bijeenkomst]:
    """Every meeting of the practice, earliest first."""
    return Bijeenkomst.objects.filter(praktijk=praktijk).order_by("begint_op", "pk")


def bijeenkomsten_komend(
    *, praktijk: Praktijk, now: datetime.datetime | None = None
) -> QuerySet[Bijeenkomst]:
    """The meetings that have not ended yet, the next one first."""
    now = now or timezone.now()
    return bijeenkomsten_for_praktijk(praktijk=praktijk).filter(_nog_niet_voorbij(now))


def bijeenkomsten_geweest(
    *, praktijk: Praktijk, now: datetime.datetime | None = None
) -> QuerySet[Bijeenkomst]:
    """The meetings that are over, the most recent first."""
    now = now or timezone.now()
    return (
        bijeenkomsten_for_praktijk(praktijk=praktijk)
        .exclude(_nog_niet_voorbij(now))
        .order_by("-begint_op", "-pk")
    )


def volgende_bijeenkomst(
    *, praktijk: Praktijk, now: datetime.datetime | None = None
) -> Bijeenkomst | None:
    """The next meeting of the practice (or the one going on now), if one is planned and not
    called off."""
    return bijeenkomsten_komend(praktijk=praktijk, now=now).filter(afgezegd_op__isnull=True).first()


def ontwerpvragen_for_praktijk(*, praktijk: Praktijk) -> QuerySet[Ontwerpvraag]:
    """The design questions in their order."""
    return Ontwerpvraag.objects.filter(praktijk=praktijk).order_by("volgorde", "pk")


def verhalen_for_praktijk(
    *, praktijk: Praktijk, ontwerpvraag: Ontwerpvraag | None = None
) -> QuerySet[Verhaal]:
    """The practice's stories, newest first, optionally those on one design question."""
    qs = Verhaal.objects.filter(praktijk=praktijk).select_related("ontwerpvraag", "created_by")
    if ontwerpvraag is not None:
        qs = qs.filter(ontwerpvraag=ontwerpvraag)
    return qs.order_by("-created_at", "-pk")
