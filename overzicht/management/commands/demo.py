from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from condities.demo import sessies_load
from experimenten.demo import experimenten_load
from mantelzorg.demo import reacties_eerder_load, reacties_load
from netwerk.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, accounts_load, netwerk_load
from praktijken.demo import praktijken_load
from programma.demo import PROGRAMMA_SLUG, programma_load
from relaties.demo import rondes_load


class Command(BaseCommand):
    help = (
        "Load the demo practices and their accounts. Safe to run again: it updates, never doubles."
    )

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        users = accounts_load(with_password=settings.DEBUG)
        praktijken = praktijken_load()
        netwerk_load(praktijken=praktijken, users=users)
        experimenten_load(praktijken=praktijken)
        sessies_load(praktijken=praktijken, users=users)
        reacties_load(praktijken=praktijken)
        reacties_eerder_load(praktijken=praktijken)
        programma_load(praktijken=praktijken, users=users)
        rondes_load(praktijken=praktijken)
        self.stdout.write(self.style.SUCCESS("Demo loaded: Lerende praktijk Stein (/p/stein/)."))
        self.stdout.write(f"Programme: /programma/{PROGRAMMA_SLUG}/ (for the programme team).")
        for account in DEMO_ACCOUNTS:
            if settings.DEBUG:
                self.stdout.write(f"  {account.email} ({account.role}) password: {DEMO_PASSWORD}")
            else:
                self.stdout.write(f"  {account.email} ({account.role}): log in with a code")
        if not settings.DEBUG:
            self.stdout.write("Passwords are not set or shown when DJANGO_DEBUG is off.")
