"""The invitation email task: sent once per link, retried when the mail server is away."""

from unittest import mock

import pytest
from django.core.mail import EmailMessage
from django.utils import timezone

from netwerk.models import Uitnodiging
from netwerk.services import uitnodiging_resend, uitnodiging_send
from netwerk.tasks import uitnodiging_send_task

pytestmark = pytest.mark.django_db


def test_the_task_sends_once_however_often_it_runs(uitnodiging, mailoutbox):
    uitnodiging_send_task.delay(uitnodiging.pk, uitnodiging.token)
    uitnodiging_send_task.delay(uitnodiging.pk, uitnodiging.token)
    uitnodiging_send_task.delay(uitnodiging.pk)

    assert len(mailoutbox) == 1
    uitnodiging.refresh_from_db()
    assert uitnodiging.verstuurd_op is not None


def test_an_outdated_link_is_not_sent(uitnodiging, facilitator, mailoutbox):
    old_token = uitnodiging.token
    uitnodiging_resend(uitnodiging=uitnodiging, by=facilitator)  # on_commit: not run here

    uitnodiging_send_task.delay(uitnodiging.pk, old_token)
    assert mailoutbox == []

    uitnodiging.refresh_from_db()
    uitnodiging_send_task.delay(uitnodiging.pk, uitnodiging.token)
    assert len(mailoutbox) == 1
    assert uitnodiging.token in mailoutbox[0].body


def test_a_new_link_is_sent_even_when_the_old_one_was(uitnodiging, facilitator, mailoutbox):
    uitnodiging_send_task.delay(uitnodiging.pk, uitnodiging.token)
    uitnodiging = uitnodiging_resend(uitnodiging=uitnodiging, by=facilitator)
    uitnodiging_send_task.delay(uitnodiging.pk, uitnodiging.token)
    uitnodiging_send_task.delay(uitnodiging.pk, uitnodiging.token)
    assert len(mailoutbox) == 2


@pytest.mark.parametrize("field", ["ingetrokken_op", "gebruikt_op"])
def test_a_revoked_or_used_invitation_is_not_sent(uitnodiging, mailoutbox, field):
    Uitnodiging.objects.filter(pk=uitnodiging.pk).update(**{field: timezone.now()})
    uitnodiging_send_task.delay(uitnodiging.pk, uitnodiging.token)
    assert mailoutbox == []


def test_a_deleted_invitation_is_skipped(db, mailoutbox):
    uitnodiging_send_task.delay(999_999, "weg")
    assert mailoutbox == []


def test_when_the_mail_server_fails_nothing_is_marked_sent_and_it_is_retried(
    uitnodiging, mailoutbox
):
    with (
        mock.patch.object(EmailMessage, "send", side_effect=ConnectionRefusedError),
        pytest.raises(OSError) as raised,
    ):
        uitnodiging_send(uitnodiging_id=uitnodiging.pk, token=uitnodiging.token)
    assert raised.type is ConnectionRefusedError  # the mail server's own error, passed on
    uitnodiging.refresh_from_db()
    assert uitnodiging.verstuurd_op is None

    uitnodiging_send_task.delay(uitnodiging.pk, uitnodiging.token)
    assert len(mailoutbox) == 1


def test_the_task_retries_with_back_off():
    assert OSError in uitnodiging_send_task.autoretry_for
    assert uitnodiging_send_task.retry_backoff
    assert uitnodiging_send_task.max_retries >= 3


def test_the_email_is_dutch_even_when_the_facilitator_uses_english(
    client, praktijk, facilitator, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(facilitator)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/p/stein/leden/uitnodigen/",
            {"email": "a@zorg.example", "naam": "A", "rol": "lid"},
        )
    assert "Uitnodiging voor" in mailoutbox[0].subject
    assert "nodigt je uit" in mailoutbox[0].body
