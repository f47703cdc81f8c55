"""What the access check found is kept per account and practice in the worker (praktijken.access;
issue #13): a member's next page makes no query for the practice and the role, and every change
to a membership, an account or the practice counts on the next request."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from config import versies
from netwerk.services.leden import lidmaatschap_change_role, lidmaatschap_remove
from praktijken.access import praktijk_get_for_user
from praktijken.models import Lidmaatschap, Rol
from praktijken.versie import ACCOUNTS, PRAKTIJKEN
from tests.factories import LidmaatschapFactory
from tests.pages import rendered

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def kept(settings):
    """As in production with Redis (the tests' local memory is one process too)."""
    settings.AUTH_USERS_KEPT = True


def dashboard(slug: str = "stein") -> str:
    return reverse("overzicht:dashboard", kwargs={"slug": slug})


PLAN = reverse("praktijken:bijeenkomst_nieuw", kwargs={"slug": "stein"})  # core group and up


def practice_queries(client, url: str, *present: str) -> int:
    """The queries of one page that read the practices table (the page must load)."""
    with CaptureQueriesContext(connection) as queries:
        rendered(client.get(url), *present)
    return sum('FROM "praktijken_praktijk"' in q["sql"] for q in queries.captured_queries)


def test_the_next_page_makes_no_query_for_the_practice_and_the_role(client, lid, praktijk):
    client.force_login(lid)
    assert practice_queries(client, dashboard(), praktijk.naam) > 0
    assert practice_queries(client, dashboard(), praktijk.naam) == 0
    # The role still decides: a member cannot plan a meeting, from memory too.
    assert client.get(PLAN).status_code == 403
    assert client.get(PLAN).status_code == 403


def test_a_membership_taken_away_counts_on_the_next_request(client, lid, facilitator, praktijk):
    client.force_login(lid)
    practice_queries(client, dashboard(), praktijk.naam)
    practice_queries(client, dashboard(), praktijk.naam)
    lidmaatschap_remove(lidmaatschap=Lidmaatschap.objects.get(user=lid), by=facilitator)
    assert client.get(dashboard()).status_code == 404


def test_a_role_taken_down_counts_on_the_next_request(client, kerngroeplid, facilitator, praktijk):
    client.force_login(kerngroeplid)
    assert client.get(PLAN).status_code == 200
    assert client.get(PLAN).status_code == 200  # from memory
    lidmaatschap = Lidmaatschap.objects.get(user=kerngroeplid)
    lidmaatschap_change_role(lidmaatschap=lidmaatschap, rol=Rol.LID, by=facilitator)
    assert client.get(PLAN).status_code == 403
    lidmaatschap_change_role(lidmaatschap=lidmaatschap, rol=Rol.KERNGROEPLID, by=facilitator)
    assert client.get(PLAN).status_code == 200


def test_a_membership_given_counts_on_the_next_request(client, outsider, praktijk):
    client.force_login(outsider)
    assert client.get(dashboard()).status_code == 404
    LidmaatschapFactory(praktijk=praktijk, user=outsider, rol=Rol.LID)
    rendered(client.get(dashboard()), praktijk.naam)


def test_staff_taken_away_loses_the_practices_it_is_no_member_of(client, staff, praktijk):
    client.force_login(staff)
    rendered(client.get(dashboard()), praktijk.naam)
    rendered(client.get(dashboard()), praktijk.naam)
    staff.is_staff = False
    staff.save()
    assert client.get(dashboard()).status_code == 404


def test_a_new_short_name_ends_the_old_address(client, lid, praktijk):
    client.force_login(lid)
    rendered(client.get(dashboard()), praktijk.naam)
    rendered(client.get(dashboard()), praktijk.naam)
    praktijk.slug = "stein-beek"
    praktijk.save()
    assert client.get(dashboard()).status_code == 404
    rendered(client.get(dashboard("stein-beek")), praktijk.naam)


def test_a_deleted_practice_is_gone_on_the_next_request(client, lid, praktijk):
    client.force_login(lid)
    rendered(client.get(dashboard()), praktijk.naam)
    rendered(client.get(dashboard()), praktijk.naam)
    praktijk.delete()
    assert client.get(dashboard()).status_code == 404


def test_what_one_account_was_given_never_reaches_another(lid, outsider, praktijk):
    for _ in range(2):
        assert praktijk_get_for_user(user=lid, slug="stein").rol == Rol.LID
        with pytest.raises(Http404):
            praktijk_get_for_user(user=outsider, slug="stein")


def test_each_request_gets_its_own_practice(lid, praktijk):
    gezien = []
    for _ in range(3):  # found, then twice from memory
        toegang = praktijk_get_for_user(user=lid, slug="stein")
        assert toegang.praktijk.naam == "Lerende praktijk Stein"
        assert toegang.user == lid and toegang.rol == Rol.LID
        assert all(toegang.praktijk is not eerder for eerder in gezien)
        toegang.praktijk.naam = "Door een formulier veranderd, niet bewaard"
        gezien.append(toegang.praktijk)


def test_lost_versions_read_the_database_again(client, lid, praktijk):
    client.force_login(lid)
    practice_queries(client, dashboard(), praktijk.naam)
    for key in (ACCOUNTS.key(lid.pk), PRAKTIJKEN.key(praktijk.pk)):
        cache.delete(key)  # evicted, or Redis restarted
        assert practice_queries(client, dashboard(), praktijk.naam) > 0
        assert practice_queries(client, dashboard(), praktijk.naam) == 0


def test_with_the_cache_unreadable_every_request_asks_the_database(
    client, lid, praktijk, monkeypatch
):
    client.force_login(lid)
    practice_queries(client, dashboard(), praktijk.naam)

    def kapot(*args, **kwargs):
        raise ConnectionError("cache away")

    monkeypatch.setattr(versies.cache, "get", kapot)
    monkeypatch.setattr(cache, "get_many", kapot)
    assert practice_queries(client, dashboard(), praktijk.naam) > 0
    assert practice_queries(client, dashboard(), praktijk.naam) > 0


def test_a_membership_moved_to_another_account_leaves_the_first(client, lid, outsider, praktijk):
    client.force_login(lid)
    rendered(client.get(dashboard()), praktijk.naam)
    rendered(client.get(dashboard()), praktijk.naam)
    lidmaatschap = Lidmaatschap.objects.get(user=lid)
    lidmaatschap.user = outsider  # as the admin's form can
    lidmaatschap.save()
    assert client.get(dashboard()).status_code == 404
    client.force_login(outsider)
    rendered(client.get(dashboard()), praktijk.naam)


def test_editing_the_practice_writes_only_its_own_fields(client, facilitator, praktijk, programma):
    """The practice came from the worker's memory: a change to its other fields that did not
    reach it (an update() without signals) is not written back by the edit."""
    client.force_login(facilitator)
    bewerken = reverse("praktijken:bewerken", kwargs={"slug": "stein"})
    rendered(client.get(bewerken), praktijk.naam)
    type(praktijk).objects.filter(pk=praktijk.pk).update(programma=None)
    response = client.post(
        bewerken,
        {
            "naam": "Lerende praktijk Stein-Beek",
            "gemeente": "Stein",
            "kernthema": praktijk.kernthema,
            "ambitie": praktijk.ambitie,
            "status": praktijk.status,
            "privacy_email": "privacy@stein.example",
        },
    )
    assert response.status_code == 302
    praktijk.refresh_from_db()
    assert praktijk.naam == "Lerende praktijk Stein-Beek"
    assert praktijk.privacy_email == "privacy@stein.example"
    assert praktijk.programma_id is None
