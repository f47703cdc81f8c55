"""Creating and editing experiments: choices from this practice only, and clear Dutch errors."""

import pytest
from django.urls import reverse

from experimenten.models import Experiment, Niveau
from tests.factories import (
    DeelnameFactory,
    OntwerpvraagFactory,
    OrganisatieFactory,
    PersoonFactory,
    VerhaalFactory,
)
from tests.pages import rendered

pytestmark = pytest.mark.django_db

NIEUW = reverse("experimenten:nieuw", kwargs={"slug": "stein"})
VERPLICHT = "Dit veld is verplicht."


def bewerken(experiment) -> str:
    return reverse("experimenten:bewerken", kwargs={"slug": "stein", "pk": experiment.pk})


@pytest.fixture
def editor(client, kerngroeplid):
    client.force_login(kerngroeplid)
    return client


def data(vraag, **extra) -> dict:
    return {
        "ontwerpvraag": vraag.pk,
        "titel": "Tien minuten samen",
        "doel": "Mantelzorger en professional stemmen samen af.",
        "niveau": Niveau.ACHTER_DE_VOORDEUR,
        "fase": "vormgeven",
        "status": "idee",
        **extra,
    }


def test_create_an_experiment_with_organisations_owner_and_stories(
    editor, praktijk, vraag, eigen_organisatie
):
    persoon = PersoonFactory(organisatie=eigen_organisatie, naam="Sanne Smeets")
    verhaal = VerhaalFactory(praktijk=praktijk, titel="De buurvrouw belde")
    response = editor.post(
        NIEUW,
        data(
            vraag,
            eigenaar=persoon.pk,
            organisaties=[eigen_organisatie.pk],
            verhalen=[verhaal.pk],
            startdatum="2026-02-01",
            einddatum="2026-06-30",
        ),
    )
    experiment = Experiment.objects.get(titel="Tien minuten samen")
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "experimenten:detail", kwargs={"slug": "stein", "pk": experiment.pk}
    )
    assert experiment.praktijk == praktijk
    assert experiment.eigenaar == persoon
    assert list(experiment.organisaties.all()) == [eigen_organisatie]
    assert list(experiment.verhalen.all()) == [verhaal]
    page = editor.get(response["Location"]).text
    assert "Het experiment is aangemaakt." in page
    assert "Sanne Smeets" in page
    assert "Steunpunt Mantelzorg Stein" in page
    assert "De buurvrouw belde" in page


def test_form_offers_only_this_practices_choices(editor, praktijk, vraag, andere_praktijk):
    eigen = OrganisatieFactory(naam="Welzijn Stein")
    DeelnameFactory(praktijk=praktijk, organisatie=eigen)
    PersoonFactory(organisatie=eigen, naam="Eva Eigen")
    vreemd = OrganisatieFactory(naam="Welzijn Ede")
    DeelnameFactory(praktijk=andere_praktijk, organisatie=vreemd)
    PersoonFactory(organisatie=vreemd, naam="Vera Vreemd")
    OntwerpvraagFactory(praktijk=andere_praktijk, vraag="Vraag van Ede?")
    VerhaalFactory(praktijk=andere_praktijk, titel="Verhaal uit Ede")
    VerhaalFactory(praktijk=praktijk, titel="Verhaal uit Stein")
    text = rendered(editor.get(NIEUW), "Welzijn Stein", "Eva Eigen", "Verhaal uit Stein")
    assert vraag.vraag in text
    for vreemde in ("Welzijn Ede", "Vera Vreemd", "Vraag van Ede?", "Verhaal uit Ede"):
        assert vreemde not in text


def test_design_question_can_be_preselected_from_the_address(editor, praktijk, vraag):
    tweede = OntwerpvraagFactory(praktijk=praktijk)
    form = editor.get(NIEUW, {"ontwerpvraag": tweede.pk}).context["form"]
    assert form.initial["ontwerpvraag"] == tweede


@pytest.mark.parametrize("waarde", ["abc", "999999", "x" * 10_000])
def test_an_unknown_design_question_in_the_address_is_ignored(editor, vraag, waarde):
    response = editor.get(NIEUW, {"ontwerpvraag": waarde})
    assert response.status_code == 200
    assert "ontwerpvraag" not in response.context["form"].initial


def test_design_question_of_other_praktijk_in_the_address_is_ignored(
    editor, vraag, andere_praktijk
):
    vreemde = OntwerpvraagFactory(praktijk=andere_praktijk)
    response = editor.get(NIEUW, {"ontwerpvraag": vreemde.pk})
    rendered(response, vraag.vraag)  # the form, offering this practice's own question
    assert "ontwerpvraag" not in response.context["form"].initial
    assert vreemde.vraag not in response.text


def test_design_question_of_other_praktijk_is_a_form_error(editor, vraag, andere_praktijk):
    vreemde = OntwerpvraagFactory(praktijk=andere_praktijk)
    response = editor.post(NIEUW, data(vreemde))
    assert response.status_code == 200
    assert "ontwerpvraag" in response.context["form"].errors
    assert "Selecteer een geldige keuze" in response.text
    assert not Experiment.objects.exists()


