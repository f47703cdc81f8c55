"""Writes of the relationship round: send it, answer it, remind, close."""

import datetime
import secrets
from collections.abc import Sequence

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from config.http import AccountUser
from config.mail import Bericht, header_line, mail_once
from config.queue import each_isolated, queue_after_commit
from netwerk.models import Persoon
from praktijken.audit import gebeurtenis_record
from praktijken.models import Praktijk
from relaties.models import (
    STAP_NIVEAU,
    Kaartpositie,
    RelatieAntwoord,
    Relatieronde,
    RondeDeelnemer,
    Stap,
)
from relaties.selectors import netwerkbeeld


class RondeGesloten(Exception):
    """The round has closed (or passed its deadline): answers are no longer taken."""


class NuHerinnerenTeVroeg(Exception):
    """ "Remind now" was pressed less than an hour ago, or the round has closed."""


NU_HERINNEREN_INTERVAL = datetime.timedelta(hours=1)


@transaction.atomic
def ronde_create(
    *,
    praktijk: Praktijk,
    by: AccountUser,
    titel: str,
    sluit_op: datetime.datetime,
    personen: Sequence[Persoon],
) -> Relatieronde:
    """Open a round with a personal place (and secret link) for each person with an e-mail
    address, and queue the invitations after the commit. Records "relatieronde.create"."""
    from relaties.tasks import uitnodigingen_send_task

    ronde = Relatieronde.objects.create(
        praktijk=praktijk, titel=titel, geopend_op=timezone.now(), sluit_op=sluit_op
    )
    gezien: set[int] = set()
    deelnemers = []
    for persoon in personen:
        if persoon.pk in gezien or not persoon.email:
            continue
        gezien.add(persoon.pk)
        deelnemers.append(
            RondeDeelnemer(
                ronde=ronde,
                persoon=persoon,
                organisatie_id=persoon.organisatie_id,
                naam=persoon.naam,
                email=persoon.email,
                token=secrets.token_urlsafe(32),
            )
        )
    RondeDeelnemer.objects.bulk_create(deelnemers)
    gebeurtenis_record(praktijk=praktijk, by=by, actie="relatieronde.create", obj=ronde)
    queue_after_commit(uitnodigingen_send_task, ronde.pk)
    return ronde


def ronde_is_open(ronde: Relatieronde, now: datetime.datetime | None = None) -> bool:
    """Taking answers: not closed, and its deadline not passed (also before a task closed it)."""
    now = now or timezone.now()
    return ronde.gesloten_op is None and ronde.sluit_op > now


@transaction.atomic
def antwoorden_save(
    *,
    deelnemer: RondeDeelnemer,
    antwoorden: dict[int, tuple[str, int | None, int | None]],
    klaar: bool = False,
) -> int:
    """Save one screen of answers: per organisation (id) its step, trust and value (1-5 or None).

    Trust and value are kept only for "work together now" (the only step they are asked for).
    Changeable until the round closes; after that raises RondeGesloten. Returns how many saved.
    """
    ronde = Relatieronde.objects.select_for_update().get(pk=deelnemer.ronde_id)
    if not ronde_is_open(ronde):
        raise RondeGesloten
    opgeslagen = 0
    for over_id, (stap, vertrouwen, waarde) in antwoorden.items():
        if over_id == deelnemer.organisatie_id or stap not in STAP_NIVEAU:
            continue
        if stap != Stap.WERKEN_SAMEN:
            vertrouwen = waarde = None
        RelatieAntwoord.objects.update_or_create(
            deelnemer=deelnemer,
            over_id=over_id,
            defaults={
                "ronde": ronde,
                "van_id": deelnemer.organisatie_id,
                "stap": stap,
                "vertrouwen": vertrouwen,
                "waarde": waarde,
            },
        )
        opgeslagen += 1
    if klaar and deelnemer.klaar_op is None:
        deelnemer.klaar_op = timezone.now()
        deelnemer.save(update_fields=["klaar_op"])
    return opgeslagen


@transaction.atomic
def ronde_close(*, ronde: Relatieronde, by: AccountUser | None) -> bool:
    """Close the round (the figures are released from then on); False when it was closed."""
    gesloten = Relatieronde.objects.filter(pk=ronde.pk, gesloten_op__isnull=True).update(
        gesloten_op=timezone.now()
    )
    if gesloten:
        ronde.gesloten_op = timezone.now()
        kaart_store(ronde=ronde)
        gebeurtenis_record(praktijk=ronde.praktijk, by=by, actie="relatieronde.close", obj=ronde)
    return bool(gesloten)


def kaart_store(*, ronde: Relatieronde) -> None:
    """Compute the round's map once and keep it (positions of earlier rounds stay put)."""
    Kaartpositie.objects.filter(ronde=ronde).delete()
    beeld = netwerkbeeld(ronde=ronde)
    Kaartpositie.objects.bulk_create(
        Kaartpositie(ronde=ronde, organisatie_id=o, x=x, y=y)
        for o, (x, y) in beeld.posities.items()
    )


def rondes_close_due(*, now: datetime.datetime | None = None) -> int:
    """Close every round whose deadline has passed; returns how many this run closed."""
    now = now or timezone.now()
    return sum(
        ronde_close(ronde=ronde, by=None)
        for ronde in Relatieronde.objects.filter(
            gesloten_op__isnull=True, sluit_op__lte=now
        ).select_related("praktijk")
    )


def ronde_url(*, deelnemer: RondeDeelnemer) -> str:
    """The participant's personal link: whoever has it answers as this participant."""
    return settings.SITE_URL + reverse("relaties:invullen", kwargs={"token": deelnemer.token})


