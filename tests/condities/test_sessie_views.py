"""The facilitator's session pages: who may do what, and what each step does."""

import pytest
from django.urls import reverse

from condities import services
from condities.models import Actie, ConditieScore, PapierTelling, Sessie
from experimenten.models import Experiment
from tests.factories import ActieFactory, OntwerpvraagFactory
from tests.permissions import assert_matrix, editors, managers, readers

pytestmark = pytest.mark.django_db


def url(name, sessie, **kwargs):
    return reverse(f"condities:{name}", kwargs={"slug": sessie.praktijk.slug, "pk": sessie.pk})


def test_sessions_list_permissions(login_as, sessie):
    assert_matrix(login_as, reverse("condities:sessies", args=["stein"]), readers())


def test_new_session_permissions(login_as, praktijk):
    assert_matrix(login_as, reverse("condities:sessie_nieuw", args=["stein"]), managers())


def test_session_detail_permissions(login_as, sessie):
    assert_matrix(login_as, url("sessie_detail", sessie), readers())


def test_screen_and_control_page_permissions(login_as, sessie):
    for name in ("scherm", "bediening"):
        assert_matrix(login_as, url(name, sessie), managers())
        assert_matrix(login_as, url(name, sessie), managers(), headers={"HX-Request": "true"})


def test_the_old_presenter_addresses_lead_to_the_screen_for_those_who_run_it(
    login_as, client, facilitator, sessie
):
    assert_matrix(login_as, url("presentatie", sessie), managers(302))
    # A poll from an old screen left open: no login page, as before.
    poll = {**managers(302), "anonymous": 404}
    assert_matrix(login_as, url("presentatie_live", sessie), poll, headers={"HX-Request": "true"})
    client.force_login(facilitator)
    for name in ("presentatie", "presentatie_live"):
        response = client.get(url(name, sessie))
        assert response["Location"] == url("scherm", sessie)


def test_qr_permissions(login_as, sessie):
    assert_matrix(login_as, url("qr", sessie), managers())


def test_paper_permissions(login_as, sessie):
    assert_matrix(login_as, url("papier", sessie), managers())
    assert_matrix(login_as, url("formulier", sessie), readers())


def test_state_changes_are_for_managers_only(login_as, sessie):
    expected = managers(302)
    assert_matrix(
        login_as, url("onthullen", sessie), expected, method="post", data={"conditie": "alle"}
    )
    assert_matrix(login_as, url("sessie_openen", sessie), expected, method="post")


def test_closing_is_for_managers_only(login_as, sessie):
    assert_matrix(login_as, url("sessie_sluiten", sessie), managers(302), method="post")


def test_writing_down_the_discussion_is_for_editors(login_as, sessie):
    data = {
        "conditie": "relatie",
        "soort": "stap",
        "tekst": "Kennismaken met de POH",
        "wie": "Anja",
    }
    assert_matrix(login_as, url("actie_nieuw", sessie), editors(302), method="post", data=data)
    # Three editors writing down the same step make one step, not three (issue #14's duplicates).
    assert Actie.objects.filter(sessie=sessie).count() == 1


def test_a_session_of_another_practice_is_404(client, facilitator, sessie, andere_praktijk):
    client.force_login(facilitator)
    for name in ("scherm", "presentatie"):
        other = reverse(f"condities:{name}", kwargs={"slug": "stein", "pk": 999999})
        assert client.get(other).status_code == 404
    wrong_slug = reverse("condities:sessie_detail", kwargs={"slug": "ede", "pk": sessie.pk})
    assert client.get(wrong_slug).status_code == 404


def test_creating_a_session(client, facilitator, praktijk):
    client.force_login(facilitator)
    response = client.post(
        reverse("condities:sessie_nieuw", args=["stein"]),
        {
            "titel": "Voorjaar",
            "datum": "2026-04-01",
            "modus": "live",
            "condities": ["ambitie", "proces"],
        },
    )
    sessie = Sessie.objects.get(titel="Voorjaar")
    assert response["Location"] == url("sessie_detail", sessie)
    assert sessie.condities == ["ambitie", "proces"]
    assert sessie.status == Sessie.Status.CONCEPT


def test_a_session_without_conditions_is_refused_and_keeps_the_title(client, facilitator, praktijk):
    client.force_login(facilitator)
    response = client.post(
        reverse("condities:sessie_nieuw", args=["stein"]),
        {"titel": "Zonder condities", "datum": "2026-04-01", "modus": "live"},
    )
    assert response.status_code == 422
    assert 'value="Zonder condities"' in response.text
    assert not Sessie.objects.exists()


def test_opening_gives_a_code_and_a_qr_code(client, facilitator, praktijk):
    sessie = services.sessie_create(
        praktijk=praktijk,
        titel="T",
        datum="2026-04-01",
        modus="live",
        condities=["relatie"],
        by=facilitator,
    )
    client.force_login(facilitator)
    client.post(url("sessie_openen", sessie))
    sessie.refresh_from_db()
    assert sessie.is_open and len(sessie.code) == 6
    page = client.get(url("sessie_detail", sessie))
    assert sessie.code in page.text
    qr = client.get(url("qr", sessie))
    assert qr["Content-Type"] == "image/svg+xml"
    assert b"<svg" in qr.content


