"""Joining a session by code and answering: saved at once, one row per statement, frozen."""

import re

import pytest
from django.urls import reverse

from condities import services
from condities.models import Antwoord, Deelnemer, Sessie
from tests.factories import OrganisatieFactory

pytestmark = pytest.mark.django_db


def join(client, sessie, **data):
    defaults = {"naam": "", "organisatie": "mantelzorger", "email": ""}
    return client.post(reverse("condities:doe_mee_code", args=[sessie.code]), {**defaults, **data})


def test_doe_mee_asks_for_the_code_and_sends_you_to_the_session(client, sessie):
    response = client.get(reverse("condities:doe_mee"), {"code": sessie.code.lower()})
    assert response.status_code == 302
    assert response["Location"] == reverse("condities:doe_mee_code", args=[sessie.code])


def test_an_unknown_code_gets_a_friendly_dutch_answer(client, sessie):
    response = client.get(reverse("condities:doe_mee"), {"code": "ZZZZZZ"})
    assert response.status_code == 404
    assert "kennen we niet" in response.text
    response = client.get(reverse("condities:doe_mee_code", args=["ZZZZZZ"]))
    assert response.status_code == 404
    assert "Werkvorm niet gevonden" in response.text


def test_guessing_codes_is_rate_limited(client, sessie):
    for _ in range(20):
        client.get(reverse("condities:doe_mee_code", args=["ZZZZZZ"]))
    response = client.get(reverse("condities:doe_mee_code", args=[sessie.code]))
    assert response.status_code == 429
    assert "Te veel pogingen" in response.text


def test_a_closed_session_code_gets_the_friendly_page(client, sessie):
    services.sessie_close(sessie=sessie, by=sessie.created_by)
    response = client.get(reverse("condities:doe_mee_code", args=[sessie.code]))
    assert response.status_code == 404


