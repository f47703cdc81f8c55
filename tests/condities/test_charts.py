"""The SVG geometry of the radar and trend charts, and the tables that carry the same numbers."""

import datetime
import math
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from condities import charts

VIJF = [
    ("Ambitie", 5.0),
    ("Belangen", 2.5),
    ("Relatie", None),
    ("Organisatie", 1.0),
    ("Proces", 4.0),
]


def xy(punt) -> tuple[float, float]:
    return float(punt["x"]), float(punt["y"])


def test_value_5_on_the_first_axis_lies_at_the_top_at_full_radius():
    radar = charts.radar(waarden=VIJF, size=320)
    cx, cy, r = float(radar["cx"]), float(radar["cy"]), float(radar["radius"])
    assert xy(radar["punten"][0]) == pytest.approx((cx, cy - r), abs=0.1)
    assert radar["polygon"].split()[0] == f"{cx:.1f},{cy - r:.1f}"


def test_a_value_is_drawn_at_its_share_of_the_radius():
    radar = charts.radar(waarden=VIJF)
    cx, cy, r = float(radar["cx"]), float(radar["cy"]), float(radar["radius"])
    x, y = xy(radar["punten"][1])  # 2.5 of 5 on the second axis, 72 degrees clockwise
    assert ((x - cx) ** 2 + (y - cy) ** 2) ** 0.5 == pytest.approx(r / 2, abs=0.15)
    assert x > cx and y < cy


def test_none_is_drawn_at_the_centre_and_marked_as_no_answers():
    radar = charts.radar(waarden=VIJF)
    assert xy(radar["punten"][2]) == (float(radar["cx"]), float(radar["cy"]))
    assert radar["rijen"][2] == {
        "label": "Relatie",
        "waarde": None,
        "geen_antwoorden": True,
        "reeksen": [],
    }
    assert not radar["rijen"][0]["geen_antwoorden"]


def test_a_ring_per_whole_score_and_an_axis_per_condition():
    radar = charts.radar(waarden=VIJF, maximum=5)
    assert [ring["waarde"] for ring in radar["ringen"]] == [1, 2, 3, 4, 5]
    assert all(len(ring["points"].split()) == 5 for ring in radar["ringen"])
    assert radar["ringen"][-1]["points"].split()[0] == radar["polygon"].split()[0]
    assert len(radar["assen"]) == 5


def test_labels_are_anchored_away_from_the_chart():
    anchors = [label["anchor"] for label in charts.radar(waarden=VIJF)["labels"]]
    assert anchors == ["middle", "start", "start", "end", "end"]


def test_values_outside_the_scale_are_clamped():
    radar = charts.radar(waarden=[("A", 9.0), ("B", -1.0), ("C", 3.0)])
    cx, cy, r = float(radar["cx"]), float(radar["cy"]), float(radar["radius"])
    assert xy(radar["punten"][0]) == pytest.approx((cx, cy - r), abs=0.1)
    assert xy(radar["punten"][1]) == (cx, cy)


def test_fewer_than_three_conditions_is_a_table_not_a_radar():
    assert not charts.radar(waarden=[("Ambitie", 3.0), ("Proces", 4.0)])["bruikbaar"]
    assert charts.radar(waarden=VIJF)["bruikbaar"]


def test_radar_template_has_an_svg_with_a_title_and_a_table():
    radar = charts.radar(waarden=VIJF)
    with translation.override("nl"):
        html = render_to_string(
            "condities/_radar.html", {"radar": radar, "radar_id": "r1", "titel": "Gemiddelde"}
        )
    assert '<svg class="lp-radar__svg"' in html
    assert 'role="img" aria-labelledby="r1-titel"' in html
    assert '<title id="r1-titel">' in html
    assert "<table" in html and "geen antwoorden" in html
    assert "2,5" in html  # Dutch decimal comma in the table
    assert "style=" not in html


def test_without_further_series_there_is_no_legend_and_one_column_of_figures():
    radar = charts.radar(waarden=VIJF)
    with translation.override("nl"):
        html = render_to_string(
            "condities/_radar.html", {"radar": radar, "radar_id": "r1", "titel": "Gemiddelde"}
        )
    assert "lp-legenda" not in html and "lp-reeks" not in html
    assert html.count('scope="col"') == 2


