"""Carers' feedback: storing it, the facilitators' inbox, notifications, retention, aggregates.

Services (writes) first, then selectors (reads). The public form stores a reaction before
anything else happens; notifying the facilitators is secondary and catches up through a sweep.
No IP address or browser detail is ever stored or logged with a reaction.
"""

import calendar
import datetime
import logging
import math
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Avg, Count, Prefetch, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from condities.models import (
    Conditie,
    MantelzorgFormulier,
    MantelzorgMelding,
    Reactie,
    ReactieConditie,
)
from experimenten.models import Experiment
from netwerk.models import Organisatie, User
from praktijken.models import Lidmaatschap, Praktijk, Rol

logger = logging.getLogger(__name__)

CONTACT_VELDEN = ("naam", "email", "telefoon")


# Services ----------------------------------------------------------------------------------


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


def reactie_create(
    *,
    praktijk: Praktijk,
    wat_gaat_goed: str = "",
    meer_van: str = "",
    kan_beter: str = "",
    keer_verteld: int | None = None,
    experiment: Experiment | None = None,
    relatie: str = "",
    contact_toestemming: bool = False,
    naam: str = "",
    email: str = "",
    telefoon: str = "",
) -> Reactie:
    """Store a carer's feedback in its own transaction; contact details only with consent.

    The caller queues the notification after the commit (`tasks.mantelzorg_notificeren_na_commit`).
    """
    if experiment is not None and experiment.praktijk_id != praktijk.pk:
        experiment = None
    contact = contact_toestemming and bool(naam or email or telefoon)
    with transaction.atomic():
        return Reactie.objects.create(
            praktijk=praktijk,
            wat_gaat_goed=wat_gaat_goed,
            meer_van=meer_van,
            kan_beter=kan_beter,
            keer_verteld=keer_verteld,
            experiment=experiment,
            relatie=relatie,
            contact_toestemming=contact,
            naam=naam if contact else "",
            email=email.strip().lower() if contact else "",
            telefoon=telefoon if contact else "",
            contact_bewaren_tot=contact_bewaren_tot() if contact else None,
        )


def reactie_openen(*, reactie: Reactie) -> Reactie:
    """A facilitator opened the feedback: new becomes read (handled stays handled)."""
    if reactie.status == Reactie.Status.NIEUW:
        Reactie.objects.filter(pk=reactie.pk, status=Reactie.Status.NIEUW).update(
            status=Reactie.Status.GELEZEN, updated_at=timezone.now()
        )
        reactie.status = Reactie.Status.GELEZEN
    return reactie


def reactie_update(
    *,
    reactie: Reactie,
    status: str,
    condities: list[str],
    experiment: Experiment | None,
    doorgegeven_aan: Organisatie | None,
    deelbaar: bool,
    gedeeld_met_leden: bool,
    interne_notitie: str,
) -> Reactie:
    """The facilitator's handling: status, tags, note, who took it up, and what is shared."""
    if experiment is not None and experiment.praktijk_id != reactie.praktijk_id:
        raise ValueError("experiment of another practice")
    with transaction.atomic():
        reactie.status = status
        reactie.experiment = experiment
        reactie.doorgegeven_aan = doorgegeven_aan
        reactie.deelbaar = deelbaar
        reactie.gedeeld_met_leden = gedeeld_met_leden
        reactie.interne_notitie = interne_notitie
        reactie.save(
            update_fields=[
                "status",
                "experiment",
                "doorgegeven_aan",
                "deelbaar",
                "gedeeld_met_leden",
                "interne_notitie",
                "updated_at",
            ]
        )
        gewenst = {code for code in condities if code in Conditie.values}
        ReactieConditie.objects.filter(reactie=reactie).exclude(conditie__in=gewenst).delete()
        ReactieConditie.objects.bulk_create(
            [ReactieConditie(reactie=reactie, conditie=code) for code in sorted(gewenst)],
            ignore_conflicts=True,
        )
    return reactie


def _contact_wissen(qs: QuerySet[Reactie], now: datetime.datetime) -> int:
    return qs.update(
        naam="",
        email="",
        telefoon="",
        contact_toestemming=False,
        contact_bewaren_tot=None,
        contact_verwijderd_op=now,
        updated_at=now,
    )


def reactie_contact_verwijderen(*, reactie: Reactie) -> Reactie:
    """Remove the carer's contact details on request; the feedback itself stays, anonymous."""
    now = timezone.now()
    _contact_wissen(Reactie.objects.filter(pk=reactie.pk), now)
    reactie.refresh_from_db()
    return reactie


