"""What a practice shows the public of its workshops: the small steps it has done."""

from django.db.models import F

from condities.models import Actie
from praktijken.models import Praktijk


def acties_gedaan_voor(*, praktijk: Praktijk, limit: int = 20) -> list[Actie]:
    """The agreed next steps the practice has done, newest first: their text only (1 query).

    The one place that says what "done" means for the public page "You said, we did": the
    status done, from a workshop or a meeting."""
    return list(
        Actie.objects.filter(praktijk=praktijk, soort=Actie.Soort.STAP, status=Actie.Status.GEDAAN)
        .only("pk", "praktijk_id", "tekst", "conditie", "gedaan_op", "created_at")
        .order_by(F("gedaan_op").desc(nulls_last=True), "-created_at", "-pk")[:limit]
    )
