"""Sending an invitation again (new link, old one dead) and revoking it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from netwerk.models import Uitnodiging
from tests.factories import UitnodigingFactory
from tests.leden.helpers import link_from
from tests.permissions import assert_matrix, managers

pytestmark = pytest.mark.django_db


def opnieuw_url(uitnodiging) -> str:
    return reverse("netwerk:uitnodiging_opnieuw", args=[uitnodiging.praktijk.slug, uitnodiging.pk])


def intrekken_url(uitnodiging) -> str:
    return reverse(
        "netwerk:uitnodiging_intrekken", args=[uitnodiging.praktijk.slug, uitnodiging.pk]
    )


def test_sending_again_is_for_facilitators_and_staff_only(login_as, uitnodiging, lid, kerngroeplid):
    old_token = uitnodiging.token
    assert_matrix(login_as, opnieuw_url(uitnodiging), managers(302), method="post")
    uitnodiging.refresh_from_db()
    assert uitnodiging.token != old_token


def test_revoking_is_for_facilitators_and_staff_only(login_as, uitnodiging, lid, kerngroeplid):
    assert_matrix(login_as, intrekken_url(uitnodiging), managers(302), method="post")
    uitnodiging.refresh_from_db()
    assert uitnodiging.ingetrokken_op is not None


def test_an_invitation_of_another_praktijk_gets_404(client, facilitator, andere_praktijk):
    theirs = UitnodigingFactory(praktijk=andere_praktijk)
    client.force_login(facilitator)
    for name in ("uitnodiging_opnieuw", "uitnodiging_intrekken"):
        response = client.post(reverse(f"netwerk:{name}", args=["stein", theirs.pk]))
        assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.ingetrokken_op is None


def test_sending_again_makes_the_old_link_dead_and_the_new_one_work(
    client, uitnodiging, facilitator, mailoutbox, django_capture_on_commit_callbacks
):
    old_url = reverse("netwerk:uitnodiging_accepteren", args=[uitnodiging.token])
    Uitnodiging.objects.filter(pk=uitnodiging.pk).update(
        verloopt_op=timezone.now() + datetime.timedelta(days=1)
    )
    client.force_login(facilitator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(opnieuw_url(uitnodiging))

    assert response.status_code == 302
    assert "opnieuw naar nieuw@zorg.example gestuurd" in client.get(response["Location"]).text
    assert len(mailoutbox) == 1
    new_url = link_from(mailoutbox[0])
    assert new_url != old_url
    uitnodiging.refresh_from_db()
    assert uitnodiging.verloopt_op > timezone.now() + datetime.timedelta(days=13)

    client.logout()
    assert client.get(old_url).status_code == 404
    assert client.get(new_url).status_code == 200
    response = client.post(
        new_url,
        {
            "naam": "Noor",
            "password1": "Nieuw-wachtwoord-77",
            "password2": "Nieuw-wachtwoord-77",
            "methode": "wachtwoord",
        },
    )
    assert response.status_code == 302


def test_an_expired_invitation_can_be_sent_again(
    client, verlopen_uitnodiging, facilitator, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(opnieuw_url(verlopen_uitnodiging))
    assert len(mailoutbox) == 1
    client.logout()
    assert client.get(link_from(mailoutbox[0])).status_code == 200


def test_a_used_invitation_cannot_be_sent_again_or_revoked(
    client, uitnodiging, facilitator, mailoutbox
):
    Uitnodiging.objects.filter(pk=uitnodiging.pk).update(gebruikt_op=timezone.now())
    client.force_login(facilitator)

    response = client.post(opnieuw_url(uitnodiging))
    assert response.status_code == 200
    assert "kun je niet opnieuw sturen" in response.text

    response = client.post(intrekken_url(uitnodiging))
    assert response.status_code == 200
    assert "al gebruikt" in response.text

    uitnodiging.refresh_from_db()
    assert uitnodiging.ingetrokken_op is None
    assert mailoutbox == []


def test_a_revoked_link_shows_the_revoked_page(client, uitnodiging, facilitator):
    client.force_login(facilitator)
    response = client.post(intrekken_url(uitnodiging))
    assert response.status_code == 302
    assert "is ingetrokken" in client.get(response["Location"]).text
    client.logout()
    response = client.get(reverse("netwerk:uitnodiging_accepteren", args=[uitnodiging.token]))
    assert response.status_code == 410
    assert "Deze uitnodiging is ingetrokken" in response.text


def test_revoking_then_inviting_the_address_again_works(
    client, uitnodiging, facilitator, django_capture_on_commit_callbacks
):
    client.force_login(facilitator)
    client.post(intrekken_url(uitnodiging))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("netwerk:uitnodigen", args=["stein"]),
            {"email": uitnodiging.email, "naam": "Noor", "rol": "lid"},
        )
    assert response.status_code == 302
    assert Uitnodiging.objects.filter(email=uitnodiging.email).count() == 2


def test_send_again_with_htmx_returns_only_the_invitation_list(client, uitnodiging, facilitator):
    client.force_login(facilitator)
    response = client.post(opnieuw_url(uitnodiging), headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.text
    assert "met een nieuwe link" in response.text
    assert uitnodiging.email in response.text


def test_revoke_with_htmx_returns_the_list_with_the_new_state(client, uitnodiging, facilitator):
    client.force_login(facilitator)
    response = client.post(intrekken_url(uitnodiging), headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.text
    assert "lp-staat--ingetrokken" in response.text
    assert "Opnieuw sturen" not in response.text


def test_refusal_with_htmx_is_shown_in_the_list(client, uitnodiging, facilitator):
    Uitnodiging.objects.filter(pk=uitnodiging.pk).update(gebruikt_op=timezone.now())
    client.force_login(facilitator)
    response = client.post(opnieuw_url(uitnodiging), headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.text
    assert "kun je niet opnieuw sturen" in response.text
