"""Check-ins between sessions: personal links by email, reminders, and closing at the deadline."""

import datetime
import math
import secrets
from collections.abc import Sequence

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from condities.models import Antwoord, Deelnemer, Sessie, Stelling
from condities.selectors.deelname import respondentgroep_for
from condities.selectors.sessies import stellingen_for_sessie
from condities.services.afsluiten import sessie_close
from condities.services.sessies import SessieGesloten, sessie_code_assign, sessie_insert
from config.http import AccountUser
from config.mail import Bericht, header_line, mail_once
from config.queue import each_isolated, queue_after_commit
from netwerk.models import Persoon, User
from praktijken.audit import gebeurtenis_record
from praktijken.models import Praktijk

# Reading and rating one statement takes about this long; it tells invitees what to expect.
CHECKIN_SECONDEN_PER_STELLING = 20


@transaction.atomic
def checkin_create(
    *,
    praktijk: Praktijk,
    by: AccountUser,
    titel: str,
    datum: datetime.date,
    condities: list[str],
    stellingen: list[Stelling],
    herinnering_na_dagen: int,
    ontvangers: Sequence[User] = (),
    personen: Sequence[Persoon] = (),
    herinneringen_aantal: int = 1,
    sluit_op: datetime.datetime | None = None,
) -> Sessie:
    """Create and open a check-in with a personal place (and secret link) for each recipient,
    and queue the mail with the links after the commit. Records one "checkin.create" (its
    creating and opening are one step; the recipients are not named in the event).

    Recipients are members' accounts (`ontvangers`) and persons of the social map
    (`personen`, no account needed: the link is enough). A person linked to an account that
    is also among `ontvangers` is one recipient, not two; a person without an e-mail address
    cannot get the link and is left out.
    """
    # Imported here: the task module imports this one.
    from condities.tasks import checkin_invitations_send_task

    sessie = sessie_insert(
        praktijk=praktijk,
        titel=titel,
        datum=datum,
        modus=Sessie.Modus.ONLINE,
        condities=condities,
        by=by,
        soort=Sessie.Soort.CHECKIN,
        stellingen=stellingen,
        herinnering_na_dagen=herinnering_na_dagen,
    )
    sessie.herinneringen_aantal = herinneringen_aantal
    sessie.sluit_op = sluit_op
    sessie.save(update_fields=["herinneringen_aantal", "sluit_op"])
    sessie_code_assign(sessie=sessie)
    user_ids = {u.pk for u in ontvangers}
    # The person of each account (for its organisation), and each chosen person.
    gekoppeld = {
        p.user_id: p
        for p in Persoon.objects.filter(user__in=user_ids).select_related("organisatie")
    }
    groepen: dict[int | None, str] = {}

    def groep_of(organisatie) -> str:
        sleutel = organisatie.pk if organisatie else None
        if sleutel not in groepen:
            groepen[sleutel] = respondentgroep_for(
                praktijk=praktijk, organisatie=organisatie, mantelzorger=False
            )
        return groepen[sleutel]

    deelnemers = []
    for user in ontvangers:
        persoon = gekoppeld.get(user.pk)
        organisatie = persoon.organisatie if persoon else None
        deelnemers.append(
            Deelnemer(
                sessie=sessie,
                user=user,
                naam=user.name,
                email=user.email,
                organisatie=organisatie,
                groep=groep_of(organisatie),
                token=secrets.token_urlsafe(32),
            )
        )
    gezien: set[int] = set()
    for persoon in personen:
        if persoon.pk in gezien or not persoon.email:
            continue
        gezien.add(persoon.pk)
        if persoon.user_id is not None and persoon.user_id in user_ids:
            continue  # already a recipient through the account
        if persoon.user_id is not None:
            user_ids.add(persoon.user_id)
        account: User | None = persoon.user if persoon.user_id is not None else None
        deelnemers.append(
            Deelnemer(
                sessie=sessie,
                user=account,
                naam=account.name if account is not None and account.name else persoon.naam,
                email=account.email if account is not None else persoon.email,
                organisatie=persoon.organisatie,
                groep=groep_of(persoon.organisatie),
                token=secrets.token_urlsafe(32),
            )
        )
    Deelnemer.objects.bulk_create(deelnemers)
    gebeurtenis_record(praktijk=praktijk, by=by, actie="checkin.create", obj=sessie)
    queue_after_commit(checkin_invitations_send_task, sessie.pk)
    return sessie


def checkin_url(*, deelnemer: Deelnemer) -> str:
    """The participant's personal link: whoever has it answers as this participant."""
    return settings.SITE_URL + reverse("condities:checkin_link", kwargs={"token": deelnemer.token})


def _checkin_minuten(sessie: Sessie) -> tuple[int, int]:
    aantal = len(stellingen_for_sessie(sessie=sessie))
    return aantal, max(2, math.ceil(aantal * CHECKIN_SECONDEN_PER_STELLING / 60))


