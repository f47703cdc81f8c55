"""Who may open and change experiments: every view as every persona, GET and POST."""

import datetime

import pytest
from django.urls import reverse

from experimenten.models import Experiment, Niveau
from tests.factories import ExperimentFactory, OntwerpvraagFactory, PersoonFactory
from tests.pages import rendered
from tests.permissions import LOGIN, assert_matrix, editors, readers

pytestmark = pytest.mark.django_db

# Everyone in the practice who may change an experiment; the lid only where involved.
INVOLVED_OK = {**readers(302)}
NOT_INVOLVED = {**editors(302)}


def url(name: str, experiment: Experiment | None = None, slug: str = "stein") -> str:
    kwargs = {"slug": slug}
    if experiment is not None:
        kwargs["pk"] = experiment.pk
    return reverse(f"experimenten:{name}", kwargs=kwargs)


def experiment_data(experiment_or_vraag) -> dict:
    vraag = getattr(experiment_or_vraag, "ontwerpvraag", experiment_or_vraag)
    return {
        "ontwerpvraag": vraag.pk,
        "titel": "Tien minuten samen",
        "doel": "Mantelzorger en professional stemmen samen af.",
        "niveau": Niveau.ACHTER_DE_VOORDEUR,
        "fase": "vormgeven",
        "status": "loopt",
    }


STAP = {"stap-datum": "2026-03-02", "stap-wat": "Gesprek met de POH", "stap-wie": "Lotte"}
OPBRENGST = {"opbrengst-soort": "tool", "opbrengst-beschrijving": "Een gesprekskaart"}
AFSLUITEN = {"status": "afgerond", "resultaat": "Het werkt.", "lessen": "Begin klein."}


def test_list_is_for_members_of_the_practice(login_as, praktijk, experiment_betrokken):
    assert_matrix(login_as, url("lijst"), readers())


def test_detail_is_for_members_of_the_practice(login_as, experiment_betrokken):
    assert_matrix(login_as, url("detail", experiment_betrokken), readers())


def test_new_experiment_form_is_for_editors(login_as, vraag):
    assert_matrix(login_as, url("nieuw"), editors())


def test_creating_an_experiment_is_for_editors(login_as, vraag):
    assert_matrix(login_as, url("nieuw"), editors(302), method="post", data=experiment_data(vraag))
    # kerngroeplid, facilitator and staff each created one; the lid none.
    assert Experiment.objects.filter(titel="Tien minuten samen").count() == 3


def test_edit_form_is_open_to_a_lid_whose_organisation_is_involved(login_as, experiment_betrokken):
    assert_matrix(login_as, url("bewerken", experiment_betrokken), readers())


def test_edit_form_is_closed_to_a_lid_not_involved(login_as, experiment_niet_betrokken):
    assert_matrix(login_as, url("bewerken", experiment_niet_betrokken), editors())


def test_saving_an_experiment_the_lid_is_involved_in(login_as, experiment_betrokken):
    data = experiment_data(experiment_betrokken)
    assert_matrix(
        login_as, url("bewerken", experiment_betrokken), INVOLVED_OK, method="post", data=data
    )


def test_saving_an_experiment_the_lid_is_not_involved_in(login_as, experiment_niet_betrokken):
    data = experiment_data(experiment_niet_betrokken)
    assert_matrix(
        login_as, url("bewerken", experiment_niet_betrokken), NOT_INVOLVED, method="post", data=data
    )


def test_adding_a_step_where_the_lid_is_involved(login_as, experiment_betrokken):
    assert_matrix(
        login_as, url("stap_nieuw", experiment_betrokken), INVOLVED_OK, method="post", data=STAP
    )
    assert experiment_betrokken.stappen.count() == 4


def test_adding_a_step_where_the_lid_is_not_involved(login_as, experiment_niet_betrokken):
    assert_matrix(
        login_as,
        url("stap_nieuw", experiment_niet_betrokken),
        NOT_INVOLVED,
        method="post",
        data=STAP,
    )
    assert experiment_niet_betrokken.stappen.count() == 3


def test_adding_a_step_with_htmx_follows_the_same_rule(login_as, experiment_niet_betrokken):
    assert_matrix(
        login_as,
        url("stap_nieuw", experiment_niet_betrokken),
        editors(),
        method="post",
        data=STAP,
        headers={"HX-Request": "true"},
    )


def test_adding_a_step_by_get_is_not_allowed(login_as, experiment_betrokken):
    # The method is refused before the practice is looked up, so an outsider learns nothing either.
    expected = {**readers(405), "outsider": 405, "programmateam": 405}
    assert_matrix(login_as, url("stap_nieuw", experiment_betrokken), expected)


def test_adding_an_outcome_where_the_lid_is_involved(login_as, experiment_betrokken):
    assert_matrix(
        login_as,
        url("opbrengst_nieuw", experiment_betrokken),
        INVOLVED_OK,
        method="post",
        data=OPBRENGST,
    )


def test_adding_an_outcome_where_the_lid_is_not_involved(login_as, experiment_niet_betrokken):
    assert_matrix(
        login_as,
        url("opbrengst_nieuw", experiment_niet_betrokken),
        NOT_INVOLVED,
        method="post",
        data=OPBRENGST,
    )


def test_close_form_where_the_lid_is_involved(login_as, experiment_betrokken):
    assert_matrix(login_as, url("afsluiten", experiment_betrokken), readers())


