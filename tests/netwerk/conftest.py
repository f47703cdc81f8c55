"""The network of `stein`: a district nurse, a GP practice, agreements; and one org of `ede`."""

import pytest

from netwerk.models import Groep, Levensdomein, Organisatie
from tests.factories import AfspraakFactory, DeelnameFactory, OrganisatieFactory, PersoonFactory


def domeinen(*codes: str) -> list[Levensdomein]:
    return [Levensdomein.objects.get_or_create(code=code)[0] for code in codes]


@pytest.fixture
def wijkverpleging(praktijk):
    """A district nursing organisation in the design group, with a district nurse."""
    organisatie = OrganisatieFactory(
        naam="Thuiszorg Westelijke Mijnstreek",
        soort=Organisatie.Soort.WIJKVERPLEGING,
        telefoon="046 400 20 00",
        wijken="Stein-Noord, Elsloo",
    )
    organisatie.levensdomeinen.set(domeinen("zorg"))
    DeelnameFactory(praktijk=praktijk, organisatie=organisatie, groep=Groep.ONTWERPGROEP)
    PersoonFactory(
        organisatie=organisatie,
        naam="Wendy Verbeek",
        functie="Wijkverpleegkundige",
        telefoon="06 11122233",
        email="wendy@thuiszorg.example",
        expertise="dementie, palliatieve zorg",
        bel_mij_voor="Zorg thuis die niet meer gaat, overbelaste mantelzorgers",
        is_contactpersoon=True,
    )
    return organisatie


@pytest.fixture
def huisarts(praktijk):
    """A GP practice in the core group, working on care and well-being in Berg."""
    organisatie = OrganisatieFactory(
        naam="Huisartsenpraktijk Berg", soort=Organisatie.Soort.HUISARTSENPRAKTIJK, wijken="Berg"
    )
    organisatie.levensdomeinen.set(domeinen("zorg", "welzijn"))
    DeelnameFactory(praktijk=praktijk, organisatie=organisatie, groep=Groep.KERNGROEP)
    PersoonFactory(
        organisatie=organisatie,
        naam="Hans Smeets",
        functie="Praktijkondersteuner",
        expertise="ouderenzorg",
        bel_mij_voor="Signalen van overbelasting",
    )
    return organisatie


@pytest.fixture
def ede_organisatie(andere_praktijk):
    """An organisation that takes part only in `ede`: never visible in `stein`."""
    organisatie = OrganisatieFactory(
        naam="Geheime Wijkverpleging Ede", soort=Organisatie.Soort.WIJKVERPLEGING, wijken="Berg"
    )
    DeelnameFactory(praktijk=andere_praktijk, organisatie=organisatie)
    PersoonFactory(
        organisatie=organisatie, naam="Ede Verpleegkundige", functie="Wijkverpleegkundige"
    )
    return organisatie


@pytest.fixture
def afspraak(praktijk):
    return AfspraakFactory(praktijk=praktijk, afspraak="De gemeente plant de bijeenkomsten.")
