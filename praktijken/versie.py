"""A version per practice of what every member of it sees alike: its dashboard's sections, which
overzicht.dashboard keeps rendered in the cache under this version (issue #13).

Any write that changes what those sections show takes a new version (`versie_bump`), so what was
kept under the old one is never served again. The version is a random token, not a counter: a
version lost from the cache (evicted, Redis restarted) can never come back as an old value that
an old rendering still carries.
"""

import contextlib
import secrets
from functools import partial

from django.core.cache import cache
from django.db import transaction

# A practice without writes for this long gets a new version when it is next read: nothing is
# lost but one rendering.
VERSIE_SECONDS = 24 * 60 * 60


def versie_key(praktijk_id: int) -> str:
    """The cache key of the practice's current version."""
    return f"praktijk:versie:{praktijk_id}"


def versie_new() -> str:
    """A version no earlier version of any practice had."""
    return secrets.token_hex(8)


def _bump(praktijk_id: int) -> None:
    with contextlib.suppress(Exception):  # the cache is away: nothing is kept either
        cache.set(versie_key(praktijk_id), versie_new(), VERSIE_SECONDS)


def versie_bump(*, praktijk_id: int | None) -> None:
    """Give the practice a new version: at once, and again after the current transaction commits.

    At once, so that this transaction's later reads (and tests, whose transaction never commits)
    see it; after the commit, because a page that read the new version before the commit may
    have kept what it read of the data before the commit under it."""
    if praktijk_id is None:
        return
    _bump(praktijk_id)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(partial(_bump, praktijk_id))
