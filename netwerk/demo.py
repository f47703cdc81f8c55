"""Demo accounts for `manage.py demo`."""

from dataclasses import dataclass

from netwerk.models import User
from netwerk.services import user_ensure

DEMO_PASSWORD = "samen-sterk-demo"  # noqa: S105 - printed and used only when DEBUG is on


@dataclass(frozen=True)
class DemoAccount:
    email: str
    name: str
    role: str


DEMO_ACCOUNTS = [
    DemoAccount("adviseur@stein.example", "Anouk Adviseur", "facilitator"),
    DemoAccount("lid@stein.example", "Luuk Lid", "lid"),
]


def accounts_load(*, with_password: bool) -> dict[str, User]:
    """Create or refresh the demo accounts; passwords only on a development machine."""
    return {
        account.email: user_ensure(
            email=account.email,
            name=account.name,
            password=DEMO_PASSWORD if with_password else None,
        )
        for account in DEMO_ACCOUNTS
    }
