"""Pages for members and invitations: the facilitator's overview, inviting, and accepting."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from config.http import AuthenticatedHttpRequest, HtmxHttpRequest
from netwerk import access
from netwerk.forms_leden import AccountForm, LidRolForm, UitnodigenForm
from netwerk.models import Uitnodiging
from netwerk.selectors import (
    Staat,
    Stap,
    lidmaatschap_exists,
    lidmaatschappen_for_praktijk,
    uitnodiging_get_by_token,
    uitnodiging_staat_for_use,
    uitnodiging_stap,
    uitnodigingen_for_praktijk,
)
from netwerk.services import (
    AccountBestaat,
    LaatsteFacilitator,
    UitnodigingOngeldig,
    lidmaatschap_change_role,
    lidmaatschap_remove,
    uitnodiging_accept,
    uitnodiging_account_setup,
    uitnodiging_create,
    uitnodiging_resend,
    uitnodiging_revoke,
)
from praktijken.access import Toegang
from praktijken.models import Rol

LEDEN = "netwerk/leden/leden.html"
MODEL_BACKEND = "netwerk.backends.ModelBackend"


def _render_leden(
    request: HtmxHttpRequest,
    toegang: Toegang,
    *,
    partial: str | None = None,
    melding: str = "",
    fout: str = "",
    fout_lid: int | None = None,
    fout_uitnodiging: int | None = None,
) -> HttpResponse:
    """The members page, or one region of it for htmx; `fout` shows next to row `fout_*`."""
    context = {
        "praktijk": toegang.praktijk,
        "toegang": toegang,
        "lidmaatschappen": lidmaatschappen_for_praktijk(praktijk=toegang.praktijk),
        "uitnodigingen": uitnodigingen_for_praktijk(praktijk=toegang.praktijk),
        "rollen": Rol.choices,
        "melding": melding,
        "fout": fout,
        "fout_lid": fout_lid,
        "fout_uitnodiging": fout_uitnodiging,
    }
    template = f"{LEDEN}#{partial}" if partial and request.htmx else LEDEN
    return render(request, template, context)


def _done(
    request: HtmxHttpRequest, toegang: Toegang, *, partial: str, melding: str
) -> HttpResponse:
    """After a change: the updated region for htmx, else back to the page with a message."""
    if request.htmx:
        return _render_leden(request, toegang, partial=partial, melding=melding)
    messages.success(request, melding)
    return redirect("netwerk:leden", slug=toegang.praktijk.slug)


@require_GET
def leden(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The accounts of the practice with their roles, and the invitations."""
    toegang = access.lid_get_for_manage(user=request.user, slug=slug)
    return _render_leden(request, toegang)


