"""The room's screen (on the projector) and its control page (the facilitator's laptop or phone).

The screen has no app chrome and fits 1280×720 and 1920×1080 without scrolling. It shows one stage
at a time — waiting (code and QR), a condition, the conversation about it (the room's open
answers), the overview, the end — and polls every few seconds, so the control page and the
screen stay in step. Keys on the screen (static/js/scherm.js) and the buttons on both pages post
the same actions.

The overview draws this workshop's released averages as a filled shape with the previous
workshop's written-back scores as an outline, or (key G) the core group and the design group as
outlines where the disclosure rules released their figures.

The screen's poll is its most frequent request: every screen of a session, every 3 s. Its stage is
rendered once per LIVE_MAX_AGE for all of them (`_stap_gedeeld`), and a browser that passed the
full access check for the screen a moment ago gets it without the database (`_stap_snel`; the
rules are in condities.scherm_cache). While only the answers move, a poll never waits for them to
be counted: it gets the stage of a moment ago, and renders it again after sending it.
"""

import contextlib
import hashlib
import json
import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from condities import charts, scherm_cache
from condities.access import inbreng_get_for_manage, sessie_get_for_manage
from condities.forms import InbrengActieForm, InbrengForm, SchermActieForm
from condities.models import Conditie, Respondentgroep, Sessie
from condities.selectors import inbreng as inbreng_selectors
from condities.selectors.rapport import vorige_werkvorm_scores
from condities.selectors.resultaten import LIVE_MAX_AGE, Resultaten, sessie_resultaten_live
from condities.services import inbreng as inbreng_services
from condities.services import scherm as scherm_services
from condities.services.sessies import SessieGesloten
from condities.views import _join_url
from config.http import AuthenticatedHttpRequest, HtmxHttpRequest
from config.pages import page_or_partial, partial_response, wants_partial
from praktijken.access import Toegang
from praktijken.models import Praktijk

# The outlines, each with the marker and line pattern it keeps in every view (the filled shape
# is MARKERS[0] and LIJNEN[0]).
VORIGE = ("vorige", "vierkant", "streep")
GROEPEN = (
    (Respondentgroep.KERNGROEP, "driehoek", "punt"),
    (Respondentgroep.ONTWERPGROEP, "ruit", "streep-punt"),
)


def _overzicht(*, sessie: Sessie, resultaten: Resultaten, groepen: bool) -> dict:
    """The overview's radar: this workshop's released averages, with the previous workshop's
    scores or the released group figures as outlines; an outline without a point is left out."""
    condities = [c for c in resultaten.condities if c.gedeeld]
    if groepen:
        label = _("Everybody")
        reeksen = [
            charts.Reeks(
                code=groep,
                label=str(groep.label),
                # Only what the rules released: a group hidden for a condition has no point there.
                waarden=[
                    s.gemiddelde if (s := c.groepen.get(groep)) and s.zichtbaar else None
                    for c in condities
                ],
                marker=marker,
                lijn=lijn,
            )
            for groep, marker, lijn in GROEPEN
        ]
    else:
        label = _("This workshop")
        vorige = {score.conditie: score for score in vorige_werkvorm_scores(sessie=sessie)}
        reeksen = []
        if vorige:
            code, marker, lijn = VORIGE
            datum = date_format(next(iter(vorige.values())).datum, "j b Y")
            reeksen.append(
                charts.Reeks(
                    code=code,
                    label=_("Previous workshop (%(datum)s)") % {"datum": datum},
                    waarden=[
                        score.gemiddelde if (score := vorige.get(c.code)) else None
                        for c in condities
                    ],
                    marker=marker,
                    lijn=lijn,
                )
            )
    return charts.radar(
        waarden=[(c.label, c.totaal.gemiddelde) for c in condities],
        label=label,
        reeksen=[r for r in reeksen if any(w is not None for w in r.waarden)],
    )


def _stap_context(
    request: HtmxHttpRequest, praktijk: Praktijk, sessie: Sessie, *, vers: bool = False
) -> dict:
    """What the stage (`#stap`) shows: the same for everyone who may see the screen; with
    `vers`, the answers counted afresh rather than shared for a moment."""
    stap = scherm_services.scherm_stap(sessie=sessie)
    stappen = scherm_services.scherm_stappen(sessie=sessie)
    groepen = scherm_services.scherm_groepen(sessie=sessie)
    resultaten = sessie_resultaten_live(sessie=sessie, vers=vers)
    over = scherm_services.gesprek_conditie(stap)
    return {
        "praktijk": praktijk,
        "sessie": sessie,
        "stap": stap,
        "stap_nummer": stappen.index(stap) + 1,
        "stappen_aantal": len(stappen),
        "join_url": _join_url(request, sessie) if sessie.is_open else "",
        "resultaten": resultaten,
        "conditie": next((c for c in resultaten.condities if c.code == stap), None),
        "groepen": groepen,
        # The conversation about a condition: its questions with the answers on the screen.
        "gesprek": (
            {
                "label": Conditie(over).label,
                "vragen": inbreng_selectors.vragen_voor(sessie=sessie, conditie=over),
            }
            if over
            else None
        ),
        # Only the overview shows the radar.
        "radar": (
            _overzicht(sessie=sessie, resultaten=resultaten, groepen=groepen)
            if stap == scherm_services.OVERZICHT
            else None
        ),
    }


