"""Every HTML page carries a strict Content Security Policy, and every script carries its nonce."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from tests.pages import rendered

pytestmark = pytest.mark.django_db

# Each page with the status it answers and a heading it shows: the headers and the absence of
# inline styles are checked on that page, not on an error page that stands in for it.
PUBLIC_PAGES = [
    pytest.param(path, status, heading, id=path)
    for path, status, heading in [
        ("/", 200, "Lerende Praktijk</h1>"),
        ("/accounts/login/", 200, "Inloggen</h1>"),
        ("/accounts/login/code/", 200, "Stuur mij een inlogcode"),
        ("/accounts/signup/", 200, "Registratie gesloten"),
        ("/accounts/password/reset/", 200, "Nieuw wachtwoord"),
        ("/bestaat-niet/", 404, "Pagina niet gevonden</h1>"),
    ]
]


@pytest.mark.parametrize(("path", "status", "heading"), PUBLIC_PAGES)
def test_every_html_page_has_a_strict_csp(client, path, status, heading):
    response = client.get(path)
    rendered(response, heading, status=status)
    assert response["Content-Type"].startswith("text/html")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "'unsafe-inline'" not in policy
    assert "'unsafe-eval'" not in policy
    assert "frame-ancestors 'none'" in policy


@pytest.mark.parametrize(("path", "status", "heading"), PUBLIC_PAGES)
def test_every_script_on_a_page_carries_the_nonce_of_its_response(client, path, status, heading):
    response = client.get(path)
    text = rendered(response, heading, status=status)
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    scripts = re.findall(r"<script\b[^>]*>", response.text)
    assert scripts, "the layout loads htmx"
    for tag in scripts:
        assert f'nonce="{nonce}"' in tag
    assert "<style" not in text
    assert not re.search(r"\sstyle=", text)


def test_logged_in_page_has_the_csp_too(client, user):
    client.force_login(user)
    response = client.get(reverse("overzicht:home"))
    assert "script-src 'self' 'nonce-" in response["Content-Security-Policy"]


def test_pages_may_not_be_framed(client):
    assert client.get("/")["X-Frame-Options"] == "DENY"


def test_the_fonts_the_theme_names_are_served_from_our_own_files(client, db):
    """The look no longer depends on the laptop: Noto Sans and Serif are shipped, with a
    favicon, under the strict policy (font-src 'self')."""
    from django.contrib.staticfiles import finders

    page = client.get("/accounts/login/")
    assert page.status_code == 200
    assert "/static/vendor/fonts/fonts.css" in page.text and "/static/favicon.svg" in page.text
    css = Path(finders.find("vendor/fonts/fonts.css")).read_text(encoding="utf-8")
    for naam in ("noto-sans-latin-400-normal.woff2", "noto-serif-latin-700-normal.woff2"):
        assert f"url(./{naam})" in css
        assert finders.find(f"vendor/fonts/{naam}")
    assert "font-src 'self'" in page["Content-Security-Policy"]
