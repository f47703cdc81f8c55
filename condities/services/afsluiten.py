"""Closing a session: freeze the answers into scores, and mail the summaries."""

import datetime
import functools
from decimal import Decimal

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from condities.charts import afgerond
from condities.models import ALLE, ConditieScore, Deelnemer, Sessie, Vrijgave
from condities.scherm_cache import scherm_forget
from condities.selectors.resultaten import Resultaten, sessie_resultaten
from condities.services.inbreng import inbreng_close
from condities.services.sessies import SessieGesloten
from config.http import AccountUser
from config.mail import Bericht, header_line, mail_once
from config.queue import each_isolated, queue_after_commit
from praktijken.audit import gebeurtenis_record
from praktijken.versie import versie_bump


def _decimal(value: float | None) -> Decimal | None:
    rond = afgerond(value, 2)
    return None if rond is None else Decimal(str(rond))


@transaction.atomic
def sessie_close(*, sessie: Sessie, by: AccountUser | None) -> Sessie:
    """Freeze the answers, write a ConditieScore per condition (overall and per group), record
    "sessie.close" and queue the summaries after the commit. Raises SessieGesloten when it was
    closed already (and records nothing). `by` is None when the system closes it (a check-in
    at its deadline)."""
    # Imported here: the task module imports this one.
    from condities.tasks import summary_send_task

    sessie = Sessie.objects.select_for_update().get(pk=sessie.pk)
    if sessie.status == Sessie.Status.GESLOTEN:
        raise SessieGesloten
    sessie.status = Sessie.Status.GESLOTEN
    sessie.gesloten_op = timezone.now()
    sessie.save(update_fields=["status", "gesloten_op"])
    scherm_forget(sessie_pk=sessie.pk)
    Vrijgave.objects.filter(sessie=sessie).delete()  # the steps of an open session are done
    # Where the participants joined from was kept to spot stuffing while open: gone now.
    Deelnemer.objects.filter(sessie=sessie).exclude(herkomst="").update(herkomst="")
    inbreng_close(sessie=sessie)  # who voted, and the open answers never shown
    scores_write(sessie=sessie)
    gebeurtenis_record(praktijk=sessie.praktijk, by=by, actie="sessie.close", obj=sessie)
    queue_after_commit(summary_send_task, sessie.pk)
    return sessie


def scores_write(*, sessie: Sessie) -> int:
    """Write a closed session's condition scores (overall and per group) as the disclosure
    rules release them, replacing any written before; returns how many."""
    resultaten = sessie_resultaten(sessie=sessie)
    scores = []
    for conditie in resultaten.condities:
        for groep, score in [(ALLE, conditie.totaal), *conditie.groepen.items()]:
            if not score.zichtbaar:
                continue
            scores.append(
                ConditieScore(
                    praktijk_id=sessie.praktijk_id,
                    sessie=sessie,
                    bron=sessie.soort,
                    datum=sessie.datum,
                    conditie=conditie.code,
                    groep=groep,
                    gemiddelde=_decimal(score.gemiddelde),
                    spreiding=_decimal(score.spreiding),
                    respondenten=score.respondenten,
                )
            )
    ConditieScore.objects.filter(sessie=sessie).delete()
    ConditieScore.objects.bulk_create(scores)
    # bulk_create sends no model signal: the dashboard's kept sections are dropped here.
    versie_bump(praktijk_id=sessie.praktijk_id)
    return len(scores)


@transaction.atomic
def scores_rewrite_all() -> int:
    """Write the scores of every closed session again under the current disclosure rules (after
    an upgrade that changed them, or a higher MIN_RESPONDENTEN); returns how many sessions."""
    sessies = list(Sessie.objects.filter(status=Sessie.Status.GESLOTEN).select_related("praktijk"))
    for sessie in sessies:
        scores_write(sessie=sessie)
    return len(sessies)


def summary_send(*, sessie_id: int) -> int:
    """Mail the summary to each participant with an address, once each; returns how many sent."""
    sessie = (
        Sessie.objects.select_related("praktijk")
        .filter(pk=sessie_id, status=Sessie.Status.GESLOTEN)
        .first()
    )
    if sessie is None:
        return 0
    resultaten = sessie_resultaten(sessie=sessie)
    url = settings.SITE_URL + reverse(
        "condities:sessie_detail", kwargs={"slug": sessie.praktijk.slug, "pk": sessie.pk}
    )
    verstuurd = 0
    # Only those who answered something: an invitee who never took part gets no summary.
    ontvangers = (
        Deelnemer.objects.filter(
            sessie=sessie, samenvatting_op__isnull=True, antwoorden__isnull=False
        )
        .exclude(email="")
        .distinct()
    )
    for pk in list(ontvangers.values_list("pk", flat=True)):
        if mail_once(
            soort="samenvatting",
            sleutel=pk,
            prepare=functools.partial(
                _summary_prepare, sessie=sessie, resultaten=resultaten, url=url, deelnemer_id=pk
            ),
        ):
            verstuurd += 1
    # A guest who left an address but answered nothing gets no summary: nothing to keep it for.
    Deelnemer.objects.filter(sessie=sessie, user__isnull=True, antwoorden__isnull=True).exclude(
        email=""
    ).update(email="")
    return verstuurd


def _summary_prepare(
    *, sessie: Sessie, resultaten: Resultaten, url: str, deelnemer_id: int
) -> Bericht | None:
    """The participant's summary while it is due; the lock makes a second run skip them."""
    deelnemer = (
        Deelnemer.objects.select_for_update(skip_locked=True)
        .filter(pk=deelnemer_id, samenvatting_op__isnull=True)
        .exclude(email="")
        .first()
    )
    if deelnemer is None:
        return None
    context = {"sessie": sessie, "resultaten": resultaten, "deelnemer": deelnemer, "url": url}
    subject = render_to_string("condities/email/samenvatting_onderwerp.txt", context)
    message = EmailMessage(
        subject=header_line(subject),
        body=render_to_string("condities/email/samenvatting.txt", context),
        to=[deelnemer.email],
    )

    def sent() -> None:
        # The join form promises the address is for the summary alone: once it went out, a
        # guest's address and name are gone (an account's name is the account's own).
        vergeten = {"email": "", "naam": ""} if deelnemer.user_id is None else {}
        Deelnemer.objects.filter(pk=deelnemer.pk).update(samenvatting_op=timezone.now(), **vergeten)

    return Bericht(message=message, sent=sent)


# Summaries of sessions closed this long ago or less are sent by the sweep when still due.
SAMENVATTING_INHALEN_DAGEN = 7


def summaries_sweep(*, now: datetime.datetime | None = None) -> int:
    """Send the summaries a closing left unsent (the queue was away); returns how many went out.

    Only sessions closed in the last week, so an old session never mails out of the blue.
    """
    now = now or timezone.now()
    nog_te_sturen = Deelnemer.objects.filter(
        sessie=OuterRef("pk"), samenvatting_op__isnull=True, antwoorden__isnull=False
    ).exclude(email="")
    ids = Sessie.objects.filter(
        Exists(nog_te_sturen),
        status=Sessie.Status.GESLOTEN,
        gesloten_op__gte=now - datetime.timedelta(days=SAMENVATTING_INHALEN_DAGEN),
    ).values_list("pk", flat=True)
    return each_isolated(
        list(ids), lambda pk: summary_send(sessie_id=pk), what="summary of session"
    )
