"""Geometry for the small indicator chart: measurements over time against baseline and target.

Pure arithmetic, no drawing: `experimenten/_indicator_grafiek.html` turns these numbers into SVG
elements that CSS classes style (the CSP forbids inline styles). The table beside the chart
carries the same numbers for screen readers.
"""

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Protocol

WIDTH, HEIGHT = 320, 160
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 28


class MetingLike(Protocol):
    datum: Any
    waarde: Decimal


def _fmt(value: float) -> str:
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def _nice(value: float) -> str:
    """A tick label: whole numbers without decimals, else one decimal."""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def indicator_grafiek(
    *,
    metingen: Sequence[MetingLike],
    nulmeting: Decimal | None,
    streefwaarde: Decimal | None,
) -> dict[str, Any]:
    """The line of measurements in date order, with the baseline and target as level lines.

    x: the measurements evenly spaced in date order (one in the middle when alone); y: from the
    lowest to the highest of measurements, baseline, target and zero.
    """
    waarden = [float(m.waarde) for m in metingen]
    alle = [*waarden, 0.0]
    if nulmeting is not None:
        alle.append(float(nulmeting))
    if streefwaarde is not None:
        alle.append(float(streefwaarde))
    laag, hoog = min(alle), max(alle)
    if hoog == laag:
        hoog = laag + 1
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    n = len(waarden)

    def x_at(index: int) -> float:
        return LEFT + plot_w / 2 if n == 1 else LEFT + plot_w * index / (n - 1)

    def y_at(waarde: float) -> float:
        return TOP + plot_h * (hoog - waarde) / (hoog - laag)

    punten = [
        {
            "x": _fmt(x_at(i)),
            "y": _fmt(y_at(w)),
            "datum": m.datum,
            "label_x": _fmt(x_at(i)),
            "anchor": "middle"
            if n == 1
            else ("start" if i == 0 else "end" if i == n - 1 else "middle"),
            # Dates under the axis: the first and the last only; the table has them all.
            "toon_label": i in (0, n - 1),
        }
        for i, (m, w) in enumerate(zip(metingen, waarden, strict=True))
    ]

    def niveau(waarde: Decimal | None) -> dict[str, str] | None:
        if waarde is None:
            return None
        y = _fmt(y_at(float(waarde)))
        return {"y": y, "x1": _fmt(LEFT), "x2": _fmt(WIDTH - RIGHT)}

    return {
        "viewbox": f"0 0 {WIDTH} {HEIGHT}",
        "heeft_punten": bool(punten),
        "punten": punten,
        "lijn": " ".join(f"{p['x']},{p['y']}" for p in punten),
        "nulmeting": niveau(nulmeting),
        "streefwaarde": niveau(streefwaarde),
        "ticks": [
            {"y": _fmt(y_at(laag)), "label": _nice(laag)},
            {"y": _fmt(y_at(hoog)), "label": _nice(hoog)},
        ],
        "tick_x": _fmt(LEFT - 4),
        "as_x1": _fmt(LEFT),
        "as_x2": _fmt(WIDTH - RIGHT),
        "as_y": _fmt(HEIGHT - BOTTOM),
        "label_y": _fmt(HEIGHT - BOTTOM + 16),
    }
