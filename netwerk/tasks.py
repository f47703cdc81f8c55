from celery import shared_task
from django.db import transaction

from netwerk import leden, services


@shared_task(autoretry_for=(OSError,), retry_backoff=True, retry_backoff_max=600, max_retries=8)
def user_mail_task(user_id: int, subject: str, body: str) -> None:
    """Send a plain message to one account; retried with back-off while the mail server is away."""
    services.user_mail(user_id=user_id, subject=subject, body=body)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, retry_backoff_max=600, max_retries=8)
def bevestiging_mail_task(organisatie_id: int) -> None:
    """Ask one organisation to check its entry; a second run for the same day sends nothing."""
    services.bevestiging_mail_send(organisatie_id=organisatie_id)


@shared_task
def bevestiging_vragen_task() -> int:
    """Daily (beat): queue a check-your-entry mail for every organisation that is due."""
    ids = services.bevestigingen_due()
    for organisatie_id in ids:
        bevestiging_mail_task.delay(organisatie_id)
    return len(ids)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, retry_backoff_max=600, max_retries=8)
def uitnodiging_send_task(uitnodiging_id: int, token: str | None = None) -> bool:
    """Email one invitation; a second run for the same link, or an outdated link, sends nothing."""
    return leden.uitnodiging_send(uitnodiging_id=uitnodiging_id, token=token)


def uitnodiging_send_after_commit(uitnodiging) -> None:
    """Queue the invitation email once the surrounding transaction has committed."""
    pk, token = uitnodiging.pk, uitnodiging.token
    transaction.on_commit(lambda: uitnodiging_send_task.delay(pk, token))
