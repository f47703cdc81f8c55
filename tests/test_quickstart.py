"""`make run` (the quick start, no Redis) runs the scheduled work as production does (issue #14).

config/quickstart.py starts runserver and `celery -A config worker -B` on a broker in a folder;
beat sends each periodic task through that folder to the worker. The test starts the launcher for
real on a copy of the test database, with the retention removal due every second
(tests/quickstart_settings.py), waits until the worker removed an expired contact, and stops it as
Ctrl+C does.
"""

import contextlib
import datetime
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from config import quickstart
from mantelzorg.models import Reactie
from tests.factories import ReactieFactory

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 90  # generous: the worker and runserver start slowly on a busy 2-core machine


def _settings_seen_with(env: dict) -> str:
    """The broker, eager flag and SQLite options as a fresh process with `env` sees them."""
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.CELERY_BROKER_URL, s.CELERY_TASK_ALWAYS_EAGER, "
        "s.DATABASES['default'].get('OPTIONS', {}))"
    )
    clean = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DATABASE_URL"}}
    clean |= {"DJANGO_SETTINGS_MODULE": "config.settings", "DJANGO_DEBUG": "true"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=clean | env, cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT, check=True,
    )  # fmt: skip
    return result.stdout.strip().splitlines()[-1]


def test_make_run_starts_the_worker_with_beat_next_to_the_web_server():
    recipe = subprocess.run(
        ["make", "-n", "-o", ".venv/.installed", "run"],
        cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT, check=True,
    ).stdout  # fmt: skip
    assert "manage.py migrate" in recipe
    assert "-m config.quickstart 127.0.0.1:8000" in recipe

    worker, web = quickstart.commands("127.0.0.1:8000")
    assert worker[1:6] == ["-m", "celery", "-A", "config", "worker"]
    assert "-B" in worker  # beat, embedded in the worker
    assert web[1:] == [str(ROOT / "manage.py"), "runserver", "127.0.0.1:8000"]


def test_only_the_quick_start_switches_to_the_folder_broker(tmp_path):
    # Tests and anything else without LP_QUICKSTART: as before, an in-memory broker, eager tasks.
    assert _settings_seen_with({}) == "memory:// True {}"
    seen = _settings_seen_with({"LP_QUICKSTART": "1", "LP_QUICKSTART_DIR": str(tmp_path)})
    # The web process still runs its own tasks inline; SQLite in WAL mode for two processes.
    assert seen.startswith("filesystem://localhost/ True ")
    assert "journal_mode=WAL" in seen and "'timeout': 20" in seen
    # With Redis, production's broker whatever LP_QUICKSTART says.
    with_redis = {"LP_QUICKSTART": "1", "REDIS_URL": "redis://127.0.0.1:6379/13"}
    assert _settings_seen_with(with_redis).startswith("redis://127.0.0.1:6379/13 False {}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _contact(path: Path, pk: int) -> tuple:
    """A carer's email and whether the contact was removed, read from the worker's database."""
    db = sqlite3.connect(path, timeout=5)
    try:
        return db.execute(
            f"SELECT email, contact_verwijderd_op IS NOT NULL FROM {Reactie._meta.db_table} "  # noqa: S608
            "WHERE id = ?",
            (pk,),
        ).fetchone()
    finally:
        db.close()


@pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="the quick start runs on SQLite; the PostgreSQL run has beat in production's shape",
)
@pytest.mark.django_db(transaction=True)
def test_make_run_runs_the_periodic_retention_removal_in_its_worker(praktijk, tmp_path):
    vandaag = timezone.localdate()
    verlopen, blijft = (
        ReactieFactory(
            praktijk=praktijk,
            contact_toestemming=True,
            naam="Anna de Vries",
            email=f"anna{n}@voorbeeld.example",
            contact_bewaren_tot=vandaag + datetime.timedelta(days=days),
        )
        for n, days in ((1, -1), (2, 30))
    )
    # The worker gets a database file of its own: a copy of the (in-memory) test database.
    database = tmp_path / "db.sqlite3"
    connection.ensure_connection()
    copy = sqlite3.connect(database)
    try:
        connection.connection.backup(copy)
    finally:
        copy.close()
    assert _contact(database, verlopen.pk) == ("anna1@voorbeeld.example", 0)

    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DATABASE_URL"}}
    env |= {
        "DJANGO_SETTINGS_MODULE": "tests.quickstart_settings",
        "DJANGO_DEBUG": "true",
        "DATABASE_URL": f"sqlite:///{database}",
        "LP_QUICKSTART_DIR": str(tmp_path / "run"),
        "EMAIL_URL": "memory://",
    }
    log = tmp_path / "quickstart.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "config.quickstart", f"127.0.0.1:{_free_port()}"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + TIMEOUT
        while _contact(database, verlopen.pk)[1] == 0 and time.monotonic() < deadline:
            assert process.poll() is None, log.read_text()[-3000:]
            time.sleep(0.3)
        assert _contact(database, verlopen.pk) == ("", 1), log.read_text()[-3000:]
        assert _contact(database, blijft.pk) == ("anna2@voorbeeld.example", 0)

        # Ctrl+C in the terminal: every process of the group gets SIGINT and all of them stop.
        os.killpg(process.pid, signal.SIGINT)
        assert process.wait(timeout=TIMEOUT) == 0
    finally:
        with contextlib.suppress(ProcessLookupError):  # whatever is left of the group
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=TIMEOUT)
    output = log.read_text()
    assert "Sending due task mantelzorg-contact-opruimen" in output
    assert "mantelzorg.tasks.contact_expired_delete_task" in output and "succeeded" in output
    assert "Starting development server" in output or "development server at" in output
    assert (tmp_path / "run" / "celery" / "beat-schedule").exists()
