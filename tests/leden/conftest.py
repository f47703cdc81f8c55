"""Invitations of `stein`, and a way to read the link out of the invitation email."""

import datetime

import pytest
from django.utils import timezone

from praktijken.models import Rol
from tests.factories import UitnodigingFactory


@pytest.fixture
def uitnodiging(praktijk, facilitator):
    """An open invitation to `stein`, as a member, made by the facilitator."""
    return UitnodigingFactory(
        praktijk=praktijk,
        email="nieuw@zorg.example",
        naam="Noor Nieuw",
        rol=Rol.LID,
        uitgenodigd_door=facilitator,
    )


@pytest.fixture
def verlopen_uitnodiging(praktijk, facilitator):
    return UitnodigingFactory(
        praktijk=praktijk,
        email="laat@zorg.example",
        uitgenodigd_door=facilitator,
        verloopt_op=timezone.now() - datetime.timedelta(minutes=1),
    )
