"""The facilitators' inbox: only facilitators of the practice; filters, tags, notes, sharing."""

import datetime

import pytest
from django.utils import timezone

from condities.models import Conditie
from mantelzorg.models import MantelzorgFormulier, Reactie
from tests.factories import (
    DeelnameFactory,
    ExperimentFactory,
    OntwerpvraagFactory,
    OrganisatieFactory,
    ReactieConditieFactory,
    ReactieFactory,
)
from tests.mantelzorg.helpers import url
from tests.pages import rendered
from tests.permissions import LOGIN, assert_matrix, managers, readers

pytestmark = pytest.mark.django_db


@pytest.fixture
def reactie(praktijk):
    return ReactieFactory(
        praktijk=praktijk,
        wat_gaat_goed="De POH nam echt de tijd.",
        contact_toestemming=True,
        naam="Anna de Vries",
        email="anna@voorbeeld.example",
        contact_bewaren_tot=timezone.localdate() + datetime.timedelta(days=100),
    )


def _bewerk_data(**extra) -> dict:
    data = {
        "status": Reactie.Status.AFGEHANDELD,
        "condities": [Conditie.RELATIE, Conditie.PROCES],
        "experiment": "",
        "doorgegeven_aan": "",
        "interne_notitie": "Gebeld met de huisartsenpraktijk.",
        "deelbaar": "on",
    }
    data.update(extra)
    return data


# Permissions ---------------------------------------------------------------------------------


def test_only_facilitators_and_staff_open_the_inbox(login_as, praktijk):
    assert_matrix(login_as, url("inbox"), managers())


def test_only_facilitators_and_staff_open_the_inbox_partial(login_as, praktijk):
    assert_matrix(login_as, url("inbox"), managers(), headers={"HX-Request": "true"})


def test_only_facilitators_and_staff_open_a_reaction(login_as, reactie):
    assert_matrix(login_as, url("reactie", pk=reactie.pk), managers())


def test_only_facilitators_and_staff_change_a_reaction(login_as, reactie):
    assert_matrix(
        login_as,
        url("reactie", pk=reactie.pk),
        managers(302),
        method="post",
        data=_bewerk_data(),
    )


def test_only_facilitators_and_staff_remove_contact_details(login_as, reactie):
    assert_matrix(
        login_as,
        url("contact_verwijderen", pk=reactie.pk),
        managers(302),
        method="post",
    )


def test_removing_contact_details_is_post_only(client, facilitator, reactie):
    client.force_login(facilitator)
    assert client.get(url("contact_verwijderen", pk=reactie.pk)).status_code == 405


def test_only_facilitators_and_staff_open_the_settings(login_as, praktijk):
    assert_matrix(login_as, url("instellingen"), managers())


def test_only_facilitators_and_staff_change_the_settings(login_as, praktijk):
    assert_matrix(
        login_as,
        url("instellingen"),
        managers(302),
        method="post",
        data={"is_open": "on", "intro": "Welkom"},
    )


def test_every_member_sees_the_overview(login_as, praktijk):
    assert_matrix(login_as, url("overzicht"), readers())


def test_only_facilitators_and_staff_export(login_as, praktijk):
    assert_matrix(login_as, url("export_csv"), managers())
    assert_matrix(login_as, url("export_xlsx"), managers())


