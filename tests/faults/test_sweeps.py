"""The beat sweeps that send what could not be queued while Redis was away: once, and no more.

test_redis_down shows them after a real outage (skipped without Redis); these check what they
pick up, on any database, with tasks run in-process.
"""

import datetime

import pytest
from django.utils import timezone

from condities import services as condities_services
from condities.models import Sessie
from condities.tasks import summaries_sweep_task
from netwerk.selectors import uitnodigingen_onverstuurd
from netwerk.tasks import uitnodigingen_sweep_task
from tests.factories import UitnodigingFactory

pytestmark = pytest.mark.django_db


def test_the_invitation_sweep_sends_only_open_unsent_invitations_once(
    praktijk, facilitator, mailoutbox
):
    now = timezone.now()
    onverstuurd = UitnodigingFactory(praktijk=praktijk, uitgenodigd_door=facilitator)
    UitnodigingFactory(praktijk=praktijk, verstuurd_op=now)
    UitnodigingFactory(praktijk=praktijk, verloopt_op=now - datetime.timedelta(minutes=1))
    UitnodigingFactory(praktijk=praktijk, ingetrokken_op=now)
    UitnodigingFactory(praktijk=praktijk, gebruikt_op=now)

    assert uitnodigingen_onverstuurd() == [(onverstuurd.pk, onverstuurd.token)]
    assert uitnodigingen_sweep_task.delay().get() == 1
    assert uitnodigingen_sweep_task.delay().get() == 0
    assert [m.to for m in mailoutbox] == [[onverstuurd.email]]
    assert onverstuurd.token in mailoutbox[0].body


@pytest.fixture
def gesloten_sessie(open_sessie, sessie_stellingen):
    def deelnemer(naam: str, email: str, antwoordt: bool = True):
        d = condities_services.deelnemer_join(
            sessie=open_sessie, naam=naam, mantelzorger=True, email=email
        )
        if antwoordt:
            condities_services.antwoord_save(deelnemer=d, stelling=sessie_stellingen[0], score=2)

    deelnemer("Anna", "anna@voorbeeld.example")
    deelnemer("Zonder adres", "")
    deelnemer("Niets ingevuld", "niets@voorbeeld.example", antwoordt=False)
    return condities_services.sessie_close(sessie=open_sessie, by=open_sessie.created_by)


def test_the_summary_sweep_sends_what_a_closing_left_once(gesloten_sessie, mailoutbox):
    assert summaries_sweep_task.delay().get() == 1
    assert summaries_sweep_task.delay().get() == 0
    assert [m.to for m in mailoutbox] == [["anna@voorbeeld.example"]]


def test_the_summary_sweep_leaves_sessions_closed_more_than_a_week_ago(gesloten_sessie, mailoutbox):
    Sessie.objects.filter(pk=gesloten_sessie.pk).update(
        gesloten_op=timezone.now() - datetime.timedelta(days=8)
    )
    assert summaries_sweep_task.delay().get() == 0
    assert mailoutbox == []


def test_a_title_with_a_carriage_return_still_gets_its_summary_mailed(gesloten_sessie, mailoutbox):
    """Found in the review: a CR in a session title made every summary mail fail."""
    Sessie.objects.filter(pk=gesloten_sessie.pk).update(titel="Werkvorm\r\nnajaar")
    assert summaries_sweep_task.delay().get() == 1
    assert len(mailoutbox) == 1
    assert "\r" not in mailoutbox[0].subject and "\n" not in mailoutbox[0].subject
    assert "Werkvorm najaar" in mailoutbox[0].subject


def test_one_failing_session_does_not_stop_the_sweep_for_the_others(
    gesloten_sessie, mailoutbox, monkeypatch, caplog
):
    echte = condities_services.summary_send
    kapot = []

    def summary_send(*, sessie_id: int) -> int:
        if not kapot:
            kapot.append(sessie_id)
            raise ValueError("a broken item")
        return echte(sessie_id=sessie_id)

    # A second closed session with one participant to mail.
    andere = Sessie.objects.get(pk=gesloten_sessie.pk)
    andere.pk = None
    andere.code = ""
    andere.status = Sessie.Status.OPEN
    andere.save()
    bert = condities_services.deelnemer_join(
        sessie=andere, naam="Bert", mantelzorger=True, email="bert@voorbeeld.example"
    )
    stelling = andere.stellingenset.stellingen.order_by("pk").first()
    condities_services.antwoord_save(deelnemer=bert, stelling=stelling, score=3)
    Sessie.objects.filter(pk=andere.pk).update(status=Sessie.Status.GESLOTEN)
    monkeypatch.setattr("condities.services.afsluiten.summary_send", summary_send)
    assert condities_services.summaries_sweep() == 1
    assert len(mailoutbox) == 1
    assert "failed; the sweep goes on" in caplog.text


def test_a_guests_address_and_name_are_forgotten_once_the_summary_went_out(
    gesloten_sessie, mailoutbox
):
    from condities.models import Deelnemer

    assert summaries_sweep_task.delay().get() == 1
    assert [m.to for m in mailoutbox] == [["anna@voorbeeld.example"]]
    gasten = Deelnemer.objects.filter(sessie=gesloten_sessie, user__isnull=True)
    assert gasten.count() == 3
    assert not gasten.exclude(email="").exists()
    assert not gasten.filter(naam="Anna").exists()
    # The one who answered nothing never gets a summary, so their address goes too.
    assert not gasten.filter(email="niets@voorbeeld.example").exists()
