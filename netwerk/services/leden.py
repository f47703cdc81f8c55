"""Memberships and invitations of a practice: who has which role, and how people get in."""

import datetime
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from config.mail import Bericht, header_line, mail_once, mail_once_forget
from netwerk.models import Deelname, Organisatie, Persoon, Uitnodiging, User
from netwerk.selectors import (
    Staat,
    account_exists,
    uitnodiging_open_filter,
    uitnodiging_staat,
    uitnodiging_staat_for_use,
)
from netwerk.services.accounts import user_ensure
from praktijken.audit import gebeurtenis_record
from praktijken.models import Lidmaatschap, Praktijk, Rol

# The kind of mail in config.mail.mail_once.
UITNODIGING_MAIL = "uitnodiging"

# Higher number, more rights: accepting an invitation never lowers someone's role.
ROL_RANG: dict[str, int] = {Rol.LID: 1, Rol.KERNGROEPLID: 2, Rol.FACILITATOR: 3}


class UitnodigingOngeldig(Exception):
    """The invitation cannot be used (any more); `staat` says why."""

    def __init__(self, staat: str) -> None:
        super().__init__(staat)
        self.staat = staat


class AccountBestaat(Exception):
    """The invited address has an account already: log in instead of setting one up."""


class LaatsteFacilitator(ValidationError):
    """A practice always keeps at least one facilitator."""


def _geldig_tot() -> datetime.datetime:
    dagen = getattr(settings, "UITNODIGING_GELDIG_DAGEN", 14)
    return timezone.now() + datetime.timedelta(days=dagen)


def _nieuw_token() -> str:
    return secrets.token_urlsafe(32)


# Invitations


def uitnodiging_create(
    *,
    praktijk: Praktijk,
    email: str,
    naam: str,
    rol: str,
    organisatie: Organisatie | None = None,
    by: User,
) -> Uitnodiging:
    """Invite an address to the practice with a role; the email is queued after the commit.

    Raises ValidationError (on `email`) when the address is a member already or has an
    invitation that was not used or revoked.
    """
    email = email.strip().lower()
    if rol not in Rol.values:
        raise ValidationError({"rol": _("Choose one of the roles.")}, code="rol")
    if (
        organisatie is not None
        and not Deelname.objects.filter(praktijk=praktijk, organisatie=organisatie).exists()
    ):
        raise ValidationError(
            {"organisatie": _("This organisation does not take part in the practice.")},
            code="organisatie",
        )
    if Lidmaatschap.objects.filter(praktijk=praktijk, user__email__iexact=email).exists():
        raise ValidationError(
            {"email": _("This person is already a member of the practice.")}, code="lid"
        )
    bestaand = Uitnodiging.objects.filter(
        uitnodiging_open_filter(), praktijk=praktijk, email__iexact=email
    )
    if bestaand.exists():
        raise ValidationError({"email": _open_uitnodiging_fout()}, code="open_uitnodiging")
    try:
        with transaction.atomic():
            uitnodiging = Uitnodiging.objects.create(
                praktijk=praktijk,
                email=email,
                naam=naam.strip(),
                rol=rol,
                organisatie=organisatie,
                token=_nieuw_token(),
                uitgenodigd_door=by,
                verloopt_op=_geldig_tot(),
            )
            gebeurtenis_record(
                praktijk=praktijk, by=by, actie="uitnodiging.create", obj=uitnodiging
            )
    except IntegrityError as exc:
        # Two facilitators inviting the same address at the same moment: the constraint decides.
        raise ValidationError({"email": _open_uitnodiging_fout()}, code="open_uitnodiging") from exc
    _send_after_commit(uitnodiging)
    return uitnodiging


def _send_after_commit(uitnodiging: Uitnodiging) -> None:
    # Imported here: the tasks module imports this one.
    from netwerk.tasks import uitnodiging_send_after_commit

    uitnodiging_send_after_commit(uitnodiging)


def _open_uitnodiging_fout():
    return _(
        "This address already has an invitation that has not been used. "
        "Use “Send again” in the list of invitations."
    )


