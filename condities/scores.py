"""Arithmetic on answers (averages, spread) and the shapes of released figures.

Which figures may be released is decided in `condities.disclosure` alone; this module only adds
up what it is given and says how the results look.
"""

import math
from dataclasses import dataclass, field

from django.utils.functional import Promise

from condities import charts
from condities.models import Respondentgroep

SCORES = (1, 2, 3, 4, 5)


@dataclass
class Tally:
    """Running totals of numeric scores, enough for mean and (population) standard deviation."""

    n: int = 0
    total: int = 0
    squares: int = 0
    weet_niet: int = 0

    def add(self, score: int | None, count: int = 1) -> None:
        if score is None:
            self.weet_niet += count
            return
        self.n += count
        self.total += score * count
        self.squares += score * score * count

    def merge(self, other: "Tally") -> None:
        self.n += other.n
        self.total += other.total
        self.squares += other.squares
        self.weet_niet += other.weet_niet

    @property
    def gemiddelde(self) -> float | None:
        return self.total / self.n if self.n else None

    @property
    def spreiding(self) -> float | None:
        if not self.n:
            return None
        mean = self.total / self.n
        return math.sqrt(max(self.squares / self.n - mean * mean, 0.0))


@dataclass
class Groepsscore:
    """A score over a set of respondents (everyone, a group, an organisation); `zichtbaar`
    when the disclosure rules release it."""

    respondenten: int = 0
    tally: Tally = field(default_factory=Tally)
    zichtbaar: bool = False

    @property
    def gemiddelde(self) -> float | None:
        return self.tally.gemiddelde

    @property
    def spreiding(self) -> float | None:
        return self.tally.spreiding


@dataclass
class StellingResultaat:
    """One statement's released distribution; `zichtbaar` is False when it is hidden."""

    stelling: object  # condities.models.Stelling
    tally: Tally = field(default_factory=Tally)
    counts: dict[int, int] = field(default_factory=lambda: dict.fromkeys(SCORES, 0))
    zichtbaar: bool = False

    @property
    def verdeling(self) -> list[dict]:
        """Per score: how many chose it, and its share of the numeric answers (for bars)."""
        return charts.staafjes(counts=self.counts, totaal=self.tally.n)


@dataclass
class ConditieResultaat:
    """One condition's released figures. `groepen` and `organisaties` hold only what is
    released; `gedeeld` is False while an open session has not revealed it (then `totaal`
    holds only how many answered)."""

    code: str
    label: str
    onthuld: bool
    gedeeld: bool = True
    totaal: Groepsscore = field(default_factory=Groepsscore)
    groepen: dict[str, Groepsscore] = field(default_factory=dict)
    organisaties: dict[str, Groepsscore] = field(default_factory=dict)
    stellingen: list[StellingResultaat] = field(default_factory=list)

    @property
    def te_weinig(self) -> bool:
        """Someone answered, but too few to show anything without revealing them."""
        return self.gedeeld and self.totaal.respondenten > 0 and not self.totaal.zichtbaar

    @property
    def zichtbare_groepen(self) -> list[tuple[str | Promise, Groepsscore]]:
        return [(Respondentgroep(code).label, score) for code, score in self.groepen.items()]


def largest_gaps(condities: list[ConditieResultaat], *, limit: int = 3) -> list[dict]:
    """Per condition, the widest difference between the organisations whose figures are
    released."""
    gaps = []
    for conditie in condities:
        visible = [
            (org, s)
            for org, s in conditie.organisaties.items()
            if s.zichtbaar and s.gemiddelde is not None
        ]
        if len(visible) < 2:
            continue
        low = min(visible, key=lambda item: item[1].gemiddelde)
        high = max(visible, key=lambda item: item[1].gemiddelde)
        gaps.append(
            {
                "conditie": conditie.code,
                "label": conditie.label,
                "verschil": high[1].gemiddelde - low[1].gemiddelde,
                "hoog": high[0],
                "hoog_gemiddelde": high[1].gemiddelde,
                "laag": low[0],
                "laag_gemiddelde": low[1].gemiddelde,
            }
        )
    gaps.sort(key=lambda gap: gap["verschil"], reverse=True)
    return gaps[:limit]
