"""Carers' feedback, the writes: storing it, the facilitators' handling, notifications, retention.

The public form stores a reaction before anything else happens; notifying the facilitators is
secondary and catches up through a sweep. No IP address or browser detail is ever stored or logged
with a reaction. The reads are in `mantelzorg.selectors`.
"""

import datetime
import logging
from collections import defaultdict

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.db.models import Count, Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from condities.models import Conditie
from config.mail import Bericht, header_line, mail_once, mail_once_forget
from config.ratelimit import Client, client_hit
from experimenten.models import Experiment
from mantelzorg.models import MantelzorgFormulier, MantelzorgMelding, Reactie, ReactieConditie
from mantelzorg.selectors import contact_bewaren_tot, post_scope
from netwerk.models import Organisatie, User
from netwerk.selectors import contactpersoon_for_organisatie
from praktijken.audit import gebeurtenis_record
from praktijken.models import Lidmaatschap, Praktijk, Rol

logger = logging.getLogger(__name__)


def post_count(*, praktijk: Praktijk, afzender: Client) -> None:
    """Count one post of the public form for its address and its browser (per practice)."""
    client_hit(
        scope=post_scope(praktijk=praktijk),
        client=afzender,
        window=settings.MANTELZORG_LIMIET_VENSTER,
    )


def reactie_submit(*, praktijk: Praktijk, afzender: Client, data: dict) -> Reactie:
    """A carer sends the public form: store it, count the post, notify after the commit.

    The feedback is stored whatever happens next; a broker outage only delays the notification
    (the sweep sends it).
    """
    # Imported here: the tasks module imports this one.
    from mantelzorg.tasks import notifications_send_after_commit

    reactie = reactie_create(praktijk=praktijk, **data)
    post_count(praktijk=praktijk, afzender=afzender)
    notifications_send_after_commit(praktijk_id=reactie.praktijk_id)
    return reactie


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

    The caller queues the notification after the commit (`tasks.notifications_send_after_commit`).
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


def reactie_mark_read(*, reactie: Reactie) -> Reactie:
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
    by: User,
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
    # Imported here: the tasks module imports this one.
    from mantelzorg.tasks import doorgeven_send_after_commit

    andere_organisatie = (doorgegeven_aan.pk if doorgegeven_aan else None) != (
        reactie.doorgegeven_aan_id
    )
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
        gebeurtenis_record(
            praktijk=reactie.praktijk, by=by, actie="reactie.update", obj=reactie, omschrijving=""
        )
        if andere_organisatie:
            # A mail to the previous organisation still being sent is not the one due now.
            mail_once_forget(soort=DOORGEVEN_SOORT, sleutel=reactie.pk)
        if reactie.doorgeven_open:
            doorgeven_send_after_commit(reactie_id=reactie.pk)
    return reactie


# Passing feedback on: the organisation's contact person gets the texts, never who wrote them.

DOORGEVEN_SOORT = "mantelzorg_doorgeven"
ANTWOORD_SOORT = "mantelzorg_antwoord"


def doorgeven_send(*, reactie_id: int, now: datetime.datetime | None = None) -> bool:
    """Mail the feedback's texts to the contact person of the organisation it was passed on
    to, once per organisation; returns whether a mail went out.

    Only the three texts and the "told my story" figure go out: never the carer's name, email or
    phone. Safe to run twice: the organisation mailed is stored on the reaction (`sent`), and
    without a contact person nothing is sent (the inbox says so).
    """
    now = now or timezone.now()

    def prepare() -> Bericht | None:
        reactie = (
            Reactie.objects.select_for_update(of=("self",))
            .select_related("praktijk", "doorgegeven_aan")
            .filter(pk=reactie_id)
            .first()
        )
        if reactie is None or not reactie.doorgeven_open:
            return None
        organisatie = reactie.doorgegeven_aan
        assert organisatie is not None
        persoon = contactpersoon_for_organisatie(organisatie=organisatie)
        if persoon is None:
            return None
        with translation.override(settings.LANGUAGE_CODE):
            context = {"reactie": reactie, "persoon": persoon, "organisatie": organisatie}
            subject = render_to_string("mantelzorg/email/doorgeven_onderwerp.txt", context)
            body = render_to_string("mantelzorg/email/doorgeven.txt", context)

        def sent() -> None:
            Reactie.objects.filter(pk=reactie.pk, doorgegeven_aan=organisatie).update(
                doorgegeven_naar=organisatie, doorgegeven_persoon=persoon, doorgegeven_op=now
            )
            gebeurtenis_record(
                praktijk=reactie.praktijk,
                by=None,
                actie="reactie.doorgegeven",
                obj=reactie,
                omschrijving=organisatie.naam,
            )

        return Bericht(
            message=EmailMessage(subject=header_line(subject), body=body, to=[persoon.email]),
            sent=sent,
        )

    return mail_once(soort=DOORGEVEN_SOORT, sleutel=reactie_id, prepare=prepare)


def doorgeven_sweep() -> int:
    """Pass on what a broker or mail server outage left unsent; returns how many mails."""
    open_ids = (
        Reactie.objects.filter(doorgegeven_aan__isnull=False)
        .exclude(doorgegeven_naar=models.F("doorgegeven_aan"))
        .values_list("pk", flat=True)
    )
    verstuurd = 0
    for reactie_id in list(open_ids):
        try:
            verstuurd += doorgeven_send(reactie_id=reactie_id)
        except OSError:
            logger.warning("mantelzorg: passing on %s failed", reactie_id, exc_info=True)
    return verstuurd


