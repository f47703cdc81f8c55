import factory
from django.utils import timezone

from condities.models import Conditie
from mantelzorg.models import MantelzorgFormulier, MantelzorgMelding, Reactie, ReactieConditie
from tests.factories.netwerk import UserFactory
from tests.factories.praktijken import PraktijkFactory


class MantelzorgFormulierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MantelzorgFormulier
        django_get_or_create = ("praktijk",)

    praktijk = factory.SubFactory(PraktijkFactory)
    is_open = True
    intro = ""


class ReactieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reactie

    praktijk = factory.SubFactory(PraktijkFactory)
    wat_gaat_goed = factory.Sequence(lambda n: f"De huisarts luisterde echt ({n}).")
    kan_beter = "Ik moest mijn verhaal drie keer vertellen."
    keer_verteld = 3


class ReactieConditieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReactieConditie
        django_get_or_create = ("reactie", "conditie")

    reactie = factory.SubFactory(ReactieFactory)
    conditie = Conditie.RELATIE


class MantelzorgMeldingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MantelzorgMelding
        django_get_or_create = ("user",)

    user = factory.SubFactory(UserFactory)
    gemaild_op = factory.LazyFunction(timezone.now)
