"""The demo programme "In voor mantelzorg-thuis": the demo practices and a team account that is
in no practice itself."""

from netwerk.models import User
from praktijken.models import Praktijk, Programma, ProgrammaTeamlid

PROGRAMMA_SLUG = "in-voor-mantelzorg-thuis"
TEAM_EMAIL = "team@invoormantelzorg.example"


DEMO_PRAKTIJKEN = ("stein", "ede")


def programma_load(*, praktijken: dict, users: dict[str, User]) -> Programma:
    """Create or update the programme, put the demo practices in it and its team account in
    its team."""
    programma, _created = Programma.objects.update_or_create(
        slug=PROGRAMMA_SLUG,
        defaults={
            "naam": "In voor mantelzorg-thuis",
            "beschrijving": (
                "Lerende praktijken in het hele land werken aan betere samenwerking tussen "
                "mantelzorgers, vrijwilligers en professionals, en leren van elkaar."
            ),
        },
    )
    Praktijk.objects.filter(pk__in=[praktijken[slug].pk for slug in DEMO_PRAKTIJKEN]).update(
        programma=programma
    )
    ProgrammaTeamlid.objects.get_or_create(programma=programma, user=users[TEAM_EMAIL])
    return programma
