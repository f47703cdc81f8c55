"""Writes of the vocabulary: the starting list, suggesting, settling, changing, removing."""

from collections.abc import Mapping
from typing import Any

from django.db.models.functions import Lower

from begrippen.models import Begrip
from begrippen.selectors import begrippen_vergeten
from begrippen.startlijst import STARTLIJST
from config.http import AccountUser
from praktijken.models import Praktijk


class TermBestaatAl(ValueError):
    """The practice already has this term (in any case)."""


def startlijst_load(*, praktijk: Praktijk) -> int:
    """Add the starting terms the practice does not have yet, settled; return how many."""
    bestaand = set(
        Begrip.objects.filter(praktijk=praktijk)
        .annotate(t=Lower("term"))
        .values_list("t", flat=True)
    )
    nieuw = [
        Begrip(
            praktijk=praktijk,
            term=term,
            definitie=definitie,
            zo_zeggen_mantelzorgers=zo,
            status=Begrip.Status.VASTGESTELD,
        )
        for term, definitie, zo in STARTLIJST
        if term.lower() not in bestaand
    ]
    Begrip.objects.bulk_create(nieuw)  # no signals: drop the cached terms here
    begrippen_vergeten(praktijk_id=praktijk.pk)
    return len(nieuw)


def _check_uniek(*, praktijk: Praktijk, term: str, behalve: int | None = None) -> None:
    qs = Begrip.objects.filter(praktijk=praktijk, term__iexact=term)
    if behalve is not None:
        qs = qs.exclude(pk=behalve)
    if qs.exists():
        raise TermBestaatAl(term)


def begrip_suggest(*, praktijk: Praktijk, by: AccountUser, data: Mapping[str, Any]) -> Begrip:
    """A member suggests a term; it waits for the facilitator."""
    _check_uniek(praktijk=praktijk, term=data["term"])
    return Begrip.objects.create(
        praktijk=praktijk,
        term=data["term"],
        definitie=data["definitie"],
        zo_zeggen_mantelzorgers=data.get("zo_zeggen_mantelzorgers", ""),
        voorgesteld_door=by,
        status=Begrip.Status.VOORGESTELD,
    )


def begrip_update(*, begrip: Begrip, data: Mapping[str, Any]) -> Begrip:
    """The facilitator changes a term and settles it (or leaves it suggested)."""
    _check_uniek(praktijk=begrip.praktijk, term=data["term"], behalve=begrip.pk)
    for veld in ("term", "definitie", "zo_zeggen_mantelzorgers", "status"):
        if veld in data:
            setattr(begrip, veld, data[veld])
    begrip.save()
    return begrip


def begrip_delete(*, begrip: Begrip) -> None:
    begrip.delete()
