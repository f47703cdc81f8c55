"""Check-in mail: a personal link per member, sent once; one reminder, only to who did nothing."""

import datetime
import re
from unittest import mock

import pytest
from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone

from condities import selectors, services
from condities.models import Conditie, Deelnemer
from condities.tasks import checkin_invitations_send_task, checkin_reminders_task

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://\S+/checkin/[\w-]+/")


@pytest.fixture
def leden(facilitator, kerngroeplid, lid):
    return [facilitator, kerngroeplid, lid]


@pytest.fixture
def checkin(praktijk, facilitator, leden):
    return services.checkin_create(
        praktijk=praktijk,
        by=facilitator,
        titel="Check-in voorjaar",
        datum=datetime.date(2026, 3, 1),
        condities=Conditie.values,
        stellingen=[],
        herinnering_na_dagen=7,
        ontvangers=leden,
    )


def deelnemer_of(checkin, user) -> Deelnemer:
    return Deelnemer.objects.get(sessie=checkin, user=user)


def invited_days_ago(checkin, days: int) -> None:
    Deelnemer.objects.filter(sessie=checkin).update(
        uitgenodigd_op=timezone.now() - datetime.timedelta(days=days)
    )


def test_each_member_gets_one_invitation_with_a_personal_link(checkin, leden, mailoutbox):
    assert checkin_invitations_send_task.delay(checkin.pk).get() == 3
    per_adres = {mail.to[0]: mail for mail in mailoutbox}
    assert sorted(per_adres) == sorted(user.email for user in leden)
    links = set()
    for user in leden:
        mail = per_adres[user.email]
        deelnemer = deelnemer_of(checkin, user)
        assert mail.subject == "Check-in: Check-in voorjaar"
        assert LINK.search(mail.body)[0] == settings.SITE_URL + reverse(
            "condities:checkin_link", args=[deelnemer.token]
        )
        links.add(LINK.search(mail.body)[0])
        assert deelnemer.uitgenodigd_op is not None
        # Plain Dutch: what it is, how long it takes, that nobody sees your answers.
        assert "korte ronde stellingen" in mail.body
        assert "ongeveer 9 minuten" in mail.body
        assert "Niemand anders ziet jouw eigen antwoorden" in mail.body
    assert len(links) == 3


def test_the_link_from_the_mail_lets_you_answer_as_yourself(client, checkin, lid, mailoutbox):
    checkin_invitations_send_task.delay(checkin.pk)
    mail = next(m for m in mailoutbox if m.to == [lid.email])
    path = LINK.search(mail.body)[0].removeprefix(settings.SITE_URL)
    page = client.get(path, follow=True)
    assert page.status_code == 200
    assert page.context["deelnemer"] == deelnemer_of(checkin, lid)
    stelling = selectors.stellingen_for_sessie(sessie=checkin)[0]
    client.post(reverse("condities:antwoord", args=[checkin.code]), {f"s{stelling.pk}": "3"})
    assert [a.score for a in deelnemer_of(checkin, lid).antwoorden.all()] == [3]


def test_running_the_invitation_task_twice_sends_once(checkin, mailoutbox):
    checkin_invitations_send_task.delay(checkin.pk)
    assert checkin_invitations_send_task.delay(checkin.pk).get() == 0
    assert len(mailoutbox) == 3


def test_a_failed_mail_is_not_marked_and_the_retry_sends_it(checkin, mailoutbox):
    with (
        mock.patch.object(EmailMessage, "send", side_effect=ConnectionRefusedError),
        pytest.raises(OSError) as raised,
    ):
        services.checkin_invitations_send(sessie_id=checkin.pk)
    assert raised.type is ConnectionRefusedError  # the mail server's own error, passed on
    assert not Deelnemer.objects.filter(uitgenodigd_op__isnull=False).exists()
    checkin_invitations_send_task.delay(checkin.pk)
    assert len(mailoutbox) == 3


def test_the_tasks_retry_with_back_off():
    for task in (checkin_invitations_send_task, checkin_reminders_task):
        assert OSError in task.autoretry_for
        assert task.retry_backoff
        assert task.max_retries >= 3


def test_a_closed_check_in_sends_no_invitations(checkin, mailoutbox):
    services.sessie_close(sessie=checkin, by=checkin.created_by)
    mailoutbox.clear()
    assert checkin_invitations_send_task.delay(checkin.pk).get() == 0
    assert mailoutbox == []


def test_an_unknown_check_in_sends_nothing(db, mailoutbox):
    assert checkin_invitations_send_task.delay(999_999).get() == 0
    assert mailoutbox == []