def contact_verlopen_verwijderen(*, vandaag: datetime.date | None = None) -> int:
    """Remove contact details whose retention date has passed; returns how many reactions."""
    vandaag = vandaag or timezone.localdate()
    verlopen = Reactie.objects.filter(contact_bewaren_tot__lt=vandaag)
    return _contact_wissen(verlopen, timezone.now())


def formulier_save(*, praktijk: Praktijk, is_open: bool, intro: str) -> MantelzorgFormulier:
    """Switch the public form on or off and set its introduction."""
    formulier, _created = MantelzorgFormulier.objects.update_or_create(
        praktijk=praktijk, defaults={"is_open": is_open, "intro": intro}
    )
    return formulier


# Notifying the facilitators: one mail per facilitator per hour at most, never feedback lost.


def _facilitator_lidmaatschappen() -> QuerySet[Lidmaatschap]:
    return Lidmaatschap.objects.filter(rol=Rol.FACILITATOR, user__is_active=True).exclude(
        user__email=""
    )


def inbox_url(*, praktijk: Praktijk) -> str:
    return settings.SITE_URL + reverse("condities:mantelzorg_inbox", kwargs={"slug": praktijk.slug})


def _facilitator_mailen(*, user_id: int, now: datetime.datetime) -> bool:
    """Mail one facilitator about all feedback they were not told about yet, unless mailed
    within the interval. The row lock makes a second worker skip this person meanwhile.
    """
    MantelzorgMelding.objects.get_or_create(user_id=user_id)
    interval = datetime.timedelta(minutes=settings.MANTELZORG_MELDING_MINUTEN)
    with transaction.atomic():
        melding = (
            MantelzorgMelding.objects.select_for_update(skip_locked=True)
            .filter(user_id=user_id)
            .first()
        )
        if melding is None:
            return False
        if melding.gemaild_op and melding.gemaild_op > now - interval:
            return False
        reacties = list(
            Reactie.objects.filter(
                genotificeerd_op__isnull=True,
                praktijk__lidmaatschappen__user_id=user_id,
                praktijk__lidmaatschappen__rol=Rol.FACILITATOR,
            )
            .exclude(gemeld_aan=user_id)
            .select_related("praktijk")
            .order_by("praktijk__naam", "created_at", "pk")
        )
        if not reacties:
            return False
        per_praktijk: dict[int, dict] = {}
        for reactie in reacties:
            entry = per_praktijk.setdefault(
                reactie.praktijk_id,
                {
                    "praktijk": reactie.praktijk,
                    "aantal": 0,
                    "url": inbox_url(praktijk=reactie.praktijk),
                },
            )
            entry["aantal"] += 1
        user = User.objects.get(pk=user_id)
        with translation.override(settings.LANGUAGE_CODE):
            context = {
                "user": user,
                "praktijken": list(per_praktijk.values()),
                "totaal": len(reacties),
                "minuten": settings.MANTELZORG_MELDING_MINUTEN,
            }
            subject = render_to_string("condities/email/mantelzorg_melding_onderwerp.txt", context)
            body = render_to_string("condities/email/mantelzorg_melding.txt", context)
        send_mail(
            subject=" ".join(subject.split()),
            message=body,
            from_email=None,
            recipient_list=[user.email],
        )
        Reactie.gemeld_aan.through.objects.bulk_create(
            [Reactie.gemeld_aan.through(reactie_id=r.pk, user_id=user_id) for r in reacties],
            ignore_conflicts=True,
        )
        melding.gemaild_op = now
        melding.save(update_fields=["gemaild_op"])
    return True


def _genotificeerd_markeren(*, praktijk_ids: set[int], now: datetime.datetime) -> int:
    """Mark feedback notified once every current facilitator of its practice was mailed."""
    facilitators: dict[int, set[int]] = defaultdict(set)
    for praktijk_id, user_id in (
        _facilitator_lidmaatschappen()
        .filter(praktijk_id__in=praktijk_ids)
        .values_list("praktijk_id", "user_id")
    ):
        facilitators[praktijk_id].add(user_id)
    gemarkeerd = 0
    for praktijk_id, user_ids in facilitators.items():
        klaar = (
            Reactie.objects.filter(praktijk_id=praktijk_id, genotificeerd_op__isnull=True)
            .annotate(gemeld=Count("gemeld_aan", filter=Q(gemeld_aan__in=user_ids), distinct=True))
            .filter(gemeld=len(user_ids))
            .values_list("pk", flat=True)
        )
        gemarkeerd += Reactie.objects.filter(pk__in=list(klaar)).update(genotificeerd_op=now)
    return gemarkeerd


