"""A login that is not remembered ends after SESSIE_INACTIEF_MINUTEN without a request.

Password login without "remember me" and login by code; a remembered login keeps its own expiry.
"""

import datetime
import time

import pytest
from django.urls import reverse

from condities import services as condities_services
from condities.models import Conditie
from config.middleware import LAATST_GEZIEN
from tests.factories.netwerk import PASSWORD
from tests.test_accounts import code_from, request_code

pytestmark = pytest.mark.django_db

HOME = reverse("overzicht:home")  # public: shows who is logged in, or the way to log in
DASHBOARD = reverse("overzicht:dashboard", kwargs={"slug": "stein"})  # login required
MESSAGE = "Je was een tijd niet actief. Log opnieuw in."


def log_in(client, user, *, remember: bool = False) -> None:
    data = {"login": user.email, "password": PASSWORD}
    if remember:
        data["remember"] = "on"
    assert client.post(reverse("account_login"), data).status_code == 302


def idle_for(client, minutes: float) -> None:
    session = client.session
    session[LAATST_GEZIEN] = int(time.time() - minutes * 60)
    session.save()


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_idle_longer_than_the_timeout_is_logged_out_with_a_message(client, lid):
    log_in(client, lid)
    idle_for(client, 121)

    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not logged_in(client)
    page = client.get(response["Location"])
    assert MESSAGE in page.text
    # Said once: the next page has no message.
    assert MESSAGE not in client.get(response["Location"]).text


def test_a_login_by_code_has_the_same_idle_timeout(client, user, mailoutbox):
    request_code(client, user.email)
    client.post(reverse("account_confirm_login_code"), {"code": code_from(mailoutbox[0])})
    assert logged_in(client)
    assert client.get(HOME).status_code == 200
    idle_for(client, 121)
    assert MESSAGE in client.get(HOME).text
    assert not logged_in(client)


def test_active_within_the_timeout_stays_logged_in(client, lid):
    log_in(client, lid)
    idle_for(client, 119)
    assert client.get(DASHBOARD).status_code == 200
    assert logged_in(client)
    # The request counted: the idle time starts again.
    assert time.time() - client.session[LAATST_GEZIEN] < 5


def test_a_remembered_login_keeps_its_own_expiry(client, lid, settings):
    log_in(client, lid, remember=True)
    idle_for(client, 60 * 24 * 3)
    assert client.get(DASHBOARD).status_code == 200
    assert logged_in(client)
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE


def test_the_timeout_is_a_setting(client, lid, settings):
    settings.SESSIE_INACTIEF_MINUTEN = 5
    log_in(client, lid)
    idle_for(client, 4)
    assert client.get(DASHBOARD).status_code == 200
    idle_for(client, 6)
    assert client.get(DASHBOARD).status_code == 302
    assert not logged_in(client)


def test_the_idle_time_counts_from_the_login(client, lid):
    log_in(client, lid)
    assert time.time() - client.session[LAATST_GEZIEN] < 5


def test_the_last_request_is_written_at_most_once_a_minute(client, lid):
    log_in(client, lid)
    idle_for(client, 0.5)
    before = client.session[LAATST_GEZIEN]
    client.get(HOME)
    assert client.session[LAATST_GEZIEN] == before
    idle_for(client, 1.1)
    before = client.session[LAATST_GEZIEN]
    client.get(HOME)
    assert client.session[LAATST_GEZIEN] > before


def test_an_anonymous_visitor_gets_no_message(client):
    response = client.get(reverse("account_login"))
    assert MESSAGE not in response.text
    assert LAATST_GEZIEN not in client.session


# The room's screen: its poll keeps the login alive while the screen is open.


@pytest.fixture
def scherm(client, praktijk, facilitator):
    sessie = condities_services.sessie_create(
        praktijk=praktijk,
        titel="Werkvorm najaar",
        datum=datetime.date(2026, 10, 1),
        modus="live",
        condities=Conditie.values,
        by=facilitator,
    )
    condities_services.sessie_open(sessie=sessie, by=facilitator)
    log_in(client, facilitator)
    url = reverse("condities:scherm", args=[praktijk.slug, sessie.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert f'hx-get="{url}"' in page.text  # what htmx polls
    return url


def test_an_open_projector_screen_keeps_the_login_alive(client, scherm):
    idle_for(client, 100)
    assert client.get(scherm, headers={"HX-Request": "true"}).status_code == 200
    assert time.time() - client.session[LAATST_GEZIEN] < 5
    assert logged_in(client)


def test_a_projector_screen_left_past_the_timeout_is_logged_out(client, scherm):
    idle_for(client, 121)
    response = client.get(scherm, headers={"HX-Request": "true"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not logged_in(client)
