import datetime

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from netwerk.models import (
    Afspraak,
    Deelname,
    DeelnameWijziging,
    Levensdomein,
    Organisatie,
    Persoon,
    User,
)
from praktijken.models import Praktijk


@transaction.atomic
def user_ensure(
    *, email: str, name: str = "", password: str | None = None, is_staff: bool = False
) -> User:
    """Return the account for this address, creating it with a verified email if it is new."""
    email = email.strip().lower()
    user, created = User.objects.get_or_create(
        email=email, defaults={"name": name, "is_staff": is_staff}
    )
    if created and not password:
        user.set_unusable_password()
    if password:
        user.set_password(password)
    if created or password:
        user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def user_mail(*, user_id: int, subject: str, body: str) -> None:
    """Send a plain-text message to an active account; a removed or inactive one gets nothing."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return
    user.email_user(subject, body)


# The network of a practice: participations and their history.


class DeelnameBestaatAl(Exception):
    """The organisation already takes part in this practice."""


@transaction.atomic
def organisatie_create(*, naam: str, soort: str) -> Organisatie:
    """A new organisation in the region, known by name and kind."""
    return Organisatie.objects.create(naam=naam.strip(), soort=soort)


@transaction.atomic
def deelname_create(
    *,
    praktijk: Praktijk,
    organisatie: Organisatie,
    groep: str,
    by: User,
    belangen: str = "",
    bijdrage: str = "",
    tijdsinvestering: str = "",
) -> Deelname:
    """Let an organisation join the practice's core or design group, and record that it joined."""
    if Deelname.objects.filter(praktijk=praktijk, organisatie=organisatie).exists():
        raise DeelnameBestaatAl
    try:
        with transaction.atomic():
            deelname = Deelname.objects.create(
                praktijk=praktijk,
                organisatie=organisatie,
                groep=groep,
                belangen=belangen,
                bijdrage=bijdrage,
                tijdsinvestering=tijdsinvestering,
            )
    except IntegrityError as exc:  # two editors at once: the constraint has the last word
        raise DeelnameBestaatAl from exc
    DeelnameWijziging.objects.create(deelname=deelname, van_groep="", naar_groep=groep, door=by)
    return deelname


@transaction.atomic
def organisatie_join(
    *,
    praktijk: Praktijk,
    organisatie: Organisatie | None,
    nieuwe_naam: str,
    nieuwe_soort: str,
    groep: str,
    by: User,
    belangen: str = "",
    bijdrage: str = "",
    tijdsinvestering: str = "",
) -> Deelname:
    """Let an existing organisation join, or a new one by name and kind: both saved, or neither."""
    if organisatie is None:
        organisatie = organisatie_create(naam=nieuwe_naam, soort=nieuwe_soort)
    return deelname_create(
        praktijk=praktijk,
        organisatie=organisatie,
        groep=groep,
        by=by,
        belangen=belangen,
        bijdrage=bijdrage,
        tijdsinvestering=tijdsinvestering,
    )


@transaction.atomic
def deelname_update(
    *,
    deelname: Deelname,
    by: User,
    groep: str,
    belangen: str,
    bijdrage: str,
    tijdsinvestering: str,
) -> Deelname:
    """Change a participation; a move between the groups is kept in its history."""
    van = Deelname.objects.select_for_update().values_list("groep", flat=True).get(pk=deelname.pk)
    deelname.groep = groep
    deelname.belangen = belangen
    deelname.bijdrage = bijdrage
    deelname.tijdsinvestering = tijdsinvestering
    deelname.save()
    if van != groep:
        DeelnameWijziging.objects.create(
            deelname=deelname, van_groep=van, naar_groep=groep, door=by
        )
    return deelname


def afspraak_save(
    *, praktijk: Praktijk, onderwerp: str, afspraak: str, wie: str, instance: Afspraak | None
) -> Afspraak:
    """Create or change a working agreement of the practice's network."""
    instance = instance or Afspraak(praktijk=praktijk)
    if instance.praktijk_id != praktijk.pk:
        raise ValueError("The agreement belongs to another practice.")
    instance.onderwerp = onderwerp
    instance.afspraak = afspraak
    instance.wie = wie
    instance.save()
    return instance


def afspraak_delete(*, afspraak: Afspraak) -> None:
    """Remove a working agreement."""
    afspraak.delete()


# The social map: organisations and people, and keeping them current.


@transaction.atomic
def organisatie_update(
    *, organisatie: Organisatie, levensdomeinen: list[str], **fields: str
) -> Organisatie:
    """Save the organisation's entry; saving it counts as confirming it is correct."""
    for name, value in fields.items():
        setattr(organisatie, name, value)
    organisatie.bevestigd_op = timezone.now()
    organisatie.save()
    Levensdomein.objects.bulk_create(
        [Levensdomein(code=code) for code in levensdomeinen], ignore_conflicts=True
    )
    organisatie.levensdomeinen.set(Levensdomein.objects.filter(code__in=levensdomeinen))
    return organisatie


