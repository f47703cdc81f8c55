"""Tasks run eagerly without Redis, and through a real worker when REDIS_URL is set."""

import os
import time

import pytest
from celery.contrib.testing.worker import start_worker

from config.celery import app
from netwerk.tasks import user_mail_task
from tests.factories import UserFactory


@pytest.mark.django_db
def test_without_a_broker_the_task_runs_eagerly_in_process(mailoutbox):
    person = UserFactory()
    user_mail_task.delay(person.pk, "Welkom", "Fijn dat je meedoet.")
    assert [mail.to for mail in mailoutbox] == [[person.email]]


@pytest.mark.redis
@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL (a real Redis)")
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_runs_the_task_through_redis(mailoutbox, settings):
    person = UserFactory()
    app.conf.task_always_eager = False
    try:
        with start_worker(app, perform_ping_check=False, pool="solo", loglevel="WARNING"):
            result = user_mail_task.delay(person.pk, "Welkom", "Fijn dat je meedoet.")
            deadline = time.monotonic() + 20
            while not mailoutbox and time.monotonic() < deadline:
                time.sleep(0.1)
    finally:
        app.conf.task_always_eager = True
    assert result.id
    assert app.conf.broker_url.startswith("redis://")
    assert [mail.subject for mail in mailoutbox] == ["Welkom"]