@require_POST
def lid_rol(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Give a member another role."""
    toegang, lidmaatschap = access.lidmaatschap_get_for_manage(user=request.user, slug=slug, pk=pk)
    form = LidRolForm(request.POST)
    if not form.is_valid():
        return _render_leden(
            request,
            toegang,
            partial="ledenlijst",
            fout=_("Choose one of the roles."),
            fout_lid=lidmaatschap.pk,
        )
    try:
        lidmaatschap_change_role(
            lidmaatschap=lidmaatschap, rol=form.cleaned_data["rol"], by=request.user
        )
    except LaatsteFacilitator as error:
        return _render_leden(
            request, toegang, partial="ledenlijst", fout=error.messages[0], fout_lid=pk
        )
    melding = _("%(name)s is now %(role)s.") % {
        "name": lidmaatschap.user,
        "role": lidmaatschap.get_rol_display().lower(),
    }
    return _done(request, toegang, partial="ledenlijst", melding=melding)


@require_POST
def lid_verwijderen(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Take an account out of the practice."""
    toegang, lidmaatschap = access.lidmaatschap_get_for_manage(user=request.user, slug=slug, pk=pk)
    try:
        lidmaatschap_remove(lidmaatschap=lidmaatschap, by=request.user)
    except LaatsteFacilitator as error:
        return _render_leden(
            request, toegang, partial="ledenlijst", fout=error.messages[0], fout_lid=pk
        )
    melding = _("%(name)s is no longer a member of the practice.") % {"name": lidmaatschap.user}
    if lidmaatschap.user_id == request.user.pk and not request.user.is_staff:
        # They removed themselves: this practice is closed to them now.
        messages.success(request, melding)
        home = reverse("overzicht:home")
        return HttpResponseClientRedirect(home) if request.htmx else redirect(home)
    return _done(request, toegang, partial="ledenlijst", melding=melding)


@require_http_methods(["GET", "POST"])
def uitnodigen(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Invite someone by email, with a role and optionally their organisation."""
    toegang = access.lid_get_for_manage(user=request.user, slug=slug)
    data = request.POST if request.method == "POST" else None
    form = UitnodigenForm(data, praktijk=toegang.praktijk)
    if form.is_valid():
        try:
            uitnodiging = uitnodiging_create(
                praktijk=toegang.praktijk,
                email=form.cleaned_data["email"],
                naam=form.cleaned_data["naam"],
                rol=form.cleaned_data["rol"],
                organisatie=form.cleaned_data["organisatie"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The invitation is on its way to %(email)s.") % {"email": uitnodiging.email},
            )
            return redirect("netwerk:leden", slug=slug)
    context = {"praktijk": toegang.praktijk, "toegang": toegang, "form": form}
    return render(request, "netwerk/leden/uitnodigen.html", context)


@require_POST
def uitnodiging_opnieuw(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Send an invitation again with a new link; the old link stops working."""
    toegang, uitnodiging = access.uitnodiging_get_for_manage(user=request.user, slug=slug, pk=pk)
    try:
        uitnodiging = uitnodiging_resend(uitnodiging=uitnodiging, by=request.user)
    except UitnodigingOngeldig:
        return _render_leden(
            request,
            toegang,
            partial="uitnodigingenlijst",
            fout=_("A used or revoked invitation cannot be sent again. Invite the person anew."),
            fout_uitnodiging=pk,
        )
    melding = _("The invitation is sent again to %(email)s, with a new link.") % {
        "email": uitnodiging.email
    }
    return _done(request, toegang, partial="uitnodigingenlijst", melding=melding)


@require_POST
def uitnodiging_intrekken(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Revoke an invitation; its link stops working."""
    toegang, uitnodiging = access.uitnodiging_get_for_manage(user=request.user, slug=slug, pk=pk)
    try:
        uitnodiging = uitnodiging_revoke(uitnodiging=uitnodiging, by=request.user)
    except UitnodigingOngeldig:
        return _render_leden(
            request,
            toegang,
            partial="uitnodigingenlijst",
            fout=_("This invitation has been used already; it cannot be revoked."),
            fout_uitnodiging=pk,
        )
    melding = _("The invitation for %(email)s is revoked.") % {"email": uitnodiging.email}
    return _done(request, toegang, partial="uitnodigingenlijst", melding=melding)


# Accepting an invitation: public, the token is the key. ------------------------------------


def _ongeldig(
    request: HtmxHttpRequest, staat: str, uitnodiging: Uitnodiging | None = None
) -> HttpResponse:
    """A friendly page for a link that does not work (any more): 404 unknown, 410 otherwise."""
    lid_van_praktijk = uitnodiging is not None and lidmaatschap_exists(
        praktijk=uitnodiging.praktijk, user=request.user
    )
    context = {"staat": staat, "uitnodiging": uitnodiging, "lid_van_praktijk": lid_van_praktijk}
    status = 404 if staat == "onbekend" else 410
    return render(request, "netwerk/leden/uitnodiging_ongeldig.html", context, status=status)


def _welkom(request: HtmxHttpRequest, uitnodiging: Uitnodiging) -> HttpResponse:
    messages.success(request, _("Welcome to %(praktijk)s.") % {"praktijk": uitnodiging.praktijk})
    return redirect(uitnodiging.praktijk.get_absolute_url())


@login_not_required
@require_http_methods(["GET", "POST"])
def uitnodiging_accepteren(request: HtmxHttpRequest, token: str) -> HttpResponse:
    """The invitation link: set up an account or log in, then join the practice.

    Which step the visitor is in is decided by `uitnodiging_stap`; each step is a small view."""
    uitnodiging = uitnodiging_get_by_token(token=token)
    if uitnodiging is None:
        return _ongeldig(request, "onbekend")
    staat = uitnodiging_staat_for_use(uitnodiging=uitnodiging)
    if staat != Staat.OPEN:
        return _ongeldig(request, staat, uitnodiging)
    stap = uitnodiging_stap(uitnodiging=uitnodiging, user=request.user)
    return _STAPPEN[stap](request, uitnodiging, stap)


def _accepteren_render(
    request: HtmxHttpRequest, uitnodiging: Uitnodiging, stap: Stap, **extra
) -> HttpResponse:
    context = {"uitnodiging": uitnodiging, "praktijk": uitnodiging.praktijk, "stap": stap, **extra}
    return render(request, "netwerk/leden/accepteren.html", context)


def _ander_account(request: HtmxHttpRequest, uitnodiging: Uitnodiging, stap: Stap) -> HttpResponse:
    """Logged in with another address than the invited one: say so, change nothing."""
    return _accepteren_render(request, uitnodiging, stap)


def _aannemen(request: HtmxHttpRequest, uitnodiging: Uitnodiging, stap: Stap) -> HttpResponse:
    """Logged in as the invitee: a button to join, and joining."""
    if request.method != "POST":
        return _accepteren_render(request, uitnodiging, stap)
    assert request.user.is_authenticated  # uitnodiging_stap: AANNEMEN only when logged in
    try:
        uitnodiging_accept(uitnodiging=uitnodiging, user=request.user)
    except UitnodigingOngeldig as error:
        return _ongeldig(request, error.staat, uitnodiging)
    return _welkom(request, uitnodiging)


def _inloggen(request: HtmxHttpRequest, uitnodiging: Uitnodiging, stap: Stap) -> HttpResponse:
    """The address has an account: log in first (a post just shows the page again)."""
    if request.method == "POST":
        return redirect(request.path)
    return _accepteren_render(request, uitnodiging, stap)


def _nieuw_account(request: HtmxHttpRequest, uitnodiging: Uitnodiging, stap: Stap) -> HttpResponse:
    """No account yet: set one up with a password (and join), or without (log in by code)."""
    data = request.POST if request.method == "POST" else None
    form = AccountForm(data, uitnodiging=uitnodiging, methode=request.POST.get("methode", ""))
    if not form.is_valid():
        return _accepteren_render(request, uitnodiging, stap, form=form)
    password = None if form.methode == AccountForm.CODE else form.cleaned_data["password1"]
    try:
        user = uitnodiging_account_setup(
            uitnodiging=uitnodiging, naam=form.cleaned_data["naam"], password=password
        )
    except UitnodigingOngeldig as error:
        return _ongeldig(request, error.staat, uitnodiging)
    except AccountBestaat:
        return redirect(request.path)
    if password is None:
        messages.success(
            request,
            _("Your account is ready. Ask for a login code: we send it to %(email)s.")
            % {"email": uitnodiging.email},
        )
        return redirect(request.path)
    login(request, user, backend=MODEL_BACKEND)
    return _welkom(request, uitnodiging)


_STAPPEN = {
    Stap.ANDER_ACCOUNT: _ander_account,
    Stap.AANNEMEN: _aannemen,
    Stap.INLOGGEN: _inloggen,
    Stap.NIEUW: _nieuw_account,
}