def _checkin_mail_once(
    *,
    sessie: Sessie,
    duur: tuple[int, int],
    deelnemer_id: int,
    veld: str,
    template: str,
    extra: Q | None = None,
) -> bool:
    """Mail one participant unless `veld` is already set, then set it (config.mail.mail_once).
    `duur` is the check-in's (statements, minutes) from `_checkin_minuten`.

    The row lock (skipped when another worker holds it) keeps two runs from mailing twice.
    """

    def prepare() -> Bericht | None:
        deelnemer = (
            Deelnemer.objects.select_for_update(skip_locked=True)
            .filter(extra or Q(), pk=deelnemer_id, sessie=sessie, **{f"{veld}__isnull": True})
            .exclude(email="")
            .first()
        )
        if deelnemer is None:
            return None
        aantal, minuten = duur
        # The invitee's language is unknown: the practice's language, Dutch.
        with translation.override(settings.LANGUAGE_CODE):
            context = {
                "sessie": sessie,
                "praktijk": sessie.praktijk,
                "deelnemer": deelnemer,
                "url": checkin_url(deelnemer=deelnemer),
                "aantal": aantal,
                "minuten": minuten,
            }
            subject = render_to_string(f"condities/email/{template}_onderwerp.txt", context)
            body = render_to_string(f"condities/email/{template}.txt", context)
        return Bericht(
            message=EmailMessage(subject=header_line(subject), body=body, to=[deelnemer.email]),
            sent=lambda: Deelnemer.objects.filter(pk=deelnemer_id).update(**{veld: timezone.now()}),
        )

    return mail_once(soort=template, sleutel=deelnemer_id, prepare=prepare)


def _open_checkin(sessie_id: int) -> Sessie | None:
    return (
        Sessie.objects.select_related("praktijk")
        .filter(pk=sessie_id, soort=Sessie.Soort.CHECKIN, status=Sessie.Status.OPEN)
        .first()
    )


def checkin_invitations_send(*, sessie_id: int) -> int:
    """Mail each participant of an open check-in their personal link, once; returns how many."""
    sessie = _open_checkin(sessie_id)
    if sessie is None:
        return 0
    ids = list(
        Deelnemer.objects.filter(sessie=sessie, uitgenodigd_op__isnull=True).values_list(
            "pk", flat=True
        )
    )
    if not ids:
        return 0
    duur = _checkin_minuten(sessie)
    return sum(
        _checkin_mail_once(
            sessie=sessie,
            duur=duur,
            deelnemer_id=pk,
            veld="uitgenodigd_op",
            template="checkin_uitnodiging",
        )
        for pk in ids
    )


def _niet_klaar() -> Q:
    """Invited and not finished: nothing done yet, or started but not finished."""
    return Q(klaar_op__isnull=True, uitgenodigd_op__isnull=False)


def _checkin_remind_once(
    *, sessie: Sessie, duur: tuple[int, int], deelnemer_id: int, now: datetime.datetime
) -> bool:
    """Send this participant their next reminder (number `herinneringen + 1`), exactly once.

    The reminder number is part of the claim (config.mail.mail_once) and of the row's state
    (`herinneringen`): a second run, or two workers at once, find it sent and skip it. Whoever
    answered something gets "you started, finish it"; whoever did nothing the plain reminder.
    """
    deelnemer = Deelnemer.objects.filter(pk=deelnemer_id).only("herinneringen").first()
    if deelnemer is None:
        return False
    nummer = deelnemer.herinneringen + 1

    def prepare() -> Bericht | None:
        deelnemer = (
            Deelnemer.objects.select_for_update(skip_locked=True)
            .filter(_niet_klaar(), pk=deelnemer_id, sessie=sessie, herinneringen=nummer - 1)
            .exclude(email="")
            .first()
        )
        if deelnemer is None:
            return None
        begonnen = Antwoord.objects.filter(deelnemer=deelnemer).exists()
        aantal, minuten = duur
        # The invitee's language is unknown: the practice's language, Dutch.
        with translation.override(settings.LANGUAGE_CODE):
            context = {
                "sessie": sessie,
                "praktijk": sessie.praktijk,
                "deelnemer": deelnemer,
                "url": checkin_url(deelnemer=deelnemer),
                "aantal": aantal,
                "minuten": minuten,
                "begonnen": begonnen,
                "laatste": nummer >= sessie.herinneringen_aantal,
            }
            subject = render_to_string("condities/email/checkin_herinnering_onderwerp.txt", context)
            body = render_to_string("condities/email/checkin_herinnering.txt", context)
        return Bericht(
            message=EmailMessage(subject=header_line(subject), body=body, to=[deelnemer.email]),
            sent=lambda: Deelnemer.objects.filter(pk=deelnemer_id, herinneringen=nummer - 1).update(
                herinneringen=nummer, laatst_herinnerd_op=now
            ),
        )

    return mail_once(soort=f"checkin_herinnering_{nummer}", sleutel=deelnemer_id, prepare=prepare)


