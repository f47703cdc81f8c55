"""The list of experiments: filters that work with and without htmx, and fixed query counts."""

import pytest
from django.urls import reverse

from experimenten.models import Experiment, Fase, Niveau
from tests.factories import (
    ExperimentFactory,
    OntwerpvraagFactory,
    OrganisatieFactory,
    PersoonFactory,
    TussenstapFactory,
)
from tests.pages import rendered

pytestmark = pytest.mark.django_db

LIJST = reverse("experimenten:lijst", kwargs={"slug": "stein"})


@pytest.fixture
def vragen(praktijk):
    return [
        OntwerpvraagFactory(praktijk=praktijk, vraag="Hoe kunnen we de overgang versoepelen?"),
        OntwerpvraagFactory(praktijk=praktijk, vraag="Hoe kunnen we de buurt betrekken?"),
    ]


@pytest.fixture
def experimenten(vragen):
    overgang, buurt = vragen
    return {
        "thuis": ExperimentFactory(
            ontwerpvraag=overgang,
            titel="Van thuis naar verpleeghuis",
            niveau=Niveau.TUSSEN_PROFESSIONALS,
            fase=Fase.VERWEZENLIJKEN,
            status=Experiment.Status.LOOPT,
        ),
        "huisarts": ExperimentFactory(
            ontwerpvraag=overgang,
            titel="Huisarts kent de mantelzorger",
            niveau=Niveau.ACHTER_DE_VOORDEUR,
            fase=Fase.VORMGEVEN,
            status=Experiment.Status.IDEE,
        ),
        "buurt": ExperimentFactory(
            ontwerpvraag=buurt,
            titel="Mantelzorgers in de buurt",
            niveau=Niveau.BUURT,
            fase=Fase.VERWEZENLIJKEN,
            status=Experiment.Status.AFGEROND,
        ),
    }


def titels(response) -> set[str]:
    return {e.titel for e in response.context["experimenten"]}


@pytest.fixture
def client_fac(client, facilitator):
    client.force_login(facilitator)
    return client


def test_list_shows_each_experiment_with_its_details(client_fac, experimenten):
    thuis = experimenten["thuis"]
    thuis.eigenaar = PersoonFactory(naam="Sanne Smeets")
    thuis.save()
    TussenstapFactory.create_batch(3, experiment=thuis)
    response = client_fac.get(LIJST)
    assert response.status_code == 200
    text = response.text
    assert "<h1" in text and "Experimenten" in text
    assert "Van thuis naar verpleeghuis" in text
    assert "Hoe kunnen we de overgang versoepelen?" in text
    assert "Tussen professionals" in text
    assert "Verwezenlijken" in text
    assert "Loopt" in text
    assert "Sanne Smeets" in text
    assert [e.aantal_stappen for e in response.context["experimenten"] if e == thuis] == [3]
    assert "3 experimenten" in text


def test_list_shows_an_empty_practice_kindly(client_fac, praktijk):
    assert "Deze praktijk heeft nog geen experimenten." in client_fac.get(LIJST).text


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"niveau": Niveau.BUURT}, {"Mantelzorgers in de buurt"}),
        (
            {"fase": Fase.VERWEZENLIJKEN},
            {"Van thuis naar verpleeghuis", "Mantelzorgers in de buurt"},
        ),
        ({"status": Experiment.Status.IDEE}, {"Huisarts kent de mantelzorger"}),
        (
            {"fase": Fase.VERWEZENLIJKEN, "status": Experiment.Status.LOOPT},
            {"Van thuis naar verpleeghuis"},
        ),
        ({"niveau": Niveau.BUURT, "status": Experiment.Status.IDEE}, set()),
    ],
)
def test_filters_by_level_phase_and_status(client_fac, experimenten, params, expected):
    response = client_fac.get(LIJST, params)
    assert response.status_code == 200
    assert titels(response) == expected


def test_filter_by_design_question(client_fac, experimenten, vragen):
    response = client_fac.get(LIJST, {"ontwerpvraag": vragen[0].pk})
    assert titels(response) == {"Van thuis naar verpleeghuis", "Huisarts kent de mantelzorger"}
    response = client_fac.get(LIJST, {"ontwerpvraag": vragen[1].pk, "fase": Fase.VORMGEVEN})
    assert titels(response) == set()
    assert "Er zijn geen experimenten die bij deze filters passen." in response.text


