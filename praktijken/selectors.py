"""Reads of the practice: its meetings, design questions and stories, each in a fixed number of
queries. Other apps' rows are reached through their reverse relations, never by importing them."""

import datetime

from django.db.models import Count, Prefetch, Q, QuerySet
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
    """The next meeting of the practice (or the one going on now), if one is planned."""
    return bijeenkomsten_komend(praktijk=praktijk, now=now).first()


def ontwerpvragen_for_praktijk(*, praktijk: Praktijk) -> QuerySet[Ontwerpvraag]:
    """The design questions in their order, each with `aantal_experimenten` (one query)."""
    return (
        Ontwerpvraag.objects.filter(praktijk=praktijk)
        .annotate(aantal_experimenten=Count("experimenten", distinct=True))
        .order_by("volgorde", "pk")
    )


def _experimenten_prefetch() -> Prefetch:
    # Through the reverse relation, so this app's code needs no import of `experimenten`.
    related = Ontwerpvraag._meta.get_field("experimenten").related_model
    return Prefetch("experimenten", queryset=related.objects.order_by("titel", "pk"))


def ontwerpvragen_met_experimenten(*, praktijk: Praktijk) -> QuerySet[Ontwerpvraag]:
    """The design questions, each with its experiments prefetched (two queries)."""
    return ontwerpvragen_for_praktijk(praktijk=praktijk).prefetch_related(_experimenten_prefetch())


def ontwerpvraag_get(*, praktijk: Praktijk, pk: int) -> Ontwerpvraag | None:
    """One design question of this practice with its experiments and stories, or None."""
    return (
        Ontwerpvraag.objects.filter(praktijk=praktijk, pk=pk)
        .prefetch_related(
            _experimenten_prefetch(),
            Prefetch("verhalen", queryset=Verhaal.objects.order_by("-created_at", "-pk")),
        )
        .first()
    )


def verhalen_for_praktijk(
    *, praktijk: Praktijk, ontwerpvraag: Ontwerpvraag | None = None
) -> QuerySet[Verhaal]:
    """The practice's stories, newest first, optionally those on one design question."""
    qs = Verhaal.objects.filter(praktijk=praktijk).select_related("ontwerpvraag", "created_by")
    if ontwerpvraag is not None:
        qs = qs.filter(ontwerpvraag=ontwerpvraag)
    return qs.order_by("-created_at", "-pk")


def verhaal_get(*, praktijk: Praktijk, pk: int) -> Verhaal | None:
    """One story of this practice with its design question and the experiments it inspired."""
    return (
        verhalen_for_praktijk(praktijk=praktijk)
        .filter(pk=pk)
        .prefetch_related("experimenten")
        .first()
    )
