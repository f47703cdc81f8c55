from typing import NamedTuple, TypedDict

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.functional import Promise

from experimenten.grafiek import indicator_grafiek
from experimenten.models import (
    Experiment,
    Fase,
    Indicator,
    Meting,
    Niveau,
    Opbrengst,
    Tussenstap,
)
from netwerk.models import Organisatie, Persoon
from netwerk.selectors import organisaties_for_praktijk
from praktijken.models import Ontwerpvraag, Praktijk, Verhaal


class MatrixRij(TypedDict):
    """One level of the experiments matrix: the count per phase (in Fase order) and in all."""

    niveau: str
    label: str | Promise  # a lazy translation
    fasen: list[int]
    totaal: int


class OpbrengstenSoort(TypedDict):
    """The outcomes of one kind."""

    soort: str
    label: str | Promise  # a lazy translation
    opbrengsten: list[Opbrengst]


def experimenten_for_praktijk(*, praktijk: Praktijk) -> QuerySet[Experiment]:
    """The practice's experiments with their design question, ready for a list."""
    return Experiment.objects.filter(praktijk=praktijk).select_related("ontwerpvraag", "eigenaar")


class OntwerpvraagTelling(NamedTuple):
    """A design question with the number of its experiments."""

    pk: int
    vraag: str
    aantal_experimenten: int


def ontwerpvragen_with_matrix(
    *, praktijk: Praktijk
) -> tuple[list[OntwerpvraagTelling], list[MatrixRij]]:
    """The design questions in their order with their number of experiments, and the
    experiments per level (rows) and phase (columns), together in one query.

    Every experiment hangs on a design question of its own practice (experimenten.services
    checks it), so counting per question, level and phase gives both. An experiment counts only
    in its own practice.
    """
    rijen = (
        Ontwerpvraag.objects.filter(praktijk=praktijk)
        .values_list("pk", "vraag", "experimenten__niveau", "experimenten__fase")
        .annotate(n=Count("experimenten", filter=Q(experimenten__praktijk=praktijk)))
        .order_by("volgorde", "pk")
    )
    vragen: dict[int, OntwerpvraagTelling] = {}
    counts: dict[tuple[str, str], int] = {}
    for pk, vraag, niveau, fase, n in rijen:
        eerder = vragen.get(pk)
        vragen[pk] = OntwerpvraagTelling(
            pk=pk,
            vraag=vraag,
            aantal_experimenten=n + (eerder.aantal_experimenten if eerder else 0),
        )
        if n:
            counts[(niveau, fase)] = counts.get((niveau, fase), 0) + n
    matrix = [
        MatrixRij(
            niveau=niveau,
            label=label,
            fasen=[counts.get((niveau, fase), 0) for fase in Fase.values],
            totaal=sum(counts.get((niveau, fase), 0) for fase in Fase.values),
        )
        for niveau, label in Niveau.choices
    ]
    return list(vragen.values()), matrix


