"""The network map: stored at closing, stable between rounds, figures, exports."""

import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from django.urls import reverse

from relaties import kaart, rondes, selectors
from relaties.models import Kaartpositie
from tests.relaties.conftest import netwerk_maken
from tests.relaties.test_netwerk import antwoord, ronde_maken

pytestmark = pytest.mark.django_db


def test_betweenness_of_a_path_a_star_and_a_square():
    # Path 1-2-3-4: node 2 lies on the paths 1-3 and 1-4, of 3 pairs without it.
    assert kaart.betweenness([1, 2, 3, 4], [(1, 2), (2, 3), (3, 4)]) == pytest.approx(
        {1: 0, 2: 2 / 3, 3: 2 / 3, 4: 0}
    )
    assert kaart.betweenness(range(5), [(0, i) for i in range(1, 5)])[0] == 1.0
    # Square 1-2-3-4-1: of the two shortest paths from 1 to 3, one runs through 2 (half of 1 of
    # the 3 pairs without it).
    assert kaart.betweenness([1, 2, 3, 4], [(1, 2), (2, 3), (3, 4), (4, 1)]) == pytest.approx(
        dict.fromkeys([1, 2, 3, 4], 1 / 6)
    )


def test_a_layout_keeps_known_nodes_in_place_and_places_new_ones_inside():
    randen = {(i, (i + 1) % 10): 1.0 for i in range(10)}
    eerste = kaart.layout(range(10), randen)
    assert all(0 < x < 1 and 0 < y < 1 for x, y in eerste.values())
    assert kaart.layout(range(10), randen) == eerste  # deterministic
    tweede = kaart.layout(range(12), {**randen, (10, 0): 2.0, (11, 5): 1.0}, vast=eerste)
    assert {k: tweede[k] for k in range(10)} == eerste
    assert all(0 < c < 1 for k in (10, 11) for c in tweede[k])
    assert tweede[10] not in eerste.values()


def test_loose_organisations_do_not_squeeze_the_rest_nor_push_new_ones_to_the_edge():
    pad = {(i, i + 1): 1.0 for i in range(5)}
    eerste = kaart.layout(range(8), pad)  # 6 and 7 have no tie
    xs, ys = [eerste[i][0] for i in range(6)], [eerste[i][1] for i in range(6)]
    assert max(max(xs) - min(xs), max(ys) - min(ys)) > 0.5
    tweede = kaart.layout(range(10), {**pad, (8, 2): 1.0}, vast=eerste)
    assert all(0.05 < c < 0.95 for k in (8, 9) for c in tweede[k])


def test_the_map_is_stored_at_closing_and_stays_put_in_the_next_round(praktijk):
    organisaties, personen = netwerk_maken(praktijk, 6)
    a, b, c, d, e, _f = organisaties
    vorige = ronde_maken(praktijk, personen, dagen_geleden=365, titel="Toen")
    antwoord(vorige, personen[0], b, "contact_gehad")
    antwoord(vorige, personen[2], d, "werken_samen")
    rondes.ronde_close(ronde=vorige, by=None)
    toen = (
        dict(Kaartpositie.objects.filter(ronde=vorige).values_list("organisatie_id", "x")),
        dict(Kaartpositie.objects.filter(ronde=vorige).values_list("organisatie_id", "y")),
    )
    assert len(toen[0]) == 6
    # A new organisation joins and ties grow.
    (nieuw,), nieuwe_personen = netwerk_maken(praktijk, 1)
    nu = ronde_maken(praktijk, personen + nieuwe_personen, titel="Nu")
    antwoord(nu, personen[0], c, "werken_samen")
    antwoord(nu, personen[4], nieuw, "contact_gehad")
    beeld_open = selectors.netwerkbeeld(ronde=nu)
    rondes.ronde_close(ronde=nu, by=None)
    beeld = selectors.netwerkbeeld(ronde=nu)
    for organisatie in organisaties:
        assert beeld.posities[organisatie.pk] == (
            toen[0][organisatie.pk],
            toen[1][organisatie.pk],
        )
    assert nieuw.pk in beeld.posities
    assert beeld.posities == beeld_open.posities  # stored what was shown while open
    assert Kaartpositie.objects.filter(ronde=nu).count() == 7
    nieuwe = [(x.a.pk, x.b.pk) for x in beeld.banden if x.nieuw]
    assert (a.pk, c.pk) in nieuwe and (e.pk, nieuw.pk) in nieuwe
    assert (a.pk, b.pk) not in nieuwe


