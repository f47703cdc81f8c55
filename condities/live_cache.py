"""The cache of what the room's screen shares between viewers: its key, and dropping it.

Services drop it when what the screen shows changes (opening, the stage, a reveal, closing)
without importing the request and template code that renders it.
"""

import contextlib

from django.conf import settings
from django.core.cache import cache


def live_key(sessie_pk: int, language: str) -> str:
    """The cache key of a session's shared screen in one language."""
    return f"condities:presenter:{sessie_pk}:{language}"


def live_forget(*, sessie_pk: int) -> None:
    """Drop what is shared after a reveal, opening, closing or a new stage: the next poll shows
    it."""
    with contextlib.suppress(Exception):  # the cache is away: nothing is shared either
        cache.delete_many([live_key(sessie_pk, code) for code, _name in settings.LANGUAGES])