@transaction.atomic
def organisatie_confirm(*, organisatie: Organisatie) -> Organisatie:
    """Record that the organisation's entry, and its people, are still correct."""
    nu = timezone.now()
    Organisatie.objects.filter(pk=organisatie.pk).update(bevestigd_op=nu)
    organisatie.personen.update(bevestigd_op=nu)
    organisatie.bevestigd_op = nu
    return organisatie


def persoon_save(
    *, organisatie: Organisatie, instance: Persoon | None = None, **fields: str | bool
) -> Persoon:
    """Create or change a contact person of an organisation; saving counts as confirming."""
    persoon = instance or Persoon(organisatie=organisatie)
    if persoon.organisatie_id != organisatie.pk:
        raise ValueError("The person belongs to another organisation.")
    for name, value in fields.items():
        setattr(persoon, name, value)
    persoon.bevestigd_op = timezone.now()
    persoon.save()
    return persoon


BEVESTIGING_ELKE = datetime.timedelta(days=90)
BEVESTIGING_LINK_GELDIG = datetime.timedelta(days=60)
_BEVESTIGING_SALT = "netwerk.organisatie.bevestigen"


def bevestiging_token_make(*, organisatie: Organisatie) -> str:
    """A signed, dated token for the one-click “still correct” link of an organisation."""
    return signing.TimestampSigner(salt=_BEVESTIGING_SALT).sign(str(organisatie.pk))


def bevestiging_token_read(*, token: str) -> int | None:
    """The organisation id in a valid, unexpired token; None for a bad or expired one."""
    if len(token) > 200:
        return None
    try:
        value = signing.TimestampSigner(salt=_BEVESTIGING_SALT).unsign(
            token, max_age=BEVESTIGING_LINK_GELDIG
        )
    except signing.BadSignature:  # SignatureExpired is a BadSignature too
        return None
    return int(value) if value.isdigit() else None


def _bevestiging_nodig(nu: datetime.datetime) -> Q:
    grens = nu - BEVESTIGING_ELKE
    return (Q(bevestigd_op__isnull=True) | Q(bevestigd_op__lt=grens)) & (
        Q(bevestiging_gevraagd_op__isnull=True) | Q(bevestiging_gevraagd_op__lt=grens)
    )


def _bevestiging_adressen(organisatie: Organisatie) -> list[str]:
    contacten = sorted(
        {
            p.email.lower()
            for p in organisatie.personen.all()
            if p.is_contactpersoon and p.email.strip()
        }
    )
    if contacten:
        return contacten
    return [organisatie.email] if organisatie.email else []


def bevestigingen_due(*, nu: datetime.datetime | None = None) -> list[int]:
    """Ids of organisations in a practice whose entry is old and who were not asked lately."""
    nu = nu or timezone.now()
    return list(
        Organisatie.objects.filter(_bevestiging_nodig(nu))
        .filter(Exists(Deelname.objects.filter(organisatie=OuterRef("pk"))))
        .filter(
            ~Q(email="")
            | Exists(
                Persoon.objects.filter(organisatie=OuterRef("pk"), is_contactpersoon=True).exclude(
                    email=""
                )
            )
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )


@transaction.atomic
def bevestiging_mail_send(*, organisatie_id: int, nu: datetime.datetime | None = None) -> bool:
    """Ask the organisation's contact person to check its entry, unless asked lately.

    Returns whether a mail went out. Safe to run twice: the second run finds it was asked.
    """
    nu = nu or timezone.now()
    organisatie = (
        Organisatie.objects.select_for_update()
        .filter(_bevestiging_nodig(nu), pk=organisatie_id)
        .first()
    )
    if organisatie is None:
        return False
    deelname = (
        Deelname.objects.filter(organisatie=organisatie)
        .select_related("praktijk")
        .order_by("praktijk__naam")
        .first()
    )
    adressen = _bevestiging_adressen(organisatie)
    if deelname is None or not adressen:
        return False
    token = bevestiging_token_make(organisatie=organisatie)
    context = {
        "organisatie": organisatie,
        "personen": list(organisatie.personen.order_by("naam")),
        "praktijk": deelname.praktijk,
        "bevestig_url": settings.SITE_URL + reverse("netwerk:bevestigen", args=[token]),
        "bewerk_url": settings.SITE_URL
        + reverse("netwerk:organisatie_bewerken", args=[deelname.praktijk.slug, organisatie.pk]),
        "geldig_dagen": BEVESTIGING_LINK_GELDIG.days,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = gettext("Is the entry of %(naam)s on the social map still correct?") % {
            "naam": organisatie.naam
        }
        body = render_to_string("netwerk/email/bevestiging_vragen.txt", context)
    # Mark first: a failure to send rolls the mark back with the transaction, and the task retries.
    organisatie.bevestiging_gevraagd_op = nu
    organisatie.save(update_fields=["bevestiging_gevraagd_op"])
    EmailMessage(subject=subject.replace("\n", " "), body=body, to=adressen).send()
    return True
