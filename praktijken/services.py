"""Writes of the practice: its own details, meetings, design questions and stories.

Each service takes the fields a form has cleaned, sets only the ones it knows, validates the model
(so a constraint such as "end after start" holds whoever calls it) and saves.
"""

from collections.abc import Mapping, Sequence
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from config.http import AccountUser
from praktijken.agenda import bijeenkomst_gewijzigd
from praktijken.audit import gebeurtenis_record
from praktijken.models import Bijeenkomst, Ontwerpvraag, Praktijk, Verhaal

PRAKTIJK_VELDEN = (
    "naam",
    "gemeente",
    "kernthema",
    "ambitie",
    "beschrijving",
    "startdatum",
    "einddatum",
    "status",
)
BIJEENKOMST_VELDEN = (
    "titel",
    "soort",
    "begint_op",
    "eindigt_op",
    "locatie",
    "agenda",
    "planner",
    "notulist",
    "verslag",
)
ONTWERPVRAAG_VELDEN = ("vraag", "toelichting", "volgorde")
VERHAAL_VELDEN = (
    "titel",
    "wat_werkte",
    "wie_maakte_het_mogelijk",
    "meer_van",
    "verteller",
    "ontwerpvraag",
)


def _apply(obj: models.Model, velden: Sequence[str], data: Mapping[str, Any]) -> None:
    for veld in velden:
        if veld in data:
            setattr(obj, veld, data[veld])


def _save(
    obj: models.Model,
    *,
    praktijk: Praktijk,
    by: AccountUser,
    actie: str,
    update_fields: Sequence[str] | None = None,
) -> None:
    # Validate, save and record who did it, all or nothing.
    obj.full_clean()
    with transaction.atomic():
        obj.save(update_fields=update_fields)
        gebeurtenis_record(praktijk=praktijk, by=by, actie=actie, obj=obj)


def praktijk_update(*, praktijk: Praktijk, by: AccountUser, data: Mapping[str, Any]) -> Praktijk:
    """Change the practice's name, theme, ambition, dates and status (never its slug)."""
    velden = (*PRAKTIJK_VELDEN, "privacy_email")
    _apply(praktijk, velden, data)
    # Only what the form changes: the practice came from the access check, which may keep it in
    # the worker for a while (praktijken.access), so its other fields are not written back.
    _save(
        praktijk,
        praktijk=praktijk,
        by=by,
        actie="praktijk.update",
        update_fields=[*velden, "updated_at"],
    )
    return praktijk


def bijeenkomst_create(
    *, praktijk: Praktijk, by: AccountUser, data: Mapping[str, Any]
) -> Bijeenkomst:
    """Plan a meeting of the practice."""
    bijeenkomst = Bijeenkomst(praktijk=praktijk)
    _apply(bijeenkomst, BIJEENKOMST_VELDEN, data)
    _save(bijeenkomst, praktijk=praktijk, by=by, actie="bijeenkomst.create")
    return bijeenkomst


def bijeenkomst_update(
    *, bijeenkomst: Bijeenkomst, by: AccountUser, data: Mapping[str, Any]
) -> Bijeenkomst:
    """Change a meeting: its time and place, agenda, who plans, who takes minutes, the minutes.

    Once the invitations went out, a new time, place or title raises the calendar's version,
    and the registered apps hear of it (netwerk mails the invitees the update)."""
    # From the database: a bound ModelForm has already changed the instance while validating.
    voor = Bijeenkomst.objects.filter(pk=bijeenkomst.pk).values(*Bijeenkomst.AGENDA_VELDEN).get()
    _apply(bijeenkomst, BIJEENKOMST_VELDEN, data)
    verschoven = any(voor[veld] != getattr(bijeenkomst, veld) for veld in Bijeenkomst.AGENDA_VELDEN)
    with transaction.atomic():
        if verschoven and bijeenkomst.uitnodiging_verstuurd_op is not None:
            bijeenkomst.ics_volgnummer += 1
        _save(bijeenkomst, praktijk=bijeenkomst.praktijk, by=by, actie="bijeenkomst.update")
        bijeenkomst_gewijzigd(bijeenkomst=bijeenkomst)
    return bijeenkomst


