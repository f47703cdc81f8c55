from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


def _startlijst_for_new_praktijk(
    sender, instance, created: bool, raw: bool = False, **kwargs
) -> None:
    # praktijken sits below begrippen and may not import it, so a new practice gets its starting
    # vocabulary through this signal (admin, demo command, any future create service alike).
    if created and not raw:
        from begrippen.services import startlijst_load

        startlijst_load(praktijk=instance)


def _begrippen_vergeten(sender, instance, **kwargs) -> None:
    # The marked texts read a practice's settled terms from the cache (begrippen.selectors).
    from begrippen.selectors import begrippen_vergeten

    begrippen_vergeten(praktijk_id=getattr(instance, "praktijk_id", None) or instance.pk)


class BegrippenConfig(AppConfig):
    name = "begrippen"
    verbose_name = _("Vocabulary")

    def ready(self) -> None:
        post_save.connect(
            _startlijst_for_new_praktijk,
            sender="praktijken.Praktijk",
            dispatch_uid="begrippen_startlijst",
        )
        for signaal in (post_save, post_delete):
            signaal.connect(_begrippen_vergeten, sender="begrippen.Begrip", weak=False)
        post_save.connect(_begrippen_vergeten, sender="praktijken.Praktijk", weak=False)
