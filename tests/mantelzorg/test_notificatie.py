"""Nothing lost: feedback is stored first; facilitators are mailed after, batched per hour."""

import contextlib
import datetime
import os
import threading
import time

import pytest
from celery.contrib.testing.worker import start_worker
from celery.signals import task_postrun
from django.core.mail import EmailMessage
from django.utils import timezone

from config.celery import app
from mantelzorg import services, tasks
from mantelzorg.models import MantelzorgMelding, Reactie
from praktijken.models import Rol
from tests.factories import (
    LidmaatschapFactory,
    MantelzorgMeldingFactory,
    ReactieFactory,
    UserFactory,
)
from tests.mantelzorg.helpers import formulier_data, url


@pytest.fixture
def tweede_facilitator(praktijk):
    user = UserFactory(email="tweede.facilitator@stein.example", name="Tineke Twee")
    LidmaatschapFactory(praktijk=praktijk, user=user, rol=Rol.FACILITATOR)
    return user


def _stuur(client, praktijk, capture, **velden):
    with capture(execute=True):
        response = client.post(url("formulier"), formulier_data(praktijk, **velden))
    assert response.status_code == 302
    return response


def _ontvangers(mailoutbox) -> list[str]:
    return sorted(address for mail in mailoutbox for address in mail.to)


def _uur_verder() -> None:
    MantelzorgMelding.objects.update(gemaild_op=timezone.now() - datetime.timedelta(minutes=61))


@contextlib.contextmanager
def broker_onbereikbaar():
    """Point the Celery app at a port where nothing listens, with quick give-ups; restore after."""
    conf = app.conf
    keys = [
        "broker_url",
        "task_always_eager",
        "broker_connection_timeout",
        "broker_connection_retry",
        "broker_connection_max_retries",
        "task_publish_retry",
    ]
    oud = {key: conf[key] for key in keys}

    def _reset_pools():
        app._pool = None
        with contextlib.suppress(AttributeError, KeyError):
            app.__dict__["amqp"]._producer_pool = None

    conf.update(
        broker_url="redis://127.0.0.1:1/0",
        task_always_eager=False,
        broker_connection_timeout=0.5,
        broker_connection_retry=False,
        broker_connection_max_retries=0,
        task_publish_retry=False,
    )
    _reset_pools()
    try:
        yield
    finally:
        conf.update(oud)
        _reset_pools()


@pytest.mark.django_db
def test_with_the_broker_down_the_feedback_is_stored_and_the_carer_is_thanked(
    client, praktijk, facilitator, mailoutbox, django_capture_on_commit_callbacks, caplog
):
    with broker_onbereikbaar():
        started = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            response = client.post(url("formulier"), formulier_data(praktijk))
        took = time.monotonic() - started
    assert response.status_code == 302
    assert response["Location"] == url("bedankt")
    # The notification was really attempted, after the commit (another callback gives the
    # practice's dashboard a new version: praktijken.versie).
    enqueued = [c for c in callbacks if getattr(c, "__name__", "") == "_enqueue"]
    assert len(enqueued) == 1
    assert "could not queue mantelzorg.tasks.notifications_send_task" in caplog.text
    assert took < 10
    reactie = Reactie.objects.get()
    assert reactie.genotificeerd_op is None
    assert mailoutbox == []

    # The broker is back: the beat sweep catches up.
    assert tasks.notifications_sweep_task.delay().get() == 1
    assert _ontvangers(mailoutbox) == ["facilitator@stein.example"]
    reactie.refresh_from_db()
    assert reactie.genotificeerd_op is not None


@pytest.mark.django_db
def test_a_mail_server_outage_loses_nothing(
    client, praktijk, facilitator, mailoutbox, django_capture_on_commit_callbacks, monkeypatch
):
    def kapot(self, *args, **kwargs):
        raise ConnectionRefusedError("no mail server")

    monkeypatch.setattr(EmailMessage, "send", kapot)
    _stuur(client, praktijk, django_capture_on_commit_callbacks)
    reactie = Reactie.objects.get()
    assert reactie.genotificeerd_op is None
    assert not MantelzorgMelding.objects.filter(gemaild_op__isnull=False).exists()

    monkeypatch.undo()
    assert services.notifications_send() == 1
    reactie.refresh_from_db()
    assert reactie.genotificeerd_op is not None


