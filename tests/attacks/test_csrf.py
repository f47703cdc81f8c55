"""CSRF: every address of the project refuses a POST without a valid token, and changes nothing.

The addresses come from the URL resolver (recursively through the includes), so a new view is
covered the moment it gets a URL. No view is exempt from the CSRF check; one that is fails here.
"""

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import resolve, reverse

from netwerk.models import Afspraak, User
from tests.attacks.fuzz import concrete_path, url_patterns

pytestmark = pytest.mark.django_db

# Views deliberately without CSRF protection, by URL name, each with its reason. There are none:
# every form and every htmx request of the project carries the token.
EXEMPT: dict[str, str] = {}

# A plausible form body: a missing token must be refused however convincing the rest looks.
BODY = {
    "naam": "Aanval",
    "titel": "Aanval",
    "onderwerp": "planning",
    "afspraak": "Aanval",
    "rol": "facilitator",
    "email": "aanvaller@kwaad.example",
    "login": "facilitator@stein.example",
    "password": "geraden",
    "organisatie": "mantelzorger",
    "conditie": "alle",
    "status": "afgerond",
    "is_open": "",
    "klopt_nog": "1",
}


CLOSED_ON_PURPOSE = {"account_email_closed", "admin_login_limited"}


def all_paths(wereld) -> list[tuple[str, str]]:
    """Every URL pattern as (name, concrete path), checked to resolve to its own view."""
    paths = []
    for patroon in url_patterns():
        path = concrete_path(patroon.route, wereld.path_values(patroon.name))
        match = resolve(path)
        # A library's page we close (config/urls.py) shadows it on purpose.
        shadowed = match.url_name in CLOSED_ON_PURPOSE
        assert match.func == patroon.callback or not patroon.name or shadowed, (patroon.name, path)
        paths.append((patroon.name or patroon.route, path))
    return paths


def everything() -> dict[str, list]:
    """Every row of every model of the project, and the users and sessions."""
    models = [
        m
        for m in apps.get_models()
        if m._meta.app_label in ("praktijken", "netwerk", "experimenten", "condities", "account")
    ]
    return {m._meta.label: list(m.objects.order_by("pk").values()) for m in models}


def test_no_view_is_exempt_from_csrf_unless_listed():
    exempt = {
        p.name or p.route for p in url_patterns() if getattr(p.callback, "csrf_exempt", False)
    }
    assert exempt == set(EXEMPT), sorted(exempt ^ set(EXEMPT))


@pytest.mark.parametrize("persona", ["anonymous", "facilitator"])
def test_a_post_without_a_token_is_refused_everywhere_and_changes_nothing(wereld, persona):
    wereld.vullen()
    client = Client(enforce_csrf_checks=True)
    if persona != "anonymous":
        client.force_login(wereld.user(persona))
    paths = all_paths(wereld)  # makes the objects the addresses point to
    sessions = Session.objects.count()
    before = everything()
    assert len(paths) > 200  # ours, allauth's and the admin's
    for name, path in paths:
        response = client.post(path, BODY, headers={"HX-Request": "true"})
        assert response.status_code == 403, (name, path, response.status_code)
        # Refused by the CSRF check itself, not by an access check further on.
        assert "403_csrf.html" in [t.name for t in response.templates], (name, path)
    assert everything() == before
    assert Session.objects.count() == sessions


def test_a_token_from_another_browser_is_refused(wereld):
    victim = Client(enforce_csrf_checks=True)
    victim.force_login(wereld.user("kerngroeplid"))
    victim.get(reverse("netwerk:afspraak_nieuw", kwargs={"slug": "stein"}))
    attacker = Client(enforce_csrf_checks=True)
    attacker.get(reverse("account_login"))
    stolen_elsewhere = attacker.cookies["csrftoken"].value
    before = Afspraak.objects.count()
    response = victim.post(
        reverse("netwerk:afspraak_nieuw", kwargs={"slug": "stein"}),
        {"onderwerp": "planning", "afspraak": "Aanval", "csrfmiddlewaretoken": stolen_elsewhere},
        headers={"X-CSRFToken": stolen_elsewhere},
    )
    assert response.status_code == 403
    assert Afspraak.objects.count() == before


def test_a_post_from_another_site_is_refused_even_with_a_token(wereld, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    client = Client(enforce_csrf_checks=True)
    client.force_login(wereld.user("kerngroeplid"))
    url = reverse("netwerk:afspraak_nieuw", kwargs={"slug": "stein"})
    client.get(url, secure=True)
    token = client.cookies["csrftoken"].value
    before = Afspraak.objects.count()
    response = client.post(
        url,
        {"onderwerp": "planning", "afspraak": "Aanval", "csrfmiddlewaretoken": token},
        secure=True,
        headers={"Origin": "https://kwaad.example", "Referer": "https://kwaad.example/"},
    )
    assert response.status_code == 403
    assert Afspraak.objects.count() == before


def test_with_the_token_the_same_post_works(wereld):
    """The refusals above are about the token: with it, a form and an htmx request go through."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(wereld.user("kerngroeplid"))
    url = reverse("netwerk:afspraak_nieuw", kwargs={"slug": "stein"})
    client.get(url)
    token = client.cookies["csrftoken"].value
    response = client.post(
        url, {"onderwerp": "planning", "afspraak": "Samen plannen.", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    response = client.post(
        reverse("experimenten:stap_nieuw", kwargs={"slug": "stein", "pk": wereld.experiment.pk}),
        {"stap-datum": "2026-01-05", "stap-wat": "Gebeld."},
        headers={"HX-Request": "true", "X-CSRFToken": token},
    )
    assert response.status_code == 200
    assert wereld.experiment.stappen.filter(wat="Gebeld.").exists()


def test_every_page_puts_the_token_where_htmx_finds_it(client, wereld):
    client.force_login(wereld.user("lid"))
    page = client.get(reverse("overzicht:dashboard", kwargs={"slug": "stein"})).text
    assert 'hx-headers=\'{"X-CSRFToken": "' in page


def test_login_without_a_token_logs_nobody_in(wereld):
    client = Client(enforce_csrf_checks=True)
    user = wereld.user("lid")
    response = client.post(reverse("account_login"), {"login": user.email, "password": "x"})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session
    assert User.objects.filter(pk=user.pk, last_login__isnull=False).count() == 0
