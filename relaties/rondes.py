"""What every round of the network shares: the relationship round and the interests round
(belangenronde). People get a personal link by e-mail, once; whoever has not finished gets one
automatic reminder and, when the facilitator presses "remind now" (at most once an hour), one
more; the round closes at its deadline (a beat task) or when the facilitator closes it. Each kind
is a `Soort` in `SOORTEN`; what happens at closing is the kind's own (`bij_sluiten`)."""

import datetime
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.module_loading import import_string

from config.http import AccountUser
from config.mail import Bericht, header_line, mail_once
from config.queue import each_isolated, queue_after_commit
from netwerk.models import Persoon
from praktijken.audit import gebeurtenis_record
from praktijken.models import Praktijk
from relaties.models import (
    BelangenDeelnemer,
    Belangenronde,
    DeelnemerBasis,
    Relatieronde,
    RondeBasis,
    RondeDeelnemer,
)


class RondeGesloten(Exception):
    """The round has closed (or passed its deadline): answers are no longer taken."""


class NuHerinnerenTeVroeg(Exception):
    """ "Remind now" was pressed less than an hour ago, or the round has closed."""


NU_HERINNEREN_INTERVAL = datetime.timedelta(hours=1)
# Whoever has not finished gets one reminder this long after the invitation.
HERINNERING_NA = datetime.timedelta(days=5)


@dataclass(frozen=True)
class Soort:
    """One kind of round: its models, its mails and personal link, and what closing does."""

    naam: str  # names the audit actions ("relatieronde.close") and the sent-mail keys
    ronde_model: type[RondeBasis]
    deelnemer_model: type[DeelnemerBasis]
    mails: str  # template prefix: f"{mails}uitnodiging.txt", "…_onderwerp.txt", "herinnering…"
    link: str  # URL name of the personal link, with `token`
    bij_sluiten: str = ""  # dotted path of a function(ronde=...) run once when the round closes


SOORTEN = {
    soort.naam: soort
    for soort in (
        Soort(
            naam="relatieronde",
            ronde_model=Relatieronde,
            deelnemer_model=RondeDeelnemer,
            mails="relaties/email/",
            link="relaties:invullen",
            bij_sluiten="relaties.services.kaart_store",
        ),
        Soort(
            naam="belangenronde",
            ronde_model=Belangenronde,
            deelnemer_model=BelangenDeelnemer,
            mails="relaties/email/belangen_",
            link="relaties:belangen_invullen",
        ),
    )
}


def soort_van(ronde: RondeBasis) -> Soort:
    return next(s for s in SOORTEN.values() if isinstance(ronde, s.ronde_model))


def ronde_open(
    *,
    soort: Soort,
    praktijk: Praktijk,
    by: AccountUser,
    titel: str,
    sluit_op: datetime.datetime,
    personen: Sequence[Persoon],
) -> RondeBasis:
    """Open a round with a personal place (and secret link) for each person with an e-mail
    address, and queue the invitations after the commit. Records "<kind>.create". Runs inside
    the caller's transaction."""
    from relaties.tasks import uitnodigingen_send_task

    ronde = soort.ronde_model.objects.create(
        praktijk=praktijk, titel=titel, geopend_op=timezone.now(), sluit_op=sluit_op
    )
    gezien: set[int] = set()
    deelnemers = []
    for persoon in personen:
        if persoon.pk in gezien or not persoon.email:
            continue
        gezien.add(persoon.pk)
        deelnemers.append(
            soort.deelnemer_model(
                ronde=ronde,
                persoon=persoon,
                organisatie_id=persoon.organisatie_id,
                naam=persoon.naam,
                email=persoon.email,
                token=secrets.token_urlsafe(32),
            )
        )
    soort.deelnemer_model.objects.bulk_create(deelnemers)
    gebeurtenis_record(praktijk=praktijk, by=by, actie=f"{soort.naam}.create", obj=ronde)
    queue_after_commit(uitnodigingen_send_task, ronde.pk, soort.naam)
    return ronde


