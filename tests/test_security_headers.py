"""Every HTML page carries a strict Content Security Policy, and every script carries its nonce."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "/",
    "/accounts/login/",
    "/accounts/login/code/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/bestaat-niet/",
]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_every_html_page_has_a_strict_csp(client, path):
    response = client.get(path)
    assert response["Content-Type"].startswith("text/html")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "'unsafe-inline'" not in policy
    assert "'unsafe-eval'" not in policy
    assert "frame-ancestors 'none'" in policy


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_every_script_on_a_page_carries_the_nonce_of_its_response(client, path):
    response = client.get(path)
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    scripts = re.findall(r"<script\b[^>]*>", response.text)
    assert scripts, "the layout loads htmx"
    for tag in scripts:
        assert f'nonce="{nonce}"' in tag
    assert "<style" not in response.text
    assert not re.search(r"\sstyle=", response.text)


def test_logged_in_page_has_the_csp_too(client, user):
    client.force_login(user)
    response = client.get(reverse("overzicht:home"))
    assert "script-src 'self' 'nonce-" in response["Content-Security-Policy"]


def test_pages_may_not_be_framed(client):
    assert client.get("/")["X-Frame-Options"] == "DENY"
