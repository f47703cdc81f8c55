"""Mail helpers every app shares: one-line headers, and sending a task's mail once."""

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from config.models import Verzending

logger = logging.getLogger(__name__)


def header_line(text: object) -> str:
    """A mail header value on one line: an organisation's name or a session's title with a
    carriage return or newline in it would make Django refuse the whole mail."""
    return " ".join(str(text).split())


@dataclass(frozen=True)
class Bericht:
    """A mail that is due, and how to record that it went out."""

    message: EmailMessage
    # Marks the object sent (`samenvatting_op`, `verstuurd_op`, …); runs after the send, in a
    # transaction of its own.
    sent: Callable[[], object]


def mail_once(*, soort: str, sleutel: int, prepare: Callable[[], Bericht | None]) -> bool:
    """Send the mail `prepare` builds for object `sleutel`, unless it is not due or being sent
    already; returns whether it went out.

    Three transactions: `prepare` (it locks the object and checks the mail is still due) and the
    claim "being sent" commit first; then the mail server is asked; then `sent` and the release
    of the claim commit. A worker that dies after the mail server accepted the mail leaves the
    claim behind, and every run leaves that mail alone for `MAIL_BEZIG_TIMEOUT`; after it, the
    mail is sent again (at least once: it may arrive twice, but is never lost). An error from the
    mail server releases the claim, so the next run tries again.
    """
    with transaction.atomic():
        bericht = prepare()
        if bericht is None:
            return False
        claim = _claim(soort=soort, sleutel=sleutel)
        if claim is None:
            return False
    mine = Verzending.objects.filter(pk=claim.pk, bezig_sinds=claim.bezig_sinds)
    try:
        bericht.message.send()
    except Exception:
        # Nothing went out (as far as the mail server told us): the next run sends it.
        mine.delete()
        raise
    with transaction.atomic():
        bericht.sent()
        mine.delete()
    return True


def _claim(*, soort: str, sleutel: int) -> Verzending | None:
    """Mark the mail as being sent; None when another run is sending it (or died doing so less
    than `MAIL_BEZIG_TIMEOUT` ago)."""
    now = timezone.now()
    verzending, created = Verzending.objects.select_for_update().get_or_create(
        soort=soort, sleutel=sleutel, defaults={"bezig_sinds": now}
    )
    if created:
        return verzending
    timeout: datetime.timedelta = settings.MAIL_BEZIG_TIMEOUT
    if verzending.bezig_sinds > now - timeout:
        return None
    # Ids only: the kind of mail and the object, never an address or a link.
    logger.warning(
        "mail %s %s was being sent since %s and never marked sent; sending it again (it may "
        "arrive twice)",
        soort,
        sleutel,
        verzending.bezig_sinds.isoformat(),
    )
    verzending.bezig_sinds = now
    verzending.save(update_fields=["bezig_sinds"])
    return verzending


def mail_once_forget(*, soort: str, sleutel: int) -> None:
    """Forget that a mail is being sent: its object changed (a new invitation link), so what a
    run may still be sending is not the mail that is due now."""
    Verzending.objects.filter(soort=soort, sleutel=sleutel).delete()
