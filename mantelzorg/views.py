"""Carers' feedback: the public form and thanks page, the facilitators' inbox, the members' view.

The public form stores first and notifies later: whatever happens to Redis, Celery or the mail
server, the carer sees the thanks page and the feedback is in the inbox.
"""

import copy

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from config.exports import XLSX, bestand_response
from config.http import AuthenticatedHttpRequest, HtmxHttpRequest
from config.pages import message_page, page_or_partial
from config.ratelimit import Client, client_ip
from mantelzorg import exports, selectors, services
from mantelzorg.access import reactie_get_for_manage
from mantelzorg.forms import (
    AntwoordForm,
    InboxFilterForm,
    MantelzorgForm,
    MantelzorgFormulierForm,
    ReactieForm,
)
from mantelzorg.models import Reactie
from netwerk.selectors import steunpunt_for_praktijk
from praktijken.access import Toegang, praktijk_get_for_manage, praktijk_get_for_user
from praktijken.models import Praktijk

PER_PAGINA = 25
NIET_TE_BEANTWOORDEN = gettext_lazy(
    "This carer cannot be sent a reply: their contact details have been removed, they left no "
    "email address, or a reply has already been sent."
)
TE_DRUK = gettext_lazy(
    "Many people are sending feedback from the same place right now. Wait a few minutes and "
    "press “Send” again. What you filled in stays here."
)


