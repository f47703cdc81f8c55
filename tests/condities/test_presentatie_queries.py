"""The live session under load: the presenter's fragment and saving an answer stay cheap.

The fragment does a fixed number of queries and shows the right numbers with 10 or 300 people;
the presenter's poll can share its results for a moment; an answer costs a fixed few queries.
"""

import json
import re
import time
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from condities import selectors, services
from condities.models import Antwoord, Conditie, Deelnemer, Respondentgroep
from condities.selectors import resultaten
from tests.factories import (
    AntwoordFactory,
    DeelnameFactory,
    DeelnemerFactory,
    OrganisatieFactory,
)

pytestmark = pytest.mark.django_db

# The whole request, the same at any size: session, user, practice and role, the session, its
# statements (2), participant counts, the answers, paper tallies, and the released state (read;
# on a step also a savepoint, the row lock, the write and the release).
MAX_QUERIES = 14
HTMX = {"HX-Request": "true"}


def score_for(i: int, conditie: str, j: int) -> int | None:
    """Participant i's answer to the j-th statement of a condition ("weet ik niet" is None)."""
    if conditie == Conditie.AMBITIE:
        return 5 if i % 3 else 2  # two in three say 5, one in three says 2: mean 4.0
    if conditie == Conditie.PROCES and j == 0 and i % 10 == 0:
        return None
    return 1 + (i + j) % 5


def fill(sessie, stellingen, praktijk, n: int) -> list[Deelnemer]:
    """n participants from three organisations (kerngroep and ontwerpgroep), all answers given."""
    organisaties = []
    for naam, groep in (
        ("Welzijn", "kerngroep"),
        ("Thuiszorg", "ontwerpgroep"),
        ("GGZ", "kerngroep"),
    ):
        organisatie = OrganisatieFactory(naam=f"{naam} {n}")
        DeelnameFactory(praktijk=praktijk, organisatie=organisatie, groep=groep)
        organisaties.append((organisatie, groep))
    nu = timezone.now()
    # Built by the factories, stored in two queries: 300 people must not take 300 INSERTs.
    deelnemers = Deelnemer.objects.bulk_create(
        DeelnemerFactory.build(
            sessie=sessie,
            naam=f"Deelnemer {i}",
            organisatie=organisaties[i % 3][0],
            groep=Respondentgroep(organisaties[i % 3][1]),
            klaar_op=nu if i % 3 == 0 else None,
        )
        for i in range(n)
    )
    Antwoord.objects.bulk_create(
        AntwoordFactory.build(deelnemer=deelnemer, stelling=stelling, score=score_for(i, code, j))
        for i, deelnemer in enumerate(deelnemers)
        for code, per_conditie in stellingen.items()
        for j, stelling in enumerate(per_conditie)
    )
    return deelnemers


def fragment_url(sessie) -> str:
    return reverse("condities:presentatie", kwargs={"slug": sessie.praktijk.slug, "pk": sessie.pk})


@pytest.mark.parametrize("n", [10, 300])
def test_presenter_fragment_does_a_fixed_number_of_queries(
    n, client, facilitator, sessie, stellingen, praktijk, django_assert_max_num_queries
):
    fill(sessie, stellingen, praktijk, n)
    services.sessie_reveal(sessie=sessie, by=facilitator, condities=Conditie.values)
    client.force_login(facilitator)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(fragment_url(sessie), headers=HTMX)
    assert response.status_code == 200
    assert 'id="live"' in response.text
    assert "<html" not in response.text


