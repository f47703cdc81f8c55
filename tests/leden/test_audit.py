"""The audit trail of members and invitations: who invited, revoked, changed and joined."""

import pytest
from django.urls import reverse

from netwerk.models import Uitnodiging
from praktijken.models import Gebeurtenis, Lidmaatschap, Rol
from tests.factories import LidmaatschapFactory

pytestmark = pytest.mark.django_db


def url(name: str, *args) -> str:
    return reverse(f"netwerk:{name}", args=["stein", *args])


def trail() -> list[tuple]:
    return [
        (g.actie, g.door, g.object_soort, g.object_id) for g in Gebeurtenis.objects.order_by("pk")
    ]


def test_inviting_sending_again_and_revoking_is_recorded(client, praktijk, facilitator):
    client.force_login(facilitator)
    data = {"email": "a@zorg.example", "naam": "A", "rol": Rol.LID}
    assert client.post(url("uitnodigen"), data).status_code == 302
    uitnodiging = Uitnodiging.objects.get()
    assert client.post(url("uitnodiging_opnieuw", uitnodiging.pk)).status_code == 302
    assert client.post(url("uitnodiging_intrekken", uitnodiging.pk)).status_code == 302
    assert client.post(url("uitnodiging_intrekken", uitnodiging.pk)).status_code == 302  # again
    soort = "netwerk.uitnodiging"
    assert trail() == [
        ("uitnodiging.create", facilitator, soort, uitnodiging.pk),
        ("uitnodiging.resend", facilitator, soort, uitnodiging.pk),
        ("uitnodiging.revoke", facilitator, soort, uitnodiging.pk),
    ]


def test_accepting_is_recorded_as_done_by_the_invitee(client, praktijk, uitnodiging):
    from tests.factories import UserFactory

    invitee = UserFactory(email=uitnodiging.email)
    client.force_login(invitee)
    response = client.post(reverse("netwerk:uitnodiging_accepteren", args=[uitnodiging.token]))
    assert response.status_code == 302
    assert trail() == [("uitnodiging.accept", invitee, "netwerk.uitnodiging", uitnodiging.pk)]
    assert Gebeurtenis.objects.get().praktijk == praktijk


def test_a_role_change_and_a_removal_are_recorded(client, praktijk, facilitator):
    lidmaatschap = LidmaatschapFactory(praktijk=praktijk, rol=Rol.LID)
    client.force_login(facilitator)
    client.post(url("lid_rol", lidmaatschap.pk), {"rol": Rol.LID})  # no change: nothing to record
    client.post(url("lid_rol", lidmaatschap.pk), {"rol": Rol.KERNGROEPLID})
    client.post(url("lid_verwijderen", lidmaatschap.pk))
    assert not Lidmaatschap.objects.filter(pk=lidmaatschap.pk).exists()
    soort = "praktijken.lidmaatschap"
    assert trail() == [
        ("lidmaatschap.change_role", facilitator, soort, lidmaatschap.pk),
        ("lidmaatschap.remove", facilitator, soort, lidmaatschap.pk),
    ]


def test_a_refused_change_records_nothing(client, praktijk, facilitator):
    own = Lidmaatschap.objects.get(user=facilitator)
    client.force_login(facilitator)
    response = client.post(url("lid_rol", own.pk), {"rol": Rol.LID})  # the last facilitator
    assert response.status_code == 200
    response = client.post(url("uitnodigen"), {"email": "", "naam": "", "rol": Rol.LID})
    assert response.status_code == 200
    assert not Gebeurtenis.objects.exists()
