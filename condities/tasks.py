import logging

from celery import shared_task
from django.db import transaction

from condities import mantelzorg, services

logger = logging.getLogger(__name__)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, retry_backoff_max=600, max_retries=8)
def samenvatting_versturen_task(sessie_id: int) -> None:
    """Email the summary of a closed session to the participants who left an address."""
    services.samenvatting_versturen(sessie_id=sessie_id)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, retry_backoff_max=600, max_retries=8)
def samenvattingen_inhalen_task() -> int:
    """Every ten minutes (beat): summaries a closing could not queue (the queue was away)."""
    return services.samenvattingen_inhalen()


def queue_after_commit(task, *args) -> None:
    """Queue `task` once the transaction has committed; a broker outage is only logged.

    What was being saved is saved; a beat sweep sends what could not be queued (summaries:
    samenvattingen_inhalen_task, check-in invitations: checkin_herinneren_task).
    """

    def _enqueue() -> None:
        try:
            task.delay(*args)
        except Exception:
            logger.warning(
                "could not queue %s%r; the sweep will do it", task.name, args, exc_info=True
            )

    transaction.on_commit(_enqueue)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, retry_backoff_max=600, max_retries=8)
def checkin_uitnodigen_task(sessie_id: int) -> int:
    """Email each participant of a check-in their personal link; a second run sends nothing."""
    return services.checkin_uitnodigingen_versturen(sessie_id=sessie_id)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, retry_backoff_max=600, max_retries=8)
def checkin_herinneren_task() -> int:
    """Daily (beat): send invitations a failed run left behind, then the one reminder that is due.

    Safe to retry: whoever got their mail is marked and skipped.
    """
    services.checkin_uitnodigingen_inhalen()
    return services.checkin_herinneringen_versturen()


# Carers' feedback (condities.mantelzorg): notify facilitators after the fact, remove old contacts.


@shared_task(autoretry_for=(OSError,), retry_backoff=True, retry_backoff_max=600, max_retries=8)
def mantelzorg_notificeren_task(praktijk_id: int) -> int:
    """Mail the facilitators of a practice about new feedback (at most one mail an hour each)."""
    return mantelzorg.notificaties_versturen(praktijk_id=praktijk_id)


@shared_task
def mantelzorg_notificatie_sweep_task() -> int:
    """Every ten minutes (beat): notify about feedback a failed or throttled run left behind."""
    return mantelzorg.notificaties_versturen()


@shared_task
def mantelzorg_contact_opruimen_task() -> int:
    """Daily (beat): remove contact details whose retention period has ended."""
    return mantelzorg.contact_verlopen_verwijderen()


def mantelzorg_notificeren_na_commit(*, praktijk_id: int) -> None:
    """Queue the notification once the feedback is committed; a broker outage is only logged.

    The feedback is stored already; mantelzorg_notificatie_sweep_task notifies later.
    """
    queue_after_commit(mantelzorg_notificeren_task, praktijk_id)
