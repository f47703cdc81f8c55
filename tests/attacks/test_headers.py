"""Secure headers on every page, a strict CSP the pages keep to, and production's transport rules.

The pages are found from the URL resolver: every address of the practice that answers a
facilitator (or an anonymous visitor) with HTML is checked, so a new page cannot escape.
"""

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse

from tests.attacks.fuzz import APPS, concrete_path, url_patterns
from tests.factories.netwerk import PASSWORD

pytestmark = pytest.mark.django_db

BASE_DIR = Path(django_settings.BASE_DIR)
EVENT_ATTRIBUTE = re.compile(r"^on[a-z]+$")


class InlineFinder(HTMLParser):
    """Collects what a strict CSP would block: inline styles, event handlers, script URLs and
    scripts without the response's nonce."""

    def __init__(self, nonce: str) -> None:
        super().__init__(convert_charrefs=True)
        self.nonce = nonce
        self.problems: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        for name, value in attrs:
            if EVENT_ATTRIBUTE.match(name):
                self.problems.append(f"<{tag} {name}=…>: an inline event handler")
            if name == "style":
                self.problems.append(f"<{tag} style=…>: an inline style")
            if name in ("href", "src", "action", "formaction") and (
                value or ""
            ).strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}=javascript:…>")
        if tag == "style":
            self.problems.append("<style>: an inline style block")
        if tag == "script":
            self.scripts += 1
            if attributes.get("nonce") != self.nonce:
                self.problems.append(f"<script {attributes}>: without this response's nonce")

    handle_startendtag = handle_starttag


def nonce_of(response) -> str:
    match = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"])
    return match.group(1) if match else ""


def assert_strict_page(response, label: str) -> None:
    policy = response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy, label
    assert "'unsafe-eval'" not in policy, label
    assert "default-src 'self'" in policy, label
    assert "frame-ancestors 'none'" in policy, label
    assert "object-src 'none'" in policy, label
    assert "base-uri 'none'" in policy, label
    finder = InlineFinder(nonce_of(response))
    finder.feed(response.content.decode())
    assert not finder.problems, (label, finder.problems)
    assert response["X-Frame-Options"] == "DENY", label
    assert response["X-Content-Type-Options"] == "nosniff", label
    assert response["Referrer-Policy"] == "same-origin", label
    assert response["Cross-Origin-Opener-Policy"] == "same-origin", label


def is_html(response) -> bool:
    return response.status_code == 200 and response["Content-Type"].startswith("text/html")


def html_pages(client, wereld, *, htmx: bool = False) -> list[tuple[str, object]]:
    pages = []
    for patroon in url_patterns():
        if patroon.name.split(":")[0] not in APPS:
            continue
        path = concrete_path(patroon.route, wereld.path_values(patroon.name))
        response = client.get(path, headers={"HX-Request": "true"} if htmx else {})
        assert response.status_code < 500, path
        if is_html(response):
            pages.append((path, response))
    return pages


def test_every_page_of_the_practice_keeps_to_the_csp_and_has_the_secure_headers(client, wereld):
    wereld.vullen()
    client.force_login(wereld.user("facilitator"))
    pages = html_pages(client, wereld)
    # The main pages are among them (they answered 200 with HTML).
    paths = {path for path, _response in pages}
    for name, kwargs in [
        ("overzicht:dashboard", {"slug": "stein"}),
        ("netwerk:kaart", {"slug": "stein"}),
        ("experimenten:lijst", {"slug": "stein"}),
        ("experimenten:detail", {"slug": "stein", "pk": wereld.experiment.pk}),
        ("condities:sessies", {"slug": "stein"}),
        ("condities:scherm", {"slug": "stein", "pk": wereld.sessie.pk}),
        ("condities:bediening", {"slug": "stein", "pk": wereld.sessie.pk}),
        ("condities:sessie_rapport", {"slug": "stein", "pk": wereld.sessie.pk}),
        ("condities:praktijk_rapport", {"slug": "stein"}),
        ("mantelzorg:inbox", {"slug": "stein"}),
        ("mantelzorg:overzicht", {"slug": "stein"}),
    ]:
        assert reverse(name, kwargs=kwargs) in paths, name
    assert len(pages) > 35
    for path, response in pages:
        assert_strict_page(response, path)


def test_htmx_partials_keep_to_the_csp_too(client, wereld):
    wereld.vullen()
    client.force_login(wereld.user("facilitator"))
    pages = html_pages(client, wereld, htmx=True)
    assert len(pages) > 35
    for path, response in pages:
        finder = InlineFinder(nonce_of(response))
        finder.feed(response.content.decode())
        assert not finder.problems, (path, finder.problems)