@login_not_required
@never_cache  # a shared computer's Back button must not bring back the last carer's answers
@require_http_methods(["GET", "POST"])
def formulier(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """The public form: anyone tells the network how the collaboration works for them."""
    praktijk = selectors.praktijk_for_formulier(slug=slug)
    formulier = selectors.formulier_for_praktijk(praktijk=praktijk)
    if not formulier.is_open:
        # A friendly page, not an error: the address is right, the form is just closed for now.
        titel = _("The form is closed for now")
        return message_page(
            request,
            titel=titel,
            paginatitel=f"{titel} · {praktijk.naam}",
            tekst=[
                _(
                    "%(praktijk)s is not collecting feedback through this form at the moment. "
                    "Thank you for wanting to tell us something."
                )
                % {"praktijk": praktijk.naam},
                _(
                    "Would you still like to share your story, or do you need help? Contact the "
                    "carer support point in your municipality."
                ),
            ],
        )
    status = 200
    if request.method == "POST":
        afzender = Client(
            adres=client_ip(request), browser=request.COOKIES.get(settings.CSRF_COOKIE_NAME, "")
        )
        form = MantelzorgForm(request.POST, praktijk=praktijk)
        if not selectors.post_allowed(praktijk=praktijk, afzender=afzender):
            # Nobody did anything wrong: the form stays filled in, to send again in a while.
            form.add_error(None, TE_DRUK)
            status = 429
        elif form.is_robot:
            # A robot filled in the hidden field: it sees the thanks page, nothing is stored.
            services.post_count(praktijk=praktijk, afzender=afzender)
            return redirect("mantelzorg:bedankt", slug=praktijk.slug)
        elif form.is_valid():
            services.reactie_submit(praktijk=praktijk, afzender=afzender, data=form.reactie_data())
            return redirect("mantelzorg:bedankt", slug=praktijk.slug)
        elif form.te_snel:
            services.post_count(praktijk=praktijk, afzender=afzender)
    else:
        form = MantelzorgForm(praktijk=praktijk)
    return render(
        request,
        "mantelzorg/formulier.html",
        {
            "praktijk": praktijk,
            "formulier": formulier,
            "form": form,
            "bewaren_maanden": settings.MANTELZORG_CONTACT_BEWAREN_MAANDEN,
            "bewaren_tot": selectors.contact_bewaren_tot(),
        },
        status=status if status != 200 else (422 if form.errors else 200),
    )


@login_not_required
@require_GET
def bedankt(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """Thanks, and what happens with the feedback now."""
    praktijk = selectors.praktijk_for_formulier(slug=slug)
    return render(
        request,
        "mantelzorg/bedankt.html",
        {
            "praktijk": praktijk,
            "bewaren_maanden": settings.MANTELZORG_CONTACT_BEWAREN_MAANDEN,
            # Only the organisation's own public details, never a person's.
            "steunpunt": steunpunt_for_praktijk(praktijk=praktijk),
        },
    )


def _formulier_url(request: HttpRequest, praktijk: Praktijk) -> str:
    """The public form's full address, to share with carers."""
    return request.build_absolute_uri(
        reverse("mantelzorg:formulier", kwargs={"slug": praktijk.slug})
    )


@require_GET
def inbox(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The facilitators' inbox: every reaction with its status, filtered, newest first."""
    toegang = praktijk_get_for_manage(user=request.user, slug=slug)
    praktijk = toegang.praktijk
    form = InboxFilterForm(request.GET, praktijk=praktijk)
    filters = form.filters()
    paginator = Paginator(selectors.reacties_for_inbox(praktijk=praktijk, **filters), PER_PAGINA)
    pagina = paginator.get_page(request.GET.get("pagina"))
    querystring = request.GET.copy()
    querystring.pop("pagina", None)
    context = {
        "praktijk": praktijk,
        "toegang": toegang,
        "form": form,
        "pagina": pagina,
        "reacties": list(pagina.object_list),
        "gefilterd": bool(filters),
        "querystring": querystring.urlencode(),
        "formulier_url": _formulier_url(request, praktijk),
    }
    return page_or_partial(request, "mantelzorg/inbox.html", "resultaten", context)


@require_http_methods(["GET", "POST"])
def reactie_detail(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """One reaction: read it (which marks it read), tag it, note, pass on, share."""
    toegang, reactie = reactie_get_for_manage(user=request.user, slug=slug, pk=pk)
    if request.method == "POST":
        # The form writes into its instance while validating: keep the shown reaction intact.
        form = ReactieForm(request.POST, instance=copy.copy(reactie), praktijk=toegang.praktijk)
        if form.is_valid():
            data = form.cleaned_data
            services.reactie_update(
                reactie=reactie,
                by=request.user,
                status=data["status"],
                condities=data["condities"],
                experiment=data["experiment"],
                doorgegeven_aan=data["doorgegeven_aan"],
                deelbaar=data["deelbaar"],
                gedeeld_met_leden=data["gedeeld_met_leden"],
                interne_notitie=data["interne_notitie"],
            )
            messages.success(request, _("The feedback has been saved."))
            return redirect("mantelzorg:reactie", slug=slug, pk=reactie.pk)
    else:
        reactie = services.reactie_mark_read(reactie=reactie)
        form = ReactieForm(instance=reactie, praktijk=toegang.praktijk)
    return _reactie_page(request, toegang, reactie, form=form, antwoord_form=AntwoordForm())


def _reactie_page(
    request: AuthenticatedHttpRequest,
    toegang: Toegang,
    reactie: Reactie,
    *,
    form: ReactieForm,
    antwoord_form: AntwoordForm,
) -> HttpResponse:
    return render(
        request,
        "mantelzorg/reactie.html",
        {
            "praktijk": toegang.praktijk,
            "toegang": toegang,
            "reactie": reactie,
            "form": form,
            "antwoord_form": antwoord_form,
            "doorgeven": selectors.doorgeven_status(reactie=reactie),
        },
        status=422 if form.errors or antwoord_form.errors else 200,
    )


@require_POST
def beantwoorden(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Send the facilitator's reply to a carer who left an email address with consent."""
    toegang, reactie = reactie_get_for_manage(user=request.user, slug=slug, pk=pk)
    antwoord_form = AntwoordForm(request.POST)
    if antwoord_form.is_valid():
        try:
            services.reactie_reply(
                reactie=reactie, by=request.user, tekst=antwoord_form.cleaned_data["tekst"]
            )
        except services.AntwoordNietMogelijk:
            messages.error(request, NIET_TE_BEANTWOORDEN)
            return redirect("mantelzorg:reactie", slug=slug, pk=reactie.pk)
        except OSError:
            # The mail server is away: nothing went out; the text stays in the form to try again.
            antwoord_form.add_error(
                None, _("Your reply could not be sent right now. Try again in a few minutes.")
            )
        else:
            messages.success(request, _("Your reply has been sent to the carer."))
            return redirect("mantelzorg:reactie", slug=slug, pk=reactie.pk)
    form = ReactieForm(instance=reactie, praktijk=toegang.praktijk)
    return _reactie_page(request, toegang, reactie, form=form, antwoord_form=antwoord_form)


@require_POST
def contact_verwijderen(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Remove the carer's contact details on request; the feedback stays, anonymous."""
    _toegang, reactie = reactie_get_for_manage(user=request.user, slug=slug, pk=pk)
    services.reactie_contact_delete(reactie=reactie, by=request.user)
    messages.success(request, _("The contact details have been removed."))
    return redirect("mantelzorg:reactie", slug=slug, pk=reactie.pk)


@require_http_methods(["GET", "POST"])
def instellingen(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Switch the public form on or off and set its introduction."""
    toegang = praktijk_get_for_manage(user=request.user, slug=slug)
    formulier = selectors.formulier_for_praktijk(praktijk=toegang.praktijk)
    form = MantelzorgFormulierForm(
        request.POST if request.method == "POST" else None, instance=copy.copy(formulier)
    )
    if request.method == "POST" and form.is_valid():
        services.formulier_save(praktijk=toegang.praktijk, by=request.user, **form.cleaned_data)
        messages.success(request, _("The settings of the form have been saved."))
        return redirect("mantelzorg:inbox", slug=slug)
    return render(
        request,
        "mantelzorg/instellingen.html",
        {"praktijk": toegang.praktijk, "toegang": toegang, "form": form},
        status=422 if form.errors else 200,
    )


@require_GET
def overzicht(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """What every member sees: totals per month, the told-my-story figure, shared quotes."""
    toegang = praktijk_get_for_user(user=request.user, slug=slug)
    praktijk = toegang.praktijk
    maanden = selectors.reacties_per_maand(praktijk=praktijk)
    return render(
        request,
        "mantelzorg/overzicht.html",
        {
            "praktijk": praktijk,
            "toegang": toegang,
            "maanden": maanden,
            "totaal": sum(m.aantal for m in maanden),
            "grafiek": selectors.verteld_grafiek(maanden=maanden),
            "citaten": selectors.deelbare_citaten(praktijk=praktijk, limit=10),
            "gedeeld": selectors.gedeelde_reacties(praktijk=praktijk),
            "formulier_url": _formulier_url(request, praktijk),
        },
    )


def _export(request: HttpRequest, slug: str) -> tuple[str, list[Reactie]]:
    toegang = praktijk_get_for_manage(user=request.user, slug=slug)
    praktijk = toegang.praktijk
    naam = f"mantelzorgers-{praktijk.slug}-{timezone.localdate().isoformat()}"
    return naam, list(selectors.reacties_for_export(praktijk=praktijk))


@require_GET
def export_csv(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """All feedback of the practice as CSV, without contact details or internal notes."""
    naam, reacties = _export(request, slug)
    return bestand_response(
        exports.reacties_csv(reacties),
        content_type="text/csv; charset=utf-8",
        naam=f"{naam}.csv",
    )


@require_GET
def export_xlsx(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """All feedback of the practice as an Excel workbook, without contact details."""
    naam, reacties = _export(request, slug)
    return bestand_response(exports.reacties_xlsx(reacties), content_type=XLSX, naam=f"{naam}.xlsx")
