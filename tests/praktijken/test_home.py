"""The start page: the public introduction, or the practices you may open."""

import pytest
from django.urls import reverse

from praktijken.models import Rol
from tests.factories import LidmaatschapFactory, PraktijkFactory
from tests.pages import rendered

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_see_the_introduction(client, praktijk):
    page = rendered(client.get(reverse("overzicht:home")), "Inloggen")
    assert praktijk.naam not in page


def test_a_member_sees_only_their_own_practices(client, lid, praktijk, andere_praktijk):
    client.force_login(lid)
    page = rendered(client.get(reverse("overzicht:home")), "Jouw praktijken")
    assert praktijk.naam in page and praktijk.kernthema in page
    assert praktijk.get_absolute_url() in page
    assert andere_praktijk.naam not in page


def test_a_member_of_two_practices_sees_both(client, lid, praktijk):
    arnhem = PraktijkFactory(
        slug="arnhem", naam="Lerende praktijk Arnhem", kernthema="Samen op weg"
    )
    LidmaatschapFactory(praktijk=arnhem, user=lid, rol=Rol.LID)
    client.force_login(lid)
    page = client.get(reverse("overzicht:home")).text
    assert praktijk.naam in page and "Lerende praktijk Arnhem" in page and "Samen op weg" in page


def test_staff_see_every_practice(client, staff, praktijk, andere_praktijk):
    client.force_login(staff)
    page = client.get(reverse("overzicht:home")).text
    assert praktijk.naam in page and andere_praktijk.naam in page


def test_someone_without_a_practice_is_told_how_to_join(client, user):
    client.force_login(user)
    page = client.get(reverse("overzicht:home")).text
    assert "Je zit nog niet in een praktijk." in page