def test_presenter_fragment_shows_the_right_numbers_with_300_participants(
    client, facilitator, sessie, stellingen, praktijk
):
    fill(sessie, stellingen, praktijk, 300)
    services.sessie_reveal(sessie=sessie, by=facilitator, condities=Conditie.values)
    client.force_login(facilitator)

    response = client.get(fragment_url(sessie), headers=HTMX)

    assert response.status_code == 200
    resultaten = response.context["resultaten"]
    assert (resultaten.aangemeld, resultaten.klaar) == (300, 100)
    per_code = {c.code: c for c in resultaten.condities}
    ambitie = per_code[Conditie.AMBITIE].totaal
    assert ambitie.respondenten == 300
    assert ambitie.gemiddelde == pytest.approx(4.0)
    # Thirty of 300 people said "weet ik niet" to the first process statement: it is not a score.
    proces = per_code[Conditie.PROCES]
    assert proces.stellingen[0].tally.n == 270
    assert proces.stellingen[0].tally.weet_niet == 30
    # The facilitator sees it on the projector: the counts and the average, in Dutch.
    tellers = re.search(r"lp-presentatie__tellers[^>]*>(.*?)</p>", response.text, re.S).group(1)
    assert "300" in tellers
    assert "100" in tellers
    sectie = re.search(r'id="c-ambitie".*?</section>', response.text, re.S).group(0)
    assert '<span class="lp-score__getal">4,0</span>' in sectie


# Shared results for the presenter's poll (selectors.sessie_resultaten_live).


def test_live_results_are_shared_between_screens_for_a_short_while(sessie, stellingen, praktijk):
    fill(sessie, stellingen, praktijk, 3)
    eerste = selectors.sessie_resultaten_live(sessie=sessie)
    fill(sessie, stellingen, praktijk, 3)

    assert selectors.sessie_resultaten_live(sessie=sessie).aangemeld == eerste.aangemeld == 3
    cache.clear()  # as when max_age has passed
    assert selectors.sessie_resultaten_live(sessie=sessie).aangemeld == 6
    # Closing, reports and exports never use the shared results.
    assert selectors.sessie_resultaten(sessie=sessie).aangemeld == 6


def test_a_reveal_shows_at_once_with_shared_results(sessie, stellingen, praktijk):
    fill(sessie, stellingen, praktijk, 3)
    assert not any(c.onthuld for c in selectors.sessie_resultaten_live(sessie=sessie).condities)

    services.sessie_reveal(sessie=sessie, by=sessie.created_by, condities=[Conditie.RELATIE])

    resultaten = selectors.sessie_resultaten_live(sessie=sessie)
    assert [c.code for c in resultaten.condities if c.onthuld] == [Conditie.RELATIE]
    assert resultaten.sessie is sessie


def test_live_results_are_computed_when_the_cache_is_away(sessie, stellingen, praktijk):
    fill(sessie, stellingen, praktijk, 3)
    with (
        mock.patch.object(resultaten.cache, "get", side_effect=ConnectionError),
        mock.patch.object(resultaten.cache, "set", side_effect=ConnectionError),
    ):
        assert selectors.sessie_resultaten_live(sessie=sessie).aangemeld == 3
        assert selectors.stellingen_for_sessie_cached(sessie=sessie) == (
            selectors.stellingen_for_sessie(sessie=sessie)
        )


# Saving an answer: every click of every participant, so a fixed and small number of queries.


def test_saving_an_answer_does_a_fixed_number_of_queries(client, sessie, stellingen):
    client.post(
        reverse("condities:doe_mee_code", args=[sessie.code]),
        {"naam": "", "organisatie": "mantelzorger", "email": ""},
    )
    url = reverse("condities:antwoord", args=[sessie.code])
    eerste, tweede = stellingen[Conditie.AMBITIE][:2]
    client.post(url, {f"s{eerste.pk}": "4"}, headers=HTMX)  # fills the statements' cache

    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, {f"s{tweede.pk}": "?"}, headers=HTMX)

    # The view's transaction is a savepoint inside the test's: not a query of its own.
    gedaan = [q["sql"] for q in queries if not re.match(r"(RELEASE )?SAVEPOINT", q["sql"])]
    # session, the participant with its session, is it open, upsert, progress
    assert len(gedaan) <= 5, gedaan

    assert response.status_code == 200
    assert f'id="stelling-{tweede.pk}"' in response.text
    scores = dict(Antwoord.objects.values_list("stelling_id", "score"))
    assert scores == {eerste.pk: 4, tweede.pk: None}


# The live region is rendered once and shared by every screen for a moment (condities.live), and
# a screen that passed the full check polls with a short-lived token instead of repeating it.


def _token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def poll_headers(html: str) -> dict:
    """The headers htmx sends when it polls the region in `html` (its hx-headers)."""
    attribute = re.search(r"id=\"live\"[^>]*hx-headers='([^']*)'", html).group(1)
    return {**HTMX, **json.loads(attribute)}


