"""Versions (config.versies) of what workers keep outside the database (issue #13).

- Per practice: what every member of it sees alike (its dashboard's sections,
  overzicht.dashboard) and the practice itself as the access check found it (praktijken.access).
  Any write that changes them takes a new version (`versie_bump`).
- Per account: the account as the login loaded it (netwerk.backends) and its roles as the access
  check found them (praktijken.access). A save or delete of the account (netwerk/apps.py) or of
  one of its memberships (praktijken/apps.py) takes a new version (`ACCOUNTS.bump`).

What was kept under an old version is never served again."""

from typing import Any

from config.versies import Versies

PRAKTIJKEN = Versies("praktijk")
ACCOUNTS = Versies("account")


def versie_bump(*, praktijk_id: int | None) -> None:
    """Give the practice a new version: at once, and again after the current transaction
    commits (config.versies.Versies.bump)."""
    PRAKTIJKEN.bump(praktijk_id)


def account_forget(sender: type[Any], instance: Any, **kwargs: Any) -> None:
    """Signal receiver: an account was saved or is deleted, so no worker serves its kept copy
    or what the access check found for it again."""
    ACCOUNTS.bump(instance.pk)


def lidmaatschap_forget(sender: type[Any], instance: Any, **kwargs: Any) -> None:
    """Signal receiver: a membership was saved or is deleted, so its account's roles are read
    again; and those of the account it belonged to before, when it was moved (the admin)."""
    ACCOUNTS.bump(instance.user_id)
    vorige = getattr(instance, "_vorige_user_id", None)
    if vorige is not None and vorige != instance.user_id:
        ACCOUNTS.bump(vorige)


def lidmaatschap_remember(sender: type[Any], instance: Any, **kwargs: Any) -> None:
    """Signal receiver (pre_save): the account a membership belongs to before this save."""
    if instance.pk is not None:
        instance._vorige_user_id = (
            sender.objects.filter(pk=instance.pk).values_list("user_id", flat=True).first()
        )
