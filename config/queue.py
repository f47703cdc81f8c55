"""Queueing Celery tasks from a request: after the commit, and never failing the request."""

import logging
from collections.abc import Callable, Iterable

from django.db import transaction

logger = logging.getLogger(__name__)


def queue_after_commit(task, *args) -> None:
    """Queue `task` once the transaction has committed; a broker outage is only logged.

    What was being saved is saved; a beat sweep sends what could not be queued (summaries:
    condities.tasks.summaries_sweep_task, check-in invitations:
    condities.tasks.checkin_reminders_task, carers' feedback notifications:
    mantelzorg.tasks.notifications_sweep_task, invitations: netwerk.tasks.uitnodigingen_sweep_task).
    """

    # Ids go in the log; anything else (a secret link's token) is left out.
    shown = ", ".join(str(a) if isinstance(a, int) else "…" for a in args)

    def _enqueue() -> None:
        try:
            task.delay(*args)
        except Exception:
            logger.warning(
                "could not queue %s(%s); the sweep will do it", task.name, shown, exc_info=True
            )

    transaction.on_commit(_enqueue)


# Tasks that talk to the mail server or another service retry with back-off on a network error:
# up to 8 times over about an hour (`@shared_task(**RETRY)`). Tasks must be safe to run twice.
RETRY = {
    "autoretry_for": (OSError,),
    "retry_backoff": True,
    "retry_backoff_max": 600,
    "max_retries": 8,
}


def each_isolated(ids: Iterable[int], work: Callable[[int], int], *, what: str) -> int:
    """Run `work` for every id of a sweep; one that fails is logged and skipped, so it cannot stop
    the sweep for every other practice (the next sweep tries it again). Returns the sum."""
    total = 0
    for pk in ids:
        try:
            total += work(pk)
        except Exception:
            logger.exception("%s %s failed; the sweep goes on with the next", what, pk)
    return total
