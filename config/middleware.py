"""Response headers every page gets (what the browser may use, and what it may keep), and the
idle timeout of a login that is not remembered."""

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

# The app uses none of these browser features; a page (or anything injected) may not either.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)


class PrivacyHeadersMiddleware:
    """`Permissions-Policy` on every response; `Cache-Control: private, no-store` on every
    response to a browser with a session (logged in, or a participant) and on every download, so
    that neither a shared computer's browser nor a proxy keeps a copy.

    The session cookie decides, not `request.user`: reading the user costs a database query,
    and the room's screen's polls must not make one."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        has_session = settings.SESSION_COOKIE_NAME in request.COOKIES
        download = response.headers.get("Content-Disposition", "").startswith("attachment")
        if has_session or download:
            patch_cache_control(response, private=True, no_store=True)
        return response


class ChosenLanguageMiddleware:
    """Dutch (LANGUAGE_CODE) unless the user chose another language with the switch, which
    `set_language` remembers in the language cookie. The browser's Accept-Language is never read:
    the product is Dutch, also on a laptop or phone set to English. (Django's LocaleMiddleware
    falls back to Accept-Language; the app has no language prefixes in its URLs.)"""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        try:
            language = translation.get_supported_language_variant(chosen)
        except LookupError:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


# The session's last request, in whole seconds since the epoch (a login that is not remembered).
LAATST_GEZIEN = "lp_laatst_gezien"
# The last-seen time is written at most this often: not a session write on every request.
LAATST_GEZIEN_SCHRIJVEN_SECONDEN = 60


def sessie_actief_markeren(request: HttpRequest) -> None:
    """Record a request now in the session (at login: the idle time starts afresh)."""
    request.session[LAATST_GEZIEN] = int(time.time())


class InactiefMiddleware:
    """A login that ends when the browser closes (a password login without "remember me", a
    login by code) also ends after `SESSIE_INACTIEF_MINUTEN` without a request: the next request
    is anonymous, and gets a message saying why. A remembered login keeps its own expiry.

    The check runs when the request first reads `request.user`, not before: a request that
    does not need the user makes no query for it, such as a poll of the room's screen soon after
    its full access check (condities.scherm_cache). That check runs again at least every
    RECHECK_SECONDS, so an open projector screen counts as activity and keeps its login (closing
    the screen lets the timeout run)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        request.user = SimpleLazyObject(lambda: self._checked(request, user))  # type: ignore[assignment]
        return self.get_response(request)

    def _checked(self, request: HttpRequest, user: Any) -> Any:
        if not user.is_authenticated or not request.session.get_expire_at_browser_close():
            return user
        nu = int(time.time())
        laatst = request.session.get(LAATST_GEZIEN)
        if laatst is not None and nu - laatst > settings.SESSIE_INACTIEF_MINUTEN * 60:
            request.user = user  # logout() reads the user it logs out
            logout(request)
            messages.info(request, _("You were not active for a while. Please log in again."))
            return request.user
        if laatst is None or nu - laatst >= LAATST_GEZIEN_SCHRIJVEN_SECONDEN:
            request.session[LAATST_GEZIEN] = nu
        return user
