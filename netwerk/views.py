"""The practice's network: its groups and agreements, its organisations and people."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from config.exports import bestand_response
from config.forms import posted
from config.http import AuthenticatedHttpRequest, HtmxHttpRequest
from config.pages import message_page, page_get, page_or_partial
from netwerk import access, exports, selectors, services
from netwerk.access import LidToegang, lid_get_for_user
from netwerk.forms import (
    AfspraakForm,
    DeelnameForm,
    DeelnameNieuwForm,
    KaartZoekForm,
    OrganisatieForm,
    PersoonForm,
)
from netwerk.models import Groep
from netwerk.services import DeelnameBestaatAl

# Organisations on a page of the social map: a conference-sized network stays a short page.
KAART_PER_PAGINA = 25


@require_GET
def netwerk(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The core group and the design group with their interests, and the working agreements."""
    toegang = lid_get_for_user(user=request.user, slug=slug)
    praktijk = toegang.praktijk
    groepen = selectors.groepen_for_praktijk(praktijk=praktijk)
    return render(
        request,
        "netwerk/netwerk.html",
        {
            "praktijk": praktijk,
            "toegang": toegang,
            "kerngroep": groepen[Groep.KERNGROEP],
            "ontwerpgroep": groepen[Groep.ONTWERPGROEP],
            "afspraken": selectors.afspraken_for_praktijk(praktijk=praktijk),
            "wijzigingen": selectors.wijzigingen_for_praktijk(praktijk=praktijk),
            "belangen_besproken": selectors.belangen_laatst_besproken(praktijk=praktijk),
        },
    )


