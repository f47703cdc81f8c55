from tests.factories.condities import (
    ActieFactory,
    AntwoordFactory,
    ConditieScoreFactory,
    DeelnemerFactory,
    OpenVraagFactory,
    PapierTellingFactory,
    SessieFactory,
    StellingensetFactory,
    StellingFactory,
)
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
    "ActieFactory",
    "AfspraakFactory",
    "AntwoordFactory",
    "BijeenkomstFactory",
    "ConditieScoreFactory",
    "DeelnameFactory",
    "DeelnemerFactory",
    "ExperimentFactory",
    "LidmaatschapFactory",
    "MantelzorgFormulierFactory",
    "MantelzorgMeldingFactory",
    "OntwerpvraagFactory",
    "OpbrengstFactory",
    "OpenVraagFactory",
    "OrganisatieFactory",
    "PapierTellingFactory",
    "PersoonFactory",
    "PraktijkFactory",
    "ReactieConditieFactory",
    "ReactieFactory",
    "SessieFactory",
    "StellingFactory",
    "StellingensetFactory",
    "TussenstapFactory",
    "UitnodigingFactory",
    "UserFactory",
    "VerhaalFactory",
]
