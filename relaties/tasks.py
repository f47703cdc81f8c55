from celery import shared_task

from config.queue import RETRY
from relaties import rondes


@shared_task(**RETRY)
def uitnodigingen_send_task(ronde_id: int, soort: str = "relatieronde") -> int:
    """Email each participant of a round (relationship or interests) their link; a second run
    sends nothing."""
    return rondes.uitnodigingen_send(ronde_id=ronde_id, soort=soort)


@shared_task(**RETRY)
def herinneringen_send_task(
    ronde_id: int, deelnemer_ids: list[int], soort: str = "relatieronde"
) -> int:
    """A facilitator pressed "remind now": one reminder to each who has not finished."""
    return rondes.herinneringen_send(ronde_id=ronde_id, deelnemer_ids=deelnemer_ids, soort=soort)


@shared_task(**RETRY)
def rondes_close_due_task() -> int:
    """Every ten minutes (beat): close the rounds (of both kinds) whose deadline has passed,
    send the reminders that are due and the invitations a failed run left behind."""
    return rondes.rondes_sweep()
