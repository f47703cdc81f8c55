"""The presenter's live region: rendered once, shared by every screen, cheap to poll.

Every screen that shows a session's presenter view polls its live region every 3 s. The region
is the same for every viewer, so it is rendered at most once per `LIVE_MAX_AGE` seconds and kept
in the cache; each viewer's own CSRF token (for the reveal buttons) and poll token are put in on
the way out.

The poll token lets a screen that passed the full access check (session, user, role, session of
this practice) poll for a short while without repeating it: it is signed, names the user, the
practice and the session, is bound to the browser's login session cookie and is sent in a header
(never in the URL, so it does not end up in access logs). After `RECHECK_SECONDS` the next poll does
the full check again and gets a fresh token. Logging out in that browser stops the polls at once
(the session cookie changes); everything else that takes access away (a role or membership
removed, an account deactivated, sessions ended elsewhere) reaches a polling screen within
`RECHECK_SECONDS`.

The viewer's tokens are put in at placeholders that are random per render, so text that members
wrote (an organisation's name, a statement) can never ask for a token to be printed.
"""

import contextlib
import hashlib
import secrets

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from condities import charts
from condities.live_cache import live_key
from condities.models import Sessie
from condities.selectors.resultaten import LIVE_MAX_AGE, sessie_resultaten_live
from config.http import AccountUser
from praktijken.access import Toegang

TOKEN_HEADER = "X-Presenter-Token"  # noqa: S105 (a header name, not a secret)
RECHECK_SECONDS = 20
_SALT = "condities.live"


def _fingerprint(request: HttpRequest) -> str:
    cookie = request.COOKIES.get(settings.SESSION_COOKIE_NAME, "")
    return hashlib.sha256(cookie.encode()).hexdigest()[:24]


def _token_for(request: HttpRequest, *, user: AccountUser, slug: str, sessie_pk: int) -> str:
    return signing.dumps([user.pk, slug, sessie_pk, _fingerprint(request)], salt=_SALT)


def _token_valid(request: HttpRequest, *, slug: str, sessie_pk: int) -> str | None:
    """The poll token of this request when it is fresh and for this session and browser."""
    token = request.headers.get(TOKEN_HEADER, "")
    if not token or not request.COOKIES.get(settings.SESSION_COOKIE_NAME):
        return None
    try:
        _user, token_slug, token_pk, fingerprint = signing.loads(
            token, salt=_SALT, max_age=RECHECK_SECONDS
        )
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if (token_slug, token_pk, fingerprint) != (slug, sessie_pk, _fingerprint(request)):
        return None
    return token


def _finish(request: HttpRequest, shared: tuple[str, str, str], token: str) -> SafeString:
    """The shared (html, csrf placeholder, token placeholder) with this viewer's tokens put in."""
    html, csrf_placeholder, token_placeholder = shared
    html = html.replace(csrf_placeholder, get_token(request)).replace(token_placeholder, token)
    # Our own template, rendered with escaping; the tokens are URL-safe text.
    return mark_safe(html)


def shared_html(request: HttpRequest, *, slug: str, sessie_pk: int) -> SafeString | None:
    """The shared region for a screen with a fresh poll token, or None: do the full check."""
    token = _token_valid(request, slug=slug, sessie_pk=sessie_pk)
    if token is None:
        return None
    try:
        shared = cache.get(live_key(sessie_pk, get_language()))
    except Exception:  # the cache is away
        return None
    return _finish(request, shared, token) if shared is not None else None


def html(request: HttpRequest, *, toegang: Toegang, sessie: Sessie) -> SafeString:
    """The region for a viewer who passed the full access check (their `toegang` to the
    session's practice), with a fresh poll token."""
    praktijk = toegang.praktijk
    key = live_key(sessie.pk, get_language())
    try:
        shared = cache.get(key)
    except Exception:  # the cache is away: render, as without one
        shared = None
    if shared is None:
        csrf_placeholder = f"csrf-{secrets.token_hex(16)}"
        token_placeholder = f"token-{secrets.token_hex(16)}"
        resultaten = sessie_resultaten_live(sessie=sessie)
        context = {
            "praktijk": praktijk,
            "sessie": sessie,
            "live_url": reverse(
                "condities:presentatie_live", kwargs={"slug": praktijk.slug, "pk": sessie.pk}
            ),
            "token_header": TOKEN_HEADER,
            "token": token_placeholder,
            "csrf_token": csrf_placeholder,
            "resultaten": resultaten,
            # Only what the room has been shown: an unrevealed condition stays off the chart.
            "radar": charts.radar(
                waarden=[(c.label, c.totaal.gemiddelde) for c in resultaten.condities if c.onthuld]
            ),
        }
        # Without the request: nothing of one viewer may end up in what all viewers get.
        rendered = render_to_string("condities/presentatie.html#live", context)
        shared = (rendered, csrf_placeholder, token_placeholder)
        with contextlib.suppress(Exception):
            cache.set(key, shared, LIVE_MAX_AGE)
    token = _token_for(request, user=toegang.user, slug=praktijk.slug, sessie_pk=sessie.pk)
    return _finish(request, shared, token)
