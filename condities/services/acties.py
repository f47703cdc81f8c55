"""Actions: add one from a meeting's minutes, edit, remove, move it along (open, busy, done), and
remind its owner once a few days before it is due.

Each change is recorded in the practice's audit trail, in the same transaction as the change.
"""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from condities.models import Actie
from condities.selectors.acties import eigenaren_for_praktijk
from config.http import AccountUser
from config.mail import Bericht, header_line, mail_once
from config.queue import each_isolated
from praktijken.audit import gebeurtenis_record
from praktijken.models import Bijeenkomst

HERINNERING = "actie_herinnering"


class EigenaarNietVanPraktijk(ValueError):
    """The owner is not a person of the practice's network."""


def _check_eigenaar(actie: Actie) -> None:
    if actie.eigenaar_id is None:
        return
    if not eigenaren_for_praktijk(praktijk=actie.praktijk).filter(pk=actie.eigenaar_id).exists():
        raise EigenaarNietVanPraktijk(actie.eigenaar_id)


def actie_create_for_bijeenkomst(
    *, bijeenkomst: Bijeenkomst, actie: Actie, by: AccountUser
) -> Actie:
    """Add an agreed next step captured from a meeting's minutes to the meeting's practice."""
    actie.praktijk = bijeenkomst.praktijk
    actie.bijeenkomst = bijeenkomst
    actie.sessie = None
    actie.soort = Actie.Soort.STAP
    _check_eigenaar(actie)
    with transaction.atomic():
        actie.save()
        gebeurtenis_record(praktijk=actie.praktijk, by=by, actie="actie.create", obj=actie)
    return actie


def actie_update(*, actie: Actie, by: AccountUser) -> Actie:
    """Save an edited action. A new due date or owner makes the reminder due again; done
    remembers when."""
    _check_eigenaar(actie)
    with transaction.atomic():
        before = Actie.objects.select_for_update().get(pk=actie.pk)
        if (before.wanneer, before.eigenaar_id) != (actie.wanneer, actie.eigenaar_id):
            actie.herinnerd_op = None
        if before.status != actie.status:
            actie.gedaan_op = timezone.now() if actie.status == Actie.Status.GEDAAN else None
        actie.save()
        gebeurtenis_record(praktijk=actie.praktijk, by=by, actie="actie.update", obj=actie)
    return actie


def actie_remove(*, actie: Actie, by: AccountUser) -> None:
    """Remove the action (the audit trail keeps that it was there)."""
    with transaction.atomic():
        gebeurtenis_record(praktijk=actie.praktijk, by=by, actie="actie.remove", obj=actie)
        actie.delete()


def actie_set_status(*, actie: Actie, status: str, by: AccountUser) -> Actie:
    """Move the action to open, busy or done; done remembers when. The same status again
    changes nothing and records nothing."""
    status = Actie.Status(status)
    if actie.status == status:
        return actie
    actie.status = status
    actie.gedaan_op = timezone.now() if status == Actie.Status.GEDAAN else None
    with transaction.atomic():
        actie.save(update_fields=["status", "gedaan_op", "updated_at"])
        gebeurtenis_record(
            praktijk=actie.praktijk, by=by, actie=f"actie.status.{status}", obj=actie
        )
    return actie


def actie_url(*, actie: Actie) -> str:
    """The link to the action on its owner's own page (they may mark it there), for a mail."""
    pad = reverse("condities:mijn_acties", kwargs={"slug": actie.praktijk.slug})
    return f"{settings.SITE_URL}{pad}#actie-{actie.pk}"


def _reminder_once(*, actie_id: int, today: datetime.date) -> bool:
    def prepare() -> Bericht | None:
        actie = (
            Actie.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("praktijk", "eigenaar")
            .filter(_reminder_due(today), pk=actie_id)
            .first()
        )
        if actie is None or actie.eigenaar is None:
            return None
        # The owner's language is unknown: the practice's language, Dutch.
        with translation.override(settings.LANGUAGE_CODE):
            context = {"actie": actie, "praktijk": actie.praktijk, "url": actie_url(actie=actie)}
            subject = render_to_string(f"condities/email/{HERINNERING}_onderwerp.txt", context)
            body = render_to_string(f"condities/email/{HERINNERING}.txt", context)
        return Bericht(
            message=EmailMessage(
                subject=header_line(subject), body=body, to=[actie.eigenaar.email]
            ),
            sent=lambda: Actie.objects.filter(pk=actie_id).update(herinnerd_op=timezone.now()),
        )

    return mail_once(soort=HERINNERING, sleutel=actie_id, prepare=prepare)


def _reminder_due(today: datetime.date) -> Q:
    """Not done, not reminded, due between today and `ACTIE_HERINNERING_DAGEN` days from now
    (a missed day is caught up), and an owner with an address."""
    grens = today + datetime.timedelta(days=settings.ACTIE_HERINNERING_DAGEN)
    return (
        Q(herinnerd_op__isnull=True, wanneer__isnull=False)
        & Q(wanneer__gte=today, wanneer__lte=grens)
        & ~Q(status=Actie.Status.GEDAAN)
        & Q(eigenaar__isnull=False)
        & ~Q(eigenaar__email="")
    )


def actie_reminders_send(*, today: datetime.date | None = None) -> int:
    """Mail each owner (with an address) of an action that is not done and due within
    `ACTIE_HERINNERING_DAGEN` days, once per action (`herinnerd_op`). Returns how many went out."""
    today = today or timezone.localdate()
    ids = list(Actie.objects.filter(_reminder_due(today)).values_list("pk", flat=True))
    return each_isolated(
        ids, lambda pk: int(_reminder_once(actie_id=pk, today=today)), what="reminder of action"
    )
