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
    "OntwerpvraagFactory",
    "OpbrengstFactory",
    "OpenVraagFactory",
    "OrganisatieFactory",
    "PapierTellingFactory",
    "PersoonFactory",
    "PraktijkFactory",
    "SessieFactory",
    "StellingFactory",
    "StellingensetFactory",
    "TussenstapFactory",
    "UitnodigingFactory",
    "UserFactory",
    "VerhaalFactory",
]