def live_url(sessie) -> str:
    return reverse("condities:presentatie_live", args=[sessie.praktijk.slug, sessie.pk])


def test_screens_share_the_live_region_but_each_posts_with_its_own_token(
    facilitator, staff, sessie, stellingen, praktijk
):
    from django.test import Client

    fill(sessie, stellingen, praktijk, 3)
    projector, laptop = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    projector.force_login(facilitator)
    laptop.force_login(staff)
    eerste = projector.get(fragment_url(sessie), headers=HTMX).text
    fill(sessie, stellingen, praktijk, 3)  # three more people join within the moment
    tweede = laptop.get(fragment_url(sessie), headers=HTMX).text

    # The laptop sees the region the projector caused to be rendered (still 3 joined) ...
    assert "3 doen mee" in eerste and "3 doen mee" in tweede
    # ... but with the laptop's own CSRF token, so its reveal button works.
    response = laptop.post(
        reverse("condities:onthullen", args=[praktijk.slug, sessie.pk]),
        {"conditie": Conditie.RELATIE, "csrfmiddlewaretoken": _token(tweede)},
        headers=HTMX,
    )
    assert response.status_code == 200
    # A reveal shows at once (numbers at most a moment old) and keeps polling the live region.
    assert "lp-score__getal" not in tweede
    relatie = re.search(r'id="c-relatie".*?</section>', response.text, re.S).group(0)
    assert "lp-score__getal" in relatie
    assert f'hx-get="{live_url(sessie)}"' in response.text
    sessie.refresh_from_db()
    assert sessie.onthuld == [Conditie.RELATIE]


def test_the_shared_live_region_is_fresh_after_a_moment(client, facilitator, sessie, stellingen):
    client.force_login(facilitator)
    fill(sessie, stellingen, sessie.praktijk, 3)
    assert "3 doen mee" in client.get(fragment_url(sessie), headers=HTMX).text
    fill(sessie, stellingen, sessie.praktijk, 3)
    cache.clear()  # as when LIVE_MAX_AGE has passed
    assert "6 doen mee" in client.get(fragment_url(sessie), headers=HTMX).text


def test_the_live_region_renders_when_the_cache_is_away(client, facilitator, sessie, stellingen):
    from condities import live

    assert live.cache is resultaten.cache  # one patch covers the region and the results
    client.force_login(facilitator)
    fill(sessie, stellingen, sessie.praktijk, 3)
    with (
        mock.patch.object(live.cache, "get", side_effect=ConnectionError),
        mock.patch.object(live.cache, "set", side_effect=ConnectionError),
    ):
        page = client.get(fragment_url(sessie))
        poll = client.get(live_url(sessie), headers=poll_headers(page.text))
    assert page.status_code == poll.status_code == 200
    assert "3 doen mee" in page.text and "3 doen mee" in poll.text
    assert page.text.count('id="live"') == 1


def test_a_screen_with_a_poll_token_gets_the_region_without_the_access_check(
    client, facilitator, sessie, stellingen, django_assert_max_num_queries
):
    fill(sessie, stellingen, sessie.praktijk, 3)
    client.force_login(facilitator)
    page = client.get(fragment_url(sessie))

    # The poll: no database at all, not even for the session or the user.
    with django_assert_max_num_queries(0):
        poll = client.get(live_url(sessie), headers=poll_headers(page.text))
    assert poll.status_code == 200
    assert "3 doen mee" in poll.text
    assert "<html" not in poll.text
    # The next poll carries a token as well, and a working CSRF token for the reveal buttons.
    assert poll_headers(poll.text)["X-Presenter-Token"]
    assert 'name="csrfmiddlewaretoken"' in poll.text


def test_a_poll_without_a_token_does_the_full_check(
    client, facilitator, lid, outsider, sessie, stellingen
):
    fill(sessie, stellingen, sessie.praktijk, 3)
    client.force_login(facilitator)
    assert client.get(live_url(sessie), headers=HTMX).status_code == 200
    client.force_login(lid)
    assert client.get(live_url(sessie), headers=HTMX).status_code == 403
    client.force_login(outsider)
    assert client.get(live_url(sessie), headers=HTMX).status_code == 404
    client.logout()
    assert client.get(live_url(sessie), headers=HTMX).status_code == 404


