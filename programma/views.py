"""The programme team's pages: the overview across the programme's practices, and starting a
practice there with its first facilitator. The team is no member of any practice: no page here
links into one, and none shows a practice's people or a carer's words."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from config.http import AuthenticatedHttpRequest
from praktijken.access import programma_get_for_team, programma_praktijk_get_for_team
from programma import selectors, services
from programma.forms import FacilitatorUitnodigenForm, PraktijkStartenForm


@require_GET
def overzicht(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Each practice of the programme: theme, status, experiments, released figures."""
    programma = programma_get_for_team(user=request.user, slug=slug)
    return render(
        request,
        "programma/overzicht.html",
        {
            "programma": programma,
            "rijen": selectors.programma_overzicht(programma=programma),
            "k": selectors.drempel(),
        },
    )


@require_http_methods(["GET", "POST"])
def praktijk_starten(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Start a practice in the programme and invite its first facilitator."""
    programma = programma_get_for_team(user=request.user, slug=slug)
    form = PraktijkStartenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            start = services.praktijk_start(
                programma=programma, by=request.user, data=form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("%(praktijk)s has been started. Its first facilitator has been invited.")
                % {"praktijk": start.praktijk.naam},
            )
            return redirect("programma:overzicht", slug=programma.slug)
    return render(
        request, "programma/praktijk_starten.html", {"programma": programma, "form": form}
    )


@require_http_methods(["GET", "POST"])
def facilitator_uitnodigen(
    request: AuthenticatedHttpRequest, slug: str, praktijk: str
) -> HttpResponse:
    """Invite the first facilitator of a practice of the programme that has none yet (403 once
    it has one: then the facilitator invites)."""
    programma, gekozen = programma_praktijk_get_for_team(
        user=request.user, slug=slug, praktijk_slug=praktijk
    )
    if services.praktijk_heeft_facilitator(praktijk=gekozen):
        raise PermissionDenied
    form = FacilitatorUitnodigenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.facilitator_invite(
                praktijk=gekozen,
                by=request.user,
                email=form.cleaned_data["email"],
                naam=form.cleaned_data["naam"],
            )
        except services.HeeftFacilitator as exc:
            raise PermissionDenied from exc
        except ValidationError as exc:
            form.add_error("email", exc.messages)
        else:
            messages.success(
                request,
                _("The first facilitator of %(praktijk)s has been invited.")
                % {"praktijk": gekozen.naam},
            )
            return redirect("programma:overzicht", slug=programma.slug)
    return render(
        request,
        "programma/facilitator_uitnodigen.html",
        {"programma": programma, "gekozen": gekozen, "form": form},
    )
