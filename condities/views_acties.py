"""A practice's actions: the list (filter by status), edit, remove, move along (open, busy,
done), capture one from a meeting's minutes, and an owner's own actions."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from condities import access
from condities.forms_acties import (
    ActieBewerkenForm,
    ActieFilterForm,
    ActieNieuwForm,
    ActieStatusForm,
)
from condities.models import Actie
from condities.selectors import acties as selectors
from condities.services import acties as services
from config.http import AuthenticatedHttpRequest
from praktijken.access import Toegang, praktijk_get_for_user


def _ctx(toegang: Toegang, **extra) -> dict:
    return {"praktijk": toegang.praktijk, "toegang": toegang, **extra}


def _lijst_url(slug: str) -> str:
    return reverse("condities:acties", args=[slug])


@require_GET
def acties(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The practice's next steps: open, busy and done; filtered by status."""
    toegang = praktijk_get_for_user(user=request.user, slug=slug)
    form = ActieFilterForm(request.GET)
    status = form.cleaned_data["status"] if form.is_valid() else ""
    rijen = selectors.acties_list(praktijk=toegang.praktijk, status=status or None)
    return render(
        request,
        "condities/acties.html",
        _ctx(
            toegang,
            acties=rijen,
            status=status,
            statussen=Actie.Status.choices,
            mijn_persoon_id=_persoon_id(request),
        ),
    )


def _persoon_id(request: AuthenticatedHttpRequest) -> int | None:
    persoon = getattr(request.user, "persoon", None)
    return persoon.pk if persoon is not None else None


@require_GET
def mijn_acties(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The logged-in member's own next steps in this practice (their person in the network)."""
    toegang = praktijk_get_for_user(user=request.user, slug=slug)
    persoon = getattr(request.user, "persoon", None)
    rijen = (
        selectors.acties_for_persoon(praktijk=toegang.praktijk, persoon=persoon)
        if persoon is not None
        else []
    )
    return render(
        request,
        "condities/mijn_acties.html",
        _ctx(
            toegang,
            acties=rijen,
            persoon=persoon,
            statussen=Actie.Status.choices,
            mijn_persoon_id=persoon.pk if persoon else None,
        ),
    )


@require_http_methods(["GET", "POST"])
def actie_bewerken(request: AuthenticatedHttpRequest, slug: str, actie_pk: int) -> HttpResponse:
    """Change what, who, when and the status of an action."""
    toegang, actie = access.actie_get_for_manage(user=request.user, slug=slug, actie_pk=actie_pk)
    form = ActieBewerkenForm(
        request.POST if request.method == "POST" else None,
        instance=actie,
        praktijk=toegang.praktijk,
    )
    if request.method == "POST" and form.is_valid():
        services.actie_update(actie=form.save(commit=False), by=request.user)
        messages.success(request, _("The action has been saved."))
        return redirect(_lijst_url(slug))
    return render(
        request,
        "condities/actie_form.html",
        _ctx(toegang, actie=actie, form=form, terug=_lijst_url(slug)),
        status=422 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def actie_verwijderen(request: AuthenticatedHttpRequest, slug: str, actie_pk: int) -> HttpResponse:
    """Ask to confirm, then remove the action."""
    toegang, actie = access.actie_get_for_manage(user=request.user, slug=slug, actie_pk=actie_pk)
    if request.method == "POST":
        services.actie_remove(actie=actie, by=request.user)
        messages.success(request, _("The action has been removed."))
        return redirect(_lijst_url(slug))
    return render(
        request,
        "condities/actie_verwijderen.html",
        _ctx(toegang, actie=actie, terug=_lijst_url(slug)),
    )


@require_POST
def actie_status(request: AuthenticatedHttpRequest, slug: str, actie_pk: int) -> HttpResponse:
    """Move the action to open, busy or done: the row again with htmx, else back to the page."""
    toegang, actie = access.actie_get_for_status(user=request.user, slug=slug, actie_pk=actie_pk)
    form = ActieStatusForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Unknown status."), status=400)
    actie = services.actie_set_status(
        actie=actie, status=form.cleaned_data["status"], by=request.user
    )
    if request.htmx:
        return render(
            request,
            "condities/_actie_rij.html",
            _ctx(
                toegang,
                actie=actie,
                statussen=Actie.Status.choices,
                mijn_persoon_id=_persoon_id(request),
            ),
        )
    if actie.is_gedaan:
        messages.success(request, _("Done! Small steps count."))
    else:
        messages.success(request, _("The status has been changed."))
    terug = request.POST.get("terug", "")
    if terug == "mijn":
        return redirect("condities:mijn_acties", slug=slug)
    return redirect(_lijst_url(slug))


@require_http_methods(["GET", "POST"])
def bijeenkomst_actie_nieuw(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Capture an agreed next step from a meeting's minutes."""
    toegang, bijeenkomst = access.bijeenkomst_get_for_actie(user=request.user, slug=slug, pk=pk)
    form = ActieNieuwForm(
        request.POST if request.method == "POST" else None, praktijk=toegang.praktijk
    )
    terug = reverse("praktijken:bijeenkomst_detail", args=[slug, pk])
    if request.method == "POST" and form.is_valid():
        services.actie_create_for_bijeenkomst(
            bijeenkomst=bijeenkomst, actie=form.save(commit=False), by=request.user
        )
        messages.success(request, _("The action has been added."))
        return redirect(terug)
    return render(
        request,
        "condities/actie_form.html",
        _ctx(toegang, bijeenkomst=bijeenkomst, form=form, terug=terug),
        status=422 if form.errors else 200,
    )
