"""Carers' feedback, the reads: the form's practice and settings, the inbox, aggregates, exports.

The writes are in `mantelzorg.services`.
"""

import calendar
import datetime
import math
from dataclasses import dataclass
from typing import TypedDict

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.shortcuts import get_object_or_404
from django.utils import timezone

from condities.disclosure import perioden_vrijgeven
from config.ratelimit import Client, client_limited
from experimenten.models import Experiment
from mantelzorg.models import MantelzorgFormulier, Reactie, ReactieConditie
from netwerk.models import Organisatie
from netwerk.selectors import contactpersoon_for_organisatie
from praktijken.models import Praktijk

CONTACT_VELDEN = ("naam", "email", "telefoon")


def plus_maanden(datum: datetime.date, maanden: int) -> datetime.date:
    """The same day `maanden` months later, or the month's last day when it is shorter."""
    jaar, maand = divmod(datum.month - 1 + maanden, 12)
    jaar, maand = datum.year + jaar, maand + 1
    return datum.replace(
        year=jaar, month=maand, day=min(datum.day, calendar.monthrange(jaar, maand)[1])
    )


def contact_bewaren_tot(*, vandaag: datetime.date | None = None) -> datetime.date:
    """Until when contact details left today are kept (the stated retention period)."""
    vandaag = vandaag or timezone.localdate()
    return plus_maanden(vandaag, settings.MANTELZORG_CONTACT_BEWAREN_MAANDEN)


# Selectors ---------------------------------------------------------------------------------


def praktijk_for_formulier(*, slug: str) -> Praktijk:
    """The practice of a public form address (404 when unknown), with its form settings."""
    return get_object_or_404(Praktijk.objects.select_related("mantelzorgformulier"), slug=slug)


def formulier_for_praktijk(*, praktijk: Praktijk) -> MantelzorgFormulier:
    """The practice's form settings, or the defaults (open, standard text) when never saved."""
    try:
        return praktijk.mantelzorgformulier
    except MantelzorgFormulier.DoesNotExist:
        return MantelzorgFormulier(praktijk=praktijk)


def experimenten_for_formulier(*, praktijk: Praktijk) -> QuerySet[Experiment]:
    """The experiments a carer may choose: running or finished ones, not ideas or stopped ones."""
    return Experiment.objects.filter(
        praktijk=praktijk, status__in=[Experiment.Status.LOOPT, Experiment.Status.AFGEROND]
    ).order_by("titel")


def _met_tags(qs: QuerySet[Reactie]) -> QuerySet[Reactie]:
    return qs.select_related("experiment", "doorgegeven_aan").prefetch_related(
        Prefetch("conditie_tags", queryset=ReactieConditie.objects.order_by("conditie"))
    )


def reacties_for_inbox(
    *,
    praktijk: Praktijk,
    status: str = "",
    conditie: str = "",
    experiment: Experiment | None = None,
) -> QuerySet[Reactie]:
    """The practice's feedback, newest first, filtered; with experiment, organisation and tags."""
    qs = Reactie.objects.filter(praktijk=praktijk)
    if status:
        qs = qs.filter(status=status)
    if conditie:
        qs = qs.filter(conditie_tags__conditie=conditie)
    if experiment is not None:
        qs = qs.filter(experiment=experiment)
    return _met_tags(qs).order_by("-created_at", "-pk")


def reactie_get(*, praktijk: Praktijk, pk: int) -> Reactie | None:
    """One reaction of this practice with its tags, or None (another practice's reaction too)."""
    return (
        _met_tags(Reactie.objects.filter(praktijk=praktijk, pk=pk))
        .select_related("doorgegeven_persoon")
        .first()
    )


def post_scope(*, praktijk: Praktijk) -> str:
    """The rate-limit scope of a practice's public form."""
    return f"mantelzorg:{praktijk.pk}"


def post_allowed(*, praktijk: Praktijk, afzender: Client) -> bool:
    """Whether this browser (its CSRF cookie) and its address may still post the practice's form
    in this window. Carers in one café or library share an address, not a browser: each browser
    has the small limit, the address a much larger one; a post without a browser cookie gets the
    small limit on its address."""
    return not client_limited(
        scope=post_scope(praktijk=praktijk),
        client=afzender,
        per_browser=settings.MANTELZORG_LIMIET,
        per_address=(
            settings.MANTELZORG_LIMIET_ADRES if afzender.browser else settings.MANTELZORG_LIMIET
        ),
    )


def _maand_start(datum: datetime.date) -> datetime.date:
    return datum.replace(day=1)