def test_anonymous_visitors_are_sent_to_log_in(client, reactie):
    response = client.get(url("inbox"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert managers()["anonymous"] == LOGIN


def test_another_practices_reaction_gives_404(client, facilitator, andere_praktijk):
    ede = ReactieFactory(praktijk=andere_praktijk)
    client.force_login(facilitator)
    assert client.get(url("reactie", pk=ede.pk)).status_code == 404
    assert client.post(url("reactie", pk=ede.pk), _bewerk_data()).status_code == 404
    response = client.post(url("contact_verwijderen", pk=ede.pk))
    assert response.status_code == 404
    assert client.get(url("reactie", pk=999_999)).status_code == 404


def test_the_inbox_shows_only_this_practices_feedback(
    client, facilitator, praktijk, andere_praktijk
):
    ReactieFactory(praktijk=praktijk, wat_gaat_goed="Uit Stein")
    ReactieFactory(praktijk=andere_praktijk, wat_gaat_goed="Uit Ede")
    client.force_login(facilitator)
    page = rendered(client.get(url("inbox")), "Uit Stein")
    assert "Uit Stein" in page and "Uit Ede" not in page


# The inbox -----------------------------------------------------------------------------------


def test_the_inbox_lists_feedback_with_its_status_and_the_form_link(client, facilitator, reactie):
    client.force_login(facilitator)
    page = rendered(client.get(url("inbox")), "De POH nam echt de tijd.")
    assert "Nieuw" in page
    assert "http://testserver/p/stein/mantelzorg/" in page
    assert url("reactie", pk=reactie.pk) in page
    # The list never shows contact details.
    assert "Anna de Vries" not in page and "anna@voorbeeld.example" not in page


def test_the_inbox_filters_by_status_condition_and_experiment(client, facilitator, praktijk):
    experiment = ExperimentFactory(ontwerpvraag=OntwerpvraagFactory(praktijk=praktijk))
    nieuw = ReactieFactory(praktijk=praktijk, wat_gaat_goed="Nieuw bericht")
    gelezen = ReactieFactory(
        praktijk=praktijk,
        wat_gaat_goed="Gelezen bericht",
        status=Reactie.Status.GELEZEN,
        experiment=experiment,
    )
    ReactieConditieFactory(reactie=gelezen, conditie=Conditie.RELATIE)
    client.force_login(facilitator)

    page = rendered(client.get(url("inbox"), {"status": "nieuw"}), "Nieuw bericht")
    assert "Nieuw bericht" in page and "Gelezen bericht" not in page
    page = rendered(client.get(url("inbox"), {"conditie": "relatie"}), "Gelezen bericht")
    assert "Gelezen bericht" in page and "Nieuw bericht" not in page
    page = rendered(client.get(url("inbox"), {"experiment": experiment.pk}), "Gelezen bericht")
    assert "Gelezen bericht" in page and nieuw.wat_gaat_goed not in page
    page = client.get(url("inbox"), {"status": "afgehandeld"}).text
    assert "Geen reacties met deze filters." in page


def test_an_invalid_filter_is_ignored_with_a_notice(client, facilitator, reactie):
    client.force_login(facilitator)
    response = client.get(url("inbox"), {"status": "x" * 10_000, "experiment": "abc"})
    assert response.status_code == 200
    assert "De POH nam echt de tijd." in response.text
    assert "Een filter kon niet worden gebruikt" in response.text


def test_the_inbox_partial_returns_only_the_results(client, facilitator, reactie):
    client.force_login(facilitator)
    response = client.get(url("inbox"), {"status": "nieuw"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "De POH nam echt de tijd." in response.text
    assert "<html" not in response.text and "<form" not in response.text


def test_the_inbox_pages_through_many_reactions(client, facilitator, praktijk):
    ReactieFactory.create_batch(30, praktijk=praktijk)
    client.force_login(facilitator)
    page = client.get(url("inbox")).text
    assert "30 reacties" in page
    assert "Pagina 1 van 2" in page
    assert "pagina=2" in page
    assert "Pagina 2 van 2" in client.get(url("inbox"), {"pagina": "2"}).text
    # Nonsense page numbers still give a page.
    assert client.get(url("inbox"), {"pagina": "abc"}).status_code == 200


@pytest.mark.parametrize("n", [3, 30])
def test_the_inbox_takes_a_fixed_number_of_queries(
    client, facilitator, praktijk, n, django_assert_max_num_queries
):
    experiment = ExperimentFactory(ontwerpvraag=OntwerpvraagFactory(praktijk=praktijk))
    organisatie = OrganisatieFactory()
    for i in range(n):
        reactie = ReactieFactory(
            praktijk=praktijk, experiment=experiment, doorgegeven_aan=organisatie
        )
        ReactieConditieFactory(reactie=reactie, conditie=Conditie.values[i % 5])
    client.force_login(facilitator)
    # Session, user, practice and role, the experiments to filter on, count, page, tags.
    with django_assert_max_num_queries(7):
        response = client.get(url("inbox"))
    assert response.status_code == 200


# One reaction --------------------------------------------------------------------------------


def test_opening_a_new_reaction_marks_it_read(client, facilitator, reactie):
    client.force_login(facilitator)
    page = client.get(url("reactie", pk=reactie.pk)).text
    reactie.refresh_from_db()
    assert reactie.status == Reactie.Status.GELEZEN
    assert "De POH nam echt de tijd." in page
    # The facilitator sees the contact details and until when they are kept.
    assert "Anna de Vries" in page and "anna@voorbeeld.example" in page
    assert "Bewaard tot" in page


def test_opening_a_handled_reaction_keeps_it_handled(client, facilitator, reactie):
    Reactie.objects.filter(pk=reactie.pk).update(status=Reactie.Status.AFGEHANDELD)
    client.force_login(facilitator)
    client.get(url("reactie", pk=reactie.pk))
    reactie.refresh_from_db()
    assert reactie.status == Reactie.Status.AFGEHANDELD


def test_a_facilitator_tags_notes_passes_on_and_shares(client, facilitator, praktijk, reactie):
    experiment = ExperimentFactory(ontwerpvraag=OntwerpvraagFactory(praktijk=praktijk))
    organisatie = OrganisatieFactory(naam="Huisartsen Stein")
    DeelnameFactory(praktijk=praktijk, organisatie=organisatie)
    client.force_login(facilitator)
    response = client.post(
        url("reactie", pk=reactie.pk),
        _bewerk_data(
            experiment=experiment.pk, doorgegeven_aan=organisatie.pk, gedeeld_met_leden="on"
        ),
    )
    assert response.status_code == 302
    reactie.refresh_from_db()
    assert reactie.status == Reactie.Status.AFGEHANDELD
    assert reactie.experiment == experiment
    assert reactie.doorgegeven_aan == organisatie
    assert reactie.deelbaar and reactie.gedeeld_met_leden
    assert reactie.interne_notitie == "Gebeld met de huisartsenpraktijk."
    assert sorted(t.conditie for t in reactie.conditie_tags.all()) == ["proces", "relatie"]

    # Changing the tags removes the ones no longer ticked.
    client.post(url("reactie", pk=reactie.pk), _bewerk_data(condities=[Conditie.AMBITIE]))
    assert [t.conditie for t in reactie.conditie_tags.all()] == ["ambitie"]
    page = client.get(url("reactie", pk=reactie.pk)).text
    assert "De reactie is opgeslagen." in page


def test_experiments_and_organisations_of_another_practice_cannot_be_chosen(
    client, facilitator, andere_praktijk, reactie
):
    ede_experiment = ExperimentFactory(ontwerpvraag=OntwerpvraagFactory(praktijk=andere_praktijk))
    ede_organisatie = OrganisatieFactory(naam="Alleen Ede")
    DeelnameFactory(praktijk=andere_praktijk, organisatie=ede_organisatie)
    client.force_login(facilitator)
    # The reaction's page with its form, and no organisation of Ede among the choices.
    page = rendered(client.get(url("reactie", pk=reactie.pk)), reactie.wat_gaat_goed, "<form")
    assert "Alleen Ede" not in page
    for veld, waarde in [
        ("experiment", ede_experiment.pk),
        ("doorgegeven_aan", ede_organisatie.pk),
    ]:
        response = client.post(url("reactie", pk=reactie.pk), _bewerk_data(**{veld: waarde}))
        assert response.status_code == 422
    reactie.refresh_from_db()
    assert reactie.experiment is None and reactie.doorgegeven_aan is None


def test_an_oversize_note_is_a_form_error(client, facilitator, reactie):
    client.force_login(facilitator)
    response = client.post(
        url("reactie", pk=reactie.pk), _bewerk_data(interne_notitie="x" * 10_000)
    )
    assert response.status_code == 422
    assert "<title>Fout:" in response.text
    reactie.refresh_from_db()
    assert reactie.interne_notitie == ""
    assert reactie.status == Reactie.Status.NIEUW


def test_a_facilitator_removes_contact_details_on_request(client, facilitator, reactie):
    client.force_login(facilitator)
    response = client.post(url("contact_verwijderen", pk=reactie.pk))
    assert response.status_code == 302
    reactie.refresh_from_db()
    assert (reactie.naam, reactie.email, reactie.telefoon) == ("", "", "")
    assert not reactie.contact_toestemming and reactie.contact_bewaren_tot is None
    assert reactie.contact_verwijderd_op is not None
    # The feedback itself stays.
    assert reactie.wat_gaat_goed == "De POH nam echt de tijd."
    page = rendered(client.get(url("reactie", pk=reactie.pk)), "De POH nam echt de tijd.")
    assert "De contactgegevens zijn verwijderd op" in page
    assert "Anna de Vries" not in page


# Settings ------------------------------------------------------------------------------------


def test_a_facilitator_switches_the_form_off_and_on(client, facilitator, praktijk):
    client.force_login(facilitator)
    client.post(url("instellingen"), {"intro": "Even dicht."})
    formulier = MantelzorgFormulier.objects.get(praktijk=praktijk)
    assert not formulier.is_open and formulier.intro == "Even dicht."
    client.logout()
    assert "Het formulier is nu gesloten" in client.get(url("formulier")).text

    client.force_login(facilitator)
    client.post(url("instellingen"), {"is_open": "on", "intro": "Welkom terug."})
    client.logout()
    page = client.get(url("formulier")).text
    assert "Welkom terug." in page and 'name="wat_gaat_goed"' in page


def test_an_oversize_intro_is_a_form_error(client, facilitator, praktijk):
    client.force_login(facilitator)
    response = client.post(url("instellingen"), {"is_open": "on", "intro": "x" * 5000})
    assert response.status_code == 422
    assert not MantelzorgFormulier.objects.exists()
