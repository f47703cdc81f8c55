"""The conditions on the practice dashboard: latest scores, the trend and the open next steps."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from condities.models import Actie
from overzicht.selectors import condities_section
from tests.condities.rapport_data import actie, gesloten_sessie

pytestmark = pytest.mark.django_db


def render(praktijk) -> str:
    with translation.override("nl"):
        return render_to_string(
            "condities/_dashboard.html",
            {"praktijk": praktijk, **condities_section(praktijk=praktijk)},
        )


def test_without_scores_the_five_conditions_are_explained(praktijk):
    html = render(praktijk)
    for uitleg in [
        "<strong>Ambitie</strong>",
        "<strong>Belangen</strong>",
        "<strong>Relatie</strong>",
        "<strong>Organisatie</strong>",
        "<strong>Proces</strong>",
    ]:
        assert uitleg in html
    assert "Er staan geen volgende stappen open." in html
    assert "lp-trend__svg" not in html
    assert reverse("condities:sessies", args=["stein"]) in html


def test_with_scores_the_latest_per_condition_the_trend_and_open_steps(praktijk, facilitator):
    maart = gesloten_sessie(praktijk, facilitator, datum=datetime.date(2026, 3, 1), score=2)
    juni = gesloten_sessie(
        praktijk, facilitator, datum=datetime.date(2026, 6, 1), score=4, soort="checkin"
    )
    actie(maart, "Afspraken op papier zetten", wie="Gemeente", wanneer=datetime.date(2026, 7, 1))
    actie(juni, "Al gedaan", status=Actie.Status.GEDAAN)  # long ago: no gedaan_op
    actie(juni, "Wat goed gaat", soort=Actie.Soort.GOED)

    html = render(praktijk)

    assert "Laatste scores" in html
    latest = html.split("Laatste scores")[1].split("Verloop")[0]
    assert "4,0" in latest and "2,0" not in latest
    assert "check-in" in latest and "1 jun 2026" in latest
    assert "lp-trend__svg" in html and "lp-legenda" in html
    assert "Afspraken op papier zetten" in html
    assert "Wie: Gemeente" in html and "Wanneer: 1 juli 2026" in html
    assert "Al gedaan" not in html and "Wat goed gaat" not in html
    assert "<strong>Belangen</strong>" not in html  # the explanation is for an empty dashboard


@pytest.mark.parametrize("sessies", [1, 6])
def test_dashboard_section_does_a_fixed_number_of_queries(
    praktijk, facilitator, sessies, django_assert_num_queries
):
    for maand in range(1, sessies + 1):
        sessie = gesloten_sessie(praktijk, facilitator, datum=datetime.date(2026, maand, 1))
        actie(sessie, f"Stap {maand}")
    with django_assert_num_queries(3):  # scores, open steps, steps done lately
        render(praktijk)


def test_the_practice_dashboard_shows_the_section(client, praktijk, facilitator, lid):
    gesloten_sessie(praktijk, facilitator, datum=datetime.date(2026, 3, 1), score=3)
    client.force_login(lid)
    page = client.get(reverse("overzicht:dashboard", args=["stein"])).text
    assert 'id="condities-kop"' in page
    assert "Laatste scores" in page
    assert reverse("condities:praktijk_rapport", args=["stein"]) in page