def test_the_screen_hides_results_until_revealed(
    client, facilitator, sessie, stellingen, maak_deelnemers
):
    for deelnemer in maak_deelnemers(3):
        services.antwoord_save(deelnemer=deelnemer, stelling=stellingen["ambitie"][0], score=2)
    sessie.scherm = "ambitie"
    sessie.save(update_fields=["scherm"])
    client.force_login(facilitator)
    fragment = client.get(url("scherm", sessie), headers={"HX-Request": "true"})
    assert fragment.status_code == 200
    assert "3 mensen hebben geantwoord." in fragment.text
    assert "2,0" not in fragment.text
    assert "<html" not in fragment.text

    revealed = client.post(url("onthullen", sessie), {"conditie": "ambitie"})
    assert revealed.status_code == 302 and revealed["Location"] == url("scherm", sessie)
    assert "2,0" in client.get(url("scherm", sessie), headers={"HX-Request": "true"}).text
    sessie.refresh_from_db()
    assert sessie.onthuld == ["ambitie"]


def test_revealing_an_unknown_condition_is_a_400(client, facilitator, sessie):
    client.force_login(facilitator)
    assert client.post(url("onthullen", sessie), {"conditie": "geluk"}).status_code == 400


def test_closing_writes_scores_and_mails_the_summary_once(
    client, facilitator, sessie, stellingen, maak_deelnemers, mailoutbox
):
    deelnemers = maak_deelnemers(3)
    deelnemers[0].email = "gert@voorbeeld.example"
    deelnemers[0].save()
    for deelnemer in deelnemers:
        services.antwoord_save(deelnemer=deelnemer, stelling=stellingen["relatie"][0], score=4)
    client.force_login(facilitator)

    with pytest.MonkeyPatch.context():
        response = client.post(url("sessie_sluiten", sessie), {"zeker": "on"})
    assert response.status_code == 302
    assert ConditieScore.objects.get(sessie=sessie, conditie="relatie", groep="").respondenten == 3
    # The summary goes out after the commit, to the one participant who left an address.
    services.summary_send(sessie_id=sessie.pk)
    assert [m.to for m in mailoutbox] == [["gert@voorbeeld.example"]]
    assert "Relatie: 4,0" in mailoutbox[0].body
    assert "Deelnemer 0" not in mailoutbox[0].body


def test_paper_tallies_are_saved_and_checked(client, facilitator, sessie, stellingen):
    client.force_login(facilitator)
    stelling = stellingen["ambitie"][0]
    too_many = client.post(url("papier", sessie), {"formulieren": "2", f"s{stelling.pk}_4": "3"})
    assert too_many.status_code == 422
    assert not PapierTelling.objects.exists()

    ok = client.post(
        url("papier", sessie),
        {"formulieren": "3", f"s{stelling.pk}_4": "2", f"s{stelling.pk}_0": "1"},
    )
    assert ok.status_code == 302
    assert {(t.score, t.aantal) for t in PapierTelling.objects.all()} == {(4, 2), (0, 1)}


def test_anonymous_gets_the_login_page_not_the_screen(client, sessie):
    response = client.get(url("scherm", sessie))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login") + "?next=")


@pytest.fixture
def stap(sessie):
    return ActieFactory(
        sessie=sessie, conditie="proces", soort="stap", tekst="Samen de overdracht oefenen"
    )


def test_turning_a_step_into_an_experiment_is_for_editors(login_as, sessie, stap):
    path = reverse("condities:actie_experiment", args=["stein", sessie.pk, stap.pk])
    assert_matrix(login_as, path, editors())


def test_an_agreed_step_becomes_an_experiment_once(client, kerngroeplid, sessie, stap):
    vraag = OntwerpvraagFactory(praktijk=sessie.praktijk)
    client.force_login(kerngroeplid)
    path = reverse("condities:actie_experiment", args=["stein", sessie.pk, stap.pk])
    assert "Samen de overdracht oefenen" in client.get(path).text

    data = {
        "ontwerpvraag": vraag.pk,
        "titel": "Overdracht oefenen",
        "doel": "Minder vragen",
        "niveau": "tussen_professionals",
    }
    response = client.post(path, data)

    experiment = Experiment.objects.get()
    assert response["Location"] == reverse("experimenten:detail", args=["stein", experiment.pk])
    assert (experiment.praktijk, experiment.ontwerpvraag, experiment.status) == (
        sessie.praktijk,
        vraag,
        "idee",
    )
    stap.refresh_from_db()
    assert stap.experiment == experiment
    client.post(path, data)
    assert Experiment.objects.count() == 1


def test_a_design_question_of_another_practice_cannot_be_chosen(
    client, kerngroeplid, sessie, stap, andere_praktijk
):
    vreemd = OntwerpvraagFactory(praktijk=andere_praktijk)
    client.force_login(kerngroeplid)
    path = reverse("condities:actie_experiment", args=["stein", sessie.pk, stap.pk])
    response = client.post(
        path, {"ontwerpvraag": vreemd.pk, "titel": "X", "doel": "Y", "niveau": "buurt"}
    )
    assert response.status_code == 422
    assert not Experiment.objects.exists()


def test_an_agreed_step_has_a_server_side_length_limit(client, facilitator, sessie):
    """Found in the review: a 2 MiB action text was stored and served on every dashboard."""
    client.force_login(facilitator)
    data = {"conditie": "relatie", "soort": "stap", "tekst": "x" * 1001, "wie": "Anja"}
    response = client.post(url("actie_nieuw", sessie), data)
    assert response.status_code == 422
    assert "tekst" in response.context["actie_form"].errors
    assert not Actie.objects.filter(sessie=sessie, tekst__startswith="xxx").exists()
    data["tekst"] = "x" * 1000
    assert client.post(url("actie_nieuw", sessie), data).status_code == 302
    assert Actie.objects.filter(sessie=sessie, tekst="x" * 1000).exists()
