"""The practice's vocabulary: the members' list, suggesting, settling, and the public glossary."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from begrippen import access, selectors, services
from begrippen.forms import BegripForm, BegripVoorstelForm
from config.forms import posted
from config.http import AuthenticatedHttpRequest
from praktijken.access import praktijk_get_for_user


@require_GET
def lijst(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Every term of the practice, settled and suggested, for its members."""
    toegang = praktijk_get_for_user(user=request.user, slug=slug)
    begrippen = selectors.begrippen_for_praktijk(praktijk=toegang.praktijk)
    return render(
        request,
        "begrippen/lijst.html",
        {"praktijk": toegang.praktijk, "toegang": toegang, "begrippen": begrippen},
    )


@require_http_methods(["GET", "POST"])
def voorstellen(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Any member suggests a term; the facilitator settles it."""
    toegang = praktijk_get_for_user(user=request.user, slug=slug)
    form = BegripVoorstelForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.begrip_suggest(
                praktijk=toegang.praktijk, by=request.user, data=form.cleaned_data
            )
        except services.TermBestaatAl:
            form.add_error("term", _("This term is already on the list."))
        else:
            messages.success(request, _("Thank you. The facilitator will look at your term."))
            return redirect("begrippen:lijst", slug=slug)
    return render(
        request,
        "begrippen/form.html",
        {
            "praktijk": toegang.praktijk,
            "toegang": toegang,
            "form": form,
            "action": reverse("begrippen:voorstellen", args=[slug]),
            "terug": reverse("begrippen:lijst", args=[slug]),
        },
    )


@require_http_methods(["GET", "POST"])
def bewerken(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """The facilitator changes a term and settles it."""
    toegang, begrip = access.begrip_get_for_manage(user=request.user, slug=slug, pk=pk)
    form = BegripForm(posted(request), instance=begrip)
    if request.method == "POST" and form.is_valid():
        try:
            services.begrip_update(begrip=begrip, data=form.cleaned_data)
        except services.TermBestaatAl:
            form.add_error("term", _("This term is already on the list."))
        else:
            messages.success(request, _("The term has been saved."))
            return redirect("begrippen:lijst", slug=slug)
    return render(
        request,
        "begrippen/form.html",
        {
            "praktijk": toegang.praktijk,
            "toegang": toegang,
            "form": form,
            "begrip": begrip,
            "action": reverse("begrippen:bewerken", args=[slug, begrip.pk]),
            "terug": reverse("begrippen:lijst", args=[slug]),
        },
    )


@require_POST
def verwijderen(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """The facilitator removes a term."""
    _toegang, begrip = access.begrip_get_for_manage(user=request.user, slug=slug, pk=pk)
    services.begrip_delete(begrip=begrip)
    messages.success(request, _("The term has been removed."))
    return redirect("begrippen:lijst", slug=slug)


@login_not_required
@require_GET
def woordenlijst(request: HttpRequest, slug: str) -> HttpResponse:
    """The public glossary: the settled terms only, readable without logging in."""
    praktijk = selectors.praktijk_for_woordenlijst(slug=slug)
    begrippen = selectors.begrippen_vastgesteld(praktijk=praktijk)
    return render(
        request, "begrippen/woordenlijst.html", {"praktijk": praktijk, "begrippen": begrippen}
    )
