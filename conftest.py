"""Shared fixtures: a clean cache per test and the people who use the app."""

import contextlib
import datetime

import pytest
from django.core.cache import cache, caches

from config.templatetags.fragmenten import fragmenten_clear
from praktijken.models import Rol
from tests.factories import (
    DeelnameFactory,
    LidmaatschapFactory,
    OrganisatieFactory,
    PersoonFactory,
    PraktijkFactory,
    ProgrammaFactory,
    ProgrammaTeamlidFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def _clean_cache():
    # Rate limits and other cached state must not leak from one test into the next.
    _clear_cache()
    yield
    _clear_cache()


def _clear_cache() -> None:
    # A test that takes Redis away must still be able to finish.
    with contextlib.suppress(Exception):
        cache.clear()
    caches["proces"].clear()  # the worker's own memory (condities.selectors.sessies)
    fragmenten_clear()  # the layout's fragments ({% fragment %}: templates/base.html)


@pytest.fixture
def login_read_every_time(settings):
    """The login and the access check read the database on every request, as without Redis
    (AUTH_USERS_KEPT off): a page's query count is then its own, whichever request comes first.
    What a worker keeps is tested in tests/netwerk/test_kept_users.py and
    tests/praktijken/test_access_kept.py."""
    settings.AUTH_USERS_KEPT = False


@pytest.fixture
def user(db):
    return UserFactory(email="gebruiker@voorbeeld.example")


# Personas: the people a view is tested as. `stein` is the practice under test; `ede` is another.
# `programmateam` is in the team of stein's programme and a member of no practice.
PERSONAS = ["anonymous", "outsider", "lid", "kerngroeplid", "facilitator", "staff", "programmateam"]


@pytest.fixture
def praktijk(db):
    return PraktijkFactory(slug="stein", naam="Lerende praktijk Stein", gemeente="Stein")


@pytest.fixture
def andere_praktijk(db):
    return PraktijkFactory(slug="ede", naam="Lerende praktijk Ede", gemeente="Ede")


@pytest.fixture
def eigen_organisatie(praktijk):
    """The organisation the `lid` persona works for; it takes part in the practice."""
    organisatie = OrganisatieFactory(naam="Steunpunt Mantelzorg Stein")
    DeelnameFactory(praktijk=praktijk, organisatie=organisatie)
    return organisatie


def _member(praktijk, rol: str, email: str):
    user = UserFactory(email=email)
    LidmaatschapFactory(praktijk=praktijk, user=user, rol=rol)
    return user


@pytest.fixture
def facilitator(praktijk):
    return _member(praktijk, Rol.FACILITATOR, "facilitator@stein.example")


@pytest.fixture
def kerngroeplid(praktijk):
    return _member(praktijk, Rol.KERNGROEPLID, "kerngroeplid@stein.example")


@pytest.fixture
def lid(praktijk, eigen_organisatie):
    user = _member(praktijk, Rol.LID, "lid@stein.example")
    PersoonFactory(user=user, organisatie=eigen_organisatie, naam="Lotte Lid", email=user.email)
    return user


@pytest.fixture
def outsider(andere_praktijk):
    """A facilitator of another practice: sees nothing of `stein`."""
    return _member(andere_praktijk, Rol.FACILITATOR, "facilitator@ede.example")


@pytest.fixture
def programma(praktijk):
    """The programme `stein` belongs to (and `ede` does not)."""
    programma = ProgrammaFactory(slug="in-voor-mantelzorg", naam="In voor mantelzorg-thuis")
    praktijk.programma = programma
    praktijk.save(update_fields=["programma"])
    return programma


@pytest.fixture
def programmateam(programma):
    """In the team of stein's programme: reads the programme's pages, no page of a practice."""
    return ProgrammaTeamlidFactory(
        programma=programma, user=UserFactory(email="team@programma.example")
    ).user


@pytest.fixture
def staff(db):
    return UserFactory(email="programma@movisie.example", is_staff=True)


@pytest.fixture
def login_as(client, request):
    """Return a function that logs the test client in as a persona (or out, for anonymous)."""

    def _login(persona: str):
        client.logout()
        if persona != "anonymous":
            client.force_login(request.getfixturevalue(persona))
        return client

    return _login


@pytest.fixture
def sessie(praktijk, facilitator):
    """An open live workshop over the five conditions of the `praktijk`."""
    from condities import services
    from condities.models import Conditie

    nieuw = services.sessie_create(
        praktijk=praktijk,
        titel="Werkvorm najaar",
        datum=datetime.date(2026, 10, 1),
        modus="live",
        condities=Conditie.values,
        by=facilitator,
    )
    return services.sessie_open(sessie=nieuw, by=facilitator)