VORIGE = charts.Reeks(
    code="vorige",
    label="Vorige werkvorm",
    waarden=[Decimal("4.00"), 2.5, 3.0, None, 5.0],
    marker="vierkant",
    lijn="streep",
)


def test_a_further_series_is_an_outline_with_its_own_marker_and_line_pattern():
    radar = charts.radar(waarden=VIJF, label="Deze werkvorm", reeksen=[VORIGE])
    cx, cy, r = float(radar["cx"]), float(radar["cy"]), float(radar["radius"])
    (reeks,) = radar["reeksen"]
    assert (reeks["code"], reeks["marker"], reeks["lijn"]) == ("vorige", "vierkant", "streep")
    assert reeks["marker"] in charts.MARKERS and reeks["lijn"] in charts.LIJNEN
    # 4 of 5 on the first axis: at the top, four fifths of the radius out; a square marker.
    top = charts.marker_path("vierkant", cx, cy - r * 4 / 5)
    assert reeks["punten"][0] == {"waarde": Decimal("4.00"), "path": top}
    assert [p["waarde"] for p in reeks["punten"]] == [Decimal("4.00"), 2.5, 3.0, 5.0]
    assert [rij["reeksen"] for rij in radar["rijen"]] == [[w] for w in VORIGE.waarden]


def op_as(radar, index: int, waarde: float) -> str:
    """The "x,y" of `waarde` on axis `index` of a five-axis radar, as the chart writes it."""
    cx, cy, r = float(radar["cx"]), float(radar["cy"]), float(radar["radius"])
    hoek = -math.pi / 2 + 2 * math.pi * index / 5
    return f"{cx + r * waarde / 5 * math.cos(hoek):.1f},{cy + r * waarde / 5 * math.sin(hoek):.1f}"


def test_an_axis_without_a_point_breaks_the_outline_there():
    radar = charts.radar(waarden=VIJF, reeksen=[VORIGE])
    (reeks,) = radar["reeksen"]
    assert not reeks["gesloten"]
    # No point on the fourth axis: one line from the fifth axis round to the third, not closed.
    assert reeks["lijnen"] == [
        " ".join(
            [op_as(radar, 4, 5.0), op_as(radar, 0, 4.0), op_as(radar, 1, 2.5), op_as(radar, 2, 3.0)]
        )
    ]


def test_a_full_series_is_closed_and_a_lone_point_has_only_its_marker():
    vol = charts.Reeks(code="a", label="A", waarden=[3.0] * 5, marker="ruit", lijn="punt")
    los = charts.Reeks(
        code="b", label="B", waarden=[None, 4.0, None, None, None], marker="driehoek", lijn="punt"
    )
    radar = charts.radar(waarden=VIJF, reeksen=[vol, los])
    assert radar["reeksen"][0]["gesloten"]
    assert len(radar["reeksen"][0]["lijnen"][0].split()) == 5
    assert radar["reeksen"][0]["lijnen"][0] == radar["ringen"][2]["points"]  # on the ring of 3
    assert not radar["reeksen"][1]["gesloten"] and radar["reeksen"][1]["lijnen"] == []
    assert len(radar["reeksen"][1]["punten"]) == 1


def test_a_series_that_does_not_fit_the_axes_or_the_legend_is_refused():
    with pytest.raises(ValueError):
        charts.radar(waarden=VIJF, reeksen=[charts.Reeks("a", "A", [1.0], "ruit", "punt")])
    with pytest.raises(ValueError):
        charts.radar(waarden=VIJF, reeksen=[charts.Reeks("a", "A", [1.0] * 5, "ster", "punt")])
    with pytest.raises(ValueError):
        charts.radar(waarden=VIJF, reeksen=[charts.Reeks("a", "A", [1.0] * 5, "ruit", "golf")])


def test_the_legend_names_every_series_and_the_table_has_a_column_for_each():
    radar = charts.radar(waarden=VIJF, label="Deze werkvorm", reeksen=[VORIGE])
    with translation.override("nl"):
        html = render_to_string(
            "condities/_radar.html", {"radar": radar, "radar_id": "r1", "titel": "Gemiddelde"}
        )
    legenda = html[html.index('<ul class="lp-legenda') : html.index("</ul>")]
    assert 'aria-label="Legenda"' in legenda
    assert "Deze werkvorm" in legenda and "Vorige werkvorm" in legenda
    assert "lp-marker--vierkant" in legenda and "lp-lijn--streep" in legenda
    assert '<g class="lp-reeks lp-reeks--vorige lp-lijn--streep lp-marker--vierkant">' in html
    assert html.count('scope="col"') == 3
    assert ">Deze werkvorm</th>" in html and ">Vorige werkvorm</th>" in html
    # Organisatie: 1,0 this time, no figure last time.
    rij = html[html.index(">Organisatie</th>") :].split("</tr>")[0]
    assert "1,0" in rij and "geen cijfer" in rij
    assert "Vorige werkvorm: Ambitie 4,0" in html  # the chart's title names it too
    assert "style=" not in html