def niveau_fase_tellingen(*, praktijk_ids: list[int]) -> dict[int, dict[tuple[str, str], int]]:
    """Per practice, how many experiments per (level, phase) (1 query, however many practices):
    the programme's overview. Counts of experiments, no figures about anyone's answers."""
    tellingen: dict[int, dict[tuple[str, str], int]] = {pk: {} for pk in praktijk_ids}
    rijen = (
        Experiment.objects.filter(praktijk_id__in=praktijk_ids)
        .values_list("praktijk_id", "niveau", "fase")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for praktijk_id, niveau, fase, n in rijen:
        tellingen[praktijk_id][(niveau, fase)] = n
    return tellingen


def experimenten_filter(
    *,
    praktijk: Praktijk,
    niveau: str = "",
    fase: str = "",
    status: str = "",
    ontwerpvraag: Ontwerpvraag | None = None,
) -> QuerySet[Experiment]:
    """The practice's experiments matching the given filters, with the number of small steps.

    One query whatever the number of experiments: owner and design question are joined and the
    steps are counted in the same statement.
    """
    qs = experimenten_for_praktijk(praktijk=praktijk).annotate(
        aantal_stappen=Count("stappen", distinct=True)
    )
    if niveau:
        qs = qs.filter(niveau=niveau)
    if fase:
        qs = qs.filter(fase=fase)
    if status:
        qs = qs.filter(status=status)
    if ontwerpvraag is not None:
        qs = qs.filter(ontwerpvraag=ontwerpvraag)
    return qs.order_by("ontwerpvraag__volgorde", "ontwerpvraag__pk", "titel", "pk")


def experiment_get(*, praktijk: Praktijk, pk: int) -> Experiment | None:
    """One experiment of this practice with everything its page shows, or None."""
    qs = (
        Experiment.objects.filter(praktijk=praktijk)
        .select_related("ontwerpvraag", "eigenaar__organisatie")
        .prefetch_related(
            "organisaties",
            "verhalen",
            Prefetch("opbrengsten", queryset=Opbrengst.objects.order_by("soort", "pk")),
        )
    )
    return qs.filter(pk=pk).first()


def tussenstappen_for_experiment(*, experiment: Experiment) -> QuerySet[Tussenstap]:
    """The experiment's small steps, newest first: the timeline."""
    return Tussenstap.objects.filter(experiment=experiment).order_by("-datum", "-pk")


def opbrengsten_by_soort(*, experiment: Experiment) -> list[OpbrengstenSoort]:
    """The outcomes grouped by kind, in the order of the kinds; kinds without outcomes left out.

    Uses the prefetched outcomes of `experiment_get`, so no extra query.
    """
    per_soort: dict[str, list[Opbrengst]] = {}
    for opbrengst in experiment.opbrengsten.all():
        per_soort.setdefault(opbrengst.soort, []).append(opbrengst)
    return [
        OpbrengstenSoort(soort=soort, label=label, opbrengsten=per_soort[soort])
        for soort, label in Opbrengst.Soort.choices
        if soort in per_soort
    ]


def ontwerpvragen_for_praktijk(*, praktijk: Praktijk) -> QuerySet[Ontwerpvraag]:
    """The practice's design questions, in their order."""
    return Ontwerpvraag.objects.filter(praktijk=praktijk).order_by("volgorde", "pk")


def ontwerpvragen_with_counts(*, praktijk: Praktijk) -> QuerySet[Ontwerpvraag]:
    """The design questions in their order, each with `aantal_experimenten` (one query)."""
    return ontwerpvragen_for_praktijk(praktijk=praktijk).annotate(
        aantal_experimenten=Count("experimenten", distinct=True)
    )


def _experimenten_prefetch() -> Prefetch:
    return Prefetch("experimenten", queryset=Experiment.objects.order_by("titel", "pk"))


def ontwerpvragen_with_experimenten(*, praktijk: Praktijk) -> QuerySet[Ontwerpvraag]:
    """The design questions, each with its count and its experiments prefetched (two queries)."""
    return ontwerpvragen_with_counts(praktijk=praktijk).prefetch_related(_experimenten_prefetch())


def ontwerpvraag_with_experimenten(*, praktijk: Praktijk, pk: int) -> Ontwerpvraag | None:
    """One design question of this practice with its experiments and stories, or None."""
    return (
        Ontwerpvraag.objects.filter(praktijk=praktijk, pk=pk)
        .prefetch_related(
            _experimenten_prefetch(),
            Prefetch("verhalen", queryset=Verhaal.objects.order_by("-created_at", "-pk")),
        )
        .first()
    )


def verhaal_with_experimenten(*, praktijk: Praktijk, pk: int) -> Verhaal | None:
    """One story of this practice with its design question and the experiments it inspired."""
    return (
        Verhaal.objects.filter(praktijk=praktijk, pk=pk)
        .select_related("ontwerpvraag", "created_by")
        .prefetch_related("experimenten")
        .first()
    )


def verhalen_for_praktijk(*, praktijk: Praktijk) -> QuerySet[Verhaal]:
    """The practice's stories, by title."""
    return Verhaal.objects.filter(praktijk=praktijk).order_by("titel", "pk")


def personen_for_praktijk(*, praktijk: Praktijk) -> QuerySet[Persoon]:
    """The people of the organisations in the practice's network: who can own an experiment."""
    return (
        Persoon.objects.filter(organisatie__in=organisaties_for_praktijk(praktijk=praktijk))
        .select_related("organisatie")
        .order_by("naam", "pk")
    )


def experimenten_for_publiek(*, praktijk: Praktijk, limit: int = 20) -> list[Experiment]:
    """The practice's running and finished experiments for the public: title, status and result
    only, finished first (1 query)."""
    return list(
        Experiment.objects.filter(
            praktijk=praktijk, status__in=[Experiment.Status.LOOPT, Experiment.Status.AFGEROND]
        )
        .only("pk", "praktijk_id", "titel", "doel", "status", "resultaat", "updated_at")
        .order_by("status", "-updated_at", "-pk")[:limit]
    )


def _met_metingen(qs: QuerySet[Indicator]) -> QuerySet[Indicator]:
    return qs.prefetch_related(
        Prefetch("metingen", queryset=Meting.objects.order_by("datum", "pk"))
    ).order_by("naam", "pk")


def indicatoren_for_experiment(*, experiment: Experiment) -> list[Indicator]:
    """The experiment's indicators, each with its measurements in date order and `grafiek`,
    the geometry of its small chart (2 queries)."""
    indicatoren = list(_met_metingen(Indicator.objects.filter(experiment=experiment)))
    for indicator in indicatoren:
        indicator.grafiek = indicator_grafiek(  # type: ignore[attr-defined]
            metingen=list(indicator.metingen.all()),
            nulmeting=indicator.nulmeting,
            streefwaarde=indicator.streefwaarde,
        )
    return indicatoren


def indicatoren_for_experimenten(*, experiment_ids: list[int]) -> dict[int, list[Indicator]]:
    """The indicators of several experiments with their measurements and chart, per experiment
    id (2 queries, whatever the number of experiments)."""
    per_experiment: dict[int, list[Indicator]] = {}
    qs = _met_metingen(Indicator.objects.filter(experiment_id__in=experiment_ids))
    for indicator in qs:
        indicator.grafiek = indicator_grafiek(  # type: ignore[attr-defined]
            metingen=list(indicator.metingen.all()),
            nulmeting=indicator.nulmeting,
            streefwaarde=indicator.streefwaarde,
        )
        per_experiment.setdefault(indicator.experiment_id, []).append(indicator)
    return per_experiment


def indicator_get(*, experiment: Experiment, pk: int) -> Indicator | None:
    """One indicator of this experiment, or None."""
    return Indicator.objects.filter(experiment=experiment, pk=pk).first()


def meting_get(*, experiment: Experiment, indicator_pk: int, pk: int) -> Meting | None:
    """One measurement of an indicator of this experiment, or None."""
    return (
        Meting.objects.filter(indicator__experiment=experiment, indicator_id=indicator_pk, pk=pk)
        .select_related("indicator")
        .first()
    )


class OpbrengstRegel(TypedDict):
    """An outcome with the experiment it came from: the practice's yield by kind."""

    experiment: Experiment
    opbrengst: Opbrengst


class OpbrengstenSoortRollup(TypedDict):
    soort: str
    label: str | Promise  # a lazy translation
    regels: list[OpbrengstRegel]


def experimenten_for_opbrengst(
    *, praktijk: Praktijk, organisatie_id: int | None = None
) -> list[Experiment]:
    """The practice's experiments (or those an organisation took part in), each with its small
    steps, its outcomes (`per_soort`, as `opbrengsten_by_soort` groups them) and its indicators
    with their charts (`indicatoren_lijst`). Six queries, whatever the number of experiments."""
    qs = Experiment.objects.filter(praktijk=praktijk)
    if organisatie_id is not None:
        qs = qs.filter(organisaties__id=organisatie_id)
    experimenten = list(
        qs.select_related("ontwerpvraag")
        .prefetch_related(
            Prefetch("organisaties", queryset=Organisatie.objects.order_by("naam", "pk")),
            Prefetch("stappen", queryset=Tussenstap.objects.order_by("-datum", "-pk")),
            Prefetch("opbrengsten", queryset=Opbrengst.objects.order_by("soort", "pk")),
        )
        .order_by("ontwerpvraag__volgorde", "ontwerpvraag__pk", "titel", "pk")
        .distinct()
    )
    indicatoren = indicatoren_for_experimenten(experiment_ids=[e.pk for e in experimenten])
    for experiment in experimenten:
        experiment.per_soort = opbrengsten_by_soort(experiment=experiment)  # type: ignore[attr-defined]
        experiment.indicatoren_lijst = indicatoren.get(experiment.pk, [])  # type: ignore[attr-defined]
    return experimenten


def opbrengsten_rollup(*, experimenten: list[Experiment]) -> list[OpbrengstenSoortRollup]:
    """The outcomes of these experiments by kind, in the order of the kinds (no query: it reads
    what `experimenten_for_opbrengst` prefetched)."""
    per_soort: dict[str, list[OpbrengstRegel]] = {}
    for experiment in experimenten:
        for opbrengst in experiment.opbrengsten.all():
            per_soort.setdefault(opbrengst.soort, []).append(
                OpbrengstRegel(experiment=experiment, opbrengst=opbrengst)
            )
    return [
        OpbrengstenSoortRollup(soort=soort, label=label, regels=per_soort[soort])
        for soort, label in Opbrengst.Soort.choices
        if soort in per_soort
    ]
