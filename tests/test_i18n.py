"""Dutch by default, English on request, and the error pages in Dutch."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django.views import defaults

pytestmark = pytest.mark.django_db


def switch(client, language: str):
    return client.post(reverse("set_language"), {"language": language, "next": "/"})


def test_the_start_page_is_dutch_by_default(client):
    response = client.get("/")
    assert response["Content-Language"] == "nl"
    assert '<html lang="nl"' in response.text
    assert "Inloggen" in response.text


def test_language_switch_to_english_and_back(client):
    response = switch(client, "en")
    assert response.status_code == 302

    english = client.get("/")
    assert '<html lang="en"' in english.text
    assert "Log in" in english.text

    switch(client, "nl")
    assert "Inloggen" in client.get("/").text


def test_404_page_is_dutch(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.text


def test_403_and_500_pages_are_dutch():
    request = RequestFactory().get("/")
    with translation.override("nl"):
        forbidden = defaults.permission_denied(request, exception=None)
        broken = defaults.server_error(request)
    assert forbidden.status_code == 403
    assert "Geen toegang" in forbidden.content.decode()
    assert broken.status_code == 500
    assert "Er ging iets mis" in broken.content.decode()


def test_an_english_browser_gets_dutch(client):
    response = client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert response["Content-Language"] == "nl"
    assert '<html lang="nl"' in response.text
    assert "Inloggen" in response.text


def test_an_english_browser_gets_english_after_choosing_it(client):
    switch(client, "en")
    response = client.get("/", headers={"Accept-Language": "nl"})
    assert response["Content-Language"] == "en"
    assert "Log in" in response.text


def test_an_unknown_language_in_the_cookie_gives_dutch(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    response = client.get("/", headers={"Accept-Language": "en"})
    assert '<html lang="nl"' in response.text
