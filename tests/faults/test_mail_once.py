"""Every mail a task sends goes out once, as far as SMTP allows (config.mail.mail_once).

A worker that dies after the mail server accepted a mail, before "sent" was committed, used to
leave the mail due, and the next run mailed that person again. Now the mail is marked "being
sent" in a transaction of its own first: runs leave it alone for MAIL_BEZIG_TIMEOUT, then send it
again (at least once: it may arrive twice, never lost). An error from the mail server clears the
mark, so the next run tries again. Each kind of mail is checked: summaries, check-in invitations
and reminders, invitations, feedback notifications and the social map's check-your-entry mail.
"""

import contextlib
import datetime
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from unittest import mock

import pytest
from django.core.mail import EmailMessage
from django.core.mail.backends.locmem import EmailBackend
from django.db import connection, connections
from django.utils import timezone

from condities import services as condities_services
from condities.models import Conditie, Deelnemer, Sessie, Stelling
from condities.services import afsluiten, checkins
from config.models import Verzending
from mantelzorg import services as mantelzorg_services
from mantelzorg.models import Reactie
from netwerk.models import Organisatie, Uitnodiging
from netwerk.services import kaart, leden
from tests.factories import DeelnameFactory, OrganisatieFactory, ReactieFactory, UitnodigingFactory


class WorkerKilled(BaseException):
    """The process dying: like SIGKILL, nothing after it runs (no `except Exception` sees it)."""


@dataclass
class Soort:
    """One kind of mail with one mail due: `run` is what a task or sweep does, `to` who gets it,
    `sent` whether its object is marked sent."""

    run: Callable[[], object]
    to: str
    sent: Callable[[], bool]


def _sessie(praktijk, facilitator) -> Sessie:
    sessie = condities_services.sessie_create(
        praktijk=praktijk,
        titel="Werkvorm najaar",
        datum=datetime.date(2026, 10, 1),
        modus="live",
        condities=Conditie.values,
        by=facilitator,
    )
    return condities_services.sessie_open(sessie=sessie, by=facilitator)


def samenvatting(praktijk, facilitator, lid) -> Soort:
    sessie = _sessie(praktijk, facilitator)
    deelnemer = condities_services.deelnemer_join(
        sessie=sessie, naam="Anna", mantelzorger=True, email="anna@voorbeeld.example"
    )
    stelling = Stelling.objects.filter(set=sessie.stellingenset).order_by("pk").first()
    condities_services.antwoord_save(deelnemer=deelnemer, stelling=stelling, score=3)
    with mock.patch("condities.services.afsluiten.queue_after_commit"):
        condities_services.sessie_close(sessie=sessie, by=facilitator)
    return Soort(
        run=afsluiten.summaries_sweep,
        to="anna@voorbeeld.example",
        sent=lambda: Deelnemer.objects.get(pk=deelnemer.pk).samenvatting_op is not None,
    )


def _checkin(praktijk, facilitator, lid) -> Sessie:
    with mock.patch("condities.services.checkins.queue_after_commit"):
        return checkins.checkin_create(
            praktijk=praktijk,
            by=facilitator,
            titel="Check-in voorjaar",
            datum=datetime.date(2026, 3, 1),
            condities=Conditie.values,
            stellingen=[],
            herinnering_na_dagen=7,
            ontvangers=[lid],
        )


def checkin_uitnodiging(praktijk, facilitator, lid) -> Soort:
    sessie = _checkin(praktijk, facilitator, lid)
    return Soort(
        run=checkins.checkin_invitations_sweep,
        to=lid.email,
        sent=lambda: Deelnemer.objects.get(sessie=sessie).uitgenodigd_op is not None,
    )


def checkin_herinnering(praktijk, facilitator, lid) -> Soort:
    sessie = _checkin(praktijk, facilitator, lid)
    Deelnemer.objects.filter(sessie=sessie).update(
        uitgenodigd_op=timezone.now() - datetime.timedelta(days=8)
    )
    return Soort(
        run=checkins.checkin_reminders_send,
        to=lid.email,
        sent=lambda: Deelnemer.objects.get(sessie=sessie).herinneringen == 1,
    )


