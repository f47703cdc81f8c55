from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PraktijkenConfig(AppConfig):
    name = "praktijken"
    verbose_name = _("Learning practices")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save, pre_save

        from praktijken.models import Lidmaatschap
        from praktijken.versie import lidmaatschap_forget, lidmaatschap_remember

        # A role given, changed or taken away counts on the account's next request, in every
        # worker (praktijken.access keeps what it found under the account's version).
        for signal in (post_save, post_delete):
            signal.connect(
                lidmaatschap_forget,
                sender=Lidmaatschap,
                dispatch_uid="praktijken.lidmaatschap_forget",
            )
        pre_save.connect(
            lidmaatschap_remember,
            sender=Lidmaatschap,
            dispatch_uid="praktijken.lidmaatschap_remember",
        )
