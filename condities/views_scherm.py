"""The room's screen (on the projector) and its control page (the facilitator's laptop or phone).

The screen has no app chrome and fits 1280×720 and 1920×1080 without scrolling. It shows one stage
at a time — waiting (code and QR), a condition, the overview, the end — and polls every few
seconds, so the control page and the screen stay in step. Keys on the screen (static/js/scherm.js)
and the buttons on both pages post the same actions.

The overview draws this workshop's released averages as a filled shape with the previous
workshop's written-back scores as an outline, or (key G) the core group and the design group as
outlines where the disclosure rules released their figures.
"""

from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from condities import charts
from condities.access import sessie_get_for_manage
from condities.forms import SchermActieForm
from condities.models import Conditie, Respondentgroep, Sessie
from condities.selectors.rapport import vorige_werkvorm_scores
from condities.selectors.resultaten import Resultaten, sessie_resultaten_live
from condities.services import scherm as scherm_services
from condities.views import _join_url
from config.http import AuthenticatedHttpRequest
from config.pages import page_or_partial
from praktijken.access import Toegang

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


def _context(request: AuthenticatedHttpRequest, toegang: Toegang, sessie: Sessie) -> dict:
    stap = scherm_services.scherm_stap(sessie=sessie)
    stappen = scherm_services.scherm_stappen(sessie=sessie)
    groepen = scherm_services.scherm_groepen(sessie=sessie)
    resultaten = sessie_resultaten_live(sessie=sessie)
    conditie = next((c for c in resultaten.condities if c.code == stap), None)
    return {
        "toegang": toegang,
        "praktijk": toegang.praktijk,
        "sessie": sessie,
        "stap": stap,
        "stap_nummer": stappen.index(stap) + 1,
        "stappen_aantal": len(stappen),
        "stap_label": Conditie(stap).label if stap in Conditie.values else "",
        "join_url": _join_url(request, sessie) if sessie.is_open else "",
        "resultaten": resultaten,
        "conditie": conditie,
        "groepen": groepen,
        "radar": (
            _overzicht(sessie=sessie, resultaten=resultaten, groepen=groepen)
            if stap == scherm_services.OVERZICHT
            else None
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


@never_cache
@require_GET
def scherm(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """The screen for the room; htmx polls its stage."""
    toegang, sessie = sessie_get_for_manage(user=request.user, slug=slug, pk=pk)
    context = _context(request, toegang, sessie)
    return page_or_partial(request, "condities/scherm.html", "stap", context)


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
