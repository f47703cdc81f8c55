"""A meeting's people: its planner, minute-taker and invitees (persons of the network), and the
mails they get: the invitation with the calendar file, its updates, and the published minutes.

praktijken owns the meeting and knows no persons; this module hangs the persons on it and hears
of a meeting's changes through praktijken.agenda.bijeenkomst_gewijzigd_register.
"""

import datetime
from collections.abc import Iterable
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from config.http import AccountUser
from config.mail import Bericht, header_line, mail_once
from config.queue import queue_after_commit
from netwerk.models import Genodigde, Persoon
from netwerk.selectors import personen_for_praktijk
from praktijken.audit import gebeurtenis_record
from praktijken.ics import Uitnodiging, bijeenkomst_ics, ics_domein
from praktijken.models import Bijeenkomst

UITNODIGING_MAIL = "bijeenkomst.uitnodiging"
VERSLAG_MAIL = "bijeenkomst.verslag"


class PersoonElders(ValueError):
    """A person who is not in the meeting's practice's network."""


def bijeenkomst_mensen_save(
    *,
    bijeenkomst: Bijeenkomst,
    by: AccountUser,
    planner: Persoon | None,
    notulist: Persoon | None,
    genodigden: Iterable[Persoon],
) -> list[Genodigde]:
    """Set who plans the meeting, who writes the minutes and who else is invited (planner and
    minute-taker are invited too). Once the invitations went out, new invitees get theirs
    after the commit. Raises PersoonElders for a person of another practice."""
    gekozen = {p.pk: p for p in genodigden}
    for persoon in (planner, notulist):
        if persoon is not None:
            gekozen[persoon.pk] = persoon
    toegestaan = set(
        personen_for_praktijk(praktijk=bijeenkomst.praktijk)
        .filter(pk__in=gekozen)
        .values_list("pk", flat=True)
    )
    if set(gekozen) - toegestaan:
        raise PersoonElders("A person is not in this practice's network.")
    with transaction.atomic():
        Genodigde.objects.filter(bijeenkomst=bijeenkomst).exclude(persoon__in=gekozen).delete()
        # Clear the roles first: a role moves from one person to another in two steps, as at
        # most one planner and one minute-taker per meeting is a constraint.
        Genodigde.objects.filter(bijeenkomst=bijeenkomst).update(
            is_planner=False, is_notulist=False
        )
        bestaand = set(
            Genodigde.objects.filter(bijeenkomst=bijeenkomst).values_list("persoon_id", flat=True)
        )
        Genodigde.objects.bulk_create(
            Genodigde(bijeenkomst=bijeenkomst, persoon_id=pk)
            for pk in gekozen
            if pk not in bestaand
        )
        if planner is not None:
            Genodigde.objects.filter(bijeenkomst=bijeenkomst, persoon=planner).update(
                is_planner=True
            )
        if notulist is not None:
            Genodigde.objects.filter(bijeenkomst=bijeenkomst, persoon=notulist).update(
                is_notulist=True
            )
        gebeurtenis_record(
            praktijk=bijeenkomst.praktijk, by=by, actie="bijeenkomst.mensen", obj=bijeenkomst
        )
        bijeenkomst_mails_queue(bijeenkomst=bijeenkomst)
    return list(Genodigde.objects.filter(bijeenkomst=bijeenkomst))


def bijeenkomst_uitnodigen(*, bijeenkomst: Bijeenkomst, by: AccountUser) -> None:
    """Send the invitation to every invitee with an email address who has not had it yet,
    after the commit; from now on changes to the time, place or title are mailed as updates."""
    with transaction.atomic():
        if bijeenkomst.uitnodiging_verstuurd_op is None:
            bijeenkomst.uitnodiging_verstuurd_op = timezone.now()
            bijeenkomst.save(update_fields=["uitnodiging_verstuurd_op", "updated_at"])
        gebeurtenis_record(
            praktijk=bijeenkomst.praktijk, by=by, actie="bijeenkomst.uitnodigen", obj=bijeenkomst
        )
        queue_after_commit(_mails_task(), bijeenkomst.pk)