def _context(request: HtmxHttpRequest, toegang: Toegang, sessie: Sessie) -> dict:
    context = _stap_context(request, toegang.praktijk, sessie)
    stap = context["stap"]
    over = scherm_services.gesprek_conditie(stap)
    return {
        **context,
        "toegang": toegang,
        "stap_label": (
            Conditie(stap).label
            if stap in Conditie.values
            else _("%(conditie)s: the conversation") % {"conditie": Conditie(over).label}
            if over
            else ""
        ),
        "knoppen": [
            ("vorige", _("Previous"), "ArrowLeft"),
            ("volgende", _("Next"), "ArrowRight"),
            ("onthul", _("Show results"), "R"),
            ("verberg", _("Hide results"), "H"),
            ("groepen", _("Core group and design group"), "G"),
            ("wachten", _("Join screen"), "W"),
        ],
    }


# Hosts kept per session and language: a room has one or two (the address phones use, and
# localhost on the laptop); more only from someone trying, and the oldest go first.
HOSTS_KEPT = 4
# A stage older than LIVE_MAX_AGE but of the same `staat` (only the answers moved) is answered
# once more while one poll renders it again after sending it (`_stap_gedeeld`); older than this
# it is rendered before answering.
STALE_SECONDS = 15
# How long one poll may hold the right to render the stage again after sending it.
REFRESH_LOCK_SECONDS = 10


def _kept(kept: object, host: str, staat: str | None = None) -> tuple[str, float] | None:
    """The stage kept for this host (and of this `staat`) with its age in seconds, when at most
    STALE_SECONDS old. Anything not in the expected shape (another release's entry, during a
    rolling update) is not kept."""
    try:
        entry_staat, rendered_at, html = kept.get(host)  # type: ignore[attr-defined]
        age = time.time() - float(rendered_at)
    except (AttributeError, TypeError, ValueError):
        return None
    if age > STALE_SECONDS or staat not in (None, entry_staat) or not isinstance(html, str):
        return None
    return html, age


def _kept_with(kept: object, host: str, entry: tuple) -> dict:
    """The hosts' entries with this one added: only those still kept, at most HOSTS_KEPT."""
    nu = time.time()
    fresh = {}
    if isinstance(kept, dict):
        for other, value in kept.items():
            with contextlib.suppress(TypeError, ValueError, IndexError):
                if other != host and nu - float(value[1]) <= STALE_SECONDS:
                    fresh[other] = value
    newest = sorted(fresh.items(), key=lambda item: item[1][1])[-(HOSTS_KEPT - 1) :]
    return {**dict(newest), host: entry}


def refresh_lock_key(key: str, host: str) -> str:
    """Held by the one poll that renders the kept stage of `key` for `host` again."""
    return f"{key}:vernieuw:{hashlib.sha256(host.encode()).hexdigest()[:16]}"


def _stap_render(
    request: HtmxHttpRequest,
    toegang: Toegang,
    sessie: Sessie,
    *,
    key: str,
    host: str,
    digest: str,
    vers: bool = False,
) -> str:
    """Render the stage and keep it for this host (the cache read again just before writing,
    so that another host's entry written meanwhile stays)."""
    context = _stap_context(request, toegang.praktijk, sessie, vers=vers)
    html = render_to_string("condities/scherm.html#stap", context)
    with contextlib.suppress(Exception):
        cache.set(
            key,
            _kept_with(cache.get(key), host, (digest, time.time(), html)),
            STALE_SECONDS,
        )
    return html


