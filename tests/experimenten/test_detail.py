"""The experiment's page: phase, timeline of small steps, outcomes, and closing with a write-up."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from experimenten.models import Experiment, Fase, Opbrengst
from tests.factories import (
    ExperimentFactory,
    OpbrengstFactory,
    PersoonFactory,
    TussenstapFactory,
    VerhaalFactory,
)
from tests.pages import rendered

pytestmark = pytest.mark.django_db


def url(name: str, experiment: Experiment) -> str:
    return reverse(f"experimenten:{name}", kwargs={"slug": "stein", "pk": experiment.pk})


@pytest.fixture
def als_lid(client, lid):
    client.force_login(lid)
    return client


def test_detail_shows_what_the_experiment_is_about(
    als_lid, praktijk, experiment_betrokken, eigen_organisatie
):
    experiment = experiment_betrokken
    experiment.eigenaar = PersoonFactory(organisatie=eigen_organisatie, naam="Sanne Smeets")
    experiment.startdatum = datetime.date(2026, 2, 1)
    experiment.save()
    experiment.verhalen.add(VerhaalFactory(praktijk=praktijk, titel="De huisarts belde terug"))
    text = als_lid.get(url("detail", experiment)).text
    assert '<h1 class="utrecht-heading-1">Huisartsen en mantelzorg</h1>' in text
    assert experiment.doel in text
    assert "Hoe kunnen we huisartsen bewust maken van mantelzorgers?" in text
    assert "Tussen professionals" in text
    assert "Loopt" in text
    assert "Sanne Smeets" in text
    assert "Steunpunt Mantelzorg Stein" in text
    assert "De huisarts belde terug" in text
    assert "1 februari 2026" in text


def test_detail_explains_the_four_phases_and_marks_the_current_one(als_lid, experiment_betrokken):
    experiment_betrokken.fase = Fase.VORMGEVEN
    experiment_betrokken.save()
    response = als_lid.get(url("detail", experiment_betrokken))
    text = response.text
    for fase, uitleg in [
        ("Verkennen", "Wat werkt er al? Haal de verhalen op van wat goed ging."),
        ("Verbeelden", "het lonkend perspectief"),
        ("Vormgeven", "positieve ontwerpzinnen"),
        ("Verwezenlijken", "Begin klein"),
    ]:
        assert fase in text
        assert uitleg in text
    assert text.count('aria-current="step"') == 1
    huidig = [f for f in response.context["fasen"] if f["huidig"]]
    assert [f["waarde"] for f in huidig] == [Fase.VORMGEVEN]
    assert "hier staat dit experiment" in text


def test_timeline_shows_small_steps_newest_first_and_says_they_count(als_lid, experiment_betrokken):
    TussenstapFactory(experiment=experiment_betrokken, datum=datetime.date(2026, 1, 5), wat="Oud")
    TussenstapFactory(experiment=experiment_betrokken, datum=datetime.date(2026, 3, 5), wat="Nieuw")
    TussenstapFactory(
        experiment=experiment_betrokken, datum=datetime.date(2026, 2, 5), wat="Midden"
    )
    text = als_lid.get(url("detail", experiment_betrokken)).text
    assert text.index("Nieuw") < text.index("Midden") < text.index("Oud")
    assert '<time class="lp-tijdlijn__datum" datetime="2026-03-05">5 maart 2026</time>' in text
    assert "Elk tussenstapje is al een resultaat" in text
    assert '<ol class="lp-tijdlijn"' in text


def test_outcomes_are_grouped_by_kind(als_lid, experiment_betrokken):
    OpbrengstFactory(
        experiment=experiment_betrokken, soort=Opbrengst.Soort.TOOL, beschrijving="Gesprekskaart"
    )
    OpbrengstFactory(
        experiment=experiment_betrokken,
        soort=Opbrengst.Soort.SAMENWERKING,
        beschrijving="Huisartsen bellen het steunpunt",
    )
    response = als_lid.get(url("detail", experiment_betrokken))
    groepen = response.context["opbrengsten"]
    assert [g["soort"] for g in groepen] == ["samenwerking", "tool"]
    assert "Nieuwe samenwerking" in response.text
    assert "Hulpmiddel" in response.text


def test_detail_uses_few_queries(client, lid, experiment_betrokken, django_assert_max_num_queries):
    TussenstapFactory.create_batch(10, experiment=experiment_betrokken)
    OpbrengstFactory.create_batch(5, experiment=experiment_betrokken)
    client.force_login(lid)
    with django_assert_max_num_queries(12):
        client.get(url("detail", experiment_betrokken))


# Small steps


def test_adding_a_step_without_javascript_redirects_to_the_timeline(als_lid, experiment_betrokken):
    response = als_lid.post(
        url("stap_nieuw", experiment_betrokken),
        {"stap-datum": "2026-03-02", "stap-wat": "Eerste overleg met de POH", "stap-wie": "Lotte"},
    )
    assert response.status_code == 302
    assert response["Location"] == url("detail", experiment_betrokken) + "#tijdlijn"
    stap = experiment_betrokken.stappen.get()
    assert stap.wat == "Eerste overleg met de POH"
    assert stap.created_by.email == "lid@stein.example"
    page = als_lid.get(response["Location"]).text
    assert "Het tussenstapje is toegevoegd." in page
    assert "Eerste overleg met de POH" in page


def test_step_form_defaults_to_today(als_lid, experiment_betrokken):
    text = als_lid.get(url("detail", experiment_betrokken)).text
    assert f'value="{timezone.localdate():%Y-%m-%d}"' in text


def test_adding_a_step_with_htmx_returns_the_timeline_and_a_fresh_form(
    als_lid, experiment_betrokken
):
    TussenstapFactory(experiment=experiment_betrokken, datum=datetime.date(2026, 1, 5), wat="Oud")
    vandaag = timezone.localdate()
    response = als_lid.post(
        url("stap_nieuw", experiment_betrokken),
        {"stap-datum": f"{vandaag:%Y-%m-%d}", "stap-wat": "Vandaag gebeld"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    text = response.text
    assert "<html" not in text
    assert text.index("Vandaag gebeld") < text.index("Oud")
    # The form comes back out of band, emptied, ready for the next step.
    assert 'id="stap-formulier"' in text and 'hx-swap-oob="true"' in text
    assert "Vandaag gebeld</textarea>" not in text


def test_an_invalid_step_with_htmx_shows_the_error_and_keeps_the_timeline(
    als_lid, experiment_betrokken
):
    response = als_lid.post(
        url("stap_nieuw", experiment_betrokken),
        {"stap-datum": "", "stap-wat": "", "stap-wie": "Getypte naam"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert "Dit veld is verplicht." in response.text
    assert 'value="Getypte naam"' in response.text
    assert experiment_betrokken.stappen.count() == 0


def test_an_invalid_step_without_javascript_rerenders_the_page_with_errors(
    als_lid, experiment_betrokken
):
    response = als_lid.post(
        url("stap_nieuw", experiment_betrokken), {"stap-datum": "2026-03-02", "stap-wat": ""}
    )
    assert response.status_code == 200
    assert "<h1" in response.text
    assert "Dit veld is verplicht." in response.text


def test_a_step_in_the_future_is_refused(als_lid, experiment_betrokken):
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    response = als_lid.post(
        url("stap_nieuw", experiment_betrokken),
        {"stap-datum": f"{morgen:%Y-%m-%d}", "stap-wat": "Gepland"},
    )
    assert response.status_code == 200
    assert "Een tussenstapje is iets wat al gebeurd is" in response.text
    assert experiment_betrokken.stappen.count() == 0


def test_a_very_long_step_gets_a_clear_answer(als_lid, experiment_betrokken):
    response = als_lid.post(
        url("stap_nieuw", experiment_betrokken),
        {"stap-datum": "2026-03-02", "stap-wat": "x" * 10_000, "stap-wie": "y" * 10_000},
    )
    assert response.status_code == 200
    assert set(response.context["stap_form"].errors) == {"wat", "wie"}


# Outcomes


def test_adding_an_outcome(als_lid, experiment_betrokken):
    response = als_lid.post(
        url("opbrengst_nieuw", experiment_betrokken),
        {"opbrengst-soort": "werkwijze", "opbrengst-beschrijving": "Vaste belronde"},
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#opbrengsten")
    opbrengst = experiment_betrokken.opbrengsten.get()
    assert (opbrengst.soort, opbrengst.beschrijving) == ("werkwijze", "Vaste belronde")


def test_an_invalid_outcome_shows_errors(als_lid, experiment_betrokken):
    response = als_lid.post(
        url("opbrengst_nieuw", experiment_betrokken),
        {"opbrengst-soort": "onbekend", "opbrengst-beschrijving": "Getypt"},
    )
    assert response.status_code == 200
    assert "soort" in response.context["opbrengst_form"].errors
    assert "Getypt</textarea>" in response.text
    assert not experiment_betrokken.opbrengsten.exists()


# Closing


def test_closing_records_the_write_up_and_sets_the_end_date(als_lid, experiment_betrokken):
    response = als_lid.post(
        url("afsluiten", experiment_betrokken),
        {
            "status": "afgerond",
            "resultaat": "Alle huisartsen kennen het steunpunt.",
            "lessen": "Ga langs in plaats van mailen.",
            "tip": "Neem koffie mee.",
        },
    )
    assert response.status_code == 302
    experiment_betrokken.refresh_from_db()
    assert experiment_betrokken.status == Experiment.Status.AFGEROND
    assert experiment_betrokken.einddatum == timezone.localdate()
    page = als_lid.get(url("detail", experiment_betrokken)).text
    assert "Het experiment is afgesloten." in page
    for tekst in (
        "Verslag",
        "Acties en resultaat",
        "Alle huisartsen kennen het steunpunt.",
        "Geleerde lessen",
        "Ga langs in plaats van mailen.",
        "Tip voor andere praktijken",
        "Neem koffie mee.",
    ):
        assert tekst in page


def test_closing_keeps_an_end_date_that_was_set(als_lid, experiment_betrokken):
    experiment_betrokken.einddatum = datetime.date(2026, 4, 1)
    experiment_betrokken.save()
    als_lid.post(
        url("afsluiten", experiment_betrokken),
        {"status": "gestopt", "resultaat": "Geen tijd.", "lessen": "Eerder beginnen."},
    )
    experiment_betrokken.refresh_from_db()
    assert experiment_betrokken.status == Experiment.Status.GESTOPT
    assert experiment_betrokken.einddatum == datetime.date(2026, 4, 1)


def test_closing_needs_result_and_lessons(als_lid, experiment_betrokken):
    response = als_lid.post(
        url("afsluiten", experiment_betrokken), {"status": "afgerond", "tip": "Getypte tip"}
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"resultaat", "lessen"}
    assert "Dit veld is verplicht." in response.text
    assert "Getypte tip</textarea>" in response.text
    experiment_betrokken.refresh_from_db()
    assert experiment_betrokken.status == Experiment.Status.LOOPT


@pytest.mark.parametrize("status", ["loopt", "idee", "bogus", ""])
def test_closing_only_as_finished_or_stopped(als_lid, experiment_betrokken, status):
    response = als_lid.post(
        url("afsluiten", experiment_betrokken),
        {"status": status, "resultaat": "R", "lessen": "L"},
    )
    assert response.status_code == 200
    assert "status" in response.context["form"].errors


def test_closing_before_the_start_date_is_a_form_error(als_lid, experiment_betrokken):
    experiment_betrokken.startdatum = timezone.localdate() + datetime.timedelta(days=30)
    experiment_betrokken.save()
    response = als_lid.post(
        url("afsluiten", experiment_betrokken),
        {"status": "gestopt", "resultaat": "Toch niet.", "lessen": "Beter plannen."},
    )
    assert response.status_code == 200
    assert "De einddatum kan niet voor de startdatum liggen." in response.text
    experiment_betrokken.refresh_from_db()
    assert experiment_betrokken.status == Experiment.Status.LOOPT


def test_a_closed_experiment_shows_edit_write_up_and_reopen_hint(
    client, kerngroeplid, experiment_betrokken
):
    experiment_betrokken.status = Experiment.Status.AFGEROND
    experiment_betrokken.resultaat = "Gedaan"
    experiment_betrokken.lessen = "Geleerd"
    experiment_betrokken.save()
    client.force_login(kerngroeplid)
    text = rendered(
        client.get(url("detail", experiment_betrokken)),
        '<h1 class="utrecht-heading-1">Huisartsen en mantelzorg</h1>',
        "Verslag bewerken",
    )
    assert "Experiment afsluiten" not in text
    assert "zet de status terug op “Loopt”" in text
    form = client.get(url("afsluiten", experiment_betrokken)).context["form"]
    assert form.initial["resultaat"] == "Gedaan"


def test_experiment_of_the_list_page_links_to_its_detail(als_lid, experiment_betrokken):
    text = als_lid.get(reverse("experimenten:lijst", kwargs={"slug": "stein"})).text
    assert url("detail", experiment_betrokken) in text


def test_an_experiment_without_anything_yet_still_shows(als_lid, vraag):
    experiment = ExperimentFactory(ontwerpvraag=vraag, eigenaar=None)
    text = als_lid.get(url("detail", experiment)).text
    assert "Nog geen trekker" in text
    assert "Nog geen tussenstapjes." in text
    assert "Nog geen opbrengsten vastgelegd" in text
