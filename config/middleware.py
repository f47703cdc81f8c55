"""Response headers every page gets: what the browser may use, and what it may keep."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

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
    and the presenter's polls must not make one."""

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
