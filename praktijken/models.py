from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Programma(models.Model):
    """A programme of practices that learn from each other, such as the national "In voor
    mantelzorg-thuis" with its ten practices. Its team starts practices and sees an overview
    across them (only figures the disclosure rules release; never a practice's people)."""

    naam = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in the address"), max_length=60, unique=True)
    beschrijving = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class ProgrammaTeamlid(models.Model):
    """An account in a programme's team: it may start practices in the programme, invite their
    first facilitator and read the programme's overview; it is no member of any practice."""

    programma = models.ForeignKey(Programma, on_delete=models.CASCADE, related_name="team")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="programma_teams"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("programme team member")
        verbose_name_plural = _("programme team members")
        constraints = [
            models.UniqueConstraint(fields=["programma", "user"], name="programma_teamlid_eenmaal")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.programma}"


class Praktijk(models.Model):
    """A lerende praktijk: the municipality's learning network, the tenant all else belongs to."""

    class Status(models.TextChoices):
        VOORBEREIDING = "voorbereiding", _("In preparation")
        ACTIEF = "actief", _("Active")
        AFGEROND = "afgerond", _("Finished")

    naam = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in the address"), max_length=60, unique=True)
    gemeente = models.CharField(_("municipality"), max_length=120)
    kernthema = models.CharField(
        _("core theme"),
        max_length=200,
        help_text=_(
            "One positive sentence: what we want more of. E.g. “Samen sterk op eigen wijze”."
        ),
    )
    ambitie = models.TextField(
        _("ambition"),
        blank=True,
        help_text=_("The inviting perspective: where do we want to stand in five years?"),
    )
    beschrijving = models.TextField(_("description"), blank=True)
    privacy_email = models.EmailField(
        _("email address for privacy questions"),
        blank=True,
        help_text=_(
            "Where carers and participants can ask to see or remove what they sent, for "
            "example the municipality's privacy desk. Shown on the carers' form."
        ),
    )
    programma = models.ForeignKey(
        Programma,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="praktijken",
        verbose_name=_("programme"),
    )
    startdatum = models.DateField(_("start date"), null=True, blank=True)
    einddatum = models.DateField(_("end date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIEF
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("learning practice")
        verbose_name_plural = _("learning practices")
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True)
                | Q(startdatum__isnull=True)
                | Q(einddatum__gte=F("startdatum")),
                name="praktijk_einde_na_start",
            )
        ]

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("overzicht:dashboard", kwargs={"slug": self.slug})


class Bijeenkomst(models.Model):
    """A meeting of the practice, with who plans it and who writes the minutes."""

    class Soort(models.TextChoices):
        KERNGROEP = "kerngroep", _("Core group")
        ONTWERPGROEP = "ontwerpgroep", _("Design group")
        WERKVORM = "werkvorm", _("Workshop")

    praktijk = models.ForeignKey(Praktijk, on_delete=models.CASCADE, related_name="bijeenkomsten")
    titel = models.CharField(_("title"), max_length=200)
    soort = models.CharField(_("kind"), max_length=20, choices=Soort.choices)
    begint_op = models.DateTimeField(_("starts at"))
    eindigt_op = models.DateTimeField(_("ends at"), null=True, blank=True)
    locatie = models.CharField(_("location"), max_length=200, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    planner = models.CharField(_("who plans it"), max_length=200, blank=True)
    notulist = models.CharField(_("who writes the minutes"), max_length=200, blank=True)
    verslag = models.TextField(_("minutes"), blank=True)
    # The invitations by mail (netwerk.Genodigde holds who): when they were first sent, and the
    # calendar's SEQUENCE, raised when the time, place or title changes after that.
    uitnodiging_verstuurd_op = models.DateTimeField(_("invitation sent"), null=True, blank=True)
    ics_volgnummer = models.PositiveIntegerField(_("calendar version"), default=0)
    verslag_gepubliceerd_op = models.DateTimeField(_("minutes published"), null=True, blank=True)
    # Called off: it stays on the list, marked, and whoever had the invitation gets the
    # cancellation for their calendar.
    afgezegd_op = models.DateTimeField(_("cancelled on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # A change of one of these is news for the invitees' calendars.
    AGENDA_VELDEN = ("titel", "begint_op", "eindigt_op", "locatie")

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["begint_op"]
        indexes = [models.Index(fields=["praktijk", "begint_op"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(eindigt_op__isnull=True) | Q(eindigt_op__gte=F("begint_op")),
                name="bijeenkomst_einde_na_begin",
            )
        ]

    def __str__(self) -> str:
        return self.titel


class Ontwerpvraag(models.Model):
    """A design question, phrased “Hoe kunnen we …?”, that experiments work on."""

    praktijk = models.ForeignKey(Praktijk, on_delete=models.CASCADE, related_name="ontwerpvragen")
    vraag = models.CharField(_("question"), max_length=300)
    toelichting = models.TextField(_("explanation"), blank=True)
    volgorde = models.PositiveSmallIntegerField(_("order"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("design question")
        verbose_name_plural = _("design questions")
        ordering = ["volgorde", "pk"]

    def __str__(self) -> str:
        return self.vraag


class Verhaal(models.Model):
    """An appreciative success story from the discovery phase: what worked, and more of it."""

    praktijk = models.ForeignKey(Praktijk, on_delete=models.CASCADE, related_name="verhalen")
    titel = models.CharField(_("title"), max_length=200)
    wat_werkte = models.TextField(_("what worked"))
    wie_maakte_het_mogelijk = models.TextField(_("who made it possible"), blank=True)
    meer_van = models.TextField(_("what we want more of"), blank=True)
    verteller = models.CharField(_("told by"), max_length=200, blank=True)
    ontwerpvraag = models.ForeignKey(
        Ontwerpvraag,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="verhalen",
        verbose_name=_("design question"),
    )
    # Shared with the other practices of the programme (the library of lessons) since then.
    gedeeld_op = models.DateTimeField(_("shared with the programme on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.titel


class Rol(models.TextChoices):
    FACILITATOR = "facilitator", _("Facilitator")
    KERNGROEPLID = "kerngroeplid", _("Core group member")
    LID = "lid", _("Member")


class Lidmaatschap(models.Model):
    """An account's role in one practice; it decides what that person may see and do there."""

    praktijk = models.ForeignKey(Praktijk, on_delete=models.CASCADE, related_name="lidmaatschappen")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lidmaatschappen"
    )
    rol = models.CharField(_("role"), max_length=20, choices=Rol)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "netwerk_lidmaatschap"  # moved from netwerk without moving data
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["praktijk", "user"], name="lidmaatschap_eenmaal")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_rol_display()}"


class Gebeurtenis(models.Model):
    """One change in a practice and who made it: the audit trail a municipality asks for.

    Written by the services that change things (praktijken.audit.gebeurtenis_record); the
    description is what the thing was called at the time, so it still reads after a deletion.
    """

    praktijk = models.ForeignKey(Praktijk, on_delete=models.CASCADE, related_name="gebeurtenissen")
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    actie = models.CharField(_("action"), max_length=60)
    object_soort = models.CharField(_("kind of object"), max_length=60)
    object_id = models.PositiveBigIntegerField(_("object id"), null=True, blank=True)
    omschrijving = models.CharField(_("description"), max_length=200)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["praktijk", "-created_at"], name="gebeurtenis_praktijk_tijd")
        ]

    def __str__(self) -> str:
        return f"{self.actie}: {self.omschrijving}"
