"""Taking part: joining a session, answering its statements, finishing."""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from condities.models import Antwoord, Deelnemer, Sessie, Stelling
from condities.selectors.deelname import respondentgroep_for
from condities.services.inbreng import stemmen_recount
from condities.services.sessies import SessieGesloten
from config.http import AccountUser
from netwerk.models import Organisatie, User
from praktijken.audit import gebeurtenis_record


def deelnemer_join(
    *,
    sessie: Sessie,
    user: User | None = None,
    naam: str = "",
    organisatie: Organisatie | None = None,
    mantelzorger: bool = False,
    email: str = "",
    herkomst: str = "",
) -> Deelnemer:
    """Add a participant; a member who joins twice gets their existing place back. `herkomst`
    is a keyed hash of the network they joined from (`herkomst_for`), to spot stuffing."""
    if not sessie.is_open:
        raise SessieGesloten
    if user is not None and user.is_authenticated:
        bestaand = Deelnemer.objects.filter(sessie=sessie, user=user).first()
        if bestaand:
            return bestaand
    else:
        user = None
    deelnemer = Deelnemer(
        sessie=sessie,
        user=user,
        naam=naam.strip(),
        organisatie=organisatie,
        groep=respondentgroep_for(
            praktijk=sessie.praktijk, organisatie=organisatie, mantelzorger=mantelzorger
        ),
        email=email.strip().lower(),
        token=secrets.token_urlsafe(32),
        herkomst=herkomst,
    )
    try:
        with transaction.atomic():
            deelnemer.save()
    except IntegrityError:
        # Two tabs of the same member joined at once: the other one won.
        return Deelnemer.objects.get(sessie=sessie, user=user)
    return deelnemer


def herkomst_for(address: str) -> str:
    """A keyed hash of a client's network (its IPv4 address, its IPv6 /64): the same network
    gives the same value within this installation, and the address cannot be read back."""
    if not address:
        return ""
    return hmac.new(
        settings.SECRET_KEY.encode(), f"herkomst:{address}".encode(), hashlib.sha256
    ).hexdigest()[:16]


@transaction.atomic
def deelnemers_remove(*, sessie: Sessie, deelnemers: list[Deelnemer], by: AccountUser) -> None:
    """Remove participants and everything they answered from an open session (answers that
    look like stuffing) and record "deelnemer.remove" for each — never what they answered. The
    figures shown move only as the disclosure rules allow (a removal is a change like any
    other). Raises SessieGesloten when the session is closed: its answers are frozen."""
    if not Sessie.objects.filter(pk=sessie.pk, status=Sessie.Status.OPEN).exists():
        raise SessieGesloten
    Deelnemer.objects.filter(sessie=sessie, pk__in=[d.pk for d in deelnemers]).delete()
    stemmen_recount(sessie=sessie)  # their votes went with them
    for _deelnemer in deelnemers:
        gebeurtenis_record(praktijk=sessie.praktijk, by=by, actie="deelnemer.remove", obj=sessie)


def deelnemer_remove(*, sessie: Sessie, deelnemer: Deelnemer, by: AccountUser) -> None:
    """One participant: `deelnemers_remove`."""
    deelnemers_remove(sessie=sessie, deelnemers=[deelnemer], by=by)


# One statement: stored only while the session is open, one row per (participant, statement)
# whatever arrives at the same moment (the unique constraint decides), the last score wins. The
# same SQL runs on PostgreSQL and SQLite (the SELECT's WHERE keeps SQLite's parser from reading
# ON CONFLICT as part of a join).
_ANTWOORD_UPSERT = """
INSERT INTO {antwoord} (deelnemer_id, stelling_id, score, updated_at)
SELECT %s, %s, %s, %s
WHERE EXISTS (SELECT 1 FROM {sessie} WHERE id = %s AND status = %s)
ON CONFLICT (deelnemer_id, stelling_id)
DO UPDATE SET score = excluded.score, updated_at = excluded.updated_at
"""


def antwoord_save(*, deelnemer: Deelnemer, stelling: Stelling, score: int | None) -> Antwoord:
    """Store or change one answer: an upsert on (participant, statement), never two rows, in
    one statement with the check that the session is open (an answer click is the busiest
    request of a workshop: one round trip to the database, no transaction around it). Raises
    SessieGesloten, storing nothing, when the session is no longer open."""
    nu = timezone.now()
    sql = _ANTWOORD_UPSERT.format(
        antwoord=connection.ops.quote_name(Antwoord._meta.db_table),
        sessie=connection.ops.quote_name(Sessie._meta.db_table),
    )
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            [deelnemer.pk, stelling.pk, score, nu, deelnemer.sessie_id, Sessie.Status.OPEN],
        )
        if cursor.rowcount == 0:
            raise SessieGesloten
    return Antwoord(deelnemer=deelnemer, stelling=stelling, score=score, updated_at=nu)


def antwoorden_save(
    *, deelnemer: Deelnemer, antwoorden: dict[Stelling, int | None], finish: bool = False
) -> None:
    """Store the answers of one post, and mark the participant done when they finish.

    All or nothing: a participant told "saved" has every answer stored, and one who gets an
    error (the 503 page while the database restarts) has none of this post stored. One answer
    is one statement (`antwoord_save`); more, or finishing, are one transaction. Raises
    SessieGesloten when the session is no longer open.
    """
    if len(antwoorden) == 1 and not finish:
        ((stelling, score),) = antwoorden.items()
        antwoord_save(deelnemer=deelnemer, stelling=stelling, score=score)
        return
    with transaction.atomic():
        if (
            not antwoorden
            and not Sessie.objects.filter(
                pk=deelnemer.sessie_id, status=Sessie.Status.OPEN
            ).exists()
        ):
            raise SessieGesloten
        for stelling, score in antwoorden.items():
            antwoord_save(deelnemer=deelnemer, stelling=stelling, score=score)
        if finish:
            deelnemer_finish(deelnemer=deelnemer)


def deelnemer_finish(*, deelnemer: Deelnemer) -> Deelnemer:
    """Mark the participant done (once); their answers may still change while it is open.
    Raises SessieGesloten when the session is no longer open."""
    if not Sessie.objects.filter(pk=deelnemer.sessie_id, status=Sessie.Status.OPEN).exists():
        raise SessieGesloten
    if deelnemer.klaar_op is None:
        deelnemer.klaar_op = timezone.now()
        deelnemer.save(update_fields=["klaar_op"])
    return deelnemer
