"""An organisation's interests in a practice, stated and revisited by its own members: every
change is a new version with its date and author."""

from django.db import transaction

from netwerk.models import BelangenVersie, Deelname, User
from praktijken.audit import gebeurtenis_record

BELANGEN_VELDEN = ("belangen", "bijdrage", "tijdsinvestering", "verwachting")


@transaction.atomic
def belangen_update(
    *,
    deelname: Deelname,
    by: User | None,
    belangen: str,
    bijdrage: str,
    tijdsinvestering: str,
    verwachting: str,
    door_naam: str = "",
) -> BelangenVersie:
    """Save the organisation's interests as a new version (also when unchanged: a review counts
    as discussed). `by` is None for a person who reviewed them by personal link in an interests
    round; `door_naam` then names them."""
    waarden = {
        "belangen": belangen,
        "bijdrage": bijdrage,
        "tijdsinvestering": tijdsinvestering,
        "verwachting": verwachting,
    }
    for veld, waarde in waarden.items():
        setattr(deelname, veld, waarde)
    deelname.save(update_fields=[*BELANGEN_VELDEN, "updated_at"])
    versie = BelangenVersie.objects.create(
        deelname=deelname, door=by, door_naam=door_naam[:200], **waarden
    )
    gebeurtenis_record(praktijk=deelname.praktijk, by=by, actie="belangen.update", obj=deelname)
    return versie


def belangen_versie_if_changed(*, deelname: Deelname, by: User, vorige: dict[str, str]) -> None:
    """After an editor changed the participation: a new version when the interests changed."""
    if any(getattr(deelname, veld) != vorige.get(veld, "") for veld in BELANGEN_VELDEN):
        BelangenVersie.objects.create(
            deelname=deelname, door=by, **{v: getattr(deelname, v) for v in BELANGEN_VELDEN}
        )
