"""Reads of the vocabulary."""

from django.db.models import QuerySet
from django.http import Http404

from begrippen.models import Begrip
from praktijken.models import Praktijk


def begrippen_for_praktijk(*, praktijk: Praktijk) -> QuerySet[Begrip]:
    """All terms of the practice, settled and suggested, with who suggested them."""
    return Begrip.objects.filter(praktijk=praktijk).select_related("voorgesteld_door")


def begrippen_vastgesteld(*, praktijk: Praktijk) -> list[Begrip]:
    """The settled terms of the practice: what the glossary and the marked texts show."""
    return list(Begrip.objects.filter(praktijk=praktijk, status=Begrip.Status.VASTGESTELD))


def praktijk_for_woordenlijst(*, slug: str) -> Praktijk:
    """The practice whose public glossary is asked for, or 404."""
    praktijk = Praktijk.objects.filter(slug=slug).first()
    if praktijk is None:
        raise Http404
    return praktijk