def bijeenkomst_verslag_save(
    *, bijeenkomst: Bijeenkomst, by: AccountUser, verslag: str, publiceren: bool
) -> Bijeenkomst:
    """Save the minutes; `publiceren` publishes them (again), which mails them to the invitees
    once after the commit. Saving alone mails nobody, also after publishing."""
    bijeenkomst.verslag = verslag
    velden = ["verslag", "updated_at"]
    if publiceren:
        bijeenkomst.verslag_gepubliceerd_op = timezone.now()
        velden.append("verslag_gepubliceerd_op")
    with transaction.atomic():
        bijeenkomst.save(update_fields=velden)
        gebeurtenis_record(
            praktijk=bijeenkomst.praktijk,
            by=by,
            actie="bijeenkomst.verslag_publiceren" if publiceren else "bijeenkomst.verslag",
            obj=bijeenkomst,
        )
        if publiceren:
            queue_after_commit(_mails_task(), bijeenkomst.pk)
    return bijeenkomst


def bijeenkomst_mails_queue(*, bijeenkomst: Bijeenkomst) -> None:
    """After a meeting changed: once the invitations went out, mail what is due after the
    commit (the update with the new calendar file, the invitation to someone new)."""
    if bijeenkomst.uitnodiging_verstuurd_op is not None:
        queue_after_commit(_mails_task(), bijeenkomst.pk)


def _mails_task():
    # The task module imports this one: look it up when it is needed.
    from netwerk.tasks import bijeenkomst_mails_task

    return bijeenkomst_mails_task


def _uitnodiging_due() -> Q:
    # A called-off meeting: only the cancellation, to whoever had an earlier version.
    return Q(bijeenkomst__uitnodiging_verstuurd_op__isnull=False) & (
        Q(volgnummer_verstuurd__isnull=True, bijeenkomst__afgezegd_op__isnull=True)
        | Q(volgnummer_verstuurd__lt=F("bijeenkomst__ics_volgnummer"))
    )


def _verslag_due() -> Q:
    return Q(bijeenkomst__verslag_gepubliceerd_op__isnull=False) & (
        Q(verslag_verstuurd_op__isnull=True)
        | Q(verslag_verstuurd_op__lt=F("bijeenkomst__verslag_gepubliceerd_op"))
    )


def bijeenkomst_mails_send(*, bijeenkomst_id: int) -> int:
    """Send every mail of the meeting that is due (invitations, updates, minutes); returns how
    many went out. Safe to run twice: each is sent once per version."""
    genodigden = Genodigde.objects.filter(bijeenkomst_id=bijeenkomst_id).exclude(persoon__email="")
    verstuurd = 0
    for pk in genodigden.filter(_uitnodiging_due()).values_list("pk", flat=True):
        verstuurd += genodigde_uitnodiging_send(genodigde_id=pk)
    for pk in genodigden.filter(_verslag_due()).values_list("pk", flat=True):
        verstuurd += genodigde_verslag_send(genodigde_id=pk)
    return verstuurd


def bijeenkomsten_mails_due() -> list[int]:
    """The meetings with a mail that is due: for the sweep, when the queue was away."""
    due = Genodigde.objects.exclude(persoon__email="").filter(_uitnodiging_due() | _verslag_due())
    return sorted(set(due.values_list("bijeenkomst_id", flat=True)))


def _genodigde_locked(genodigde_id: int) -> Genodigde | None:
    return (
        Genodigde.objects.select_for_update(of=("self",))
        .filter(pk=genodigde_id)
        .select_related("bijeenkomst__praktijk", "persoon")
        .first()
    )


def bijeenkomst_namen(bijeenkomst: Bijeenkomst) -> tuple[str, str]:
    """The planner's and the minute-taker's names: the person, else the free text."""
    planner, notulist = bijeenkomst.planner, bijeenkomst.notulist
    for g in (
        Genodigde.objects.filter(bijeenkomst=bijeenkomst)
        .filter(Q(is_planner=True) | Q(is_notulist=True))
        .select_related("persoon")
    ):
        if g.is_planner:
            planner = g.persoon.naam
        if g.is_notulist:
            notulist = g.persoon.naam
    return planner, notulist


def _organisator(bijeenkomst: Bijeenkomst) -> str:
    planner = (
        Genodigde.objects.filter(bijeenkomst=bijeenkomst, is_planner=True)
        .exclude(persoon__email="")
        .values_list("persoon__email", flat=True)
        .first()
    )
    return planner or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]


def bijeenkomst_url(bijeenkomst: Bijeenkomst) -> str:
    path = reverse(
        "praktijken:bijeenkomst_detail",
        kwargs={"slug": bijeenkomst.praktijk.slug, "pk": bijeenkomst.pk},
    )
    return settings.SITE_URL + path