class Staaf(TypedDict):
    """One bar of the told-my-story chart; coordinates as SVG text."""

    maand: datetime.date
    waarde: float | None
    x: str
    midden: str
    y: str
    hoogte: str
    tekst_y: str


class VerteldGrafiek(TypedDict):
    """The told-my-story chart: its size, its bars, and whether any month has a value."""

    breedte: str
    totale_hoogte: str
    basis: str
    label_y: str
    balk: str
    staven: list[Staaf]
    heeft_waarden: bool


@dataclass(frozen=True)
class Maand:
    """One month of feedback: how many reactions, and the average “told my story N times”."""

    maand: datetime.date
    aantal: int
    verteld_gemiddeld: float | None
    verteld_antwoorden: int


def reacties_per_maand(
    *, praktijk: Praktijk, maanden: int = 12, vandaag: datetime.date | None = None
) -> list[Maand]:
    """The last `maanden` months, oldest first, empty months included (one query).

    The number of reactions is a count of forms; the average "told my story N times" is a
    figure about answers, released through the disclosure rules
    (condities.disclosure.perioden_vrijgeven): only for a month that is over, with at least k
    answers. One carer's own answer never shows as a month's average."""
    vandaag = vandaag or timezone.localdate()
    lopend = _maand_start(vandaag)
    eerste = plus_maanden(lopend, -(maanden - 1))
    begin = timezone.make_aware(datetime.datetime.combine(eerste, datetime.time.min))
    rijen = (
        Reactie.objects.filter(praktijk=praktijk, created_at__gte=begin)
        .annotate(maand=TruncMonth("created_at"))
        .values("maand")
        .annotate(aantal=Count("pk"), som=Sum("keer_verteld"), n=Count("keer_verteld"))
        .order_by("maand")
    )
    per_maand = {}
    for telling in rijen:
        maand = telling["maand"]
        if isinstance(maand, datetime.datetime):
            maand = timezone.localtime(maand).date() if timezone.is_aware(maand) else maand.date()
        per_maand[_maand_start(maand)] = telling
    vrij = perioden_vrijgeven(
        {
            maand: (rij["n"], float(rij["som"] or 0))
            for maand, rij in per_maand.items()
            if maand != lopend  # a month that is not over moves with each new form
        }
    )
    resultaat = []
    for index in range(maanden):
        maand = plus_maanden(eerste, index)
        rij = per_maand.get(maand)
        cijfer = vrij.get(maand)
        resultaat.append(
            Maand(
                maand=maand,
                aantal=rij["aantal"] if rij else 0,
                verteld_gemiddeld=cijfer.gemiddelde if cijfer else None,
                verteld_antwoorden=cijfer.respondenten if cijfer else 0,
            )
        )
    return resultaat


def _getal(value: float) -> str:
    # SVG coordinates with a decimal point, whatever the page's language formats numbers as.
    return f"{value:.1f}".removesuffix(".0")


def verteld_grafiek(*, maanden: list[Maand], hoogte: int = 120, balk: int = 24) -> VerteldGrafiek:
    """Geometry of a small bar chart of the average “told my story N times” per month."""
    hoogste = max([m.verteld_gemiddeld or 0 for m in maanden] + [1.0])
    # Round the top of the scale up to a whole number, so the bars compare at a glance.
    schaal = float(math.ceil(hoogste))
    boven, onder = 16, 20
    staven: list[Staaf] = []
    for index, maand in enumerate(maanden):
        waarde = maand.verteld_gemiddeld
        h = 0.0 if waarde is None else hoogte * waarde / schaal
        x = index * (balk + 6) + 4
        staven.append(
            Staaf(
                maand=maand.maand,
                waarde=waarde,
                x=_getal(x),
                midden=_getal(x + balk / 2),
                y=_getal(boven + hoogte - h),
                hoogte=_getal(h),
                tekst_y=_getal(boven + hoogte - h - 4),
            )
        )
    return VerteldGrafiek(
        breedte=_getal(len(maanden) * (balk + 6) + 8),
        totale_hoogte=_getal(boven + hoogte + onder),
        basis=_getal(boven + hoogte),
        label_y=_getal(boven + hoogte + 14),
        balk=_getal(balk),
        staven=staven,
        heeft_waarden=any(m.verteld_gemiddeld is not None for m in maanden),
    )


def deelbare_citaten(*, praktijk: Praktijk, limit: int = 3) -> list[Reactie]:
    """The latest appreciative quotes the facilitator marked as shareable (one query)."""
    return list(
        Reactie.objects.filter(praktijk=praktijk, deelbaar=True)
        .exclude(wat_gaat_goed="", meer_van="")
        .only("pk", "praktijk_id", "wat_gaat_goed", "meer_van", "created_at")
        .order_by("-created_at", "-pk")[:limit]
    )


