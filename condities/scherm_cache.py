"""What the room's screen keeps in the cache to answer its poll cheaply, and dropping it.

Every screen of a session (a projector, a laptop) polls its stage every 3 s. Two entries let a
poll be answered without the database:

- `stap_key`: the stage as last rendered for the session, per language and host (the join
  address depends on the host), fresh for LIVE_MAX_AGE seconds; while only the answers move it
  is answered up to STALE_SECONDS old once more, and one poll renders it again after sending it
  (condities.views_scherm._stap_gedeeld). It holds nothing of a viewer.
  Services drop it when what the stage shows changes (`scherm_forget`: opening, a new stage, a
  reveal or hide, closing), so the next poll shows the change.
- `toegang_key`: this browser passed the full access check (its login, the practice, its role,
  the session) for this session less than RECHECK_SECONDS ago. It is named by a hash of the
  browser's login session cookie, so it is of no use to a browser without that cookie. Logging
  out ends it at once for the browser that logs out (its cookie changes); a copy of the old
  cookie value used elsewhere, and anything else that takes access away (a role changed, a
  membership or account ended, the login expired or timed out), reaches a polling screen within
  RECHECK_SECONDS, when the full check runs again. A hide or a close can likewise show on a
  screen up to LIVE_MAX_AGE late, when a poll rendered just before it.
"""

import contextlib
import hashlib
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

RECHECK_SECONDS = 20


def stap_key(sessie_pk: int, language: str) -> str:
    """The cache key of a session's last rendered stage in one language ({host: html})."""
    return f"condities:scherm:stap:v2:{sessie_pk}:{language}"


def toegang_key(cookie: str, slug: str, sessie_pk: int) -> str:
    """The cache key saying that the browser with this session cookie may see this screen."""
    browser = hashlib.sha256(cookie.encode()).hexdigest()
    return f"condities:scherm:toegang:{browser}:{slug}:{sessie_pk}"


def _drop(sessie_pk: int) -> None:
    with contextlib.suppress(Exception):  # the cache is away: nothing is kept either
        cache.delete_many([stap_key(sessie_pk, code) for code, _name in settings.LANGUAGES])


def scherm_forget(*, sessie_pk: int) -> None:
    """Drop the session's last rendered stage: the next poll renders what it shows now. Dropped
    at once and again after the commit (a poll in between may have kept the old stage)."""
    _drop(sessie_pk)
    transaction.on_commit(partial(_drop, sessie_pk))
