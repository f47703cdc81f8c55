"""Versions in the shared cache of what a worker keeps outside the database (issue #13): per
practice, what every member sees alike on its dashboard (praktijken.versie); per user, the
account a login reads on every request (netwerk.backends).

Whoever keeps something reads its version first and keeps what it made under that version; any
write that changes what it shows takes a new version (`bump`), so what was kept under the old one
is never served again. A version is a random token, not a counter: a version lost from the cache
(evicted, Redis restarted) can never come back as an old value that an old copy still carries.
"""

import logging
import secrets
from functools import partial

from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)

# The longest a worker serves a copy it keeps under a version: a new version that did not reach
# Redis (it was away at that moment) shows this much later (netwerk.backends, praktijken.access).
KEPT_SECONDS = 60

# A thing without writes for this long gets a new version when it is next read: nothing is lost
# but one rendering or one query.
VERSIE_SECONDS = 24 * 60 * 60


def versie_new() -> str:
    """A version no earlier version of anything had."""
    return secrets.token_hex(8)


def _write(key: str, versie: str) -> bool:
    set_always = getattr(cache, "set_always", None)  # ResilientRedisCache (config.cache)
    try:
        if set_always is not None:
            return bool(set_always(key, versie, VERSIE_SECONDS))
        cache.set(key, versie, VERSIE_SECONDS)
    except Exception:  # the cache holds what this code cannot read, or is away
        return False
    return True


class Versies:
    """The versions of one kind of thing, by id, under cache keys `<soort>:versie:<id>`."""

    def __init__(self, soort: str) -> None:
        self.soort = soort

    def key(self, id_: int) -> str:
        """The cache key of the thing's current version."""
        return f"{self.soort}:versie:{id_}"

    def _set(self, id_: int) -> None:
        # Tried even in the few seconds a worker skips Redis after a failed call; what a worker
        # keeps under the old version is served until KEPT_SECONDS when this cannot be written.
        if _write(self.key(id_), versie_new()):
            return
        logger.error(
            "could not give %s %s a new version: what workers keep of it may be served for up "
            "to %s s",
            self.soort,
            id_,
            KEPT_SECONDS,
        )

    def bump(self, id_: int | None) -> None:
        """Give the thing a new version: at once, and again after the current transaction
        commits.

        At once, so that this transaction's later reads (and tests, whose transaction never
        commits) see it; after the commit, because a reader that read the new version before the
        commit may have kept what it read of the data before the commit under it."""
        if id_ is None:
            return
        self._set(id_)
        if transaction.get_connection().in_atomic_block:
            transaction.on_commit(partial(self._set, id_), robust=True)

    def current(self, id_: int) -> str | None:
        """The version to keep a fresh copy under, read from the cache; None when nothing may be
        kept (the cache cannot be read, or a write took a version while this one was being made).

        When there is none yet (the first read, or it was lost), the thing gets one of its own."""
        key = self.key(id_)
        try:
            versie = cache.get(key)
            if versie is None:
                versie = versie_new()
                if not cache.add(key, versie, VERSIE_SECONDS):
                    return None
        except Exception:  # the cache holds what this code cannot read, or is away
            return None
        return versie
