from django.db.models import Count, QuerySet

from experimenten.models import Experiment, Fase, Niveau
from praktijken.models import Praktijk


def experimenten_for_praktijk(*, praktijk: Praktijk) -> QuerySet[Experiment]:
    """The practice's experiments with their design question, ready for a list."""
    return Experiment.objects.filter(praktijk=praktijk).select_related("ontwerpvraag", "eigenaar")


def experimenten_matrix(*, praktijk: Praktijk) -> list[dict]:
    """Counts of experiments per level (rows) and phase (columns), in one query."""
    counts = {
        (row["niveau"], row["fase"]): row["n"]
        for row in Experiment.objects.filter(praktijk=praktijk)
        .values("niveau", "fase")
        .annotate(n=Count("pk"))
    }
    return [
        {
            "niveau": niveau,
            "label": label,
            "fasen": [counts.get((niveau, fase), 0) for fase in Fase.values],
            "totaal": sum(counts.get((niveau, fase), 0) for fase in Fase.values),
        }
        for niveau, label in Niveau.choices
    ]
