from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from praktijken.models import Bijeenkomst, Praktijk, Rol


class UserManager(BaseUserManager):
    """Users are known by their email address; there are no usernames."""

    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """An account: a person who logs in with an email address."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email address"), unique=True)
    name = models.CharField(_("name"), max_length=150, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.name or self.email

    def get_full_name(self) -> str:
        return self.name

    def get_short_name(self) -> str:
        return self.name.split(" ")[0] if self.name else self.email


class Levensdomein(models.Model):
    """A domain of life an organisation works on (housing, care, income, ...)."""

    class Code(models.TextChoices):
        WONEN = "wonen", _("Housing")
        RELATIES = "relaties", _("Relationships")
        ZORG = "zorg", _("Care")
        INKOMEN = "inkomen", _("Income")
        WELZIJN = "welzijn", _("Well-being")
        WERK = "werk", _("Work")
        VERVOER = "vervoer", _("Transport")
        ONDERWIJS = "onderwijs", _("Education")
        VRIJE_TIJD = "vrije_tijd", _("Leisure")

    code = models.CharField(max_length=20, choices=Code.choices, unique=True)

    class Meta:
        verbose_name = _("domain of life")
        verbose_name_plural = _("domains of life")
        ordering = ["code"]

    def __str__(self) -> str:
        return str(self.get_code_display())


class Organisatie(models.Model):
    """An organisation as one practice knows it: owned by that practice, edited only there.

    Each practice keeps its own entry of an organisation. Another practice that adds an existing
    organisation to its network gets a practice-local copy (`bron` points at the original, for
    matching across practices later, issue #15) of the organisation's own fields, without its
    people or interests; nothing it does changes the original. People (`Persoon`) hang off one
    practice's entry, so a practice sees only its own. `eigenaar` is empty only for old rows that
    never took part in a practice: the list of existing organisations offers them as a reference.
    """

    class Soort(models.TextChoices):
        GEMEENTE = "gemeente", _("Municipality")
        WELZIJN = "welzijn", _("Welfare")
        THUISZORG = "thuiszorg", _("Home care")
        WIJKVERPLEGING = "wijkverpleging", _("District nursing")
        HUISARTSENPRAKTIJK = "huisartsenpraktijk", _("GP practice")
        VRIJWILLIGERSORGANISATIE = "vrijwilligersorganisatie", _("Volunteer organisation")
        MANTELZORGSTEUNPUNT = "mantelzorgsteunpunt", _("Carer support point")
        VERPLEEGHUIS = "verpleeghuis", _("Nursing home")
        DAGBESTEDING = "dagbesteding", _("Day care")
        GGZ = "ggz", _("Mental health care")
        CLIENTENRAAD = "clientenraad", _("Client or carer council")
        ANDERS = "anders", _("Other")

    naam = models.CharField(_("name"), max_length=200)
    soort = models.CharField(_("kind"), max_length=30, choices=Soort.choices)
    beschrijving = models.TextField(_("what we offer"), blank=True)
    levensdomeinen = models.ManyToManyField(
        Levensdomein, blank=True, related_name="organisaties", verbose_name=_("domains of life")
    )
    telefoon = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    website = models.URLField(_("website"), blank=True)
    straat = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    plaats = models.CharField(_("town"), max_length=100, blank=True)
    wijken = models.CharField(
        _("neighbourhoods served"),
        max_length=500,
        blank=True,
        help_text=_("Separate neighbourhoods with commas."),
    )
    eigenaar = models.ForeignKey(
        Praktijk,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="organisaties",
        verbose_name=_("practice"),
        help_text=_("The practice whose entry this is; only its members may change it."),
    )
    bron = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="kopieen",
        verbose_name=_("copied from"),
        help_text=_("The entry of another practice this one was copied from."),
    )
    bevestigd_op = models.DateTimeField(_("last confirmed"), null=True, blank=True)
    # When the contact person was last asked to check the entry: asked at most once a quarter.
    bevestiging_gevraagd_op = models.DateTimeField(
        _("last asked to confirm"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["naam"]
        constraints = [
            # A practice copies an organisation once; adding it again finds that copy.
            models.UniqueConstraint(fields=["eigenaar", "bron"], name="organisatie_een_kopie")
        ]

    def __str__(self) -> str:
        return self.naam

    @property
    def wijken_lijst(self) -> list[str]:
        return [w.strip() for w in self.wijken.split(",") if w.strip()]


class Persoon(models.Model):
    """A contact person at an organisation: whom to call, and what for.

    Seen only by the practice that owns the organisation's entry (`Organisatie.eigenaar`)."""

    naam = models.CharField(_("name"), max_length=200)
    functie = models.CharField(_("function"), max_length=200, blank=True)
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.CASCADE,
        related_name="personen",
        verbose_name=_("organisation"),
    )
    telefoon = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    expertise = models.CharField(_("expertise"), max_length=300, blank=True)
    bel_mij_voor = models.TextField(_("call me for"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="persoon",
        verbose_name=_("account"),
    )
    is_contactpersoon = models.BooleanField(
        _("contact person of the organisation"),
        default=False,
        help_text=_("Receives the request to check the organisation's entry every few months."),
    )
    bevestigd_op = models.DateTimeField(_("last confirmed"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Groep(models.TextChoices):
    KERNGROEP = "kerngroep", _("Core group")
    ONTWERPGROEP = "ontwerpgroep", _("Design group")


class Deelname(models.Model):
    """An organisation's place in one practice's network, with its interests."""

    praktijk = models.ForeignKey(Praktijk, on_delete=models.CASCADE, related_name="deelnames")
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.CASCADE,
        related_name="deelnames",
        verbose_name=_("organisation"),
    )
    groep = models.CharField(_("group"), max_length=20, choices=Groep)
    belangen = models.TextField(
        _("interests"),
        blank=True,
        help_text=_("What does the organisation want to get out of the collaboration?"),
    )
    bijdrage = models.TextField(_("contribution"), blank=True)
    tijdsinvestering = models.CharField(
        _("time investment"), max_length=200, blank=True, help_text=_("E.g. “4 hours a month”.")
    )
    verwachting = models.TextField(
        _("what the home organisation expects"),
        blank=True,
        help_text=_("What does your own organisation expect you to bring back?"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        ordering = ["organisatie__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["praktijk", "organisatie"], name="deelname_eenmaal_per_praktijk"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisatie} ({self.get_groep_display()})"


class DeelnameWijziging(models.Model):
    """History: when an organisation joined or moved between core group and design group."""

    deelname = models.ForeignKey(Deelname, on_delete=models.CASCADE, related_name="wijzigingen")
    van_groep = models.CharField(max_length=20, choices=Groep, blank=True)
    naar_groep = models.CharField(max_length=20, choices=Groep)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["op"]

    def __str__(self) -> str:
        return f"{self.van_groep or '-'} → {self.naar_groep}"


class BelangenVersie(models.Model):
    """One version of an organisation's interests in a practice, as stated by its members or
    an editor: every change is kept with its date and author. The current values are also on
    the Deelname (the latest version)."""

    deelname = models.ForeignKey(
        Deelname, on_delete=models.CASCADE, related_name="belangen_versies"
    )
    belangen = models.TextField(_("interests"), blank=True)
    bijdrage = models.TextField(_("contribution"), blank=True)
    tijdsinvestering = models.CharField(_("time investment"), max_length=200, blank=True)
    verwachting = models.TextField(_("what the home organisation expects"), blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Who reviewed it by personal link in an interests round (no account): their name.
    door_naam = models.CharField(_("reviewed by"), max_length=200, blank=True)
    op = models.DateTimeField(_("date"), default=timezone.now)

    class Meta:
        verbose_name = _("version of interests")
        verbose_name_plural = _("versions of interests")
        ordering = ["-op", "-pk"]
        indexes = [models.Index(fields=["deelname", "-op"])]

    def __str__(self) -> str:
        return f"{self.deelname_id} @ {self.op:%Y-%m-%d}"


class Afspraak(models.Model):
    """A working agreement of the network: who plans, who reports, time, decisions."""

    class Onderwerp(models.TextChoices):
        PLANNING = "planning", _("Who plans")
        VERSLAG = "verslag", _("Who reports")
        TIJD = "tijd", _("Time investment")
        BESLUITVORMING = "besluitvorming", _("How we decide")
        COMMUNICATIE = "communicatie", _("Communication")
        ANDERS = "anders", _("Other")

    praktijk = models.ForeignKey(Praktijk, on_delete=models.CASCADE, related_name="afspraken")
    onderwerp = models.CharField(_("topic"), max_length=20, choices=Onderwerp.choices)
    afspraak = models.TextField(_("agreement"))
    wie = models.CharField(_("who"), max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["onderwerp", "pk"]

    def __str__(self) -> str:
        return f"{self.get_onderwerp_display()}: {self.afspraak[:40]}"


class Uitnodiging(models.Model):
    """An invitation by email to join a practice with a role; used once, expires, revocable."""

    praktijk = models.ForeignKey(Praktijk, on_delete=models.CASCADE, related_name="uitnodigingen")
    email = models.EmailField(_("email address"))
    naam = models.CharField(_("name"), max_length=200, blank=True)
    rol = models.CharField(_("role"), max_length=20, choices=Rol.choices, default=Rol.LID)
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    token = models.CharField(max_length=64, unique=True)
    uitgenodigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    verloopt_op = models.DateTimeField()
    verstuurd_op = models.DateTimeField(null=True, blank=True)
    gebruikt_op = models.DateTimeField(null=True, blank=True)
    ingetrokken_op = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            # One open invitation per address per practice; used or revoked ones are history.
            models.UniqueConstraint(
                fields=["praktijk", "email"],
                condition=Q(gebruikt_op__isnull=True, ingetrokken_op__isnull=True),
                name="uitnodiging_een_open_per_adres",
            )
        ]

    def __str__(self) -> str:
        return self.email


class Genodigde(models.Model):
    """A person of the practice's network invited to a meeting, possibly as its planner or its
    minute-taker (one row per person and meeting), and which of its mails reached them.

    Lives in netwerk because praktijken (the meeting's app) knows no persons."""

    bijeenkomst = models.ForeignKey(
        Bijeenkomst, on_delete=models.CASCADE, related_name="genodigden"
    )
    persoon = models.ForeignKey(
        Persoon, on_delete=models.CASCADE, related_name="uitnodigingen_bijeenkomst"
    )
    is_planner = models.BooleanField(_("plans it"), default=False)
    is_notulist = models.BooleanField(_("writes the minutes"), default=False)
    # The calendar version (Bijeenkomst.ics_volgnummer) last mailed; None: not invited yet.
    volgnummer_verstuurd = models.PositiveIntegerField(null=True, blank=True)
    uitgenodigd_op = models.DateTimeField(_("invited"), null=True, blank=True)
    verslag_verstuurd_op = models.DateTimeField(_("minutes sent"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("invitee")
        verbose_name_plural = _("invitees")
        ordering = ["persoon__naam", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["bijeenkomst", "persoon"], name="genodigde_eenmaal_per_bijeenkomst"
            ),
            models.UniqueConstraint(
                fields=["bijeenkomst"],
                condition=Q(is_planner=True),
                name="genodigde_een_planner",
            ),
            models.UniqueConstraint(
                fields=["bijeenkomst"],
                condition=Q(is_notulist=True),
                name="genodigde_een_notulist",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.persoon} – {self.bijeenkomst}"
