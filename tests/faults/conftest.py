"""Fault tests: what the app does when Redis, PostgreSQL or a Celery worker goes away.

They run against the real services in CI's second run (DATABASE_URL=postgres://…,
REDIS_URL=redis://…) and are skipped, with the reason, in the SQLite run.
"""

import contextlib
import datetime
import os
import shutil
import socket
from pathlib import Path

import pytest
from django.db import connection

from condities import services as condities_services
from condities.models import Conditie, Stelling
from config.celery import app

ROOT = Path(__file__).resolve().parent.parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
# Nothing listens on port 1: connecting is refused at once.
UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"

needs_redis = pytest.mark.skipif(
    not os.environ.get("REDIS_URL"),
    reason="needs REDIS_URL: the app must run with a Redis cache and broker (CI's second run)",
)
needs_postgres = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
    reason="needs DATABASE_URL=postgres://… (CI's second run)",
)


def using_postgres() -> bool:
    return connection.vendor == "postgresql"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def python() -> str:
    """The project's interpreter (the one running the tests when there is no .venv)."""
    import sys

    return str(PYTHON) if PYTHON.exists() else sys.executable


def celery_bin() -> str:
    candidate = Path(python()).parent / "celery"
    return str(candidate) if candidate.exists() else (shutil.which("celery") or "celery")


def _reset_celery_pools() -> None:
    # The app remembers its connection pools; forget them so the next publish uses the new URL.
    # (kombu keeps one pool per URL for the whole process: they are not closed, only let go.)
    app._pool = None
    with contextlib.suppress(AttributeError, KeyError):
        app.__dict__["amqp"]._producer_pool = None


@contextlib.contextmanager
def celery_broker(url: str, *, eager: bool):
    """Publish Celery tasks to `url` (or run them in-process when `eager`) inside the block."""
    old_url, old_eager = app.conf.broker_url, app.conf.task_always_eager
    app.conf.broker_url, app.conf.task_always_eager = url, eager
    _reset_celery_pools()
    try:
        yield
    finally:
        app.conf.broker_url, app.conf.task_always_eager = old_url, old_eager
        _reset_celery_pools()


@pytest.fixture
def redis_down(settings):
    """Cache and broker pointed at a Redis that does not answer; everything restored after."""
    # The Celery app reads its settings once, on first use: before they are overridden here.
    with celery_broker(UNREACHABLE_REDIS, eager=False):
        cache = dict(settings.CACHES["default"])
        cache["LOCATION"] = UNREACHABLE_REDIS
        settings.CACHES = {**settings.CACHES, "default": cache}
        settings.REDIS_URL = UNREACHABLE_REDIS
        settings.CELERY_BROKER_URL = UNREACHABLE_REDIS
        yield


@pytest.fixture
def open_sessie(praktijk, facilitator):
    """A live session of the practice over all five conditions, open for answers."""
    sessie = condities_services.sessie_create(
        praktijk=praktijk,
        titel="Werkvorm najaar",
        datum=datetime.date(2026, 10, 1),
        modus="live",
        condities=Conditie.values,
        by=facilitator,
    )
    return condities_services.sessie_open(sessie=sessie, by=facilitator)


@pytest.fixture
def sessie_stellingen(open_sessie):
    return list(Stelling.objects.filter(set=open_sessie.stellingenset).order_by("pk"))
