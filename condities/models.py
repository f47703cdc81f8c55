from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from experimenten.models import Experiment
from netwerk.models import Organisatie, Persoon
from praktijken.models import Bijeenkomst, Praktijk


class Conditie(models.TextChoices):
    """The five conditions for collaboration of Kaats & Opheij, in their usual order."""

    AMBITIE = "ambitie", _("Ambition")
    BELANGEN = "belangen", _("Interests")
    RELATIE = "relatie", _("Relationship")
    ORGANISATIE = "organisatie", _("Organisation")
    PROCES = "proces", _("Process")


class Respondentgroep(models.TextChoices):
    """Who answered: the group a participant sits in, for comparing perceptions."""

    KERNGROEP = "kerngroep", _("Core group")
    ONTWERPGROEP = "ontwerpgroep", _("Design group")
    MANTELZORGER = "mantelzorger", _("Carer or volunteer")
    ANDERS = "anders", _("Other")


ALLE = ""  # the group value of a score over everybody
INBRENG_MAX = 280  # characters in an open answer from the room


class Stellingenset(models.Model):
    """A versioned set of statements. Once a session used it, edits make a new version."""

    praktijk = models.ForeignKey(
        Praktijk,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="stellingensets",
        help_text=_("Empty for the default set that ships with the app."),
    )
    naam = models.CharField(_("name"), max_length=200)
    versie = models.PositiveIntegerField(_("version"), default=1)
    vorige_versie = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_actueel = models.BooleanField(
        _("current version"), default=True, help_text=_("New sessions use the current version.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("statement set")
        verbose_name_plural = _("statement sets")
        ordering = ["naam", "-versie"]

    def __str__(self) -> str:
        return f"{self.naam} (v{self.versie})"


class Stelling(models.Model):
    """A statement rated 1 (not at all) to 5 (fully), with “weet ik niet” allowed."""

    set = models.ForeignKey(Stellingenset, on_delete=models.CASCADE, related_name="stellingen")
    conditie = models.CharField(_("condition"), max_length=20, choices=Conditie)
    tekst = models.CharField(_("statement"), max_length=300)
    volgorde = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = ["set", "volgorde", "pk"]

    def __str__(self) -> str:
        return self.tekst


class OpenVraag(models.Model):
    """An appreciative open question per condition: what goes well, what is our next step."""

    class Soort(models.TextChoices):
        GOED = "goed", _("What already goes well")
        STAP = "stap", _("Our next small step")

    set = models.ForeignKey(Stellingenset, on_delete=models.CASCADE, related_name="open_vragen")
    conditie = models.CharField(_("condition"), max_length=20, choices=Conditie)
    soort = models.CharField(_("kind"), max_length=10, choices=Soort.choices)
    tekst = models.CharField(_("question"), max_length=300)

    class Meta:
        verbose_name = _("open question")
        verbose_name_plural = _("open questions")
        ordering = ["set", "conditie", "soort"]
        constraints = [
            models.UniqueConstraint(
                fields=["set", "conditie", "soort"], name="open_vraag_eenmaal_per_conditie"
            )
        ]

    def __str__(self) -> str:
        return self.tekst


class Sessie(models.Model):
    """A workshop on the five conditions, or a check-in between workshops."""

    class Soort(models.TextChoices):
        WERKVORM = "werkvorm", _("Workshop")
        CHECKIN = "checkin", _("Check-in")

    class Modus(models.TextChoices):
        LIVE = "live", _("Live in the room")
        ONLINE = "online", _("Online")
        PAPIER = "papier", _("On paper")

    class Status(models.TextChoices):
        CONCEPT = "concept", _("Not opened yet")
        OPEN = "open", _("Open")
        GESLOTEN = "gesloten", _("Closed")

    praktijk = models.ForeignKey(Praktijk, on_delete=models.CASCADE, related_name="sessies")
    soort = models.CharField(
        _("kind"), max_length=10, choices=Soort.choices, default=Soort.WERKVORM
    )
    titel = models.CharField(_("title"), max_length=200)
    datum = models.DateField(_("date"))
    modus = models.CharField(_("mode"), max_length=10, choices=Modus.choices, default=Modus.LIVE)
    condities = models.JSONField(_("conditions"), default=list)
    stellingenset = models.ForeignKey(
        Stellingenset, on_delete=models.PROTECT, related_name="sessies"
    )
    stellingen = models.ManyToManyField(
        Stelling,
        blank=True,
        related_name="+",
        help_text=_("For a check-in: the chosen statements. Empty: all of the conditions."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.CONCEPT
    )
    code = models.CharField(_("join code"), max_length=8, blank=True)
    onthuld = models.JSONField(_("revealed conditions"), default=list, blank=True)
    # What the room's screen shows: "wachten", a condition's code, "overzicht" (or its group
    # view, "overzicht-groepen") or "einde".
    scherm = models.CharField(_("screen"), max_length=20, default="wachten", blank=True)
    samen_op = models.BooleanField(
        _("keep the room together"),
        default=False,
        help_text=_("Phones show the condition that is on the screen."),
    )
    papieren_formulieren = models.PositiveIntegerField(_("paper forms"), default=0)
    alleen_leden = models.BooleanField(
        _("members only"),
        default=False,
        help_text=_("Only members of the practice can join, after logging in."),
    )
    herinnering_na_dagen = models.PositiveSmallIntegerField(_("reminder after (days)"), default=7)
    # A workshop is held at a meeting of the practice: the two pages link to each other.
    bijeenkomst = models.OneToOneField(
        Bijeenkomst,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessie",
        verbose_name=_("meeting"),
    )
    # Check-ins: how many reminders each participant who has not finished gets (spaced by
    # `herinnering_na_dagen`), when it closes by itself, and when a facilitator last pressed
    # "remind now" (at most once an hour).
    herinneringen_aantal = models.PositiveSmallIntegerField(_("number of reminders"), default=1)
    sluit_op = models.DateTimeField(_("closes at"), null=True, blank=True)
    nu_herinnerd_op = models.DateTimeField(null=True, blank=True, editable=False)
    geopend_op = models.DateTimeField(null=True, blank=True)
    gesloten_op = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["-datum", "-pk"]
        constraints = [
            # A join code belongs to one open session at a time.
            models.UniqueConstraint(
                fields=["code"], condition=Q(status="open") & ~Q(code=""), name="sessie_code_uniek"
            )
        ]

    def __str__(self) -> str:
        return self.titel

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class Deelnemer(models.Model):
    """Someone taking part in a session: a member, a named guest, or anonymous."""

    # Read with the participant by condities.selectors.deelname.deelnemer_by_code (not fields):
    # how many statements they answered, and whether the one being answered is among them.
    beantwoord: int
    deze_beantwoord: bool

    sessie = models.ForeignKey(Sessie, on_delete=models.CASCADE, related_name="deelnemers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    naam = models.CharField(_("name"), max_length=200, blank=True)
    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    groep = models.CharField(_("group"), max_length=20, choices=Respondentgroep)
    email = models.EmailField(
        _("email address for the summary"), blank=True, help_text=_("Optional.")
    )
    token = models.CharField(max_length=64, unique=True)
    klaar_op = models.DateTimeField(null=True, blank=True)
    uitgenodigd_op = models.DateTimeField(null=True, blank=True)
    # Check-in reminders sent to this participant, and when the last one went out.
    herinneringen = models.PositiveSmallIntegerField(default=0, editable=False)
    laatst_herinnerd_op = models.DateTimeField(null=True, blank=True)
    samenvatting_op = models.DateTimeField(null=True, blank=True)
    # A keyed hash of the network the participant joined from, to spot many joins from one
    # place; emptied when the session closes.
    herkomst = models.CharField(max_length=16, blank=True, editable=False)
    # How many open answers this participant sent (not which: those are anonymous), to limit
    # a flood from one phone.
    inbreng_aantal = models.PositiveSmallIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(
                fields=["sessie", "user"],
                condition=Q(user__isnull=False),
                name="deelnemer_eenmaal_per_account",
            )
        ]

    def __str__(self) -> str:
        return self.naam or str(_("Anonymous"))


class Antwoord(models.Model):
    """One participant's rating of one statement; None means “weet ik niet”."""

    deelnemer = models.ForeignKey(Deelnemer, on_delete=models.CASCADE, related_name="antwoorden")
    stelling = models.ForeignKey(Stelling, on_delete=models.PROTECT, related_name="antwoorden")
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["deelnemer", "stelling"], name="antwoord_eenmaal"),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=1, score__lte=5),
                name="antwoord_score_1_tot_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.stelling_id}: {self.score if self.score is not None else '?'}"


class PapierTelling(models.Model):
    """Tallies typed in from paper forms: how many chose each score for a statement."""

    sessie = models.ForeignKey(Sessie, on_delete=models.CASCADE, related_name="papier_tellingen")
    stelling = models.ForeignKey(Stelling, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField()  # 0: “weet ik niet”
    aantal = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["sessie", "stelling", "score"], name="papier_telling_eenmaal"
            ),
            models.CheckConstraint(condition=Q(score__lte=5), name="papier_score_0_tot_5"),
        ]

    def __str__(self) -> str:
        return f"{self.stelling_id}: {self.score} × {self.aantal}"


