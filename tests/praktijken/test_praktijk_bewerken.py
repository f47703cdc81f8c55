"""The facilitator edits the practice's details; the address stays the same."""

import pytest
from django.urls import reverse

from tests.pages import rendered

pytestmark = pytest.mark.django_db

URL = reverse("praktijken:bewerken", kwargs={"slug": "stein"})


def data(**overrides) -> dict:
    return {
        "naam": "Lerende praktijk Stein",
        "gemeente": "Stein",
        "kernthema": "Samen sterk op eigen wijze",
        "ambitie": "Geen mantelzorger hoeft zijn verhaal twee keer te doen.",
        "beschrijving": "",
        "startdatum": "2026-01-01",
        "einddatum": "2027-08-31",
        "status": "actief",
        **overrides,
    }


def test_facilitator_changes_theme_and_ambition(client, facilitator, praktijk):
    client.force_login(facilitator)
    response = client.post(URL, data(kernthema="Samen zorgen, op eigen wijze", ambitie="Meer."))
    assert response.status_code == 302
    assert response["Location"] == praktijk.get_absolute_url()
    praktijk.refresh_from_db()
    assert praktijk.kernthema == "Samen zorgen, op eigen wijze"
    assert "Samen zorgen, op eigen wijze" in client.get(response["Location"]).text


def test_end_date_before_start_date_is_refused_next_to_the_field(client, facilitator, praktijk):
    client.force_login(facilitator)
    response = client.post(URL, data(naam="Nieuwe naam", einddatum="2025-12-31"))
    assert response.status_code == 200
    assert "De einddatum kan niet voor de startdatum liggen." in response.text
    assert 'value="Nieuwe naam"' in response.text
    # The rejected name shows in the form, not in the menu.
    assert '<a class="utrecht-link" href="/p/stein/">Lerende praktijk Stein</a>' in response.text
    praktijk.refresh_from_db()
    assert praktijk.naam == "Lerende praktijk Stein"


def test_the_slug_cannot_be_changed_here(client, facilitator, praktijk):
    client.force_login(facilitator)
    assert 'name="slug"' not in rendered(client.get(URL), 'name="naam"', 'name="gemeente"')
    response = client.post(URL, data(slug="gekaapt"))
    assert response.status_code == 302  # saved: only the slug field was ignored
    praktijk.refresh_from_db()
    assert praktijk.slug == "stein"


def test_a_required_field_left_empty_gets_a_dutch_error(client, facilitator, praktijk):
    client.force_login(facilitator)
    response = client.post(URL, data(kernthema=""))
    assert response.status_code == 200
    assert "Dit veld is verplicht." in response.text


def test_an_over_long_description_gets_a_clear_answer(client, facilitator, praktijk):
    client.force_login(facilitator)
    response = client.post(URL, data(beschrijving="x" * 10_000))
    assert response.status_code == 200
    assert "niet meer dan 5000 tekens" in response.text
