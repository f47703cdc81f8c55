"""The room's screen (on the projector) and its control page (the facilitator's laptop or phone).

The screen has no app chrome and fits 1280×720 and 1920×1080 without scrolling. It shows one stage
at a time — waiting (code and QR), a condition, the overview, the end — and polls every few
seconds, so the control page and the screen stay in step. Keys on the screen (static/js/scherm.js)
and the buttons on both pages post the same actions.

The screen's poll is its most frequent request: every screen of a session, every 3 s. Its stage is
rendered once per LIVE_MAX_AGE for all of them (`_stap_gedeeld`), and a browser that passed the
full access check for the screen a moment ago gets it without the database (`_stap_snel`; the
rules are in condities.scherm_cache).
"""

import contextlib
import hashlib
import json
import time

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from condities import charts, scherm_cache
from condities.access import sessie_get_for_manage
from condities.forms import SchermActieForm
from condities.models import Conditie, Sessie
from condities.selectors.resultaten import LIVE_MAX_AGE, sessie_resultaten_live
from condities.services import scherm as scherm_services
from condities.views import _join_url
from config.http import AuthenticatedHttpRequest, HtmxHttpRequest
from config.pages import page_or_partial, partial_response, wants_partial
from praktijken.access import Toegang
from praktijken.models import Praktijk


def _stap_context(request: HtmxHttpRequest, praktijk: Praktijk, sessie: Sessie) -> dict:
    """What the stage (`#stap`) shows: the same for everyone who may see the screen."""
    stap = scherm_services.scherm_stap(sessie=sessie)
    stappen = scherm_services.scherm_stappen(sessie=sessie)
    resultaten = sessie_resultaten_live(sessie=sessie)
    return {
        "praktijk": praktijk,
        "sessie": sessie,
        "stap": stap,
        "stap_nummer": stappen.index(stap) + 1,
        "stappen_aantal": len(stappen),
        "join_url": _join_url(request, sessie) if sessie.is_open else "",
        "resultaten": resultaten,
        "conditie": next((c for c in resultaten.condities if c.code == stap), None),
        # Only the overview shows the radar.
        "radar": charts.radar(
            waarden=[(c.label, c.totaal.gemiddelde) for c in resultaten.condities if c.gedeeld]
        )
        if stap == scherm_services.OVERZICHT
        else None,
    }


def _context(request: HtmxHttpRequest, toegang: Toegang, sessie: Sessie) -> dict:
    context = _stap_context(request, toegang.praktijk, sessie)
    stap = context["stap"]
    return {
        **context,
        "toegang": toegang,
        "stap_label": Conditie(stap).label if stap in Conditie.values else "",
        "knoppen": [
            ("vorige", _("Previous"), "ArrowLeft"),
            ("volgende", _("Next"), "ArrowRight"),
            ("onthul", _("Show results"), "R"),
            ("verberg", _("Hide results"), "H"),
            ("wachten", _("Join screen"), "W"),
        ],
    }


def _vers(kept: dict | None, host: str, staat: str | None = None) -> str | None:
    """The stage kept for this host when it is at most LIVE_MAX_AGE old (and of this `staat`)."""
    entry = (kept or {}).get(host)
    if entry is None:
        return None
    entry_staat, rendered_at, html = entry
    if time.time() - rendered_at > LIVE_MAX_AGE or staat not in (None, entry_staat):
        return None
    return html


def _stap_gedeeld(request: HtmxHttpRequest, toegang: Toegang, sessie: Sessie) -> str:
    """The stage as the screen's poll gets it, rendered once per LIVE_MAX_AGE for every screen
    of the session instead of once per screen and poll (kept under scherm_cache.stap_key).

    It holds nothing of the viewer: it is rendered without the request (the buttons with their
    CSRF token are outside `#stap`), for those who passed the access check. It is kept with all
    of the session that the stage shows (`staat`), so a new stage, a reveal, hiding, opening or
    closing shows at the next poll even where the services could not drop it; the answers are
    as fresh as the shared results (sessie_resultaten_live).
    """
    host = request.get_host()
    staat = [
        sessie.pk,
        toegang.praktijk.slug,
        get_language(),
        sessie.titel,
        sessie.code,
        sessie.status,
        list(sessie.condities),
        sessie.scherm,
        list(sessie.onthuld),
        _join_url(request, sessie) if sessie.is_open else "",
    ]
    digest = hashlib.sha256(json.dumps(staat).encode()).hexdigest()
    key = scherm_cache.stap_key(sessie.pk, get_language())
    try:
        kept = cache.get(key)
    except Exception:  # the cache is away: render, as without one
        kept = None
    html = _vers(kept, host, digest)
    if html is None:
        context = _stap_context(request, toegang.praktijk, sessie)
        html = render_to_string("condities/scherm.html#stap", context)
        with contextlib.suppress(Exception):
            cache.set(key, {**(kept or {}), host: (digest, time.time(), html)}, LIVE_MAX_AGE)
    return html


def _stap_snel(request: HtmxHttpRequest, *, slug: str, pk: int) -> str | None:
    """The kept stage, for a poll from a browser that passed the full check for this screen
    less than RECHECK_SECONDS ago (scherm_cache): no database at all. None: do the full check."""
    cookie = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not cookie or not wants_partial(request):
        return None
    toegang, stap = (
        scherm_cache.toegang_key(cookie, slug, pk),
        scherm_cache.stap_key(pk, get_language()),
    )
    try:
        kept = cache.get_many([toegang, stap])
    except Exception:  # the cache is away: the full check
        return None
    if not kept.get(toegang):
        return None
    return _vers(kept.get(stap), request.get_host())


def _toegang_onthouden(request: HtmxHttpRequest, *, slug: str, pk: int) -> None:
    """This browser passed the full check for this screen: its polls may skip it for a while."""
    cookie = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if cookie:
        with contextlib.suppress(Exception):
            cache.set(
                scherm_cache.toegang_key(cookie, slug, pk), True, scherm_cache.RECHECK_SECONDS
            )


# Not behind LoginRequiredMiddleware: a poll from a browser that passed the full check a moment
# ago is answered before the login is read (_stap_snel); every other request logs in first.
@login_not_required
@never_cache
@require_GET
def scherm(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    """The screen for the room; htmx polls its stage (shared between screens, `_stap_gedeeld`)."""
    snel = _stap_snel(request, slug=slug, pk=pk)
    if snel is not None:
        return partial_response(snel)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    toegang, sessie = sessie_get_for_manage(user=request.user, slug=slug, pk=pk)
    if wants_partial(request):
        html = _stap_gedeeld(request, toegang, sessie)
        _toegang_onthouden(request, slug=slug, pk=pk)
        return partial_response(html)
    return page_or_partial(
        request, "condities/scherm.html", "stap", _context(request, toegang, sessie)
    )


@never_cache
@require_GET
def bediening(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """The facilitator's control page: the same actions as the keys on the screen."""
    toegang, sessie = sessie_get_for_manage(user=request.user, slug=slug, pk=pk)
    context = _context(request, toegang, sessie)
    return page_or_partial(request, "condities/bediening.html", "stand", context)


@require_POST
def scherm_actie(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Move the screen on, or reveal or hide the condition it shows."""
    _toegang, sessie = sessie_get_for_manage(user=request.user, slug=slug, pk=pk)
    form = SchermActieForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Unknown action."), status=400)
    scherm_services.scherm_act(sessie=sessie, actie=form.cleaned_data["actie"], by=request.user)
    terug = (
        "condities:bediening" if form.cleaned_data["terug"] == "bediening" else "condities:scherm"
    )
    return redirect(terug, slug=slug, pk=pk)
