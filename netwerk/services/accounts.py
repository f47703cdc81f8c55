"""Accounts: making sure one exists for an address, and mailing one."""

from allauth.account.models import EmailAddress
from django.db import transaction

from netwerk.models import User


@transaction.atomic
def user_ensure(
    *, email: str, name: str = "", password: str | None = None, is_staff: bool = False
) -> User:
    """Return the account for this address, creating it with a verified email if it is new."""
    email = email.strip().lower()
    user, created = User.objects.get_or_create(
        email=email, defaults={"name": name, "is_staff": is_staff}
    )
    if created and not password:
        user.set_unusable_password()
    if password:
        user.set_password(password)
    if created or password:
        user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def user_mail(*, user_id: int, subject: str, body: str) -> None:
    """Send a plain-text message to an active account; a removed or inactive one gets nothing."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return
    user.email_user(subject, body)