def genodigde_uitnodiging_send(*, genodigde_id: int) -> bool:
    """Mail one invitee the invitation, or the update when an earlier version reached them, or
    the cancellation when the meeting was called off after that, with the calendar file; once
    per version of the meeting."""

    def prepare() -> Bericht | None:
        genodigde = _genodigde_locked(genodigde_id)
        if genodigde is None or not genodigde.persoon.email:
            return None
        bijeenkomst = genodigde.bijeenkomst
        volgnummer = bijeenkomst.ics_volgnummer
        afgezegd = bijeenkomst.afgezegd_op is not None
        if (
            bijeenkomst.uitnodiging_verstuurd_op is None
            or (
                genodigde.volgnummer_verstuurd is not None
                and genodigde.volgnummer_verstuurd >= volgnummer
            )
            or (afgezegd and genodigde.volgnummer_verstuurd is None)
        ):
            return None
        method = "CANCEL" if afgezegd else "REQUEST"
        soort = "afzegging" if afgezegd else "uitnodiging"
        planner, notulist = bijeenkomst_namen(bijeenkomst)
        url = bijeenkomst_url(bijeenkomst)
        ics = bijeenkomst_ics(
            bijeenkomst=bijeenkomst,
            domein=ics_domein(),
            url=url,
            now=timezone.now(),
            planner=planner,
            notulist=notulist,
            uitnodiging=Uitnodiging(
                method=method,
                organisator=_organisator(bijeenkomst),
                deelnemer_naam=genodigde.persoon.naam,
                deelnemer_email=genodigde.persoon.email,
            ),
        )
        with translation.override(settings.LANGUAGE_CODE):
            context = {
                "bijeenkomst": bijeenkomst,
                "persoon": genodigde.persoon,
                "praktijk": bijeenkomst.praktijk,
                "is_wijziging": genodigde.volgnummer_verstuurd is not None,
                "planner": planner,
                "notulist": notulist,
                "begint_op": timezone.localtime(bijeenkomst.begint_op),
                "eindigt_op": bijeenkomst.eindigt_op and timezone.localtime(bijeenkomst.eindigt_op),
                "url": url,
            }
            subject = render_to_string(f"netwerk/bijeenkomst/email/{soort}_subject.txt", context)
            body = render_to_string(f"netwerk/bijeenkomst/email/{soort}_message.txt", context)
        message = EmailMessage(
            subject=header_line(subject), body=body, to=[genodigde.persoon.email]
        )
        # The method in the content type too: some mail programs only then offer "accept".
        message.attach(f"{soort}.ics", ics, f"text/calendar; method={method}")
        return Bericht(
            message=message,
            sent=lambda: Genodigde.objects.filter(pk=genodigde_id).update(
                volgnummer_verstuurd=volgnummer,
                uitgenodigd_op=Coalesce(F("uitgenodigd_op"), timezone.now()),
            ),
        )

    return mail_once(soort=UITNODIGING_MAIL, sleutel=genodigde_id, prepare=prepare)


def genodigde_verslag_send(*, genodigde_id: int) -> bool:
    """Mail one invitee the published minutes as plain text; once per publication."""

    def prepare() -> Bericht | None:
        genodigde = _genodigde_locked(genodigde_id)
        if genodigde is None or not genodigde.persoon.email:
            return None
        bijeenkomst = genodigde.bijeenkomst
        gepubliceerd: datetime.datetime | None = bijeenkomst.verslag_gepubliceerd_op
        if gepubliceerd is None or (
            genodigde.verslag_verstuurd_op is not None
            and genodigde.verslag_verstuurd_op >= gepubliceerd
        ):
            return None
        with translation.override(settings.LANGUAGE_CODE):
            context = {
                "bijeenkomst": bijeenkomst,
                "persoon": genodigde.persoon,
                "praktijk": bijeenkomst.praktijk,
                "begint_op": timezone.localtime(bijeenkomst.begint_op),
                "url": bijeenkomst_url(bijeenkomst),
            }
            subject = render_to_string("netwerk/bijeenkomst/email/verslag_subject.txt", context)
            body = render_to_string("netwerk/bijeenkomst/email/verslag_message.txt", context)
        return Bericht(
            message=EmailMessage(
                subject=header_line(subject), body=body, to=[genodigde.persoon.email]
            ),
            sent=lambda: Genodigde.objects.filter(pk=genodigde_id).update(
                verslag_verstuurd_op=gepubliceerd
            ),
        )

    return mail_once(soort=VERSLAG_MAIL, sleutel=genodigde_id, prepare=prepare)
