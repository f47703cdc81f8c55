"""Who a browser is in a session, asked on every answer click: one statement written out once
(issue #13), which must give what the ORM gave, on SQLite and on PostgreSQL."""

import datetime
from unittest import mock

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.base import SessionBase
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from condities import deelname_cookie, services
from condities.models import Antwoord, Conditie, Deelnemer, Sessie, Stelling
from condities.selectors import deelname

pytestmark = pytest.mark.django_db


def test_a_guest_is_found_by_a_token_this_browser_holds_with_the_whole_session(sessie):
    gast = services.deelnemer_join(sessie=sessie, mantelzorger=True)
    services.deelnemer_join(sessie=sessie, mantelzorger=True)  # someone else in the room

    with CaptureQueriesContext(connection) as queries:
        gevonden = deelname.deelnemer_by_code(
            code=sessie.code, user=AnonymousUser(), tokens=["onbekend", gast.token]
        )
        sessie_gelezen = gevonden.sessie  # comes with it: no query of its own

    assert len(queries) == 1
    assert gevonden.pk == gast.pk
    assert gevonden.groep == "mantelzorger"
    assert gevonden.created_at == gast.created_at  # a real datetime (SQLite stores text)
    assert sessie_gelezen.pk == sessie.pk
    assert sessie_gelezen.condities == list(Conditie.values)  # JSON read as a list
    assert sessie_gelezen.is_open
    assert isinstance(sessie_gelezen.alleen_leden, bool)
    assert sessie_gelezen.datum == datetime.date(2026, 10, 1)


def test_nobody_is_found_with_a_wrong_token_or_another_sessions_code(sessie, facilitator):
    gast = services.deelnemer_join(sessie=sessie, mantelzorger=True)
    andere = services.sessie_open(
        sessie=services.sessie_create(
            praktijk=sessie.praktijk,
            titel="Andere",
            datum=datetime.date(2026, 11, 1),
            modus="live",
            condities=[Conditie.AMBITIE],
            by=facilitator,
        ),
        by=facilitator,
    )
    anoniem = AnonymousUser()
    assert deelname.deelnemer_by_code(code=sessie.code, user=anoniem, tokens=[gast.token])
    assert deelname.deelnemer_by_code(code=andere.code, user=anoniem, tokens=[gast.token]) is None
    assert deelname.deelnemer_by_code(code=sessie.code, user=anoniem, tokens=["x" * 43]) is None
    assert deelname.deelnemer_by_code(code=sessie.code, user=anoniem, tokens=[]) is None
    assert deelname.deelnemer_by_code(code="", user=anoniem, tokens=[gast.token]) is None


def test_a_member_is_found_by_account_before_a_guest_token_in_the_same_browser(sessie, lid):
    gast = services.deelnemer_join(sessie=sessie, mantelzorger=True)
    als_lid = services.deelnemer_join(sessie=sessie, user=lid)

    gevonden = deelname.deelnemer_by_code(code=sessie.code, user=lid, tokens=[gast.token])
    assert gevonden.pk == als_lid.pk
    assert gevonden.user_id == lid.pk
    # Without a place of their own, the member's browser is still the guest it joined as.
    als_lid.delete()
    gevonden = deelname.deelnemer_by_code(code=sessie.code, user=lid, tokens=[gast.token])
    assert gevonden.pk == gast.pk


def test_the_progress_after_an_answer_counts_a_statement_answered_before_once(sessie):
    gast = services.deelnemer_join(sessie=sessie, mantelzorger=True)
    eerste, tweede, derde = Stelling.objects.filter(set=sessie.stellingenset)[:3]
    services.antwoord_save(deelnemer=gast, stelling=eerste, score=4)
    services.antwoord_save(deelnemer=gast, stelling=tweede, score=None)

    def na(stelling):
        gevonden = deelname.deelnemer_by_code(
            code=sessie.code, user=AnonymousUser(), tokens=[gast.token], stelling_pk=stelling.pk
        )
        return deelname.voortgang_na(deelnemer=gevonden, totaal=25)

    assert na(tweede) == {"beantwoord": 2, "totaal": 25, "procent": 8}  # changed: still two
    assert na(derde)["beantwoord"] == 3  # a new one: three once it is saved
    assert Sessie.objects.get(pk=sessie.pk).is_open


# The browser's place: a guest's in a signed cookie, so that a click reads no login session.

HTMX = {"HX-Request": "true"}


def _join(client, sessie):
    return client.post(
        reverse("condities:doe_mee_code", args=[sessie.code]),
        {"naam": "", "organisatie": "mantelzorger", "email": ""},
    )


