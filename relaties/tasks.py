from celery import shared_task

from config.queue import RETRY
from relaties import services


@shared_task(**RETRY)
def uitnodigingen_send_task(ronde_id: int) -> int:
    """Email each participant of a relationship round their link; a second run sends nothing."""
    return services.uitnodigingen_send(ronde_id=ronde_id)


@shared_task(**RETRY)
def herinneringen_send_task(ronde_id: int, deelnemer_ids: list[int]) -> int:
    """A facilitator pressed "remind now": one reminder to each who has not finished."""
    return services.herinneringen_send(ronde_id=ronde_id, deelnemer_ids=deelnemer_ids)


@shared_task(**RETRY)
def rondes_close_due_task() -> int:
    """Every ten minutes (beat): close the rounds whose deadline has passed, and send the
    invitations a failed run left behind in the open ones."""
    return services.rondes_sweep()
