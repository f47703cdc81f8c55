"""Carers' feedback in the background: notify the facilitators, remove expired contacts."""

from celery import shared_task

from config.queue import RETRY, queue_after_commit
from mantelzorg import services


@shared_task(**RETRY)
def notifications_send_task(praktijk_id: int) -> int:
    """Mail the facilitators of a practice about new feedback (at most one mail an hour each)."""
    return services.notifications_send(praktijk_id=praktijk_id)


@shared_task
def notifications_sweep_task() -> int:
    """Every ten minutes (beat): notify about feedback a failed or throttled run left behind."""
    return services.notifications_send()


@shared_task
def contact_expired_delete_task() -> int:
    """Daily (beat): remove contact details whose retention period has ended."""
    return services.contact_expired_delete()


@shared_task(**RETRY)
def doorgeven_send_task(reactie_id: int) -> bool:
    """Mail passed-on feedback to the organisation's contact person (once per organisation)."""
    return services.doorgeven_send(reactie_id=reactie_id)


@shared_task
def doorgeven_sweep_task() -> int:
    """Every ten minutes (beat): pass on what a failed run left unsent."""
    return services.doorgeven_sweep()


def doorgeven_send_after_commit(*, reactie_id: int) -> None:
    """Queue passing on once the facilitator's change is committed; doorgeven_sweep_task
    catches up after a broker outage."""
    queue_after_commit(doorgeven_send_task, reactie_id)


def notifications_send_after_commit(*, praktijk_id: int) -> None:
    """Queue the notification once the feedback is committed; a broker outage is only logged.

    The feedback is stored already; notifications_sweep_task notifies later.
    """
    queue_after_commit(notifications_send_task, praktijk_id)
