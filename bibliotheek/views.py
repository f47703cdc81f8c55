from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from bibliotheek import access, selectors
from bibliotheek.forms import BibliotheekFilterForm
from config.http import AuthenticatedHttpRequest
from config.pages import page_get, page_or_partial

PER_PAGINA = 20


@require_GET
def lijst(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The library of lessons: what the practices of the user's programme shared, with search,
    filters (works as a plain GET form; htmx reloads only the results) and pages."""
    bibliotheek = access.bibliotheek_get_for_user(user=request.user)
    form = BibliotheekFilterForm(request.GET)
    filters = form.filters()
    paginator = Paginator(
        selectors.bibliotheek_items(praktijken=bibliotheek.praktijken, **filters), PER_PAGINA
    )
    pagina = page_get(paginator, request.GET.get("pagina"))
    context = {
        "form": form,
        "gefilterd": bool(filters),
        "programmas": list(bibliotheek.programmas),
        "is_staff": bibliotheek.is_staff,
        "pagina": pagina,
        "paginas": pagina.paginator.get_elided_page_range(pagina.number),
        "items": selectors.items_from_rows(list(pagina.object_list)),
    }
    return page_or_partial(request, "bibliotheek/lijst.html", "resultaten", context)


@require_GET
def les(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """A shared experiment: what it tried, what came of it, its lessons and tip."""
    experiment = access.les_get_for_user(user=request.user, pk=pk)
    return render(
        request,
        "bibliotheek/les.html",
        {
            "experiment": experiment,
            "opbrengsten": selectors.gedeelde_opbrengsten(experiment=experiment),
        },
    )


@require_GET
def opbrengst(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """A shared outcome with the experiment it came from."""
    item = access.opbrengst_get_for_user(user=request.user, pk=pk)
    return render(request, "bibliotheek/opbrengst.html", {"opbrengst": item})


@require_GET
def verhaal(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """A shared story: what worked and what the practice wants more of (never who told it)."""
    item = access.verhaal_get_for_user(user=request.user, pk=pk)
    return render(request, "bibliotheek/verhaal.html", {"verhaal": item})