def test_a_guests_place_is_in_a_signed_httponly_cookie_not_in_the_login_session(client, sessie):
    response = _join(client, sessie)

    assert response.status_code == 302
    cookie = response.cookies[deelname_cookie.COOKIE]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    deelnemer = Deelnemer.objects.get(sessie=sessie)
    assert deelname_cookie.tokens(_request_with(cookie.value)) == {str(sessie.pk): deelnemer.token}
    assert client.session.get("doe_mee", {}) == {}  # nothing of the place in the session


def test_a_guest_who_joins_and_answers_writes_no_session_one_who_guesses_does(
    client, sessie, stellingen
):
    """A room of phones joining writes no session each (issue #13); a wrong code makes one, so
    that the guesses of that browser count against it (tests/attacks/test_brute_force.py)."""
    from django.conf import settings
    from django.contrib.sessions.models import Session

    assert client.get(reverse("condities:doe_mee_code", args=[sessie.code])).status_code == 200
    assert _join(client, sessie).status_code == 302
    stelling = stellingen[Conditie.RELATIE][0]
    response = client.post(
        reverse("condities:antwoord", args=[sessie.code]), {f"s{stelling.pk}": "4"}, headers=HTMX
    )
    assert "Opgeslagen" in response.text
    assert settings.SESSION_COOKIE_NAME not in client.cookies
    assert Session.objects.count() == 0

    response = client.get(reverse("condities:doe_mee"), {"code": "GEENCODE"})
    assert response.status_code == 404
    assert settings.SESSION_COOKIE_NAME in client.cookies
    assert Session.objects.count() == 1


def test_a_guests_answer_reads_no_login_session(client, sessie, stellingen):
    _join(client, sessie)
    stelling = stellingen[Conditie.RELATIE][0]
    url = reverse("condities:antwoord", args=[sessie.code])
    gelezen = []
    echt = SessionBase._get_session

    def meetellen(self, *args, **kwargs):
        gelezen.append(self.session_key)
        return echt(self, *args, **kwargs)

    with mock.patch.object(SessionBase, "_get_session", meetellen):
        response = client.post(url, {f"s{stelling.pk}": "5"}, headers=HTMX)

    assert response.status_code == 200
    assert "Opgeslagen" in response.text
    assert Antwoord.objects.get(stelling=stelling).score == 5
    assert gelezen == []


def test_a_made_up_or_changed_cookie_is_nobody(client, sessie, stellingen):
    _join(client, sessie)
    echt = client.cookies[deelname_cookie.COOKIE].value
    stelling = stellingen[Conditie.AMBITIE][0]
    url = reverse("condities:antwoord", args=[sessie.code])

    client.cookies[deelname_cookie.COOKIE] = echt[:-3] + "abc"
    response = client.post(url, {f"s{stelling.pk}": "2"}, headers=HTMX)
    assert response.status_code == 404
    assert not Antwoord.objects.exists()

    client.cookies[deelname_cookie.COOKIE] = echt  # positive control
    response = client.post(url, {f"s{stelling.pk}": "2"}, headers=HTMX)
    assert response.status_code == 200
    assert Antwoord.objects.get(stelling=stelling).score == 2


def test_a_browser_that_joined_before_the_cookie_keeps_its_place(client, sessie, stellingen):
    gast = services.deelnemer_join(sessie=sessie, mantelzorger=True)
    session = client.session
    session["doe_mee"] = {str(sessie.pk): gast.token}  # where places were kept before
    session.save()
    stelling = stellingen[Conditie.PROCES][0]

    response = client.post(
        reverse("condities:antwoord", args=[sessie.code]), {f"s{stelling.pk}": "3"}, headers=HTMX
    )

    assert response.status_code == 200
    assert Antwoord.objects.get(deelnemer=gast, stelling=stelling).score == 3


def test_a_members_place_stays_with_the_account_and_ends_with_logging_out(
    client, sessie, lid, stellingen
):
    client.force_login(lid)
    response = client.get(reverse("condities:doe_mee_code", args=[sessie.code]))
    assert response.status_code == 302
    assert deelname_cookie.COOKIE not in response.cookies
    stelling = stellingen[Conditie.BELANGEN][0]
    url = reverse("condities:antwoord", args=[sessie.code])
    assert client.post(url, {f"s{stelling.pk}": "4"}, headers=HTMX).status_code == 200

    client.logout()
    assert client.post(url, {f"s{stelling.pk}": "1"}, headers=HTMX).status_code == 404
    assert Antwoord.objects.get(stelling=stelling).score == 4


def _request_with(waarde):
    request = RequestFactory().get("/")
    request.COOKIES[deelname_cookie.COOKIE] = waarde
    return request
