from celery import shared_task

from config.queue import RETRY, queue_after_commit
from netwerk import selectors, services


@shared_task(**RETRY)
def user_mail_task(user_id: int, subject: str, body: str) -> None:
    """Send a plain message to one account; retried with back-off while the mail server is away."""
    services.user_mail(user_id=user_id, subject=subject, body=body)


@shared_task(**RETRY)
def bevestiging_mail_task(organisatie_id: int) -> None:
    """Ask one organisation to check its entry; a second run for the same day sends nothing."""
    services.bevestiging_mail_send(organisatie_id=organisatie_id)


@shared_task
def bevestigingen_sweep_task() -> int:
    """Daily (beat): queue a check-your-entry mail for every organisation that is due."""
    ids = selectors.bevestigingen_due()
    for organisatie_id in ids:
        bevestiging_mail_task.delay(organisatie_id)
    return len(ids)


@shared_task(**RETRY)
def uitnodiging_send_task(uitnodiging_id: int, token: str | None = None) -> bool:
    """Email one invitation; a second run for the same link, or an outdated link, sends nothing."""
    return services.uitnodiging_send(uitnodiging_id=uitnodiging_id, token=token)


@shared_task
def uitnodigingen_sweep_task() -> int:
    """Every ten minutes (beat): queue the invitations whose email never went out.

    That happens when the queue (Redis) was away at the moment of inviting. Sending is once per
    link, so an invitation that is queued twice still goes out once.
    """
    open_links = selectors.uitnodigingen_onverstuurd()
    for uitnodiging_id, token in open_links:
        uitnodiging_send_task.delay(uitnodiging_id, token)
    return len(open_links)


def uitnodiging_send_after_commit(uitnodiging) -> None:
    """Queue the invitation email once the surrounding transaction has committed.

    When the queue is away the invitation is stored all the same and only the failure is
    logged: uitnodigingen_sweep_task sends it once the queue is back.
    """
    queue_after_commit(uitnodiging_send_task, uitnodiging.pk, uitnodiging.token)


@shared_task(**RETRY)
def bijeenkomst_mails_task(bijeenkomst_id: int) -> int:
    """Mail a meeting's invitees what is due (invitation, update, minutes); safe to run twice."""
    return services.bijeenkomst_mails_send(bijeenkomst_id=bijeenkomst_id)


@shared_task
def bijeenkomst_mails_sweep_task() -> int:
    """Every ten minutes (beat): queue the meetings whose mails never went out (the queue was
    away at the moment of sending)."""
    ids = services.bijeenkomsten_mails_due()
    for bijeenkomst_id in ids:
        bijeenkomst_mails_task.delay(bijeenkomst_id)
    return len(ids)