def uitnodiging_accept_url(*, uitnodiging: Uitnodiging) -> str:
    """The absolute link in the invitation email."""
    path = reverse("netwerk:uitnodiging_accepteren", kwargs={"token": uitnodiging.token})
    return settings.SITE_URL + path


def uitnodiging_send(*, uitnodiging_id: int, token: str | None = None) -> bool:
    """Email the invitation once per token; return whether a message went out.

    Safe to run twice: a sent, used, revoked or replaced invitation is skipped.
    """

    def prepare() -> Bericht | None:
        uitnodiging = (
            # Lock only the invitation: PostgreSQL refuses FOR UPDATE on the nullable side of
            # the outer joins that select_related makes for the inviter and the organisation.
            Uitnodiging.objects.select_for_update(of=("self",))
            .filter(pk=uitnodiging_id)
            .select_related("praktijk", "uitgenodigd_door", "organisatie")
            .first()
        )
        if uitnodiging is None or (token is not None and uitnodiging.token != token):
            return None
        if (
            uitnodiging.verstuurd_op
            or uitnodiging_staat_for_use(uitnodiging=uitnodiging) != Staat.OPEN
        ):
            return None
        # The invitee's language is unknown: the practice's language, Dutch.
        with translation.override(settings.LANGUAGE_CODE):
            context = {
                "uitnodiging": uitnodiging,
                "praktijk": uitnodiging.praktijk,
                "rol": uitnodiging.get_rol_display(),
                "door": uitnodiging.uitgenodigd_door,
                "link": uitnodiging_accept_url(uitnodiging=uitnodiging),
                "verloopt_op": timezone.localtime(uitnodiging.verloopt_op),
            }
            subject = render_to_string("netwerk/leden/email/uitnodiging_subject.txt", context)
            body = render_to_string("netwerk/leden/email/uitnodiging_message.txt", context)
        return Bericht(
            message=EmailMessage(subject=header_line(subject), body=body, to=[uitnodiging.email]),
            # Sent is the link that was mailed: a "send again" meanwhile made a new one.
            sent=lambda: Uitnodiging.objects.filter(
                pk=uitnodiging_id, token=uitnodiging.token
            ).update(verstuurd_op=timezone.now()),
        )

    return mail_once(soort=UITNODIGING_MAIL, sleutel=uitnodiging_id, prepare=prepare)


@transaction.atomic
def uitnodiging_resend(*, uitnodiging: Uitnodiging, by: User) -> Uitnodiging:
    """Give an open or expired invitation a new link and expiry, and send it again after the
    commit.

    The old link stops working at once.
    """
    uitnodiging = Uitnodiging.objects.select_for_update().get(pk=uitnodiging.pk)
    if uitnodiging.gebruikt_op or uitnodiging.ingetrokken_op:
        raise UitnodigingOngeldig(uitnodiging_staat(uitnodiging=uitnodiging))
    uitnodiging.token = _nieuw_token()
    uitnodiging.verloopt_op = _geldig_tot()
    uitnodiging.verstuurd_op = None
    uitnodiging.uitgenodigd_door = by
    uitnodiging.save(update_fields=["token", "verloopt_op", "verstuurd_op", "uitgenodigd_door"])
    # A worker that died mailing the old link must not hold up the new one.
    mail_once_forget(soort=UITNODIGING_MAIL, sleutel=uitnodiging.pk)
    gebeurtenis_record(
        praktijk=uitnodiging.praktijk, by=by, actie="uitnodiging.resend", obj=uitnodiging
    )
    _send_after_commit(uitnodiging)
    return uitnodiging


@transaction.atomic
def uitnodiging_revoke(*, uitnodiging: Uitnodiging, by: User) -> Uitnodiging:
    """Revoke an invitation that was not used; its link stops working."""
    uitnodiging = Uitnodiging.objects.select_for_update().get(pk=uitnodiging.pk)
    if uitnodiging.gebruikt_op:
        raise UitnodigingOngeldig(Staat.GEBRUIKT)
    if not uitnodiging.ingetrokken_op:
        uitnodiging.ingetrokken_op = timezone.now()
        uitnodiging.save(update_fields=["ingetrokken_op"])
        gebeurtenis_record(
            praktijk=uitnodiging.praktijk, by=by, actie="uitnodiging.revoke", obj=uitnodiging
        )
    return uitnodiging


