"""Accepting an invitation: set up an account (password or code), log in, join the practice."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import PERSONAS
from netwerk.models import Persoon, Uitnodiging, User
from netwerk.services import UitnodigingOngeldig, uitnodiging_accept
from praktijken.models import Lidmaatschap, Rol
from tests.factories import (
    DeelnameFactory,
    OrganisatieFactory,
    PersoonFactory,
    UitnodigingFactory,
    UserFactory,
)
from tests.factories.netwerk import PASSWORD
from tests.pages import rendered
from tests.permissions import assert_matrix

pytestmark = pytest.mark.django_db

WACHTWOORD = "Mantelzorg-in-Stein-2026"


def accept_url(uitnodiging: Uitnodiging) -> str:
    return reverse("netwerk:uitnodiging_accepteren", args=[uitnodiging.token])


def set_up_account(client, uitnodiging, **data):
    return client.post(
        accept_url(uitnodiging),
        {
            "naam": "Noor Nieuw",
            "password1": WACHTWOORD,
            "password2": WACHTWOORD,
            "methode": "wachtwoord",
            **data,
        },
    )


def logged_in_user(client) -> User | None:
    pk = client.session.get("_auth_user_id")
    return User.objects.get(pk=pk) if pk else None


def code_from(mail) -> str:
    match = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", mail.body, re.MULTILINE)
    assert match, mail.body
    return match.group(1)


# Who may open the link -------------------------------------------------------------------------


def test_the_link_is_public_and_never_an_error_for_anyone(login_as, uitnodiging, lid, staff):
    # Anonymous sees the set-up form; everyone logged in with another address gets the
    # explanation to log out: all of them a normal page.
    url = accept_url(uitnodiging)
    expected = dict.fromkeys(PERSONAS, 200)
    assert_matrix(login_as, url, expected)


def test_posting_to_the_link_as_someone_else_changes_nothing(login_as, uitnodiging, lid, staff):
    url = accept_url(uitnodiging)
    expected = {
        "anonymous": 200,  # the empty set-up form comes back with errors
        "outsider": 200,
        "lid": 200,
        "kerngroeplid": 200,
        "facilitator": 200,
        "staff": 200,
        "programmateam": 200,
    }
    assert_matrix(login_as, url, expected, method="post")
    uitnodiging.refresh_from_db()
    assert uitnodiging.gebruikt_op is None
    assert not User.objects.filter(email=uitnodiging.email).exists()


def test_the_page_shows_praktijk_role_and_inviter(client, uitnodiging, facilitator):
    page = client.get(accept_url(uitnodiging)).text
    assert "Uitnodiging voor Lerende praktijk Stein" in page
    assert "Lid" in page
    assert facilitator.name in page
    assert uitnodiging.email in page
    assert "Maak je account" in page


# Unusable links: friendly pages, never a 500 ---------------------------------------------------


def test_an_unknown_token_gets_a_friendly_404(client, db):
    response = client.get("/uitnodiging/bestaat-niet/")
    assert response.status_code == 404
    assert "Deze uitnodiging kennen we niet" in response.text
    assert "nieuwste e-mail" in response.text


def test_an_overlong_token_gets_the_same_404(client, db):
    response = client.get("/uitnodiging/" + "a" * 10_000 + "/")
    assert response.status_code == 404
    assert "Deze uitnodiging kennen we niet" in response.text


def test_an_expired_invitation_says_so_and_what_to_do(client, verlopen_uitnodiging, facilitator):
    for method in ("get", "post"):
        response = getattr(client, method)(accept_url(verlopen_uitnodiging))
        assert response.status_code == 410
        assert "Deze uitnodiging is verlopen" in response.text
        assert f"Vraag {facilitator.name}" in response.text
    assert not User.objects.filter(email=verlopen_uitnodiging.email).exists()


def test_a_revoked_invitation_says_so(client, uitnodiging):
    uitnodiging.ingetrokken_op = timezone.now()
    uitnodiging.save()
    response = set_up_account(client, uitnodiging)
    assert response.status_code == 410
    assert "Deze uitnodiging is ingetrokken" in response.text
    assert "nieuwe uitnodiging" in response.text
    assert not User.objects.filter(email=uitnodiging.email).exists()


def test_using_the_link_twice_shows_the_used_page(client, uitnodiging):
    assert set_up_account(client, uitnodiging).status_code == 302

    again = client.get(accept_url(uitnodiging))
    assert again.status_code == 410
    assert "Deze uitnodiging is al gebruikt" in again.text
    # The member who used it gets a way into the practice.
    assert uitnodiging.praktijk.get_absolute_url() in again.text

    client.logout()
    response = set_up_account(client, uitnodiging, password1="Anders-123!", password2="Anders-123!")
    assert response.status_code == 410
    assert "Deze uitnodiging is al gebruikt" in response.text
    # The second attempt did not change the password.
    assert User.objects.get(email=uitnodiging.email).check_password(WACHTWOORD)


def test_accepting_twice_at_once_uses_the_invitation_once(uitnodiging):
    # Two tabs: both loaded the page while it was open; the second accept finds it used.
    user = UserFactory(email=uitnodiging.email)
    uitnodiging_accept(uitnodiging=uitnodiging, user=user)
    stale = Uitnodiging.objects.get(pk=uitnodiging.pk)
    stale.gebruikt_op = None  # what the second tab still believes

    with pytest.raises(UitnodigingOngeldig) as raised:
        uitnodiging_accept(uitnodiging=stale, user=user)
    assert raised.value.staat == "gebruikt"
    assert Lidmaatschap.objects.filter(user=user).count() == 1


# (a) A new account with a password --------------------------------------------------------------


def test_new_person_sets_a_password_and_lands_in_the_praktijk(client, uitnodiging):
    response = set_up_account(client, uitnodiging)

    assert response.status_code == 302
    assert response["Location"] == uitnodiging.praktijk.get_absolute_url()
    user = logged_in_user(client)
    assert user is not None and user.email == uitnodiging.email
    assert user.name == "Noor Nieuw"
    assert user.check_password(WACHTWOORD)
    assert Lidmaatschap.objects.get(user=user, praktijk=uitnodiging.praktijk).rol == Rol.LID
    uitnodiging.refresh_from_db()
    assert uitnodiging.gebruikt_op is not None
    # No organisation on the invitation: no person entry.
    assert not Persoon.objects.filter(user=user).exists()

    dashboard = client.get(response["Location"])
    assert dashboard.status_code == 200
    assert "Welkom bij Lerende praktijk Stein." in dashboard.text


def test_with_an_organisation_a_person_entry_is_made_for_them(client, praktijk, facilitator):
    organisatie = OrganisatieFactory(naam="Wijkverpleging Stein")
    DeelnameFactory(praktijk=praktijk, organisatie=organisatie)
    uitnodiging = UitnodigingFactory(
        praktijk=praktijk, email="wijk@zorg.example", organisatie=organisatie, rol=Rol.LID
    )

    set_up_account(client, uitnodiging, naam="Wendy Wijk")

    persoon = Persoon.objects.get(user__email="wijk@zorg.example")
    assert persoon.organisatie == organisatie
    assert persoon.naam == "Wendy Wijk"
    assert persoon.email == "wijk@zorg.example"


def test_an_existing_person_entry_with_that_address_is_linked_not_copied(client, praktijk):
    organisatie = OrganisatieFactory()
    DeelnameFactory(praktijk=praktijk, organisatie=organisatie)
    bestaand = PersoonFactory(organisatie=organisatie, email="Wijk@Zorg.example", naam="W. Wijk")
    uitnodiging = UitnodigingFactory(
        praktijk=praktijk, email="wijk@zorg.example", organisatie=organisatie
    )

    set_up_account(client, uitnodiging)

    bestaand.refresh_from_db()
    assert bestaand.user is not None and bestaand.user.email == "wijk@zorg.example"
    assert Persoon.objects.filter(organisatie=organisatie).count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"password1": "kort", "password2": "kort"}, "Dit wachtwoord is te kort"),
        ({"password1": "12345678901", "password2": "12345678901"}, "bevat alleen cijfers"),
        ({"password1": "password123", "password2": "password123"}, "te algemeen"),
        ({"password2": "iets-anders-9"}, "De twee wachtwoorden zijn niet hetzelfde."),
        ({"password1": "", "password2": ""}, "Kies een wachtwoord, of log in met een code."),
        ({"naam": ""}, "Dit veld is verplicht."),
        ({"naam": "x" * 10_000}, "niet meer dan 150 tekens"),
        ({"password1": "x" * 10_000}, "niet meer dan 128 tekens"),
    ],
)
def test_a_bad_password_or_name_gets_a_dutch_message_and_keeps_the_name(
    client, uitnodiging, data, message
):
    response = set_up_account(client, uitnodiging, **data)
    assert response.status_code == 200
    assert message in response.text
    if "naam" not in data:
        assert 'value="Noor Nieuw"' in response.text
    assert WACHTWOORD not in response.text  # passwords are not sent back
    assert not User.objects.filter(email=uitnodiging.email).exists()
    assert logged_in_user(client) is None


def test_the_password_may_not_look_like_the_email_address(client, praktijk):
    uitnodiging = UitnodigingFactory(praktijk=praktijk, email="marietjevandijk@zorg.example")
    response = set_up_account(
        client, uitnodiging, password1="marietjevandijk", password2="marietjevandijk"
    )
    assert response.status_code == 200
    assert "lijkt te veel op" in response.text


# (a) A new account that logs in by code ---------------------------------------------------------


def test_new_person_chooses_a_code_then_logs_in_by_code_and_accepts(
    client, uitnodiging, mailoutbox
):
    url = accept_url(uitnodiging)

    response = client.post(url, {"naam": "Noor Nieuw", "methode": "code"})

    assert response.status_code == 302
    assert response["Location"] == url
    user = User.objects.get(email=uitnodiging.email)
    assert not user.has_usable_password()
    assert user.name == "Noor Nieuw"
    assert logged_in_user(client) is None
    assert not Lidmaatschap.objects.filter(user=user).exists()

    page = client.get(url)
    assert "Je account is klaar." in page.text
    assert reverse("account_request_login_code") in page.text
    assert f'name="email" value="{uitnodiging.email}"' in page.text

    # The button on the page asks allauth for a code for the invited address, back to this link.
    response = client.post(
        reverse("account_request_login_code"), {"email": uitnodiging.email, "next": url}
    )
    assert response.status_code == 302
    response = client.post(response["Location"], {"code": code_from(mailoutbox[-1]), "next": url})
    assert response.status_code == 302
    assert response["Location"] == url
    assert logged_in_user(client) == user

    page = client.get(url)
    assert "Uitnodiging aannemen" in page.text
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == uitnodiging.praktijk.get_absolute_url()
    assert Lidmaatschap.objects.get(user=user).rol == Rol.LID


def test_the_code_route_ignores_password_fields(client, uitnodiging):
    client.post(
        accept_url(uitnodiging),
        {"naam": "Noor", "methode": "code", "password1": "kort", "password2": "anders"},
    )
    assert not User.objects.get(email=uitnodiging.email).has_usable_password()


# (b) An account exists, not logged in ---------------------------------------------------------


def test_an_existing_account_is_asked_to_log_in_first(client, uitnodiging):
    UserFactory(email=uitnodiging.email)
    url = accept_url(uitnodiging)

    page = rendered(client.get(url), "Log in om mee te doen")

    assert f"{reverse('account_login')}?next={url}" in page
    assert reverse("account_request_login_code") in page
    assert "Maak je account" not in page


def test_an_existing_account_cannot_get_a_new_password_through_the_link(client, uitnodiging):
    bestaand = UserFactory(email=uitnodiging.email)

    response = set_up_account(client, uitnodiging)

    assert response.status_code == 302
    assert response["Location"] == accept_url(uitnodiging)
    bestaand.refresh_from_db()
    assert bestaand.check_password(PASSWORD)
    assert logged_in_user(client) is None
    uitnodiging.refresh_from_db()
    assert uitnodiging.gebruikt_op is None


def test_existing_account_logs_in_with_password_and_comes_back(client, uitnodiging):
    user = UserFactory(email=uitnodiging.email)
    url = accept_url(uitnodiging)

    response = client.post(
        reverse("account_login"), {"login": user.email, "password": PASSWORD, "next": url}
    )

    assert response.status_code == 302
    assert response["Location"] == url


# (c) Logged in with the invited address ---------------------------------------------------------


def test_logged_in_invitee_accepts_with_one_button(client, uitnodiging):
    user = UserFactory(email=uitnodiging.email)
    client.force_login(user)
    url = accept_url(uitnodiging)

    assert "Uitnodiging aannemen" in client.get(url).text
    assert not Lidmaatschap.objects.filter(user=user).exists()  # GET changes nothing

    response = client.post(url)

    assert response.status_code == 302
    assert response["Location"] == uitnodiging.praktijk.get_absolute_url()
    assert Lidmaatschap.objects.get(user=user, praktijk=uitnodiging.praktijk).rol == Rol.LID


def test_accepting_upgrades_an_existing_membership(client, praktijk, lid):
    uitnodiging = UitnodigingFactory(praktijk=praktijk, email=lid.email, rol=Rol.KERNGROEPLID)
    client.force_login(lid)
    client.post(accept_url(uitnodiging))
    assert Lidmaatschap.objects.get(user=lid, praktijk=praktijk).rol == Rol.KERNGROEPLID


def test_accepting_never_lowers_a_role(client, praktijk, facilitator):
    uitnodiging = UitnodigingFactory(praktijk=praktijk, email=facilitator.email, rol=Rol.LID)
    client.force_login(facilitator)
    client.post(accept_url(uitnodiging))
    assert Lidmaatschap.objects.get(user=facilitator, praktijk=praktijk).rol == Rol.FACILITATOR
    uitnodiging.refresh_from_db()
    assert uitnodiging.gebruikt_op is not None


def test_someone_with_a_person_entry_keeps_it(client, praktijk, lid, eigen_organisatie):
    andere = OrganisatieFactory()
    DeelnameFactory(praktijk=praktijk, organisatie=andere)
    uitnodiging = UitnodigingFactory(praktijk=praktijk, email=lid.email, organisatie=andere)
    client.force_login(lid)
    client.post(accept_url(uitnodiging))
    assert Persoon.objects.get(user=lid).organisatie == eigen_organisatie


def test_a_member_of_another_praktijk_joins_a_second_one(client, praktijk, outsider):
    uitnodiging = UitnodigingFactory(praktijk=praktijk, email=outsider.email, rol=Rol.LID)
    client.force_login(outsider)

    response = client.post(accept_url(uitnodiging))

    assert response.status_code == 302
    assert Lidmaatschap.objects.filter(user=outsider).count() == 2
    assert client.get(praktijk.get_absolute_url()).status_code == 200


# (d) Logged in with another address -------------------------------------------------------------


def test_logged_in_as_someone_else_explains_and_offers_logout(client, uitnodiging, lid):
    client.force_login(lid)
    url = accept_url(uitnodiging)

    page = client.get(url).text

    assert "Deze uitnodiging is voor iemand anders" in page
    assert lid.email in page and uitnodiging.email in page
    assert reverse("account_logout") in page

    response = client.post(url)
    assert response.status_code == 200
    uitnodiging.refresh_from_db()
    assert uitnodiging.gebruikt_op is None
    assert not Lidmaatschap.objects.filter(user=lid, rol=Rol.FACILITATOR).exists()


def test_logout_from_the_wrong_account_returns_to_the_link(client, uitnodiging, lid):
    client.force_login(lid)
    url = accept_url(uitnodiging)
    response = client.post(reverse("account_logout"), {"next": url})
    assert response.status_code == 302
    assert response["Location"] == url
    assert "Maak je account" in client.get(url).text


def test_the_invitation_expires_while_the_page_is_open(client, uitnodiging):
    page = client.get(accept_url(uitnodiging))
    assert page.status_code == 200
    Uitnodiging.objects.filter(pk=uitnodiging.pk).update(
        verloopt_op=timezone.now() - datetime.timedelta(seconds=1)
    )
    response = set_up_account(client, uitnodiging)
    assert response.status_code == 410
    assert not User.objects.filter(email=uitnodiging.email).exists()


def test_the_code_route_ignores_even_overlong_password_fields(client, uitnodiging):
    response = client.post(
        accept_url(uitnodiging),
        {"naam": "Noor", "methode": "code", "password1": "x" * 10_000},
    )
    assert response.status_code == 302
    assert User.objects.filter(email=uitnodiging.email).exists()
