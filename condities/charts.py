"""Geometry for server-rendered SVG charts (a radar of the conditions, a trend over sessions,
bars per statement) and the one way averages and shares are rounded and written.

Pure arithmetic, no drawing: the templates `condities/_radar.html` and `condities/_trend.html`
turn these numbers into SVG elements that CSS classes style (the CSP forbids inline styles).
Coordinates are rounded to one decimal, which is sharp enough on screen and keeps the HTML small.
"""

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.template.defaultfilters import floatformat

# Per series a marker shape and a line pattern, so that the legend never relies on colour alone.
MARKERS = ("cirkel", "vierkant", "driehoek", "ruit", "kruis")
LIJNEN = ("doorgetrokken", "streep", "punt", "streep-punt", "lange-streep")


def getal(value: float | Decimal | None, decimalen: int = 1) -> str:
    """An average or spread as people read it, in the active language ("3,4"); None: ""."""
    return "" if value is None else floatformat(value, decimalen)


def afgerond(value: float | Decimal | None, decimalen: int = 2) -> float | None:
    """A figure rounded for storage or a file (scores, exports); None stays None."""
    return None if value is None else round(float(value), decimalen)


def procent(deel: int, totaal: int) -> int:
    """`deel` as a whole percentage of `totaal`; 0 when there is nothing to share."""
    return round(100 * deel / totaal) if totaal else 0


# The bars per statement: five bars of 16 wide in a box of 100 by BAR_HEIGHT.
BAR_HEIGHT = 24


def staafjes(*, counts: dict[int, int], totaal: int) -> list[dict]:
    """Per score: how many chose it, its share of the numeric answers, and its bar."""
    rows = []
    hoogste = max(counts.values(), default=0) or 1
    for score, n in counts.items():
        hoogte = round(BAR_HEIGHT * n / (totaal or 1), 1)
        # On the room's screen the most chosen score fills the bar's height: the numbers on the
        # bars say how many, the heights how they compare.
        hoogte_scherm = round(BAR_HEIGHT * n / hoogste, 1)
        rows.append(
            {
                "score": score,
                "aantal": n,
                "procent": procent(n, totaal or 1),
                "x": (score - 1) * 20 + 2,
                "y": BAR_HEIGHT - hoogte,
                "hoogte": hoogte,
                "y_scherm": round(BAR_HEIGHT - hoogte_scherm, 1),
                "hoogte_scherm": hoogte_scherm,
            }
        )
    return rows


def _fmt(value: float) -> str:
    """A coordinate in the SVG: one decimal, always a point."""
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def _points(coords: Iterable[tuple[float, float]]) -> str:
    return " ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in coords)


@dataclass(frozen=True)
class Reeks:
    """A further series on a radar, drawn as an outline over the filled main one.

    `waarden` holds a value per axis, in the axes' order; None: no point on that axis. `code`
    names its colour in CSS (`lp-reeks--<code>`); `marker` (one of MARKERS) and `lijn` (one of
    LIJNEN) tell it apart without colour. The main series is drawn as MARKERS[0] and LIJNEN[0].
    """

    code: str
    label: str
    waarden: Sequence[float | Decimal | None]
    marker: str
    lijn: str


def _runs(coords: list[tuple[float, float] | None]) -> list[list[tuple[float, float]]]:
    """The unbroken runs of points around the radar (the last axis joins the first); a gap ends
    a run. All present: one run, the closed shape."""
    n = len(coords)
    if all(c is not None for c in coords):
        return [[c for c in coords if c is not None]]
    # Start just after a gap, so that no run wraps past the start.
    start = next(i for i in range(n) if coords[i - 1] is None)
    runs: list[list[tuple[float, float]]] = [[]]
    for k in range(n):
        c = coords[(start + k) % n]
        if c is None:
            runs.append([])
        else:
            runs[-1].append(c)
    return [run for run in runs if run]


