"""The relationship round: every organisation's people say how well they know the others."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from netwerk.models import Organisatie, Persoon
from praktijken.models import Praktijk


class Stap(models.TextChoices):
    """The ladder of a tie, from not knowing each other to working together (in this order)."""

    KENNEN_NIET = "kennen_niet", _("We don't know them")
    WETEN_WIE = "weten_wie", _("We know who they are")
    CONTACT_GEHAD = "contact_gehad", _("We have had contact")
    WERKEN_SAMEN = "werken_samen", _("We work together now")


# The order of the ladder: a higher number is a closer tie.
STAP_NIVEAU = {stap: niveau for niveau, stap in enumerate(Stap.values)}


class RondeBasis(models.Model):
    """What every round of the network has: a title, a deadline, and when it closed. The
    relationship round and the interests round (belangenronde) share their machinery
    (relaties/rondes.py): personal links by e-mail, reminders, closing at the deadline."""

    praktijk = models.ForeignKey(Praktijk, on_delete=models.CASCADE, related_name="%(class)ss")
    titel = models.CharField(_("title"), max_length=200)
    geopend_op = models.DateTimeField(_("opened on"))
    sluit_op = models.DateTimeField(_("closes on"))
    gesloten_op = models.DateTimeField(_("closed on"), null=True, blank=True)
    # "Remind now" at most once an hour per round.
    nu_herinnerd_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-geopend_op", "-pk"]

    def __str__(self) -> str:
        return self.titel


class DeelnemerBasis(models.Model):
    """A person asked to answer a round for their organisation, with a personal secret link."""

    persoon = models.ForeignKey(
        Persoon, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    organisatie = models.ForeignKey(Organisatie, on_delete=models.CASCADE, related_name="+")
    naam = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    token = models.CharField(max_length=64, unique=True)
    uitgenodigd_op = models.DateTimeField(null=True, blank=True)
    laatst_herinnerd_op = models.DateTimeField(null=True, blank=True)
    herinneringen = models.PositiveSmallIntegerField(default=0)
    klaar_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["naam", "pk"]

    def __str__(self) -> str:
        return self.naam or self.email


class Relatieronde(RondeBasis):
    """One round of the relationship questions, sent to people of the network's organisations."""

    class Meta(RondeBasis.Meta):
        verbose_name = _("relationship round")
        verbose_name_plural = _("relationship rounds")


class RondeDeelnemer(DeelnemerBasis):
    """A person answering a relationship round for their organisation."""

    ronde = models.ForeignKey(Relatieronde, on_delete=models.CASCADE, related_name="deelnemers")

    class Meta(DeelnemerBasis.Meta):
        constraints = [
            models.UniqueConstraint(fields=["ronde", "persoon"], name="ronde_persoon_eenmaal")
        ]


class Belangenronde(RondeBasis):
    """A round in which every organisation reviews its interests (belangen): its people get a
    personal link to state them again or confirm they still hold. Each answer is a new version
    of the organisation's interests (netwerk.BelangenVersie), so "last discussed" moves."""

    class Meta(RondeBasis.Meta):
        verbose_name = _("interests round")
        verbose_name_plural = _("interests rounds")


class BelangenDeelnemer(DeelnemerBasis):
    """A person reviewing their organisation's interests in an interests round."""

    ronde = models.ForeignKey(Belangenronde, on_delete=models.CASCADE, related_name="deelnemers")

    class Meta(DeelnemerBasis.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["ronde", "persoon"], name="belangenronde_persoon_eenmaal"
            )
        ]


class RelatieAntwoord(models.Model):
    """What one person said about one other organisation in a round: never shown as such."""

    ronde = models.ForeignKey(Relatieronde, on_delete=models.CASCADE, related_name="antwoorden")
    deelnemer = models.ForeignKey(
        RondeDeelnemer, on_delete=models.CASCADE, related_name="antwoorden"
    )
    # The respondent's organisation at the time of answering, and the organisation answered about.
    van = models.ForeignKey(Organisatie, on_delete=models.CASCADE, related_name="+")
    over = models.ForeignKey(Organisatie, on_delete=models.CASCADE, related_name="+")
    stap = models.CharField(_("step"), max_length=20, choices=Stap)
    vertrouwen = models.PositiveSmallIntegerField(_("trust"), null=True, blank=True)
    waarde = models.PositiveSmallIntegerField(_("value"), null=True, blank=True)
    bijgewerkt_op = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["deelnemer", "over"], name="relatieantwoord_eenmaal"),
            models.CheckConstraint(
                condition=models.Q(vertrouwen__isnull=True)
                | models.Q(vertrouwen__gte=1, vertrouwen__lte=5),
                name="relatieantwoord_vertrouwen_1_5",
            ),
            models.CheckConstraint(
                condition=models.Q(waarde__isnull=True) | models.Q(waarde__gte=1, waarde__lte=5),
                name="relatieantwoord_waarde_1_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.van_id} → {self.over_id}: {self.stap}"


class Kaartpositie(models.Model):
    """Where an organisation stands on a round's map (0-1 both ways), computed once at closing:
    the previous round's positions are kept, so the map stays recognisable between rounds."""

    ronde = models.ForeignKey(Relatieronde, on_delete=models.CASCADE, related_name="posities")
    organisatie = models.ForeignKey(Organisatie, on_delete=models.CASCADE, related_name="+")
    x = models.FloatField()
    y = models.FloatField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["ronde", "organisatie"], name="kaartpositie_eenmaal")
        ]

    def __str__(self) -> str:
        return f"{self.organisatie_id}: ({self.x:.2f}, {self.y:.2f})"
