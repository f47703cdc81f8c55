"""Aggregating answers into condition scores: averages, spread, distributions and gaps.

Pure arithmetic on counts; the queries live in selectors. A group or organisation is shown only
when at least MIN_RESPONDENTEN people answered, so that no one's answers can be read off.
"""

import math
from dataclasses import dataclass, field

MIN_RESPONDENTEN = 3
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
    """A score over a set of respondents (everyone, a group, an organisation)."""

    respondenten: int = 0
    tally: Tally = field(default_factory=Tally)

    @property
    def zichtbaar(self) -> bool:
        return self.respondenten >= MIN_RESPONDENTEN

    @property
    def gemiddelde(self) -> float | None:
        return self.tally.gemiddelde

    @property
    def spreiding(self) -> float | None:
        return self.tally.spreiding


def largest_gaps(per_organisatie: dict, *, limit: int = 3) -> list[dict]:
    """Per condition, the widest difference between organisations with enough respondents."""
    gaps = []
    for conditie, organisaties in per_organisatie.items():
        visible = [(org, s) for org, s in organisaties.items() if s.zichtbaar and s.gemiddelde]
        if len(visible) < 2:
            continue
        low = min(visible, key=lambda item: item[1].gemiddelde)
        high = max(visible, key=lambda item: item[1].gemiddelde)
        gaps.append(
            {
                "conditie": conditie,
                "verschil": high[1].gemiddelde - low[1].gemiddelde,
                "hoog": high[0],
                "hoog_gemiddelde": high[1].gemiddelde,
                "laag": low[0],
                "laag_gemiddelde": low[1].gemiddelde,
            }
        )
    gaps.sort(key=lambda gap: gap["verschil"], reverse=True)
    return gaps[:limit]
