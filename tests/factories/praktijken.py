import datetime

import factory
from django.utils import timezone

from praktijken.models import (
    Bijeenkomst,
    Ontwerpvraag,
    Praktijk,
    Programma,
    ProgrammaTeamlid,
    Verhaal,
)


class ProgrammaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programma
        django_get_or_create = ("slug",)

    naam = factory.Sequence(lambda n: f"Programma {n}")
    slug = factory.Sequence(lambda n: f"programma-{n}")


class ProgrammaTeamlidFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammaTeamlid

    programma = factory.SubFactory(ProgrammaFactory)
    user = factory.SubFactory("tests.factories.netwerk.UserFactory")


class PraktijkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Praktijk
        django_get_or_create = ("slug",)

    naam = factory.Sequence(lambda n: f"Lerende praktijk {n}")
    slug = factory.Sequence(lambda n: f"praktijk-{n}")
    gemeente = factory.Faker("city", locale="nl_NL")
    kernthema = "Samen sterk op eigen wijze"
    ambitie = "Over vijf jaar hoeft geen mantelzorger zijn verhaal twee keer te doen."
    startdatum = datetime.date(2026, 1, 1)
    einddatum = datetime.date(2027, 8, 31)


class BijeenkomstFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bijeenkomst

    praktijk = factory.SubFactory(PraktijkFactory)
    titel = factory.Sequence(lambda n: f"Bijeenkomst {n}")
    soort = Bijeenkomst.Soort.ONTWERPGROEP
    begint_op = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    locatie = "Gemeentehuis"


class OntwerpvraagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ontwerpvraag

    praktijk = factory.SubFactory(PraktijkFactory)
    vraag = factory.Sequence(lambda n: f"Hoe kunnen we vraag {n} samen beantwoorden?")


class VerhaalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Verhaal

    praktijk = factory.SubFactory(PraktijkFactory)
    titel = factory.Sequence(lambda n: f"Verhaal {n}")
    wat_werkte = "De wijkverpleegkundige belde de mantelzorger zelf op."