@pytest.mark.django_db
def test_two_reactions_in_a_row_give_one_mail_per_facilitator(
    client,
    praktijk,
    facilitator,
    tweede_facilitator,
    kerngroeplid,
    lid,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    _stuur(client, praktijk, django_capture_on_commit_callbacks)
    _stuur(client, praktijk, django_capture_on_commit_callbacks, kan_beter="Tweede reactie")
    # Only facilitators, one mail each; members and the core group get none.
    assert _ontvangers(mailoutbox) == [
        "facilitator@stein.example",
        "tweede.facilitator@stein.example",
    ]
    eerste, tweede = Reactie.objects.order_by("pk")
    assert eerste.genotificeerd_op is not None
    assert tweede.genotificeerd_op is None  # waits for the next mail, within the hour

    # Within the hour the sweep sends nothing more.
    assert tasks.notifications_sweep_task.delay().get() == 0
    assert len(mailoutbox) == 2

    # After the hour the next sweep mails what is left, again once per facilitator.
    _uur_verder()
    assert tasks.notifications_sweep_task.delay().get() == 2
    assert len(mailoutbox) == 4
    assert "Lerende praktijk Stein: 1 nieuwe reactie" in mailoutbox[-1].body
    tweede.refresh_from_db()
    assert tweede.genotificeerd_op is not None

    # Nothing new: a later sweep, or the same task delivered twice, sends nothing.
    _uur_verder()
    assert services.notifications_send() == 0
    assert len(mailoutbox) == 4


@pytest.mark.django_db
def test_the_mail_links_to_the_inbox_and_holds_no_feedback_or_contact_details(
    client, praktijk, facilitator, mailoutbox, django_capture_on_commit_callbacks
):
    _stuur(
        client,
        praktijk,
        django_capture_on_commit_callbacks,
        wat_gaat_goed="Geheim verhaal over mijn moeder",
        contact_toestemming="on",
        naam="Anna de Vries",
        email="anna@voorbeeld.example",
    )
    mail = mailoutbox[0]
    assert mail.subject == "Nieuwe reactie van een mantelzorger"
    assert "http://testserver" not in mail.body
    assert url("inbox") in mail.body
    assert "Lerende praktijk Stein: 1 nieuwe reactie" in mail.body
    for geheim in ["Geheim verhaal", "Anna", "anna@voorbeeld.example"]:
        assert geheim not in mail.body


@pytest.mark.django_db
def test_a_facilitator_of_two_practices_gets_one_mail_for_both(
    praktijk, andere_praktijk, facilitator, mailoutbox
):
    LidmaatschapFactory(praktijk=andere_praktijk, user=facilitator, rol=Rol.FACILITATOR)
    ReactieFactory(praktijk=praktijk)
    ReactieFactory.create_batch(2, praktijk=andere_praktijk)
    assert services.notifications_send() == 1
    body = mailoutbox[0].body
    assert "Lerende praktijk Stein: 1 nieuwe reactie" in body
    assert "Lerende praktijk Ede: 2 nieuwe reacties" in body
    assert mailoutbox[0].subject == "3 nieuwe reacties van mantelzorgers"
    assert not Reactie.objects.filter(genotificeerd_op__isnull=True).exists()


@pytest.mark.django_db
def test_a_throttled_facilitator_keeps_feedback_unnotified_for_everyone_until_mailed(
    praktijk, andere_praktijk, facilitator, mailoutbox
):
    # The facilitator was mailed about Ede ten minutes ago; Stein's new feedback waits.
    LidmaatschapFactory(praktijk=andere_praktijk, user=facilitator, rol=Rol.FACILITATOR)
    MantelzorgMeldingFactory(
        user=facilitator, gemaild_op=timezone.now() - datetime.timedelta(minutes=10)
    )
    reactie = ReactieFactory(praktijk=praktijk)
    assert services.notifications_send(praktijk_id=praktijk.pk) == 0
    reactie.refresh_from_db()
    assert reactie.genotificeerd_op is None
    _uur_verder()
    assert services.notifications_send() == 1
    reactie.refresh_from_db()
    assert reactie.genotificeerd_op is not None


@pytest.mark.django_db
def test_a_new_facilitator_hears_only_of_feedback_not_yet_announced(
    praktijk, facilitator, mailoutbox
):
    oud = ReactieFactory(praktijk=praktijk)
    assert services.notifications_send() == 1
    nieuwe = UserFactory(email="nieuw@stein.example")
    LidmaatschapFactory(praktijk=praktijk, user=nieuwe, rol=Rol.FACILITATOR)
    ReactieFactory(praktijk=praktijk)
    _uur_verder()
    assert services.notifications_send() == 2
    mail_nieuwe = next(m for m in mailoutbox if m.to == ["nieuw@stein.example"])
    assert "1 nieuwe reactie" in mail_nieuwe.body
    oud.refresh_from_db()
    assert oud.genotificeerd_op is not None


@pytest.mark.django_db
def test_without_facilitators_feedback_waits_until_there_is_one(praktijk, mailoutbox):
    reactie = ReactieFactory(praktijk=praktijk)
    assert services.notifications_send() == 0
    reactie.refresh_from_db()
    assert reactie.genotificeerd_op is None
    user = UserFactory(email="eindelijk@stein.example")
    LidmaatschapFactory(praktijk=praktijk, user=user, rol=Rol.FACILITATOR)
    assert services.notifications_send() == 1


def test_the_sweep_and_the_cleanup_are_scheduled(settings):
    schema = {entry["task"]: entry for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "mantelzorg.tasks.notifications_sweep_task" in schema
    assert "mantelzorg.tasks.contact_expired_delete_task" in schema
    # The older schedules are still there.
    assert "condities.tasks.checkin_reminders_task" in schema
    assert "netwerk.tasks.bevestigingen_sweep_task" in schema


@pytest.mark.redis
@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL (a real Redis)")
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_on_redis_batches_the_notifications(
    client, praktijk, facilitator, tweede_facilitator, mailoutbox
):
    klaar = threading.Semaphore(0)

    def _na_taak(sender=None, **kwargs):
        if sender is not None and sender.name == tasks.notifications_send_task.name:
            klaar.release()

    task_postrun.connect(_na_taak, weak=False)
    app.conf.task_always_eager = False
    try:
        with start_worker(app, perform_ping_check=False, pool="solo", loglevel="WARNING"):
            for tekst in ["Eerste", "Tweede"]:
                response = client.post(
                    url("formulier"), formulier_data(praktijk, wat_gaat_goed=tekst)
                )
                assert response.status_code == 302
                # Its notification task ran in the worker (one at a time: SQLite in CI too).
                assert klaar.acquire(timeout=20)
    finally:
        app.conf.task_always_eager = True
        task_postrun.disconnect(_na_taak)
    assert app.conf.broker_url.startswith("redis://")
    assert Reactie.objects.count() == 2
    # One mail per facilitator for the two reactions in a row; the second waits for the sweep.
    assert _ontvangers(mailoutbox) == [
        "facilitator@stein.example",
        "tweede.facilitator@stein.example",
    ]
    assert Reactie.objects.filter(genotificeerd_op__isnull=True).count() == 1
