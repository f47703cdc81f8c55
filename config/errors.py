"""The server-error handler: a clean 503 page while the database is unreachable.

Django calls `handler500` (config/urls.py) for every exception nothing else handled, wherever it
was raised: in a view, in a template, or in a middleware (the session and the logged-in user
are read from the database before the view runs). When that exception is the database being
away (PostgreSQL restarting, the connection cut), the visitor gets a short Dutch 503 page with
`Retry-After` instead of the 500 page; everything else keeps the 500 page.

The page is rendered without the request, so it needs no user, session or database. With
DJANGO_DEBUG on, Django shows its debug page instead, as for any error. `/healthz/` catches the
database error itself and answers its own JSON 503.
"""

import sys

from django.contrib.auth.decorators import login_not_required
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest, HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.views import defaults

DATABASE_ERRORS = (OperationalError, InterfaceError)
# Seconds a client (or a proxy) is asked to wait before trying again.
RETRY_AFTER_SECONDS = 5


def is_database_unavailable(error: BaseException | None) -> bool:
    """True when `error`, or an error it was raised from, means the database is unreachable."""
    seen = 0
    while error is not None and seen < 10:
        if isinstance(error, DATABASE_ERRORS):
            return True
        error = error.__cause__ or error.__context__
        seen += 1
    return False


def database_unavailable(request: HttpRequest | None = None) -> HttpResponse:
    """The 503 page; never cached, with Retry-After."""
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def server_error(request: HttpRequest, template_name: str = "500.html") -> HttpResponse:
    """handler500: 503 when the database is away, otherwise Django's 500 page."""
    if is_database_unavailable(sys.exception()):
        return database_unavailable(request)
    return defaults.server_error(request, template_name=template_name)


@login_not_required
def not_offered(request: HttpRequest) -> HttpResponse:
    """A page a library we use offers but the product does not: not found, for everyone."""
    raise Http404
