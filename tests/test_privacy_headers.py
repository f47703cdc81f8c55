"""What the browser may keep and use: nothing behind the login is stored by a shared computer."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_logged_in_page_may_not_be_stored(client, praktijk, lid):
    client.force_login(lid)
    response = client.get(reverse("overzicht:dashboard", args=["stein"]))
    assert response.status_code == 200
    assert praktijk.naam in response.text
    cache_control = response["Cache-Control"]
    assert "private" in cache_control
    assert "no-store" in cache_control


def test_a_download_may_not_be_stored_either(client, praktijk, lid):
    client.force_login(lid)
    response = client.get(reverse("netwerk:kaart_csv", args=["stein"]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert "no-store" in response["Cache-Control"]


def test_the_public_start_page_without_a_session_keeps_its_own_caching(client):
    response = client.get(reverse("overzicht:home"))
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


def test_every_page_forbids_camera_microphone_and_location(client):
    response = client.get(reverse("overzicht:home"))
    assert response.status_code == 200
    policy = response["Permissions-Policy"]
    for feature in ["camera=()", "microphone=()", "geolocation=()", "payment=()"]:
        assert feature in policy
