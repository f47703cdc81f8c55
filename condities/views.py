"""The facilitator's side of a workshop: sessions, discussion and paper (the room's screen is in
views_scherm)."""

import io

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from condities.access import (
    actie_get_for_edit,
    bijeenkomst_get_for_sessie,
    sessie_get_for_edit,
    sessie_get_for_manage,
    sessie_get_for_user,
)
from condities.forms import (
    ActieExperimentForm,
    ActieForm,
    BijeenkomstSessieForm,
    DeelnemersVerwijderenForm,
    PapierForm,
    RevealForm,
    SessieForm,
    SluitenForm,
)
from condities.models import Sessie
from condities.selectors import deelname as deelname_selectors
from condities.selectors import papier as papier_selectors
from condities.selectors import sessies as sessie_selectors
from condities.services import afsluiten
from condities.services import deelname as deelname_services
from condities.services import papier as papier_services
from condities.services import sessies as sessie_services
from condities.services.sessies import SessieGesloten
from config.forms import posted
from config.http import AuthenticatedHttpRequest, HtmxHttpRequest
from praktijken.access import Toegang, praktijk_get_for_manage, praktijk_get_for_user
from praktijken.selectors import ontwerpvragen_for_praktijk


def _join_url(request: HttpRequest, sessie: Sessie) -> str:
    """The address participants join at: SITE_URL when it is set, else this request's host
    (`get_host` refuses a host that is not in ALLOWED_HOSTS)."""
    path = reverse("condities:doe_mee_code", kwargs={"code": sessie.code})
    if settings.SITE_URL_FROM_ENV:
        return settings.SITE_URL + path
    return request.build_absolute_uri(path)


