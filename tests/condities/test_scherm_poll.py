"""The screen's poll without the database: a browser that passed the full access check for a
screen a moment ago gets the kept stage straight away (condities.scherm_cache); nobody else does,
and the full check comes back within RECHECK_SECONDS."""

import time
from unittest import mock

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from condities import scherm_cache, services, views_scherm
from condities.models import Conditie
from condities.services import inbreng as inbreng_services
from praktijken.models import Lidmaatschap
from tests.condities.test_scherm_queries import HTMX, fill, on_screen

pytestmark = pytest.mark.django_db


def url(sessie, slug: str = "stein") -> str:
    return reverse("condities:scherm", args=[slug, sessie.pk])


@pytest.fixture
def scherm(client, facilitator, sessie, stellingen, praktijk):
    """The projector: logged in as the facilitator, the screen on Ambitie, one poll done."""
    fill(sessie, stellingen, praktijk, 3)
    on_screen(sessie, Conditie.AMBITIE)
    client.force_login(facilitator)
    assert client.get(url(sessie)).status_code == 200
    assert client.get(url(sessie), headers=HTMX).status_code == 200
    return client


def test_a_poll_soon_after_the_full_check_needs_no_database(
    scherm, sessie, django_assert_max_num_queries
):
    eerste = scherm.get(url(sessie), headers=HTMX)
    with django_assert_max_num_queries(0):
        poll = scherm.get(url(sessie), headers=HTMX)
    assert poll.status_code == 200
    assert poll.text == eerste.text and "3 mensen hebben geantwoord." in poll.text
    assert "<html" not in poll.text
    assert "no-store" in poll["Cache-Control"] and "HX-Request" in poll["Vary"]


def _role_taken_away(user) -> None:
    """As the members page and the admin do it: a save, which the access check sees at once."""
    lidmaatschap = Lidmaatschap.objects.get(user=user)
    lidmaatschap.rol = "lid"
    lidmaatschap.save()


def test_the_page_itself_always_does_the_full_check(scherm, sessie, facilitator):
    _role_taken_away(facilitator)
    assert scherm.get(url(sessie)).status_code == 403


@pytest.mark.parametrize(("persona", "status"), [("lid", 403), ("outsider", 404)])
def test_another_browser_gets_nothing_from_it(scherm, sessie, login_as, persona, status):
    assert login_as(persona).get(url(sessie), headers=HTMX).status_code == status


def test_without_a_login_or_with_a_made_up_cookie_it_is_the_login_page(scherm, sessie):
    for cookie in (None, "x" * 32):
        browser = Client()
        if cookie:
            browser.cookies["sessionid"] = cookie
        response = browser.get(url(sessie), headers=HTMX)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login") + "?next=")


def test_it_is_for_that_screen_only(scherm, sessie, andere_praktijk):
    # The same session number under another practice's address: the full check, not found.
    assert scherm.get(url(sessie, slug=andere_praktijk.slug), headers=HTMX).status_code == 404


def test_logging_out_ends_it(scherm, sessie):
    scherm.logout()
    response = scherm.get(url(sessie), headers=HTMX)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_role_taken_away_reaches_the_screen_within_the_recheck(scherm, sessie, facilitator):
    _role_taken_away(facilitator)
    assert scherm.get(url(sessie), headers=HTMX).status_code == 200  # within the moment
    later = time.time() + scherm_cache.RECHECK_SECONDS + 1
    with mock.patch("time.time", return_value=later):
        assert scherm.get(url(sessie), headers=HTMX).status_code == 403


def test_a_new_stage_or_a_reveal_shows_at_the_next_poll(scherm, sessie, facilitator):
    assert "4,0" not in scherm.get(url(sessie), headers=HTMX).text

    services.sessie_reveal(sessie=sessie, by=facilitator, condities=[Conditie.AMBITIE])
    assert 'class="lp-scherm__gemiddelde"' in scherm.get(url(sessie), headers=HTMX).text

    actie = reverse("condities:scherm_actie", args=["stein", sessie.pk])
    scherm.post(actie, {"actie": "volgende", "terug": "bediening"})
    assert 'data-stap="gesprek-ambitie"' in scherm.get(url(sessie), headers=HTMX).text

    # An open answer approved, and a vote for it, show at the next poll too.
    deelnemer = services.deelnemer_join(sessie=sessie, naam="Mies")
    inbreng = inbreng_services.inbreng_add(
        deelnemer=deelnemer, conditie="ambitie", soort="goed", tekst="Korte lijnen"
    )
    assert "Korte lijnen" not in scherm.get(url(sessie), headers=HTMX).text
    inbreng_services.inbreng_moderate(inbreng=inbreng, status="goedgekeurd", by=facilitator)
    assert "Korte lijnen" in scherm.get(url(sessie), headers=HTMX).text
    inbreng_services.stem_toggle(deelnemer=deelnemer, inbreng=inbreng)
    assert "1 stem<" in scherm.get(url(sessie), headers=HTMX).text


def test_the_kept_stage_is_fresh_for_a_moment_only(scherm, sessie, stellingen, praktijk):
    fill(sessie, stellingen, praktijk, 3)  # three more people answer
    assert "3 mensen hebben geantwoord." in scherm.get(url(sessie), headers=HTMX).text
    cache.clear()  # as when LIVE_MAX_AGE has passed (the results are shared that long too)
    assert "6 mensen hebben geantwoord." in scherm.get(url(sessie), headers=HTMX).text


def test_a_poll_does_the_full_check_when_the_cache_is_away(scherm, sessie):
    # As config.cache.ResilientRedisCache behaves while Redis is away: reads miss, writes are
    # dropped (the login session then comes from the database).
    with (
        mock.patch.object(cache, "get_many", return_value={}),
        mock.patch.object(cache, "get", return_value=None),
        mock.patch.object(cache, "set", return_value=None),
    ):
        poll = scherm.get(url(sessie), headers=HTMX)
    assert poll.status_code == 200 and "3 mensen hebben geantwoord." in poll.text


@pytest.mark.parametrize("kept", [{"testserver": ("a", 1.0)}, ["x"], "html", {"testserver": 5}])
def test_a_kept_stage_of_another_shape_is_rendered_again_not_a_500(scherm, sessie, kept):
    # As when pods of two releases share the cache during a rolling update.
    cache.set(scherm_cache.stap_key(sessie.pk, "nl"), kept)
    response = scherm.get(url(sessie), headers=HTMX)
    assert response.status_code == 200 and 'data-stap="ambitie"' in response.text


def test_the_kept_stage_holds_a_few_hosts_only(scherm, sessie, settings):
    settings.ALLOWED_HOSTS = ["*"]
    for poort in range(1, 21):  # someone trying twenty hosts within the moment
        assert (
            scherm.get(url(sessie), headers=HTMX, HTTP_HOST=f"testserver:{poort}").status_code
            == 200
        )
    kept = cache.get(scherm_cache.stap_key(sessie.pk, "nl"))
    assert len(kept) == views_scherm.HOSTS_KEPT
    assert "testserver:20" in kept  # the newest stays
    response = scherm.get(url(sessie), headers=HTMX)
    assert response.status_code == 200 and 'data-stap="ambitie"' in response.text
