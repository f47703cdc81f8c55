"""The dashboard's sections that every member of a practice sees alike, rendered once and kept in
the cache (issue #13: the dashboard at a quarter of a bare view's throughput or more).

What is kept, per practice and language: the partials of overzicht/_dashboard_gedeeld.html (the
practice's own name, theme and ambition; the next meeting; groups; experiments; conditions; what
carers say) as HTML, with the practice's version (praktijken.versie) they were rendered under and
the moment until which they hold: in the shared cache, and in each worker's memory once it has
served them, so that a view reads only the short version from Redis. They are rendered from the
practice and its data alone, without the request, so no user, role or CSRF token can end up in
them; the links that depend on the viewer's role stay in dashboard.html, rendered on every
request. Every figure in them passed
the disclosure rules before it was stored (condities.disclosure), as it did without the cache.

They are rendered anew, on the next view:
- after a write that changes what they show: the models in `BRONNEN` give the practice a new
  version on every save and delete (model signals, connected in overzicht/apps.py, so the admin,
  the demo and any new service count too), and condities.services.afsluiten does so for the
  scores it writes in bulk;
- when time changes what they show: the next meeting is over, a step done leaves the 30 days it
  is celebrated, a new day begins (the carers' months); whichever comes first;
- at the latest after DASHBOARD_CACHE_SECONDS (a minute): a backstop for a write that bypasses
  the model signals (a queryset's update(), raw SQL) and for a new version lost on its way to
  Redis, which show up to that much later.
Without a cache (Redis away) they are rendered on every view, as before.
"""

import contextlib
import datetime
import math
from collections.abc import Callable
from typing import Any

from django.core.cache import cache, caches
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from condities.models import Actie
from condities.selectors.acties import GEDAAN_VIERING_DAGEN
from netwerk.models import Deelname, Groep, Organisatie
from netwerk.selectors import groepen_namen_for_praktijk
from overzicht import selectors
from praktijken import selectors as praktijken_selectors
from praktijken.models import Bijeenkomst, Praktijk
from praktijken.versie import PRAKTIJKEN, versie_bump

TEMPLATE = "overzicht/_dashboard_gedeeld.html"
SECTIES = ("intro", "volgende", "groepen", "experimenten", "condities", "mantelzorg")
# The backstop: short, because a missed version costs this much staleness (a write by update(),
# or a version Redis did not take while this process skipped it, config/cache.py), and cheap,
# because a busy practice renders its sections once a minute instead of on every view.
DASHBOARD_CACHE_SECONDS = 60


def _key(praktijk_id: int, taal: str) -> str:
    return f"overzicht:dashboard:v2:{praktijk_id}:{taal}"


def dashboard_secties(*, praktijk: Praktijk) -> dict[str, SafeString]:
    """The shared sections of the practice's dashboard as HTML, by partial name: when they are
    current, from this worker's memory, else from the shared cache (no query); else rendered (the
    eight queries of the sections) and kept in both. Only the version is read from the shared
    cache on every view: a short token instead of the sections themselves."""
    key = _key(praktijk.pk, get_language())
    now = timezone.now()
    versie = PRAKTIJKEN.current(praktijk.pk)
    if versie is not None:
        eigen = caches["proces"].get(key)
        if eigen is not None and eigen[0] == versie and now < eigen[1]:
            return eigen[2]
        try:
            bewaard = cache.get(key)
        except Exception:  # the cache holds what this code cannot read: render
            bewaard = None
        if bewaard is not None and bewaard[0] == versie and now < bewaard[1]:
            return _keep_here(key, versie, bewaard[1], bewaard[2], now=now)
    secties, geldig_tot = _render(praktijk=praktijk, now=now)
    if versie is None or geldig_tot <= now:
        return _veilig(secties)
    with contextlib.suppress(Exception):
        cache.set(key, (versie, geldig_tot, secties), _seconden(geldig_tot, now))
    return _keep_here(key, versie, geldig_tot, secties, now=now)


def _seconden(geldig_tot: datetime.datetime, now: datetime.datetime) -> int:
    return math.ceil((geldig_tot - now).total_seconds())


def _keep_here(
    key: str, versie: str, geldig_tot: datetime.datetime, secties: dict[str, str], *, now
) -> dict[str, SafeString]:
    """Keep the sections in this worker's memory too, ready to serve, until they no longer hold
    (they were found to hold at `now`). Shared by every request of the worker: a view only reads
    them."""
    veilig = _veilig(secties)
    caches["proces"].set(key, (versie, geldig_tot, veilig), _seconden(geldig_tot, now))
    return veilig


