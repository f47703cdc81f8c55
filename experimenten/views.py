from typing import TypedDict

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from config.forms import DelenForm, posted
from config.http import AuthenticatedHttpRequest
from config.pages import page_or_partial
from experimenten import access, selectors, services
from experimenten.forms import (
    AfsluitenForm,
    ExperimentFilterForm,
    ExperimentForm,
    OpbrengstForm,
    TussenstapForm,
)
from experimenten.models import Experiment, Fase
from mantelzorg import selectors as mantelzorg_selectors
from netwerk.access import LidToegang, lid_get_for_edit, lid_get_for_user

# Plain-Dutch explanations of the four phases of Appreciative Inquiry, shown on every experiment.
FASE_UITLEG: dict[str, Promise] = {
    Fase.VERKENNEN: gettext_lazy("What already works? Collect the stories of what went well."),
    Fase.VERBEELDEN: gettext_lazy("Imagine the future you want: the inviting perspective."),
    Fase.VORMGEVEN: gettext_lazy(
        "Write short, positive design statements and think up experiments."
    ),
    Fase.VERWEZENLIJKEN: gettext_lazy(
        "Start small and just do it: small teams try things out and learn as they go."
    ),
}


class FaseStap(TypedDict):
    """One of the four phases as an experiment's page shows it."""

    waarde: str
    label: str | Promise
    uitleg: str | Promise
    huidig: bool


def _fasen(huidige: str) -> list[FaseStap]:
    return [
        FaseStap(waarde=fase, label=label, uitleg=FASE_UITLEG[fase], huidig=fase == huidige)
        for fase, label in Fase.choices
    ]


def _detail_context(
    *,
    toegang: LidToegang,
    experiment: Experiment,
    stap_form: TussenstapForm | None = None,
    opbrengst_form: OpbrengstForm | None = None,
) -> dict:
    return {
        "praktijk": toegang.praktijk,
        "toegang": toegang,
        "experiment": experiment,
        "mag_bewerken": access.experiment_can_edit(toegang=toegang, experiment=experiment),
        "fasen": _fasen(experiment.fase),
        "stappen": selectors.tussenstappen_for_experiment(experiment=experiment),
        "opbrengsten": selectors.opbrengsten_by_soort(experiment=experiment),
        "indicatoren": selectors.indicatoren_for_experiment(experiment=experiment),
        "stap_form": TussenstapForm() if stap_form is None else stap_form,
        "opbrengst_form": OpbrengstForm() if opbrengst_form is None else opbrengst_form,
        # Carers' feedback about this experiment: for whoever may read the inbox, texts only.
        "reacties": (
            mantelzorg_selectors.reacties_for_experiment(experiment=experiment)
            if toegang.can_manage
            else None
        ),
    }


