from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExperimentenConfig(AppConfig):
    name = "experimenten"
    verbose_name = _("Experiments")
