"""One scoped getter per session, check-in and action: first "may you see it" (404), then "may
you change it" (403), so the same request gets the same answer on every page of the workshop."""

import datetime

import pytest
from django.urls import reverse

from condities import services
from condities.models import Actie, Conditie, Sessie

pytestmark = pytest.mark.django_db

MISSING = 999_999

# Pages for facilitators only, and pages every member reads (GET unless a button).
MANAGE = [
    ("sessie_openen", "post"),
    ("sessie_sluiten", "post"),
    ("scherm", "get"),
    ("bediening", "get"),
    ("scherm_actie", "post"),
    ("presentatie", "get"),  # the old presenter view's address: a redirect to the screen
    ("presentatie_live", "get"),
    ("onthullen", "post"),
    ("qr", "get"),
    ("papier", "get"),
    ("checkin_respons", "get"),
]
READ = ["sessie_detail", "formulier", "sessie_rapport", "sessie_export_csv", "sessie_export_xlsx"]


def url(name: str, *args, slug: str = "stein") -> str:
    return reverse(f"condities:{name}", args=[slug, *args])


@pytest.fixture
def ede_sessie(andere_praktijk, outsider):
    return services.sessie_create(
        praktijk=andere_praktijk,
        titel="Werkvorm Ede",
        datum=datetime.date(2026, 10, 1),
        modus="live",
        condities=Conditie.values,
        by=outsider,
    )


@pytest.mark.parametrize(("name", "method"), MANAGE)
def test_a_missing_session_is_404_for_every_member_even_one_who_may_not_manage(
    login_as, praktijk, name, method
):
    for persona in ["lid", "kerngroeplid", "facilitator", "staff"]:
        response = getattr(login_as(persona), method)(url(name, MISSING))
        assert response.status_code == 404, (persona, name)


@pytest.mark.parametrize(("name", "method"), MANAGE)
def test_a_session_of_another_practice_is_404_not_403(login_as, praktijk, ede_sessie, name, method):
    for persona in ["lid", "facilitator"]:
        response = getattr(login_as(persona), method)(url(name, ede_sessie.pk))
        assert response.status_code == 404, (persona, name)


@pytest.mark.parametrize("name", READ)
def test_reading_a_missing_or_foreign_session_is_404(login_as, praktijk, ede_sessie, name):
    client = login_as("lid")
    assert client.get(url(name, MISSING)).status_code == 404
    assert client.get(url(name, ede_sessie.pk)).status_code == 404


@pytest.mark.parametrize(("name", "method"), [m for m in MANAGE if m[0] != "checkin_respons"])
def test_a_visible_session_is_403_for_a_member_who_may_not_manage(login_as, sessie, name, method):
    response = getattr(login_as("lid"), method)(url(name, sessie.pk))
    assert response.status_code == 403
    assert Sessie.objects.get(pk=sessie.pk).status == Sessie.Status.OPEN


def test_a_session_is_not_a_check_in_for_the_response_page(login_as, sessie):
    assert login_as("facilitator").get(url("checkin_respons", sessie.pk)).status_code == 404
    assert login_as("lid").get(url("checkin_respons", sessie.pk)).status_code == 404


def test_a_missing_step_is_404_and_a_visible_one_403_for_a_member_who_may_not_edit(
    login_as, sessie
):
    stap = Actie.objects.create(
        praktijk=sessie.praktijk,
        sessie=sessie,
        conditie="proces",
        soort=Actie.Soort.STAP,
        tekst="Vaker bellen",
    )
    goed = Actie.objects.create(
        praktijk=sessie.praktijk,
        sessie=sessie,
        conditie="proces",
        soort=Actie.Soort.GOED,
        tekst="We bellen al",
    )
    client = login_as("lid")
    assert client.get(url("actie_experiment", sessie.pk, MISSING)).status_code == 404
    assert client.get(url("actie_experiment", sessie.pk, goed.pk)).status_code == 404
    assert client.get(url("actie_experiment", MISSING, stap.pk)).status_code == 404
    assert client.get(url("actie_experiment", sessie.pk, stap.pk)).status_code == 403
    assert client.post(url("actie_nieuw", MISSING), {}).status_code == 404
    assert client.post(url("actie_nieuw", sessie.pk), {}).status_code == 403
    assert (
        login_as("kerngroeplid").get(url("actie_experiment", sessie.pk, stap.pk)).status_code == 200
    )
