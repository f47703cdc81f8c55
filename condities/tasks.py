from celery import shared_task

from condities.services import afsluiten, checkins
from config.queue import RETRY


@shared_task(**RETRY)
def samenvatting_versturen_task(sessie_id: int) -> None:
    """Email the summary of a closed session to the participants who left an address."""
    afsluiten.samenvatting_versturen(sessie_id=sessie_id)


@shared_task(**RETRY)
def samenvattingen_inhalen_task() -> int:
    """Every ten minutes (beat): summaries a closing could not queue (the queue was away)."""
    return afsluiten.samenvattingen_inhalen()


@shared_task(**RETRY)
def checkin_uitnodigen_task(sessie_id: int) -> int:
    """Email each participant of a check-in their personal link; a second run sends nothing."""
    return checkins.checkin_uitnodigingen_versturen(sessie_id=sessie_id)


@shared_task(**RETRY)
def checkin_herinneren_task() -> int:
    """Daily (beat): send invitations a failed run left behind, then the one reminder that is due.

    Safe to retry: whoever got their mail is marked and skipped.
    """
    checkins.checkin_uitnodigingen_inhalen()
    return checkins.checkin_herinneringen_versturen()
