"""Reads about the tallies typed in from paper forms."""

from condities.models import PapierTelling, Sessie


def papier_tellingen(*, sessie: Sessie) -> dict[tuple[int, int], int]:
    """The tallies typed in from paper forms: {(stelling_id, score): count}, 0 = don't know."""
    return {
        (stelling_id, score): aantal
        for stelling_id, score, aantal in PapierTelling.objects.filter(sessie=sessie).values_list(
            "stelling_id", "score", "aantal"
        )
    }