def test_the_reminder_goes_to_who_has_not_finished_worded_by_whether_they_started(
    checkin, facilitator, kerngroeplid, lid, mailoutbox
):
    checkin_invitations_send_task.delay(checkin.pk)
    invited_days_ago(checkin, 7)
    stelling = selectors.stellingen_for_sessie(sessie=checkin)[0]
    services.antwoord_save(deelnemer=deelnemer_of(checkin, lid), stelling=stelling, score=4)
    services.deelnemer_finish(deelnemer=deelnemer_of(checkin, lid))
    # "Weet ik niet" is an answer too: started, not finished.
    services.antwoord_save(
        deelnemer=deelnemer_of(checkin, kerngroeplid), stelling=stelling, score=None
    )
    mailoutbox.clear()

    assert checkin_reminders_task.delay().get() == 2
    per_adres = {mail.to[0]: mail for mail in mailoutbox}
    assert sorted(per_adres) == sorted([facilitator.email, kerngroeplid.email])
    herinnering = per_adres[facilitator.email]
    assert herinnering.subject == "Herinnering: check-in Check-in voorjaar"
    assert LINK.search(herinnering.body)[0].endswith(deelnemer_of(checkin, facilitator).token + "/")
    assert "We hebben je antwoorden nog niet gezien" in herinnering.body
    assert "laatste herinnering" in herinnering.body
    assert "Je bent begonnen" in per_adres[kerngroeplid.email].body
    assert "nog niet gezien" not in per_adres[kerngroeplid.email].body
    assert deelnemer_of(checkin, facilitator).laatst_herinnerd_op is not None
    assert deelnemer_of(checkin, facilitator).herinneringen == 1

    # One reminder is the default: never a second, however often beat runs.
    assert checkin_reminders_task.delay().get() == 0
    assert services.checkin_reminders_send(now=timezone.now() + datetime.timedelta(days=30)) == 0
    assert len(mailoutbox) == 2


def test_no_reminder_before_the_set_number_of_days(checkin, mailoutbox):
    checkin_invitations_send_task.delay(checkin.pk)
    invited_days_ago(checkin, 6)
    mailoutbox.clear()
    assert checkin_reminders_task.delay().get() == 0
    assert mailoutbox == []


def test_the_number_of_days_is_per_check_in(checkin, mailoutbox):
    checkin.herinnering_na_dagen = 2
    checkin.save()
    checkin_invitations_send_task.delay(checkin.pk)
    invited_days_ago(checkin, 2)
    mailoutbox.clear()
    assert checkin_reminders_task.delay().get() == 3


def test_no_reminder_for_who_finished_or_was_never_invited(checkin, lid, mailoutbox):
    services.deelnemer_finish(deelnemer=deelnemer_of(checkin, lid))
    with mock.patch("condities.services.checkins.checkin_invitations_sweep"):
        assert services.checkin_reminders_send() == 0
    invited_days_ago(checkin, 30)
    assert services.checkin_reminders_send() == 2
    assert lid.email not in [mail.to[0] for mail in mailoutbox]


def test_no_reminder_after_the_check_in_closed(checkin, mailoutbox):
    checkin_invitations_send_task.delay(checkin.pk)
    invited_days_ago(checkin, 10)
    services.sessie_close(sessie=checkin, by=checkin.created_by)
    mailoutbox.clear()
    assert checkin_reminders_task.delay().get() == 0
    assert mailoutbox == []


def test_the_daily_task_sends_invitations_a_failed_run_left_behind(checkin, mailoutbox):
    # Nothing was sent yet (say the broker was away when the check-in was created).
    assert checkin_reminders_task.delay().get() == 0
    assert len(mailoutbox) == 3
    assert all(m.subject == "Check-in: Check-in voorjaar" for m in mailoutbox)
    assert not Deelnemer.objects.filter(uitgenodigd_op__isnull=True).exists()


def test_beat_runs_the_reminders_daily():
    entry = settings.CELERY_BEAT_SCHEDULE["condities-checkin-herinneren"]
    assert entry["task"] == "condities.tasks.checkin_reminders_task"
    assert entry["schedule"].hour == {9}
    assert "netwerk-bevestiging-vragen" in settings.CELERY_BEAT_SCHEDULE


def test_the_email_is_dutch_even_when_the_facilitator_uses_english(
    client, praktijk, facilitator, lid, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(facilitator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("condities:checkin_nieuw", args=["stein"]),
            {
                "titel": "Check-in",
                "datum": "2026-09-01",
                "condities": ["ambitie"],
                "herinnering_na_dagen": "7",
                "herinneringen_aantal": "1",
                "sluit_op": (datetime.datetime.now() + datetime.timedelta(days=14)).strftime(
                    "%Y-%m-%dT%H:%M"
                ),
                "ontvangers": [str(lid.pk)],
            },
        )
    assert [m.to for m in mailoutbox] == [[lid.email]]
    assert "Je persoonlijke link" in mailoutbox[0].body
    assert "ongeveer 2 minuten" in mailoutbox[0].body
