"""The relationship round: send one, follow who answered, answer by personal link, see the ties."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from config.exports import bestand_response
from config.forms import posted
from config.http import AuthenticatedHttpRequest, HtmxHttpRequest
from config.pages import message_page, page_or_partial
from praktijken.access import praktijk_get_for_manage, praktijk_get_for_user
from relaties import exports, selectors, services, views_rondes
from relaties.access import ronde_get_for_manage, ronde_get_for_user
from relaties.forms import RondeForm, SchermForm
from relaties.models import RondeDeelnemer
from relaties.rondes import (
    RondeGesloten,
    ronde_is_open,
)


@require_GET
def rondes(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The practice's relationship rounds, newest first."""
    toegang = praktijk_get_for_user(user=request.user, slug=slug)
    return render(
        request,
        "relaties/rondes.html",
        {
            "toegang": toegang,
            "praktijk": toegang.praktijk,
            "rondes": selectors.rondes_for_praktijk(praktijk=toegang.praktijk),
        },
    )


@require_http_methods(["GET", "POST"])
def ronde_nieuw(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Send a relationship round: each chosen person gets a personal link by email."""
    return views_rondes.versturen(
        request,
        toegang=praktijk_get_for_manage(user=request.user, slug=slug),
        form_class=RondeForm,
        create=services.ronde_create,
        melding=lambda n: (
            ngettext(
                "The relationship round is on its way to %(n)s person.",
                "The relationship round is on its way to %(n)s people.",
                n,
            )
            % {"n": n}
        ),
        naar="relaties:respons",
        context={
            "kop": _("New relationship round"),
            "uitleg": _(
                "In a relationship round, people of each organisation say for every other "
                "organisation in the network how well they know it: from “we don't know them” "
                "to “we work together now”. For the ones they work with they also give trust "
                "and value a mark from 1 to 5. Everyone you choose gets a personal link by "
                "email. You see who has answered, never what they answered."
            ),
            "terug": reverse("relaties:rondes", args=[slug]),
        },
    )


@require_GET
def respons(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Who has answered a round, never what they answered."""
    toegang, ronde = ronde_get_for_manage(user=request.user, slug=slug, pk=pk)
    return render(
        request,
        "relaties/respons.html",
        {
            "toegang": toegang,
            "praktijk": toegang.praktijk,
            "ronde": ronde,
            "open": ronde_is_open(ronde),
            "respons": selectors.ronde_respons(ronde=ronde),
        },
    )


@require_POST
def herinneren(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Remind now: one reminder to each invitee who has not finished, at most once an hour."""
    _toegang, ronde = ronde_get_for_manage(user=request.user, slug=slug, pk=pk)
    return views_rondes.herinneren(request, ronde, naar="relaties:respons")


@require_POST
def sluiten(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Close the round now: answers stop, and trust and value figures are released."""
    _toegang, ronde = ronde_get_for_manage(user=request.user, slug=slug, pk=pk)
    return views_rondes.sluiten(request, ronde, naar="relaties:netwerk")


@require_GET
def netwerk(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """A round's network: the ties between the organisations, and the figures that may be shown."""
    toegang, ronde = ronde_get_for_user(user=request.user, slug=slug, pk=pk)
    beeld = selectors.netwerkbeeld(ronde=ronde)
    return page_or_partial(
        request,
        "relaties/netwerk.html",
        "beeld",
        {
            "toegang": toegang,
            "praktijk": toegang.praktijk,
            "ronde": ronde,
            "beeld": beeld,
            "rondes": selectors.rondes_for_praktijk(praktijk=toegang.praktijk),
        },
    )


@require_GET
def scherm(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """The map as a stage on the projector ("look how we grew"): one round at a time, the new
    ties in colour, the rounds before and after by link or arrow key."""
    toegang, ronde = ronde_get_for_user(user=request.user, slug=slug, pk=pk)
    vorige, volgende = selectors.rondes_ernaast(ronde=ronde)
    return page_or_partial(
        request,
        "relaties/scherm.html",
        "stap",
        {
            "toegang": toegang,
            "praktijk": toegang.praktijk,
            "ronde": ronde,
            "beeld": selectors.netwerkbeeld(ronde=ronde),
            "vorige": vorige,
            "volgende": volgende,
        },
    )


def _gesloten(request: HtmxHttpRequest, deelnemer: RondeDeelnemer) -> HttpResponse:
    return message_page(
        request,
        participant=True,
        titel=_("The round has closed"),
        tekst=_(
            "“%(titel)s” has closed, so you can no longer answer or change your answers. The "
            "answers given before it closed do count. Thank you!"
        )
        % {"titel": deelnemer.ronde.titel},
        status=410,
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def invullen(request: HtmxHttpRequest, token: str) -> HttpResponse:
    """Answer a round by personal link: one screen per organisation group, one POST per screen."""
    deelnemer = selectors.deelnemer_by_token(token=token)
    if deelnemer is None:
        return message_page(
            request,
            participant=True,
            titel=_("Round not found"),
            tekst=_(
                "We do not know this link. Check that you copied the whole link from the email, "
                "or ask the person who sent the round for a new one."
            ),
            status=404,
        )
    if not ronde_is_open(deelnemer.ronde):
        return _gesloten(request, deelnemer)
    schermen = selectors.schermen_for_deelnemer(deelnemer=deelnemer)
    try:
        nummer = min(max(int(request.GET.get("scherm", "1")), 1), max(len(schermen), 1))
    except ValueError:
        nummer = 1
    if not schermen:
        return message_page(
            request,
            participant=True,
            titel=deelnemer.ronde.titel,
            tekst=_("There are no other organisations in the network to answer about yet."),
        )
    scherm = schermen[nummer - 1]
    form = SchermForm(posted(request), scherm=scherm)
    if request.method == "POST" and form.is_valid():
        laatste = nummer == len(schermen)
        try:
            services.antwoorden_save(
                deelnemer=deelnemer, antwoorden=form.antwoorden(), klaar=laatste
            )
        except RondeGesloten:
            return _gesloten(request, deelnemer)
        if laatste:
            return message_page(
                request,
                participant=True,
                titel=_("Thank you!"),
                tekst=[
                    _("Your answers are saved."),
                    _(
                        "You can change them with the same link until the round closes. Nobody "
                        "sees what you answered: the network only sees totals."
                    ),
                ],
                link_url=reverse("relaties:invullen", args=[token]),
                link_tekst=_("Change my answers"),
            )
        volgende = reverse("relaties:invullen", args=[token]) + f"?scherm={nummer + 1}"
        return redirect(volgende)
    return page_or_partial(
        request,
        "relaties/invullen.html",
        "scherm",
        {
            "deelnemer": deelnemer,
            "ronde": deelnemer.ronde,
            "form": form,
            "scherm": scherm,
            "nummer": nummer,
            "aantal": len(schermen),
            "token": token,
        },
        status=422 if form.errors else 200,
    )


@require_GET
def export_csv(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """A round's ties as a spreadsheet."""
    toegang, ronde = ronde_get_for_user(user=request.user, slug=slug, pk=pk)
    return bestand_response(
        exports.banden_csv(beeld=selectors.netwerkbeeld(ronde=ronde)),
        content_type="text/csv; charset=utf-8",
        naam=f"banden-{toegang.praktijk.slug}-{ronde.pk}.csv",
    )


@require_GET
def export_graphml(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """A round's network as GraphML (Gephi, yEd; Kumu imports the CSV)."""
    toegang, ronde = ronde_get_for_user(user=request.user, slug=slug, pk=pk)
    return bestand_response(
        exports.banden_graphml(beeld=selectors.netwerkbeeld(ronde=ronde)),
        content_type="application/graphml+xml; charset=utf-8",
        naam=f"banden-{toegang.praktijk.slug}-{ronde.pk}.graphml",
    )
