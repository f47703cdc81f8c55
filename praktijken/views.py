"""Pages of the practice itself: its details, meetings, design questions and stories.

The start page, the dashboard and the pages that show experiments are in overzicht."""

import copy
from collections.abc import Callable
from functools import partial

from django.contrib import messages
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from config.exports import bestand_response
from config.forms import DelenForm, posted
from config.http import AuthenticatedHttpRequest
from config.pages import page_or_partial
from praktijken import access, selectors, services
from praktijken.access import Toegang
from praktijken.agenda import agenda_punten, bijeenkomst_blokken, bijeenkomst_namen
from praktijken.forms import (
    BijeenkomstBewerkenForm,
    BijeenkomstForm,
    OntwerpvraagForm,
    PraktijkForm,
    VerhaalForm,
    VerhalenFilterForm,
)
from praktijken.ics import bijeenkomst_ics, ics_domein
from praktijken.models import Bijeenkomst


def _ctx(toegang: Toegang, **extra) -> dict:
    return {"praktijk": toegang.praktijk, "toegang": toegang, **extra}


def _formulier(
    request: HttpRequest,
    toegang: Toegang,
    form: BaseForm,
    *,
    opslaan: Callable,
    melding: str,
    detail: str,
    template: str,
    **extra,
) -> HttpResponse:
    """Save a valid POST with `opslaan` and show what was saved on `detail`; else show the form."""
    if request.method == "POST" and form.is_valid():
        obj = opslaan(data=form.cleaned_data)
        messages.success(request, melding)
        return redirect(detail, slug=toegang.praktijk.slug, pk=obj.pk)
    return render(request, template, _ctx(toegang, form=form, **extra))


