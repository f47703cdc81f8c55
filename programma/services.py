"""The programme team's writes: starting a practice in its programme."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from config.http import AccountUser
from netwerk.models import Uitnodiging
from netwerk.services.leden import uitnodiging_create
from praktijken.audit import gebeurtenis_record
from praktijken.models import Praktijk, Programma, Rol

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
