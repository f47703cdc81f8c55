"""The social map: organisations and people, and keeping their entries current."""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from config.mail import Bericht, header_line, mail_once
from netwerk.models import Deelname, Levensdomein, Organisatie, Persoon, User
from netwerk.selectors import bevestiging_due_filter
from netwerk.tokens import BEVESTIGING_LINK_GELDIG, bevestiging_token_make
from praktijken.audit import gebeurtenis_record
from praktijken.models import Praktijk


@transaction.atomic
def organisatie_update(
    *,
    organisatie: Organisatie,
    praktijk: Praktijk,
    by: User,
    levensdomeinen: list[str],
    **fields: str,
) -> Organisatie:
    """Save the organisation's entry; saving it counts as confirming it is correct.

    `praktijk` is where the change was made, and must own the entry; its audit trail records it."""
    if organisatie.eigenaar_id != praktijk.pk:
        raise ValueError("The organisation belongs to another practice.")
    for name, value in fields.items():
        setattr(organisatie, name, value)
    organisatie.bevestigd_op = timezone.now()
    organisatie.save()
    Levensdomein.objects.bulk_create(
        [Levensdomein(code=code) for code in levensdomeinen], ignore_conflicts=True
    )
    organisatie.levensdomeinen.set(Levensdomein.objects.filter(code__in=levensdomeinen))
    gebeurtenis_record(praktijk=praktijk, by=by, actie="organisatie.update", obj=organisatie)
    return organisatie


@transaction.atomic
def organisatie_confirm(
    *, organisatie: Organisatie, praktijk: Praktijk | None, by: User | None
) -> Organisatie:
    """Record that the organisation's entry, and its people, are still correct.

    From a practice's page (the practice that owns the entry), that practice records who confirmed
    it. From the mailed link (`praktijk` and `by` None) nobody is logged in: every practice it
    takes part in records it."""
    if praktijk is not None and organisatie.eigenaar_id != praktijk.pk:
        raise ValueError("The organisation belongs to another practice.")
    nu = timezone.now()
    Organisatie.objects.filter(pk=organisatie.pk).update(bevestigd_op=nu)
    organisatie.personen.update(bevestigd_op=nu)
    organisatie.bevestigd_op = nu
    if praktijk is not None:
        praktijken = [praktijk]
    else:
        praktijken = [d.praktijk for d in Deelname.objects.filter(organisatie=organisatie)]
    for waar in praktijken:
        gebeurtenis_record(praktijk=waar, by=by, actie="organisatie.confirm", obj=organisatie)
    return organisatie


@transaction.atomic
def persoon_save(
    *,
    organisatie: Organisatie,
    praktijk: Praktijk,
    by: User,
    instance: Persoon | None = None,
    **fields: str | bool,
) -> Persoon:
    """Create or change a contact person of an organisation; saving counts as confirming.

    `praktijk` is where the change was made, and must own the organisation's entry; its audit
    trail records it."""
    if organisatie.eigenaar_id != praktijk.pk:
        raise ValueError("The organisation belongs to another practice.")
    actie = "persoon.update" if instance is not None else "persoon.create"
    persoon = instance or Persoon(organisatie=organisatie)
    if persoon.organisatie_id != organisatie.pk:
        raise ValueError("The person belongs to another organisation.")
    for name, value in fields.items():
        setattr(persoon, name, value)
    persoon.bevestigd_op = timezone.now()
    persoon.save()
    gebeurtenis_record(praktijk=praktijk, by=by, actie=actie, obj=persoon)
    return persoon


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


def bevestiging_mail_send(*, organisatie_id: int, nu: datetime.datetime | None = None) -> bool:
    """Ask the organisation's contact person to check its entry, unless asked lately.

    Returns whether a mail went out. Safe to run twice: the second run finds it was asked.
    """
    nu = nu or timezone.now()

    def prepare() -> Bericht | None:
        organisatie = (
            Organisatie.objects.select_for_update()
            .filter(bevestiging_due_filter(nu), pk=organisatie_id)
            .first()
        )
        if organisatie is None:
            return None
        deelname = (
            Deelname.objects.filter(organisatie=organisatie)
            .select_related("praktijk")
            .order_by("praktijk__naam")
            .first()
        )
        adressen = _bevestiging_adressen(organisatie)
        if deelname is None or not adressen:
            return None
        token = bevestiging_token_make(organisatie=organisatie)
        context = {
            "organisatie": organisatie,
            "personen": list(organisatie.personen.order_by("naam")),
            "praktijk": deelname.praktijk,
            "bevestig_url": settings.SITE_URL + reverse("netwerk:bevestigen", args=[token]),
            "bewerk_url": settings.SITE_URL
            + reverse(
                "netwerk:organisatie_bewerken", args=[deelname.praktijk.slug, organisatie.pk]
            ),
            "geldig_dagen": BEVESTIGING_LINK_GELDIG.days,
        }
        with translation.override(settings.LANGUAGE_CODE):
            subject = gettext("Is the entry of %(naam)s on the social map still correct?") % {
                "naam": organisatie.naam
            }
            body = render_to_string("netwerk/email/bevestiging_vragen.txt", context)
        return Bericht(
            message=EmailMessage(subject=header_line(subject), body=body, to=adressen),
            sent=lambda: Organisatie.objects.filter(pk=organisatie_id).update(
                bevestiging_gevraagd_op=nu
            ),
        )

    return mail_once(soort="bevestiging", sleutel=organisatie_id, prepare=prepare)
