"""The scoped getter of a practice (praktijken.access.praktijk_get_for_user): each process
compiles its statement once and fills in the user and the slug on every call, so the answer must
follow the user and the practice asked for, never those of an earlier call."""

import pytest
from django.http import Http404

from praktijken.access import praktijk_get_for_user
from praktijken.models import Rol


@pytest.mark.django_db
def test_each_user_gets_their_own_role_in_turn(praktijk, lid, kerngroeplid, facilitator, staff):
    for _ in range(2):  # the second round runs the statement compiled in the first
        for user, rol in [
            (lid, Rol.LID),
            (facilitator, Rol.FACILITATOR),
            (kerngroeplid, Rol.KERNGROEPLID),
            (staff, None),
        ]:
            toegang = praktijk_get_for_user(user=user, slug="stein")
            assert toegang.praktijk == praktijk
            assert toegang.praktijk.naam == "Lerende praktijk Stein"
            assert toegang.user == user
            assert toegang.rol == rol


@pytest.mark.django_db
def test_each_practice_gives_the_role_in_that_practice(praktijk, andere_praktijk, lid, outsider):
    assert praktijk_get_for_user(user=outsider, slug="ede").praktijk == andere_praktijk
    assert praktijk_get_for_user(user=outsider, slug="ede").rol == Rol.FACILITATOR
    assert praktijk_get_for_user(user=lid, slug="stein").rol == Rol.LID
    with pytest.raises(Http404):
        praktijk_get_for_user(user=outsider, slug="stein")
    with pytest.raises(Http404):
        praktijk_get_for_user(user=lid, slug="ede")


@pytest.mark.django_db
def test_unknown_slug_and_anonymous_get_404(praktijk, lid, staff):
    from django.contrib.auth.models import AnonymousUser

    for user in [lid, staff]:
        with pytest.raises(Http404):
            praktijk_get_for_user(user=user, slug="bestaat-niet")
    with pytest.raises(Http404):
        praktijk_get_for_user(user=AnonymousUser(), slug="stein")


@pytest.mark.usefixtures("login_read_every_time")
@pytest.mark.django_db
def test_one_statement_with_the_fields_of_the_practice(praktijk, lid, django_assert_num_queries):
    praktijk_get_for_user(user=lid, slug="stein")
    with django_assert_num_queries(1):
        toegang = praktijk_get_for_user(user=lid, slug="stein")
        assert toegang.praktijk.gemeente == "Stein"  # loaded, not deferred
        assert toegang.praktijk.created_at == praktijk.created_at  # converted on every database
