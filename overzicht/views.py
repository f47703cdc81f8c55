"""Pages that bring a practice's apps together: the start page, the dashboard, and the design
questions and stories with the experiments they led to. Each reads the apps' own selectors."""

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from condities.selectors import acties_gedaan_voor
from config.http import AuthenticatedHttpRequest, HtmxHttpRequest
from experimenten import selectors as experimenten_selectors
from mantelzorg import selectors as mantelzorg_selectors
from overzicht.dashboard import dashboard_secties
from praktijken.access import (
    Toegang,
    praktijk_get_for_user,
    praktijken_for_user,
    programmas_for_user,
)


def _ctx(toegang: Toegang, **extra) -> dict:
    return {"praktijk": toegang.praktijk, "toegang": toegang, **extra}


@login_not_required
@require_GET
def home(request: HtmxHttpRequest) -> HttpResponse:
    """The front page: what Lerende Praktijk is and the way in, or the practices you may open."""
    praktijken, programmas = [], []
    if request.user.is_authenticated:
        praktijken = list(praktijken_for_user(user=request.user))
        programmas = list(programmas_for_user(user=request.user))
    return render(
        request, "overzicht/home.html", {"praktijken": praktijken, "programmas": programmas}
    )


@require_GET
def dashboard(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The practice at a glance: theme, ambition, groups, experiments, next meeting, the
    conditions for collaboration and what carers say. The sections every member sees alike
    come from the cache (overzicht.dashboard)."""
    toegang = praktijk_get_for_user(user=request.user, slug=slug)
    return render(
        request,
        "overzicht/dashboard.html",
        _ctx(toegang, secties=dashboard_secties(praktijk=toegang.praktijk)),
    )


@require_GET
def ontwerpvragen(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The design questions, each with its experiments."""
    toegang = praktijk_get_for_user(user=request.user, slug=slug)
    vragen = list(experimenten_selectors.ontwerpvragen_with_experimenten(praktijk=toegang.praktijk))
    return render(request, "overzicht/ontwerpvragen.html", _ctx(toegang, ontwerpvragen=vragen))


@require_GET
def ontwerpvraag_detail(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """One design question with its experiments and the stories linked to it."""
    toegang = praktijk_get_for_user(user=request.user, slug=slug)
    vraag = experimenten_selectors.ontwerpvraag_with_experimenten(praktijk=toegang.praktijk, pk=pk)
    if vraag is None:
        raise Http404
    return render(request, "overzicht/ontwerpvraag_detail.html", _ctx(toegang, vraag=vraag))


@require_GET
def verhaal_detail(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """One success story, with its design question and the experiments it inspired."""
    toegang = praktijk_get_for_user(user=request.user, slug=slug)
    verhaal = experimenten_selectors.verhaal_with_experimenten(praktijk=toegang.praktijk, pk=pk)
    if verhaal is None:
        raise Http404
    return render(
        request,
        "overzicht/verhaal_detail.html",
        _ctx(toegang, verhaal=verhaal, mag_bewerken=toegang.can_edit_verhaal(verhaal)),
    )


@login_not_required
# No personal data, so the browser may keep it a few minutes. Not `public`: the base template's
# forms (language switch) set the CSRF cookie, which a shared cache must never hand on.
@cache_control(private=True, max_age=300)
@require_GET
def jullie_zeiden(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """Public, for carers: "You said, we did". Shareable quotes (the text only, never who)
    next to the small steps the network did and its experiments."""
    praktijk = mantelzorg_selectors.praktijk_for_formulier(slug=slug)
    return render(
        request,
        "overzicht/jullie_zeiden.html",
        {
            "praktijk": praktijk,
            "citaten": mantelzorg_selectors.deelbare_citaten(praktijk=praktijk, limit=12),
            "acties": acties_gedaan_voor(praktijk=praktijk),
            "experimenten": experimenten_selectors.experimenten_for_publiek(praktijk=praktijk),
        },
    )