@require_GET
def sessies(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    toegang = praktijk_get_for_user(user=request.user, slug=slug)
    return render(
        request,
        "condities/sessies.html",
        {
            "toegang": toegang,
            "praktijk": toegang.praktijk,
            "sessies": sessie_selectors.sessies_for_praktijk(praktijk=toegang.praktijk),
        },
    )


@require_http_methods(["GET", "POST"])
def sessie_nieuw(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    toegang = praktijk_get_for_manage(user=request.user, slug=slug)
    form = SessieForm(posted(request))
    if request.method == "POST" and form.is_valid():
        sessie = sessie_services.sessie_create(
            praktijk=toegang.praktijk, by=request.user, **form.cleaned_data
        )
        messages.success(
            request, _("The session has been created. Open it when the room is ready.")
        )
        return redirect("condities:sessie_detail", slug=slug, pk=sessie.pk)
    return render(
        request,
        "condities/sessie_form.html",
        {"toegang": toegang, "praktijk": toegang.praktijk, "form": form},
        status=422 if form.errors else 200,
    )


def _sessie_detail(
    request: AuthenticatedHttpRequest,
    toegang: Toegang,
    sessie: Sessie,
    *,
    actie_form: ActieForm | None,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "condities/sessie_detail.html",
        {
            "toegang": toegang,
            "praktijk": toegang.praktijk,
            "sessie": sessie,
            "join_url": _join_url(request, sessie) if sessie.is_open else "",
            "acties": sessie_selectors.acties_for_sessie(sessie=sessie),
            "actie_form": actie_form,
            "aantallen": sessie_selectors.sessie_aantallen(sessie=sessie),
            "aanmeldingen": _aanmeldingen(toegang, sessie),
            "sluiten_form": SluitenForm(),
        },
        status=status,
    )


def _aanmeldingen(toegang: Toegang, sessie: Sessie) -> list[dict]:
    """For the facilitator of an open session: clusters of joins from one network, each with
    the form to remove some of them."""
    if not (toegang.can_manage and sessie.is_open):
        return []
    return [
        {
            "cluster": cluster,
            "form": DeelnemersVerwijderenForm(deelnemers=cluster.deelnemers, prefix=f"c{index}"),
        }
        for index, cluster in enumerate(deelname_selectors.opvallende_aanmeldingen(sessie=sessie))
    ]


@require_POST
def deelnemers_verwijderen(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Remove participants of a cluster of joins (stuffing) and their answers."""
    _toegang, sessie = sessie_get_for_manage(user=request.user, slug=slug, pk=pk)
    prefix = request.POST.get("prefix", "")
    form = DeelnemersVerwijderenForm(
        request.POST,
        # Only participants of this session's clusters can be chosen.
        deelnemers=[
            d
            for cluster in deelname_selectors.opvallende_aanmeldingen(sessie=sessie)
            for d in cluster.deelnemers
        ],
        prefix=prefix if prefix.startswith("c") else None,
    )
    if not form.is_valid():
        messages.error(
            request,
            _("Nothing was removed: tick the participants and confirm that you are sure."),
        )
        return redirect(reverse("condities:sessie_detail", args=[slug, pk]) + "#aanmeldingen")
    gekozen = form.cleaned_data["deelnemers"]
    try:
        deelname_services.deelnemers_remove(sessie=sessie, deelnemers=gekozen, by=request.user)
    except SessieGesloten:
        messages.error(request, _("This session is closed: its answers can no longer change."))
    else:
        messages.success(
            request,
            ngettext(
                "%(n)s participant and their answers have been removed.",
                "%(n)s participants and their answers have been removed.",
                len(gekozen),
            )
            % {"n": len(gekozen)},
        )
    return redirect("condities:sessie_detail", slug=slug, pk=pk)


@require_GET
def sessie_detail(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    toegang, sessie = sessie_get_for_user(user=request.user, slug=slug, pk=pk)
    actie_form = ActieForm(condities=sessie.condities) if toegang.can_edit else None
    return _sessie_detail(request, toegang, sessie, actie_form=actie_form)


@require_POST
def sessie_openen(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    _toegang, sessie = sessie_get_for_manage(user=request.user, slug=slug, pk=pk)
    try:
        sessie_services.sessie_open(sessie=sessie, by=request.user)
    except SessieGesloten:
        messages.error(request, _("This session is closed and cannot be opened again."))
    else:
        messages.success(request, _("The session is open. Show the code or the QR code."))
    return redirect("condities:sessie_detail", slug=slug, pk=pk)


@require_POST
def sessie_sluiten(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    _toegang, sessie = sessie_get_for_manage(user=request.user, slug=slug, pk=pk)
    if not SluitenForm(request.POST).is_valid():
        messages.error(request, _("Nothing has changed: tick that you are sure, then close."))
        return redirect(reverse("condities:sessie_detail", args=[slug, pk]) + "#beheer-kop")
    try:
        afsluiten.sessie_close(sessie=sessie, by=request.user)
    except SessieGesloten:
        pass  # closed a moment ago (a second click): nothing more to say
    else:
        messages.success(
            request, _("The session is closed. The scores have been added to the practice.")
        )
    return redirect("condities:sessie_detail", slug=slug, pk=pk)


@require_GET
def presentatie(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """The old presenter view's address (bookmarks): on to the room's screen, for those who may
    run the session."""
    sessie_get_for_manage(user=request.user, slug=slug, pk=pk)
    return redirect("condities:scherm", slug=slug, pk=pk)


@login_not_required
@require_GET
def presentatie_live(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    """The old presenter view's poll (a screen left open): on to the room's screen as well. A
    poll without a login gets a 404, not the login page."""
    sessie_get_for_manage(user=request.user, slug=slug, pk=pk)
    return redirect("condities:scherm", slug=slug, pk=pk)


@require_POST
def onthullen(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Reveal one condition or all of them ("alle"), then show the room's screen."""
    _toegang, sessie = sessie_get_for_manage(user=request.user, slug=slug, pk=pk)
    form = RevealForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Unknown condition."), status=400)
    sessie_services.sessie_reveal(sessie=sessie, condities=form.codes(), by=request.user)
    return redirect("condities:scherm", slug=slug, pk=pk)


@require_GET
def qr(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """The join link as a QR code (SVG) for the projector."""
    _toegang, sessie = sessie_get_for_manage(user=request.user, slug=slug, pk=pk)
    if not sessie.is_open:
        return HttpResponse(status=404)
    image = qrcode.make(
        _join_url(request, sessie), image_factory=qrcode.image.svg.SvgPathImage, box_size=12
    )
    buffer = io.BytesIO()
    image.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type="image/svg+xml")
    response["Cache-Control"] = "private, max-age=300"
    return response


@require_POST
def actie_nieuw(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    toegang, sessie = sessie_get_for_edit(user=request.user, slug=slug, pk=pk)
    form = ActieForm(request.POST, condities=sessie.condities)
    if form.is_valid():
        sessie_services.actie_create(sessie=sessie, actie=form.save(commit=False), by=request.user)
        messages.success(request, _("Saved in the discussion."))
        return redirect(reverse("condities:sessie_detail", args=[slug, pk]) + "#bespreking")
    return _sessie_detail(request, toegang, sessie, actie_form=form, status=422)


@require_http_methods(["GET", "POST"])
def papier(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Type in the tallies from paper forms; they count like online answers."""
    toegang, sessie = sessie_get_for_manage(user=request.user, slug=slug, pk=pk)
    form = PapierForm(
        posted(request),
        stellingen=sessie_selectors.stellingen_for_sessie(sessie=sessie),
        bestaand=papier_selectors.papier_tellingen(sessie=sessie),
        initial={"formulieren": sessie.papieren_formulieren},
    )
    if request.method == "POST" and form.is_valid():
        try:
            papier_services.papier_tellingen_save(
                sessie=sessie,
                formulieren=form.cleaned_data["formulieren"],
                tellingen=form.tellingen(),
                by=request.user,
            )
        except SessieGesloten:
            messages.error(request, _("This session is closed: the tallies can no longer change."))
        else:
            messages.success(request, _("The paper tallies have been saved."))
            return redirect("condities:sessie_detail", slug=slug, pk=pk)
    return render(
        request,
        "condities/papier.html",
        {"toegang": toegang, "praktijk": toegang.praktijk, "sessie": sessie, "form": form},
        status=422 if form.errors else 200,
    )


@require_GET
def formulier(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """The printable statement sheet for paper mode."""
    toegang, sessie = sessie_get_for_user(user=request.user, slug=slug, pk=pk)
    return render(
        request,
        "condities/formulier.html",
        {
            "toegang": toegang,
            "praktijk": toegang.praktijk,
            "sessie": sessie,
            "condities": sessie_selectors.stellingen_per_conditie(sessie=sessie),
        },
    )


@require_http_methods(["GET", "POST"])
def actie_experiment(
    request: AuthenticatedHttpRequest, slug: str, pk: int, actie_pk: int
) -> HttpResponse:
    """An agreed small step becomes an experiment of the practice."""
    toegang, sessie, actie = actie_get_for_edit(
        user=request.user, slug=slug, pk=pk, actie_pk=actie_pk
    )
    if actie.experiment_id:
        return redirect("experimenten:detail", slug=slug, pk=actie.experiment_id)
    form = ActieExperimentForm(
        posted(request),
        ontwerpvragen=ontwerpvragen_for_praktijk(praktijk=toegang.praktijk),
        initial={"titel": actie.tekst[:200], "doel": actie.tekst},
    )
    if request.method == "POST" and form.is_valid():
        experiment = sessie_services.actie_to_experiment(
            actie=actie, by=request.user, **form.cleaned_data
        )
        messages.success(request, _("The step is now an experiment. Add who takes part."))
        return redirect("experimenten:detail", slug=slug, pk=experiment.pk)
    return render(
        request,
        "condities/actie_experiment.html",
        {
            "toegang": toegang,
            "praktijk": toegang.praktijk,
            "sessie": sessie,
            "actie": actie,
            "form": form,
        },
        status=422 if form.errors else 200,
    )


@require_POST
def bijeenkomst_sessie(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Link the workshop session held at a meeting (or none); editors."""
    _toegang, bijeenkomst = bijeenkomst_get_for_sessie(user=request.user, slug=slug, pk=pk)
    form = BijeenkomstSessieForm(request.POST, bijeenkomst=bijeenkomst)
    if form.is_valid():
        sessie_services.sessie_bijeenkomst_link(
            bijeenkomst=bijeenkomst, sessie=form.cleaned_data["sessie"], by=request.user
        )
        messages.success(request, _("The session has been linked to the meeting."))
    else:
        messages.error(request, _("Choose one of this practice's workshop sessions."))
    return redirect(reverse("praktijken:bijeenkomst_detail", args=[slug, pk]) + "#sessie-kop")