def notificaties_versturen(
    *, praktijk_id: int | None = None, now: datetime.datetime | None = None
) -> int:
    """Mail the facilitators about new feedback (of one practice, or all); returns how many mails.

    Safe to run twice or concurrently: who was told about what is stored per reaction, and a
    facilitator mailed within `MANTELZORG_MELDING_MINUTEN` waits for a later run (the sweep).
    """
    now = now or timezone.now()
    open_reacties = Reactie.objects.filter(genotificeerd_op__isnull=True)
    if praktijk_id is not None:
        open_reacties = open_reacties.filter(praktijk_id=praktijk_id)
    praktijk_ids = set(open_reacties.values_list("praktijk_id", flat=True).distinct())
    if not praktijk_ids:
        return 0
    user_ids = sorted(
        set(
            _facilitator_lidmaatschappen()
            .filter(praktijk_id__in=praktijk_ids)
            .values_list("user_id", flat=True)
        )
    )
    verstuurd = 0
    for user_id in user_ids:
        try:
            verstuurd += _facilitator_mailen(user_id=user_id, now=now)
        except OSError:
            # The mail server is away: this person is tried again by the next run.
            logger.warning(
                "mantelzorg: notification mail to user %s failed", user_id, exc_info=True
            )
    _genotificeerd_markeren(praktijk_ids=praktijk_ids, now=now)
    return verstuurd


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


def reactie_get(*, praktijk: Praktijk, pk: int) -> Reactie:
    """One reaction of this practice, or 404 (another practice's reaction too)."""
    return get_object_or_404(_met_tags(Reactie.objects.filter(praktijk=praktijk)), pk=pk)


def _maand_start(datum: datetime.date) -> datetime.date:
    return datum.replace(day=1)


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
    """The last `maanden` months, oldest first, empty months included (one query)."""
    vandaag = vandaag or timezone.localdate()
    eerste = plus_maanden(_maand_start(vandaag), -(maanden - 1))
    begin = timezone.make_aware(datetime.datetime.combine(eerste, datetime.time.min))
    rijen = (
        Reactie.objects.filter(praktijk=praktijk, created_at__gte=begin)
        .annotate(maand=TruncMonth("created_at"))
        .values("maand")
        .annotate(aantal=Count("pk"), gemiddeld=Avg("keer_verteld"), n=Count("keer_verteld"))
        .order_by("maand")
    )
    per_maand = {}
    for rij in rijen:
        maand = rij["maand"]
        if isinstance(maand, datetime.datetime):
            maand = timezone.localtime(maand).date() if timezone.is_aware(maand) else maand.date()
        per_maand[_maand_start(maand)] = rij
    resultaat = []
    for index in range(maanden):
        maand = plus_maanden(eerste, index)
        rij = per_maand.get(maand)
        resultaat.append(
            Maand(
                maand=maand,
                aantal=rij["aantal"] if rij else 0,
                verteld_gemiddeld=(
                    round(float(rij["gemiddeld"]), 1)
                    if rij and rij["gemiddeld"] is not None
                    else None
                ),
                verteld_antwoorden=rij["n"] if rij else 0,
            )
        )
    return resultaat


def _getal(value: float) -> str:
    # SVG coordinates with a decimal point, whatever the page's language formats numbers as.
    return f"{value:.1f}".removesuffix(".0")


def verteld_grafiek(*, maanden: list[Maand], hoogte: int = 120, balk: int = 24) -> dict:
    """Geometry of a small bar chart of the average “told my story N times” per month."""
    hoogste = max([m.verteld_gemiddeld or 0 for m in maanden] + [1.0])
    # Round the top of the scale up to a whole number, so the bars compare at a glance.
    schaal = float(math.ceil(hoogste))
    boven, onder = 16, 20
    staven = []
    for index, maand in enumerate(maanden):
        waarde = maand.verteld_gemiddeld
        h = 0.0 if waarde is None else hoogte * waarde / schaal
        x = index * (balk + 6) + 4
        staven.append(
            {
                "maand": maand.maand,
                "waarde": waarde,
                "x": _getal(x),
                "midden": _getal(x + balk / 2),
                "y": _getal(boven + hoogte - h),
                "hoogte": _getal(h),
                "tekst_y": _getal(boven + hoogte - h - 4),
            }
        )
    return {
        "breedte": _getal(len(maanden) * (balk + 6) + 8),
        "totale_hoogte": _getal(boven + hoogte + onder),
        "basis": _getal(boven + hoogte),
        "label_y": _getal(boven + hoogte + 14),
        "balk": _getal(balk),
        "staven": staven,
        "heeft_waarden": any(m.verteld_gemiddeld is not None for m in maanden),
    }


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
