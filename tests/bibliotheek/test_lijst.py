"""The library's list: what the programme's practices shared, searched and filtered, in pages."""

import pytest
from django.urls import reverse
from django.utils import timezone

from experimenten.models import Niveau, Opbrengst
from tests.factories import (
    ExperimentFactory,
    OntwerpvraagFactory,
    OpbrengstFactory,
    ProgrammaTeamlidFactory,
    VerhaalFactory,
)

pytestmark = pytest.mark.django_db

URL = reverse("bibliotheek:lijst")


@pytest.fixture
def alles(gedeelde_les, ongedeelde_les, gedeelde_opbrengst, gedeeld_verhaal, venlo_les):
    """One of each kind shared by stein, one thing unshared, one lesson of another programme."""
    buurt = ExperimentFactory(
        ontwerpvraag=gedeelde_les.ontwerpvraag,
        titel="Koffie in het buurthuis",
        niveau=Niveau.BUURT,
        lessen="Een vaste tafel werkt.",
        gedeeld_op=timezone.now(),
    )
    return {"buurt": buurt}


def test_a_member_of_another_practice_sees_the_programme_shared_items(
    client, outsider, programma, alles
):
    client.force_login(outsider)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "In voor mantelzorg-thuis" in html
    assert "Huisartsen bellen het steunpunt" in html  # a lesson
    assert "Nodig de huisarts uit op de koffie" in html  # with its tip
    assert "Een kaartje met het nummer van het steunpunt." in html  # an outcome
    assert "De buurvrouw die bleef" in html  # a story
    assert "Lerende praktijk Stein" in html
    assert "Geheim experiment in de keuken" not in html  # not shared
    assert "Venlo&#x27;s eigen les" not in html and "Venlo's eigen les" not in html
    assert "Hanneke Eigenaar" not in html and "Gerda Vertelster" not in html


def test_filter_by_level_leaves_the_other_levels_and_the_stories_out(
    client, outsider, programma, alles
):
    client.force_login(outsider)
    html = client.get(URL, {"niveau": Niveau.BUURT}).content.decode()
    assert "Koffie in het buurthuis" in html
    assert "Huisartsen bellen het steunpunt" not in html
    assert "De buurvrouw die bleef" not in html
    html = client.get(URL, {"niveau": Niveau.TUSSEN_PROFESSIONALS}).content.decode()
    assert "Huisartsen bellen het steunpunt" in html
    assert "Een kaartje met het nummer van het steunpunt." in html  # its outcome, same level
    assert "Koffie in het buurthuis" not in html


def test_filter_by_kind_of_outcome_shows_only_those_outcomes(client, outsider, programma, alles):
    OpbrengstFactory(
        experiment=alles["buurt"],
        soort=Opbrengst.Soort.SAMENWERKING,
        beschrijving="Buurthuis en kerk werken samen.",
        gedeeld_op=timezone.now(),
    )
    client.force_login(outsider)
    html = client.get(URL, {"soort": Opbrengst.Soort.TOOL}).content.decode()
    assert "Een kaartje met het nummer van het steunpunt." in html
    assert "Buurthuis en kerk werken samen." not in html
    assert "De buurvrouw die bleef" not in html
    assert "Koffie in het buurthuis</a>" not in html  # the lesson itself is no outcome


def test_search_and_theme(client, outsider, programma, alles):
    andere_vraag = OntwerpvraagFactory(
        praktijk=alles["buurt"].praktijk, vraag="Hoe kunnen we eenzaamheid in de wijk verminderen?"
    )
    VerhaalFactory(
        praktijk=andere_vraag.praktijk,
        ontwerpvraag=andere_vraag,
        titel="Samen eten",
        gedeeld_op=timezone.now(),
    )
    client.force_login(outsider)
    html = client.get(URL, {"q": "vaste tafel"}).content.decode()
    assert "Koffie in het buurthuis" in html
    assert "Huisartsen bellen het steunpunt" not in html
    html = client.get(URL, {"thema": "eenzaamheid"}).content.decode()
    assert "Samen eten" in html
    assert "De buurvrouw die bleef" not in html
    html = client.get(URL, {"wat": "verhaal"}).content.decode()
    assert "Samen eten" in html and "De buurvrouw die bleef" in html
    assert "Koffie in het buurthuis" not in html


def test_an_invalid_filter_is_ignored_with_a_message(client, outsider, programma, alles):
    client.force_login(outsider)
    response = client.get(URL, {"niveau": "maan"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Huisartsen bellen het steunpunt" in html
    assert "Kies een waarde uit de lijst" in html


def test_with_htmx_only_the_results_come_back(client, outsider, programma, alles):
    client.force_login(outsider)
    response = client.get(URL, {"niveau": Niveau.BUURT}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "Koffie in het buurthuis" in html
    assert "<h1" not in html
    assert response["Vary"].count("HX-Request") == 1


def test_outside_any_programme_the_own_items_and_an_explanation(
    client, facilitator, outsider, gedeelde_les
):
    client.force_login(facilitator)
    html = client.get(URL).content.decode()
    assert "Huisartsen bellen het steunpunt" in html
    assert "nog niet bij een programma" in html
    client.force_login(outsider)  # ede, in no programme either: sees none of stein's
    html = client.get(URL).content.decode()
    assert "nog niet bij een programma" in html
    assert "Huisartsen bellen het steunpunt" not in html
    assert "Er is nog niets gedeeld" in html


def test_the_programme_team_sees_its_programme(client, programma, alles):
    client.force_login(ProgrammaTeamlidFactory(programma=programma).user)
    html = client.get(URL).content.decode()
    assert "Huisartsen bellen het steunpunt" in html
    assert "Venlo&#x27;s eigen les" not in html


def test_staff_see_every_programme(client, staff, programma, alles):
    client.force_login(staff)
    html = client.get(URL).content.decode()
    assert "Huisartsen bellen het steunpunt" in html
    assert "Venlo&#x27;s eigen les" in html
    assert "Geheim experiment in de keuken" not in html


def test_pages_of_twenty(client, outsider, programma, vraag):
    nu = timezone.now()
    for i in range(25):
        ExperimentFactory(ontwerpvraag=vraag, titel=f"Les nummer {i:02d}", gedeeld_op=nu)
    client.force_login(outsider)
    eerste = client.get(URL).content.decode()
    assert "25 gedeelde onderdelen" in eerste
    assert eerste.count("lp-bibliotheek__item") == 20
    tweede = client.get(URL, {"pagina": 2}).content.decode()
    assert tweede.count("lp-bibliotheek__item") == 5
    assert 'rel="prev"' in tweede


@pytest.mark.parametrize("aantal", [2, 10])
def test_the_list_costs_the_same_queries_for_2_or_10_of_each(
    client, outsider, programma, vraag, aantal, django_assert_max_num_queries
):
    nu = timezone.now()
    for i in range(aantal):
        experiment = ExperimentFactory(ontwerpvraag=vraag, titel=f"Les {i}", gedeeld_op=nu)
        OpbrengstFactory(experiment=experiment, gedeeld_op=nu)
        VerhaalFactory(praktijk=vraag.praktijk, titel=f"Verhaal {i}", gedeeld_op=nu)
    client.force_login(outsider)
    # session, user, programmes, the count, the page of rows
    with django_assert_max_num_queries(5):
        response = client.get(URL, {"q": "", "niveau": ""})
    assert response.status_code == 200
    assert response.content.decode().count("lp-bibliotheek__item") == min(3 * aantal, 20)
