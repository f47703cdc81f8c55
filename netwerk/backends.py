"""The login backends: Django's (password, and the logins the app makes itself) and allauth's
(email and password through its forms), each keeping the accounts it loads in the worker's memory
(issue #13: a member's page without the query for the account on every request).

Every request of a logged-in member reads its account (`get_user`); Django loads it from the
database each time. Here a worker keeps the account it loaded under the account's version in the
shared cache (praktijken.versie.ACCOUNTS) and reads only that short version on the next request:
a query less for a token from Redis. Any save or delete of the account takes a new version
(signals, connected in netwerk/apps.py: the admin, a changed password, a login's last_login; and
its memberships, praktijken/apps.py), so the next request loads it again; a password changed
elsewhere or an account switched off ends the login on its next request, as without this.

- Each request gets its own copy: nothing a request sets on its user (a permission cache) reaches
  another request.
- Kept at most KEPT_SECONDS: a new version that did not reach Redis (it was away) shows that much
  later.
- Only where the cache is shared by every worker (Redis: `AUTH_USERS_KEPT`); with each worker's
  own local memory a change in one worker would not reach the others.
- Nothing leaves the worker's memory: the shared cache holds only the version, not the account.
"""

import copy
from typing import Any

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.conf import settings
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.core.cache import caches

from config.versies import KEPT_SECONDS
from praktijken.versie import ACCOUNTS


def _key(user_id: Any) -> str:
    return f"netwerk:user:{user_id}"


class KeptUserMixin:
    def get_user(self, user_id: Any) -> Any:
        if not settings.AUTH_USERS_KEPT:
            return super().get_user(user_id)  # type: ignore[misc]
        versie = ACCOUNTS.current(user_id)
        if versie is None:
            return super().get_user(user_id)  # type: ignore[misc]
        kept = caches["proces"].get(_key(user_id))
        if kept is not None and kept[0] == versie:
            return copy.copy(kept[1])
        user = super().get_user(user_id)  # type: ignore[misc]
        if user is not None:
            caches["proces"].set(_key(user_id), (versie, copy.copy(user)), KEPT_SECONDS)
        return user


class ModelBackend(KeptUserMixin, DjangoModelBackend):
    """Django's backend, keeping the accounts it loads (see the module)."""


class AuthenticationBackend(KeptUserMixin, AllauthBackend):
    """allauth's backend, keeping the accounts it loads (see the module)."""
