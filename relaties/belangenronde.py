"""Writes of the interests round (belangenronde): send it, and a person's review of their
organisation's interests by personal link. Inviting, reminding and closing are shared with the
relationship round (relaties/rondes.py)."""

import datetime
from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone

from config.http import AccountUser
from netwerk.models import BelangenVersie, Deelname, Persoon
from netwerk.services import belangen_update
from praktijken.models import Praktijk
from relaties import rondes
from relaties.models import BelangenDeelnemer, Belangenronde


class OrganisatieDoetNietMeerMee(Exception):
    """The participant's organisation no longer takes part in the practice."""


@transaction.atomic
def belangenronde_create(
    *,
    praktijk: Praktijk,
    by: AccountUser,
    titel: str,
    sluit_op: datetime.datetime,
    personen: Sequence[Persoon],
) -> Belangenronde:
    """Open an interests round; each person with an e-mail address gets a personal link."""
    ronde = rondes.ronde_open(
        soort=rondes.SOORTEN["belangenronde"],
        praktijk=praktijk,
        by=by,
        titel=titel,
        sluit_op=sluit_op,
        personen=personen,
    )
    assert isinstance(ronde, Belangenronde)
    return ronde


@transaction.atomic
def belangen_review(
    *,
    deelnemer: BelangenDeelnemer,
    belangen: str,
    bijdrage: str,
    tijdsinvestering: str,
    verwachting: str,
) -> BelangenVersie:
    """Save what this person says their organisation's interests are now, as a new version
    (unchanged counts too: it was discussed), while the round is open (else RondeGesloten).
    The person may come back with the same link and change it until the round closes."""
    ronde = rondes.ronde_lock_open(deelnemer.ronde)
    deelname = (
        Deelname.objects.select_for_update()
        .filter(praktijk_id=ronde.praktijk_id, organisatie_id=deelnemer.organisatie_id)
        .select_related("praktijk", "organisatie")
        .first()
    )
    if deelname is None:
        raise OrganisatieDoetNietMeerMee
    versie = belangen_update(
        deelname=deelname,
        by=None,
        door_naam=deelnemer.naam or deelnemer.email,
        belangen=belangen,
        bijdrage=bijdrage,
        tijdsinvestering=tijdsinvestering,
        verwachting=verwachting,
    )
    BelangenDeelnemer.objects.filter(pk=deelnemer.pk).update(klaar_op=timezone.now())
    return versie
