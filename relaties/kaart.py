"""The network map's geometry on networkx: a force-directed layout that stays put between rounds,
and betweenness. Pure functions on ids; relaties.selectors caches an open round's layout,
relaties.services stores it at closing, the template draws it.

The layout is networkx's Fruchterman-Reingold (`nx.spring_layout`, on numpy): ties pull, all
organisations push apart, and the previous round's organisations are held where they were.
"""

import math
import random
from collections.abc import Iterable, Mapping

import networkx as nx

type Positie = tuple[float, float]
type Paar = tuple[int, int]

ITERATIES = 200
SEED = 15
MARGE = 0.08  # a first layout fills the square up to this margin
RAND = 0.03  # no organisation is drawn closer to the edge than this
ZWAARTEKRACHT = 3.0  # the pull to the centre (see layout)
MIDDEN = -1  # the unseen centre node (ids are positive)


def graaf(knopen: Iterable[int], randen: Mapping[Paar, float]) -> nx.Graph:
    """An undirected graph of `knopen` with a tie (and its weight) for each pair in `randen`;
    pairs with an unknown organisation and loops are left out. Built in id order, so that
    everything computed on it is the same every time."""
    g = nx.Graph()
    g.add_nodes_from(sorted(set(knopen)))
    for (a, b), gewicht in sorted(randen.items()):
        if a != b and a in g and b in g:
            g.add_edge(a, b, weight=gewicht)
    return g


def layout(
    knopen: Iterable[int],
    randen: Mapping[Paar, float],
    *,
    vast: Mapping[int, Positie] | None = None,
    seed: int = SEED,
) -> dict[int, Positie]:
    """Positions in the unit square for `knopen`; `randen` weigh each tie (closer ties pull
    harder). Nodes in `vast` (the previous round's positions) stay exactly where they were; a new
    node starts at the mean of its placed neighbours (or a seeded random spot) and finds its
    place among them. Without `vast`, the layout is scaled to fill the square with a margin.
    Deterministic: the same input gives the same positions.
    """
    g = graaf(knopen, randen)
    if len(g) == 0:
        return {}
    vast = {k: (p[0], p[1]) for k, p in (vast or {}).items() if k in g}
    if len(vast) == len(g):
        return vast
    rng = random.Random(seed)  # noqa: S311 - a layout, not security
    start: dict[int, Positie] = dict(vast)
    for i, knoop in enumerate(g):
        if knoop in start:
            continue
        geplaatst = [start[b] for b in g[knoop] if b in start]
        if not vast:
            hoek = 2 * math.pi * i / len(g)
            start[knoop] = (0.5 + 0.4 * math.cos(hoek), 0.5 + 0.4 * math.sin(hoek))
        elif geplaatst:
            x = sum(p[0] for p in geplaatst) / len(geplaatst) + rng.uniform(-0.05, 0.05)
            y = sum(p[1] for p in geplaatst) / len(geplaatst) + rng.uniform(-0.05, 0.05)
            start[knoop] = (x, y)
        else:
            start[knoop] = (rng.uniform(0.1, 0.9), rng.uniform(0.1, 0.9))
    # networkx's spring layout has no pull to the centre: loose organisations drift off and the
    # rescaling squeezes the rest into a dot, and a new organisation ends up in a corner. An
    # unseen node held in the middle and tied to every organisation is that pull (at three times
    # a tie's strength the map fills the square and new organisations land among the others).
    start[MIDDEN] = (0.5, 0.5)
    g.add_edges_from(((MIDDEN, k) for k in list(g)), weight=ZWAARTEKRACHT)
    posities = nx.spring_layout(
        g,
        pos=start,
        fixed=[*sorted(vast), MIDDEN],
        k=math.sqrt(1 / len(start)),
        weight="weight",
        seed=seed,
        iterations=ITERATIES,
    )
    del posities[MIDDEN]
    if not vast:
        return _passend({k: (float(p[0]), float(p[1])) for k, p in posities.items()})
    return {k: vast[k] if k in vast else _binnen(p) for k, p in posities.items()}


def _binnen(p: Iterable[float]) -> Positie:
    x, y = (round(min(1 - RAND, max(RAND, float(c))), 4) for c in p)
    return (x, y)


def _passend(posities: dict[int, Positie]) -> dict[int, Positie]:
    """Scale a first layout to fill the square with a margin, centred, keeping its proportions."""
    xs = [p[0] for p in posities.values()]
    ys = [p[1] for p in posities.values()]
    breedte = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
    midden = ((max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2)
    schaal = (1 - 2 * MARGE) / breedte
    return {
        k: _binnen((0.5 + (x - midden[0]) * schaal, 0.5 + (y - midden[1]) * schaal))
        for k, (x, y) in posities.items()
    }


def betweenness(knopen: Iterable[int], randen: Iterable[Paar]) -> dict[int, float]:
    """Betweenness centrality of the undirected, unweighted graph, normalised to 0-1: the share
    of shortest paths between two others that run through each node."""
    g = graaf(knopen, dict.fromkeys(randen, 1.0))
    return nx.betweenness_centrality(g, normalized=True)