def test_a_poll_token_is_of_no_use_to_another_browser_or_session(
    client, facilitator, lid, outsider, sessie, stellingen, praktijk
):
    from django.test import Client

    fill(sessie, stellingen, praktijk, 3)
    client.force_login(facilitator)
    headers = poll_headers(client.get(fragment_url(sessie)).text)

    # The same token from a browser logged in as someone else (it has another session cookie).
    for persona, status in ((lid, 403), (outsider, 404)):
        other = Client()
        other.force_login(persona)
        assert other.get(live_url(sessie), headers=headers).status_code == status
    # Without any login.
    assert Client().get(live_url(sessie), headers=headers).status_code == 404
    # Nor for another session of the same practice, in the browser it was made for.
    from django.test import RequestFactory

    from condities import live

    request = RequestFactory().get(live_url(sessie), headers=headers)
    request.COOKIES = {k: v.value for k, v in client.cookies.items()}
    assert live.shared_html(request, slug=praktijk.slug, sessie_pk=sessie.pk) is not None
    assert live.shared_html(request, slug=praktijk.slug, sessie_pk=sessie.pk + 1) is None
    assert live.shared_html(request, slug="ede", sessie_pk=sessie.pk) is None
    # A forged token.
    client.force_login(lid)
    forged = {**headers, "X-Presenter-Token": headers["X-Presenter-Token"][:-2] + "xx"}
    assert client.get(live_url(sessie), headers=forged).status_code == 403


def test_a_poll_token_needs_the_full_check_again_after_a_minute(
    client, facilitator, sessie, stellingen, praktijk
):
    from condities import live
    from praktijken.models import Lidmaatschap

    fill(sessie, stellingen, praktijk, 3)
    client.force_login(facilitator)
    headers = poll_headers(client.get(fragment_url(sessie)).text)
    # The facilitator is made an ordinary member while the projector keeps polling.
    Lidmaatschap.objects.filter(user=facilitator).update(rol="lid")
    assert client.get(live_url(sessie), headers=headers).status_code == 200  # within the minute
    later = time.time() + live.RECHECK_SECONDS + 1
    with mock.patch("django.core.signing.time.time", return_value=later):
        assert client.get(live_url(sessie), headers=headers).status_code == 403


def test_a_reveal_reaches_the_screens_that_poll_with_a_token(
    client, facilitator, sessie, stellingen, praktijk
):
    fill(sessie, stellingen, praktijk, 3)
    client.force_login(facilitator)
    headers = poll_headers(client.get(fragment_url(sessie)).text)
    before = client.get(live_url(sessie), headers=headers)
    assert before.status_code == 200
    assert 'id="live"' in before.text  # the live region itself, just without numbers yet
    assert "lp-score__getal" not in before.text

    services.sessie_reveal(
        sessie=sessie, by=facilitator, condities=[Conditie.AMBITIE]
    )  # e.g. from the laptop

    assert "lp-score__getal" in client.get(live_url(sessie), headers=headers).text


def test_text_written_by_members_cannot_make_the_tokens_appear(
    client, facilitator, sessie, stellingen, praktijk
):
    deelnemers = fill(sessie, stellingen, praktijk, 9)  # three organisations of three people
    listig = "__lp_csrf_token__ __lp_presenter_token__ csrf- token-"
    organisatie = deelnemers[0].organisatie
    organisatie.naam = listig
    organisatie.save()
    services.sessie_reveal(sessie=sessie, by=facilitator, condities=Conditie.values)
    client.force_login(facilitator)

    page = client.get(fragment_url(sessie)).text
    headers = poll_headers(page)
    poll = client.get(live_url(sessie), headers=headers)

    for html in (page, poll.text):
        assert listig in html  # printed as written, nothing put in its place
        assert html.count(poll_headers(html)["X-Presenter-Token"]) == 1
    # The poll, with a viewer's tokens in it, is never kept by a browser or proxy cache.
    assert "no-store" in poll["Cache-Control"]
    assert "private" in poll["Cache-Control"]