class Vrijgave(models.Model):
    """What an open session has released so far (condities.disclosure, rule 3): the answers
    behind the figures shown and which figures. Deleted when the session closes."""

    sessie = models.OneToOneField(Sessie, on_delete=models.CASCADE, related_name="vrijgave")
    data = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("released state")
        verbose_name_plural = _("released states")

    def __str__(self) -> str:
        return f"{self.sessie_id}"


class Actie(models.Model):
    """What goes well, or an agreed small next step (what, who, when), from a session's
    discussion or a meeting's minutes; a step has an owner and is open, busy or done."""

    class Soort(models.TextChoices):
        GOED = "goed", _("Goes well")
        STAP = "stap", _("Next step")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        BEZIG = "bezig", _("Busy")
        GEDAAN = "gedaan", _("Done")

    praktijk = models.ForeignKey(Praktijk, on_delete=models.CASCADE, related_name="acties")
    sessie = models.ForeignKey(
        Sessie, on_delete=models.CASCADE, null=True, blank=True, related_name="acties"
    )
    # Captured from a meeting's minutes; the action stays when the meeting is removed.
    bijeenkomst = models.ForeignKey(
        Bijeenkomst, on_delete=models.SET_NULL, null=True, blank=True, related_name="acties"
    )
    conditie = models.CharField(_("condition"), max_length=20, choices=Conditie, blank=True)
    soort = models.CharField(_("kind"), max_length=10, choices=Soort.choices)
    tekst = models.TextField(_("what"))
    # Free text from before actions had an owner: shown when there is no owner.
    wie = models.CharField(_("who"), max_length=200, blank=True)
    eigenaar = models.ForeignKey(
        Persoon,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="acties",
        verbose_name=_("owner"),
    )
    wanneer = models.DateField(_("when"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    gedaan_op = models.DateTimeField(_("done on"), null=True, blank=True)
    # When the owner was reminded that the action is due (one reminder per action).
    herinnerd_op = models.DateTimeField(null=True, blank=True)
    experiment = models.ForeignKey(
        Experiment, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["conditie", "soort", "pk"]
        indexes = [models.Index(fields=["praktijk", "status"])]

    def __str__(self) -> str:
        return self.tekst[:60]

    @property
    def is_gedaan(self) -> bool:
        return self.status == self.Status.GEDAAN


class Inbreng(models.Model):
    """An open answer from the room to a condition's question: what already goes well, or a
    small next step. Anonymous: it does not say who wrote it. The screen shows it only after
    the facilitator approved it; participants can vote for approved ones."""

    class Status(models.TextChoices):
        NIEUW = "nieuw", _("Waiting for approval")
        GOEDGEKEURD = "goedgekeurd", _("On the screen")
        VERBORGEN = "verborgen", _("Hidden")
        SAMENGEVOEGD = "samengevoegd", _("Merged")

    sessie = models.ForeignKey(Sessie, on_delete=models.CASCADE, related_name="inbreng")
    conditie = models.CharField(_("condition"), max_length=20, choices=Conditie)
    soort = models.CharField(_("kind"), max_length=10, choices=OpenVraag.Soort.choices)
    tekst = models.CharField(_("answer"), max_length=INBRENG_MAX)
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.NIEUW
    )
    van_papier = models.BooleanField(_("from a paper sheet"), default=False)
    # Merged duplicates: the one kept counts how often the room wrote it.
    samengevoegd_met = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    keer_genoemd = models.PositiveSmallIntegerField(_("times written"), default=1)
    stemmen = models.PositiveIntegerField(_("votes"), default=0)
    actie = models.OneToOneField(
        Actie, on_delete=models.SET_NULL, null=True, blank=True, related_name="inbreng"
    )

    class Meta:
        verbose_name = _("open answer")
        verbose_name_plural = _("open answers")
        ordering = ["sessie", "conditie", "soort", "pk"]
        indexes = [models.Index(fields=["sessie", "status"])]

    def __str__(self) -> str:
        return self.tekst[:60]


class Stem(models.Model):
    """A participant's vote for an approved open answer. Who voted is deleted when the session
    closes; the count stays on the answer."""

    inbreng = models.ForeignKey(Inbreng, on_delete=models.CASCADE, related_name="stem_set")
    deelnemer = models.ForeignKey(Deelnemer, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(fields=["inbreng", "deelnemer"], name="stem_eenmaal")
        ]

    def __str__(self) -> str:
        return f"{self.inbreng_id}"


class ConditieScore(models.Model):
    """A condition's score from a closed session or check-in, written back to the practice."""

    praktijk = models.ForeignKey(Praktijk, on_delete=models.CASCADE, related_name="conditiescores")
    sessie = models.ForeignKey(Sessie, on_delete=models.CASCADE, related_name="scores")
    bron = models.CharField(max_length=10, choices=Sessie.Soort.choices)
    datum = models.DateField()
    conditie = models.CharField(max_length=20, choices=Conditie)
    groep = models.CharField(max_length=20, choices=Respondentgroep, blank=True)  # "": everybody
    gemiddelde = models.DecimalField(max_digits=3, decimal_places=2, null=True)
    spreiding = models.DecimalField(max_digits=3, decimal_places=2, null=True)
    respondenten = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("condition score")
        verbose_name_plural = _("condition scores")
        ordering = ["datum", "conditie"]
        indexes = [models.Index(fields=["praktijk", "datum"])]
        constraints = [
            models.UniqueConstraint(
                fields=["sessie", "conditie", "groep"], name="score_eenmaal_per_groep"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_conditie_display()} {self.gemiddelde}"