def _open_en_niet_verlopen(now: datetime.datetime) -> Q:
    return Q(soort=Sessie.Soort.CHECKIN, status=Sessie.Status.OPEN) & (
        Q(sluit_op__isnull=True) | Q(sluit_op__gt=now)
    )


def checkin_reminders_send(*, now: datetime.datetime | None = None) -> int:
    """Send each invitee of an open check-in who has not finished their next reminder when due.

    A participant gets at most the check-in's `herinneringen_aantal` reminders, the first
    `herinnering_na_dagen` after their invitation and each next one that long after the last;
    never once they finished, never after the check-in's deadline (`sluit_op`). Returns how
    many went out.
    """
    now = now or timezone.now()
    verstuurd = 0
    for sessie in Sessie.objects.filter(_open_en_niet_verlopen(now)).select_related("praktijk"):
        grens = now - datetime.timedelta(days=sessie.herinnering_na_dagen)
        ids = list(
            Deelnemer.objects.filter(
                _niet_klaar(),
                Q(herinneringen=0, uitgenodigd_op__lte=grens)
                | Q(herinneringen__gt=0, laatst_herinnerd_op__lte=grens),
                sessie=sessie,
                herinneringen__lt=sessie.herinneringen_aantal,
            ).values_list("pk", flat=True)
        )
        if not ids:
            continue
        duur = _checkin_minuten(sessie)
        verstuurd += sum(
            _checkin_remind_once(sessie=sessie, duur=duur, deelnemer_id=pk, now=now) for pk in ids
        )
    return verstuurd


# "Remind now" may be pressed once per hour per check-in.
CHECKIN_NU_HERINNEREN_INTERVAL = datetime.timedelta(hours=1)


class NuHerinnerenTeVroeg(Exception):
    """ "Remind now" was pressed less than an hour ago for this check-in."""


@transaction.atomic
def checkin_remind_now(
    *, sessie: Sessie, by: AccountUser, now: datetime.datetime | None = None
) -> int:
    """Queue one reminder, now, to every invitee who has not finished; returns how many.

    At most once per `CHECKIN_NU_HERINNEREN_INTERVAL` per check-in (raises NuHerinnerenTeVroeg).
    A reminder sent this way counts as one of the participant's reminders (and the next one
    waits the interval from it); it also reaches one who had all of theirs: the facilitator's
    choice.
    """
    from condities.tasks import checkin_remind_now_task

    now = now or timezone.now()
    vrij = Sessie.objects.filter(
        Q(nu_herinnerd_op__isnull=True)
        | Q(nu_herinnerd_op__lte=now - CHECKIN_NU_HERINNEREN_INTERVAL),
        _open_en_niet_verlopen(now),
        pk=sessie.pk,
    ).update(nu_herinnerd_op=now)
    if not vrij:
        raise NuHerinnerenTeVroeg
    ids = list(
        Deelnemer.objects.filter(_niet_klaar(), sessie=sessie)
        .exclude(email="")
        .values_list("pk", flat=True)
    )
    gebeurtenis_record(praktijk=sessie.praktijk, by=by, actie="checkin.remind", obj=sessie)
    queue_after_commit(checkin_remind_now_task, sessie.pk, ids)
    return len(ids)


def checkin_remind_now_send(*, sessie_id: int, deelnemer_ids: list[int]) -> int:
    """Send the "remind now" reminders (the next number of each) to these participants."""
    now = timezone.now()
    sessie = (
        Sessie.objects.filter(_open_en_niet_verlopen(now), pk=sessie_id)
        .select_related("praktijk")
        .first()
    )
    if sessie is None:
        return 0
    duur = _checkin_minuten(sessie)
    return sum(
        _checkin_remind_once(sessie=sessie, duur=duur, deelnemer_id=pk, now=now)
        for pk in deelnemer_ids
    )


def checkins_close_due(*, now: datetime.datetime | None = None) -> int:
    """Close every open check-in whose deadline has passed (through `sessie_close`, by the
    system); returns how many this run closed. A second run, or one racing it, closes none."""
    now = now or timezone.now()
    gesloten = 0
    for sessie in Sessie.objects.filter(
        soort=Sessie.Soort.CHECKIN, status=Sessie.Status.OPEN, sluit_op__lte=now
    ):
        try:
            sessie_close(sessie=sessie, by=None)
        except SessieGesloten:
            continue
        gesloten += 1
    return gesloten


def checkin_invitations_sweep() -> int:
    """Send invitations a failed task left unsent, for every open check-in (the daily sweep)."""
    ids = (
        Sessie.objects.filter(
            soort=Sessie.Soort.CHECKIN,
            status=Sessie.Status.OPEN,
            deelnemers__uitgenodigd_op__isnull=True,
        )
        .values_list("pk", flat=True)
        .distinct()
    )
    return each_isolated(
        list(ids),
        lambda pk: checkin_invitations_send(sessie_id=pk),
        what="check-in invitations of session",
    )