def uitnodiging(praktijk, facilitator, lid) -> Soort:
    u = UitnodigingFactory(
        praktijk=praktijk, uitgenodigd_door=facilitator, email="nieuw@zorg.example"
    )
    return Soort(
        run=lambda: leden.uitnodiging_send(uitnodiging_id=u.pk, token=u.token),
        to="nieuw@zorg.example",
        sent=lambda: Uitnodiging.objects.get(pk=u.pk).verstuurd_op is not None,
    )


def mantelzorg_melding(praktijk, facilitator, lid) -> Soort:
    reactie = ReactieFactory(praktijk=praktijk)
    return Soort(
        run=mantelzorg_services.notifications_send,
        to=facilitator.email,
        sent=lambda: (
            Reactie.objects.get(pk=reactie.pk).gemeld_aan.filter(pk=facilitator.pk).exists()
        ),
    )


def bevestiging(praktijk, facilitator, lid) -> Soort:
    organisatie = OrganisatieFactory(email="info@steunpunt.example")
    DeelnameFactory(praktijk=praktijk, organisatie=organisatie)
    return Soort(
        run=lambda: kaart.bevestiging_mail_send(organisatie_id=organisatie.pk),
        to="info@steunpunt.example",
        sent=lambda: Organisatie.objects.filter(
            pk=organisatie.pk, bevestiging_gevraagd_op__isnull=False
        ).exists(),
    )


SOORTEN = [
    samenvatting,
    checkin_uitnodiging,
    checkin_herinnering,
    uitnodiging,
    mantelzorg_melding,
    bevestiging,
]


@pytest.fixture(params=SOORTEN, ids=lambda f: f.__name__)
def soort(request, praktijk, facilitator, lid) -> Soort:
    return request.param(praktijk, facilitator, lid)


def mailed(mailoutbox, to: str) -> int:
    return sum(1 for m in mailoutbox if to in m.to)


def run_quietly(soort: Soort) -> None:
    """Run the task's work; a sweep logs a failure and goes on, a single task raises it."""
    with contextlib.suppress(OSError):
        soort.run()


def timeout_passes() -> None:
    Verzending.objects.update(
        bezig_sinds=timezone.now() - datetime.timedelta(minutes=30, seconds=1)
    )


def killed_after_the_server_accepted(monkeypatch) -> None:
    """The mail server takes the mail; then the worker dies before "sent" is committed."""
    deliver = EmailBackend.send_messages

    def accept_then_die(self, messages):
        deliver(self, messages)
        raise WorkerKilled

    monkeypatch.setattr(EmailBackend, "send_messages", accept_then_die)


@pytest.mark.django_db
def test_a_worker_killed_after_the_server_accepted_does_not_mail_again_within_the_timeout(
    soort, mailoutbox, monkeypatch, settings
):
    # The default: half an hour.
    assert datetime.timedelta(minutes=30) == settings.MAIL_BEZIG_TIMEOUT
    with monkeypatch.context() as m:
        killed_after_the_server_accepted(m)
        with pytest.raises(WorkerKilled):
            soort.run()
    assert mailed(mailoutbox, soort.to) == 1
    assert not soort.sent()

    # The next sweep, and the one after: the mail is being sent, so it is left alone.
    run_quietly(soort)
    run_quietly(soort)
    assert mailed(mailoutbox, soort.to) == 1


@pytest.mark.django_db
def test_after_the_timeout_the_mail_is_sent_again_at_least_once(soort, mailoutbox, monkeypatch):
    with monkeypatch.context() as m:
        killed_after_the_server_accepted(m)
        with pytest.raises(WorkerKilled):
            soort.run()

    timeout_passes()
    run_quietly(soort)
    # The documented window: whether the dead worker's mail went out is unknown, so it is sent
    # again; the person may get it twice, but never not at all.
    assert mailed(mailoutbox, soort.to) == 2
    assert soort.sent()
    assert not Verzending.objects.exists()
    run_quietly(soort)
    assert mailed(mailoutbox, soort.to) == 2