def ronde_is_open(ronde: RondeBasis, now: datetime.datetime | None = None) -> bool:
    """Taking answers: not closed, and its deadline not passed (also before a task closed it)."""
    now = now or timezone.now()
    return ronde.gesloten_op is None and ronde.sluit_op > now


def ronde_lock_open[R: RondeBasis](ronde: R) -> R:
    """The round, locked for an answer being saved; raises RondeGesloten when it no longer
    takes answers. Call inside a transaction."""
    vers = type(ronde).objects.select_for_update().get(pk=ronde.pk)
    if not ronde_is_open(vers):
        raise RondeGesloten
    return vers


@transaction.atomic
def ronde_close(*, ronde: RondeBasis, by: AccountUser | None) -> bool:
    """Close the round (its kind's closing work runs once); False when it was closed."""
    soort = soort_van(ronde)
    gesloten = soort.ronde_model.objects.filter(pk=ronde.pk, gesloten_op__isnull=True).update(
        gesloten_op=timezone.now()
    )
    if gesloten:
        ronde.gesloten_op = timezone.now()
        if soort.bij_sluiten:
            import_string(soort.bij_sluiten)(ronde=ronde)
        gebeurtenis_record(praktijk=ronde.praktijk, by=by, actie=f"{soort.naam}.close", obj=ronde)
    return bool(gesloten)


def rondes_close_due(*, now: datetime.datetime | None = None) -> int:
    """Close every round of every kind whose deadline has passed; returns how many closed."""
    now = now or timezone.now()
    return sum(
        ronde_close(ronde=ronde, by=None)
        for soort in SOORTEN.values()
        for ronde in soort.ronde_model.objects.filter(
            gesloten_op__isnull=True, sluit_op__lte=now
        ).select_related("praktijk")
    )


def ronde_url(*, deelnemer: DeelnemerBasis) -> str:
    """The participant's personal link: whoever has it answers as this participant."""
    soort = soort_van(deelnemer.ronde)  # type: ignore[attr-defined]
    return settings.SITE_URL + reverse(soort.link, kwargs={"token": deelnemer.token})


def _mail_once(*, soort: Soort, ronde: RondeBasis, deelnemer_id: int, herinnering: int = 0) -> bool:
    """The invitation (herinnering 0) or reminder number `herinnering` to one participant, once."""
    veld_leeg = (
        Q(uitgenodigd_op__isnull=True)
        if herinnering == 0
        else Q(klaar_op__isnull=True, herinneringen=herinnering - 1)
    )
    template = "uitnodiging" if herinnering == 0 else "herinnering"
    now = timezone.now()
    model = soort.deelnemer_model

    def prepare() -> Bericht | None:
        deelnemer = (
            model.objects.select_for_update(skip_locked=True)
            .filter(veld_leeg, pk=deelnemer_id, ronde=ronde)
            .exclude(email="")
            .first()
        )
        if deelnemer is None:
            return None
        deelnemer.ronde = ronde  # type: ignore[attr-defined]
        with translation.override(settings.LANGUAGE_CODE):
            context = {
                "ronde": ronde,
                "praktijk": ronde.praktijk,
                "deelnemer": deelnemer,
                "url": ronde_url(deelnemer=deelnemer),
            }
            subject = render_to_string(f"{soort.mails}{template}_onderwerp.txt", context)
            body = render_to_string(f"{soort.mails}{template}.txt", context)
        update: dict[str, object]
        if herinnering == 0:
            update = {"uitgenodigd_op": now}
        else:
            update = {"herinneringen": herinnering, "laatst_herinnerd_op": now}
        return Bericht(
            message=EmailMessage(subject=header_line(subject), body=body, to=[deelnemer.email]),
            sent=lambda: model.objects.filter(pk=deelnemer_id).update(**update),
        )

    return mail_once(
        soort=f"{soort.naam}_{template}_{herinnering}", sleutel=deelnemer_id, prepare=prepare
    )


def _open_ronde(soort: Soort, ronde_id: int) -> RondeBasis | None:
    ronde = soort.ronde_model.objects.select_related("praktijk").filter(pk=ronde_id).first()
    return ronde if ronde is not None and ronde_is_open(ronde) else None


