"""A meeting, a design question and a story of `stein`, and the same of another practice."""

import datetime

import pytest
from django.utils import timezone

from praktijken.models import Bijeenkomst
from tests.factories import BijeenkomstFactory, OntwerpvraagFactory, VerhaalFactory


@pytest.fixture
def bijeenkomst(praktijk):
    return BijeenkomstFactory(
        praktijk=praktijk,
        titel="Ontwerpgroep april",
        soort=Bijeenkomst.Soort.ONTWERPGROEP,
        begint_op=timezone.now() + datetime.timedelta(days=10),
        planner="Anouk (gemeente)",
        notulist="Marloes (steunpunt)",
    )


@pytest.fixture
def ontwerpvraag(praktijk):
    return OntwerpvraagFactory(
        praktijk=praktijk, vraag="Hoe kunnen we huisartsen bewust maken van mantelzorgers?"
    )


@pytest.fixture
def verhaal(praktijk, facilitator):
    """A story added by the facilitator: not the `lid`'s own."""
    return VerhaalFactory(
        praktijk=praktijk, titel="De huisarts belde terug", created_by=facilitator
    )


@pytest.fixture
def andere_bijeenkomst(andere_praktijk):
    return BijeenkomstFactory(praktijk=andere_praktijk, titel="Geheime bijeenkomst Ede")


@pytest.fixture
def andere_ontwerpvraag(andere_praktijk):
    return OntwerpvraagFactory(praktijk=andere_praktijk, vraag="Hoe kunnen we in Ede iets?")


@pytest.fixture
def ander_verhaal(andere_praktijk):
    return VerhaalFactory(praktijk=andere_praktijk, titel="Geheim verhaal uit Ede")
