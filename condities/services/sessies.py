"""Sessions: create, open with a join code, reveal results, and the discussion's actions."""

import secrets

from django.db import IntegrityError, transaction
from django.utils import timezone

from condities.live_cache import live_forget
from condities.models import Actie, Conditie, Sessie, Stelling
from condities.services.stellingen import stellingenset_for_praktijk
from experimenten.models import Experiment, Fase
from experimenten.services import experiment_create
from netwerk.models import User
from praktijken.models import Praktijk

# No 0/O, 1/I/L: a code read from a projector must not be misread.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


class SessieGesloten(Exception):
    """The session is closed: answers can no longer change."""


def sessie_create(
    *,
    praktijk: Praktijk,
    titel: str,
    datum,
    modus: str,
    condities: list[str],
    by: User,
    soort: str = Sessie.Soort.WERKVORM,
    stellingen: list[Stelling] | None = None,
    herinnering_na_dagen: int = 7,
) -> Sessie:
    """Create a session (or check-in) on the practice's current statement set."""
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
        created_by=by,
    )
    if stellingen:
        sessie.stellingen.set(stellingen)
    return sessie


def sessie_open(*, sessie: Sessie) -> Sessie:
    """Open the session with a fresh join code that no other open session uses."""
    if sessie.status == Sessie.Status.GESLOTEN:
        raise SessieGesloten
    if sessie.is_open:
        return sessie
    for _attempt in range(20):
        sessie.code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        sessie.status = Sessie.Status.OPEN
        sessie.geopend_op = timezone.now()
        try:
            with transaction.atomic():
                sessie.save(update_fields=["code", "status", "geopend_op"])
        except IntegrityError:
            continue
        live_forget(sessie_pk=sessie.pk)
        return sessie
    raise RuntimeError("Could not find a free join code.")


def sessie_reveal(*, sessie: Sessie, condities: list[str]) -> Sessie:
    """Show these conditions' results on the presenter view (all of them with every code)."""
    wanted = set(sessie.onthuld) | (set(condities) & set(sessie.condities))
    sessie.onthuld = [code for code in Conditie.values if code in wanted]
    sessie.save(update_fields=["onthuld"])
    live_forget(sessie_pk=sessie.pk)
    return sessie


def actie_create(*, sessie: Sessie, actie: Actie) -> Actie:
    """Add a point of the discussion (what goes well, or a next step) to the session."""
    actie.sessie = sessie
    actie.save()
    return actie


@transaction.atomic
def actie_to_experiment(
    *, actie: Actie, by: User, ontwerpvraag, titel: str, doel: str, niveau: str
) -> Experiment:
    """Start an experiment (an idea, in the design phase) from an agreed next step."""
    actie = Actie.objects.select_for_update().get(pk=actie.pk)
    if actie.experiment_id:
        return actie.experiment
    experiment = experiment_create(
        praktijk=actie.sessie.praktijk,
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
    return experiment