def test_organisation_or_owner_outside_the_network_is_a_form_error(editor, vraag):
    buiten = OrganisatieFactory(naam="Niet in het netwerk")
    persoon = PersoonFactory(organisatie=buiten)
    response = editor.post(NIEUW, data(vraag, organisaties=[buiten.pk], eigenaar=persoon.pk))
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"organisaties", "eigenaar"}
    assert not Experiment.objects.exists()


def test_end_before_start_is_a_dutch_error_and_keeps_the_input(editor, vraag):
    response = editor.post(
        NIEUW,
        data(vraag, titel="Mijn getypte titel", startdatum="2026-05-01", einddatum="2026-04-01"),
    )
    assert response.status_code == 200
    assert "De einddatum kan niet voor de startdatum liggen." in response.text
    assert 'value="Mijn getypte titel"' in response.text
    assert 'value="2026-04-01"' in response.text
    assert not Experiment.objects.exists()


def test_missing_required_fields_are_named_in_dutch(editor, vraag):
    response = editor.post(NIEUW, {"titel": "Alleen een titel"})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"ontwerpvraag", "doel", "niveau", "fase", "status"}
    assert VERPLICHT in response.text
    assert "Controleer het formulier" in response.text
    assert 'value="Alleen een titel"' in response.text


def test_over_long_input_gets_a_clear_answer(editor, vraag):
    response = editor.post(NIEUW, data(vraag, titel="x" * 10_000, doel="y" * 10_000))
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"titel", "doel"}
    assert "Zorg dat deze waarde niet meer dan 200 tekens bevat" in response.text


def test_impossible_dates_are_a_form_error(editor, vraag):
    response = editor.post(NIEUW, data(vraag, startdatum="2026-02-31"))
    assert response.status_code == 200
    assert "startdatum" in response.context["form"].errors


def test_new_experiments_cannot_be_created_closed(editor, vraag):
    response = editor.post(NIEUW, data(vraag, status="afgerond"))
    assert "status" in response.context["form"].errors


def test_edit_an_experiment(editor, experiment_betrokken):
    response = editor.post(
        bewerken(experiment_betrokken),
        data(experiment_betrokken.ontwerpvraag, titel="Nieuwe titel", fase="verwezenlijken"),
    )
    assert response.status_code == 302
    experiment_betrokken.refresh_from_db()
    assert experiment_betrokken.titel == "Nieuwe titel"
    assert experiment_betrokken.fase == "verwezenlijken"


def test_edit_form_with_errors_keeps_the_old_title_in_the_heading(editor, experiment_betrokken):
    response = editor.post(
        bewerken(experiment_betrokken), data(experiment_betrokken.ontwerpvraag, titel="", doel="")
    )
    assert response.status_code == 200
    assert "Terug naar “Huisartsen en mantelzorg”" in response.text
    experiment_betrokken.refresh_from_db()
    assert experiment_betrokken.titel == "Huisartsen en mantelzorg"


def test_editors_reopen_a_closed_experiment(editor, experiment_betrokken):
    experiment_betrokken.status = Experiment.Status.AFGEROND
    experiment_betrokken.save()
    response = editor.post(
        bewerken(experiment_betrokken), data(experiment_betrokken.ontwerpvraag, status="loopt")
    )
    assert response.status_code == 302
    experiment_betrokken.refresh_from_db()
    assert experiment_betrokken.status == Experiment.Status.LOOPT


def test_a_lid_cannot_reopen_a_closed_experiment(client, lid, experiment_betrokken):
    experiment_betrokken.status = Experiment.Status.GESTOPT
    experiment_betrokken.save()
    client.force_login(lid)
    page = client.get(bewerken(experiment_betrokken)).text
    assert "Alleen de kerngroep kan een afgesloten experiment weer openen." in page
    response = client.post(
        bewerken(experiment_betrokken),
        data(experiment_betrokken.ontwerpvraag, titel="Andere titel", status="loopt"),
    )
    assert response.status_code == 302
    experiment_betrokken.refresh_from_db()
    assert experiment_betrokken.titel == "Andere titel"
    assert experiment_betrokken.status == Experiment.Status.GESTOPT


def test_an_organisation_id_no_row_can_have_is_refused_on_the_form(
    client, praktijk, kerngroeplid, vraag
):
    """Found by the fuzz tests: a number past 64 bits made SQLite fail (a 500)."""
    from django.urls import reverse

    from experimenten.models import Experiment

    client.force_login(kerngroeplid)
    response = client.post(
        reverse("experimenten:nieuw", args=["stein"]),
        {
            "ontwerpvraag": str(vraag.pk),
            "titel": "Tien-minutengesprek",
            "doel": "De mantelzorger eerder in beeld.",
            "niveau": "achter_de_voordeur",
            "fase": "verkennen",
            "status": "loopt",
            "organisaties": [str(2**63)],
        },
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["organisaties"]
    assert not Experiment.objects.exists()