def bijeenkomst_cancel(*, bijeenkomst: Bijeenkomst, by: AccountUser) -> bool:
    """Call the meeting off. Once the invitations went out, the calendar's version goes up and
    the registered apps hear of it (netwerk mails whoever had the invitation the cancellation).
    False when it was called off already."""
    with transaction.atomic():
        afgezegd = Bijeenkomst.objects.filter(pk=bijeenkomst.pk, afgezegd_op__isnull=True).update(
            afgezegd_op=timezone.now()
        )
        if not afgezegd:
            return False
        bijeenkomst.refresh_from_db(fields=["afgezegd_op"])
        if bijeenkomst.uitnodiging_verstuurd_op is not None:
            bijeenkomst.ics_volgnummer += 1
        _save(bijeenkomst, praktijk=bijeenkomst.praktijk, by=by, actie="bijeenkomst.cancel")
        bijeenkomst_gewijzigd(bijeenkomst=bijeenkomst)
    return True


def ontwerpvraag_create(
    *, praktijk: Praktijk, by: AccountUser, data: Mapping[str, Any]
) -> Ontwerpvraag:
    """Add a design question to the practice."""
    ontwerpvraag = Ontwerpvraag(praktijk=praktijk)
    _apply(ontwerpvraag, ONTWERPVRAAG_VELDEN, data)
    _save(ontwerpvraag, praktijk=praktijk, by=by, actie="ontwerpvraag.create")
    return ontwerpvraag


def ontwerpvraag_update(
    *, ontwerpvraag: Ontwerpvraag, by: AccountUser, data: Mapping[str, Any]
) -> Ontwerpvraag:
    """Rephrase or reorder a design question."""
    _apply(ontwerpvraag, ONTWERPVRAAG_VELDEN, data)
    _save(ontwerpvraag, praktijk=ontwerpvraag.praktijk, by=by, actie="ontwerpvraag.update")
    return ontwerpvraag


def _check_ontwerpvraag(verhaal: Verhaal) -> None:
    # A story can only point at a design question of its own practice.
    vraag = verhaal.ontwerpvraag
    if vraag is not None and vraag.praktijk_id != verhaal.praktijk_id:
        raise ValueError("The design question belongs to another practice.")


def verhaal_create(*, praktijk: Praktijk, by: AccountUser, data: Mapping[str, Any]) -> Verhaal:
    """Add a success story; whoever adds it may edit it later."""
    verhaal = Verhaal(praktijk=praktijk, created_by=by)
    _apply(verhaal, VERHAAL_VELDEN, data)
    _check_ontwerpvraag(verhaal)
    _save(verhaal, praktijk=praktijk, by=by, actie="verhaal.create")
    return verhaal


def verhaal_update(*, verhaal: Verhaal, by: AccountUser, data: Mapping[str, Any]) -> Verhaal:
    """Change a success story."""
    _apply(verhaal, VERHAAL_VELDEN, data)
    _check_ontwerpvraag(verhaal)
    _save(verhaal, praktijk=verhaal.praktijk, by=by, actie="verhaal.update")
    return verhaal


@transaction.atomic
def verhaal_share(*, verhaal: Verhaal, by: AccountUser, gedeeld: bool) -> Verhaal:
    """Share the story with the programme's library (never who told it), or stop sharing it."""
    if gedeeld == (verhaal.gedeeld_op is not None):
        return verhaal  # already so: a second click changes nothing and records nothing
    verhaal.gedeeld_op = timezone.now() if gedeeld else None
    verhaal.save(update_fields=["gedeeld_op"])
    actie = "verhaal.share" if gedeeld else "verhaal.unshare"
    gebeurtenis_record(praktijk=verhaal.praktijk, by=by, actie=actie, obj=verhaal)
    return verhaal
