"""What it yields ("wat levert het op"): a page per organisation and per practice that a member
can hand to a manager, and the same as a PDF. Members of the practice only."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from config.http import AuthenticatedHttpRequest
from netwerk.access import lid_get_for_user, organisatie_get_for_user
from overzicht import opbrengst


def _pdf(
    request: AuthenticatedHttpRequest, template: str, context: dict, naam: str
) -> HttpResponse:
    # Imported here: WeasyPrint loads its fonts and stylesheets on import, which every process
    # would pay at start-up for a page few people open.
    from overzicht.pdf import pdf_from_template

    context = {**context, "nu": timezone.localdate()}
    response = HttpResponse(
        pdf_from_template(request=request, template=template, context=context),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'attachment; filename="{slugify(naam) or "opbrengst"}.pdf"'
    return response


def _organisatie_context(request: AuthenticatedHttpRequest, slug: str, pk: int) -> dict:
    toegang, organisatie = organisatie_get_for_user(user=request.user, slug=slug, pk=pk)
    return {
        "praktijk": toegang.praktijk,
        "toegang": toegang,
        "organisatie": organisatie,
        **opbrengst.opbrengst_for_organisatie(toegang=toegang, organisatie=organisatie),
    }


def _praktijk_context(request: AuthenticatedHttpRequest, slug: str) -> dict:
    toegang = lid_get_for_user(user=request.user, slug=slug)
    return {
        "praktijk": toegang.praktijk,
        "toegang": toegang,
        **opbrengst.opbrengst_for_praktijk(toegang=toegang),
    }


@require_GET
def organisatie(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """What taking part yielded for one organisation."""
    context = _organisatie_context(request, slug, pk)
    return render(request, "overzicht/opbrengst_organisatie.html", context)


@require_GET
def organisatie_pdf(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """The organisation's yield page as a PDF."""
    context = _organisatie_context(request, slug, pk)
    naam = f"opbrengst {context['organisatie'].naam}"
    return _pdf(request, "overzicht/opbrengst_organisatie_pdf.html", context, naam)


@require_GET
def praktijk(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """What the practice yielded, rolled up over its organisations and experiments."""
    return render(request, "overzicht/opbrengst_praktijk.html", _praktijk_context(request, slug))


@require_GET
def praktijk_pdf(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The practice's yield page as a PDF."""
    context = _praktijk_context(request, slug)
    naam = f"opbrengst {context['praktijk'].naam}"
    return _pdf(request, "overzicht/opbrengst_praktijk_pdf.html", context, naam)