@require_GET
def lijst(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The practice's experiments, filtered by level, phase, status and design question."""
    toegang = lid_get_for_user(user=request.user, slug=slug)
    form = ExperimentFilterForm(request.GET, praktijk=toegang.praktijk)
    filters = form.filters()
    experimenten = list(selectors.experimenten_filter(praktijk=toegang.praktijk, **filters))
    context = {
        "praktijk": toegang.praktijk,
        "toegang": toegang,
        "form": form,
        "experimenten": experimenten,
        "gefilterd": bool(filters),
    }
    return page_or_partial(request, "experimenten/lijst.html", "resultaten", context)


@require_GET
def detail(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """One experiment: its aim, phase, people, timeline of small steps, outcomes and write-up."""
    toegang, experiment = access.experiment_get_for_user(user=request.user, slug=slug, pk=pk)
    return render(
        request,
        "experimenten/detail.html",
        _detail_context(toegang=toegang, experiment=experiment),
    )


@require_http_methods(["GET", "POST"])
def nieuw(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Start a new experiment (core group); ?ontwerpvraag=<id> picks the design question."""
    toegang = lid_get_for_edit(user=request.user, slug=slug)
    if request.method == "POST":
        form = ExperimentForm(request.POST, praktijk=toegang.praktijk)
        if form.is_valid():
            experiment = services.experiment_create(
                praktijk=toegang.praktijk, by=request.user, **form.cleaned_data
            )
            messages.success(request, _("The experiment has been created."))
            return redirect("experimenten:detail", slug=slug, pk=experiment.pk)
    else:
        initial = {}
        # A design question from the address is only a suggestion: unknown ones are ignored.
        vraag = ExperimentFilterForm(
            {"ontwerpvraag": request.GET.get("ontwerpvraag", "")}, praktijk=toegang.praktijk
        ).filters()
        if "ontwerpvraag" in vraag:
            initial["ontwerpvraag"] = vraag["ontwerpvraag"]
        form = ExperimentForm(praktijk=toegang.praktijk, initial=initial)
    return render(
        request,
        "experimenten/form.html",
        {"praktijk": toegang.praktijk, "toegang": toegang, "form": form, "experiment": None},
    )


@require_http_methods(["GET", "POST"])
def bewerken(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Change an experiment: the core group, its owner, or a member of an involved organisation."""
    toegang, experiment = access.experiment_get_for_edit(user=request.user, slug=slug, pk=pk)
    titel = experiment.titel  # the form puts typed values on the instance; the page keeps this
    form = ExperimentForm(
        posted(request),
        instance=experiment,
        praktijk=toegang.praktijk,
        kan_heropenen=toegang.can_edit,
    )
    if request.method == "POST" and form.is_valid():
        # The ModelForm has put the values on the instance already; the service saves them.
        services.experiment_update(experiment=experiment, by=request.user, **form.cleaned_data)
        messages.success(request, _("The experiment has been saved."))
        return redirect("experimenten:detail", slug=slug, pk=experiment.pk)
    return render(
        request,
        "experimenten/form.html",
        {
            "praktijk": toegang.praktijk,
            "toegang": toegang,
            "form": form,
            "experiment": experiment,
            "titel": titel,
        },
    )


@require_POST
def stap_nieuw(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Add a small step to the timeline; with htmx the timeline updates in place."""
    toegang, experiment = access.experiment_get_for_edit(user=request.user, slug=slug, pk=pk)
    form = TussenstapForm(request.POST)
    if form.is_valid():
        services.tussenstap_add(experiment=experiment, by=request.user, **form.cleaned_data)
        if not request.htmx:
            messages.success(request, _("The small step has been added."))
            return redirect(
                reverse("experimenten:detail", kwargs={"slug": slug, "pk": pk}) + "#tijdlijn"
            )
        form = TussenstapForm()
    context = _detail_context(toegang=toegang, experiment=experiment, stap_form=form)
    if request.htmx:
        # The timeline, and the small form (emptied, or with its errors) swapped out of band.
        return HttpResponse(
            render_to_string("experimenten/detail.html#tijdlijn", context, request)
            + render_to_string(
                "experimenten/detail.html#stap_formulier", {**context, "oob": True}, request
            )
        )
    return render(request, "experimenten/detail.html", context)


@require_POST
def opbrengst_nieuw(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Record an outcome of the experiment."""
    toegang, experiment = access.experiment_get_for_edit(user=request.user, slug=slug, pk=pk)
    form = OpbrengstForm(request.POST)
    if form.is_valid():
        services.opbrengst_add(experiment=experiment, by=request.user, **form.cleaned_data)
        messages.success(request, _("The outcome has been added."))
        return redirect(
            reverse("experimenten:detail", kwargs={"slug": slug, "pk": pk}) + "#opbrengsten"
        )
    context = _detail_context(toegang=toegang, experiment=experiment, opbrengst_form=form)
    return render(request, "experimenten/detail.html", context)


@require_http_methods(["GET", "POST"])
def afsluiten(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Close the experiment as finished or stopped, with result, lessons learned and a tip."""
    toegang, experiment = access.experiment_get_for_edit(user=request.user, slug=slug, pk=pk)
    form = AfsluitenForm(posted(request), experiment=experiment)
    if request.method == "POST" and form.is_valid():
        services.experiment_close(experiment=experiment, by=request.user, **form.cleaned_data)
        messages.success(request, _("The experiment has been closed. Thank you for the write-up."))
        return redirect("experimenten:detail", slug=slug, pk=experiment.pk)
    return render(
        request,
        "experimenten/afsluiten.html",
        {"praktijk": toegang.praktijk, "toegang": toegang, "form": form, "experiment": experiment},
    )


@require_POST
def delen(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Share the experiment's write-up with the programme's library, or stop (editors)."""
    _toegang, experiment = access.experiment_get_for_share(user=request.user, slug=slug, pk=pk)
    form = DelenForm(request.POST)
    form.is_valid()  # one optional checkbox: always valid, absent means "stop sharing"
    gedeeld = form.cleaned_data["delen"]
    services.experiment_share(experiment=experiment, by=request.user, gedeeld=gedeeld)
    if gedeeld:
        messages.success(request, _("The experiment is now in the programme's library."))
    else:
        messages.success(request, _("The experiment is no longer in the programme's library."))
    return redirect(reverse("experimenten:detail", kwargs={"slug": slug, "pk": pk}) + "#delen")


@require_POST
def opbrengst_delen(
    request: AuthenticatedHttpRequest, slug: str, pk: int, opbrengst_pk: int
) -> HttpResponse:
    """Share one outcome with the programme's library, or stop (editors)."""
    _toegang, _experiment, opbrengst = access.opbrengst_get_for_share(
        user=request.user, slug=slug, pk=pk, opbrengst_pk=opbrengst_pk
    )
    form = DelenForm(request.POST)
    form.is_valid()  # one optional checkbox: always valid, absent means "stop sharing"
    gedeeld = form.cleaned_data["delen"]
    services.opbrengst_share(opbrengst=opbrengst, by=request.user, gedeeld=gedeeld)
    if gedeeld:
        messages.success(request, _("The outcome is now in the programme's library."))
    else:
        messages.success(request, _("The outcome is no longer in the programme's library."))
    return redirect(
        reverse("experimenten:detail", kwargs={"slug": slug, "pk": pk}) + "#opbrengsten"
    )
