"""A worker keeps the accounts it loads (netwerk.backends; issue #13): a member's next page makes
no query for the account, and every change to the account still counts on the next request."""

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from config import versies
from netwerk.backends import ModelBackend
from praktijken.versie import ACCOUNTS
from tests.factories.netwerk import PASSWORD
from tests.pages import rendered

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("overzicht:dashboard", kwargs={"slug": "stein"})
LOGIN = reverse("account_login")


@pytest.fixture(autouse=True)
def kept(settings):
    """As in production with Redis (the quick start's local memory is one process too)."""
    settings.AUTH_USERS_KEPT = True


def account_queries(client, url: str = DASHBOARD, *present: str) -> tuple[int, str]:
    """The queries of one page that read the account table, and the page."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    page = rendered(response, *present)
    return sum('FROM "netwerk_user"' in q["sql"] for q in queries.captured_queries), page


def sent_to_login(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(LOGIN)


def test_the_next_page_of_a_member_reads_no_account(client, lid, praktijk):
    client.force_login(lid)
    eerst, _ = account_queries(client, DASHBOARD, praktijk.naam)
    daarna, page = account_queries(client, DASHBOARD, praktijk.naam)
    assert (eerst, daarna) == (1, 0)
    assert "Uitloggen" in page  # still logged in, as this member


def test_a_login_through_the_form_is_kept_too(client, lid, praktijk):
    assert client.post(LOGIN, {"login": lid.email, "password": PASSWORD}).status_code == 302
    assert client.session[BACKEND_SESSION_KEY].startswith("netwerk.backends.")
    account_queries(client, DASHBOARD, praktijk.naam)
    assert account_queries(client, DASHBOARD, praktijk.naam)[0] == 0


def test_without_a_shared_cache_every_page_reads_the_account(client, lid, praktijk, settings):
    settings.AUTH_USERS_KEPT = False
    client.force_login(lid)
    account_queries(client, DASHBOARD, praktijk.naam)
    assert account_queries(client, DASHBOARD, praktijk.naam)[0] == 1


def test_an_account_switched_off_is_logged_out_on_its_next_request(client, lid, praktijk):
    client.force_login(lid)
    account_queries(client, DASHBOARD, praktijk.naam)
    lid.is_active = False
    lid.save()
    assert sent_to_login(client.get(DASHBOARD))


def test_a_password_changed_elsewhere_ends_the_login(client, lid, praktijk):
    client.force_login(lid)
    account_queries(client, DASHBOARD, praktijk.naam)
    lid.set_password("een heel ander wachtwoord 42")
    lid.save()
    assert sent_to_login(client.get(DASHBOARD))
    assert SESSION_KEY not in client.session


def test_a_deleted_account_is_logged_out(client, lid, praktijk):
    client.force_login(lid)
    account_queries(client, DASHBOARD, praktijk.naam)
    lid.delete()
    assert sent_to_login(client.get(DASHBOARD))


def test_a_change_to_the_account_shows_on_the_next_page(client, lid, praktijk):
    client.force_login(lid)
    _, page = account_queries(client, DASHBOARD, praktijk.naam)
    assert reverse("admin:index") not in page
    lid.is_staff = True
    lid.save()
    queries, page = account_queries(client, DASHBOARD, praktijk.naam)
    assert queries == 1  # loaded again
    assert reverse("admin:index") in page


def test_a_lost_version_loads_the_account_again(client, lid, praktijk):
    client.force_login(lid)
    account_queries(client, DASHBOARD, praktijk.naam)
    cache.delete(ACCOUNTS.key(lid.pk))  # evicted, or Redis restarted
    assert account_queries(client, DASHBOARD, praktijk.naam)[0] == 1
    assert account_queries(client, DASHBOARD, praktijk.naam)[0] == 0


def test_with_the_cache_unreadable_the_account_comes_from_the_database(
    client, lid, praktijk, monkeypatch
):
    client.force_login(lid)
    account_queries(client, DASHBOARD, praktijk.naam)

    def kapot(*args, **kwargs):
        raise ConnectionError("cache away")

    monkeypatch.setattr(versies.cache, "get", kapot)
    assert account_queries(client, DASHBOARD, praktijk.naam)[0] == 1
    assert account_queries(client, DASHBOARD, praktijk.naam)[0] == 1


def test_each_request_gets_its_own_copy_of_the_account(lid):
    backend = ModelBackend()
    eerste = backend.get_user(lid.pk)
    eerste.name = "Door een verzoek veranderd"
    eerste._perm_cache = {"iets.mag"}
    tweede = backend.get_user(lid.pk)
    assert tweede.pk == lid.pk and tweede is not eerste
    assert tweede.name == lid.name
    assert not hasattr(tweede, "_perm_cache")
    derde = backend.get_user(lid.pk)
    assert derde is not tweede and derde.email == lid.email


def test_a_session_made_under_the_old_backend_path_ends(client, lid, praktijk):
    # Sessions from before the change name Django's own path: they log in again once.
    session = client.session
    session[SESSION_KEY] = str(lid.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = lid.get_session_auth_hash()
    session.save()
    assert sent_to_login(client.get(DASHBOARD))
    # The same session under the current path is a login.
    session[BACKEND_SESSION_KEY] = "netwerk.backends.ModelBackend"
    session.save()
    rendered(client.get(DASHBOARD), praktijk.naam)


def test_a_password_change_writes_only_the_password(client, staff, praktijk):
    """The request's account is a copy a worker keeps: a change that did not reach it (here an
    update() without signals, as a lost new version would leave it) is never written back."""
    assert client.post(LOGIN, {"login": staff.email, "password": PASSWORD}).status_code == 302
    rendered(client.get(DASHBOARD), praktijk.naam)  # kept with is_staff
    type(staff).objects.filter(pk=staff.pk).update(is_staff=False, name="Door de beheerder")
    response = client.post(
        reverse("account_change_password"),
        {
            "oldpassword": PASSWORD,
            "password1": "een nieuw lang wachtwoord 42",
            "password2": "een nieuw lang wachtwoord 42",
        },
    )
    assert response.status_code == 302
    staff.refresh_from_db()
    assert staff.check_password("een nieuw lang wachtwoord 42")
    assert staff.is_staff is False and staff.name == "Door de beheerder"


def test_a_version_that_cannot_be_written_is_logged(lid, monkeypatch, caplog):
    monkeypatch.setattr(versies, "_write", lambda key, versie: False)
    with caplog.at_level("ERROR", logger="config.versies"):
        ACCOUNTS.bump(lid.pk)
    assert f"could not give account {lid.pk} a new version" in caplog.text