def gedeelde_reacties(*, praktijk: Praktijk, limit: int = 50) -> list[Reactie]:
    """The latest reactions the facilitator shared with the members, without contact details."""
    return list(
        _met_tags(Reactie.objects.filter(praktijk=praktijk, gedeeld_met_leden=True))
        .defer(*CONTACT_VELDEN, "interne_notitie")
        .order_by("-created_at", "-pk")[:limit]
    )


def reacties_for_export(*, praktijk: Praktijk) -> QuerySet[Reactie]:
    """Every reaction of the practice for the report, oldest first; contact details left out."""
    return (
        _met_tags(Reactie.objects.filter(praktijk=praktijk))
        .defer(*CONTACT_VELDEN, "interne_notitie")
        .order_by("created_at", "pk")
    )


@dataclass(frozen=True)
class DoorgevenStatus:
    """What the inbox says about passing a reaction on: sent (to whom, when), due, or stuck."""

    verstuurd: bool
    persoon_naam: str
    organisatie_naam: str
    op: datetime.datetime | None
    geen_contactpersoon: bool


def doorgeven_status(*, reactie: Reactie) -> DoorgevenStatus | None:
    """The passing-on state of a reaction, or None when it was never passed on."""
    if reactie.doorgegeven_aan_id is None:
        return None
    organisatie = reactie.doorgegeven_aan
    assert organisatie is not None
    if not reactie.doorgeven_open:
        persoon = reactie.doorgegeven_persoon
        return DoorgevenStatus(
            verstuurd=True,
            persoon_naam=persoon.naam if persoon else "",
            organisatie_naam=organisatie.naam,
            op=reactie.doorgegeven_op,
            geen_contactpersoon=False,
        )
    return DoorgevenStatus(
        verstuurd=False,
        persoon_naam="",
        organisatie_naam=organisatie.naam,
        op=None,
        geen_contactpersoon=contactpersoon_for_organisatie(organisatie=organisatie) is None,
    )


def reacties_for_experiment(*, experiment: Experiment, limit: int = 50) -> list[Reactie]:
    """The latest feedback tagged with an experiment: the texts only, never who (one query).

    For those who may read the inbox; the caller checks that."""
    return list(
        Reactie.objects.filter(praktijk_id=experiment.praktijk_id, experiment=experiment)
        .only(
            "pk",
            "praktijk_id",
            "experiment_id",
            "wat_gaat_goed",
            "meer_van",
            "kan_beter",
            "keer_verteld",
            "created_at",
        )
        .order_by("-created_at", "-pk")[:limit]
    )


def reacties_doorgegeven_aan(
    *, praktijk: Praktijk, organisatie: Organisatie, alleen_gedeeld: bool, limit: int = 50
) -> list[Reactie]:
    """The latest feedback passed on to an organisation: the texts and what was done, never who
    (one query). `alleen_gedeeld`: only what the facilitator shared with the members, for those
    who may not read the inbox."""
    qs = Reactie.objects.filter(praktijk=praktijk, doorgegeven_aan=organisatie)
    if alleen_gedeeld:
        qs = qs.filter(gedeeld_met_leden=True)
    return list(
        qs.only(
            "pk",
            "praktijk_id",
            "wat_gaat_goed",
            "meer_van",
            "kan_beter",
            "status",
            "doorgegeven_op",
            "beantwoord_op",
            "created_at",
        ).order_by("-created_at", "-pk")[:limit]
    )


class DoorgegevenTelling(TypedDict):
    """How much feedback was passed on to organisations, and how much of it was handled."""

    doorgegeven: int
    afgehandeld: int


def doorgegeven_telling(*, praktijk: Praktijk, alleen_gedeeld: bool) -> DoorgegevenTelling:
    """Feedback passed on to an organisation and how much of it is handled (one query)."""
    qs = Reactie.objects.filter(praktijk=praktijk, doorgegeven_aan__isnull=False)
    if alleen_gedeeld:
        qs = qs.filter(gedeeld_met_leden=True)
    telling = qs.aggregate(
        doorgegeven=Count("pk"),
        afgehandeld=Count("pk", filter=Q(status=Reactie.Status.AFGEHANDELD)),
    )
    return DoorgegevenTelling(
        doorgegeven=telling["doorgegeven"], afgehandeld=telling["afgehandeld"]
    )
