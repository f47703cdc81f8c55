"""The Celery app: `celery -A config worker` and `celery -A config beat`."""

import os

from celery import Celery
from celery.signals import beat_init, worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("lerende_praktijk")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
@beat_init.connect
def _refuse_without_secret_key(**_kwargs) -> None:
    from django.core.exceptions import ImproperlyConfigured

    from config.env import require_secret_key

    try:
        require_secret_key()
    except ImproperlyConfigured as error:  # Celery logs and ignores a receiver's Exception
        raise SystemExit(str(error)) from error


@worker_init.connect
@beat_init.connect
def _quickstart_sends_to_the_worker(**_kwargs) -> None:
    """In the quick start (LP_QUICKSTART, no Redis) the web process runs tasks inline, but the
    worker and its embedded beat send theirs through the folder broker, so that beat's periodic
    tasks run in the worker as they do in production."""
    from django.conf import settings

    if settings.QUICKSTART:
        app.conf.task_always_eager = False
