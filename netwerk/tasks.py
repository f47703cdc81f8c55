from celery import shared_task

from netwerk import services


@shared_task(autoretry_for=(OSError,), retry_backoff=True, retry_backoff_max=600, max_retries=8)
def user_mail_task(user_id: int, subject: str, body: str) -> None:
    """Send a plain message to one account; retried with back-off while the mail server is away."""
    services.user_mail(user_id=user_id, subject=subject, body=body)
