"""A network of organisations in `stein` and a relationship round sent to one person of each."""

import datetime

import pytest
from django.utils import timezone

from netwerk.models import Groep
from relaties import services
from tests.factories import DeelnameFactory, OrganisatieFactory, PersoonFactory


def netwerk_maken(praktijk, aantal: int, personen_per_organisatie: int = 1):
    """`aantal` organisations (the first half in the core group), each with its people."""
    organisaties, personen = [], []
    for i in range(aantal):
        organisatie = OrganisatieFactory(naam=f"Organisatie {i:02d}")
        DeelnameFactory(
            praktijk=praktijk,
            organisatie=organisatie,
            groep=Groep.KERNGROEP if i < aantal // 2 else Groep.ONTWERPGROEP,
        )
        organisaties.append(organisatie)
        for j in range(personen_per_organisatie):
            personen.append(PersoonFactory(organisatie=organisatie, email=f"p{i}-{j}@org.example"))
    return organisaties, personen


@pytest.fixture
def netwerk(praktijk):
    return netwerk_maken(praktijk, 4)


@pytest.fixture
def ronde(praktijk, facilitator, netwerk, mailoutbox, django_capture_on_commit_callbacks):
    _organisaties, personen = netwerk
    with django_capture_on_commit_callbacks(execute=True):
        return services.ronde_create(
            praktijk=praktijk,
            by=facilitator,
            titel="Relatieronde 2026",
            sluit_op=timezone.now() + datetime.timedelta(days=14),
            personen=personen,
        )
