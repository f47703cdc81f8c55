"""A programme with `stein` and `ede`, and `venlo` in another one; things each has shared or not.

`outsider` (a facilitator of ede) is in stein's programme here, so stein's shared items are
theirs to read; `venlo`'s facilitator is in another programme and reads none of them."""

import pytest
from django.utils import timezone

from experimenten.models import Experiment, Niveau, Opbrengst
from praktijken.models import Rol
from tests.factories import (
    ExperimentFactory,
    LidmaatschapFactory,
    OntwerpvraagFactory,
    OpbrengstFactory,
    PersoonFactory,
    PraktijkFactory,
    ProgrammaFactory,
    UserFactory,
    VerhaalFactory,
)


@pytest.fixture
def programma(praktijk, andere_praktijk):
    programma = ProgrammaFactory(slug="in-voor-mantelzorg-thuis", naam="In voor mantelzorg-thuis")
    for p in (praktijk, andere_praktijk):
        p.programma = programma
        p.save(update_fields=["programma"])
    return programma


@pytest.fixture
def venlo(db):
    """A practice in another programme."""
    return PraktijkFactory(
        slug="venlo",
        naam="Lerende praktijk Venlo",
        programma=ProgrammaFactory(slug="ander-programma", naam="Ander programma"),
    )


@pytest.fixture
def venlo_facilitator(venlo):
    user = UserFactory(email="facilitator@venlo.example")
    LidmaatschapFactory(praktijk=venlo, user=user, rol=Rol.FACILITATOR)
    return user


@pytest.fixture
def vraag(praktijk):
    return OntwerpvraagFactory(
        praktijk=praktijk, vraag="Hoe kunnen we huisartsen bewust maken van mantelzorgers?"
    )


@pytest.fixture
def gedeelde_les(vraag, eigen_organisatie):
    """Stein's shared experiment, owned by a person whose name must never leave stein."""
    return ExperimentFactory(
        ontwerpvraag=vraag,
        titel="Huisartsen bellen het steunpunt",
        niveau=Niveau.TUSSEN_PROFESSIONALS,
        status=Experiment.Status.AFGEROND,
        resultaat="Twaalf huisartsen doen mee.",
        lessen="Begin klein: één praktijkondersteuner is genoeg.",
        tip="Nodig de huisarts uit op de koffie, niet in een vergadering.",
        eigenaar=PersoonFactory(organisatie=eigen_organisatie, naam="Hanneke Eigenaar"),
        gedeeld_op=timezone.now(),
    )


@pytest.fixture
def ongedeelde_les(vraag):
    return ExperimentFactory(
        ontwerpvraag=vraag,
        titel="Geheim experiment in de keuken",
        niveau=Niveau.TUSSEN_PROFESSIONALS,
    )


@pytest.fixture
def gedeelde_opbrengst(gedeelde_les):
    return OpbrengstFactory(
        experiment=gedeelde_les,
        soort=Opbrengst.Soort.TOOL,
        beschrijving="Een kaartje met het nummer van het steunpunt.",
        gedeeld_op=timezone.now(),
    )


@pytest.fixture
def gedeeld_verhaal(praktijk, vraag):
    return VerhaalFactory(
        praktijk=praktijk,
        ontwerpvraag=vraag,
        titel="De buurvrouw die bleef",
        wat_werkte="De buurvrouw kwam elke dinsdag even langs.",
        meer_van="Buren die een oogje in het zeil houden.",
        verteller="Gerda Vertelster",
        wie_maakte_het_mogelijk="Wijkverpleegkundige Piet Mogelijk",
        gedeeld_op=timezone.now(),
    )


@pytest.fixture
def venlo_les(venlo):
    """A shared lesson of a practice in another programme."""
    return ExperimentFactory(
        ontwerpvraag=OntwerpvraagFactory(praktijk=venlo),
        titel="Venlo's eigen les",
        niveau=Niveau.TUSSEN_PROFESSIONALS,
        lessen="Alleen voor het andere programma.",
        gedeeld_op=timezone.now(),
    )
