import pytest

from condities import services
from condities.models import Conditie, Stelling
from tests.factories import DeelnameFactory, OrganisatieFactory


@pytest.fixture
def stellingen(sessie):
    return {
        code: list(Stelling.objects.filter(set=sessie.stellingenset, conditie=code))
        for code in Conditie.values
    }


@pytest.fixture
def maak_deelnemers(sessie, praktijk):
    """Create n participants of a (new) organisation in the given group of the practice."""

    def _maak(n: int, *, groep: str = "ontwerpgroep", naam: str | None = None):
        organisatie = OrganisatieFactory(**({"naam": naam} if naam else {}))
        DeelnameFactory(praktijk=praktijk, organisatie=organisatie, groep=groep)
        return [
            services.deelnemer_join(sessie=sessie, naam=f"Deelnemer {i}", organisatie=organisatie)
            for i in range(n)
        ]

    return _maak