def test_a_guest_joins_anonymously_as_carer_and_answers(client, sessie, stellingen):
    response = join(client, sessie)
    assert response.status_code == 302
    deelnemer = Deelnemer.objects.get(sessie=sessie)
    assert deelnemer.groep == "mantelzorger"
    assert deelnemer.naam == ""

    page = client.get(reverse("condities:vragen", args=[sessie.code]))
    assert page.status_code == 200
    assert stellingen["ambitie"][0].tekst in page.text

    stelling = stellingen["ambitie"][0]
    response = client.post(
        reverse("condities:antwoord", args=[sessie.code]),
        {f"s{stelling.pk}": "4"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert "Opgeslagen" in response.text
    assert 'id="voortgang"' in response.text and "hx-swap-oob" in response.text
    assert Antwoord.objects.get(deelnemer=deelnemer, stelling=stelling).score == 4


def test_a_guest_picks_an_organisation_of_the_network(client, sessie, praktijk, eigen_organisatie):
    join(client, sessie, naam="Gert", organisatie=str(eigen_organisatie.pk))
    deelnemer = Deelnemer.objects.get(sessie=sessie)
    assert (deelnemer.naam, deelnemer.organisatie, deelnemer.groep) == (
        "Gert",
        eigen_organisatie,
        "ontwerpgroep",
    )


def test_an_organisation_outside_the_network_cannot_be_chosen(client, sessie):
    vreemd = OrganisatieFactory()
    response = join(client, sessie, organisatie=str(vreemd.pk))
    assert response.status_code == 422
    assert not Deelnemer.objects.exists()


def test_a_member_joins_straight_away(client, sessie, lid):
    client.force_login(lid)
    response = client.get(reverse("condities:doe_mee_code", args=[sessie.code]))
    assert response.status_code == 302
    deelnemer = Deelnemer.objects.get(sessie=sessie)
    assert deelnemer.user == lid
    assert deelnemer.organisatie is not None
    # Joining again gives the same place.
    client.get(reverse("condities:doe_mee_code", args=[sessie.code]))
    assert Deelnemer.objects.filter(sessie=sessie).count() == 1


def test_without_javascript_a_whole_condition_is_saved_and_you_go_on(client, sessie, stellingen):
    join(client, sessie)
    data = {f"s{s.pk}": str(i + 1) for i, s in enumerate(stellingen["ambitie"])}
    response = client.post(
        reverse("condities:antwoord", args=[sessie.code]), {**data, "volgende": "belangen"}
    )
    assert response.status_code == 302
    assert response["Location"].endswith("?conditie=belangen")
    assert Antwoord.objects.count() == len(stellingen["ambitie"])


def test_double_posting_the_same_answer_keeps_one_row(client, sessie, stellingen):
    join(client, sessie)
    stelling = stellingen["relatie"][0]
    url = reverse("condities:antwoord", args=[sessie.code])
    client.post(url, {f"s{stelling.pk}": "2"}, headers={"HX-Request": "true"})
    client.post(url, {f"s{stelling.pk}": "5"}, headers={"HX-Request": "true"})
    client.post(url, {f"s{stelling.pk}": "?"}, headers={"HX-Request": "true"})
    assert Antwoord.objects.filter(stelling=stelling).count() == 1
    assert Antwoord.objects.get(stelling=stelling).score is None


@pytest.mark.parametrize("value", ["0", "6", "-1", "vijf", "4.5", "x" * 1000])
def test_a_score_out_of_range_is_refused_and_nothing_stored(client, sessie, stellingen, value):
    join(client, sessie)
    stelling = stellingen["proces"][0]
    response = client.post(
        reverse("condities:antwoord", args=[sessie.code]), {f"s{stelling.pk}": value}
    )
    assert response.status_code == 400
    assert not Antwoord.objects.exists()


def test_a_statement_of_another_set_or_unknown_is_refused(client, sessie, stellingen):
    join(client, sessie)
    for key in ["s999999", "sabc", "s"]:
        response = client.post(reverse("condities:antwoord", args=[sessie.code]), {key: "3"})
        assert response.status_code == 400
    assert not Antwoord.objects.exists()


def test_a_late_answer_gets_a_clear_message_and_the_earlier_one_stays(client, sessie, stellingen):
    join(client, sessie)
    stelling = stellingen["ambitie"][0]
    url = reverse("condities:antwoord", args=[sessie.code])
    client.post(url, {f"s{stelling.pk}": "3"})
    services.sessie_close(sessie=sessie, by=sessie.created_by)

    response = client.post(url, {f"s{stelling.pk}": "5"}, headers={"HX-Request": "true"})

    assert response.status_code == 409
    assert "niet opgeslagen" in response.text
    assert Antwoord.objects.get(stelling=stelling).score == 3


def test_someone_who_did_not_join_cannot_answer(client, sessie, stellingen):
    stelling = stellingen["ambitie"][0]
    response = client.post(
        reverse("condities:antwoord", args=[sessie.code]), {f"s{stelling.pk}": "3"}
    )
    assert response.status_code == 404
    assert not Antwoord.objects.exists()


def test_finishing_marks_the_participant_done(client, sessie):
    join(client, sessie)
    response = client.post(reverse("condities:klaar", args=[sessie.code]))
    assert response.status_code == 200
    assert Deelnemer.objects.get().klaar_op is not None


def test_the_thank_you_page_on_a_get_changes_nothing(client, sessie):
    join(client, sessie)
    response = client.get(reverse("condities:klaar", args=[sessie.code]))
    assert response.status_code == 200
    assert "Bedankt voor het meedoen" in response.text
    assert Deelnemer.objects.get().klaar_op is None


def test_the_last_conditions_button_saves_and_finishes_with_a_post(client, sessie, stellingen):
    join(client, sessie)
    stelling = stellingen["ambitie"][0]
    response = client.post(
        reverse("condities:antwoord", args=[sessie.code]),
        {f"s{stelling.pk}": "4", "volgende": "klaar"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("condities:klaar", args=[sessie.code])
    deelnemer = Deelnemer.objects.get()
    assert deelnemer.klaar_op is not None
    assert Antwoord.objects.get(deelnemer=deelnemer).score == 4


def test_a_check_in_cannot_be_joined_by_code(client, praktijk, facilitator):
    import datetime

    checkin = services.sessie_create(
        praktijk=praktijk,
        titel="Check-in",
        datum=datetime.date(2026, 11, 1),
        modus=Sessie.Modus.ONLINE,
        condities=["relatie"],
        by=facilitator,
        soort=Sessie.Soort.CHECKIN,
    )
    services.sessie_open(sessie=checkin, by=facilitator)
    response = client.get(reverse("condities:doe_mee_code", args=[checkin.code]))
    assert response.status_code == 403
    assert re.search("persoonlijke link", response.text)


@pytest.mark.parametrize("code", ["A" * 13, "AB%00CD", "AB-CD"])
def test_a_code_no_session_can_have_gets_the_friendly_page(client, sessie, code):
    # The converter turns it into "", which matches no session: the database never sees it.
    response = client.get(f"/doe-mee/{code}/")
    assert response.status_code == 404
    assert "Werkvorm niet gevonden" in response.text
    assert not Deelnemer.objects.filter(user__isnull=True).exists()
