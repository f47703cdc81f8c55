from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MantelzorgConfig(AppConfig):
    name = "mantelzorg"
    verbose_name = _("Carers' feedback")
