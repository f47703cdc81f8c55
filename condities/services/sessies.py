"""Sessions: create, open with a join code, reveal results, and the discussion's actions.

Each change a facilitator or editor makes is recorded in the practice's audit trail, in the same
transaction as the change.
"""

import datetime
import secrets

from django.db import IntegrityError, transaction
from django.utils import timezone

from condities.models import Actie, Conditie, Sessie, Stelling, Vrijgave
from condities.scherm_cache import scherm_forget
from condities.services.stellingen import stellingenset_for_praktijk
from config.http import AccountUser
from experimenten.models import Experiment, Fase
from experimenten.services import experiment_create
from praktijken.audit import gebeurtenis_record
from praktijken.models import Bijeenkomst, Ontwerpvraag, Praktijk

# No 0/O, 1/I/L: a code read from a projector must not be misread.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


class SessieGesloten(Exception):
    """The session is closed: answers can no longer change."""


def sessie_insert(
    *,
    praktijk: Praktijk,
    titel: str,
    datum: datetime.date,
    modus: str,
    condities: list[str],
    by: AccountUser,
    soort: str = Sessie.Soort.WERKVORM,
    stellingen: list[Stelling] | None = None,
    herinnering_na_dagen: int = 7,
    alleen_leden: bool = False,
) -> Sessie:
    """The session row itself, without an audit event: for `sessie_create` and `checkin_create`,
    which each record their own."""
    ordered = [code for code in Conditie.values if code in set(condities)]
    sessie = Sessie.objects.create(
        praktijk=praktijk,
        soort=soort,
        titel=titel,
        datum=datum,
        modus=modus,
        condities=ordered,
        stellingenset=stellingenset_for_praktijk(praktijk=praktijk),
        herinnering_na_dagen=herinnering_na_dagen,
        alleen_leden=alleen_leden,
        created_by=by,
    )
    if stellingen:
        sessie.stellingen.set(stellingen)
    return sessie


def sessie_create(
    *,
    praktijk: Praktijk,
    titel: str,
    datum: datetime.date,
    modus: str,
    condities: list[str],
    by: AccountUser,
    soort: str = Sessie.Soort.WERKVORM,
    stellingen: list[Stelling] | None = None,
    herinnering_na_dagen: int = 7,
    alleen_leden: bool = False,
) -> Sessie:
    """Create a session (or check-in) on the practice's current statement set; `alleen_leden`:
    only members who logged in can join."""
    with transaction.atomic():
        sessie = sessie_insert(
            praktijk=praktijk,
            titel=titel,
            datum=datum,
            modus=modus,
            condities=condities,
            by=by,
            soort=soort,
            stellingen=stellingen,
            herinnering_na_dagen=herinnering_na_dagen,
            alleen_leden=alleen_leden,
        )
        gebeurtenis_record(praktijk=praktijk, by=by, actie="sessie.create", obj=sessie)
    return sessie


def sessie_code_assign(*, sessie: Sessie) -> bool:
    """Open the session with a fresh join code that no other open session uses, without an
    audit event (for `sessie_open` and `checkin_create`, which record their own). False when it
    was open already; raises SessieGesloten when it is closed."""
    if sessie.status == Sessie.Status.GESLOTEN:
        raise SessieGesloten
    if sessie.is_open:
        return False
    for _attempt in range(20):
        sessie.code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        sessie.status = Sessie.Status.OPEN
        sessie.geopend_op = timezone.now()
        try:
            with transaction.atomic():  # a savepoint when the caller's transaction is open
                sessie.save(update_fields=["code", "status", "geopend_op"])
        except IntegrityError:
            continue
        # Where the figures released while it is open are kept (condities.disclosure, rule 3).
        Vrijgave.objects.get_or_create(sessie=sessie)
        return True
    raise RuntimeError("Could not find a free join code.")


def sessie_open(*, sessie: Sessie, by: AccountUser) -> Sessie:
    """Open the session with a fresh join code that no other open session uses. Opening an open
    session changes nothing and records nothing; raises SessieGesloten when it is closed."""
    with transaction.atomic():
        geopend = sessie_code_assign(sessie=sessie)
        if geopend:
            gebeurtenis_record(praktijk=sessie.praktijk, by=by, actie="sessie.open", obj=sessie)
    if geopend:
        scherm_forget(sessie_pk=sessie.pk)
    return sessie


