"""Inviting someone: the form, its Dutch errors, and the email with the link."""

import datetime

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from netwerk.models import Uitnodiging
from praktijken.models import Rol
from tests.factories import DeelnameFactory, OrganisatieFactory, UitnodigingFactory
from tests.leden.helpers import link_from
from tests.pages import rendered
from tests.permissions import assert_matrix, managers

pytestmark = pytest.mark.django_db

URL = "/p/stein/leden/uitnodigen/"


def invite(client, captured, **data):
    """POST the invitation form; the email goes out when the transaction commits."""
    with captured(execute=True):
        return client.post(URL, {"email": "", "naam": "", "rol": Rol.LID, **data})


def test_url_names():
    assert reverse("netwerk:uitnodigen", args=["stein"]) == URL
    assert reverse("netwerk:leden", args=["stein"]) == "/p/stein/leden/"


def test_invite_page_is_for_facilitators_and_staff_only(login_as, praktijk, lid, kerngroeplid):
    assert_matrix(login_as, URL, managers())


def test_posting_the_invite_form_is_for_facilitators_and_staff_only(
    login_as, praktijk, lid, kerngroeplid
):
    # Empty form: allowed people get it back with errors; nobody else gets that far.
    assert_matrix(login_as, URL, managers(200), method="post", data={"email": ""})
    assert not Uitnodiging.objects.exists()


