"""The presenter's live region: rendered once, shared by every screen, cheap to poll.

Every screen that shows a session's presenter view polls its live region every 3 s. The region
is the same for every viewer, so it is rendered at most once per `LIVE_MAX_AGE` seconds and kept
in the cache; each viewer's own CSRF token (for the reveal buttons) and poll token are put in on
the way out.

The poll token lets a screen that passed the full access check (session, user, role, session of
this practice) poll for a short while without repeating it: it is signed, names the user, the
practice and the session, is bound to the browser's login session cookie and is sent in a header
(never in the URL, so it does not end up in access logs). After `RECHECK_SECONDS` the next poll does
the full check again and gets a fresh token: taking away someone's role shows within a minute,
logging out at once (the session cookie changes).
"""

import contextlib
import hashlib

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from condities import charts, selectors
from condities.models import Sessie
from netwerk.models import User
from praktijken.models import Praktijk

TOKEN_HEADER = "X-Presenter-Token"  # noqa: S105 (a header name, not a secret)
RECHECK_SECONDS = 60
CSRF_PLACEHOLDER = "__lp_csrf_token__"
TOKEN_PLACEHOLDER = "__lp_presenter_token__"  # noqa: S105 (a placeholder)
_SALT = "condities.live"


def _key(sessie_pk: int, language: str) -> str:
    return f"condities:live:{sessie_pk}:{language}"


def forget(*, sessie_pk: int) -> None:
    """Drop the shared region after a reveal, opening or closing: the next poll shows it."""
    with contextlib.suppress(Exception):  # the cache is away: nothing is shared either
        cache.delete_many([_key(sessie_pk, code) for code, _name in settings.LANGUAGES])


def _fingerprint(request: HttpRequest) -> str:
    cookie = request.COOKIES.get(settings.SESSION_COOKIE_NAME, "")
    return hashlib.sha256(cookie.encode()).hexdigest()[:24]


def _token_for(request: HttpRequest, *, user: User, slug: str, sessie_pk: int) -> str:
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


def _finish(request: HttpRequest, html: str, token: str) -> SafeString:
    html = html.replace(CSRF_PLACEHOLDER, get_token(request)).replace(TOKEN_PLACEHOLDER, token)
    return mark_safe(html)  # our own rendered template; both tokens are URL-safe text


def shared_html(request: HttpRequest, *, slug: str, sessie_pk: int) -> SafeString | None:
    """The shared region for a screen with a fresh poll token, or None: do the full check."""
    token = _token_valid(request, slug=slug, sessie_pk=sessie_pk)
    if token is None:
        return None
    try:
        html = cache.get(_key(sessie_pk, get_language()))
    except Exception:  # the cache is away
        return None
    return _finish(request, html, token) if html is not None else None


def html(request: HttpRequest, *, praktijk: Praktijk, sessie: Sessie) -> SafeString:
    """The region for a viewer who passed the full access check, with a fresh poll token."""
    key = _key(sessie.pk, get_language())
    try:
        rendered = cache.get(key)
    except Exception:  # the cache is away: render, as without one
        rendered = None
    if rendered is None:
        resultaten = selectors.sessie_resultaten_live(sessie=sessie)
        context = {
            "praktijk": praktijk,
            "sessie": sessie,
            "live_url": reverse(
                "condities:presentatie_live", kwargs={"slug": praktijk.slug, "pk": sessie.pk}
            ),
            "token_header": TOKEN_HEADER,
            "token": TOKEN_PLACEHOLDER,
            "csrf_token": CSRF_PLACEHOLDER,
            "resultaten": resultaten,
            # Only what the room has been shown: an unrevealed condition stays off the chart.
            "radar": charts.radar(
                waarden=[(c.label, c.totaal.gemiddelde) for c in resultaten.condities if c.onthuld]
            ),
        }
        # Without the request: nothing of one viewer may end up in what all viewers get.
        rendered = render_to_string("condities/presentatie.html#live", context)
        with contextlib.suppress(Exception):
            cache.set(key, rendered, selectors.LIVE_MAX_AGE)
    token = _token_for(request, user=request.user, slug=praktijk.slug, sessie_pk=sessie.pk)
    return _finish(request, rendered, token)
