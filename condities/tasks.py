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

    The feedback is stored already; the beat sweep notifies later when the queue is away.
    """

    def _enqueue() -> None:
        try:
            mantelzorg_notificeren_task.delay(praktijk_id)
        except Exception:
            logger.warning(
                "mantelzorg: could not queue the notification; the sweep will send it",
                exc_info=True,
            )

    transaction.on_commit(_enqueue)
