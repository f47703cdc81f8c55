"""What the facilitator's pages of both kinds of round share: sending one, "remind now" and
closing (relaties/rondes.py does the work; each kind's views say where to go next)."""

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from config.forms import posted
from config.http import AuthenticatedHttpRequest
from praktijken.access import Toegang
from relaties import selectors
from relaties.forms import RondeForm
from relaties.models import RondeBasis
from relaties.rondes import NuHerinnerenTeVroeg, ronde_close, ronde_remind_now


def versturen(
    request: AuthenticatedHttpRequest,
    *,
    toegang: Toegang,
    form_class: type[RondeForm],
    create: Callable[..., RondeBasis],
    melding: Callable[[int], str],
    naar: str,
    context: dict,
) -> HttpResponse:
    """The form to send a round (title, deadline, who answers); on a valid post the round is
    created, `melding(number of people)` shown, and the browser sent to `naar` (with the new
    round's pk). A refused post shows the form again with what was chosen (422)."""
    # Bound on every post, an empty one too: that is refused with the fields it lacks (422).
    form = form_class(
        posted(request),
        personen=selectors.ronde_personen(praktijk=toegang.praktijk),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        ronde = create(
            praktijk=toegang.praktijk,
            by=request.user,
            titel=data["titel"],
            sluit_op=data["sluit_op"],
            personen=list(data["personen"]),
        )
        messages.success(request, melding(len(data["personen"])))
        return redirect(naar, slug=toegang.praktijk.slug, pk=ronde.pk)
    return render(
        request,
        "relaties/ronde_form.html",
        {"toegang": toegang, "praktijk": toegang.praktijk, "form": form, **context},
        status=422 if form.errors else 200,
    )


def herinneren(request: AuthenticatedHttpRequest, ronde: RondeBasis, *, naar: str) -> HttpResponse:
    """Remind now: one reminder to each invitee who has not finished, at most once an hour."""
    try:
        aantal = ronde_remind_now(ronde=ronde, by=request.user)
    except NuHerinnerenTeVroeg:
        messages.error(
            request,
            _(
                "A reminder was sent less than an hour ago, or the round has closed. "
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
    return redirect(naar, slug=ronde.praktijk.slug, pk=ronde.pk)


def sluiten(request: AuthenticatedHttpRequest, ronde: RondeBasis, *, naar: str) -> HttpResponse:
    """Close the round now (its kind's closing work runs once)."""
    if ronde_close(ronde=ronde, by=request.user):
        messages.success(request, _("The round is closed."))
    return redirect(naar, slug=ronde.praktijk.slug, pk=ronde.pk)
