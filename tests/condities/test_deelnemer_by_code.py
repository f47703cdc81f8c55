"""Who a browser is in a session, asked on every answer click: one statement written out once
(issue #13), which must give what the ORM gave, on SQLite and on PostgreSQL."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from condities import services
from condities.models import Conditie, Sessie, Stelling
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
