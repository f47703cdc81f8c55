"""Writes of the relationship round: send it, answer it, and its map at closing. Inviting,
reminding and closing are shared with the interests round (relaties/rondes.py)."""

import datetime
from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone

from config.http import AccountUser
from netwerk.models import Persoon
from praktijken.models import Praktijk
from relaties import rondes
from relaties.models import (
    STAP_NIVEAU,
    Kaartpositie,
    RelatieAntwoord,
    Relatieronde,
    RondeDeelnemer,
    Stap,
)
from relaties.selectors import netwerkbeeld


@transaction.atomic
def ronde_create(
    *,
    praktijk: Praktijk,
    by: AccountUser,
    titel: str,
    sluit_op: datetime.datetime,
    personen: Sequence[Persoon],
) -> Relatieronde:
    """Open a relationship round; each person with an e-mail address gets a personal link."""
    ronde = rondes.ronde_open(
        soort=rondes.SOORTEN["relatieronde"],
        praktijk=praktijk,
        by=by,
        titel=titel,
        sluit_op=sluit_op,
        personen=personen,
    )
    assert isinstance(ronde, Relatieronde)
    return ronde


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
    ronde = rondes.ronde_lock_open(deelnemer.ronde)
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


def kaart_store(*, ronde: Relatieronde) -> None:
    """Compute the round's map once and keep it (positions of earlier rounds stay put)."""
    Kaartpositie.objects.filter(ronde=ronde).delete()
    beeld = netwerkbeeld(ronde=ronde)
    Kaartpositie.objects.bulk_create(
        Kaartpositie(ronde=ronde, organisatie_id=o, x=x, y=y)
        for o, (x, y) in beeld.posities.items()
    )
