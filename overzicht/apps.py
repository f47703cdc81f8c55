from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OverzichtConfig(AppConfig):
    """The top of the dependency order: pages that bring every app of a practice together."""

    name = "overzicht"
    verbose_name = _("Overview")
