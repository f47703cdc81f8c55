from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from praktijken.models import Praktijk


class Begrip(models.Model):
    """A word of the practice's shared language: the term, a plain (B1) definition, and how
    carers themselves say it. Members suggest terms; the facilitator settles them."""

    class Status(models.TextChoices):
        VOORGESTELD = "voorgesteld", _("Suggested")
        VASTGESTELD = "vastgesteld", _("Settled")

    praktijk = models.ForeignKey(Praktijk, on_delete=models.CASCADE, related_name="begrippen")
    term = models.CharField(_("term"), max_length=80)
    definitie = models.TextField(
        _("definition"),
        max_length=500,
        help_text=_("In plain words, as you would explain it to a neighbour."),
    )
    zo_zeggen_mantelzorgers = models.CharField(_("how carers say it"), max_length=200, blank=True)
    voorgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("suggested by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.VOORGESTELD
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        ordering = [Lower("term")]
        constraints = [
            models.UniqueConstraint(
                "praktijk", Lower("term"), name="begrip_term_uniek_per_praktijk"
            )
        ]

    def __str__(self) -> str:
        return self.term

    @property
    def anker(self) -> str:
        """The id of the term on the glossary page."""
        return f"begrip-{slugify(self.term)}"
