"""The interests round (belangenronde): the facilitator sends it and follows which organisations
reviewed their interests; each invited person reviews them by personal link, without an account."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from config.forms import posted
from config.http import AuthenticatedHttpRequest, HtmxHttpRequest
from config.pages import message_page
from netwerk.forms import BelangenForm
from netwerk.services.belangen import BELANGEN_VELDEN
from praktijken.access import praktijk_get_for_manage
from relaties import belangenronde as services
from relaties import selectors, views_rondes
from relaties.access import belangenronde_get_for_manage
from relaties.forms import BelangenrondeForm
from relaties.models import BelangenDeelnemer
from relaties.rondes import (
    RondeGesloten,
    ronde_is_open,
)


@require_GET
def belangenrondes(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The practice's interests rounds, newest first."""
    toegang = praktijk_get_for_manage(user=request.user, slug=slug)
    return render(
        request,
        "relaties/belangenrondes.html",
        {
            "toegang": toegang,
            "praktijk": toegang.praktijk,
            "rondes": selectors.belangenrondes_for_praktijk(praktijk=toegang.praktijk),
        },
    )


@require_http_methods(["GET", "POST"])
def belangenronde_nieuw(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Send an interests round: each chosen person gets a personal link by email."""
    return views_rondes.versturen(
        request,
        toegang=praktijk_get_for_manage(user=request.user, slug=slug),
        form_class=BelangenrondeForm,
        create=services.belangenronde_create,
        melding=lambda n: (
            ngettext(
                "The interests round is on its way to %(n)s person.",
                "The interests round is on its way to %(n)s people.",
                n,
            )
            % {"n": n}
        ),
        naar="relaties:belangenronde",
        context={
            "kop": _("New interests round"),
            "uitleg": _(
                "Everyone you choose gets a personal link by email. With it they see their "
                "organisation's interests as they are now, and change them or save them "
                "unchanged. Each answer is kept as a new version, with the date: the network "
                "page then shows when the interests were last discussed."
            ),
            "terug": reverse("relaties:belangenrondes", args=[slug]),
        },
    )


@require_GET
def belangenronde(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Which organisations reviewed their interests in the round, and who has not yet."""
    toegang, ronde = belangenronde_get_for_manage(user=request.user, slug=slug, pk=pk)
    return render(
        request,
        "relaties/belangenronde.html",
        {
            "toegang": toegang,
            "praktijk": toegang.praktijk,
            "ronde": ronde,
            "open": ronde_is_open(ronde),
            "respons": selectors.belangenronde_respons(ronde=ronde),
        },
    )


@require_POST
def belangenronde_herinneren(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Remind now: one reminder to each invitee who has not reviewed, at most once an hour."""
    _toegang, ronde = belangenronde_get_for_manage(user=request.user, slug=slug, pk=pk)
    return views_rondes.herinneren(request, ronde, naar="relaties:belangenronde")


@require_POST
def belangenronde_sluiten(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Close the round now: the personal links stop taking reviews."""
    _toegang, ronde = belangenronde_get_for_manage(user=request.user, slug=slug, pk=pk)
    return views_rondes.sluiten(request, ronde, naar="relaties:belangenronde")


def _gesloten(request: HtmxHttpRequest, deelnemer: BelangenDeelnemer) -> HttpResponse:
    return message_page(
        request,
        participant=True,
        titel=_("The round has closed"),
        tekst=_(
            "“%(titel)s” has closed, so you can no longer change your organisation's interests "
            "with this link. What was saved before it closed does count. Thank you!"
        )
        % {"titel": deelnemer.ronde.titel},
        status=410,
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def belangen_invullen(request: HtmxHttpRequest, token: str) -> HttpResponse:
    """Review the organisation's interests by personal link: the current ones filled in, saved as
    a new version (unchanged too: then they were discussed)."""
    deelnemer = selectors.belangen_deelnemer_by_token(token=token)
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
    deelname = deelnemer.deelname  # type: ignore[attr-defined]
    if deelname is None:
        return message_page(
            request,
            participant=True,
            titel=deelnemer.ronde.titel,
            tekst=_(
                "%(organisatie)s no longer takes part in %(praktijk)s, so there are no interests "
                "to review. Is that a mistake? Ask the person who sent the round."
            )
            % {
                "organisatie": deelnemer.organisatie.naam,
                "praktijk": deelnemer.ronde.praktijk.naam,
            },
            status=410,
        )
    form = BelangenForm(
        posted(request), initial={veld: getattr(deelname, veld) for veld in BELANGEN_VELDEN}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.belangen_review(deelnemer=deelnemer, **form.cleaned_data)
        except RondeGesloten:
            return _gesloten(request, deelnemer)
        except services.OrganisatieDoetNietMeerMee:
            return redirect("relaties:belangen_invullen", token=token)
        return message_page(
            request,
            participant=True,
            titel=_("Thank you!"),
            tekst=[
                _("The interests of %(organisatie)s are saved. The whole network can read them.")
                % {"organisatie": deelnemer.organisatie.naam},
                _("You can change them with the same link until the round closes."),
            ],
            link_url=reverse("relaties:belangen_invullen", args=[token]),
            link_tekst=_("Change the interests"),
        )
    return render(
        request,
        "relaties/belangen_invullen.html",
        {
            "deelnemer": deelnemer,
            "ronde": deelnemer.ronde,
            "praktijk": deelnemer.ronde.praktijk,
            "deelname": deelname,
            "form": form,
            "token": token,
        },
        status=422 if form.errors else 200,
    )
