"""Brute force: guessing passwords, login codes and join codes, or flooding the carers' form.

The limits live in the real cache (Redis when REDIS_URL is set), which conftest clears between
tests. Another client address is not held back by someone else's attempts.
"""

import re
import time

import pytest
from django.conf import settings
from django.urls import reverse

from condities.models import Deelnemer
from condities.views_doe_mee import CODE_LIMIT
from mantelzorg.forms import tijdstempel
from mantelzorg.models import Reactie
from tests.factories.netwerk import PASSWORD

pytestmark = pytest.mark.django_db

TOO_MANY = "Te veel inlogpogingen. Probeer het later nogmaals."
ELSEWHERE = "192.0.2.44"  # another client (a documentation address: only a value in the request)


def login(client, email: str, password: str, **extra):
    return client.post(reverse("account_login"), {"login": email, "password": password}, **extra)


def limit(action: str, scope: str) -> int:
    """The number in allauth's rate limit for `action` per `scope` ("ip" or "key")."""
    for part in settings.ACCOUNT_RATE_LIMITS[action].split(","):
        amount, _period, *rest = part.split("/")
        if (rest[0] if rest else "ip") == scope:
            return int(amount)
    raise AssertionError(f"no {scope} limit for {action}")


# -- passwords -------------------------------------------------------------------------------


def test_after_too_many_wrong_passwords_even_the_right_one_is_refused(client, wereld):
    user = wereld.user("lid")
    for _ in range(limit("login_failed", "key")):
        response = login(client, user.email, "geraden-wachtwoord")
        assert response.status_code == 200
        assert "_auth_user_id" not in client.session
    response = login(client, user.email, PASSWORD)
    # allauth refuses a locked account in the form itself: the page again, with the message.
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert TOO_MANY in response.text


def test_the_account_lock_holds_from_another_address_too(client, wereld):
    """The limit is per account: switching addresses does not give a guesser new tries."""
    user = wereld.user("lid")
    for i in range(limit("login_failed", "key")):
        login(client, user.email, "geraden", REMOTE_ADDR=f"192.0.2.{i + 1}")
    response = login(client, user.email, PASSWORD, REMOTE_ADDR=ELSEWHERE)
    assert "_auth_user_id" not in client.session
    assert response.status_code == 200
    assert TOO_MANY in response.text


def test_other_accounts_can_still_log_in_while_one_is_locked(client, wereld):
    for _ in range(limit("login_failed", "key")):
        login(client, wereld.user("lid").email, "geraden", REMOTE_ADDR=ELSEWHERE)
    response = login(client, wereld.user("kerngroeplid").email, PASSWORD)
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == wereld.user("kerngroeplid").pk


def test_one_address_trying_many_accounts_is_stopped(client, wereld):
    """Password spraying: one wrong password each for many accounts from one address."""
    emails = [f"iemand{i}@stein.example" for i in range(limit("login_failed", "ip"))]
    for email in emails:
        login(client, email, "Welkom01!")
    response = login(client, wereld.user("lid").email, PASSWORD)
    assert "_auth_user_id" not in client.session
    assert response.status_code == 200
    assert TOO_MANY in response.text
    # Someone else, from another address, is not held back.
    other = login(client, wereld.user("lid").email, PASSWORD, REMOTE_ADDR=ELSEWHERE)
    assert other.status_code == 302


