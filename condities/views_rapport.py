"""Reports, exports and statement sets: what members read after (or during) a session."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from condities import charts, disclosure, exports
from condities.access import sessie_get_for_user
from condities.forms_rapport import MAX_STELLINGEN, MIN_STELLINGEN, StellingensetForm
from condities.models import Sessie
from condities.selectors import inbreng as inbreng_selectors
from condities.selectors import rapport as rapport_selectors
from condities.selectors import resultaten as resultaten_selectors
from condities.selectors import sessies as sessie_selectors
from condities.selectors import stellingen as stellingen_selectors
from condities.services import stellingen as stellingen_services
from config.exports import XLSX, bestand_response, tabellen_csv, tabellen_xlsx
from config.http import AuthenticatedHttpRequest
from praktijken.access import praktijk_get_for_manage, praktijk_get_for_user


@require_GET
def sessie_rapport(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """A print-friendly report of one session: every condition, groups, gaps and discussion."""
    toegang, sessie = sessie_get_for_user(user=request.user, slug=slug, pk=pk)
    resultaten = resultaten_selectors.sessie_resultaten(sessie=sessie)
    radar = charts.radar(
        waarden=[(c.label, c.totaal.gemiddelde) for c in resultaten.condities if c.gedeeld]
    )
    discussie = {d["code"]: d for d in rapport_selectors.discussie_for_sessie(sessie=sessie)}
    zaal = inbreng_selectors.inbreng_voor_verslag(sessie=sessie)
    condities = [
        {"resultaat": c, "discussie": discussie.pop(c.code, None), "zaal": zaal.get(c.code, [])}
        for c in resultaten.condities
    ]
    return render(
        request,
        "condities/rapport_sessie.html",
        {
            "praktijk": toegang.praktijk,
            "toegang": toegang,
            "sessie": sessie,
            "resultaten": resultaten,
            "deelnemers": resultaten.aangemeld + sessie.papieren_formulieren,
            "radar": radar,
            "groepen": resultaten_selectors.groepen_tabel(resultaten=resultaten),
            "condities": condities,
            # Actions on a condition the session did not rate (rare): still in the report.
            "overige_discussie": [d for d in discussie.values() if d["goed"] or d["stappen"]],
            "min_respondenten": disclosure.k(),
        },
    )


@require_GET
def praktijk_rapport(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The practice's conditions over time: trend, every session and check-in, every action."""
    toegang = praktijk_get_for_user(user=request.user, slug=slug)
    praktijk = toegang.praktijk
    trend = rapport_selectors.trend_for_praktijk(praktijk=praktijk)
    return render(
        request,
        "condities/rapport_praktijk.html",
        {
            "praktijk": praktijk,
            "toegang": toegang,
            "trend": trend,
            "grafiek": charts.trend(reeksen=trend["reeksen"]),
            "sessies": list(sessie_selectors.sessies_for_praktijk(praktijk=praktijk)),
            "acties": rapport_selectors.discussie_for_praktijk(praktijk=praktijk),
        },
    )


def _sessie_tabellen(request: AuthenticatedHttpRequest, slug: str, pk: int) -> tuple[Sessie, list]:
    _toegang, sessie = sessie_get_for_user(user=request.user, slug=slug, pk=pk)
    acties = [
        actie
        for conditie in rapport_selectors.discussie_for_sessie(sessie=sessie)
        for actie in conditie["goed"] + conditie["stappen"]
    ]
    tabellen = exports.sessie_tabellen(
        resultaten=resultaten_selectors.sessie_resultaten(sessie=sessie), acties=acties
    )
    return sessie, tabellen


def _sessie_bestandsnaam(sessie: Sessie, extensie: str) -> str:
    return (
        f"condities-{sessie.praktijk.slug}-{sessie.datum.isoformat()}-sessie-{sessie.pk}.{extensie}"
    )


