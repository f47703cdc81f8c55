"""The carers' feedback form: a practice's form settings, the reactions and their tags.

The tables keep the names they had inside `condities` (`Meta.db_table`): the models moved to this
app without moving data (migrations `condities.0004` and `mantelzorg.0001` change state only).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from condities.models import Conditie
from experimenten.models import Experiment
from netwerk.models import Organisatie, Persoon
from praktijken.models import Praktijk


class MantelzorgFormulier(models.Model):
    """A practice's settings for the public carers' form; created when first saved."""

    praktijk = models.OneToOneField(
        Praktijk, on_delete=models.CASCADE, related_name="mantelzorgformulier"
    )
    is_open = models.BooleanField(
        _("the form is open"),
        default=True,
        help_text=_("Switched off, the page tells carers that the form is closed for now."),
    )
    intro = models.TextField(
        _("introduction"),
        max_length=1000,
        blank=True,
        help_text=_("Shown above the questions. Empty: a standard introduction."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "condities_mantelzorgformulier"
        verbose_name = _("carers' form")
        verbose_name_plural = _("carers' forms")

    def __str__(self) -> str:
        return str(self.praktijk)


class Relatie(models.TextChoices):
    """Whom the carer cares for, in broad categories that identify nobody."""

    PARTNER = "partner", _("My partner")
    OUDER = "ouder", _("My father or mother")
    KIND = "kind", _("My child")
    FAMILIE = "familie", _("Another family member")
    VRIEND_OF_BUUR = "vriend_of_buur", _("A friend or neighbour")
    ANDERS = "anders", _("Someone else")
    LIEVER_NIET = "liever_niet", _("I would rather not say")


class Reactie(models.Model):
    """Feedback from a carer through the public form. No IP address or browser is ever kept."""

    class Status(models.TextChoices):
        NIEUW = "nieuw", _("New")
        GELEZEN = "gelezen", _("Read")
        AFGEHANDELD = "afgehandeld", _("Handled")

    praktijk = models.ForeignKey(
        Praktijk, on_delete=models.CASCADE, related_name="mantelzorg_reacties"
    )
    wat_gaat_goed = models.TextField(_("what goes well"), max_length=2000, blank=True)
    meer_van = models.TextField(_("what there should be more of"), max_length=2000, blank=True)
    kan_beter = models.TextField(_("what could be better"), max_length=2000, blank=True)
    keer_verteld = models.PositiveSmallIntegerField(
        _("times the story was told"), null=True, blank=True, help_text=_("Empty: don't know.")
    )
    experiment = models.ForeignKey(
        Experiment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mantelzorg_reacties",
        verbose_name=_("experiment or topic"),
    )
    relatie = models.CharField(_("cares for"), max_length=20, choices=Relatie, blank=True)
    # Contact details only with explicit consent, and only until `contact_bewaren_tot`.
    naam = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    telefoon = models.CharField(_("phone"), max_length=40, blank=True)
    contact_toestemming = models.BooleanField(_("consent to be contacted"), default=False)
    contact_bewaren_tot = models.DateField(_("contact details kept until"), null=True, blank=True)
    contact_verwijderd_op = models.DateTimeField(
        _("contact details removed on"), null=True, blank=True
    )
    # The facilitator's side.
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NIEUW
    )
    interne_notitie = models.TextField(_("internal note"), max_length=2000, blank=True)
    doorgegeven_aan = models.ForeignKey(
        Organisatie,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("passed on to"),
    )
    # Passing on: the organisation whose contact person was mailed the texts, whom and when. A
    # different `doorgegeven_aan` than `doorgegeven_naar` means a mail to the new one is due.
    doorgegeven_naar = models.ForeignKey(
        Organisatie, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    doorgegeven_persoon = models.ForeignKey(
        Persoon, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    doorgegeven_op = models.DateTimeField(_("passed on on"), null=True, blank=True)
    # When the facilitator replied to the carer (once); the reply's text is never stored.
    beantwoord_op = models.DateTimeField(_("replied on"), null=True, blank=True)
    deelbaar = models.BooleanField(_("quote may be shared"), default=False)
    gedeeld_met_leden = models.BooleanField(_("shared with the members"), default=False)
    # Notifying the facilitators: whom we mailed about it, and when all of them had been told.
    gemeld_aan = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    genotificeerd_op = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "condities_reactie"
        verbose_name = _("carer's feedback")
        verbose_name_plural = _("carers' feedback")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["praktijk", "created_at"]),
            models.Index(fields=["praktijk", "status"]),
            models.Index(fields=["genotificeerd_op"]),
            models.Index(fields=["contact_bewaren_tot"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(keer_verteld__isnull=True) | Q(keer_verteld__lte=50),
                name="reactie_keer_verteld_0_tot_50",
            ),
            models.CheckConstraint(
                condition=Q(contact_toestemming=True) | Q(naam="", email="", telefoon=""),
                name="reactie_contact_alleen_met_toestemming",
            ),
        ]

    def __str__(self) -> str:
        return self.eerste_tekst[:60]

    @property
    def eerste_tekst(self) -> str:
        """The first open answer given, for a list."""
        return self.wat_gaat_goed or self.meer_van or self.kan_beter

    @property
    def citaat(self) -> str:
        """The appreciative answer a facilitator may mark as a shareable quote."""
        return self.wat_gaat_goed or self.meer_van

    @property
    def heeft_contact(self) -> bool:
        return bool(self.naam or self.email or self.telefoon)

    @property
    def doorgeven_open(self) -> bool:
        """Passed on to an organisation whose contact person has not been mailed yet."""
        return self.doorgegeven_aan_id is not None and (
            self.doorgegeven_naar_id != self.doorgegeven_aan_id
        )


class ReactieConditie(models.Model):
    """A facilitator's tag: the condition for collaboration a piece of feedback is about."""

    reactie = models.ForeignKey(Reactie, on_delete=models.CASCADE, related_name="conditie_tags")
    conditie = models.CharField(_("condition"), max_length=20, choices=Conditie.choices)

    class Meta:
        db_table = "condities_reactieconditie"
        verbose_name = _("condition tag")
        verbose_name_plural = _("condition tags")
        ordering = ["reactie", "conditie"]
        constraints = [
            models.UniqueConstraint(fields=["reactie", "conditie"], name="reactie_conditie_eenmaal")
        ]

    def __str__(self) -> str:
        return str(self.get_conditie_display())


class MantelzorgMelding(models.Model):
    """When a facilitator was last mailed about new feedback: at most one mail an hour."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    gemaild_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "condities_mantelzorgmelding"
        verbose_name = _("feedback notification")
        verbose_name_plural = _("feedback notifications")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.gemaild_op}"