def test_flooding_the_login_page_gets_429(client, wereld):
    for _ in range(limit("login", "ip")):
        login(client, "", "")
    response = login(client, wereld.user("lid").email, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


# -- login codes -----------------------------------------------------------------------------


def request_code(client, email: str, **extra):
    return client.post(reverse("account_request_login_code"), {"email": email}, **extra)


def test_login_codes_for_one_address_are_limited(client, wereld, mailoutbox):
    email = wereld.user("lid").email
    allowed = limit("request_login_code", "key")
    for _ in range(allowed):
        client.cookies.clear()
        request_code(client, email)
    assert len(mailoutbox) == allowed
    client.cookies.clear()
    response = request_code(client, email, REMOTE_ADDR=ELSEWHERE)
    assert len(mailoutbox) == allowed  # no new code went out
    assert response.status_code == 200
    assert TOO_MANY in response.text


def test_a_login_code_cannot_be_guessed(client, wereld, mailoutbox):
    """After a few wrong codes the code is void: even the right one no longer logs in."""
    request_code(client, wereld.user("lid").email)
    real = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", mailoutbox[0].body, re.MULTILINE)[1]
    wrong = "AAAA-AAAA" if real != "AAAA-AAAA" else "BBBB-BBBB"
    for _ in range(settings.ACCOUNT_LOGIN_BY_CODE_MAX_ATTEMPTS):
        client.post(reverse("account_confirm_login_code"), {"code": wrong})
    response = client.post(reverse("account_confirm_login_code"), {"code": real})
    # The code is void: the visitor is sent back to ask for a new one, not logged in.
    assert response.status_code == 302
    assert response["Location"] == reverse("account_request_login_code")
    assert "_auth_user_id" not in client.session


# -- join codes ------------------------------------------------------------------------------


def test_guessing_join_codes_gets_429_and_then_even_a_real_code_waits(client, wereld):
    sessie = wereld.sessie
    for i in range(CODE_LIMIT):
        response = client.get(reverse("condities:doe_mee_code", kwargs={"code": f"GOK{i:04d}"}))
        assert response.status_code == 404
    response = client.get(reverse("condities:doe_mee_code", kwargs={"code": sessie.code}))
    assert response.status_code == 429
    response = client.post(
        reverse("condities:doe_mee_code", kwargs={"code": sessie.code}),
        {"organisatie": "mantelzorger"},
    )
    assert response.status_code == 429
    assert not Deelnemer.objects.filter(sessie=sessie).exists()
    # The code form on /doe-mee/ is closed to this client too.
    response = client.get(reverse("condities:doe_mee"), {"code": sessie.code})
    assert response.status_code == 429
    # Another client (another browser, elsewhere) joins as usual.
    from django.test import Client

    response = Client().get(
        reverse("condities:doe_mee_code", kwargs={"code": sessie.code}), REMOTE_ADDR=ELSEWHERE
    )
    assert response.status_code == 200


def test_guesses_through_the_code_form_count_too(client, wereld):
    for i in range(CODE_LIMIT):
        assert client.get(reverse("condities:doe_mee"), {"code": f"GOK{i:04d}"}).status_code == 404
    assert client.get(reverse("condities:doe_mee"), {"code": "NOGEEN"}).status_code == 429


def test_a_real_code_does_not_count_as_a_guess(client, wereld):
    url = reverse("condities:doe_mee_code", kwargs={"code": wereld.sessie.code})
    for _ in range(CODE_LIMIT + 5):
        client.cookies.clear()
        assert client.get(url).status_code == 200


# -- the carers' form ------------------------------------------------------------------------


def carer_post(client, praktijk, **extra):
    data = {
        "wat_gaat_goed": "De wijkverpleegkundige belde mij terug.",
        "begonnen": tijdstempel(praktijk_id=praktijk.pk, op=time.time() - 60),
    }
    return client.post(
        reverse("mantelzorg:formulier", kwargs={"slug": praktijk.slug}), data, **extra
    )


def test_flooding_the_carers_form_gets_429_and_stores_nothing_more(client, wereld):
    praktijk = wereld.praktijk
    for _ in range(settings.MANTELZORG_LIMIET):
        assert carer_post(client, praktijk).status_code == 302
    assert Reactie.objects.count() == settings.MANTELZORG_LIMIET
    response = carer_post(client, praktijk)
    assert response.status_code == 429
    assert Reactie.objects.count() == settings.MANTELZORG_LIMIET
    # Another carer, from another address, is still welcome.
    assert carer_post(client, praktijk, REMOTE_ADDR=ELSEWHERE).status_code == 302


def test_robots_filling_the_honeypot_use_up_their_tries(client, wereld):
    praktijk = wereld.praktijk
    url = reverse("mantelzorg:formulier", kwargs={"slug": praktijk.slug})
    for _ in range(settings.MANTELZORG_LIMIET):
        client.post(url, {"wat_gaat_goed": "Koop nu!", "website": "http://spam.example"})
    assert carer_post(client, praktijk).status_code == 429
    assert not Reactie.objects.exists()


# -- behind the proxy ------------------------------------------------------------------------


@pytest.mark.parametrize("proxies", [1, 2])
def test_behind_the_proxy_a_forged_forwarded_address_does_not_escape_the_limit(
    client, wereld, settings, proxies
):
    """The proxy adds the client's address to X-Forwarded-For; whatever the client wrote there
    itself (to the left) changes with every try, but the limit holds per real address."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = proxies
    praktijk = wereld.praktijk
    echt = "198.51.100.7, 10.0.0.2"[: None if proxies == 2 else 12]  # our proxies' part

    def via_proxy(i: int, address: str = echt) -> dict:
        return {"HTTP_X_FORWARDED_FOR": f"203.0.113.{i}, {address}", "secure": True}

    for i in range(settings.MANTELZORG_LIMIET):
        assert carer_post(client, praktijk, **via_proxy(i)).status_code == 302
    assert carer_post(client, praktijk, **via_proxy(99)).status_code == 429
    # Another carer behind the same proxy, with an address of their own, is still welcome.
    other = "198.51.100.8, 10.0.0.2"[: None if proxies == 2 else 12]
    assert carer_post(client, praktijk, **via_proxy(1, other)).status_code == 302


def test_an_ipv6_client_cannot_take_a_new_address_for_every_try(client, wereld):
    praktijk = wereld.praktijk
    for i in range(settings.MANTELZORG_LIMIET):
        address = f"2001:db8:1:2::{i + 1:x}"
        assert carer_post(client, praktijk, REMOTE_ADDR=address).status_code == 302
    # Another address of the same /64 (one home, one phone) is the same client.
    assert carer_post(client, praktijk, REMOTE_ADDR="2001:db8:1:2:ffff::9").status_code == 429
    # Another /64 is another client.
    assert carer_post(client, praktijk, REMOTE_ADDR="2001:db8:1:3::1").status_code == 302


def test_a_room_behind_one_address_is_not_locked_out_by_one_guessing_phone(client, wereld):
    """Found in the review: twenty wrong codes from one address locked out a whole venue."""
    from django.test import Client

    gokker = Client()
    gokker.get(reverse("condities:doe_mee"))  # a browser with a session, like every phone
    for i in range(CODE_LIMIT):
        assert gokker.get(reverse("condities:doe_mee"), {"code": f"GOK{i:04d}"}).status_code == 404
    assert gokker.get(reverse("condities:doe_mee"), {"code": "NOGEEN"}).status_code == 429
    # Another phone on the same Wi-Fi (same address) types the right code and joins.
    buurman = Client()
    buurman.get(reverse("condities:doe_mee"))
    response = buurman.get(reverse("condities:doe_mee"), {"code": wereld.sessie.code})
    assert response.status_code == 302
    assert buurman.get(response["Location"]).status_code == 200


def test_guesses_on_the_questions_page_count_too(client, wereld):
    """Found in the review: /doe-mee/<code>/vragen/ answered every guess without counting."""
    client.get(reverse("condities:doe_mee"))
    for i in range(CODE_LIMIT):
        response = client.get(reverse("condities:vragen", kwargs={"code": f"GOK{i:04d}"}))
        assert response.status_code == 404
    response = client.get(reverse("condities:vragen", kwargs={"code": "NOGEEN"}))
    assert response.status_code == 429
