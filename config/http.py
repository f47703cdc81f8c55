"""Request types for annotating views; at run time they are Django's own HttpRequest.

django-htmx's middleware sets `request.htmx`, and LoginRequiredMiddleware lets only a logged-in
user reach a view that is not marked `@login_not_required`. These classes tell the type checker
so; nothing constructs them.
"""

from typing import TYPE_CHECKING

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

if TYPE_CHECKING:
    # django-stubs resolves this alias to settings.AUTH_USER_MODEL (netwerk.User), so config
    # names the account model without importing an app.
    from django.contrib.auth.models import _User

# The account model as a type, for code that may not import netwerk (praktijken, config).
type AccountUser = _User


class HtmxHttpRequest(HttpRequest):
    """Any request that went through django-htmx's middleware, logged in or not."""

    htmx: HtmxDetails


class AuthenticatedHttpRequest(HtmxHttpRequest):
    """A request of a logged-in user: what every view without `@login_not_required` gets."""

    user: AccountUser