def test_facilitator_invites_someone_and_the_email_has_the_link(
    client, praktijk, facilitator, eigen_organisatie, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(facilitator)

    response = invite(
        client,
        django_capture_on_commit_callbacks,
        email=" Wijkverpleegkundige@Zorg.example ",
        naam="Wendy Wijk",
        rol=Rol.KERNGROEPLID,
        organisatie=eigen_organisatie.pk,
    )

    assert response.status_code == 302
    assert response["Location"] == "/p/stein/leden/"
    uitnodiging = Uitnodiging.objects.get()
    assert uitnodiging.email == "wijkverpleegkundige@zorg.example"
    assert uitnodiging.rol == Rol.KERNGROEPLID
    assert uitnodiging.organisatie == eigen_organisatie
    assert uitnodiging.uitgenodigd_door == facilitator
    assert len(uitnodiging.token) >= 40
    expected_expiry = timezone.now() + datetime.timedelta(days=14)
    assert abs(uitnodiging.verloopt_op - expected_expiry) < datetime.timedelta(minutes=1)
    assert uitnodiging.verstuurd_op is not None

    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["wijkverpleegkundige@zorg.example"]
    assert mail.subject.endswith("Uitnodiging voor Lerende praktijk Stein")
    assert link_from(mail) == f"/uitnodiging/{uitnodiging.token}/"
    # The link is absolute, on the site's own address.
    assert f"{settings.SITE_URL}/uitnodiging/{uitnodiging.token}/" in mail.body
    assert f"{facilitator.name} nodigt je uit" in mail.body
    assert "als kerngroeplid" in mail.body
    assert "Steunpunt Mantelzorg Stein" in mail.body
    assert timezone.localtime(uitnodiging.verloopt_op).strftime("%Y") in mail.body

    page = client.get(response["Location"]).text
    assert "De uitnodiging is onderweg naar wijkverpleegkundige@zorg.example." in page
    assert "wijkverpleegkundige@zorg.example" in page


def test_the_link_uses_site_url(
    client, praktijk, facilitator, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://lerendepraktijk.example"
    client.force_login(facilitator)
    invite(client, django_capture_on_commit_callbacks, email="a@zorg.example", naam="A")
    assert "https://lerendepraktijk.example/uitnodiging/" in mailoutbox[0].body


def test_the_number_of_days_comes_from_the_setting(
    client, praktijk, facilitator, settings, django_capture_on_commit_callbacks
):
    settings.UITNODIGING_GELDIG_DAGEN = 3
    client.force_login(facilitator)
    invite(client, django_capture_on_commit_callbacks, email="a@zorg.example", naam="A")
    verloopt = Uitnodiging.objects.get().verloopt_op
    assert abs(verloopt - timezone.now() - datetime.timedelta(days=3)) < datetime.timedelta(
        minutes=1
    )


def test_no_email_when_the_transaction_does_not_commit(client, praktijk, facilitator, mailoutbox):
    # Without running the on-commit callbacks nothing is sent: the task waits for the commit.
    client.force_login(facilitator)
    client.post(URL, {"email": "a@zorg.example", "naam": "A", "rol": Rol.LID})
    assert Uitnodiging.objects.count() == 1
    assert mailoutbox == []


def test_inviting_a_member_is_refused_in_dutch(
    client, praktijk, facilitator, lid, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(facilitator)
    response = invite(
        client, django_capture_on_commit_callbacks, email=lid.email.upper(), naam="Dubbel"
    )
    assert response.status_code == 200
    assert "Deze persoon is al lid van de praktijk." in response.text
    assert 'value="Dubbel"' in response.text  # what was typed stays
    assert not Uitnodiging.objects.exists()
    assert mailoutbox == []


def test_a_second_open_invitation_is_refused_with_a_hint_to_send_again(
    client, praktijk, facilitator, mailoutbox, django_capture_on_commit_callbacks
):
    UitnodigingFactory(praktijk=praktijk, email="al@zorg.example")
    client.force_login(facilitator)
    response = invite(client, django_capture_on_commit_callbacks, email="al@zorg.example", naam="X")
    assert response.status_code == 200
    assert "staat al een uitnodiging open" in response.text
    assert "Opnieuw sturen" in response.text
    assert Uitnodiging.objects.count() == 1


def test_an_expired_invitation_also_asks_to_send_again(
    client, praktijk, facilitator, verlopen_uitnodiging, django_capture_on_commit_callbacks
):
    client.force_login(facilitator)
    response = invite(
        client, django_capture_on_commit_callbacks, email=verlopen_uitnodiging.email, naam="X"
    )
    assert response.status_code == 200
    assert "Opnieuw sturen" in response.text


def test_after_a_revoked_invitation_a_new_one_can_be_made(
    client, praktijk, facilitator, django_capture_on_commit_callbacks
):
    UitnodigingFactory(praktijk=praktijk, email="terug@zorg.example", ingetrokken_op=timezone.now())
    client.force_login(facilitator)
    response = invite(
        client, django_capture_on_commit_callbacks, email="terug@zorg.example", naam="Terug"
    )
    assert response.status_code == 302
    assert Uitnodiging.objects.filter(email="terug@zorg.example").count() == 2


def test_an_invitation_to_another_praktijk_does_not_block(
    client, praktijk, andere_praktijk, facilitator, django_capture_on_commit_callbacks
):
    UitnodigingFactory(praktijk=andere_praktijk, email="beide@zorg.example")
    client.force_login(facilitator)
    response = invite(
        client, django_capture_on_commit_callbacks, email="beide@zorg.example", naam="Beide"
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "geen-adres", "naam": "X"}, "Voer een geldig e-mailadres in."),
        ({"email": "", "naam": "X"}, "Dit veld is verplicht."),
        ({"email": "a@zorg.example", "naam": ""}, "Dit veld is verplicht."),
        ({"email": "a@zorg.example", "naam": "X", "rol": "baas"}, "Selecteer een geldige keuze"),
        ({"email": "a@zorg.example", "naam": "x" * 10_000}, "niet meer dan 200 tekens"),
        ({"email": "a" * 10_000 + "@zorg.example", "naam": "X"}, "niet meer dan 254 tekens"),
    ],
)
def test_bad_input_gets_a_dutch_message(
    client, praktijk, facilitator, data, message, django_capture_on_commit_callbacks
):
    client.force_login(facilitator)
    response = invite(client, django_capture_on_commit_callbacks, **data)
    assert response.status_code == 200
    assert message in response.text
    assert not Uitnodiging.objects.exists()


def test_only_organisations_of_this_praktijk_can_be_chosen(
    client,
    praktijk,
    andere_praktijk,
    facilitator,
    eigen_organisatie,
    django_capture_on_commit_callbacks,
):
    vreemd = OrganisatieFactory(naam="Thuiszorg Ede")
    DeelnameFactory(praktijk=andere_praktijk, organisatie=vreemd)
    client.force_login(facilitator)

    page = rendered(client.get(URL), "Steunpunt Mantelzorg Stein")
    assert "Thuiszorg Ede" not in page

    response = invite(
        client,
        django_capture_on_commit_callbacks,
        email="a@zorg.example",
        naam="A",
        organisatie=vreemd.pk,
    )
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.text
    assert not Uitnodiging.objects.exists()
