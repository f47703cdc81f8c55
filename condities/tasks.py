from celery import shared_task

from condities.services import acties, afsluiten, checkins
from config.queue import RETRY


@shared_task(**RETRY)
def summary_send_task(sessie_id: int) -> None:
    """Email the summary of a closed session to the participants who left an address."""
    afsluiten.summary_send(sessie_id=sessie_id)


@shared_task(**RETRY)
def summaries_sweep_task() -> int:
    """Every ten minutes (beat): summaries a closing could not queue (the queue was away)."""
    return afsluiten.summaries_sweep()


@shared_task(**RETRY)
def checkin_invitations_send_task(sessie_id: int) -> int:
    """Email each participant of a check-in their personal link; a second run sends nothing."""
    return checkins.checkin_invitations_send(sessie_id=sessie_id)


@shared_task(**RETRY)
def checkin_reminders_task() -> int:
    """Daily (beat): send invitations a failed run left behind, then the reminders that are due.

    Safe to retry: whoever got their mail is marked and skipped.
    """
    checkins.checkin_invitations_sweep()
    return checkins.checkin_reminders_send()


@shared_task(**RETRY)
def checkin_remind_now_task(sessie_id: int, deelnemer_ids: list[int]) -> int:
    """A facilitator pressed "remind now": one reminder to each who has not finished."""
    return checkins.checkin_remind_now_send(sessie_id=sessie_id, deelnemer_ids=deelnemer_ids)


@shared_task(**RETRY)
def checkins_close_due_task() -> int:
    """Every ten minutes (beat): close the check-ins whose deadline has passed."""
    return checkins.checkins_close_due()


@shared_task(**RETRY)
def actie_reminders_task() -> int:
    """Daily (beat): remind each action's owner once, a few days before it is due.

    Safe to retry: an action whose reminder went out is marked and skipped.
    """
    return acties.actie_reminders_send()