@pytest.mark.django_db
def test_a_mail_server_error_clears_the_mark_and_the_next_run_sends_it(soort, mailoutbox):
    with mock.patch.object(EmailMessage, "send", side_effect=ConnectionRefusedError):
        run_quietly(soort)
    assert mailoutbox == []
    assert not soort.sent()
    assert not Verzending.objects.exists()

    run_quietly(soort)
    assert mailed(mailoutbox, soort.to) == 1
    assert soort.sent()
    run_quietly(soort)
    assert mailed(mailoutbox, soort.to) == 1


@pytest.mark.django_db
def test_a_worker_killed_before_the_server_answered_is_retried_after_the_timeout(
    soort, mailoutbox, monkeypatch
):
    """Killed while talking to the server: the mail may not have gone out; after the timeout it
    does."""

    def die(self, messages):
        raise WorkerKilled

    with monkeypatch.context() as m:
        m.setattr(EmailBackend, "send_messages", die)
        with pytest.raises(WorkerKilled):
            soort.run()
    run_quietly(soort)
    assert mailoutbox == []
    timeout_passes()
    run_quietly(soort)
    assert mailed(mailoutbox, soort.to) == 1


@pytest.mark.django_db
def test_a_guest_s_address_is_kept_until_the_summary_is_marked_sent(
    praktijk, facilitator, lid, mailoutbox, monkeypatch
):
    soort = samenvatting(praktijk, facilitator, lid)
    with monkeypatch.context() as m:
        killed_after_the_server_accepted(m)
        with pytest.raises(WorkerKilled):
            soort.run()
    assert Deelnemer.objects.filter(email="anna@voorbeeld.example").exists()
    timeout_passes()
    soort.run()
    guest = Deelnemer.objects.get(naam="", samenvatting_op__isnull=False)
    assert guest.email == "" and guest.user_id is None


@pytest.mark.django_db
def test_the_log_names_the_retried_mail_by_id_only(soort, mailoutbox, monkeypatch, caplog):
    with monkeypatch.context() as m:
        killed_after_the_server_accepted(m)
        with pytest.raises(WorkerKilled):
            soort.run()
    timeout_passes()
    verzending = Verzending.objects.get()
    with caplog.at_level("WARNING", logger="config.mail"):
        run_quietly(soort)
    (record,) = [r for r in caplog.records if r.name == "config.mail"]
    message = record.getMessage()
    assert f"{verzending.soort} {verzending.sleutel}" in message
    assert "@" not in message
    for token in Deelnemer.objects.values_list("token", flat=True):
        assert not token or token not in message
    for token in Uitnodiging.objects.values_list("token", flat=True):
        assert token not in message


@pytest.mark.django_db
def test_a_new_invitation_link_is_not_held_up_by_a_dead_worker_s_mark(
    praktijk, facilitator, lid, mailoutbox, monkeypatch
):
    soort = uitnodiging(praktijk, facilitator, lid)
    with monkeypatch.context() as m:
        killed_after_the_server_accepted(m)
        with pytest.raises(WorkerKilled):
            soort.run()
    u = Uitnodiging.objects.get(email="nieuw@zorg.example")
    oud = u.token
    with mock.patch("netwerk.tasks.uitnodiging_send_after_commit"):
        u = leden.uitnodiging_resend(uitnodiging=u, by=facilitator)
    assert leden.uitnodiging_send(uitnodiging_id=u.pk, token=u.token)
    assert [m.to for m in mailoutbox] == [["nieuw@zorg.example"]] * 2
    assert oud in mailoutbox[0].body and u.token in mailoutbox[1].body


# Two workers at the same moment (a redelivered task and the sweep): one mail.


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL for real concurrent writers"
)
def test_two_runs_at_the_same_moment_send_once(soort, mailoutbox, monkeypatch):
    deliver = EmailBackend.send_messages

    def slow(self, messages):
        # The other run comes by while this one talks to the mail server, outside any lock.
        time.sleep(0.5)
        return deliver(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", slow)
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def target() -> None:
        try:
            barrier.wait()
            soort.run()
        except Exception as error:  # collected and asserted on below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=target) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert mailed(mailoutbox, soort.to) == 1
    assert soort.sent()
    soort.run()
    assert mailed(mailoutbox, soort.to) == 1
