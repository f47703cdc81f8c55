"""The signed token in the one-click “still correct” link that organisations get by mail."""

import datetime

from django.core import signing

from netwerk.models import Organisatie

BEVESTIGING_LINK_GELDIG = datetime.timedelta(days=60)
_BEVESTIGING_SALT = "netwerk.organisatie.bevestigen"


def bevestiging_token_make(*, organisatie: Organisatie) -> str:
    """A signed, dated token for the one-click “still correct” link of an organisation."""
    return signing.TimestampSigner(salt=_BEVESTIGING_SALT).sign(str(organisatie.pk))


def bevestiging_token_read(*, token: str) -> int | None:
    """The organisation id in a valid, unexpired token; None for a bad or expired one."""
    try:
        value = signing.TimestampSigner(salt=_BEVESTIGING_SALT).unsign(
            token, max_age=BEVESTIGING_LINK_GELDIG
        )
    except signing.BadSignature:  # SignatureExpired is a BadSignature too
        return None
    return int(value) if value.isdigit() else None
