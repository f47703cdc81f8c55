from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammaConfig(AppConfig):
    """A programme's pages for its team: the overview across its practices and starting a new
    one. Beside overzicht at the top of the dependency order: it reads every app's selectors."""

    name = "programma"
    verbose_name = _("Programme")