@require_http_methods(["GET", "POST"])
def deelname_nieuw(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Add an organisation (existing or new) to the core group or the design group."""
    toegang = access.lid_get_for_edit(user=request.user, slug=slug)
    praktijk = toegang.praktijk
    form = DeelnameNieuwForm(posted(request), praktijk=praktijk)
    if request.method == "POST" and form.is_valid():
        try:
            deelname = services.organisatie_join(
                praktijk=praktijk, by=request.user, **form.cleaned_data
            )
        except DeelnameBestaatAl:
            form.add_error("organisatie", _("This organisation already takes part."))
        else:
            messages.success(
                request,
                _("%(naam)s now takes part in the network.") % {"naam": deelname.organisatie},
            )
            return redirect("netwerk:netwerk", slug=praktijk.slug)
    return render(
        request,
        "netwerk/deelname_form.html",
        {"praktijk": praktijk, "toegang": toegang, "form": form, "deelname": None},
    )


@require_http_methods(["GET", "POST"])
def deelname_bewerken(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Change an organisation's group, interests, contribution or time investment."""
    toegang, deelname = access.deelname_get_for_edit(user=request.user, slug=slug, pk=pk)
    praktijk = toegang.praktijk
    form = DeelnameForm(posted(request), instance=deelname)
    if request.method == "POST" and form.is_valid():
        services.deelname_update(deelname=deelname, by=request.user, **form.cleaned_data)
        messages.success(request, _("The participation is saved."))
        return redirect("netwerk:netwerk", slug=praktijk.slug)
    return render(
        request,
        "netwerk/deelname_form.html",
        {"praktijk": praktijk, "toegang": toegang, "form": form, "deelname": deelname},
    )


@require_http_methods(["GET", "POST"])
def afspraak_nieuw(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Add a working agreement."""
    return _afspraak_form(request, slug, pk=None)


@require_http_methods(["GET", "POST"])
def afspraak_bewerken(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Change a working agreement."""
    return _afspraak_form(request, slug, pk=pk)


def _afspraak_form(request: AuthenticatedHttpRequest, slug: str, *, pk: int | None) -> HttpResponse:
    if pk is None:
        toegang, afspraak = access.lid_get_for_edit(user=request.user, slug=slug), None
    else:
        toegang, afspraak = access.afspraak_get_for_edit(user=request.user, slug=slug, pk=pk)
    praktijk = toegang.praktijk
    form = AfspraakForm(posted(request), instance=afspraak)
    if request.method == "POST" and form.is_valid():
        services.afspraak_save(
            praktijk=praktijk, by=request.user, instance=afspraak, **form.cleaned_data
        )
        messages.success(request, _("The agreement is saved."))
        return redirect(reverse("netwerk:netwerk", args=[praktijk.slug]) + "#afspraken")
    return render(
        request,
        "netwerk/afspraak_form.html",
        {"praktijk": praktijk, "toegang": toegang, "form": form, "afspraak": afspraak},
    )


@require_POST
def afspraak_verwijderen(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Remove a working agreement."""
    toegang, afspraak = access.afspraak_get_for_edit(user=request.user, slug=slug, pk=pk)
    services.afspraak_delete(afspraak=afspraak, by=request.user)
    messages.success(request, _("The agreement is removed."))
    return redirect(reverse("netwerk:netwerk", args=[toegang.praktijk.slug]) + "#afspraken")


@require_GET
def organisatie_detail(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """An organisation in the network: contact data, domains, people, and its place here."""
    toegang, organisatie = access.organisatie_get_for_user(user=request.user, slug=slug, pk=pk)
    praktijk = toegang.praktijk
    return render(
        request,
        "netwerk/organisatie_detail.html",
        {
            "praktijk": praktijk,
            "toegang": toegang,
            "organisatie": organisatie,
            "deelname": selectors.deelname_with_history(praktijk=praktijk, organisatie=organisatie),
            "mag_bewerken": toegang.can_edit_organisatie(organisatie.pk),
        },
    )


@require_http_methods(["GET", "POST"])
def organisatie_bewerken(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Change an organisation's entry, or confirm with one button that it is still correct."""
    toegang, organisatie = access.organisatie_get_for_edit(user=request.user, slug=slug, pk=pk)
    praktijk = toegang.praktijk
    detail_url = reverse("netwerk:organisatie_detail", args=[praktijk.slug, organisatie.pk])
    if request.method == "POST" and "klopt_nog" in request.POST:
        services.organisatie_confirm(organisatie=organisatie, praktijk=praktijk, by=request.user)
        messages.success(request, _("Thank you: the entry is confirmed as correct."))
        return redirect(detail_url)
    form = OrganisatieForm(posted(request), instance=organisatie)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        services.organisatie_update(
            organisatie=organisatie,
            praktijk=praktijk,
            by=request.user,
            levensdomeinen=data.pop("levensdomeinen"),
            **data,
        )
        messages.success(request, _("The entry is saved."))
        return redirect(detail_url)
    return render(
        request,
        "netwerk/organisatie_form.html",
        {"praktijk": praktijk, "toegang": toegang, "form": form, "organisatie": organisatie},
    )


@require_http_methods(["GET", "POST"])
def persoon_nieuw(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Add a contact person to an organisation in the network."""
    toegang, organisatie = access.organisatie_get_for_edit(user=request.user, slug=slug, pk=pk)
    praktijk = toegang.praktijk
    form = PersoonForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.persoon_save(
            organisatie=organisatie, praktijk=praktijk, by=request.user, **form.cleaned_data
        )
        messages.success(request, _("The person is added."))
        return redirect("netwerk:organisatie_detail", slug=praktijk.slug, pk=organisatie.pk)
    return render(
        request,
        "netwerk/persoon_form.html",
        {
            "praktijk": praktijk,
            "toegang": toegang,
            "form": form,
            "organisatie": organisatie,
            "persoon": None,
        },
    )


@require_http_methods(["GET", "POST"])
def persoon_bewerken(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Change a contact person's entry."""
    toegang, persoon = access.persoon_get_for_edit(user=request.user, slug=slug, pk=pk)
    praktijk = toegang.praktijk
    form = PersoonForm(posted(request), instance=persoon)
    if request.method == "POST" and form.is_valid():
        services.persoon_save(
            organisatie=persoon.organisatie,
            praktijk=praktijk,
            by=request.user,
            instance=persoon,
            **form.cleaned_data,
        )
        messages.success(request, _("The person is saved."))
        return redirect("netwerk:organisatie_detail", slug=praktijk.slug, pk=persoon.organisatie_id)
    return render(
        request,
        "netwerk/persoon_form.html",
        {
            "praktijk": praktijk,
            "toegang": toegang,
            "form": form,
            "organisatie": persoon.organisatie,
            "persoon": persoon,
        },
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def bevestigen(request: HtmxHttpRequest, token: str) -> HttpResponse:
    """The one-click “still correct” link from the mail: a page with a button, then thanks."""
    organisatie = selectors.organisatie_get_by_bevestiging_token(token=token)
    if organisatie is None:
        return message_page(
            request,
            titel=_("This link no longer works"),
            tekst=[
                _(
                    "The link may be incomplete or too old. Links to confirm an entry work for "
                    "60 days."
                ),
                _(
                    "You can log in and confirm or edit the entry of your organisation on its page "
                    "in the social map. You will receive a new link by email in due time, too."
                ),
            ],
            link_url=reverse("account_login"),
            link_tekst=_("Log in"),
            status=400,
        )
    bevestigd = False
    if request.method == "POST":
        services.organisatie_confirm(organisatie=organisatie, praktijk=None, by=None)
        bevestigd = True
    return render(
        request,
        "netwerk/bevestigen.html",
        {"organisatie": organisatie, "bevestigd": bevestigd},
    )


def _kaart_zoeken(
    request: AuthenticatedHttpRequest, slug: str
) -> tuple[LidToegang, KaartZoekForm, dict[str, str] | None]:
    """Access, the search form and its filters (None when it is invalid), for page and exports."""
    toegang = lid_get_for_user(user=request.user, slug=slug)
    praktijk = toegang.praktijk
    form = KaartZoekForm(
        request.GET or None,
        wijken=selectors.wijken_for_praktijk(praktijk=praktijk),
        live_url=reverse("netwerk:kaart", args=[praktijk.slug]),
    )
    # An unbound form (no search yet) shows the whole map; an invalid one shows its errors.
    if form.is_bound and not form.is_valid():
        return toegang, form, None
    return toegang, form, form.filters()


@require_GET
def kaart(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The social map: who offers what, and whom to call. Live search with htmx, a phone book,
    KAART_PER_PAGINA organisations a page (`?pagina=`, kept with the search in the address)."""
    toegang, form, filters = _kaart_zoeken(request, slug)
    praktijk = toegang.praktijk
    pagina = None
    organisaties: list[selectors.KaartOrganisatie] = []
    aantal_personen = 0
    if filters is not None:
        paginator = Paginator(
            selectors.sociale_kaart(praktijk=praktijk, **filters), KAART_PER_PAGINA
        )
        pagina = page_get(paginator, request.GET.get("pagina"))
        organisaties = list(pagina.object_list)
        aantal_personen = selectors.sociale_kaart_personen_count(praktijk=praktijk, **filters)
    context = {
        "praktijk": praktijk,
        "toegang": toegang,
        "form": form,
        "ongeldig": filters is None,
        "pagina": pagina,
        "paginas": pagina.paginator.get_elided_page_range(pagina.number) if pagina else [],
        "organisaties": organisaties,
        "aantal_organisaties": pagina.paginator.count if pagina else 0,
        "aantal_personen": aantal_personen,
    }
    return page_or_partial(request, "netwerk/kaart.html", "resultaten", context)


@require_GET
def kaart_csv(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The (filtered) social map as a spreadsheet: one row per person, or per organisation."""
    toegang, _form, filters = _kaart_zoeken(request, slug)
    if filters is None:
        return HttpResponseBadRequest(_("The search is not valid; adjust it on the social map."))
    # Every matching organisation, not a page of them.
    organisaties = selectors.sociale_kaart(praktijk=toegang.praktijk, **filters)
    return bestand_response(
        exports.kaart_csv(organisaties=organisaties),
        content_type="text/csv; charset=utf-8",
        naam=f"sociale-kaart-{toegang.praktijk.slug}.csv",
    )


@require_GET
def kaart_vcf(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The (filtered) social map as vCards: one per organisation and one per person."""
    toegang, _form, filters = _kaart_zoeken(request, slug)
    if filters is None:
        return HttpResponseBadRequest(_("The search is not valid; adjust it on the social map."))
    organisaties = selectors.sociale_kaart(praktijk=toegang.praktijk, **filters)
    return bestand_response(
        exports.kaart_vcf(organisaties=organisaties),
        content_type="text/vcard; charset=utf-8",
        naam=f"sociale-kaart-{toegang.praktijk.slug}.vcf",
    )
