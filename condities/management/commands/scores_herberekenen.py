"""Write the condition scores of every closed session again under the current disclosure rules."""

from django.core.management.base import BaseCommand

from condities.services.afsluiten import scores_rewrite_all


class Command(BaseCommand):
    help = (
        "Write the condition scores of every closed session again under the current disclosure "
        "rules: after an upgrade that changed them, or after raising MIN_RESPONDENTEN."
    )

    def handle(self, *args, **options) -> None:
        aantal = scores_rewrite_all()
        self.stdout.write(f"Scores of {aantal} closed sessions written again.")