def _veilig(secties: dict[str, str]) -> dict[str, SafeString]:
    # Rendered by the template engine, which escaped what it put in.
    return {naam: mark_safe(html) for naam, html in secties.items()}


def _render(
    *, praktijk: Praktijk, now: datetime.datetime
) -> tuple[dict[str, str], datetime.datetime]:
    """The shared sections rendered from the database, and until when they hold."""
    groepen = groepen_namen_for_praktijk(praktijk=praktijk)
    volgende = praktijken_selectors.volgende_bijeenkomst(praktijk=praktijk, now=now)
    condities = selectors.condities_section(praktijk=praktijk)
    context = {
        "praktijk": praktijk,
        "kerngroep": groepen[Groep.KERNGROEP],
        "ontwerpgroep": groepen[Groep.ONTWERPGROEP],
        **selectors.experimenten_section(praktijk=praktijk),
        "volgende": volgende,
        "condities": condities,
        "mantelzorg": selectors.mantelzorg_section(praktijk=praktijk),
    }
    secties = {naam: str(render_to_string(f"{TEMPLATE}#{naam}", context)) for naam in SECTIES}
    return secties, _geldig_tot(now=now, volgende=volgende, gedaan=condities["gedaan"])


def _geldig_tot(
    *, now: datetime.datetime, volgende: Bijeenkomst | None, gedaan: list[Actie]
) -> datetime.datetime:
    """The first moment at which the mere passing of time may change the sections."""
    morgen = timezone.localdate(now) + datetime.timedelta(days=1)
    grenzen = [
        now + datetime.timedelta(seconds=DASHBOARD_CACHE_SECONDS),
        # The carers' months, and anything else that counts by the date.
        timezone.make_aware(datetime.datetime.combine(morgen, datetime.time.min)),
    ]
    if volgende is not None:
        # Once over (ended, or begun when it has no end), the meeting after it is the next one.
        grenzen.append(volgende.eindigt_op or volgende.begint_op)
    celebrated = datetime.timedelta(days=GEDAAN_VIERING_DAGEN)
    grenzen += [actie.gedaan_op + celebrated for actie in gedaan if actie.gedaan_op]
    return min(grenzen)


# What the shared sections read, and for each model the practices whose dashboard a save or a
# delete of one of its rows changes. A new section that reads another model adds it here.
def _eigen(instance: Any) -> set[int | None]:
    return {instance.praktijk_id}


def _praktijk(instance: Any) -> set[int | None]:
    return {instance.pk}  # its slug is in the sections' links


def _organisatie(instance: Any) -> set[int | None]:
    # Its name in the groups of every practice it takes part in.
    deelnames = Deelname.objects.filter(organisatie_id=instance.pk)
    return {instance.eigenaar_id, *deelnames.values_list("praktijk_id", flat=True)}


def _persoon(instance: Any) -> set[int | None]:
    # Its name as the owner of next steps.
    organisatie = Organisatie.objects.filter(pk=instance.organisatie_id)
    acties = Actie.objects.filter(eigenaar_id=instance.pk)
    return {
        *organisatie.values_list("eigenaar_id", flat=True),
        *acties.values_list("praktijk_id", flat=True).distinct(),
    }


BRONNEN: dict[str, Callable[[Any], set[int | None]]] = {
    "praktijken.Praktijk": _praktijk,
    "praktijken.Bijeenkomst": _eigen,  # the next meeting; a step's meeting title
    "praktijken.Ontwerpvraag": _eigen,
    "netwerk.Deelname": _eigen,
    "netwerk.Organisatie": _organisatie,
    "netwerk.Persoon": _persoon,
    "experimenten.Experiment": _eigen,
    "condities.Sessie": _eigen,  # a step's session title
    "condities.ConditieScore": _eigen,
    "condities.Actie": _eigen,
    "mantelzorg.Reactie": _eigen,
}


def dashboard_forget(sender: type[Any], instance: Any, **kwargs: Any) -> None:
    """Signal receiver: a row the shared sections read was saved or is deleted, so the
    practices it belongs to get a new version."""
    for praktijk_id in BRONNEN[sender._meta.label](instance):
        versie_bump(praktijk_id=praktijk_id)
