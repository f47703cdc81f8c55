"""A meeting's people: choose planner, minute-taker and invitees; send the invitation; write and
publish the minutes. The meeting itself (its page, time and place) is praktijken's."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from config.http import AuthenticatedHttpRequest
from netwerk import access, selectors, services
from netwerk.forms_bijeenkomst import BijeenkomstMensenForm, VerslagForm

DETAIL = "praktijken:bijeenkomst_detail"


@require_http_methods(["GET", "POST"])
def bijeenkomst_mensen(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Choose who plans the meeting, who writes the minutes and who is invited; editors."""
    toegang, bijeenkomst = access.bijeenkomst_get_for_mensen(user=request.user, slug=slug, pk=pk)
    genodigden = selectors.genodigden_for_bijeenkomst(bijeenkomst=bijeenkomst)
    initial = {
        "planner": next((g.persoon_id for g in genodigden if g.is_planner), None),
        "notulist": next((g.persoon_id for g in genodigden if g.is_notulist), None),
        "genodigden": [g.persoon_id for g in genodigden],
    }
    form = BijeenkomstMensenForm(
        request.POST if request.method == "POST" else None,
        praktijk=toegang.praktijk,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        services.bijeenkomst_mensen_save(
            bijeenkomst=bijeenkomst,
            by=request.user,
            planner=form.cleaned_data["planner"],
            notulist=form.cleaned_data["notulist"],
            genodigden=[
                *form.cleaned_data["genodigden"],
                *selectors.personen_in_groepen(
                    praktijk=toegang.praktijk, groepen=form.cleaned_data["groepen"]
                ),
            ],
        )
        messages.success(request, _("Who takes part has been saved."))
        return redirect(DETAIL, slug=slug, pk=pk)
    return render(
        request,
        "netwerk/bijeenkomst/mensen_form.html",
        {
            "praktijk": toegang.praktijk,
            "toegang": toegang,
            "bijeenkomst": bijeenkomst,
            "form": form,
        },
        status=422 if form.errors else 200,
    )


@require_POST
def bijeenkomst_uitnodigen(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Mail the invitation with the calendar file to every invitee who has not had it; editors."""
    _toegang, bijeenkomst = access.bijeenkomst_get_for_mensen(user=request.user, slug=slug, pk=pk)
    if bijeenkomst.afgezegd_op is not None:
        messages.error(request, _("This meeting was called off: nobody is invited to it."))
        return redirect(DETAIL, slug=slug, pk=pk)
    services.bijeenkomst_uitnodigen(bijeenkomst=bijeenkomst, by=request.user)
    messages.success(
        request,
        _("The invitation is being sent to everyone invited who has an email address."),
    )
    return redirect(DETAIL, slug=slug, pk=pk)


@require_http_methods(["GET", "POST"])
def bijeenkomst_verslag(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Write the minutes, and publish them to the invitees; editors and the minute-taker."""
    toegang, bijeenkomst = access.bijeenkomst_get_for_verslag(user=request.user, slug=slug, pk=pk)
    titel = bijeenkomst.titel
    form = VerslagForm(
        request.POST if request.method == "POST" else None,
        initial={"verslag": bijeenkomst.verslag},
    )
    if request.method == "POST" and form.is_valid():
        publiceren = "publiceren" in request.POST
        services.bijeenkomst_verslag_save(
            bijeenkomst=bijeenkomst,
            by=request.user,
            verslag=form.cleaned_data["verslag"],
            publiceren=publiceren,
        )
        if publiceren:
            messages.success(request, _("The minutes have been published and are being mailed."))
        else:
            messages.success(request, _("The minutes have been saved."))
        return redirect(DETAIL, slug=slug, pk=pk)
    return render(
        request,
        "netwerk/bijeenkomst/verslag_form.html",
        {
            "praktijk": toegang.praktijk,
            "toegang": toegang,
            "bijeenkomst": bijeenkomst,
            "titel": titel,
            "form": form,
        },
        status=422 if form.errors else 200,
    )
