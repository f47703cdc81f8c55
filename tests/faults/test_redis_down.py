"""Redis unreachable: the cache and the broker are away, the app keeps working on the database.

The cache and the Celery broker point at a Redis that refuses every connection (port 1). Pages
load, answers are stored, password login works (sessions are in the database), /healthz/ says
the cache is down with a 200, and an invitation made meanwhile is stored and mailed, once, when
Redis is back.
"""

import datetime
import logging
import os
import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.urls import reverse

from condities import services as condities_services
from condities.models import Antwoord, Conditie, Deelnemer, Sessie
from condities.tasks import checkin_reminders_task, summaries_sweep_task
from config.celery import app
from netwerk.models import Uitnodiging
from netwerk.tasks import uitnodiging_send_task, uitnodigingen_sweep_task, user_mail_task
from praktijken.models import Rol
from tests.factories.netwerk import PASSWORD
from tests.faults.conftest import UNREACHABLE_REDIS, celery_broker, needs_redis

pytestmark = [needs_redis, pytest.mark.redis]


@pytest.mark.django_db
def test_pages_still_load(redis_down, client, lid, praktijk):
    anonymous = {
        "home": reverse("overzicht:home"),
        "login page": reverse("account_login"),
        "join page": reverse("condities:doe_mee"),
    }
    for name, url in anonymous.items():
        assert client.get(url).status_code == 200, name
    client.force_login(lid)
    dashboard = client.get(reverse("overzicht:dashboard", args=[praktijk.slug]))
    assert dashboard.status_code == 200
    assert praktijk.naam in dashboard.text
    assert client.get(reverse("netwerk:kaart", args=[praktijk.slug])).status_code == 200


@pytest.mark.django_db
def test_a_participant_joins_and_every_answer_is_stored(
    redis_down, client, open_sessie, sessie_stellingen
):
    joined = client.post(
        reverse("condities:doe_mee_code", args=[open_sessie.code]),
        {"naam": "Gert", "organisatie": "mantelzorger", "email": ""},
    )
    assert joined.status_code == 302
    deelnemer = Deelnemer.objects.get(sessie=open_sessie)
    assert client.get(reverse("condities:vragen", args=[open_sessie.code])).status_code == 200

    antwoord_url = reverse("condities:antwoord", args=[open_sessie.code])
    for score, stelling in zip([1, 2, 3, 4, 5], sessie_stellingen[:5], strict=True):
        response = client.post(
            antwoord_url, {f"s{stelling.pk}": str(score)}, headers={"HX-Request": "true"}
        )
        assert response.status_code == 200
        assert "Opgeslagen" in response.text
    plain = client.post(antwoord_url, {f"s{sessie_stellingen[5].pk}": "?", "volgende": "klaar"})
    assert plain.status_code == 302

    stored = dict(Antwoord.objects.filter(deelnemer=deelnemer).values_list("stelling_id", "score"))
    expected = {s.pk: score for score, s in zip([1, 2, 3, 4, 5], sessie_stellingen, strict=False)}
    assert stored == {**expected, sessie_stellingen[5].pk: None}


@pytest.mark.django_db
def test_password_login_keeps_working(redis_down, client, lid, praktijk):
    response = client.post(reverse("account_login"), {"login": lid.email, "password": PASSWORD})
    assert response.status_code == 302
    # A member of one practice lands on its dashboard; the session is in the database.
    assert response["Location"] == reverse("overzicht:dashboard", args=[praktijk.slug])
    assert client.session["_auth_user_id"] == str(lid.pk)
    dashboard = client.get(response["Location"])
    assert dashboard.status_code == 200
    assert praktijk.naam in dashboard.text