def test_filter_form_keeps_the_chosen_values(client_fac, experimenten):
    text = client_fac.get(LIJST, {"niveau": Niveau.BUURT}).text
    assert f'<option value="{Niveau.BUURT}" selected>' in text


@pytest.mark.parametrize(
    "params",
    [
        {"niveau": "bogus"},
        {"fase": "dromen"},
        {"status": "x" * 10_000},
        {"ontwerpvraag": "abc"},
        {"ontwerpvraag": "999999"},
        {"ontwerpvraag": "-1"},
    ],
)
def test_invalid_filter_values_are_ignored_with_a_dutch_message(client_fac, experimenten, params):
    response = client_fac.get(LIJST, params)
    assert response.status_code == 200
    assert len(titels(response)) == 3
    assert "Een filter kon niet worden gebruikt en is genegeerd." in response.text


def test_an_invalid_filter_does_not_cancel_a_valid_one(client_fac, experimenten):
    response = client_fac.get(LIJST, {"niveau": "bogus", "status": Experiment.Status.IDEE})
    assert titels(response) == {"Huisarts kent de mantelzorger"}


def test_design_question_of_other_praktijk_is_ignored_and_shows_nothing_of_it(
    client_fac, experimenten, andere_praktijk
):
    vreemde_vraag = OntwerpvraagFactory(praktijk=andere_praktijk, vraag="Geheime vraag van Ede?")
    ExperimentFactory(ontwerpvraag=vreemde_vraag, titel="Geheim experiment in Ede")
    response = client_fac.get(LIJST, {"ontwerpvraag": vreemde_vraag.pk})
    assert response.status_code == 200
    assert "Geheim experiment in Ede" not in response.text
    assert "Geheime vraag van Ede?" not in response.text
    assert len(titels(response)) == 3
    assert "Een filter kon niet worden gebruikt" in response.text


def test_list_never_shows_other_praktijk_experiments(client_fac, experimenten, andere_praktijk):
    ExperimentFactory(
        ontwerpvraag=OntwerpvraagFactory(praktijk=andere_praktijk), titel="Experiment in Ede"
    )
    page = rendered(client_fac.get(LIJST), ">Experimenten</h1>")
    assert "Experiment in Ede" not in page


def test_filter_form_works_without_javascript_and_with_htmx(client_fac, experimenten):
    text = client_fac.get(LIJST).text
    assert 'method="get"' in text
    assert 'hx-trigger="change"' in text
    assert 'hx-target="#resultaten"' in text
    assert 'hx-push-url="true"' in text
    assert 'id="resultaten" aria-live="polite"' in text


def test_htmx_filter_returns_only_the_results(client_fac, experimenten):
    response = client_fac.get(LIJST, {"niveau": Niveau.BUURT}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    text = response.text
    assert "<html" not in text
    assert "<h1" not in text
    assert 'id="resultaten"' not in text  # the region itself stays; only its content is swapped
    assert "Mantelzorgers in de buurt" in text
    assert "Van thuis naar verpleeghuis" not in text
    assert "1 experiment" in text


def _maak_experimenten(praktijk, n: int) -> None:
    vragen = OntwerpvraagFactory.create_batch(3, praktijk=praktijk)
    organisaties = OrganisatieFactory.create_batch(3)
    for i in range(n):
        experiment = ExperimentFactory(
            ontwerpvraag=vragen[i % 3], eigenaar=PersoonFactory(organisatie=organisaties[i % 3])
        )
        experiment.organisaties.set(organisaties[: 1 + i % 3])
        TussenstapFactory.create_batch(2, experiment=experiment)


@pytest.mark.parametrize("n", [3, 30])
@pytest.mark.parametrize("htmx", [False, True])
def test_list_uses_a_fixed_number_of_queries(
    client, lid, praktijk, n, htmx, django_assert_max_num_queries
):
    _maak_experimenten(praktijk, n)
    client.force_login(lid)
    headers = {"HX-Request": "true"} if htmx else {}
    with django_assert_max_num_queries(5):
        response = client.get(LIJST, {"status": "loopt"}, headers=headers)
    assert len(response.context["experimenten"]) == n


def test_htmx_history_restore_gets_the_whole_page(client_fac, experimenten):
    headers = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
    response = client_fac.get(LIJST, {"niveau": Niveau.BUURT}, headers=headers)
    assert "<h1" in response.text
    assert "HX-Request" in response["Vary"]
