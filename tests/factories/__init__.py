from tests.factories.experimenten import ExperimentFactory, OpbrengstFactory, TussenstapFactory
from tests.factories.netwerk import (
    AfspraakFactory,
    DeelnameFactory,
    LidmaatschapFactory,
    OrganisatieFactory,
    PersoonFactory,
    UitnodigingFactory,
    UserFactory,
)
from tests.factories.praktijken import (
    BijeenkomstFactory,
    OntwerpvraagFactory,
    PraktijkFactory,
    VerhaalFactory,
)

__all__ = [
    "AfspraakFactory",
    "BijeenkomstFactory",
    "DeelnameFactory",
    "ExperimentFactory",
    "LidmaatschapFactory",
    "OntwerpvraagFactory",
    "OpbrengstFactory",
    "OrganisatieFactory",
    "PersoonFactory",
    "PraktijkFactory",
    "TussenstapFactory",
    "UitnodigingFactory",
    "UserFactory",
    "VerhaalFactory",
]
