"""Tallies typed in from paper forms: they count like online answers."""

from django.db import transaction

from condities.models import PapierTelling, Sessie
from condities.services.sessies import SessieGesloten
from config.http import AccountUser
from praktijken.audit import gebeurtenis_record


@transaction.atomic
def papier_tellingen_save(
    *, sessie: Sessie, formulieren: int, tellingen: dict[int, dict[int, int]], by: AccountUser
) -> None:
    """Store the tallies from paper forms: {stelling_id: {score (0 = weet ik niet): count}} and
    record "papier.save". Raises SessieGesloten when the session is closed (nothing recorded)."""
    if sessie.status == Sessie.Status.GESLOTEN:
        raise SessieGesloten
    sessie.papieren_formulieren = formulieren
    sessie.save(update_fields=["papieren_formulieren"])
    PapierTelling.objects.filter(sessie=sessie).delete()
    PapierTelling.objects.bulk_create(
        PapierTelling(sessie=sessie, stelling_id=stelling_id, score=score, aantal=aantal)
        for stelling_id, per_score in tellingen.items()
        for score, aantal in per_score.items()
        if aantal
    )
    gebeurtenis_record(praktijk=sessie.praktijk, by=by, actie="papier.save", obj=sessie)
