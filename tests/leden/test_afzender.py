"""An invitation is only as good as its sender's right to invite."""

import pytest
from django.urls import reverse

from netwerk.models import Uitnodiging
from netwerk.services import lidmaatschap_change_role, lidmaatschap_remove
from praktijken.models import Gebeurtenis, Lidmaatschap, Rol
from tests.factories import LidmaatschapFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tweede_facilitator(praktijk):
    user = UserFactory(email="tweede@stein.example")
    LidmaatschapFactory(praktijk=praktijk, user=user, rol=Rol.FACILITATOR)
    return user


def link(uitnodiging) -> str:
    return reverse("netwerk:uitnodiging_accepteren", args=[uitnodiging.token])


def test_while_the_sender_may_invite_the_link_works(client, praktijk, uitnodiging):
    response = client.get(link(uitnodiging))
    assert response.status_code == 200
    assert praktijk.naam in response.text


def test_a_sender_who_is_no_longer_facilitator_takes_their_open_invitations_along(
    client, praktijk, uitnodiging, facilitator, tweede_facilitator
):
    lidmaatschap = Lidmaatschap.objects.get(praktijk=praktijk, user=facilitator)
    lidmaatschap_change_role(lidmaatschap=lidmaatschap, rol=Rol.LID, by=tweede_facilitator)
    uitnodiging.refresh_from_db()
    assert uitnodiging.ingetrokken_op is not None
    assert Gebeurtenis.objects.filter(actie="uitnodiging.revoke", object_id=uitnodiging.pk).exists()
    response = client.get(link(uitnodiging))
    assert response.status_code == 410
    assert not Lidmaatschap.objects.filter(user__email="nieuw@zorg.example").exists()


def test_removing_the_sender_from_the_practice_revokes_too(
    praktijk, uitnodiging, facilitator, tweede_facilitator
):
    lidmaatschap = Lidmaatschap.objects.get(praktijk=praktijk, user=facilitator)
    lidmaatschap_remove(lidmaatschap=lidmaatschap, by=tweede_facilitator)
    assert Uitnodiging.objects.get(pk=uitnodiging.pk).ingetrokken_op is not None


def test_a_deactivated_sender_s_link_no_longer_lets_anyone_in(client, uitnodiging, facilitator):
    facilitator.is_active = False
    facilitator.save()
    response = client.post(
        link(uitnodiging),
        {
            "naam": "Noor Nieuw",
            "methode": "wachtwoord",
            "password1": "Zorg-2026-Samen!",
            "password2": "Zorg-2026-Samen!",
        },
    )
    assert response.status_code == 410
    assert not Lidmaatschap.objects.filter(user__email="nieuw@zorg.example").exists()
