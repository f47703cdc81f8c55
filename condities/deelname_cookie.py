"""Which participants a browser is, for guests: their tokens in a signed cookie.

Every answer click and page of every phone asks who the browser is. Kept in the login session
(as before issue #13) that meant reading the session from Redis on each click; in a cookie of
its own it comes with the request. The cookie holds [[sessie_id, token], ...] for the guest
places this browser joined (at most MAX_PLAATSEN, the newest kept), signed with the app's
secret and a time stamp so that it cannot be made up, stuffed with guesses or kept past
SESSION_COOKIE_AGE; HttpOnly, and as secure as the session cookie. A member's place stays with
their account (the login session), so that logging out on a shared computer also ends it.
"""

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse

COOKIE = "lp_deelname"
MAX_PLAATSEN = 10


def _signer() -> signing.TimestampSigner:
    return signing.get_cookie_signer(salt="condities.deelname_cookie")


def tokens(request: HttpRequest) -> dict[str, str]:
    """The guest places' tokens this browser holds: {sessie_id: token} (empty when the cookie
    is missing, tampered with, too old or not ours)."""
    waarde = request.COOKIES.get(COOKIE)
    if not waarde:
        return {}
    try:
        paren = _signer().unsign_object(waarde, max_age=settings.SESSION_COOKIE_AGE)
    except (signing.BadSignature, ValueError):
        return {}
    if not isinstance(paren, list):
        return {}
    return {
        str(paar[0]): paar[1]
        for paar in paren[-MAX_PLAATSEN:]
        if isinstance(paar, list) and len(paar) == 2 and isinstance(paar[1], str)
    }


def remember(request: HttpRequest, response: HttpResponse, sessie_id: int, token: str) -> None:
    """Add a guest place to the browser's cookie, on the response that follows the join."""
    plaatsen = [[s, t] for s, t in tokens(request).items() if s != str(sessie_id)]
    plaatsen.append([str(sessie_id), token])
    response.set_cookie(
        COOKIE,
        _signer().sign_object(plaatsen[-MAX_PLAATSEN:], compress=True),
        max_age=settings.SESSION_COOKIE_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
