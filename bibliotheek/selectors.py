"""Reads of the library: the shared lessons, outcomes and stories, one list across the three.

The three kinds are one UNION query, newest shared first, so the list pages with one count and
one page of rows however many items there are. Only what a practice agreed to share leaves it:
the columns below are the whole of it (no owner, no teller, no organisation, no person)."""

from typing import Any, TypedDict

from django.db.models import CharField, F, Q, QuerySet, TextField, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.functional import Promise

from experimenten.models import Experiment, Niveau, Opbrengst
from praktijken.models import Praktijk, Verhaal

LES = "les"
OPBRENGST = "opbrengst"
VERHAAL = "verhaal"

# The columns of every kind, in one order (a UNION pairs columns by position).
KOLOMMEN = (
    "k_soort",
    "k_pk",
    "k_titel",
    "k_tekst",
    "k_tip",
    "k_praktijk",
    "k_niveau",
    "k_opbrengst_soort",
    "k_gedeeld_op",
)


class Item(TypedDict):
    """One shared item as the library's list shows it."""

    soort: str
    pk: int
    titel: str
    tekst: str
    tip: str
    praktijk: str
    niveau: str
    niveau_label: str | Promise
    opbrengst_soort: str
    opbrengst_soort_label: str | Promise
    gedeeld_op: Any


def _leeg() -> Value:
    return Value("", output_field=CharField())


def _lessen(*, praktijken: QuerySet[Praktijk], q: str, niveau: str, thema: str) -> QuerySet:
    qs = Experiment.objects.filter(gedeeld_op__isnull=False, praktijk__in=praktijken)
    if q:
        qs = qs.filter(
            Q(titel__icontains=q)
            | Q(doel__icontains=q)
            | Q(resultaat__icontains=q)
            | Q(lessen__icontains=q)
            | Q(tip__icontains=q)
        )
    if niveau:
        qs = qs.filter(niveau=niveau)
    if thema:
        qs = qs.filter(
            Q(ontwerpvraag__vraag__icontains=thema) | Q(praktijk__kernthema__icontains=thema)
        )
    return (
        qs.annotate(
            k_soort=Value(LES, output_field=CharField()),
            k_pk=F("pk"),
            k_titel=F("titel"),
            # The lessons learned, or while there are none yet what it aims to improve.
            k_tekst=Coalesce(NullIf(F("lessen"), Value("")), F("doel"), output_field=TextField()),
            k_tip=F("tip"),
            k_praktijk=F("praktijk__naam"),
            k_niveau=F("niveau"),
            k_opbrengst_soort=_leeg(),
            k_gedeeld_op=F("gedeeld_op"),
        )
        .order_by()
        .values_list(*KOLOMMEN)
    )  # a UNION part may have no ORDER BY of its own


def _opbrengsten(
    *, praktijken: QuerySet[Praktijk], q: str, niveau: str, thema: str, soort: str
) -> QuerySet:
    qs = Opbrengst.objects.filter(gedeeld_op__isnull=False, experiment__praktijk__in=praktijken)
    if q:
        qs = qs.filter(Q(beschrijving__icontains=q) | Q(experiment__titel__icontains=q))
    if niveau:
        qs = qs.filter(experiment__niveau=niveau)
    if thema:
        qs = qs.filter(
            Q(experiment__ontwerpvraag__vraag__icontains=thema)
            | Q(experiment__praktijk__kernthema__icontains=thema)
        )
    if soort:
        qs = qs.filter(soort=soort)
    return (
        qs.annotate(
            k_soort=Value(OPBRENGST, output_field=CharField()),
            k_pk=F("pk"),
            k_titel=F("experiment__titel"),
            k_tekst=F("beschrijving"),
            k_tip=_leeg(),
            k_praktijk=F("experiment__praktijk__naam"),
            k_niveau=F("experiment__niveau"),
            k_opbrengst_soort=F("soort"),
            k_gedeeld_op=F("gedeeld_op"),
        )
        .order_by()
        .values_list(*KOLOMMEN)
    )  # a UNION part may have no ORDER BY of its own


def _verhalen(*, praktijken: QuerySet[Praktijk], q: str, thema: str) -> QuerySet:
    qs = Verhaal.objects.filter(gedeeld_op__isnull=False, praktijk__in=praktijken)
    if q:
        qs = qs.filter(
            Q(titel__icontains=q) | Q(wat_werkte__icontains=q) | Q(meer_van__icontains=q)
        )
    if thema:
        qs = qs.filter(
            Q(ontwerpvraag__vraag__icontains=thema) | Q(praktijk__kernthema__icontains=thema)
        )
    # Never `verteller`, `wie_maakte_het_mogelijk` or `created_by`: they name people.
    return (
        qs.annotate(
            k_soort=Value(VERHAAL, output_field=CharField()),
            k_pk=F("pk"),
            k_titel=F("titel"),
            k_tekst=F("wat_werkte"),
            k_tip=F("meer_van"),
            k_praktijk=F("praktijk__naam"),
            k_niveau=_leeg(),
            k_opbrengst_soort=_leeg(),
            k_gedeeld_op=F("gedeeld_op"),
        )
        .order_by()
        .values_list(*KOLOMMEN)
    )  # a UNION part may have no ORDER BY of its own


def bibliotheek_items(
    *,
    praktijken: QuerySet[Praktijk],
    q: str = "",
    wat: str = "",
    niveau: str = "",
    thema: str = "",
    soort: str = "",
) -> QuerySet:
    """The shared items of these practices that match, newest shared first, as rows of KOLOMMEN.

    A level leaves out the stories (they have none); a kind of outcome leaves only outcomes.
    """
    delen: list[QuerySet] = []
    if wat in ("", LES) and not soort:
        delen.append(_lessen(praktijken=praktijken, q=q, niveau=niveau, thema=thema))
    if wat in ("", OPBRENGST):
        delen.append(
            _opbrengsten(praktijken=praktijken, q=q, niveau=niveau, thema=thema, soort=soort)
        )
    if wat in ("", VERHAAL) and not niveau and not soort:
        delen.append(_verhalen(praktijken=praktijken, q=q, thema=thema))
    if not delen:
        return Experiment.objects.none().values_list(*KOLOMMEN)
    eerste, *overige = delen
    qs = eerste.union(*overige, all=True) if overige else eerste
    return qs.order_by("-k_gedeeld_op", "k_soort", "-k_pk")


def items_from_rows(rows: list[tuple]) -> list[Item]:
    """The rows of `bibliotheek_items` with the labels of their level and kind."""
    niveaus = dict(Niveau.choices)
    soorten = dict(Opbrengst.Soort.choices)
    items = []
    for row in rows:
        rij = dict(zip(KOLOMMEN, row, strict=True))
        items.append(
            Item(
                soort=rij["k_soort"],
                pk=rij["k_pk"],
                titel=rij["k_titel"],
                tekst=rij["k_tekst"] or "",
                tip=rij["k_tip"] or "",
                praktijk=rij["k_praktijk"],
                niveau=rij["k_niveau"] or "",
                niveau_label=niveaus.get(rij["k_niveau"], ""),
                opbrengst_soort=rij["k_opbrengst_soort"] or "",
                opbrengst_soort_label=soorten.get(rij["k_opbrengst_soort"], ""),
                gedeeld_op=rij["k_gedeeld_op"],
            )
        )
    return items


def gedeelde_opbrengsten(*, experiment: Experiment) -> list[Opbrengst]:
    """The experiment's outcomes that its practice shared, for the lesson's page."""
    return list(experiment.opbrengsten.filter(gedeeld_op__isnull=False).order_by("soort", "pk"))
