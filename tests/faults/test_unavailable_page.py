"""The database away, in-process: a clean Dutch 503 page wherever the error comes from.

test_postgres_restart shows it against a real restart; these show each path on any database:
the error raised before the view (reading the logged-in user's session), inside the view, and
that other errors keep the 500 page and /healthz/ keeps its own JSON.
"""

import json
from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client
from django.urls import reverse

from config.logging import JsonFormatter

pytestmark = pytest.mark.django_db


@pytest.fixture
def production_errors(settings):
    """Debug off, as in production: Django calls handler500 instead of its debug page."""
    settings.DEBUG = False


def database_away(error: Exception | None = None):
    error = error or OperationalError("connection refused")
    return mock.patch.object(BaseDatabaseWrapper, "cursor", side_effect=error)


def assert_unavailable_page(response) -> None:
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "no-store" in response["Cache-Control"]
    assert '<h1 class="utrecht-heading-1">Even niet beschikbaar</h1>' in response.text
    assert "connection refused" not in response.text


def test_a_logged_in_member_gets_the_503_page_when_the_session_cannot_be_read(
    production_errors, lid, praktijk
):
    client = Client(raise_request_exception=False)
    client.force_login(lid)
    with database_away():
        response = client.get(reverse("overzicht:dashboard", args=[praktijk.slug]))
    assert_unavailable_page(response)


def test_a_participant_posting_an_answer_gets_the_503_page(production_errors, settings):
    client = Client(raise_request_exception=False)
    # A participant's browser holds a session (their token): the view reads it from the database.
    # Without one the view answers 404 straight away, with nothing to read.
    client.cookies[settings.SESSION_COOKIE_NAME] = "deelnemer0sessie0sleutel0abcdef12"
    with database_away(InterfaceError("connection already closed")):
        response = client.post(reverse("condities:antwoord", args=["ABC234"]), {"s1": "4"})
    assert_unavailable_page(response)


def test_the_page_is_in_english_for_visitors_who_chose_english(production_errors, settings):
    client = Client(raise_request_exception=False)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with database_away():
        response = client.get(reverse("condities:vragen", args=["ABC234"]))
    assert response.status_code == 503
    assert "Temporarily unavailable" in response.text


def test_other_errors_keep_the_500_page(production_errors, lid):
    client = Client(raise_request_exception=False)
    client.force_login(lid)
    with mock.patch("overzicht.views.praktijken_for_user", side_effect=RuntimeError("stuk")):
        response = client.get(reverse("overzicht:home"))
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "Er ging iets mis" in response.text


def test_healthz_keeps_its_own_json_503(production_errors):
    client = Client(raise_request_exception=False)
    with database_away():
        response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.json()["database"] == "down"


def test_the_outage_is_logged_with_its_status_and_without_the_join_code(production_errors, caplog):
    client = Client(raise_request_exception=False)
    with database_away():
        client.get(reverse("condities:vragen", args=["ABC234"]))
    record = next(r for r in caplog.records if r.name == "django.request")
    line = json.loads(JsonFormatter().format(record))
    assert (line["level"], line["status"], line["method"]) == ("ERROR", 503, "GET")
    assert line["path"] == "/doe-mee/***/vragen/"
    assert "OperationalError: connection refused" in line["exception"]
    assert "ABC234" not in json.dumps(line)
