from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetwerkConfig(AppConfig):
    name = "netwerk"
    verbose_name = _("Network")

    def ready(self) -> None:
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_delete, post_save

        from netwerk.selectors import bijeenkomst_mensen_blok
        from netwerk.services import bijeenkomst_mails_queue
        from netwerk.services.bijeenkomsten import bijeenkomst_namen
        from praktijken.agenda import (
            bijeenkomst_blok_register,
            bijeenkomst_gewijzigd_register,
            bijeenkomst_namen_register,
        )
        from praktijken.versie import account_forget

        bijeenkomst_blok_register(bijeenkomst_mensen_blok)
        bijeenkomst_namen_register(bijeenkomst_namen)
        bijeenkomst_gewijzigd_register(
            lambda bijeenkomst: bijeenkomst_mails_queue(bijeenkomst=bijeenkomst)
        )
        # A saved or deleted account is loaded afresh by every worker (netwerk.backends).
        for signal in (post_save, post_delete):
            signal.connect(
                account_forget, sender=get_user_model(), dispatch_uid="netwerk.account_forget"
            )