def radar(
    *,
    waarden: list[tuple[str, float | None]],
    maximum: int = 5,
    size: int = 320,
    label: str = "",
    reeksen: Sequence[Reeks] = (),
) -> dict[str, Any]:
    """A radar chart: one axis per (label, value), clockwise from the top; None is drawn at 0.

    Returns the polygon of the values, the axes, a ring per whole score, label positions and
    rows for the table beside the chart. `label` names the main (filled) series in a legend;
    each of `reeksen` is drawn as an outline with its marker and line pattern, and gets a
    column in the table.
    """
    n = len(waarden)
    for reeks in reeksen:
        if len(reeks.waarden) != n or reeks.marker not in MARKERS or reeks.lijn not in LIJNEN:
            raise ValueError(f"series {reeks.code!r} does not fit the radar")
    cx = cy = size / 2
    radius = size * 0.38
    label_radius = radius + 14

    def at(index: int, r: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / n
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    def geschaald(waarde: float | Decimal) -> float:
        return max(0.0, min(float(waarde), maximum)) / maximum

    assen, labels, punten, rijen = [], [], [], []
    polygoon: list[tuple[float, float]] = []
    for index, (as_label, waarde) in enumerate(waarden):
        x, y = at(index, radius)
        assen.append({"x1": _fmt(cx), "y1": _fmt(cy), "x2": _fmt(x), "y2": _fmt(y)})

        lx, ly = at(index, label_radius)
        dx = lx - cx
        anchor = "middle" if abs(dx) < radius * 0.1 else ("start" if dx > 0 else "end")
        # Text hangs from its baseline: push labels below the centre down by a line's height.
        if ly > cy + radius * 0.1:
            ly += 12
        labels.append({"tekst": as_label, "x": _fmt(lx), "y": _fmt(ly), "anchor": anchor})

        px, py = at(index, radius * (0.0 if waarde is None else geschaald(waarde)))
        polygoon.append((px, py))
        punten.append({"label": as_label, "waarde": waarde, "x": _fmt(px), "y": _fmt(py)})
        rijen.append(
            {
                "label": as_label,
                "waarde": waarde,
                "geen_antwoorden": waarde is None,
                "reeksen": [reeks.waarden[index] for reeks in reeksen],
            }
        )

    uit = []
    for reeks in reeksen:
        coords = [
            None if w is None else at(i, radius * geschaald(w)) for i, w in enumerate(reeks.waarden)
        ]
        runs = _runs(coords)
        uit.append(
            {
                "code": reeks.code,
                "label": reeks.label,
                "marker": reeks.marker,
                "lijn": reeks.lijn,
                "legenda_marker": marker_path(reeks.marker, 15, 6),
                "punten": [
                    {"waarde": w, "path": marker_path(reeks.marker, *c)}
                    for w, c in zip(reeks.waarden, coords, strict=True)
                    if c is not None
                ],
                # All axes present: a closed outline. Otherwise a line per unbroken run, never
                # across an axis without a point; a lone point is drawn by its marker only.
                "gesloten": all(c is not None for c in coords),
                "lijnen": [_points(run) for run in runs if len(run) > 1],
                "rijen": [
                    {"label": as_label, "waarde": w}
                    for (as_label, _w), w in zip(waarden, reeks.waarden, strict=True)
                ],
            }
        )

    ringen = [
        {
            "waarde": k,
            "points": _points(at(i, radius * k / maximum) for i in range(n)),
            # The ring's score, written just right of the first (top) axis.
            "x": _fmt(cx + 4),
            "y": _fmt(cy - radius * k / maximum + 4),
        }
        for k in range(1, maximum + 1)
    ]
    margin = 80  # room for labels left and right of the chart
    return {
        "size": size,
        "viewbox": f"{-margin} 0 {size + 2 * margin} {size}",
        "cx": _fmt(cx),
        "cy": _fmt(cy),
        "radius": _fmt(radius),
        "maximum": maximum,
        "label": label,
        "polygon": _points(polygoon),
        "assen": assen,
        "labels": labels,
        "punten": punten,
        "ringen": ringen,
        "rijen": rijen,
        "reeksen": uit,
        "heeft_waarden": any(w is not None for _label, w in waarden),
        "bruikbaar": n >= 3,  # fewer than three axes make a line, not a radar: table only
    }


def marker_path(shape: str, x: float, y: float, r: float = 4.5) -> str:
    """An SVG path for a point marker of the given shape, centred on (x, y)."""
    if shape == "vierkant":
        s = r * 0.9
        return f"M{_fmt(x - s)} {_fmt(y - s)}h{_fmt(2 * s)}v{_fmt(2 * s)}h{_fmt(-2 * s)}Z"
    if shape == "driehoek":
        return (
            f"M{_fmt(x)} {_fmt(y - r * 1.15)}L{_fmt(x + r)} {_fmt(y + r * 0.75)}"
            f"L{_fmt(x - r)} {_fmt(y + r * 0.75)}Z"
        )
    if shape == "ruit":
        return (
            f"M{_fmt(x)} {_fmt(y - r * 1.2)}L{_fmt(x + r)} {_fmt(y)}"
            f"L{_fmt(x)} {_fmt(y + r * 1.2)}L{_fmt(x - r)} {_fmt(y)}Z"
        )
    if shape == "kruis":
        return (
            f"M{_fmt(x - r)} {_fmt(y - r)}L{_fmt(x + r)} {_fmt(y + r)}"
            f"M{_fmt(x - r)} {_fmt(y + r)}L{_fmt(x + r)} {_fmt(y - r)}"
        )
    arc = f"a{_fmt(r)} {_fmt(r)} 0 1 0"
    return f"M{_fmt(x - r)} {_fmt(y)}{arc} {_fmt(2 * r)} 0{arc} {_fmt(-2 * r)} 0Z"


def _kolom_key(score: Any) -> tuple:
    return (score.datum, score.sessie_id)


def trend(
    *, reeksen: list[dict], width: int = 640, height: int = 260, minimum: int = 1, maximum: int = 5
) -> dict[str, Any]:
    """A line chart per condition over sessions: x = the sessions in date order, y = 1..5.

    `reeksen` is what `selectors.trend_for_praktijk` gives: dicts with "code", "label" and
    "scores" (objects with datum, sessie_id, gemiddelde, respondenten, bron and, if loaded,
    sessie). A session without a score for a condition breaks that condition's line.
    """
    left, right, top, bottom = 36, 16, 16, 40
    plot_w = width - left - right
    plot_h = height - top - bottom

    kolommen_by_key: dict[tuple, dict] = {}
    for reeks in reeksen:
        for score in reeks["scores"]:
            kolommen_by_key.setdefault(
                _kolom_key(score),
                {
                    "datum": score.datum,
                    "sessie_id": score.sessie_id,
                    "bron": score.bron,
                    "sessie": score.sessie if _sessie_loaded(score) else None,
                },
            )
    keys = sorted(kolommen_by_key)
    n = len(keys)

    def x_at(index: int) -> float:
        return left + plot_w / 2 if n == 1 else left + plot_w * index / (n - 1)

    def y_at(waarde: float) -> float:
        clamped = max(float(minimum), min(float(waarde), float(maximum)))
        return top + plot_h * (maximum - clamped) / (maximum - minimum)

    # At most about six date labels under the axis; the table beside the chart has them all.
    step = max(1, math.ceil(n / 6))
    kolommen = []
    for index, key in enumerate(keys):
        anchor = "middle"
        if n > 1 and index == 0:
            anchor = "start"
        elif n > 1 and index == n - 1:
            anchor = "end"
        kolommen.append(
            {
                **kolommen_by_key[key],
                "x": _fmt(x_at(index)),
                "label_y": _fmt(height - bottom + 18),
                "anchor": anchor,
                "toon_label": index == n - 1 or (index % step == 0 and n - 1 - index >= step),
            }
        )

    uit = []
    for volgnummer, reeks in enumerate(reeksen):
        shape = MARKERS[volgnummer % len(MARKERS)]
        per_key = {_kolom_key(score): score for score in reeks["scores"]}
        punten = []
        cellen: list[dict[str, Any] | None] = []
        lijnen: list[list[tuple[float, float]]] = []
        segment: list[tuple[float, float]] = []
        for index, key in enumerate(keys):
            score = per_key.get(key)
            waarde = None if score is None or score.gemiddelde is None else float(score.gemiddelde)
            cellen.append(
                None
                if score is None
                else {"gemiddelde": waarde, "respondenten": score.respondenten}
            )
            if score is None or waarde is None:
                if segment:
                    lijnen.append(segment)
                segment = []
                continue
            x, y = x_at(index), y_at(waarde)
            segment.append((x, y))
            punten.append(
                {
                    "x": _fmt(x),
                    "y": _fmt(y),
                    "waarde": waarde,
                    "respondenten": score.respondenten,
                    "path": marker_path(shape, x, y),
                }
            )
        if segment:
            lijnen.append(segment)
        uit.append(
            {
                "code": reeks["code"],
                "label": reeks["label"],
                "marker": shape,
                "lijn": LIJNEN[volgnummer % len(LIJNEN)],
                "legenda_marker": marker_path(shape, 15, 6),
                "punten": punten,
                # A polyline per unbroken run; a lone point is drawn by its marker only.
                "lijnen": [_points(s) for s in lijnen if len(s) > 1],
                "cellen": cellen,
            }
        )

    return {
        "width": width,
        "height": height,
        "viewbox": f"0 0 {width} {height}",
        "links": left,
        "rechts": _fmt(width - right),
        "boven": top,
        "onder": _fmt(height - bottom),
        "y_ticks": [
            {"waarde": k, "y": _fmt(y_at(k)), "label_x": _fmt(left - 8)}
            for k in range(minimum, maximum + 1)
        ],
        "kolommen": kolommen,
        "reeksen": uit,
        "heeft_punten": any(r["punten"] for r in uit),
    }


def _sessie_loaded(score: Any) -> bool:
    """Whether the score's session came with it (select_related), so reading it is free."""
    cache = getattr(getattr(score, "_state", None), "fields_cache", None)
    if cache is None:
        return hasattr(score, "sessie")
    return "sessie" in cache
