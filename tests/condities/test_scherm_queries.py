"""The live session under load: the room's screen, its control page and saving an answer stay cheap.

The screen's poll (its stage alone, as htmx asks for it every 3 s) and the control page's poll
do the same number of queries with 10 or 300 people, and show the right numbers; they share
their results for a moment; an answer costs a fixed few queries.
"""

import re
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from condities import scherm_cache, selectors, services
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
# on a step also a savepoint, the row lock, the write and the release); on the overview the
# previous workshop's scores, on the control page the count of open answers waiting.
MAX_QUERIES = 15
# A poll within the moment the results are shared: the session, the user, the practice and role,
# and the session itself; the control page also counts the open answers waiting.
MAX_SHARED = 4
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


def poll_url(name: str, sessie) -> str:
    return reverse(f"condities:{name}", kwargs={"slug": sessie.praktijk.slug, "pk": sessie.pk})


def on_screen(sessie, stap: str) -> None:
    """Put the screen on `stap` at once, and drop its kept stage as scherm_act does."""
    sessie.scherm = stap
    sessie.save(update_fields=["scherm"])
    scherm_cache.scherm_forget(sessie_pk=sessie.pk)


def poll_queries(client, name: str, sessie) -> list[str]:
    """The queries of one poll whose shared results have just run out (the most it does)."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(poll_url(name, sessie), headers=HTMX)
    assert response.status_code == 200
    assert "<html" not in response.text
    return [q["sql"] for q in queries]


@pytest.mark.parametrize(
    ("name", "stap"),
    [
        ("scherm", "wachten"),
        ("scherm", Conditie.PROCES),
        ("scherm", "overzicht"),
        ("bediening", Conditie.AMBITIE),
    ],
)
@pytest.mark.usefixtures("login_read_every_time")
def test_a_poll_does_as_many_queries_with_300_people_as_with_10(
    name, stap, client, facilitator, sessie, stellingen, praktijk
):
    services.sessie_reveal(sessie=sessie, by=facilitator, condities=Conditie.values)
    on_screen(sessie, stap)
    client.force_login(facilitator)
    fill(sessie, stellingen, praktijk, 10)
    weinig = poll_queries(client, name, sessie)
    fill(sessie, stellingen, praktijk, 290)
    veel = poll_queries(client, name, sessie)

    assert len(veel) == len(weinig) <= MAX_QUERIES, veel


def test_a_poll_within_the_moment_shares_the_results(
    client, facilitator, sessie, stellingen, praktijk, django_assert_max_num_queries
):
    services.sessie_reveal(sessie=sessie, by=facilitator, condities=Conditie.values)
    on_screen(sessie, Conditie.AMBITIE)
    fill(sessie, stellingen, praktijk, 30)
    client.force_login(facilitator)
    client.get(poll_url("scherm", sessie), headers=HTMX)  # the projector
    # The laptop's control page a moment later: only the access check and the session.
    with django_assert_max_num_queries(MAX_SHARED + 1):
        assert client.get(poll_url("bediening", sessie), headers=HTMX).status_code == 200
    with django_assert_max_num_queries(MAX_SHARED):
        assert client.get(poll_url("scherm", sessie), headers=HTMX).status_code == 200


def test_screens_share_the_stage_for_a_moment_and_it_holds_nothing_of_the_viewer(
    facilitator, staff, sessie, stellingen, praktijk
):
    from django.test import Client

    on_screen(sessie, "wachten")
    fill(sessie, stellingen, praktijk, 3)
    projector, laptop = Client(), Client()
    projector.force_login(facilitator)
    laptop.force_login(staff)
    eerste = projector.get(poll_url("scherm", sessie), headers=HTMX)
    fill(sessie, stellingen, praktijk, 3)  # three more people join within the moment
    tweede = laptop.get(poll_url("scherm", sessie), headers=HTMX)

    # The laptop gets what the projector's poll rendered, without rendering it again.
    assert [t.name for t in eerste.templates] == ["stap"]  # the partial of scherm.html
    assert tweede.templates == [] and tweede.text == eerste.text
    eerste = eerste.text
    assert "3 mensen doen mee" in eerste
    for persoon in (facilitator, staff):
        assert persoon.email not in eerste and persoon.get_full_name() not in eerste
    assert "csrfmiddlewaretoken" not in eerste and "csrftoken" not in eerste
    cache.clear()  # as when LIVE_MAX_AGE has passed
    assert "6 mensen doen mee" in laptop.get(poll_url("scherm", sessie), headers=HTMX).text


def test_the_shared_stage_follows_the_screen_and_the_address_at_once(
    client, facilitator, sessie, stellingen, praktijk, settings
):
    settings.ALLOWED_HOSTS = ["testserver", "192.168.1.20"]
    fill(sessie, stellingen, praktijk, 3)
    client.force_login(facilitator)
    wachten = client.get(poll_url("scherm", sessie), headers=HTMX).text
    assert f"http://testserver/doe-mee/{sessie.code}/" in wachten
    # Asked on the network's address, the stage shows that address, not the one shared before.
    lan = client.get(poll_url("scherm", sessie), headers={**HTMX, "Host": "192.168.1.20"}).text
    assert f"http://192.168.1.20/doe-mee/{sessie.code}/" in lan
    # The next stage, within the moment: shown at the next poll.
    client.post(poll_url("scherm_actie", sessie), {"actie": "volgende", "terug": "bediening"})
    ambitie = client.get(poll_url("scherm", sessie), headers=HTMX).text
    assert 'data-stap="ambitie"' in ambitie and "3 mensen hebben geantwoord." in ambitie
    # Closing: the join code goes from the waiting stage at once.
    client.post(poll_url("scherm_actie", sessie), {"actie": "wachten", "terug": "bediening"})
    services.sessie_close(sessie=sessie, by=facilitator)
    gesloten = client.get(poll_url("scherm", sessie), headers=HTMX).text
    assert sessie.code not in gesloten and "Deze werkvorm is niet open." in gesloten


def test_the_screen_shows_the_right_numbers_with_300_participants(
    client, facilitator, sessie, stellingen, praktijk
):
    fill(sessie, stellingen, praktijk, 300)
    services.sessie_reveal(sessie=sessie, by=facilitator, condities=Conditie.values)
    client.force_login(facilitator)

    on_screen(sessie, "wachten")
    wachten = client.get(poll_url("scherm", sessie), headers=HTMX)
    assert "300 mensen doen mee" in wachten.text
    resultaten = wachten.context["resultaten"]
    assert (resultaten.aangemeld, resultaten.klaar) == (300, 100)

    on_screen(sessie, Conditie.AMBITIE)
    ambitie = client.get(poll_url("scherm", sessie), headers=HTMX)
    conditie = ambitie.context["conditie"]
    assert conditie.totaal.respondenten == 300
    assert conditie.totaal.gemiddelde == pytest.approx(4.0)
    # The facilitator sees it on the projector: the average, in Dutch.
    assert '<span class="lp-scherm__gemiddelde">4,0</span>' in ambitie.text

    # Thirty of 300 people said "weet ik niet" to the first process statement: it is not a score.
    on_screen(sessie, Conditie.PROCES)
    proces = client.get(poll_url("scherm", sessie), headers=HTMX)
    eerste = proces.context["conditie"].stellingen[0]
    assert (eerste.tally.n, eerste.tally.weet_niet) == (270, 30)
    assert "weet ik niet: 30" in proces.text


def test_the_screen_shows_figures_only_once_revealed(
    client, facilitator, sessie, stellingen, praktijk
):
    fill(sessie, stellingen, praktijk, 30)
    on_screen(sessie, Conditie.AMBITIE)
    client.force_login(facilitator)
    before = client.get(poll_url("scherm", sessie), headers=HTMX)
    assert "30 mensen hebben geantwoord." in before.text
    assert "lp-scherm__gemiddelde" not in before.text and "lp-scherm__balk" not in before.text
    assert "4,0" not in before.text

    # From the control page, within the moment the results are shared: the next poll shows it.
    client.post(poll_url("scherm_actie", sessie), {"actie": "onthul", "terug": "bediening"})

    after = client.get(poll_url("scherm", sessie), headers=HTMX)
    assert '<span class="lp-scherm__gemiddelde">4,0</span>' in after.text
    assert "lp-scherm__balk-aantal" in after.text
    # Another condition stays hidden, on the screen and in the overview.
    on_screen(sessie, Conditie.PROCES)
    proces = client.get(poll_url("scherm", sessie), headers=HTMX)
    assert "lp-scherm__gemiddelde" not in proces.text
    on_screen(sessie, "overzicht")
    overzicht = client.get(poll_url("scherm", sessie), headers=HTMX)
    assert not overzicht.context["radar"]["bruikbaar"]  # one condition is no overview yet
    assert "4,0" not in overzicht.text


def test_the_polls_render_when_the_cache_is_away(client, facilitator, sessie, stellingen):
    client.force_login(facilitator)
    fill(sessie, stellingen, sessie.praktijk, 3)
    # As config.cache.ResilientRedisCache behaves while Redis is away: reads miss, writes are
    # dropped (the login session then comes from the database).
    with (
        mock.patch.object(resultaten.cache, "get", return_value=None),
        mock.patch.object(resultaten.cache, "set", return_value=None),
    ):
        page = client.get(poll_url("scherm", sessie))
        poll = client.get(poll_url("scherm", sessie), headers=HTMX)
        bediening = client.get(poll_url("bediening", sessie), headers=HTMX)
    assert page.status_code == poll.status_code == bediening.status_code == 200
    for response in (page, poll, bediening):
        assert "3 mensen doen mee" in response.text
    assert page.text.count('id="stap"') == 1


def test_a_poll_is_never_kept_by_a_browser_or_proxy(client, facilitator, sessie):
    client.force_login(facilitator)
    for name in ("scherm", "bediening"):
        poll = client.get(poll_url(name, sessie), headers=HTMX)
        assert "no-store" in poll["Cache-Control"] and "private" in poll["Cache-Control"]
        # One address, the page or its region: caches keep them apart.
        assert "HX-Request" in poll["Vary"]


# Shared results for the screen's poll (selectors.sessie_resultaten_live).


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
    # As config.cache.ResilientRedisCache behaves while Redis is away: reads miss, writes are
    # dropped (the login session then comes from the database).
    with (
        mock.patch.object(resultaten.cache, "get", return_value=None),
        mock.patch.object(resultaten.cache, "set", return_value=None),
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

    # The view's transaction is a savepoint inside the test's: not a query of its own. The
    # browser's session comes from the database here, from Redis where REDIS_URL is set.
    gedaan = [
        q["sql"]
        for q in queries
        if not re.match(r"(RELEASE )?SAVEPOINT", q["sql"]) and "django_session" not in q["sql"]
    ]
    # the participant with its session and progress; the upsert that checks it is open
    assert len(gedaan) == 2, gedaan

    assert response.status_code == 200
    # The answer is a few hundred bytes: the statement's status and the progress, nothing more.
    assert "Opgeslagen" in response.text
    assert "2 van 25 beantwoord" in response.text
    assert len(response.content) < 600
    scores = dict(Antwoord.objects.values_list("stelling_id", "score"))
    assert scores == {eerste.pk: 4, tweede.pk: None}


def test_the_join_form_is_rendered_once_per_worker_for_every_new_phone(client, sessie, praktijk):
    """2,000 phones joining within two minutes: the form's fields (the organisations' choice is
    the costly part) come from the worker's memory after the first phone."""
    from netwerk.models import Organisatie

    url = reverse("condities:doe_mee_code", args=[sessie.code])
    eerste = client.get(url)
    assert eerste.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        tweede = client.get(url)
    assert tweede.status_code == 200

    def velden(pagina: str) -> str:
        formulier = pagina.split('<form class="utrecht-form lp-form"')[1].split("</form>")[0]
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", formulier)

    assert 'id="id_organisatie"' in velden(tweede.text)
    assert velden(tweede.text) == velden(eerste.text)
    assert not [q for q in queries if "netwerk_organisatie" in q["sql"]]
    assert "Mantelzorger of vrijwilliger" in tweede.text  # the choices are there
    organisatie = Organisatie.objects.filter(deelnames__praktijk=praktijk).first()
    if organisatie is not None:
        assert organisatie.naam in tweede.text
    # A wrong post still shows the form with its error and what was typed.
    fout = client.post(url, {"naam": "Els", "organisatie": "", "email": "geen-adres"})
    assert fout.status_code == 422
    assert 'value="Els"' in fout.text and "geldig e-mailadres" in fout.text