@pytest.mark.django_db
def test_a_wrong_password_is_still_refused(redis_down, client, lid):
    response = client.post(reverse("account_login"), {"login": lid.email, "password": "fout"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_cache_does_not_slow_every_page_down(redis_down, client, lid, praktijk):
    client.force_login(lid)
    url = reverse("overzicht:dashboard", args=[praktijk.slug])
    client.get(url)
    started = time.monotonic()
    for _ in range(5):
        assert client.get(url).status_code == 200
    assert time.monotonic() - started < 5


@pytest.mark.django_db
def test_healthz_says_cache_and_broker_down_with_200(redis_down, client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "down", "broker": "down"}


def _invite(client, facilitator, praktijk, email: str, *, log_in: bool = True):
    if log_in:
        client.force_login(facilitator)
    return client.post(
        reverse("netwerk:uitnodigen", args=[praktijk.slug]),
        {"email": email, "naam": "Nieuw Lid", "rol": Rol.LID, "organisatie": ""},
    )


@pytest.mark.django_db
def test_an_invitation_made_while_the_broker_is_down_is_kept_and_logged(
    redis_down,
    client,
    facilitator,
    praktijk,
    mailoutbox,
    caplog,
    django_capture_on_commit_callbacks,
):
    client.force_login(facilitator)  # its last_login's new version is a callback of its own
    with (
        caplog.at_level(logging.WARNING, logger="config.queue"),
        django_capture_on_commit_callbacks(execute=True) as callbacks,
    ):
        response = _invite(client, facilitator, praktijk, "nieuw@voorbeeld.example", log_in=False)
    assert len(callbacks) == 1  # the enqueue ran, and failed
    assert response.status_code == 302
    uitnodiging = Uitnodiging.objects.get(email="nieuw@voorbeeld.example")
    assert uitnodiging.verstuurd_op is None
    assert mailoutbox == []
    assert (
        f"could not queue netwerk.tasks.uitnodiging_send_task({uitnodiging.pk}, …)" in caplog.text
    )
    # The log names the invitation by id, never its secret link.
    assert uitnodiging.token not in caplog.text


@pytest.mark.django_db(transaction=True)
def test_queued_invitation_goes_out_once_when_redis_is_back(
    redis_down, client, facilitator, praktijk, mailoutbox
):
    assert _invite(client, facilitator, praktijk, "later@voorbeeld.example").status_code == 302
    uitnodiging = Uitnodiging.objects.get(email="later@voorbeeld.example")
    assert mailoutbox == []

    # Redis is back: beat's sweep runs on a real worker through the real broker.
    with (
        celery_broker(os.environ["REDIS_URL"], eager=False),
        start_worker(app, perform_ping_check=False, pool="solo", loglevel="WARNING"),
    ):
        uitnodigingen_sweep_task.delay()
        _wait_for(lambda: len(mailoutbox) >= 1)
        # A second sweep and a redelivered send task; then a last task that marks the end of
        # the queue (one worker takes the tasks in order).
        uitnodigingen_sweep_task.delay()
        uitnodiging_send_task.delay(uitnodiging.pk, uitnodiging.token)
        user_mail_task.delay(facilitator.pk, "Einde van de wachtrij", "-")
        _wait_for(lambda: any(m.subject == "Einde van de wachtrij" for m in mailoutbox))

    mailoutbox[:] = [m for m in mailoutbox if m.subject != "Einde van de wachtrij"]
    assert [m.to for m in mailoutbox] == [["later@voorbeeld.example"]]
    uitnodiging.refresh_from_db()
    assert uitnodiging.verstuurd_op is not None
    assert uitnodiging.token in mailoutbox[0].body


def _wait_for(condition, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.05)


@pytest.mark.django_db
def test_closing_a_session_works_and_the_summary_follows_when_redis_is_back(
    redis_down,
    client,
    facilitator,
    praktijk,
    open_sessie,
    sessie_stellingen,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    deelnemer = condities_services.deelnemer_join(
        sessie=open_sessie, naam="Gert", mantelzorger=True, email="gert@voorbeeld.example"
    )
    condities_services.antwoord_save(deelnemer=deelnemer, stelling=sessie_stellingen[0], score=4)
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("condities:sessie_sluiten", args=[praktijk.slug, open_sessie.pk]),
            {"zeker": "on"},
        )
    assert response.status_code == 302
    open_sessie.refresh_from_db()
    assert open_sessie.status == Sessie.Status.GESLOTEN
    assert mailoutbox == []

    # Redis is back: beat's sweep sends the summary, once however often it runs.
    with celery_broker(UNREACHABLE_REDIS, eager=True):
        summaries_sweep_task.delay()
        summaries_sweep_task.delay()
    assert [m.to for m in mailoutbox] == [["gert@voorbeeld.example"]]


@pytest.mark.django_db
def test_a_check_in_is_created_and_its_invitations_follow_when_redis_is_back(
    redis_down, client, facilitator, lid, praktijk, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(facilitator)
    data = {
        "titel": "Check-in na de zomer",
        "datum": "2026-09-01",
        "condities": Conditie.values,
        "herinnering_na_dagen": "5",
        "herinneringen_aantal": "1",
        "sluit_op": (datetime.datetime.now() + datetime.timedelta(days=14)).strftime(
            "%Y-%m-%dT%H:%M"
        ),
        "ontvangers": [str(facilitator.pk), str(lid.pk)],
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("condities:checkin_nieuw", args=[praktijk.slug]), data)
    assert response.status_code == 302
    assert Deelnemer.objects.filter(sessie__soort=Sessie.Soort.CHECKIN).count() == 2
    assert mailoutbox == []

    # Redis is back: the daily check-in task sends what was left, once.
    with celery_broker(UNREACHABLE_REDIS, eager=True):
        checkin_reminders_task.delay()
        checkin_reminders_task.delay()
    assert sorted(m.to[0] for m in mailoutbox) == sorted([facilitator.email, lid.email])
