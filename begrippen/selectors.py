"""Reads of the vocabulary."""

import contextlib

from django.core.cache import cache, caches
from django.db.models import QuerySet
from django.http import Http404

from begrippen.models import Begrip
from praktijken.models import Praktijk


def begrippen_for_praktijk(*, praktijk: Praktijk) -> QuerySet[Begrip]:
    """All terms of the practice, settled and suggested, with who suggested them."""
    return Begrip.objects.filter(praktijk=praktijk).select_related("voorgesteld_door")


def begrippen_vastgesteld(*, praktijk: Praktijk) -> list[Begrip]:
    """The settled terms of the practice: what the glossary and the marked texts show."""
    return list(Begrip.objects.filter(praktijk=praktijk, status=Begrip.Status.VASTGESTELD))


# The settled terms of a practice as the marked texts need them, kept in the cache: the phone's
# questions page shows them on every page of every phone (issue #13's hot path). Dropped when a
# term or the practice changes (begrippen/apps.py), else after BEGRIPPEN_CACHE_SECONDS.
BEGRIPPEN_CACHE_SECONDS = 300
# Each worker also keeps them in its own memory for a few seconds: a questions page marks five
# statements, and asked Redis five times (issue #13). Another worker sees a changed term after
# at most these seconds; the worker where it changed, at once.
BEGRIPPEN_PROCES_SECONDS = 10


def _cache_key(praktijk_id: int) -> str:
    return f"begrippen:vastgesteld:{praktijk_id}"


def begrippen_voor_markeren(
    *, praktijk_id: int, slug: str | None = None
) -> tuple[str, list[tuple[str, str]]] | None:
    """The practice's slug and its settled terms as (term, anchor), from the cache when it has
    them (no query), else from the database (1 query, 2 without the slug). None for an unknown
    practice."""
    key = _cache_key(praktijk_id)
    proces = caches["proces"]
    waarde = proces.get(key)
    if waarde is not None:
        return waarde
    try:
        waarde = cache.get(key)
    except Exception:  # the cache is away: read the database, as without one
        waarde = None
    if waarde is None:
        if slug is None:
            slug = Praktijk.objects.filter(pk=praktijk_id).values_list("slug", flat=True).first()
        if slug is None:
            return None
        termen = [
            (b.term, b.anker)
            for b in Begrip.objects.filter(
                praktijk_id=praktijk_id, status=Begrip.Status.VASTGESTELD
            )
        ]
        waarde = (slug, termen)
        with contextlib.suppress(Exception):
            cache.set(key, waarde, BEGRIPPEN_CACHE_SECONDS)
    proces.set(key, waarde, BEGRIPPEN_PROCES_SECONDS)
    return waarde


def begrippen_vergeten(*, praktijk_id: int) -> None:
    """Drop the cached terms of a practice (a term or the practice changed)."""
    caches["proces"].delete(_cache_key(praktijk_id))
    with contextlib.suppress(Exception):
        cache.delete(_cache_key(praktijk_id))


def praktijk_for_woordenlijst(*, slug: str) -> Praktijk:
    """The practice whose public glossary is asked for, or 404."""
    praktijk = Praktijk.objects.filter(slug=slug).first()
    if praktijk is None:
        raise Http404
    return praktijk
