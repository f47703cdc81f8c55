"""A programme's team reaches its programme, and only that; it is no member of a practice."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from praktijken.access import praktijk_get_for_user, programma_get_for_team, programmas_for_user
from tests.factories import PraktijkFactory, ProgrammaFactory, ProgrammaTeamlidFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_team_member_gets_own_programme_and_no_other():
    teamlid = ProgrammaTeamlidFactory(programma__slug="in-voor-mantelzorg")
    ProgrammaFactory(slug="ander-programma")

    assert programma_get_for_team(user=teamlid.user, slug="in-voor-mantelzorg") == teamlid.programma
    with pytest.raises(Http404):
        programma_get_for_team(user=teamlid.user, slug="ander-programma")
    assert list(programmas_for_user(user=teamlid.user)) == [teamlid.programma]


def test_outsider_and_anonymous_get_404():
    ProgrammaFactory(slug="in-voor-mantelzorg")
    with pytest.raises(Http404):
        programma_get_for_team(user=UserFactory(), slug="in-voor-mantelzorg")
    with pytest.raises(Http404):
        programma_get_for_team(user=AnonymousUser(), slug="in-voor-mantelzorg")


def test_team_member_is_no_member_of_the_programmes_practices():
    teamlid = ProgrammaTeamlidFactory()
    praktijk = PraktijkFactory(programma=teamlid.programma)
    with pytest.raises(Http404):
        praktijk_get_for_user(user=teamlid.user, slug=praktijk.slug)
