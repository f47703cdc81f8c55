from tests.factories.experimenten import ExperimentFactory, OpbrengstFactory, TussenstapFactory
from tests.factories.mantelzorg import (
    MantelzorgFormulierFactory,
    MantelzorgMeldingFactory,
    ReactieConditieFactory,
    ReactieFactory,
)
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
    "MantelzorgFormulierFactory",
    "MantelzorgMeldingFactory",
    "OntwerpvraagFactory",
    "OpbrengstFactory",
    "OrganisatieFactory",
    "PersoonFactory",
    "PraktijkFactory",
    "ReactieConditieFactory",
    "ReactieFactory",
    "TussenstapFactory",
    "UitnodigingFactory",
    "UserFactory",
    "VerhaalFactory",
]
