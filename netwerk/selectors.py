from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404

from netwerk.models import (
    Afspraak,
    Deelname,
    DeelnameWijziging,
    Groep,
    Levensdomein,
    Organisatie,
    Persoon,
)
from praktijken.models import Lidmaatschap, Praktijk


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


def afspraken_for_praktijk(*, praktijk: Praktijk) -> QuerySet[Afspraak]:
    """The network's working agreements, by topic."""
    return Afspraak.objects.filter(praktijk=praktijk).order_by("onderwerp", "pk")


def wijzigingen_for_praktijk(*, praktijk: Praktijk, limit: int = 25) -> list[DeelnameWijziging]:
    """The latest joins and moves between the groups of the practice, newest first (one query)."""
    return list(
        DeelnameWijziging.objects.filter(deelname__praktijk=praktijk)
        .select_related("deelname__organisatie", "door")
        .order_by("-op", "-pk")[:limit]
    )


def organisatie_get_for_praktijk(*, praktijk: Praktijk, pk: int) -> Organisatie:
    """One organisation that takes part in the practice, with its domains and people; else 404."""
    return get_object_or_404(
        organisaties_for_praktijk(praktijk=praktijk).prefetch_related(
            "levensdomeinen", Prefetch("personen", queryset=Persoon.objects.order_by("naam"))
        ),
        pk=pk,
    )


def deelname_get_for_praktijk(*, praktijk: Praktijk, pk: int) -> Deelname:
    """One participation in the practice, with its organisation; else 404."""
    return get_object_or_404(
        Deelname.objects.filter(praktijk=praktijk).select_related("organisatie"), pk=pk
    )


def deelname_with_history(*, praktijk: Praktijk, organisatie: Organisatie) -> Deelname | None:
    """The organisation's participation in the practice with its group history (two queries)."""
    return (
        Deelname.objects.filter(praktijk=praktijk, organisatie=organisatie)
        .prefetch_related(
            Prefetch(
                "wijzigingen",
                queryset=DeelnameWijziging.objects.select_related("door").order_by("-op", "-pk"),
            )
        )
        .first()
    )


def persoon_get_for_praktijk(*, praktijk: Praktijk, pk: int) -> Persoon:
    """A person at an organisation that takes part in the practice; else 404."""
    return get_object_or_404(
        Persoon.objects.filter(organisatie__deelnames__praktijk=praktijk).select_related(
            "organisatie"
        ),
        pk=pk,
    )


def organisaties_to_join(*, praktijk: Praktijk) -> QuerySet[Organisatie]:
    """Organisations in the region that do not take part in this practice yet."""
    return Organisatie.objects.exclude(deelnames__praktijk=praktijk).order_by("naam")


def wijken_for_praktijk(*, praktijk: Praktijk) -> list[str]:
    """The neighbourhoods served by the practice's organisations, sorted, once each (one query)."""
    gezien: dict[str, str] = {}
    for wijken in organisaties_for_praktijk(praktijk=praktijk).values_list("wijken", flat=True):
        for wijk in wijken.split(","):
            if wijk.strip():
                gezien.setdefault(wijk.strip().casefold(), wijk.strip())
    return sorted(gezien.values(), key=str.casefold)


def _labels_matching(choices: list[tuple[str, str]], q: str) -> list[str]:
    """The codes of the choices whose code or (translated) label contains q."""
    q = q.casefold()
    return [code for code, label in choices if q in code.casefold() or q in str(label).casefold()]


def _organisatie_match(q: str, *, via: str = "") -> Q:
    """Organisations whose name, offer, neighbourhoods, town, kind or domain contains q.

    `via` is the path from the queried model to the organisation: "" from an organisation,
    "organisatie__" from a person, whose own organisation is then joined and tested row by row.
    """
    return (
        Q(**{f"{via}naam__icontains": q})
        | Q(**{f"{via}beschrijving__icontains": q})
        | Q(**{f"{via}wijken__icontains": q})
        | Q(**{f"{via}plaats__icontains": q})
        | Q(**{f"{via}soort__in": _labels_matching(Organisatie.Soort.choices, q)})
        | Q(
            Exists(
                Organisatie.levensdomeinen.through.objects.filter(
                    organisatie=OuterRef(f"{via}pk"),
                    levensdomein__code__in=_labels_matching(Levensdomein.Code.choices, q),
                )
            )
        )
    )


def sociale_kaart(
    *,
    praktijk: Praktijk,
    q: str = "",
    soort: str = "",
    domein: str = "",
    wijk: str = "",
) -> list[Organisatie]:
    """The practice's social map: matching organisations with their domains and people.

    q matches the name, offer, kind, domain and neighbourhoods of an organisation, and the
    name, function, expertise and "call me for" of its people. When q matches only some people
    of an organisation, just those are listed (`kaart_personen`). Three queries, whatever the size.
    """
    organisaties = organisaties_for_praktijk(praktijk=praktijk).annotate(
        groep=Subquery(
            Deelname.objects.filter(praktijk=praktijk, organisatie=OuterRef("pk")).values("groep")[
                :1
            ]
        )
    )
    personen = Persoon.objects.order_by("naam")
    q = q.strip()
    if q:
        persoon_match = (
            Q(naam__icontains=q)
            | Q(functie__icontains=q)
            | Q(expertise__icontains=q)
            | Q(bel_mij_voor__icontains=q)
        )
        organisaties = organisaties.filter(
            _organisatie_match(q)
            | Q(Exists(Persoon.objects.filter(persoon_match, organisatie=OuterRef("pk"))))
        )
        # Everyone at an organisation that matches as a whole; otherwise only the people that do.
        # The person's own organisation is tested (a join), not a list of all matching ones: that
        # list would grow with every practice in the installation (issue #6).
        personen = personen.filter(persoon_match | _organisatie_match(q, via="organisatie__"))
    if soort:
        organisaties = organisaties.filter(soort=soort)
    if domein:
        organisaties = organisaties.filter(
            Exists(
                Organisatie.levensdomeinen.through.objects.filter(
                    organisatie=OuterRef("pk"), levensdomein__code=domein
                )
            )
        )
    if wijk:
        organisaties = organisaties.filter(wijken__icontains=wijk.strip())
    resultaat = list(
        organisaties.order_by("naam", "pk").prefetch_related(
            "levensdomeinen",
            Prefetch("personen", queryset=personen, to_attr="kaart_personen"),
        )
    )
    if wijk:
        # icontains is a coarse first cut ("Stein" is inside "Stein-Noord"); keep exact names only.
        gezocht = wijk.strip().casefold()
        resultaat = [o for o in resultaat if gezocht in {w.casefold() for w in o.wijken_lijst}]
    return resultaat