def test_close_form_where_the_lid_is_not_involved(login_as, experiment_niet_betrokken):
    assert_matrix(login_as, url("afsluiten", experiment_niet_betrokken), editors())


def test_closing_where_the_lid_is_involved(login_as, experiment_betrokken):
    assert_matrix(
        login_as, url("afsluiten", experiment_betrokken), INVOLVED_OK, method="post", data=AFSLUITEN
    )


def test_closing_where_the_lid_is_not_involved(login_as, experiment_niet_betrokken):
    assert_matrix(
        login_as,
        url("afsluiten", experiment_niet_betrokken),
        NOT_INVOLVED,
        method="post",
        data=AFSLUITEN,
    )
    experiment_niet_betrokken.refresh_from_db()
    assert experiment_niet_betrokken.status == Experiment.Status.AFGEROND


def test_the_owner_may_edit_even_when_their_organisation_is_not_involved(
    client, lid, experiment_niet_betrokken
):
    experiment_niet_betrokken.eigenaar = lid.persoon
    experiment_niet_betrokken.save()
    client.force_login(lid)
    assert client.get(url("bewerken", experiment_niet_betrokken)).status_code == 200
    response = client.post(url("stap_nieuw", experiment_niet_betrokken), STAP)
    assert response.status_code == 302


def test_a_lid_without_a_person_entry_may_not_edit(client, praktijk, experiment_betrokken):
    from praktijken.models import Rol
    from tests.factories import LidmaatschapFactory, UserFactory

    user = UserFactory()
    LidmaatschapFactory(praktijk=praktijk, user=user, rol=Rol.LID)
    client.force_login(user)
    assert client.get(url("detail", experiment_betrokken)).status_code == 200
    assert client.get(url("bewerken", experiment_betrokken)).status_code == 403


def test_a_lid_sees_edit_buttons_only_where_involved(
    client, lid, experiment_betrokken, experiment_niet_betrokken
):
    client.force_login(lid)
    betrokken = rendered(
        client.get(url("detail", experiment_betrokken)), experiment_betrokken.titel
    )
    niet = rendered(
        client.get(url("detail", experiment_niet_betrokken)), experiment_niet_betrokken.titel
    )
    assert url("bewerken", experiment_betrokken) in betrokken
    assert url("stap_nieuw", experiment_betrokken) in betrokken
    assert url("bewerken", experiment_niet_betrokken) not in niet
    assert url("stap_nieuw", experiment_niet_betrokken) not in niet


def test_new_experiment_button_only_for_editors(client, lid, kerngroeplid, vraag):
    client.force_login(lid)
    assert url("nieuw") not in rendered(client.get(url("lijst")), ">Experimenten</h1>")
    client.force_login(kerngroeplid)
    assert url("nieuw") in client.get(url("lijst")).text


# Isolation: another practice's experiment, under stein's address or its own.


@pytest.fixture
def experiment_in_ede(andere_praktijk):
    experiment = ExperimentFactory(ontwerpvraag=OntwerpvraagFactory(praktijk=andere_praktijk))
    return experiment


@pytest.mark.parametrize(
    ("name", "method", "data"),
    [
        ("detail", "get", None),
        ("bewerken", "get", None),
        ("bewerken", "post", {"titel": "x"}),
        ("stap_nieuw", "post", STAP),
        ("opbrengst_nieuw", "post", OPBRENGST),
        ("afsluiten", "get", None),
        ("afsluiten", "post", AFSLUITEN),
    ],
)
def test_experiment_of_other_praktijk_under_steins_address_gives_404(
    client, facilitator, experiment_in_ede, name, method, data
):
    client.force_login(facilitator)
    response = getattr(client, method)(url(name, experiment_in_ede), data=data or {})
    assert response.status_code == 404
    # The friendly 404 page itself, not some other page that happens to lack the title.
    text = rendered(response, "Pagina niet gevonden", status=404)
    assert experiment_in_ede.titel not in text
    experiment_in_ede.refresh_from_db()
    assert experiment_in_ede.stappen.count() == 0
    assert experiment_in_ede.status == Experiment.Status.LOOPT


def test_member_of_other_praktijk_gets_404_on_its_own_experiments(client, outsider, vraag):
    experiment = ExperimentFactory(ontwerpvraag=vraag)
    client.force_login(outsider)
    assert client.get(url("detail", experiment)).status_code == 404
    # Under their own practice's address the pk of stein's experiment does not exist either.
    assert client.get(url("detail", experiment, slug="ede")).status_code == 404


def test_unknown_experiment_gives_404(client, facilitator):
    client.force_login(facilitator)
    assert client.get(reverse("experimenten:detail", args=["stein", 999999])).status_code == 404
    assert client.get(reverse("experimenten:lijst", args=["bestaat-niet"])).status_code == 404


def test_lid_of_an_involved_organisation_is_recognised_via_a_second_person(
    client, lid, eigen_organisatie, experiment_betrokken
):
    # Another person of the same organisation owning it does not matter: the organisation counts.
    experiment_betrokken.eigenaar = PersoonFactory(organisatie=eigen_organisatie)
    experiment_betrokken.startdatum = datetime.date(2026, 1, 1)
    experiment_betrokken.save()
    client.force_login(lid)
    assert client.get(url("afsluiten", experiment_betrokken)).status_code == 200


def test_anonymous_post_goes_to_login(client, experiment_betrokken):
    response = client.post(url("stap_nieuw", experiment_betrokken), STAP)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert LOGIN == "login"
