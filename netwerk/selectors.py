from django.db.models import QuerySet

from netwerk.models import Deelname, Groep, Lidmaatschap, Organisatie
from praktijken.models import Praktijk


def deelnames_for_praktijk(*, praktijk: Praktijk) -> QuerySet[Deelname]:
    """The organisations in the practice's network, with their organisation, in two queries."""
    return (
        Deelname.objects.filter(praktijk=praktijk)
        .select_related("organisatie")
        .order_by("groep", "organisatie__naam")
    )


def groepen_for_praktijk(*, praktijk: Praktijk) -> dict[str, list[Deelname]]:
    """The core group and the design group, each a list of participations (one query)."""
    groepen: dict[str, list[Deelname]] = {Groep.KERNGROEP: [], Groep.ONTWERPGROEP: []}
    for deelname in deelnames_for_praktijk(praktijk=praktijk):
        groepen[deelname.groep].append(deelname)
    return groepen


def organisaties_for_praktijk(*, praktijk: Praktijk) -> QuerySet[Organisatie]:
    """Every organisation that takes part in the practice."""
    return Organisatie.objects.filter(deelnames__praktijk=praktijk)


def leden_for_praktijk(*, praktijk: Praktijk) -> QuerySet[Lidmaatschap]:
    """The accounts with a role in the practice."""
    return (
        Lidmaatschap.objects.filter(praktijk=praktijk)
        .select_related("user")
        .order_by("rol", "user__email")
    )