@dataclass(frozen=True)
class Aanname:
    """What accepting an invitation gave: the membership, and the person entry if one was made."""

    lidmaatschap: Lidmaatschap
    persoon: Persoon | None


@transaction.atomic
def uitnodiging_accept(*, uitnodiging: Uitnodiging, user: User) -> Aanname:
    """Use the invitation for this account: membership with the role, person entry, used.

    Raises UitnodigingOngeldig when it is expired, revoked or used, or meant for another address.
    The row lock makes two accepts at once (two tabs) use it only once.
    """
    uitnodiging = (
        Uitnodiging.objects.select_for_update(of=("self",))  # see uitnodiging_send
        .select_related("praktijk", "organisatie")
        .get(pk=uitnodiging.pk)
    )
    staat = uitnodiging_staat_for_use(uitnodiging=uitnodiging)
    if staat != Staat.OPEN:
        raise UitnodigingOngeldig(staat)
    if user.email.lower() != uitnodiging.email.lower():
        raise UitnodigingOngeldig("ander_adres")

    lidmaatschap, created = Lidmaatschap.objects.get_or_create(
        praktijk=uitnodiging.praktijk, user=user, defaults={"rol": uitnodiging.rol}
    )
    if not created and ROL_RANG[uitnodiging.rol] > ROL_RANG[lidmaatschap.rol]:
        lidmaatschap.rol = uitnodiging.rol
        lidmaatschap.save(update_fields=["rol"])

    persoon = None
    organisatie = uitnodiging.organisatie
    if organisatie is not None and not Persoon.objects.filter(user=user).exists():
        persoon = _persoon_link_or_create(
            uitnodiging=uitnodiging, organisatie=organisatie, user=user
        )

    if not user.name and uitnodiging.naam:
        user.name = uitnodiging.naam
        user.save(update_fields=["name"])

    uitnodiging.gebruikt_op = timezone.now()
    uitnodiging.save(update_fields=["gebruikt_op"])
    # The invitee is the one who acts here.
    gebeurtenis_record(
        praktijk=uitnodiging.praktijk, by=user, actie="uitnodiging.accept", obj=uitnodiging
    )
    return Aanname(lidmaatschap=lidmaatschap, persoon=persoon)


@transaction.atomic
def uitnodiging_account_create(
    *, uitnodiging: Uitnodiging, naam: str, password: str | None = None
) -> User:
    """Set up the invitee's account (without a password: log in by code).

    Raises UitnodigingOngeldig when the invitation cannot be used, and AccountBestaat when the
    address has an account already, so a link never sets the password of an existing account.
    """
    uitnodiging = Uitnodiging.objects.select_for_update().get(pk=uitnodiging.pk)
    staat = uitnodiging_staat_for_use(uitnodiging=uitnodiging)
    if staat != Staat.OPEN:
        raise UitnodigingOngeldig(staat)
    if account_exists(email=uitnodiging.email):
        raise AccountBestaat
    return user_ensure(email=uitnodiging.email, name=naam.strip(), password=password)


@transaction.atomic
def uitnodiging_accept_new_account(
    *, uitnodiging: Uitnodiging, naam: str, password: str
) -> tuple[User, Aanname]:
    """Set up the account with a password and accept the invitation, all or nothing."""
    user = uitnodiging_account_create(uitnodiging=uitnodiging, naam=naam, password=password)
    return user, uitnodiging_accept(uitnodiging=uitnodiging, user=user)


def uitnodiging_account_setup(*, uitnodiging: Uitnodiging, naam: str, password: str | None) -> User:
    """Set up the invitee's account: with a password the invitation is accepted at once (all or
    nothing); without one they log in by code and accept after that."""
    if password is None:
        return uitnodiging_account_create(uitnodiging=uitnodiging, naam=naam)
    user, _aanname = uitnodiging_accept_new_account(
        uitnodiging=uitnodiging, naam=naam, password=password
    )
    return user


