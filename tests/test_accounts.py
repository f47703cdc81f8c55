"""Logging in by email address: with a password, or with a code sent by email. No sign-up."""

import re

import pytest
from django.urls import reverse

from netwerk.models import User
from tests.factories import LidmaatschapFactory
from tests.factories.netwerk import PASSWORD

pytestmark = pytest.mark.django_db


def request_code(client, email: str):
    return client.post(reverse("account_request_login_code"), {"email": email})


def code_from(mail) -> str:
    match = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", mail.body, re.MULTILINE)
    assert match, mail.body
    return match.group(1)


def test_login_code_arrives_by_email_and_logs_the_user_in(client, user, mailoutbox):
    response = request_code(client, user.email)
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [user.email]

    response = client.post(
        reverse("account_confirm_login_code"), {"code": code_from(mailoutbox[0])}
    )
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk
    assert (
        user.email in client.get(reverse("overzicht:home")).text
        or user.name in client.get(reverse("overzicht:home")).text
    )


def test_a_wrong_code_is_refused_with_a_dutch_message(client, user, mailoutbox):
    request_code(client, user.email)
    real = code_from(mailoutbox[0])
    wrong = "AAAAAA" if real != "AAAAAA" else "BBBBBB"

    response = client.post(reverse("account_confirm_login_code"), {"code": wrong})

    assert response.status_code == 200
    assert "Ongeldige code." in response.text
    assert "_auth_user_id" not in client.session


def test_login_with_password_lands_on_the_start_page(client, user):
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("overzicht:home")


def test_a_wrong_password_keeps_the_address_and_says_so_in_dutch(client, user):
    response = client.post(reverse("account_login"), {"login": user.email, "password": "fout"})
    assert response.status_code == 200
    assert "wachtwoord is niet correct" in response.text
    assert f'value="{user.email}"' in response.text


def test_sign_up_is_closed(client):
    page = client.get(reverse("account_signup"))
    assert page.status_code == 200
    assert "Registratie gesloten" in page.text

    response = client.post(
        reverse("account_signup"),
        {
            "email": "nieuw@voorbeeld.example",
            "password1": "Xy!9lang-genoeg",
            "password2": "Xy!9lang-genoeg",
        },
    )
    assert response.status_code == 200
    assert "Registratie gesloten" in response.text
    assert not User.objects.filter(email="nieuw@voorbeeld.example").exists()


def test_pages_need_a_login_by_default(client):
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302


def test_a_member_of_one_practice_lands_on_its_dashboard(client, lid):
    response = client.post(reverse("account_login"), {"login": lid.email, "password": PASSWORD})
    assert response["Location"] == "/p/stein/"


def test_a_member_of_two_practices_lands_on_the_start_page(client, lid, andere_praktijk):
    LidmaatschapFactory(praktijk=andere_praktijk, user=lid)
    response = client.post(reverse("account_login"), {"login": lid.email, "password": PASSWORD})
    assert response["Location"] == reverse("overzicht:home")


def test_a_requested_page_wins_over_the_dashboard(client, lid):
    response = client.post(
        reverse("account_login") + "?next=/p/stein/experimenten/",
        {"login": lid.email, "password": PASSWORD},
    )
    assert response["Location"] == "/p/stein/experimenten/"


def test_a_login_by_code_ends_when_the_browser_closes(client, user, mailoutbox):
    request_code(client, user.email)
    response = client.post(
        reverse("account_confirm_login_code"), {"code": code_from(mailoutbox[0])}
    )
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk
    assert client.session.get_expire_at_browser_close()
    assert client.cookies["sessionid"]["expires"] == ""


def test_remember_me_on_the_password_form_still_remembers(client, db, settings):
    from tests.factories import UserFactory

    UserFactory(email="onthoud@voorbeeld.example", password="Zorg-Samen-2026!")
    response = client.post(
        reverse("account_login"),
        {"login": "onthoud@voorbeeld.example", "password": "Zorg-Samen-2026!", "remember": "on"},
    )
    assert response.status_code == 302
    assert not client.session.get_expire_at_browser_close()
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE


def _woorden(text: str) -> str:
    return text.lower()


def test_the_login_code_is_an_inlogcode_on_every_page(client, user, mailoutbox):
    request_page = client.get(reverse("account_request_login_code"))
    assert "inlogcode" in _woorden(request_page.text)
    assert "aanmeld" not in _woorden(request_page.text)

    confirm_page = request_code(client, user.email)
    confirm_page = client.get(confirm_page["Location"])
    assert "Inlogcode invullen" in confirm_page.text
    assert "We hebben een inlogcode gestuurd" in confirm_page.text
    assert "aanmeld" not in _woorden(confirm_page.text)

    assert "Inlogcode" in mailoutbox[0].subject
    assert "aanmeld" not in _woorden(mailoutbox[0].subject + mailoutbox[0].body)
