from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConditiesConfig(AppConfig):
    name = "condities"
    verbose_name = _("Conditions for collaboration")

    def ready(self) -> None:
        from condities.selectors.acties import acties_for_agenda
        from condities.selectors.sessies import sessie_blok
        from praktijken.agenda import agenda_bron_register, bijeenkomst_blok_register

        agenda_bron_register(acties_for_agenda)
        bijeenkomst_blok_register(sessie_blok)
