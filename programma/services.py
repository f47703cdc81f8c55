"""The programme team's writes: starting a practice in its programme and inviting the first
facilitator of a practice that has none yet."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from config.http import AccountUser
from netwerk.models import Uitnodiging
from netwerk.selectors import uitnodiging_open_filter
from netwerk.services.leden import uitnodiging_create, uitnodiging_resend
from praktijken.audit import gebeurtenis_record
from praktijken.models import Lidmaatschap, Praktijk, Programma, Rol

PRAKTIJK_VELDEN = ("naam", "slug", "gemeente", "kernthema", "ambitie")
SLUG_BEZET = _(
    "Another practice already has this short name. Choose another one, for example with the "
    "name of the municipality."
)


@dataclass(frozen=True)
class Start:
    """What starting a practice made: the practice and the invitation of its facilitator."""

    praktijk: Praktijk
    uitnodiging: Uitnodiging


@transaction.atomic
def praktijk_start(*, programma: Programma, by: AccountUser, data: Mapping[str, Any]) -> Start:
    """Start a practice in the programme and invite its first facilitator (the mail goes after
    the commit), all or nothing; the team member who starts it becomes no member of it.

    Raises ValidationError when the practice is not valid (a short name in use, for one)."""
    praktijk = Praktijk(programma=programma, **{veld: data[veld] for veld in PRAKTIJK_VELDEN})
    praktijk.full_clean()
    try:
        with transaction.atomic():
            praktijk.save()
    except IntegrityError as exc:
        # Two team members taking the same short name at the same moment: the constraint decides.
        raise ValidationError({"slug": SLUG_BEZET}, code="unique") from exc
    gebeurtenis_record(praktijk=praktijk, by=by, actie="praktijk.create", obj=praktijk)
    uitnodiging = uitnodiging_create(
        praktijk=praktijk,
        email=data["facilitator_email"],
        naam=data["facilitator_naam"],
        rol=Rol.FACILITATOR,
        by=by,
    )
    return Start(praktijk=praktijk, uitnodiging=uitnodiging)


class HeeftFacilitator(Exception):
    """The practice has a facilitator: from now on they invite, not the programme's team."""


def praktijk_heeft_facilitator(*, praktijk: Praktijk) -> bool:
    return Lidmaatschap.objects.filter(praktijk=praktijk, rol=Rol.FACILITATOR).exists()


@transaction.atomic
def facilitator_invite(
    *, praktijk: Praktijk, by: AccountUser, email: str, naam: str
) -> Uitnodiging:
    """Invite the first facilitator of a practice that has none (yet): a new invitation, or the
    open one to this address again with a new link (an expired one, for example).

    Raises HeeftFacilitator when the practice has a facilitator already."""
    if praktijk_heeft_facilitator(praktijk=praktijk):
        raise HeeftFacilitator
    email = email.strip().lower()
    open_ = Uitnodiging.objects.filter(
        uitnodiging_open_filter(), praktijk=praktijk, email__iexact=email
    ).first()
    if open_ is not None:
        if open_.rol != Rol.FACILITATOR:
            open_.rol = Rol.FACILITATOR
            open_.save(update_fields=["rol"])
        return uitnodiging_resend(uitnodiging=open_, by=by)
    return uitnodiging_create(praktijk=praktijk, email=email, naam=naam, rol=Rol.FACILITATOR, by=by)
