"""The cache behind the presenter's shared live region: its key, and dropping it.

Services drop the region when what it shows changes (opening, a reveal, closing) without
importing the request and template code that renders it (`condities.live`).
"""

import contextlib

from django.conf import settings
from django.core.cache import cache


def live_key(sessie_pk: int, language: str) -> str:
    """The cache key of a session's shared live region in one language."""
    return f"condities:presenter:{sessie_pk}:{language}"


def live_forget(*, sessie_pk: int) -> None:
    """Drop the shared region after a reveal, opening or closing: the next poll shows it."""
    with contextlib.suppress(Exception):  # the cache is away: nothing is shared either
        cache.delete_many([live_key(sessie_pk, code) for code, _name in settings.LANGUAGES])
