from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from netwerk.models import Organisatie, Persoon
from praktijken.models import Ontwerpvraag, Praktijk, Verhaal


class Niveau(models.TextChoices):
    ACHTER_DE_VOORDEUR = "achter_de_voordeur", _("Behind the front door")
    TUSSEN_PROFESSIONALS = "tussen_professionals", _("Between professionals")
    BUURT = "buurt", _("Neighbourhood, district or municipality")


class Fase(models.TextChoices):
    """The four phases of Appreciative Inquiry, in the order a practice goes through them."""

    VERKENNEN = "verkennen", _("Discover")
    VERBEELDEN = "verbeelden", _("Dream")
    VORMGEVEN = "vormgeven", _("Design")
    VERWEZENLIJKEN = "verwezenlijken", _("Deliver")


class Experiment(models.Model):
    """A small experiment on one design question: try, learn, and take small steps."""

    class Status(models.TextChoices):
        IDEE = "idee", _("Idea")
        LOOPT = "loopt", _("Running")
        AFGEROND = "afgerond", _("Finished")
        GESTOPT = "gestopt", _("Stopped")

    praktijk = models.ForeignKey(Praktijk, on_delete=models.CASCADE, related_name="experimenten")
    ontwerpvraag = models.ForeignKey(
        Ontwerpvraag,
        on_delete=models.PROTECT,
        related_name="experimenten",
        verbose_name=_("design question"),
    )
    titel = models.CharField(_("title"), max_length=200)
    doel = models.TextField(_("what it aims to improve"))
    niveau = models.CharField(_("level"), max_length=30, choices=Niveau)
    fase = models.CharField(_("phase"), max_length=20, choices=Fase, default=Fase.VERKENNEN)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.IDEE
    )
    eigenaar = models.ForeignKey(
        Persoon,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="experimenten",
        verbose_name=_("owner"),
    )
    organisaties = models.ManyToManyField(
        Organisatie,
        blank=True,
        related_name="experimenten",
        verbose_name=_("organisations involved"),
    )
    verhalen = models.ManyToManyField(
        Verhaal, blank=True, related_name="experimenten", verbose_name=_("stories")
    )
    startdatum = models.DateField(_("start date"), null=True, blank=True)
    einddatum = models.DateField(_("end date"), null=True, blank=True)
    resultaat = models.TextField(_("result"), blank=True)
    lessen = models.TextField(_("lessons learned"), blank=True)
    tip = models.TextField(_("tip for other practices"), blank=True)
    # Shared with the other practices of the programme (the library of lessons) since then.
    gedeeld_op = models.DateTimeField(_("shared with the programme on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("experiment")
        verbose_name_plural = _("experiments")
        ordering = ["ontwerpvraag__volgorde", "titel"]
        indexes = [models.Index(fields=["praktijk", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True)
                | Q(startdatum__isnull=True)
                | Q(einddatum__gte=F("startdatum")),
                name="experiment_einde_na_start",
            )
        ]

    def __str__(self) -> str:
        return self.titel

    @property
    def is_closed(self) -> bool:
        return self.status in {self.Status.AFGEROND, self.Status.GESTOPT}


class Tussenstap(models.Model):
    """A small step: what happened, when and by whom. Small steps are results in themselves."""

    experiment = models.ForeignKey(Experiment, on_delete=models.CASCADE, related_name="stappen")
    datum = models.DateField(_("date"))
    wat = models.TextField(_("what happened"))
    wie = models.CharField(_("who"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("small step")
        verbose_name_plural = _("small steps")
        ordering = ["-datum", "-pk"]

    def __str__(self) -> str:
        return f"{self.datum}: {self.wat[:40]}"


class Opbrengst(models.Model):
    """What an experiment yielded, typed as the programme's write-ups list them."""

    class Soort(models.TextChoices):
        SAMENWERKING = "samenwerking", _("New collaboration")
        TOOL = "tool", _("Tool")
        WERKWIJZE = "werkwijze", _("Way of working")
        SOCIALE_KAART = "sociale_kaart", _("Social map")
        ANDERS = "anders", _("Other")

    experiment = models.ForeignKey(Experiment, on_delete=models.CASCADE, related_name="opbrengsten")
    soort = models.CharField(_("kind"), max_length=20, choices=Soort.choices)
    beschrijving = models.TextField(_("description"))
    # Shared with the other practices of the programme (the library of lessons) since then.
    gedeeld_op = models.DateTimeField(_("shared with the programme on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.get_soort_display()}: {self.beschrijving[:40]}"


class Indicator(models.Model):
    """Something a practice measures to see what an experiment yields, e.g. "referrals to the
    carer support point per quarter": a baseline, a target and dated measurements."""

    experiment = models.ForeignKey(Experiment, on_delete=models.CASCADE, related_name="indicatoren")
    naam = models.CharField(_("name"), max_length=200)
    eenheid = models.CharField(
        _("unit"), max_length=50, blank=True, help_text=_("E.g. “referrals” or “%”.")
    )
    nulmeting = models.DecimalField(
        _("baseline"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    streefwaarde = models.DecimalField(
        _("target"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["naam", "pk"]

    def __str__(self) -> str:
        return self.naam


class Meting(models.Model):
    """One dated measurement of an indicator."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="metingen")
    datum = models.DateField(_("date"))
    waarde = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    toelichting = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        ordering = ["datum", "pk"]

    def __str__(self) -> str:
        return f"{self.datum}: {self.waarde}"