@require_GET
def sessie_export_csv(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """The session's aggregated scores, statements and actions as CSV (also while it is open)."""
    sessie, tabellen = _sessie_tabellen(request, slug, pk)
    return bestand_response(
        tabellen_csv(tabellen),
        content_type="text/csv; charset=utf-8",
        naam=_sessie_bestandsnaam(sessie, "csv"),
    )


@require_GET
def sessie_export_xlsx(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """The session's aggregated scores, statements and actions as an Excel workbook."""
    sessie, tabellen = _sessie_tabellen(request, slug, pk)
    return bestand_response(
        tabellen_xlsx(tabellen),
        content_type=XLSX,
        naam=_sessie_bestandsnaam(sessie, "xlsx"),
    )


def _praktijk_tabellen(request: AuthenticatedHttpRequest, slug: str) -> tuple[str, list]:
    toegang = praktijk_get_for_user(user=request.user, slug=slug)
    praktijk = toegang.praktijk
    tabellen = exports.praktijk_tabellen(
        scores=rapport_selectors.conditiescores_for_export(praktijk=praktijk),
        acties=rapport_selectors.discussie_for_praktijk(praktijk=praktijk),
    )
    return f"condities-{praktijk.slug}-{timezone.localdate().isoformat()}", tabellen


@require_GET
def praktijk_export_csv(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Every condition score of the practice over time, and every action, as CSV."""
    naam, tabellen = _praktijk_tabellen(request, slug)
    return bestand_response(
        tabellen_csv(tabellen), content_type="text/csv; charset=utf-8", naam=f"{naam}.csv"
    )


@require_GET
def praktijk_export_xlsx(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Every condition score of the practice over time, and every action, as a workbook."""
    naam, tabellen = _praktijk_tabellen(request, slug)
    return bestand_response(tabellen_xlsx(tabellen), content_type=XLSX, naam=f"{naam}.xlsx")


@require_GET
def stellingen(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The statements and open questions new sessions of the practice use, with their version."""
    toegang = praktijk_get_for_user(user=request.user, slug=slug)
    stellingenset = stellingen_services.stellingenset_for_praktijk(praktijk=toegang.praktijk)
    return render(
        request,
        "condities/stellingen.html",
        {
            "praktijk": toegang.praktijk,
            "toegang": toegang,
            "stellingenset": stellingenset,
            "is_standaard": stellingenset.praktijk_id is None,
            "aantal_sessies": stellingen_selectors.stellingenset_aantal_sessies(
                stellingenset=stellingenset
            ),
            "inhoud": stellingen_selectors.stellingenset_inhoud(stellingenset=stellingenset),
        },
    )


@require_http_methods(["GET", "POST"])
def stellingen_bewerken(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Facilitators adjust the statements; a set that sessions used becomes a new version."""
    toegang = praktijk_get_for_manage(user=request.user, slug=slug)
    praktijk = toegang.praktijk
    stellingenset = stellingen_services.stellingenset_for_praktijk(praktijk=praktijk)
    form = StellingensetForm(
        request.POST if request.method == "POST" else None,
        inhoud=stellingen_selectors.stellingenset_inhoud(stellingenset=stellingenset),
    )
    if request.method == "POST" and form.is_valid():
        opgeslagen = stellingen_services.stellingenset_save(
            stellingenset=stellingenset,
            praktijk=praktijk,
            stellingen=form.stellingen(),
            open_vragen=form.open_vragen(),
            by=request.user,
        )
        if opgeslagen.pk == stellingenset.pk and opgeslagen.versie == stellingenset.versie:
            messages.success(request, _("The statements have been saved."))
        else:
            messages.success(
                request,
                _(
                    "The statements have been saved as version %(versie)s. Sessions that used "
                    "the previous version keep its texts."
                )
                % {"versie": opgeslagen.versie},
            )
        return redirect("condities:stellingen", slug=praktijk.slug)
    return render(
        request,
        "condities/stellingen_bewerken.html",
        {
            "praktijk": praktijk,
            "toegang": toegang,
            "stellingenset": stellingenset,
            "is_standaard": stellingenset.praktijk_id is None,
            "in_gebruik": stellingen_selectors.stellingenset_is_used(stellingenset=stellingenset),
            "form": form,
            "min_stellingen": MIN_STELLINGEN,
            "max_stellingen": MAX_STELLINGEN,
        },
    )
