"""Who did what in a practice: one function that every changing service calls."""

from django.contrib.auth.models import AnonymousUser
from django.db import models

from config.http import AccountUser
from praktijken.models import Gebeurtenis, Praktijk

OMSCHRIJVING_MAX = 200


def gebeurtenis_record(
    *,
    praktijk: Praktijk,
    by: AccountUser | AnonymousUser | None,
    actie: str,
    obj: models.Model | None = None,
    omschrijving: str | None = None,
) -> Gebeurtenis:
    """Record that `by` did `actie` (e.g. "bijeenkomst.create") on `obj` in the practice.

    `by` is None for the system itself (a sweep, a public form). The description defaults to the
    object's name at this moment, cut to fit; pass "" where that name is personal (a carer's words).
    """
    if omschrijving is None:
        omschrijving = str(obj) if obj is not None else ""
    return Gebeurtenis.objects.create(
        praktijk=praktijk,
        door=by if by is not None and by.is_authenticated else None,
        actie=actie,
        object_soort=obj._meta.label_lower if obj is not None else "",
        object_id=obj.pk if obj is not None else None,
        omschrijving=omschrijving[:OMSCHRIJVING_MAX],
    )
