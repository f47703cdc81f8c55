"""A Celery worker killed in the middle of a task: the task runs again and mails each person once.

A real worker (its own process, on Redis and the test database) mails the summary of a closed
session to three participants. Once the first has had theirs, the worker is killed (SIGKILL, so
it cannot say goodbye) while the second's mail is marked "being sent" but not yet handed over.
Because tasks are acknowledged late, the message is still Redis's: the next worker gets it again,
and because the task marks each participant who got their mail, the rerun mails only the two who
had not; the second once its "being sent" mark is older than MAIL_BEZIG_TIMEOUT (a second here).
Everyone gets the summary exactly once.
"""

import collections
import os
import re
import signal
import subprocess
import time
import uuid
from pathlib import Path
from unittest import mock
from urllib.parse import quote

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import send_mail
from django.db import connection

from condities import services as condities_services
from condities.models import Deelnemer
from condities.tasks import summary_send_task
from config.env import mailer_from_url
from tests.faults.conftest import ROOT, celery_broker, needs_postgres, needs_redis, python

TIMEOUT = 30


def database_url() -> str:
    """The test database as a URL, for the worker process."""
    db = connection.settings_dict
    auth = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        auth += ":" + quote(db["PASSWORD"], safe="")
    host = db["HOST"] or "127.0.0.1"
    port = db["PORT"] or "5432"
    return f"postgres://{auth}@{host}:{port}/{db['NAME']}"


class Worker:
    """`celery -A config worker --pool=solo` in its own process, on one queue of its own."""

    def __init__(self, *, queue: str, env: dict, log: Path) -> None:
        self.log = log
        self._fh = log.open("a")
        self.process = subprocess.Popen(
            [
                python(), "-m", "celery", "-A", "config", "worker",
                "--pool=solo", "--concurrency=1", "-Q", queue,
                "-n", f"{queue}-{uuid.uuid4().hex[:6]}@%h",
                "--without-mingle", "--without-gossip", "--without-heartbeat",
                "--loglevel=INFO",
            ],
            cwd=ROOT, env=env, stdout=self._fh, stderr=subprocess.STDOUT,
        )  # fmt: skip

    def kill(self) -> None:
        """SIGKILL: the worker dies on the spot, in the middle of its task."""
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        self._fh.close()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()
                return
        self._fh.close()

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:]


def wait_until(condition, what: str, worker: Worker | None = None) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        if time.monotonic() > deadline:
            log = f"\nworker log:\n{worker.tail()}" if worker else ""
            raise AssertionError(f"timed out waiting for {what}{log}")
        time.sleep(0.1)


def recipients(mail_dir: Path) -> collections.Counter:
    """Who got a mail, counted, from the files the file backend wrote."""
    found: collections.Counter = collections.Counter()
    for path in mail_dir.glob("*.log"):
        found.update(re.findall(r"^To: (.+)$", path.read_text(), flags=re.MULTILINE))
    return found


def marked() -> int:
    return Deelnemer.objects.filter(samenvatting_op__isnull=False).count()


@pytest.fixture
def closed_session_with_three_addresses(open_sessie, sessie_stellingen):
    for naam in ("Anna", "Bram", "Cor"):
        deelnemer = condities_services.deelnemer_join(
            sessie=open_sessie,
            naam=naam,
            mantelzorger=True,
            email=f"{naam.lower()}@voorbeeld.example",
        )
        condities_services.antwoord_save(
            deelnemer=deelnemer, stelling=sessie_stellingen[0], score=3
        )
    # The closing queues the summaries itself; here the test's worker is to send them.
    with mock.patch("condities.services.afsluiten.queue_after_commit"):
        return condities_services.sessie_close(sessie=open_sessie, by=open_sessie.created_by)


@needs_redis
@needs_postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_a_killed_worker_s_task_runs_again_and_mails_everyone_once(
    closed_session_with_three_addresses, tmp_path
):
    sessie = closed_session_with_three_addresses
    mail_dir, gate = tmp_path / "mail", tmp_path / "gate"
    mail_dir.mkdir()
    queue = f"lp-faults-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.faults.worker_settings",
        "DATABASE_URL": database_url(),
        "EMAIL_URL": f"file://{mail_dir}",
        "LP_FAULTS_MAIL_GATE": str(gate),
        "DJANGO_LOG_FORMAT": "plain",
    }

    first = Worker(queue=queue, env=env, log=tmp_path / "worker-1.log")
    try:
        with celery_broker(os.environ["REDIS_URL"], eager=False):
            summary_send_task.apply_async(args=[sessie.pk], queue=queue)
        # The first participant has their mail and is marked; the worker waits at the gate
        # before the second mail. Kill it there.
        wait_until(lambda: marked() == 1, "the first summary", first)
        wait_until(lambda: sum(recipients(mail_dir).values()) == 1, "the first mail file", first)
    finally:
        first.kill()
    assert first.process.returncode == -signal.SIGKILL
    assert marked() == 1

    gate.touch()
    second = Worker(queue=queue, env=env, log=tmp_path / "worker-2.log")
    try:
        # Late acknowledgement: Redis gives the unfinished task to the new worker.
        wait_until(lambda: marked() == 3, "the task to run again", second)
        # Some time for a (wrong) further redelivery to show itself.
        time.sleep(3)
    finally:
        second.stop()

    assert recipients(mail_dir) == {
        "anna@voorbeeld.example": 1,
        "bram@voorbeeld.example": 1,
        "cor@voorbeeld.example": 1,
    }
    assert "summary_send_task" in second.tail()


@pytest.mark.django_db
def test_running_the_summary_task_twice_mails_each_participant_once(
    closed_session_with_three_addresses, mailoutbox
):
    sessie = closed_session_with_three_addresses
    summary_send_task.delay(sessie.pk)
    summary_send_task.delay(sessie.pk)
    assert sorted(m.to[0] for m in mailoutbox) == [
        "anna@voorbeeld.example",
        "bram@voorbeeld.example",
        "cor@voorbeeld.example",
    ]


def test_the_tasks_are_acknowledged_late_and_rejected_when_the_worker_is_lost(settings):
    assert settings.CELERY_TASK_ACKS_LATE is True
    assert settings.CELERY_TASK_REJECT_ON_WORKER_LOST is True
    assert settings.CELERY_WORKER_PREFETCH_MULTIPLIER == 1


# EMAIL_URL=file://…: the mail backend the worker above writes with.


def test_a_file_email_url_writes_each_message_into_the_folder(settings, tmp_path):
    settings.MAILERS = {"default": mailer_from_url(f"file://{tmp_path}/post")}
    send_mail("Onderwerp", "Tekst", None, ["ontvanger@voorbeeld.example"])
    files = list((tmp_path / "post").glob("*.log"))
    assert len(files) == 1
    assert "To: ontvanger@voorbeeld.example" in files[0].read_text()


def test_a_file_email_url_needs_an_absolute_folder():
    assert mailer_from_url("file:///var/mail/lp") == {
        "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "OPTIONS": {"file_path": "/var/mail/lp"},
    }
    for url in ("file://", "file://post", "file://host/var/mail"):
        with pytest.raises(ImproperlyConfigured, match="absolute folder"):
            mailer_from_url(url)
