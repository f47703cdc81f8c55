import datetime

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone

from netwerk.models import Afspraak, Deelname, Groep, Organisatie, Persoon, Uitnodiging, User
from praktijken.models import Lidmaatschap, Rol

PASSWORD = "een-goed-wachtwoord-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@voorbeeld.example")
    name = factory.Faker("name", locale="nl_NL")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified_email(self, create: bool, extracted, **kwargs) -> None:
        if create:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class OrganisatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisatie

    naam = factory.Sequence(lambda n: f"Organisatie {n}")
    soort = Organisatie.Soort.WELZIJN
    telefoon = "046 123 45 67"
    email = factory.Sequence(lambda n: f"info{n}@organisatie.example")
    plaats = "Stein"


class PersoonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Persoon

    naam = factory.Faker("name", locale="nl_NL")
    functie = "Mantelzorgconsulent"
    organisatie = factory.SubFactory(OrganisatieFactory)
    telefoon = "06 12345678"
    email = factory.Sequence(lambda n: f"persoon{n}@organisatie.example")


class DeelnameFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Deelname

    praktijk = factory.SubFactory("tests.factories.praktijken.PraktijkFactory")
    organisatie = factory.SubFactory(OrganisatieFactory)
    groep = Groep.ONTWERPGROEP
    belangen = "Mantelzorgers eerder in beeld krijgen."

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # As the data migration does for old rows: an organisation without an owner belongs to
        # the first practice it takes part in.
        organisatie = kwargs["organisatie"]
        if organisatie.eigenaar_id is None:
            organisatie.eigenaar = kwargs["praktijk"]
            organisatie.save(update_fields=["eigenaar"])
        return super()._create(model_class, *args, **kwargs)


class AfspraakFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Afspraak

    praktijk = factory.SubFactory("tests.factories.praktijken.PraktijkFactory")
    onderwerp = Afspraak.Onderwerp.PLANNING
    afspraak = "De gemeente plant de bijeenkomsten."


class LidmaatschapFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lidmaatschap

    praktijk = factory.SubFactory("tests.factories.praktijken.PraktijkFactory")
    user = factory.SubFactory(UserFactory)
    rol = Rol.LID


class UitnodigingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Uitnodiging

    praktijk = factory.SubFactory("tests.factories.praktijken.PraktijkFactory")
    email = factory.Sequence(lambda n: f"genodigde{n}@voorbeeld.example")
    rol = Rol.LID
    token = factory.Sequence(lambda n: f"token-{n:040d}")
    verloopt_op = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
