"""The network map's geometry: a force-directed layout that stays put between rounds, and
betweenness. Pure functions on ids; relaties.services stores the layout, the template draws it.

Why not networkx: its spring and Kamada-Kawai layouts need numpy (and scipy), too much to carry
for graphs of some twenty organisations; Fruchterman-Reingold with fixed nodes and Brandes'
betweenness are short and tested here.
"""

import math
import random
from collections import deque
from collections.abc import Iterable, Mapping

type Positie = tuple[float, float]

ITERATIES = 300
ZWAARTEKRACHT = 8.0  # strong enough that loose nodes do not squeeze the rest


def layout(
    knopen: Iterable[int],
    randen: Mapping[tuple[int, int], float],
    *,
    vast: Mapping[int, Positie] | None = None,
    seed: int = 15,
) -> dict[int, Positie]:
    """Positions in the unit square for `knopen`, by Fruchterman-Reingold: ties pull, all push.

    `randen` weigh each tie (closer ties pull harder). Nodes in `vast` (the previous round's
    positions) stay exactly where they were; a new node starts at the mean of its placed
    neighbours (or a seeded random spot) and finds its place among them. Deterministic.
    """
    knopen = sorted(set(knopen))
    vast = {k: p for k, p in (vast or {}).items() if k in set(knopen)}
    rng = random.Random(seed)  # noqa: S311 - a layout, not security
    n = max(len(knopen), 1)
    posities: dict[int, list[float]] = {}
    for i, knoop in enumerate(knopen):
        if knoop in vast:
            posities[knoop] = list(vast[knoop])
        elif not vast:
            hoek = 2 * math.pi * i / n
            posities[knoop] = [0.5 + 0.4 * math.cos(hoek), 0.5 + 0.4 * math.sin(hoek)]
    buren: dict[int, list[int]] = {k: [] for k in knopen}
    for a, b in randen:
        if a in buren and b in buren:
            buren[a].append(b)
            buren[b].append(a)
    for knoop in knopen:
        if knoop not in posities:
            geplaatst = [posities[b] for b in buren[knoop] if b in posities]
            if geplaatst:
                x = sum(p[0] for p in geplaatst) / len(geplaatst) + rng.uniform(-0.05, 0.05)
                y = sum(p[1] for p in geplaatst) / len(geplaatst) + rng.uniform(-0.05, 0.05)
            else:
                x, y = rng.uniform(0.1, 0.9), rng.uniform(0.1, 0.9)
            posities[knoop] = [x, y]
    vrij = [k for k in knopen if k not in vast]
    if not vrij:
        return {k: (p[0], p[1]) for k, p in posities.items()}
    afstand = math.sqrt(1.0 / n)  # the ideal distance between two nodes
    temperatuur = 0.1
    for _ in range(ITERATIES):
        verplaatsing = {k: [0.0, 0.0] for k in vrij}
        for v in vrij:
            for u in knopen:
                if u == v:
                    continue
                dx = posities[v][0] - posities[u][0]
                dy = posities[v][1] - posities[u][1]
                d = max(math.hypot(dx, dy), 1e-4)
                kracht = afstand * afstand / d
                verplaatsing[v][0] += dx / d * kracht
                verplaatsing[v][1] += dy / d * kracht
        for (a, b), gewicht in randen.items():
            if a not in posities or b not in posities:
                continue
            dx = posities[a][0] - posities[b][0]
            dy = posities[a][1] - posities[b][1]
            d = max(math.hypot(dx, dy), 1e-4)
            kracht = gewicht * d * d / afstand
            if a in verplaatsing:
                verplaatsing[a][0] -= dx / d * kracht
                verplaatsing[a][1] -= dy / d * kracht
            if b in verplaatsing:
                verplaatsing[b][0] += dx / d * kracht
                verplaatsing[b][1] += dy / d * kracht
        for v in vrij:
            # A little gravity keeps loose nodes from drifting off.
            verplaatsing[v][0] += (0.5 - posities[v][0]) * ZWAARTEKRACHT
            verplaatsing[v][1] += (0.5 - posities[v][1]) * ZWAARTEKRACHT
            dx, dy = verplaatsing[v]
            d = max(math.hypot(dx, dy), 1e-9)
            stap = min(d, temperatuur)
            posities[v][0] += dx / d * stap
            posities[v][1] += dy / d * stap
        temperatuur = max(temperatuur * 0.98, 0.002)
    if not vast:
        _passend(posities)
    return {
        k: (round(min(0.97, max(0.03, p[0])), 4), round(min(0.97, max(0.03, p[1])), 4))
        for k, p in posities.items()
    }


def _passend(posities: dict[int, list[float]]) -> None:
    """Scale a first layout to fill the square with a margin, keeping its proportions."""
    xs = [p[0] for p in posities.values()]
    ys = [p[1] for p in posities.values()]
    breedte = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
    for p in posities.values():
        p[0] = 0.08 + 0.84 * (p[0] - min(xs)) / breedte
        p[1] = 0.08 + 0.84 * (p[1] - min(ys)) / breedte


def betweenness(knopen: Iterable[int], randen: Iterable[tuple[int, int]]) -> dict[int, float]:
    """Betweenness centrality of an undirected, unweighted graph (Brandes), normalised to 0-1:
    the share of shortest paths between two others that run through each node."""
    knopen = sorted(set(knopen))
    buren: dict[int, list[int]] = {k: [] for k in knopen}
    for a, b in randen:
        if a in buren and b in buren and a != b:
            buren[a].append(b)
            buren[b].append(a)
    cb = dict.fromkeys(knopen, 0.0)
    for s in knopen:
        stapel: list[int] = []
        voorgangers: dict[int, list[int]] = {k: [] for k in knopen}
        sigma = dict.fromkeys(knopen, 0)
        sigma[s] = 1
        afstand = dict.fromkeys(knopen, -1)
        afstand[s] = 0
        rij = deque([s])
        while rij:
            v = rij.popleft()
            stapel.append(v)
            for w in buren[v]:
                if afstand[w] < 0:
                    rij.append(w)
                    afstand[w] = afstand[v] + 1
                if afstand[w] == afstand[v] + 1:
                    sigma[w] += sigma[v]
                    voorgangers[w].append(v)
        delta = dict.fromkeys(knopen, 0.0)
        while stapel:
            w = stapel.pop()
            for v in voorgangers[w]:
                delta[v] += sigma[v] / sigma[w] * (1 + delta[w])
            if w != s:
                cb[w] += delta[w]
    n = len(knopen)
    schaal = 1 / ((n - 1) * (n - 2)) if n > 2 else 0.0
    # Each pair was counted from both ends.
    return {k: v * schaal for k, v in cb.items()}
