"""Interests (belangen) that an organisation's own members state and revisit: the form, the
history of versions, and the practice's organisations side by side."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from config.forms import posted
from config.http import AuthenticatedHttpRequest
from netwerk import access, selectors, services
from netwerk.forms import BelangenForm
from netwerk.services.belangen import BELANGEN_VELDEN


@require_http_methods(["GET", "POST"])
def belangen_bewerken(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """An organisation's members state or review its interests; each save is a new version."""
    toegang, deelname = access.belangen_get_for_edit(user=request.user, slug=slug, pk=pk)
    form = BelangenForm(
        posted(request), initial={veld: getattr(deelname, veld) for veld in BELANGEN_VELDEN}
    )
    if request.method == "POST" and form.is_valid():
        services.belangen_update(deelname=deelname, by=request.user, **form.cleaned_data)
        messages.success(
            request,
            _("The interests of %(naam)s are saved as a new version.")
            % {"naam": deelname.organisatie.naam},
        )
        return redirect("netwerk:belangen_geschiedenis", slug=slug, pk=deelname.pk)
    return render(
        request,
        "netwerk/belangen_form.html",
        {"praktijk": toegang.praktijk, "toegang": toegang, "form": form, "deelname": deelname},
        status=422 if form.errors else 200,
    )


@require_GET
def belangen_geschiedenis(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Every version of an organisation's interests, newest first, with date and author."""
    toegang, deelname = access.deelname_get_for_user(user=request.user, slug=slug, pk=pk)
    return render(
        request,
        "netwerk/belangen_geschiedenis.html",
        {
            "praktijk": toegang.praktijk,
            "toegang": toegang,
            "deelname": deelname,
            "mag_bewerken": toegang.can_edit_organisatie(deelname.organisatie_id),
            "versies": selectors.belangen_versies_for_deelname(deelname=deelname),
        },
    )


@require_GET
def belangen(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The interests of the practice's organisations side by side."""
    toegang = access.lid_get_for_user(user=request.user, slug=slug)
    return render(
        request,
        "netwerk/belangen.html",
        {
            "praktijk": toegang.praktijk,
            "toegang": toegang,
            "deelnames": selectors.belangen_naast_elkaar(praktijk=toegang.praktijk),
        },
    )
