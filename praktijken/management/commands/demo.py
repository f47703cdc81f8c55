from django.conf import settings
from django.core.management.base import BaseCommand

from netwerk.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, accounts_load


class Command(BaseCommand):
    help = "Load the demo practice and its accounts. Safe to run again: it updates, never doubles."

    def handle(self, *args, **options) -> None:
        accounts_load(with_password=settings.DEBUG)
        self.stdout.write(self.style.SUCCESS("Demo loaded."))
        for account in DEMO_ACCOUNTS:
            if settings.DEBUG:
                self.stdout.write(f"  {account.email} ({account.role}) password: {DEMO_PASSWORD}")
            else:
                self.stdout.write(f"  {account.email} ({account.role}): log in with a code")
        if not settings.DEBUG:
            self.stdout.write("Passwords are not set or shown when DJANGO_DEBUG is off.")
