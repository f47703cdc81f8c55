"""Check-ins between sessions: send one out, follow a personal link, see who responded."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from condities import disclosure
from condities.access import checkin_get_for_manage
from condities.forms_checkin import CheckinForm
from condities.models import Sessie
from condities.selectors import checkins as checkin_selectors
from condities.selectors.stellingen import stellingen_of_set
from condities.services import checkins as checkin_services
from condities.services.stellingen import stellingenset_for_praktijk
from condities.views_doe_mee import _remember
from config.forms import posted
from config.http import AuthenticatedHttpRequest, HtmxHttpRequest
from config.pages import message_page
from praktijken.access import praktijk_get_for_manage


@require_http_methods(["GET", "POST"])
def checkin_nieuw(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Send a check-in to members and people of the social map: each gets a personal link by
    email (no account needed)."""
    toegang = praktijk_get_for_manage(user=request.user, slug=slug)
    stellingenset = stellingenset_for_praktijk(praktijk=toegang.praktijk)
    form = CheckinForm(
        posted(request),
        stellingen=stellingen_of_set(stellingenset=stellingenset),
        ontvangers=checkin_selectors.checkin_ontvangers(praktijk=toegang.praktijk),
        personen=checkin_selectors.checkin_personen(praktijk=toegang.praktijk),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        sessie = checkin_services.checkin_create(
            praktijk=toegang.praktijk,
            by=request.user,
            titel=data["titel"],
            datum=data["datum"],
            condities=data["condities"],
            stellingen=data["stellingen"],
            herinnering_na_dagen=data["herinnering_na_dagen"],
            herinneringen_aantal=data["herinneringen_aantal"],
            sluit_op=data["sluit_op"],
            ontvangers=list(data["ontvangers"]),
            personen=list(data["personen"]),
        )
        aantal = sessie.deelnemers.count()
        messages.success(
            request,
            ngettext(
                "The check-in is on its way to %(n)s person.",
                "The check-in is on its way to %(n)s people.",
                aantal,
            )
            % {"n": aantal},
        )
        return redirect("condities:checkin_respons", slug=slug, pk=sessie.pk)
    return render(
        request,
        "condities/checkin_form.html",
        {"toegang": toegang, "praktijk": toegang.praktijk, "form": form},
        status=422 if form.errors else 200,
    )


@require_GET
def checkin_respons(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Who has responded to a check-in, without anything they answered."""
    toegang, sessie = checkin_get_for_manage(user=request.user, slug=slug, pk=pk)
    return render(
        request,
        "condities/checkin_respons.html",
        {
            "toegang": toegang,
            "praktijk": toegang.praktijk,
            "sessie": sessie,
            "respons": checkin_selectors.checkin_respons(sessie=sessie),
            "min_respondenten": disclosure.k(),
        },
    )


@require_POST
def checkin_herinneren(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Remind now: one reminder to each invitee who has not finished, at most once an hour."""
    _toegang, sessie = checkin_get_for_manage(user=request.user, slug=slug, pk=pk)
    try:
        aantal = checkin_services.checkin_remind_now(sessie=sessie, by=request.user)
    except checkin_services.NuHerinnerenTeVroeg:
        messages.error(
            request,
            _(
                "A reminder was sent less than an hour ago, or the check-in has closed. "
                "Try again later."
            ),
        )
    else:
        messages.success(
            request,
            ngettext(
                "A reminder is on its way to %(n)s person who has not finished.",
                "A reminder is on its way to %(n)s people who have not finished.",
                aantal,
            )
            % {"n": aantal},
        )
    return redirect("condities:checkin_respons", slug=slug, pk=sessie.pk)


@login_not_required
@require_GET
def checkin_link(request: HtmxHttpRequest, token: str) -> HttpResponse:
    """A personal link from the invitation: remember who this is, then on to the statements."""
    deelnemer = checkin_selectors.checkin_deelnemer_by_token(token=token)
    if deelnemer is None or deelnemer.sessie.status == Sessie.Status.CONCEPT:
        return message_page(
            request,
            participant=True,
            titel=_("Check-in not found"),
            tekst=_(
                "We do not know this link. Check that you copied the whole link from the email, "
                "or ask the person who sent the check-in for a new one."
            ),
            status=404,
        )
    sessie = deelnemer.sessie
    # Past its deadline it is closed to the invitee, also before the task has closed it.
    verlopen = sessie.sluit_op is not None and sessie.sluit_op <= timezone.now()
    if sessie.status == Sessie.Status.GESLOTEN or verlopen:
        return message_page(
            request,
            participant=True,
            titel=_("The check-in has closed"),
            tekst=_(
                "“%(titel)s” has closed, so you can no longer answer. The answers that were given "
                "before it closed do count. Thank you!"
            )
            % {"titel": sessie.titel},
            status=410,
        )
    if request.user.is_authenticated and deelnemer.user_id not in (None, request.user.pk):
        # Someone else's link (forwarded, or a shared computer): nobody answers for another.
        # The app's own page, as it asks to log out first.
        return message_page(
            request,
            titel=_("This link is for someone else"),
            tekst=_(
                "This personal link belongs to another person than the one who is logged in "
                "here, and nobody answers for someone else. Did you get the link yourself? Log "
                "out first and open it again."
            ),
            status=403,
        )
    return _remember(request, redirect("condities:vragen", code=sessie.code), deelnemer)