def uitnodigingen_send(*, ronde_id: int, soort: str = "relatieronde") -> int:
    """Mail each participant of an open round their personal link, once; returns how many."""
    kind = SOORTEN[soort]
    ronde = _open_ronde(kind, ronde_id)
    if ronde is None:
        return 0
    ids = kind.deelnemer_model.objects.filter(ronde=ronde, uitgenodigd_op__isnull=True).values_list(
        "pk", flat=True
    )
    return sum(_mail_once(soort=kind, ronde=ronde, deelnemer_id=pk) for pk in list(ids))


@transaction.atomic
def ronde_remind_now(
    *, ronde: RondeBasis, by: AccountUser, now: datetime.datetime | None = None
) -> int:
    """Queue one reminder to every invitee who has not finished; at most once an hour per
    round (raises NuHerinnerenTeVroeg). Returns how many."""
    from relaties.tasks import herinneringen_send_task

    soort = soort_van(ronde)
    now = now or timezone.now()
    vrij = soort.ronde_model.objects.filter(
        Q(nu_herinnerd_op__isnull=True) | Q(nu_herinnerd_op__lte=now - NU_HERINNEREN_INTERVAL),
        pk=ronde.pk,
        gesloten_op__isnull=True,
        sluit_op__gt=now,
    ).update(nu_herinnerd_op=now)
    if not vrij:
        raise NuHerinnerenTeVroeg
    ids = list(
        soort.deelnemer_model.objects.filter(
            ronde=ronde, klaar_op__isnull=True, uitgenodigd_op__isnull=False
        )
        .exclude(email="")
        .values_list("pk", flat=True)
    )
    gebeurtenis_record(praktijk=ronde.praktijk, by=by, actie=f"{soort.naam}.remind", obj=ronde)
    queue_after_commit(herinneringen_send_task, ronde.pk, ids, soort.naam)
    return len(ids)


def herinneringen_send(
    *, ronde_id: int, deelnemer_ids: list[int], soort: str = "relatieronde"
) -> int:
    """Send the next reminder to each of these participants who has not finished."""
    kind = SOORTEN[soort]
    ronde = _open_ronde(kind, ronde_id)
    if ronde is None:
        return 0
    nummers = dict(
        kind.deelnemer_model.objects.filter(pk__in=deelnemer_ids, ronde=ronde).values_list(
            "pk", "herinneringen"
        )
    )
    return sum(
        _mail_once(soort=kind, ronde=ronde, deelnemer_id=pk, herinnering=nummer + 1)
        for pk, nummer in nummers.items()
    )


def herinneringen_due(*, now: datetime.datetime | None = None) -> int:
    """Send the one automatic reminder to each invitee of an open round who has not finished,
    `HERINNERING_NA` after their invitation (never twice, never after the deadline)."""
    now = now or timezone.now()
    verstuurd = 0
    for soort in SOORTEN.values():
        for ronde in soort.ronde_model.objects.filter(
            gesloten_op__isnull=True, sluit_op__gt=now
        ).select_related("praktijk"):
            ids = soort.deelnemer_model.objects.filter(
                ronde=ronde,
                klaar_op__isnull=True,
                herinneringen=0,
                uitgenodigd_op__lte=now - HERINNERING_NA,
            ).values_list("pk", flat=True)
            verstuurd += sum(
                _mail_once(soort=soort, ronde=ronde, deelnemer_id=pk, herinnering=1)
                for pk in list(ids)
            )
    return verstuurd


def rondes_sweep() -> int:
    """Send the invitations a failed run left behind in open rounds and the reminders that are
    due, then close the rounds whose deadline has passed; returns how many closed."""
    for soort in SOORTEN.values():
        open_ids = (
            soort.ronde_model.objects.filter(
                gesloten_op__isnull=True, deelnemers__uitgenodigd_op__isnull=True
            )
            .values_list("pk", flat=True)
            .distinct()
        )
        naam = soort.naam
        each_isolated(
            list(open_ids),
            lambda pk, naam=naam: uitnodigingen_send(ronde_id=pk, soort=naam),  # type: ignore[misc]
            what=f"{naam} invitations of round",
        )
    herinneringen_due()
    return rondes_close_due()