def _stap_gedeeld(
    request: HtmxHttpRequest, toegang: Toegang, sessie: Sessie
) -> tuple[str, Callable[[], None] | None]:
    """The stage as the screen's poll gets it, rendered once per LIVE_MAX_AGE for every screen
    of the session instead of once per screen and poll (kept under scherm_cache.stap_key), and
    what to do once it has been sent.

    It holds nothing of the viewer: it is rendered without the request (the buttons with their
    CSRF token are outside `#stap`), for those who passed the access check. It is kept with all
    of the session that the stage shows (`staat`), so a new stage, a reveal, hiding, opening or
    closing shows at the next poll even where the services could not drop it.

    While only the answers move (the same `staat`), a stage older than LIVE_MAX_AGE is answered
    at once, and one poll at a time renders it again after sending it: the screen waits for the
    cache, never for counting a conference room's answers, and its numbers are one poll behind
    (a few seconds). Older than STALE_SECONDS, or of another `staat`, it is rendered first.
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
    found = _kept(kept, host, digest)
    if found is None:
        return _stap_render(request, toegang, sessie, key=key, host=host, digest=digest), None
    html, age = found
    if age <= LIVE_MAX_AGE:
        return html, None
    lock = refresh_lock_key(key, host)
    try:
        mine = cache.add(lock, True, REFRESH_LOCK_SECONDS)
    except Exception:
        mine = False
    if not mine:  # another poll is rendering it
        return html, None
    language = get_language()

    def refresh() -> None:
        try:
            with translation.override(language):
                _stap_render(request, toegang, sessie, key=key, host=host, digest=digest, vers=True)
        finally:
            with contextlib.suppress(Exception):
                cache.delete(lock)

    return html, refresh


def _stap_snel(request: HtmxHttpRequest, *, slug: str, pk: int) -> str | None:
    """The kept stage, for a poll from a browser that passed the full check for this screen
    less than RECHECK_SECONDS ago (scherm_cache): no database at all. Fresh, or being rendered
    again by another poll at this moment. None: do the full check."""
    cookie = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not cookie or not wants_partial(request):
        return None
    host = request.get_host()
    toegang, stap = (
        scherm_cache.toegang_key(cookie, slug, pk),
        scherm_cache.stap_key(pk, get_language()),
    )
    lock = refresh_lock_key(stap, host)
    try:
        kept = cache.get_many([toegang, stap, lock])
    except Exception:  # the cache is away: the full check
        return None
    if not kept.get(toegang):
        return None
    found = _kept(kept.get(stap), host)
    if found is None or (found[1] > LIVE_MAX_AGE and not kept.get(lock)):
        return None
    return found[0]


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
        html, then = _stap_gedeeld(request, toegang, sessie)
        _toegang_onthouden(request, slug=slug, pk=pk)
        return partial_response(html, then=then)
    return page_or_partial(
        request, "condities/scherm.html", "stap", _context(request, toegang, sessie)
    )


def _bediening(
    request: AuthenticatedHttpRequest,
    toegang: Toegang,
    sessie: Sessie,
    *,
    papier_form: InbrengForm | None = None,
    status: int = 200,
) -> HttpResponse:
    context = _context(request, toegang, sessie)
    context["inbreng_nieuw"] = inbreng_selectors.inbreng_nieuw_aantal(sessie=sessie)
    if not request.htmx:  # the poll shows the stage alone
        context.update(
            inbreng=inbreng_selectors.inbreng_voor_bediening(sessie=sessie),
            papier_form=papier_form or InbrengForm(prefix="papier", condities=sessie.condities),
        )
    return page_or_partial(request, "condities/bediening.html", "stand", context, status=status)


@never_cache
@require_GET
def bediening(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """The facilitator's control page: the same actions as the keys on the screen, and the
    room's open answers to approve, hide, merge or write down. htmx polls the stage alone;
    the answers are fetched when the facilitator asks (`?deel=inbreng`), so nothing moves under
    the pointer."""
    toegang, sessie = sessie_get_for_manage(user=request.user, slug=slug, pk=pk)
    if request.htmx and request.GET.get("deel") == "inbreng":
        return _inbreng_lijst(request, toegang, sessie)
    return _bediening(request, toegang, sessie)


def _inbreng_lijst(
    request: AuthenticatedHttpRequest, toegang: Toegang, sessie: Sessie, *, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "condities/bediening.html#inbreng",
        {
            "praktijk": toegang.praktijk,
            "sessie": sessie,
            "inbreng": inbreng_selectors.inbreng_voor_bediening(sessie=sessie),
        },
        status=status,
    )


@require_POST
def inbreng_actie(
    request: AuthenticatedHttpRequest, slug: str, pk: int, inbreng_pk: int
) -> HttpResponse:
    """Approve, hide or merge an open answer, or make it a point of the discussion."""
    toegang, sessie, inbreng = inbreng_get_for_manage(
        user=request.user, slug=slug, pk=pk, inbreng_pk=inbreng_pk
    )
    form = InbrengActieForm(request.POST)
    fout = ""
    if not form.is_valid():
        fout = " ".join(str(e) for errors in form.errors.values() for e in errors)
    else:
        try:
            inbreng_services.inbreng_step(
                inbreng=inbreng,
                actie=form.cleaned_data["actie"],
                doel_pk=form.cleaned_data["doel"],
                by=request.user,
            )
        except inbreng_services.InbrengNietMogelijk:
            fout = _(
                "That is not possible with this answer (any more). The list is up to date now."
            )
    if request.htmx:
        return _inbreng_lijst(request, toegang, sessie, status=422 if fout else 200)
    if fout:
        messages.error(request, fout)
    return redirect(reverse("condities:bediening", args=[slug, pk]) + "#inbreng")


@require_POST
def inbreng_papier(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Type in an open answer from a paper sheet: it goes on the screen at once."""
    toegang, sessie = sessie_get_for_manage(user=request.user, slug=slug, pk=pk)
    form = InbrengForm(request.POST, prefix="papier", condities=sessie.condities)
    if form.is_valid():
        try:
            inbreng_services.inbreng_paper_add(sessie=sessie, by=request.user, **form.cleaned_data)
        except SessieGesloten:
            form.add_error(None, _("The session has closed: nothing can be added any more."))
        else:
            messages.success(request, _("Added. It is on the screen."))
            return redirect(reverse("condities:bediening", args=[slug, pk]) + "#papier")
    return _bediening(request, toegang, sessie, papier_form=form, status=422)


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
