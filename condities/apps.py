from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConditiesConfig(AppConfig):
    name = "condities"
    verbose_name = _("Conditions for collaboration")
