"""One message page for every "heading and a paragraph" answer, in Dutch, with the right status."""

import pytest
from django.urls import reverse

from mantelzorg.models import MantelzorgFormulier

pytestmark = pytest.mark.django_db


def test_an_unknown_page_is_the_message_page_with_a_way_back(client):
    response = client.get("/bestaat-echt-niet/")
    assert response.status_code == 404
    assert [t.name for t in response.templates][:2] == ["404.html", "bericht.html"]
    assert '<h1 class="utrecht-heading-1">Pagina niet gevonden</h1>' in response.text
    assert "<title>Pagina niet gevonden · Lerende Praktijk</title>" in response.text
    assert f'href="{reverse("overzicht:home")}">Naar de startpagina</a>' in response.text


def test_a_closed_carers_form_says_so_kindly_with_the_practice_in_the_tab(client, praktijk):
    MantelzorgFormulier.objects.create(praktijk=praktijk, is_open=False)
    response = client.get(reverse("mantelzorg:formulier", args=["stein"]))
    assert response.status_code == 200
    assert "bericht.html" in [t.name for t in response.templates]
    assert "<title>Het formulier is nu gesloten · Lerende praktijk Stein" in response.text
    assert "Lerende praktijk Stein verzamelt op dit moment geen reacties" in response.text


def test_a_broken_confirmation_link_offers_to_log_in(client):
    response = client.get(reverse("netwerk:bevestigen", args=["12:bad:token"]))
    assert response.status_code == 400
    assert "bericht.html" in [t.name for t in response.templates]
    assert f'href="{reverse("account_login")}">Inloggen</a>' in response.text
