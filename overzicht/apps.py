from django.apps import AppConfig
from django.db.models.signals import post_save, pre_delete
from django.utils.translation import gettext_lazy as _


class OverzichtConfig(AppConfig):
    """The top of the dependency order: pages that bring every app of a practice together."""

    name = "overzicht"
    verbose_name = _("Overview")

    def ready(self) -> None:
        # The dashboard's shared sections are kept in the cache (overzicht.dashboard): every save
        # or delete of what they read drops them, whichever code does it. Before the delete, so
        # that an organisation's or a person's practices can still be looked up.
        from overzicht.dashboard import BRONNEN, dashboard_forget

        for model in BRONNEN:
            for signaal in (post_save, pre_delete):
                signaal.connect(
                    dashboard_forget, sender=model, dispatch_uid=f"dashboard_forget:{model}"
                )