def score(datum, sessie_id, gemiddelde, respondenten=5, bron="werkvorm"):
    return SimpleNamespace(
        datum=datum,
        sessie_id=sessie_id,
        gemiddelde=None if gemiddelde is None else Decimal(str(gemiddelde)),
        respondenten=respondenten,
        bron=bron,
    )


D1, D2, D3 = datetime.date(2026, 1, 10), datetime.date(2026, 4, 2), datetime.date(2026, 9, 30)


def reeksen():
    return [
        {
            "code": "ambitie",
            "label": "Ambitie",
            "scores": [score(D1, 1, 3.0), score(D2, 2, 4.0), score(D3, 3, 5.0, bron="checkin")],
        },
        # Not asked in the second session: its line breaks there.
        {"code": "proces", "label": "Proces", "scores": [score(D1, 1, 1.0), score(D3, 3, 2.0)]},
    ]


def test_trend_puts_sessions_in_date_order_and_scores_on_a_1_to_5_scale():
    grafiek = charts.trend(reeksen=list(reversed(reeksen())), width=640, height=260)
    assert [k["datum"] for k in grafiek["kolommen"]] == [D1, D2, D3]
    xs = [float(k["x"]) for k in grafiek["kolommen"]]
    assert xs == sorted(xs) and xs[0] == grafiek["links"] and xs[-1] == float(grafiek["rechts"])

    y = {t["waarde"]: float(t["y"]) for t in grafiek["y_ticks"]}
    assert y[5] == grafiek["boven"] and y[1] == float(grafiek["onder"])
    ambitie = next(r for r in grafiek["reeksen"] if r["code"] == "ambitie")
    assert [float(p["y"]) for p in ambitie["punten"]] == [y[3], y[4], y[5]]
    assert len(ambitie["lijnen"]) == 1 and len(ambitie["lijnen"][0].split()) == 3


def test_a_missing_score_breaks_the_line_and_shows_as_empty_cell():
    grafiek = charts.trend(reeksen=reeksen())
    proces = grafiek["reeksen"][1]
    assert len(proces["punten"]) == 2
    assert proces["lijnen"] == []  # two lone points, no line through the missing session
    assert proces["cellen"][1] is None
    assert proces["cellen"][0] == {"gemiddelde": 1.0, "respondenten": 5}


def test_each_series_has_its_own_marker_and_line_pattern():
    grafiek = charts.trend(reeksen=reeksen())
    markers = {r["marker"] for r in grafiek["reeksen"]}
    lijnen = {r["lijn"] for r in grafiek["reeksen"]}
    assert len(markers) == len(lijnen) == 2
    assert all(p["path"].startswith("M") for r in grafiek["reeksen"] for p in r["punten"])


def test_one_session_is_drawn_in_the_middle():
    grafiek = charts.trend(
        reeksen=[{"code": "relatie", "label": "Relatie", "scores": [score(D1, 1, 4)]}]
    )
    assert float(grafiek["kolommen"][0]["x"]) == pytest.approx(36 + (640 - 36 - 16) / 2)
    assert grafiek["heeft_punten"]


def test_no_scores_no_points():
    grafiek = charts.trend(reeksen=[{"code": "relatie", "label": "Relatie", "scores": []}])
    assert grafiek["kolommen"] == [] and not grafiek["heeft_punten"]


def test_trend_template_has_a_legend_and_a_table_with_respondents():
    with translation.override("nl"):
        html = render_to_string(
            "condities/_trend.html",
            {"grafiek": charts.trend(reeksen=reeksen()), "trend_id": "t1", "titel": "Verloop"},
        )
    assert 'role="img" aria-labelledby="t1-titel"' in html
    assert "lp-legenda" in html and "lp-lijn--streep" in html
    assert "5 respondenten" in html and "(check-in)" in html
    assert "style=" not in html
