from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PraktijkenConfig(AppConfig):
    name = "praktijken"
    verbose_name = _("Learning practices")
