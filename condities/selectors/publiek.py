"""What a practice shows the public of its workshops: the small steps it has done."""

from condities.models import Actie
from praktijken.models import Praktijk


def acties_gedaan_voor(*, praktijk: Praktijk, limit: int = 20) -> list[Actie]:
    """The agreed next steps the practice has done, newest first: their text only (1 query).

    The one place that says what "done" means (today the `gedaan` flag), for the public page
    "You said, we did"."""
    return list(
        Actie.objects.filter(sessie__praktijk=praktijk, soort=Actie.Soort.STAP, gedaan=True)
        .only("pk", "sessie_id", "tekst", "conditie", "created_at")
        .order_by("-created_at", "-pk")[:limit]
    )