def test_public_pages_keep_to_the_csp(client, wereld):
    """Home, login, joining a session, the answer page, the carers' form and its thanks."""
    wereld.vullen()
    code = wereld.sessie.code
    paths = [
        "/",
        reverse("account_login"),
        reverse("account_request_login_code"),
        reverse("account_reset_password"),
        reverse("condities:doe_mee"),
        reverse("condities:doe_mee") + "?code=ONBEKEND",
        reverse("condities:doe_mee_code", kwargs={"code": code}),
        reverse("mantelzorg:formulier", kwargs={"slug": "stein"}),
        reverse("mantelzorg:bedankt", kwargs={"slug": "stein"}),
        reverse("netwerk:bevestigen", kwargs={"token": wereld.bevestiging_token}),
        reverse("netwerk:bevestigen", kwargs={"token": "kapot"}),
        reverse(
            "netwerk:uitnodiging_accepteren", kwargs={"token": wereld.open_uitnodiging().token}
        ),
        reverse("netwerk:uitnodiging_accepteren", kwargs={"token": "onbekend"}),
        "/bestaat-niet/",
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code in (200, 400, 404), path
        assert_strict_page(response, path)
    # Joined: the answer page, an answer saved with htmx, and the thanks page.
    client.post(
        reverse("condities:doe_mee_code", kwargs={"code": code}), {"organisatie": "mantelzorger"}
    )
    for path in [
        reverse("condities:vragen", kwargs={"code": code}),
        reverse("condities:klaar", kwargs={"code": code}),
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_strict_page(response, path)
    response = client.post(
        reverse("condities:antwoord", kwargs={"code": code}),
        {f"s{wereld.stellingen[0].pk}": "4"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert_strict_page(response, "antwoord (htmx)")


def test_the_rate_limit_page_keeps_to_the_csp(client, wereld):
    for _ in range(25):
        response = client.get(reverse("condities:doe_mee_code", kwargs={"code": "GEENCODE"}))
    assert response.status_code == 429
    assert_strict_page(response, "429")


# -- production settings -------------------------------------------------------------------


def production_env() -> dict[str, str]:
    """The environment of `make deploy-check`: debug off, a real secret, PostgreSQL and Redis."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="een-lang-geheim-" + "x" * 60,
        DJANGO_ALLOWED_HOSTS="lerendepraktijk.example",
        DATABASE_URL="postgres://lp@127.0.0.1:5432/lp",
        REDIS_URL="redis://127.0.0.1:6379/0",
        EMAIL_URL="smtp://mail.example:587?tls=1",
    )
    return env


def test_check_deploy_is_clean_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


SECURITY_SETTINGS = [
    "SECURE_SSL_REDIRECT",
    "SECURE_REDIRECT_EXEMPT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "X_FRAME_OPTIONS",
]


@pytest.fixture
def production(settings):
    """The transport settings exactly as production computes them (read in a subprocess)."""
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        f"print(json.dumps({{n: getattr(s, n) for n in {SECURITY_SETTINGS!r}}}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    for name, value in values.items():
        setattr(settings, name, value)
    settings.DEBUG = False
    return Client()  # made after the change: the security middleware reads the settings once


def test_production_redirects_plain_http_to_https(production):
    response = production.get("/")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def test_production_keeps_the_health_check_on_plain_http(production):
    assert production.get("/healthz/").status_code != 301


def test_production_sends_hsts_and_secure_cookies_over_https(production, wereld):
    response = production.get(reverse("account_login"), secure=True)
    assert response.status_code == 200
    hsts = response["Strict-Transport-Security"]
    assert "max-age=31536000" in hsts
    assert "includeSubDomains" in hsts
    assert "preload" in hsts
    csrf_cookie = response.cookies[django_settings.CSRF_COOKIE_NAME]
    assert csrf_cookie["secure"]

    response = production.post(
        reverse("account_login"),
        {
            "login": wereld.user("lid").email,
            "password": PASSWORD,
            "csrfmiddlewaretoken": csrf_cookie.value,
        },
        secure=True,
        headers={"Referer": "https://testserver/accounts/login/"},
    )
    assert response.status_code == 302
    session_cookie = response.cookies[django_settings.SESSION_COOKIE_NAME]
    assert session_cookie["secure"]
    assert session_cookie["httponly"]
    assert session_cookie["samesite"] == "Lax"
