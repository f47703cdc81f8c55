import datetime
from decimal import Decimal

import factory

from experimenten.models import Experiment, Fase, Indicator, Meting, Niveau, Opbrengst, Tussenstap
from tests.factories.praktijken import OntwerpvraagFactory


class ExperimentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Experiment

    ontwerpvraag = factory.SubFactory(OntwerpvraagFactory)
    praktijk = factory.SelfAttribute("ontwerpvraag.praktijk")
    titel = factory.Sequence(lambda n: f"Experiment {n}")
    doel = "Mantelzorgers hoeven hun verhaal niet steeds opnieuw te doen."
    niveau = Niveau.TUSSEN_PROFESSIONALS
    fase = Fase.VERKENNEN
    status = Experiment.Status.LOOPT


class TussenstapFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tussenstap

    experiment = factory.SubFactory(ExperimentFactory)
    datum = datetime.date(2026, 3, 1)
    wat = "Eerste gesprek met de huisartsen."


class OpbrengstFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Opbrengst

    experiment = factory.SubFactory(ExperimentFactory)
    soort = Opbrengst.Soort.SAMENWERKING
    beschrijving = "Huisartsen en steunpunt bellen elkaar nu direct."


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    experiment = factory.SubFactory(ExperimentFactory)
    naam = factory.Sequence(lambda n: f"Verwijzingen naar het steunpunt {n}")
    eenheid = "verwijzingen"
    nulmeting = Decimal("10")
    streefwaarde = Decimal("30")


class MetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meting

    indicator = factory.SubFactory(IndicatorFactory)
    datum = datetime.date(2026, 3, 31)
    waarde = Decimal("14")
