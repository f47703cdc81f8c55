"""Replying to a carer who left an email address with consent: once, logged, not after removal."""

import datetime

import pytest
from django.core.mail import EmailMessage
from django.utils import timezone

from mantelzorg import services
from praktijken.models import Gebeurtenis
from tests.factories import ReactieFactory
from tests.mantelzorg.helpers import url
from tests.permissions import assert_matrix, managers

pytestmark = pytest.mark.django_db

ANTWOORD = "Dank je wel. We hebben met de huisartsen afgesproken dat ze je terugbellen."


@pytest.fixture
def reactie(praktijk):
    return ReactieFactory(
        praktijk=praktijk,
        wat_gaat_goed="De POH nam echt de tijd.",
        contact_toestemming=True,
        naam="Anna de Vries",
        email="anna@voorbeeld.example",
        contact_bewaren_tot=timezone.localdate() + datetime.timedelta(days=100),
    )


def test_only_facilitators_and_staff_reply(login_as, reactie):
    assert_matrix(
        login_as,
        url("beantwoorden", pk=reactie.pk),
        managers(302),
        method="post",
        data={"tekst": ANTWOORD},
    )


def test_replying_is_post_only(client, facilitator, reactie):
    client.force_login(facilitator)
    assert client.get(url("beantwoorden", pk=reactie.pk)).status_code == 405


def test_a_reply_goes_once_to_the_carer_with_reply_to_the_facilitator(
    client, facilitator, reactie, mailoutbox, caplog
):
    client.force_login(facilitator)
    page = client.get(url("reactie", pk=reactie.pk)).content.decode()
    assert "Antwoord versturen" in page

    response = client.post(url("beantwoorden", pk=reactie.pk), {"tekst": ANTWOORD}, follow=True)
    assert "Je antwoord is naar de mantelzorger gestuurd." in response.content.decode()
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["anna@voorbeeld.example"]
    assert mail.reply_to == ["facilitator@stein.example"]
    assert mail.subject == "Een antwoord op je reactie aan Lerende praktijk Stein"
    assert ANTWOORD in mail.body
    reactie.refresh_from_db()
    assert reactie.beantwoord_op is not None
    gebeurtenis = Gebeurtenis.objects.get(actie="reactie.beantwoord")
    assert gebeurtenis.door == facilitator and gebeurtenis.omschrijving == ""
    assert ANTWOORD not in caplog.text

    # A second reply is refused: one mail in all.
    response = client.post(url("beantwoorden", pk=reactie.pk), {"tekst": "Nog iets"}, follow=True)
    assert "kan geen antwoord krijgen" in response.content.decode()
    assert len(mailoutbox) == 1


def test_no_reply_after_the_contact_details_were_removed_at_their_term(
    client, facilitator, reactie, mailoutbox
):
    reactie.contact_bewaren_tot = timezone.localdate() - datetime.timedelta(days=1)
    reactie.save()
    assert services.contact_expired_delete() == 1
    client.force_login(facilitator)
    page = client.get(url("reactie", pk=reactie.pk)).content.decode()
    assert "De contactgegevens zijn verwijderd op" in page  # positive control
    assert "Antwoord versturen" not in page
    response = client.post(url("beantwoorden", pk=reactie.pk), {"tekst": ANTWOORD}, follow=True)
    assert "kan geen antwoord krijgen" in response.content.decode()
    assert mailoutbox == []
    reactie.refresh_from_db()
    assert reactie.beantwoord_op is None
    assert not Gebeurtenis.objects.filter(actie="reactie.beantwoord").exists()


def test_a_too_long_reply_is_refused_with_the_text_kept(client, facilitator, reactie, mailoutbox):
    client.force_login(facilitator)
    response = client.post(url("beantwoorden", pk=reactie.pk), {"tekst": "x" * 2001})
    assert response.status_code == 422
    assert "x" * 2001 in response.content.decode()
    assert mailoutbox == []


def test_without_consent_there_is_no_reply_form(client, facilitator, praktijk, mailoutbox):
    anoniem = ReactieFactory(praktijk=praktijk, wat_gaat_goed="Anoniem verhaal")
    client.force_login(facilitator)
    page = client.get(url("reactie", pk=anoniem.pk)).content.decode()
    assert "Anoniem verhaal" in page
    assert "Antwoord versturen" not in page
    client.post(url("beantwoorden", pk=anoniem.pk), {"tekst": ANTWOORD})
    assert mailoutbox == []


def test_a_mail_server_outage_keeps_the_reply_to_send_again(
    client, facilitator, reactie, mailoutbox, monkeypatch
):
    def kapot(self, *args, **kwargs):
        raise ConnectionRefusedError("no mail server")

    monkeypatch.setattr(EmailMessage, "send", kapot)
    client.force_login(facilitator)
    response = client.post(url("beantwoorden", pk=reactie.pk), {"tekst": ANTWOORD})
    assert response.status_code == 422
    text = response.content.decode()
    assert "Je antwoord kon nu niet worden verstuurd" in text
    assert ANTWOORD in text
    reactie.refresh_from_db()
    assert reactie.beantwoord_op is None

    monkeypatch.undo()
    client.post(url("beantwoorden", pk=reactie.pk), {"tekst": ANTWOORD})
    assert [m.to for m in mailoutbox] == [["anna@voorbeeld.example"]]