class AntwoordNietMogelijk(Exception):
    """The carer cannot be replied to: no consent, no email address (any more), or replied."""


def reactie_reply(*, reactie: Reactie, by: User, tekst: str) -> None:
    """Send the facilitator's reply to the carer, once; Reply-To is the facilitator.

    Refused (AntwoordNietMogelijk) without consent and an email address, e.g. after the contact
    details were removed at their term. Only the fact is logged, never the reply's text.
    """

    def prepare() -> Bericht | None:
        actueel = (
            Reactie.objects.select_for_update(of=("self",))
            .select_related("praktijk")
            .filter(pk=reactie.pk)
            .first()
        )
        if actueel is None or not (actueel.contact_toestemming and actueel.email):
            raise AntwoordNietMogelijk
        if actueel.beantwoord_op is not None:
            raise AntwoordNietMogelijk
        with translation.override(settings.LANGUAGE_CODE):
            context = {"reactie": actueel, "praktijk": actueel.praktijk, "tekst": tekst}
            subject = render_to_string("mantelzorg/email/antwoord_onderwerp.txt", context)
            body = render_to_string("mantelzorg/email/antwoord.txt", context)

        def sent() -> None:
            Reactie.objects.filter(pk=actueel.pk).update(
                beantwoord_op=timezone.now(), updated_at=timezone.now()
            )
            gebeurtenis_record(
                praktijk=actueel.praktijk,
                by=by,
                actie="reactie.beantwoord",
                obj=actueel,
                omschrijving="",
            )

        return Bericht(
            message=EmailMessage(
                subject=header_line(subject),
                body=body,
                to=[actueel.email],
                reply_to=[by.email] if by.email else None,
            ),
            sent=sent,
        )

    if not mail_once(soort=ANTWOORD_SOORT, sleutel=reactie.pk, prepare=prepare):
        # Another request is sending a reply to this carer right now.
        raise AntwoordNietMogelijk
    reactie.refresh_from_db()


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


def reactie_contact_delete(*, reactie: Reactie, by: User) -> Reactie:
    """Remove the carer's contact details on request; the feedback itself stays, anonymous."""
    now = timezone.now()
    with transaction.atomic():
        _contact_wissen(Reactie.objects.filter(pk=reactie.pk), now)
        gebeurtenis_record(
            praktijk=reactie.praktijk,
            by=by,
            actie="reactie.contact_delete",
            obj=reactie,
            omschrijving="",
        )
    reactie.refresh_from_db()
    return reactie


def contact_expired_delete(*, vandaag: datetime.date | None = None) -> int:
    """Remove contact details whose retention date has passed; returns how many reactions."""
    vandaag = vandaag or timezone.localdate()
    verlopen = Reactie.objects.filter(contact_bewaren_tot__lt=vandaag)
    return _contact_wissen(verlopen, timezone.now())


def formulier_save(
    *, praktijk: Praktijk, by: User, is_open: bool, intro: str
) -> MantelzorgFormulier:
    """Switch the public form on or off and set its introduction."""
    with transaction.atomic():
        formulier, _created = MantelzorgFormulier.objects.update_or_create(
            praktijk=praktijk, defaults={"is_open": is_open, "intro": intro}
        )
        gebeurtenis_record(
            praktijk=praktijk, by=by, actie="mantelzorgformulier.save", obj=formulier
        )
    return formulier


# Notifying the facilitators: one mail per facilitator per hour at most, never feedback lost.


def _facilitator_lidmaatschappen() -> QuerySet[Lidmaatschap]:
    return Lidmaatschap.objects.filter(rol=Rol.FACILITATOR, user__is_active=True).exclude(
        user__email=""
    )


def inbox_url(*, praktijk: Praktijk) -> str:
    return settings.SITE_URL + reverse("mantelzorg:inbox", kwargs={"slug": praktijk.slug})


def _facilitator_mailen(*, user_id: int, now: datetime.datetime) -> bool:
    """Mail one facilitator about all feedback they were not told about yet, unless mailed
    within the interval (config.mail.mail_once). The row lock makes a second worker skip this
    person meanwhile.
    """
    MantelzorgMelding.objects.get_or_create(user_id=user_id)
    interval = datetime.timedelta(minutes=settings.MANTELZORG_MELDING_MINUTEN)

    def prepare() -> Bericht | None:
        melding = (
            MantelzorgMelding.objects.select_for_update(skip_locked=True)
            .filter(user_id=user_id)
            .first()
        )
        if melding is None:
            return None
        if melding.gemaild_op and melding.gemaild_op > now - interval:
            return None
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
            return None
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
            subject = render_to_string("mantelzorg/email/melding_onderwerp.txt", context)
            body = render_to_string("mantelzorg/email/melding.txt", context)

        def sent() -> None:
            Reactie.gemeld_aan.through.objects.bulk_create(
                [Reactie.gemeld_aan.through(reactie_id=r.pk, user_id=user_id) for r in reacties],
                ignore_conflicts=True,
            )
            MantelzorgMelding.objects.filter(pk=melding.pk).update(gemaild_op=now)

        return Bericht(
            message=EmailMessage(subject=header_line(subject), body=body, to=[user.email]),
            sent=sent,
        )

    return mail_once(soort="mantelzorg_melding", sleutel=user_id, prepare=prepare)


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


def notifications_send(
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
