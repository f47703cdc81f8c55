from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BibliotheekConfig(AppConfig):
    """The library of lessons: what practices share with the other practices of their programme.

    The top of the dependency order: it reads experiments, outcomes and stories of every app."""

    name = "bibliotheek"
    verbose_name = _("Library of lessons")
