"""The data the attack tests aim at: one practice with one of everything, made when first used."""

import datetime
import secrets
from functools import cached_property

import pytest
from django.utils import timezone

from condities import services
from condities.models import Actie, Conditie, Inbreng, Sessie, Stelling
from mantelzorg import services as mantelzorg_services
from mantelzorg.models import Reactie
from netwerk.models import Uitnodiging
from netwerk.services import bevestiging_token_make
from praktijken.models import Lidmaatschap, Rol
from relaties.models import BelangenDeelnemer, Belangenronde, Relatieronde, RondeDeelnemer
from tests.factories import (
    ActieFactory,
    AfspraakFactory,
    BijeenkomstFactory,
    DeelnameFactory,
    ExperimentFactory,
    IndicatorFactory,
    LidmaatschapFactory,
    MetingFactory,
    OntwerpvraagFactory,
    OrganisatieFactory,
    PersoonFactory,
    UitnodigingFactory,
    UserFactory,
    VerhaalFactory,
)


class Wereld:
    """Practice `stein` with its personas and one object of every kind; `ede` is another one."""

    def __init__(self, request) -> None:
        self._request = request
        self.praktijk = request.getfixturevalue("praktijk")
        self.andere_praktijk = request.getfixturevalue("andere_praktijk")
        self.organisatie = request.getfixturevalue("eigen_organisatie")
        self.strategies: dict = {}  # the payload strategy of each target, built once

    def user(self, persona: str):
        return self._request.getfixturevalue(persona)

    # Practice
    @cached_property
    def ontwerpvraag(self):
        return OntwerpvraagFactory(praktijk=self.praktijk)

    @cached_property
    def andere_vraag(self):
        return OntwerpvraagFactory(praktijk=self.andere_praktijk)

    @cached_property
    def bijeenkomst(self):
        return BijeenkomstFactory(praktijk=self.praktijk)

    def nieuwe_bijeenkomst(self):
        """A meeting of its own for each request that calls it off."""
        return BijeenkomstFactory(praktijk=self.praktijk)

    @cached_property
    def verhaal(self):
        return VerhaalFactory(praktijk=self.praktijk, ontwerpvraag=self.ontwerpvraag)

    # Network
    @cached_property
    def deelname(self):
        return self.organisatie.deelnames.get(praktijk=self.praktijk)

    @cached_property
    def andere_organisatie(self):
        organisatie = OrganisatieFactory(naam="Welzijn Ede")
        DeelnameFactory(praktijk=self.andere_praktijk, organisatie=organisatie)
        return organisatie

    @cached_property
    def persoon(self):
        return PersoonFactory(organisatie=self.organisatie, naam="Piet Persoon")

    @cached_property
    def afspraak(self):
        return AfspraakFactory(praktijk=self.praktijk)

    def nieuwe_afspraak(self):
        return AfspraakFactory(praktijk=self.praktijk)

    @cached_property
    def lidmaatschap(self):
        """A member whose role the facilitator changes (not one of the personas)."""
        return LidmaatschapFactory(
            praktijk=self.praktijk, user=UserFactory(email="rol@stein.example"), rol=Rol.LID
        )

    def nieuw_lidmaatschap(self):
        return LidmaatschapFactory(praktijk=self.praktijk, user=UserFactory(), rol=Rol.LID)

    def nieuwe_uitnodiging(self, **kwargs):
        return UitnodigingFactory(praktijk=self.praktijk, token=secrets.token_urlsafe(32), **kwargs)

    _uitnodiging = None

    def open_uitnodiging(self) -> Uitnodiging:
        """An invitation for someone without an account; a new one once it has been used."""
        uitnodiging = self._uitnodiging
        if uitnodiging is not None:
            uitnodiging.refresh_from_db()
        if uitnodiging is None or uitnodiging.gebruikt_op or uitnodiging.ingetrokken_op:
            uitnodiging = self.nieuwe_uitnodiging(naam="Nieuwe Genodigde")
            self._uitnodiging = uitnodiging
        return uitnodiging

    @cached_property
    def bevestiging_token(self) -> str:
        return bevestiging_token_make(organisatie=self.organisatie)

    # Experiments
    @cached_property
    def experiment(self):
        experiment = ExperimentFactory(praktijk=self.praktijk, ontwerpvraag=self.ontwerpvraag)
        experiment.organisaties.add(self.organisatie)
        return experiment

    @cached_property
    def opbrengst(self):
        return self.experiment.opbrengsten.create(soort="tool", beschrijving="Een kaartje.")

    @cached_property
    def indicator(self):
        return IndicatorFactory(experiment=self.experiment)

    def nieuwe_indicator(self):
        return IndicatorFactory(experiment=self.experiment)

    def nieuwe_meting(self):
        return MetingFactory(indicator=self.indicator)

    # Conditions for collaboration
    def nieuwe_sessie(self, *, modus: str = Sessie.Modus.LIVE, open: bool = True) -> Sessie:
        sessie = services.sessie_create(
            praktijk=self.praktijk,
            titel="Werkvorm",
            datum=datetime.date(2026, 10, 1),
            modus=modus,
            condities=Conditie.values,
            by=self.user("facilitator"),
        )
        return services.sessie_open(sessie=sessie, by=self.user("facilitator")) if open else sessie

    @cached_property
    def sessie(self) -> Sessie:
        return self.nieuwe_sessie()

    @cached_property
    def papier_sessie(self) -> Sessie:
        return self.nieuwe_sessie(modus=Sessie.Modus.PAPIER)

    @cached_property
    def stellingen(self) -> list[Stelling]:
        return list(Stelling.objects.filter(set=self.sessie.stellingenset).order_by("pk"))

    def nieuwe_inbreng(self) -> Inbreng:
        """An open answer of the room, waiting for the facilitator."""
        return Inbreng.objects.create(
            sessie=self.sessie, conditie=Conditie.AMBITIE, soort="goed", tekst="We bellen elkaar."
        )

    @cached_property
    def inbreng_op_scherm(self) -> Inbreng:
        """An approved open answer: on the screen, to vote for and to merge into."""
        return Inbreng.objects.create(
            sessie=self.sessie,
            conditie=Conditie.AMBITIE,
            soort="goed",
            tekst="Korte lijnen met de huisarts.",
            status=Inbreng.Status.GOEDGEKEURD,
        )

    _actie = None

    def nieuwe_actie(self) -> Actie:
        """A fresh open next step of `stein` (one for every request that may remove it)."""
        return ActieFactory(sessie=self.sessie, tekst="Een nieuwe stap.")

    def open_actie(self) -> Actie:
        """An agreed next step that has not become an experiment yet."""
        actie = self._actie
        if actie is not None:
            actie.refresh_from_db()
        if actie is None or actie.experiment_id:
            actie = ActieFactory(
                sessie=self.sessie,
                conditie=Conditie.AMBITIE,
                soort=Actie.Soort.STAP,
                tekst="Samen een folder maken.",
            )
            self._actie = actie
        return actie

    @cached_property
    def checkin_token(self) -> str:
        sessie = services.checkin_create(
            praktijk=self.praktijk,
            by=self.user("facilitator"),
            titel="Check-in",
            datum=timezone.localdate(),
            condities=Conditie.values,
            stellingen=[],
            herinnering_na_dagen=7,
            ontvangers=[self.user("lid")],
        )
        return sessie.deelnemers.get().token

    # Carers' feedback
    def nieuwe_reactie(self) -> Reactie:
        return mantelzorg_services.reactie_create(
            praktijk=self.praktijk,
            wat_gaat_goed="De huisarts luisterde.",
            contact_toestemming=True,
            naam="Mies",
            email="mies@voorbeeld.example",
        )

    @cached_property
    def reactie(self) -> Reactie:
        return self.nieuwe_reactie()

    def lidmaatschap_van(self, persona: str) -> Lidmaatschap:
        return Lidmaatschap.objects.get(praktijk=self.praktijk, user=self.user(persona))

    @cached_property
    def uitnodiging(self) -> Uitnodiging:
        return self.nieuwe_uitnodiging()

    # Relationship rounds
    @cached_property
    def ander_organisatie(self):
        """A second organisation in stein's network, for the relationship round to ask about."""
        organisatie = OrganisatieFactory(naam="Bibliotheek Stein")
        DeelnameFactory(praktijk=self.praktijk, organisatie=organisatie)
        return organisatie

    def _nieuwe_ronde(self, model, deelnemer_model, titel: str):
        """An open round of either kind, with one invited participant of stein's organisation."""
        ronde = model.objects.create(
            praktijk=self.praktijk,
            titel=titel,
            geopend_op=timezone.now(),
            sluit_op=timezone.now() + datetime.timedelta(days=14),
        )
        deelnemer_model.objects.create(
            ronde=ronde,
            persoon=self.persoon,
            organisatie=self.organisatie,
            naam=self.persoon.naam,
            email="piet@voorbeeld.example",
            token=secrets.token_urlsafe(32),
            uitgenodigd_op=timezone.now(),
        )
        return ronde

    def nieuwe_ronde(self) -> Relatieronde:
        _ = self.ander_organisatie  # an organisation to answer about
        return self._nieuwe_ronde(Relatieronde, RondeDeelnemer, "Relatieronde")

    @cached_property
    def ronde(self) -> Relatieronde:
        return self.nieuwe_ronde()

    @cached_property
    def ronde_token(self) -> str:
        return self.ronde.deelnemers.get().token

    def nieuwe_belangenronde(self) -> Belangenronde:
        return self._nieuwe_ronde(Belangenronde, BelangenDeelnemer, "Belangenronde")

    @cached_property
    def belangenronde(self) -> Belangenronde:
        return self.nieuwe_belangenronde()

    @cached_property
    def belangenronde_token(self) -> str:
        return self.belangenronde.deelnemers.get().token

    @cached_property
    def checkin_sessie(self) -> Sessie:
        return Sessie.objects.get(deelnemers__token=self.checkin_token)

    def vullen(self) -> "Wereld":
        """Enough data for every page to show everything it can: answers, scores, a timeline."""
        answers = [1, 2, 3, 4, 5, None]
        for groep_nr in range(2):
            organisatie = OrganisatieFactory()
            DeelnameFactory(praktijk=self.praktijk, organisatie=organisatie)
            for i in range(6):
                deelnemer = services.deelnemer_join(
                    sessie=self.sessie, naam=f"Deelnemer {groep_nr}-{i}", organisatie=organisatie
                )
                for n, stelling in enumerate(self.stellingen):
                    services.antwoord_save(
                        deelnemer=deelnemer, stelling=stelling, score=answers[(n + i) % 6]
                    )
        services.sessie_reveal(
            sessie=self.sessie, condities=Conditie.values, by=self.user("facilitator")
        )
        gesloten = self.nieuwe_sessie()
        for i in range(6):
            deelnemer = services.deelnemer_join(sessie=gesloten, mantelzorger=True)
            for stelling in self.stellingen:
                services.antwoord_save(deelnemer=deelnemer, stelling=stelling, score=1 + i % 5)
        services.sessie_close(sessie=gesloten, by=self.user("facilitator"))
        self.open_actie()
        self.experiment.stappen.create(datum=datetime.date(2026, 3, 1), wat="Eerste gesprek.")
        self.experiment.opbrengsten.create(soort="tool", beschrijving="Een folder.")
        self.reactie.gedeeld_met_leden = True
        self.reactie.deelbaar = True
        self.reactie.save()
        _ = self.bijeenkomst, self.verhaal, self.afspraak, self.persoon, self.checkin_sessie
        return self

    def path_values(self, name: str) -> dict[str, str]:
        """Values for a URL pattern's parameters: real objects of `stein`, made-up tokens."""
        app, _, view = name.partition(":")
        objecten = {
            "praktijken": [
                ("bijeenkomst", "bijeenkomst"),
                ("ontwerpvraag", "ontwerpvraag"),
                ("verhaal", "verhaal"),
            ],
            "netwerk": [
                ("deelname", "deelname"),
                ("afspraak", "afspraak"),
                ("organisatie", "organisatie"),
                ("persoon_nieuw", "organisatie"),
                ("persoon", "persoon"),
                ("lid_", "lidmaatschap"),
                ("uitnodiging_", "uitnodiging"),
            ],
            "experimenten": [("", "experiment")],
            "condities": [
                ("checkin", "checkin_sessie"),
                ("bijeenkomst", "bijeenkomst"),
                ("", "sessie"),
            ],
            "mantelzorg": [("", "reactie")],
            "bibliotheek": [
                ("les", "experiment"),
                ("opbrengst", "opbrengst"),
                ("verhaal", "verhaal"),
            ],
            "relaties": [("belangen", "belangenronde"), ("", "ronde")],
        }
        values = {
            "slug": self.praktijk.slug,
            "praktijk": self.praktijk.slug,
            "code": "ONBEKEND",
            "token": "een-verzonnen-token",
            "key": "een-verzonnen-sleutel",
            "uidb36": "1",
            "app_label": "netwerk",
        }
        for prefix, attribuut in objecten.get(app, []):
            if view.startswith(prefix):
                values["pk"] = str(getattr(self, attribuut).pk)
                break
        if view in ("actie_experiment", "actie_bewerken", "actie_verwijderen", "actie_status"):
            values["actie_pk"] = str(self.open_actie().pk)
        if view == "opbrengst_delen":
            values["opbrengst_pk"] = str(self.opbrengst.pk)
        if app == "experimenten" and view.startswith(("indicator_", "meting_")):
            if view != "indicator_nieuw":
                values["indicator_pk"] = str(self.indicator.pk)
            if view == "meting_verwijderen":
                values["meting_pk"] = str(self.nieuwe_meting().pk)
        if view in ("inbreng_actie", "stem"):
            values["inbreng_pk"] = str(self.inbreng_op_scherm.pk)
        return values


@pytest.fixture
def wereld(request, praktijk, andere_praktijk, eigen_organisatie) -> Wereld:
    return Wereld(request)