def test_an_open_rounds_map_is_laid_out_again_only_when_its_ties_change(
    client, praktijk, lid, monkeypatch
):
    organisaties, personen = netwerk_maken(praktijk, 4)
    a, b, c, d = organisaties
    ronde = ronde_maken(praktijk, personen)
    antwoord(ronde, personen[0], b, "contact_gehad")
    berekend = []
    echte_layout = kaart.layout

    def layout(*args, **kwargs):
        berekend.append(args)
        return echte_layout(*args, **kwargs)

    monkeypatch.setattr(kaart, "layout", layout)
    client.force_login(lid)
    url = reverse("relaties:netwerk", args=["stein", ronde.pk])

    def lijnen() -> int:
        response = client.get(url)
        assert response.status_code == 200
        return response.text.count("<line")

    assert lijnen() == 1 and len(berekend) == 1
    eerste = selectors.netwerkbeeld(ronde=ronde).posities
    assert lijnen() == 1 and len(berekend) == 1  # the same network: from the cache
    antwoord(ronde, personen[1], d, "weten_wie")  # no tie
    assert lijnen() == 1 and len(berekend) == 1
    antwoord(ronde, personen[0], c, "werken_samen")  # a new tie
    assert lijnen() == 2 and len(berekend) == 2
    antwoord(ronde, personen[1], a, "werken_samen")  # a closer tie pulls harder
    assert lijnen() == 2 and len(berekend) == 3
    assert selectors.netwerkbeeld(ronde=ronde).posities != eerste
    # Closing stores the map shown (from the cache); the closed round reads it from the database.
    rondes.ronde_close(ronde=ronde, by=None)
    assert len(berekend) == 3
    cache.clear()
    assert lijnen() == 2 and len(berekend) == 3
    assert Kaartpositie.objects.filter(ronde=ronde).count() == 5


def test_the_page_draws_the_map_and_its_figures(client, praktijk, lid):
    organisaties, personen = netwerk_maken(praktijk, 4)
    _a, b, c, _d = organisaties
    ronde = ronde_maken(praktijk, personen)
    antwoord(ronde, personen[0], b, "werken_samen")
    antwoord(ronde, personen[1], c, "contact_gehad")
    rondes.ronde_close(ronde=ronde, by=None)
    client.force_login(lid)
    tekst = client.get(reverse("relaties:netwerk", args=["stein", ronde.pk])).text
    assert "<svg" in tekst and tekst.count("<line") == 2
    assert "lp-kaart__lijn--werken_samen" in tekst and "lp-kaart__lijn--contact_gehad" in tekst
    assert tekst.count("<rect") == 2 and tekst.count("<circle") == 3  # the lid's own in design
    # Density: 2 ties of 10 possible pairs (5 organisations with the lid's own).
    assert "20%" in tekst
    # Organisatie 01 connects 00 and 02.
    verbinders = tekst.split("Wie verbindt de meeste anderen")[1].split("</dd>")[0]
    assert "Organisatie 01" in verbinders and "Organisatie 00" not in verbinders


def test_the_ties_export_as_csv_and_graphml(client, praktijk, lid):
    organisaties, personen = netwerk_maken(praktijk, 3)
    a, b, _c = organisaties
    ronde = ronde_maken(praktijk, personen)
    antwoord(ronde, personen[0], b, "werken_samen", 5, 5)
    rondes.ronde_close(ronde=ronde, by=None)
    client.force_login(lid)
    csv = client.get(reverse("relaties:export_csv", args=["stein", ronde.pk]))
    assert csv["Content-Disposition"].startswith("attachment")
    regels = csv.content.decode("utf-8-sig").splitlines()
    assert regels[1].startswith("Organisatie 00;Organisatie 01;Wij werken nu samen")
    # One rater: the trust figure is not released in the export either.
    assert regels[1].endswith(";;")
    graphml = client.get(reverse("relaties:export_graphml", args=["stein", ronde.pk]))
    boom = ET.fromstring(graphml.content)  # noqa: S314 - our own export
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(boom.findall(".//g:node", ns)) == 4
    (rand,) = boom.findall(".//g:edge", ns)
    assert rand.get("source") == f"o{a.pk}" and rand.get("target") == f"o{b.pk}"
