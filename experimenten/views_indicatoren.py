"""Indicators of an experiment and their measurements: added, changed and removed by whoever
may change the experiment; shown on the experiment's page."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from config.forms import posted
from config.http import AuthenticatedHttpRequest
from experimenten import access, services
from experimenten.forms import IndicatorForm, MetingForm
from experimenten.models import Experiment


def _terug(experiment: Experiment) -> HttpResponse:
    return redirect(
        reverse(
            "experimenten:detail",
            kwargs={"slug": experiment.praktijk.slug, "pk": experiment.pk},
        )
        + "#indicatoren"
    )


@require_http_methods(["GET", "POST"])
def indicator_nieuw(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Add an indicator to the experiment."""
    toegang, experiment = access.experiment_get_for_edit(user=request.user, slug=slug, pk=pk)
    form = IndicatorForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.indicator_create(experiment=experiment, by=request.user, **form.cleaned_data)
        messages.success(request, _("The indicator has been added."))
        return _terug(experiment)
    return render(
        request,
        "experimenten/indicator_form.html",
        {
            "praktijk": toegang.praktijk,
            "toegang": toegang,
            "experiment": experiment,
            "form": form,
            "indicator": None,
        },
        status=422 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def indicator_bewerken(
    request: AuthenticatedHttpRequest, slug: str, pk: int, indicator_pk: int
) -> HttpResponse:
    """Change an indicator's name, unit, baseline or target."""
    toegang, experiment, indicator = access.indicator_get_for_edit(
        user=request.user, slug=slug, pk=pk, indicator_pk=indicator_pk
    )
    naam = indicator.naam  # the form puts typed values on the instance; the page keeps this
    form = IndicatorForm(posted(request), instance=indicator)
    if request.method == "POST" and form.is_valid():
        services.indicator_update(indicator=indicator, by=request.user, **form.cleaned_data)
        messages.success(request, _("The indicator has been saved."))
        return _terug(experiment)
    return render(
        request,
        "experimenten/indicator_form.html",
        {
            "praktijk": toegang.praktijk,
            "toegang": toegang,
            "experiment": experiment,
            "form": form,
            "indicator": indicator,
            "naam": naam,
        },
        status=422 if form.errors else 200,
    )


@require_POST
def indicator_verwijderen(
    request: AuthenticatedHttpRequest, slug: str, pk: int, indicator_pk: int
) -> HttpResponse:
    """Remove an indicator with its measurements."""
    _toegang, experiment, indicator = access.indicator_get_for_edit(
        user=request.user, slug=slug, pk=pk, indicator_pk=indicator_pk
    )
    services.indicator_delete(indicator=indicator, by=request.user)
    messages.success(request, _("The indicator has been removed."))
    return _terug(experiment)


@require_http_methods(["GET", "POST"])
def meting_nieuw(
    request: AuthenticatedHttpRequest, slug: str, pk: int, indicator_pk: int
) -> HttpResponse:
    """Record a measurement of an indicator."""
    toegang, experiment, indicator = access.indicator_get_for_edit(
        user=request.user, slug=slug, pk=pk, indicator_pk=indicator_pk
    )
    form = MetingForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.meting_add(indicator=indicator, by=request.user, **form.cleaned_data)
        messages.success(request, _("The measurement has been added."))
        return _terug(experiment)
    return render(
        request,
        "experimenten/meting_form.html",
        {
            "praktijk": toegang.praktijk,
            "toegang": toegang,
            "experiment": experiment,
            "indicator": indicator,
            "form": form,
        },
        status=422 if form.errors else 200,
    )


@require_POST
def meting_verwijderen(
    request: AuthenticatedHttpRequest, slug: str, pk: int, indicator_pk: int, meting_pk: int
) -> HttpResponse:
    """Remove a measurement entered by mistake."""
    _toegang, experiment, meting = access.meting_get_for_edit(
        user=request.user, slug=slug, pk=pk, indicator_pk=indicator_pk, meting_pk=meting_pk
    )
    services.meting_delete(meting=meting, by=request.user)
    messages.success(request, _("The measurement has been removed."))
    return _terug(experiment)
