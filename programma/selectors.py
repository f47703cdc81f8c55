"""The programme's overview across its practices: what each practice works on and how far it
is, in figures the disclosure rules release. Never a practice's people or a carer's words.

Four queries however many practices: the practices, the experiments per level and phase, the
latest condition scores, and the carers' "told my story N times" per quarter.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext

from condities import disclosure
from condities import selectors as condities_selectors
from condities.models import Conditie, ConditieScore
from experimenten import selectors as experimenten_selectors
from experimenten.models import Fase, Niveau
from mantelzorg.models import Reactie
from netwerk.models import Uitnodiging
from netwerk.selectors import uitnodiging_open_filter
from praktijken.models import Lidmaatschap, Praktijk, Programma, Rol

KWARTALEN = 4


@dataclass(frozen=True)
class Kwartaal:
    """A quarter that is over, with the released average "told my story N times" or None."""

    begin: datetime.date
    cijfer: disclosure.Periodecijfer | None

    @property
    def label(self) -> str:
        return gettext("%(year)s, quarter %(quarter)s") % {
            "year": self.begin.year,
            "quarter": (self.begin.month - 1) // 3 + 1,
        }


@dataclass(frozen=True)
class ConditieCijfer:
    code: str
    label: str | Promise
    score: ConditieScore | None


@dataclass(frozen=True)
class PraktijkRij:
    """One practice in the programme's overview."""

    praktijk: Praktijk
    niveaus: list[tuple[str | Promise, int]]
    fasen: list[tuple[str | Promise, int]]
    experimenten: int
    condities: list[ConditieCijfer]
    verteld: list[Kwartaal]

    @property
    def heeft_scores(self) -> bool:
        return any(c.score is not None for c in self.condities)

    @property
    def heeft_verteld(self) -> bool:
        return any(k.cijfer is not None for k in self.verteld)


def drempel() -> int:
    """k: the fewest answers behind any figure shown (condities.disclosure)."""
    return disclosure.k()


def praktijken_for_programma(*, programma: Programma) -> QuerySet[Praktijk]:
    """The practices of the programme, by name, with only what the overview shows of them and
    whether each has a facilitator (`heeft_facilitator`) or an open invitation for one
    (`facilitator_uitgenodigd`), in one query."""
    return (
        Praktijk.objects.filter(programma=programma)
        .only("pk", "naam", "slug", "gemeente", "kernthema", "status", "programma_id")
        .annotate(
            heeft_facilitator=Exists(
                Lidmaatschap.objects.filter(praktijk=OuterRef("pk"), rol=Rol.FACILITATOR)
            ),
            facilitator_uitgenodigd=Exists(
                Uitnodiging.objects.filter(
                    uitnodiging_open_filter(),
                    praktijk=OuterRef("pk"),
                    rol=Rol.FACILITATOR,
                    verloopt_op__gt=timezone.now(),
                )
            ),
        )
        .order_by("naam")
    )


def _kwartaal_begin(datum: datetime.date) -> datetime.date:
    return datum.replace(month=(datum.month - 1) // 3 * 3 + 1, day=1)


def _kwartalen_terug(begin: datetime.date, aantal: int) -> datetime.date:
    maanden = begin.year * 12 + begin.month - 1 - 3 * aantal
    return datetime.date(maanden // 12, maanden % 12 + 1, 1)


def _verteld_tellingen(
    *, praktijk_ids: list[int], eerste: datetime.date, einde: datetime.date
) -> tuple[
    dict[tuple[int, datetime.date], tuple[int, float]],
    dict[tuple[int, datetime.date], list[int]],
]:
    """Unreleased: per (practice, quarter) the number of forms with "told my story N times" and
    their sum, and the number in each of its months (which the practice's own dashboard releases
    month by month). Only for condities.disclosure.perioden_vrijgeven; never shown as it is."""

    def moment(datum: datetime.date) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(datum, datetime.time.min))

    rijen = (
        Reactie.objects.filter(
            praktijk_id__in=praktijk_ids,
            created_at__gte=moment(eerste),
            created_at__lt=moment(einde),
            keer_verteld__isnull=False,
        )
        .annotate(maand=TruncMonth("created_at"))
        .values_list("praktijk_id", "maand")
        .annotate(n=Count("pk"), som=Sum("keer_verteld"))
        .order_by()
    )
    tellingen: dict[tuple[int, datetime.date], tuple[int, float]] = {}
    maanden: dict[tuple[int, datetime.date], list[int]] = {}
    for praktijk_id, maand, n, som in rijen:
        if isinstance(maand, datetime.datetime):
            maand = timezone.localtime(maand).date() if timezone.is_aware(maand) else maand.date()
        sleutel = (praktijk_id, _kwartaal_begin(maand))
        totaal, somtotaal = tellingen.get(sleutel, (0, 0.0))
        tellingen[sleutel] = (totaal + n, somtotaal + float(som))
        maanden.setdefault(sleutel, []).append(n)
    return tellingen, maanden


def verteld_per_kwartaal(
    *, praktijk_ids: list[int], vandaag: datetime.date | None = None
) -> dict[int, list[Kwartaal]]:
    """Per practice, the last KWARTALEN quarters that are over, oldest first, each with the
    average "told my story N times" when the disclosure rules release it (at least k forms, and
    no month inside it that the dashboard hides could be worked out from it)."""
    huidig = _kwartaal_begin(vandaag or timezone.localdate())
    begins = [_kwartalen_terug(huidig, n) for n in range(KWARTALEN, 0, -1)]
    tellingen, maanden = _verteld_tellingen(
        praktijk_ids=praktijk_ids, eerste=begins[0], einde=huidig
    )
    vrij = disclosure.perioden_vrijgeven(
        {
            (pk, begin): tellingen.get((pk, begin), (0, 0.0))
            for pk in praktijk_ids
            for begin in begins
        },
        delen=maanden,
    )
    return {
        pk: [Kwartaal(begin=begin, cijfer=vrij[(pk, begin)]) for begin in begins]
        for pk in praktijk_ids
    }


def programma_overzicht(
    *, programma: Programma, vandaag: datetime.date | None = None
) -> list[PraktijkRij]:
    """Each practice of the programme with its experiments per level and phase, its latest
    released condition scores and its carers' released "told my story" trend (4 queries)."""
    praktijken = list(praktijken_for_programma(programma=programma))
    ids = [p.pk for p in praktijken]
    experimenten = experimenten_selectors.niveau_fase_tellingen(praktijk_ids=ids)
    scores = condities_selectors.laatste_scores_for_praktijken(praktijk_ids=ids)
    verteld = verteld_per_kwartaal(praktijk_ids=ids, vandaag=vandaag)
    rijen = []
    for praktijk in praktijken:
        telling = experimenten[praktijk.pk]
        rijen.append(
            PraktijkRij(
                praktijk=praktijk,
                niveaus=[
                    (label, sum(n for (nv, _f), n in telling.items() if nv == niveau))
                    for niveau, label in Niveau.choices
                ],
                fasen=[
                    (label, sum(n for (_nv, f), n in telling.items() if f == fase))
                    for fase, label in Fase.choices
                ],
                experimenten=sum(telling.values()),
                condities=[
                    ConditieCijfer(code=code, label=label, score=scores[praktijk.pk].get(code))
                    for code, label in Conditie.choices
                ],
                verteld=verteld[praktijk.pk],
            )
        )
    return rijen