@require_http_methods(["GET", "POST"])
def bewerken(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Change the practice's details; facilitators and staff only."""
    toegang = access.praktijk_get_for_manage(user=request.user, slug=slug)
    # A copy, so that a rejected change does not show up in the menu and the page title.
    praktijk = copy.copy(toegang.praktijk)
    form = PraktijkForm(posted(request), instance=praktijk)
    if request.method == "POST" and form.is_valid():
        services.praktijk_update(praktijk=praktijk, by=request.user, data=form.cleaned_data)
        messages.success(request, _("The practice has been saved."))
        return redirect(praktijk.get_absolute_url())
    return render(request, "praktijken/praktijk_form.html", _ctx(toegang, form=form))


# Meetings


@require_GET
def bijeenkomsten(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The upcoming and the past meetings of the practice."""
    toegang = access.praktijk_get_for_user(user=request.user, slug=slug)
    now = timezone.now()
    return render(
        request,
        "praktijken/bijeenkomsten.html",
        _ctx(
            toegang,
            komend=list(selectors.bijeenkomsten_komend(praktijk=toegang.praktijk, now=now)),
            geweest=list(selectors.bijeenkomsten_geweest(praktijk=toegang.praktijk, now=now)),
        ),
    )


@require_http_methods(["GET", "POST"])
def bijeenkomst_nieuw(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Plan a meeting; core group members, facilitators and staff."""
    toegang = access.praktijk_get_for_edit(user=request.user, slug=slug)
    return _formulier(
        request,
        toegang,
        BijeenkomstForm(posted(request)),
        opslaan=partial(services.bijeenkomst_create, praktijk=toegang.praktijk, by=request.user),
        melding=_("The meeting has been planned."),
        detail="praktijken:bijeenkomst_detail",
        template="praktijken/bijeenkomst_form.html",
    )


@require_GET
def bijeenkomst_detail(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """One meeting: when and where, who plans it, who writes the minutes, agenda and minutes."""
    toegang, bijeenkomst = access.bijeenkomst_get_for_user(user=request.user, slug=slug, pk=pk)
    volgende = selectors.volgende_bijeenkomst(praktijk=toegang.praktijk)
    # Under the next meeting's agenda, what other apps bring to it (the open actions).
    punten = agenda_punten(bijeenkomst=bijeenkomst) if volgende == bijeenkomst else []
    return render(
        request,
        "praktijken/bijeenkomst_detail.html",
        _ctx(
            toegang,
            bijeenkomst=bijeenkomst,
            is_geweest=_is_geweest(bijeenkomst),
            agenda_punten=punten,
            # Who plans it, writes the minutes and is invited (netwerk); its session (condities).
            blokken=bijeenkomst_blokken(bijeenkomst=bijeenkomst, toegang=toegang),
        ),
    )


def _is_geweest(bijeenkomst: Bijeenkomst) -> bool:
    einde = bijeenkomst.eindigt_op or bijeenkomst.begint_op
    return einde < timezone.now()


@require_http_methods(["GET", "POST"])
def bijeenkomst_bewerken(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Change a meeting and write its minutes; core group members, facilitators and staff."""
    toegang, bijeenkomst = access.bijeenkomst_get_for_edit(user=request.user, slug=slug, pk=pk)
    if bijeenkomst.afgezegd_op is not None:
        messages.error(request, _("This meeting was called off: it can no longer be changed."))
        return redirect("praktijken:bijeenkomst_detail", slug=slug, pk=pk)
    return _formulier(
        request,
        toegang,
        BijeenkomstBewerkenForm(posted(request), instance=bijeenkomst),
        opslaan=partial(services.bijeenkomst_update, bijeenkomst=bijeenkomst, by=request.user),
        melding=_("The meeting has been saved."),
        detail="praktijken:bijeenkomst_detail",
        template="praktijken/bijeenkomst_form.html",
        bijeenkomst=bijeenkomst,
        titel=bijeenkomst.titel,  # read now: the form changes the instance while it validates
    )


@require_POST
def bijeenkomst_afzeggen(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Call a meeting off; whoever had the invitation gets the cancellation by mail."""
    _toegang, bijeenkomst = access.bijeenkomst_get_for_edit(user=request.user, slug=slug, pk=pk)
    if services.bijeenkomst_cancel(bijeenkomst=bijeenkomst, by=request.user):
        messages.success(
            request,
            _(
                "The meeting has been called off. Whoever had the invitation gets a message "
                "that takes it out of their calendar."
            )
            if bijeenkomst.uitnodiging_verstuurd_op
            else _("The meeting has been called off."),
        )
    return redirect("praktijken:bijeenkomst_detail", slug=slug, pk=pk)


@require_GET
def bijeenkomst_ics_view(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """The meeting as an iCalendar file, to put in your own calendar."""
    _toegang, bijeenkomst = access.bijeenkomst_get_for_user(user=request.user, slug=slug, pk=pk)
    url = request.build_absolute_uri(
        reverse("praktijken:bijeenkomst_detail", kwargs={"slug": slug, "pk": pk})
    )
    planner, notulist = bijeenkomst_namen(bijeenkomst=bijeenkomst)
    inhoud = bijeenkomst_ics(
        bijeenkomst=bijeenkomst,
        domein=ics_domein(),
        url=url,
        now=timezone.now(),
        planner=planner,
        notulist=notulist,
    )
    return bestand_response(
        inhoud,
        content_type="text/calendar; charset=utf-8",
        naam=f"bijeenkomst-{bijeenkomst.pk}.ics",
    )


# Design questions


@require_http_methods(["GET", "POST"])
def ontwerpvraag_nieuw(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Add a design question; core group members, facilitators and staff."""
    toegang = access.praktijk_get_for_edit(user=request.user, slug=slug)
    return _formulier(
        request,
        toegang,
        OntwerpvraagForm(posted(request)),
        opslaan=partial(services.ontwerpvraag_create, praktijk=toegang.praktijk, by=request.user),
        melding=_("The design question has been added."),
        detail="overzicht:ontwerpvraag_detail",
        template="praktijken/ontwerpvraag_form.html",
    )


@require_http_methods(["GET", "POST"])
def ontwerpvraag_bewerken(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Rephrase a design question; core group members, facilitators and staff."""
    toegang, vraag = access.ontwerpvraag_get_for_edit(user=request.user, slug=slug, pk=pk)
    return _formulier(
        request,
        toegang,
        OntwerpvraagForm(posted(request), instance=vraag),
        opslaan=partial(services.ontwerpvraag_update, ontwerpvraag=vraag, by=request.user),
        melding=_("The design question has been saved."),
        detail="overzicht:ontwerpvraag_detail",
        template="praktijken/ontwerpvraag_form.html",
        vraag=vraag,
        titel=vraag.vraag,
    )


# Stories


@require_GET
def verhalen(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The success stories, optionally those of one design question (live with htmx)."""
    toegang = access.praktijk_get_for_user(user=request.user, slug=slug)
    form = VerhalenFilterForm(request.GET or None, praktijk=toegang.praktijk)
    ontwerpvraag = form.filters().get("ontwerpvraag")
    lijst = list(
        selectors.verhalen_for_praktijk(praktijk=toegang.praktijk, ontwerpvraag=ontwerpvraag)
    )
    return page_or_partial(
        request,
        "praktijken/verhalen.html",
        "verhalen_lijst",
        _ctx(toegang, form=form, verhalen=lijst, ontwerpvraag=ontwerpvraag),
    )


@require_http_methods(["GET", "POST"])
def verhaal_nieuw(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Add a success story; every member may, as appreciative inquiry collects them from all."""
    toegang = access.praktijk_get_for_user(user=request.user, slug=slug)
    # "Tell a story about this question" links here with ?ontwerpvraag=<pk> to preselect it.
    vraag_pk = request.GET.get("ontwerpvraag", "")
    initial = {"ontwerpvraag": vraag_pk} if vraag_pk.isdigit() and len(vraag_pk) < 10 else {}
    return _formulier(
        request,
        toegang,
        VerhaalForm(posted(request), praktijk=toegang.praktijk, initial=initial),
        opslaan=partial(services.verhaal_create, praktijk=toegang.praktijk, by=request.user),
        melding=_("Thank you for your story."),
        detail="overzicht:verhaal_detail",
        template="praktijken/verhaal_form.html",
    )


@require_http_methods(["GET", "POST"])
def verhaal_bewerken(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Change a story; editors, and whoever added it."""
    toegang, verhaal = access.verhaal_get_for_edit(user=request.user, slug=slug, pk=pk)
    return _formulier(
        request,
        toegang,
        VerhaalForm(posted(request), instance=verhaal, praktijk=toegang.praktijk),
        opslaan=partial(services.verhaal_update, verhaal=verhaal, by=request.user),
        melding=_("The story has been saved."),
        detail="overzicht:verhaal_detail",
        template="praktijken/verhaal_form.html",
        verhaal=verhaal,
        titel=verhaal.titel,
    )


@require_POST
def verhaal_delen(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Share the story with the programme's library, or stop (editors of the practice)."""
    _toegang, verhaal = access.verhaal_get_for_share(user=request.user, slug=slug, pk=pk)
    form = DelenForm(request.POST)
    form.is_valid()  # one optional checkbox: always valid, absent means "stop sharing"
    gedeeld = form.cleaned_data["delen"]
    services.verhaal_share(verhaal=verhaal, by=request.user, gedeeld=gedeeld)
    if gedeeld:
        messages.success(request, _("The story is now in the programme's library."))
    else:
        messages.success(request, _("The story is no longer in the programme's library."))
    return redirect(reverse("overzicht:verhaal_detail", kwargs={"slug": slug, "pk": pk}) + "#delen")
