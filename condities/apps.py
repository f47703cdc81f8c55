from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConditiesConfig(AppConfig):
    name = "condities"
    verbose_name = _("Conditions for collaboration")

    def ready(self) -> None:
        from condities.selectors.acties import acties_for_agenda
        from praktijken.agenda import agenda_bron_register

        agenda_bron_register(acties_for_agenda)
