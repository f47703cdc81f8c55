"""Shared helpers for the carers' feedback tests: addresses, a valid form, a reaction factory."""

import time

import factory
from django.urls import reverse

from condities.forms_mantelzorg import tijdstempel
from condities.models import Reactie
from tests.factories import PraktijkFactory


def url(name: str, slug: str = "stein", **kwargs) -> str:
    return reverse(f"condities:{name}", kwargs={"slug": slug, **kwargs})


def formulier_data(praktijk, *, seconden_geleden: float = 60, **velden) -> dict:
    """A form as a person sends it: shown a minute ago, one appreciative answer filled in."""
    data = {
        "wat_gaat_goed": "De wijkverpleegkundige belde mij terug.",
        "meer_van": "",
        "kan_beter": "",
        "keer_verteld": "",
        "relatie": "",
        "experiment": "",
        "naam": "",
        "email": "",
        "telefoon": "",
        "website": "",
        "begonnen": tijdstempel(praktijk_id=praktijk.pk, op=time.time() - seconden_geleden),
    }
    data.update(velden)
    return data


class ReactieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reactie

    praktijk = factory.SubFactory(PraktijkFactory)
    wat_gaat_goed = factory.Sequence(lambda n: f"De huisarts luisterde echt ({n}).")
    kan_beter = "Ik moest mijn verhaal drie keer vertellen."
    keer_verteld = 3