def _mail_once(*, ronde: Relatieronde, deelnemer_id: int, herinnering: int = 0) -> bool:
    """The invitation (herinnering 0) or reminder number `herinnering` to one participant, once."""
    veld_leeg = (
        Q(uitgenodigd_op__isnull=True)
        if herinnering == 0
        else Q(klaar_op__isnull=True, herinneringen=herinnering - 1)
    )
    template = "uitnodiging" if herinnering == 0 else "herinnering"
    now = timezone.now()

    def prepare() -> Bericht | None:
        deelnemer = (
            RondeDeelnemer.objects.select_for_update(skip_locked=True)
            .filter(veld_leeg, pk=deelnemer_id, ronde=ronde)
            .exclude(email="")
            .first()
        )
        if deelnemer is None:
            return None
        with translation.override(settings.LANGUAGE_CODE):
            context = {
                "ronde": ronde,
                "praktijk": ronde.praktijk,
                "deelnemer": deelnemer,
                "url": ronde_url(deelnemer=deelnemer),
            }
            subject = render_to_string(f"relaties/email/{template}_onderwerp.txt", context)
            body = render_to_string(f"relaties/email/{template}.txt", context)
        update: dict[str, object]
        if herinnering == 0:
            update = {"uitgenodigd_op": now}
        else:
            update = {"herinneringen": herinnering, "laatst_herinnerd_op": now}
        return Bericht(
            message=EmailMessage(subject=header_line(subject), body=body, to=[deelnemer.email]),
            sent=lambda: RondeDeelnemer.objects.filter(pk=deelnemer_id).update(**update),
        )

    return mail_once(
        soort=f"relatieronde_{template}_{herinnering}", sleutel=deelnemer_id, prepare=prepare
    )


def uitnodigingen_send(*, ronde_id: int) -> int:
    """Mail each participant of an open round their personal link, once; returns how many."""
    ronde = Relatieronde.objects.select_related("praktijk").filter(pk=ronde_id).first()
    if ronde is None or not ronde_is_open(ronde):
        return 0
    ids = RondeDeelnemer.objects.filter(ronde=ronde, uitgenodigd_op__isnull=True).values_list(
        "pk", flat=True
    )
    return sum(_mail_once(ronde=ronde, deelnemer_id=pk) for pk in list(ids))


@transaction.atomic
def ronde_remind_now(
    *, ronde: Relatieronde, by: AccountUser, now: datetime.datetime | None = None
) -> int:
    """Queue one reminder to every invitee who has not finished; at most once an hour per
    round (raises NuHerinnerenTeVroeg). Returns how many."""
    from relaties.tasks import herinneringen_send_task

    now = now or timezone.now()
    vrij = Relatieronde.objects.filter(
        Q(nu_herinnerd_op__isnull=True) | Q(nu_herinnerd_op__lte=now - NU_HERINNEREN_INTERVAL),
        pk=ronde.pk,
        gesloten_op__isnull=True,
        sluit_op__gt=now,
    ).update(nu_herinnerd_op=now)
    if not vrij:
        raise NuHerinnerenTeVroeg
    ids = list(
        RondeDeelnemer.objects.filter(
            ronde=ronde, klaar_op__isnull=True, uitgenodigd_op__isnull=False
        )
        .exclude(email="")
        .values_list("pk", flat=True)
    )
    gebeurtenis_record(praktijk=ronde.praktijk, by=by, actie="relatieronde.remind", obj=ronde)
    queue_after_commit(herinneringen_send_task, ronde.pk, ids)
    return len(ids)


def herinneringen_send(*, ronde_id: int, deelnemer_ids: list[int]) -> int:
    """Send the next reminder to each of these participants who has not finished."""
    ronde = Relatieronde.objects.select_related("praktijk").filter(pk=ronde_id).first()
    if ronde is None or not ronde_is_open(ronde):
        return 0
    nummers = dict(
        RondeDeelnemer.objects.filter(pk__in=deelnemer_ids).values_list("pk", "herinneringen")
    )
    return sum(
        _mail_once(ronde=ronde, deelnemer_id=pk, herinnering=nummer + 1)
        for pk, nummer in nummers.items()
    )


# Whoever has not finished gets one reminder this long after the invitation.
HERINNERING_NA = datetime.timedelta(days=5)


def herinneringen_due(*, now: datetime.datetime | None = None) -> int:
    """Send the one automatic reminder to each invitee of an open round who has not finished,
    `HERINNERING_NA` after their invitation (never twice, never after the deadline)."""
    now = now or timezone.now()
    verstuurd = 0
    for ronde in Relatieronde.objects.filter(
        gesloten_op__isnull=True, sluit_op__gt=now
    ).select_related("praktijk"):
        ids = RondeDeelnemer.objects.filter(
            ronde=ronde,
            klaar_op__isnull=True,
            herinneringen=0,
            uitgenodigd_op__lte=now - HERINNERING_NA,
        ).values_list("pk", flat=True)
        verstuurd += sum(
            _mail_once(ronde=ronde, deelnemer_id=pk, herinnering=1) for pk in list(ids)
        )
    return verstuurd


def rondes_sweep() -> int:
    """Send the invitations a failed run left behind in open rounds and the reminders that are
    due, then close the rounds whose deadline has passed; returns how many closed."""
    open_ids = (
        Relatieronde.objects.filter(
            gesloten_op__isnull=True, deelnemers__uitgenodigd_op__isnull=True
        )
        .values_list("pk", flat=True)
        .distinct()
    )
    each_isolated(
        list(open_ids),
        lambda pk: uitnodigingen_send(ronde_id=pk),
        what="relationship round invitations of round",
    )
    herinneringen_due()
    return rondes_close_due()