def _persoon_link_or_create(
    *, uitnodiging: Uitnodiging, organisatie: Organisatie, user: User
) -> Persoon:
    # The social map may list this person already, without an account: link that entry.
    persoon = Persoon.objects.filter(
        organisatie=organisatie, email__iexact=user.email, user__isnull=True
    ).first()
    if persoon is not None:
        persoon.user = user
        persoon.save(update_fields=["user", "updated_at"])
        return persoon
    return Persoon.objects.create(
        naam=user.name or uitnodiging.naam or user.email,
        email=user.email,
        organisatie=organisatie,
        user=user,
    )


# Memberships


def _other_facilitator_exists(*, lidmaatschap: Lidmaatschap) -> bool:
    return (
        Lidmaatschap.objects.filter(praktijk_id=lidmaatschap.praktijk_id, rol=Rol.FACILITATOR)
        .exclude(pk=lidmaatschap.pk)
        .exists()
    )


@transaction.atomic
def lidmaatschap_change_role(*, lidmaatschap: Lidmaatschap, rol: str, by: User) -> Lidmaatschap:
    """Give a member another role; the last facilitator keeps theirs (LaatsteFacilitator)."""
    # Lock the practice's facilitators so two demotions at once cannot both pass the check.
    list(
        Lidmaatschap.objects.select_for_update().filter(
            praktijk_id=lidmaatschap.praktijk_id, rol=Rol.FACILITATOR
        )
    )
    if rol not in Rol.values:
        raise ValueError(f"unknown role {rol!r}")
    lidmaatschap.refresh_from_db()
    if lidmaatschap.rol == rol:
        return lidmaatschap
    if lidmaatschap.rol == Rol.FACILITATOR and not _other_facilitator_exists(
        lidmaatschap=lidmaatschap
    ):
        raise LaatsteFacilitator(
            _("This is the last facilitator of the practice. Make someone else facilitator first."),
            code="laatste_facilitator",
        )
    was_facilitator = lidmaatschap.rol == Rol.FACILITATOR
    lidmaatschap.rol = rol
    lidmaatschap.save(update_fields=["rol"])
    gebeurtenis_record(
        praktijk=lidmaatschap.praktijk, by=by, actie="lidmaatschap.change_role", obj=lidmaatschap
    )
    if was_facilitator:
        _invitations_of_revoke(lidmaatschap=lidmaatschap, by=by)
    return lidmaatschap


def _invitations_of_revoke(*, lidmaatschap: Lidmaatschap, by: User) -> int:
    """Revoke the open invitations this member sent, now that they may no longer invite."""
    if lidmaatschap.user.is_staff:
        return 0
    open_ones = list(
        Uitnodiging.objects.filter(
            uitnodiging_open_filter(),
            praktijk_id=lidmaatschap.praktijk_id,
            uitgenodigd_door_id=lidmaatschap.user_id,
        )
    )
    now = timezone.now()
    for uitnodiging in open_ones:
        uitnodiging.ingetrokken_op = now
        uitnodiging.save(update_fields=["ingetrokken_op"])
        gebeurtenis_record(
            praktijk=lidmaatschap.praktijk, by=by, actie="uitnodiging.revoke", obj=uitnodiging
        )
    return len(open_ones)


@transaction.atomic
def lidmaatschap_remove(*, lidmaatschap: Lidmaatschap, by: User) -> None:
    """Take an account out of the practice; the last facilitator stays (LaatsteFacilitator)."""
    list(
        Lidmaatschap.objects.select_for_update().filter(
            praktijk_id=lidmaatschap.praktijk_id, rol=Rol.FACILITATOR
        )
    )
    lidmaatschap.refresh_from_db()
    if lidmaatschap.rol == Rol.FACILITATOR and not _other_facilitator_exists(
        lidmaatschap=lidmaatschap
    ):
        raise LaatsteFacilitator(
            _(
                "This is the last facilitator of the practice and cannot be removed. "
                "Make someone else facilitator first."
            ),
            code="laatste_facilitator",
        )
    # Recorded first, while the membership still has its id.
    gebeurtenis_record(
        praktijk=lidmaatschap.praktijk, by=by, actie="lidmaatschap.remove", obj=lidmaatschap
    )
    if lidmaatschap.rol == Rol.FACILITATOR:
        _invitations_of_revoke(lidmaatschap=lidmaatschap, by=by)
    lidmaatschap.delete()