def sessie_reveal(*, sessie: Sessie, condities: list[str], by: AccountUser) -> Sessie:
    """Show these conditions' results on the room's screen (all of them with every code).
    Revealing what is shown already changes nothing and records nothing."""
    wanted = set(sessie.onthuld) | (set(condities) & set(sessie.condities))
    onthuld = [code for code in Conditie.values if code in wanted]
    if onthuld == sessie.onthuld:
        return sessie
    sessie.onthuld = onthuld
    with transaction.atomic():
        sessie.save(update_fields=["onthuld"])
        gebeurtenis_record(praktijk=sessie.praktijk, by=by, actie="sessie.reveal", obj=sessie)
    scherm_forget(sessie_pk=sessie.pk)
    return sessie


def actie_create(*, sessie: Sessie, actie: Actie, by: AccountUser) -> Actie:
    """Add a point of the discussion (what goes well, or a next step) to the session.

    The same point again (same condition, kind and words; a form sent twice, or a step from the
    screen typed in once more to add who and when) adds no second row: it fills in the who and
    when the first one lacks and returns it. This is where the dashboard's duplicates came from.
    """
    actie.sessie = sessie
    actie.praktijk_id = sessie.praktijk_id
    with transaction.atomic():
        bestaand = (
            Actie.objects.select_for_update()
            .filter(
                sessie=sessie,
                conditie=actie.conditie,
                soort=actie.soort,
                tekst=actie.tekst.strip(),
            )
            .order_by("pk")
            .first()
        )
        if bestaand is not None:
            changed = [
                veld
                for veld in ("wie", "wanneer", "eigenaar")
                if getattr(bestaand, veld) in (None, "") and getattr(actie, veld) not in (None, "")
            ]
            for veld in changed:
                setattr(bestaand, veld, getattr(actie, veld))
            if changed:
                bestaand.save(update_fields=[*changed, "updated_at"])
                gebeurtenis_record(
                    praktijk=sessie.praktijk, by=by, actie="actie.update", obj=bestaand
                )
            return bestaand
        actie.tekst = actie.tekst.strip()
        actie.save()
        gebeurtenis_record(praktijk=sessie.praktijk, by=by, actie="actie.create", obj=actie)
    return actie


@transaction.atomic
def actie_to_experiment(
    *,
    actie: Actie,
    by: AccountUser,
    ontwerpvraag: Ontwerpvraag,
    titel: str,
    doel: str,
    niveau: str,
) -> Experiment:
    """Start an experiment (an idea, in the design phase) from an agreed next step. A step that
    became one already returns that experiment and records nothing."""
    actie = (
        Actie.objects.select_for_update(of=("self",)).select_related("praktijk").get(pk=actie.pk)
    )
    if actie.experiment is not None:  # no query when there is none
        return actie.experiment
    experiment = experiment_create(
        praktijk=actie.praktijk,
        by=by,
        ontwerpvraag=ontwerpvraag,
        titel=titel,
        doel=doel,
        niveau=niveau,
        fase=Fase.VORMGEVEN,
        status=Experiment.Status.IDEE,
    )
    actie.experiment = experiment
    actie.save(update_fields=["experiment"])
    gebeurtenis_record(praktijk=actie.praktijk, by=by, actie="actie.to_experiment", obj=actie)
    return experiment


def sessie_bijeenkomst_link(
    *, bijeenkomst: Bijeenkomst, sessie: Sessie | None, by: AccountUser
) -> None:
    """Link the workshop session held at this meeting (None: no session), replacing a former
    link. The session must be a workshop of the meeting's practice."""
    if sessie is not None and (
        sessie.praktijk_id != bijeenkomst.praktijk_id or sessie.soort != Sessie.Soort.WERKVORM
    ):
        raise ValueError("Only a workshop of the meeting's practice can be linked.")
    with transaction.atomic():
        Sessie.objects.filter(bijeenkomst=bijeenkomst).update(bijeenkomst=None)
        if sessie is not None:
            Sessie.objects.filter(pk=sessie.pk).update(bijeenkomst=bijeenkomst)
        gebeurtenis_record(
            praktijk=bijeenkomst.praktijk, by=by, actie="bijeenkomst.sessie", obj=bijeenkomst
        )
