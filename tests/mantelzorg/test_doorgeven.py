"""Passing feedback on: the organisation's contact person gets the texts once, never the carer."""

import datetime

import pytest
from django.utils import timezone

from mantelzorg import services
from mantelzorg.models import Reactie
from praktijken.models import Gebeurtenis
from tests.factories import DeelnameFactory, OrganisatieFactory, PersoonFactory, ReactieFactory
from tests.mantelzorg.helpers import url

pytestmark = pytest.mark.django_db


@pytest.fixture
def reactie(praktijk):
    return ReactieFactory(
        praktijk=praktijk,
        wat_gaat_goed="De POH nam echt de tijd.",
        meer_van="Meer avonden voor mantelzorgers.",
        kan_beter="De aanvraag bij de gemeente duurde lang.",
        keer_verteld=7,
        contact_toestemming=True,
        naam="Anna de Vries",
        email="anna@voorbeeld.example",
        telefoon="06 98765432",
        contact_bewaren_tot=timezone.localdate() + datetime.timedelta(days=100),
    )


def _organisatie(praktijk, naam: str, *, contact: str | None):
    organisatie = OrganisatieFactory(naam=naam, eigenaar=praktijk)
    DeelnameFactory(praktijk=praktijk, organisatie=organisatie)
    if contact:
        PersoonFactory(
            organisatie=organisatie, naam=f"Contact {naam}", email=contact, is_contactpersoon=True
        )
    # A colleague who is not the contact person is never mailed.
    PersoonFactory(organisatie=organisatie, email=f"collega@{naam.lower()}.example")
    return organisatie


def _doorgeven(client, facilitator, reactie, organisatie, capture):
    client.force_login(facilitator)
    with capture(execute=True):
        response = client.post(
            url("reactie", pk=reactie.pk),
            {
                "status": Reactie.Status.GELEZEN,
                "experiment": "",
                "doorgegeven_aan": organisatie.pk if organisatie else "",
                "interne_notitie": "",
            },
        )
    assert response.status_code == 302
    return response


def test_passing_on_mails_the_contact_person_the_texts_without_the_carers_details(
    client, praktijk, facilitator, reactie, mailoutbox, django_capture_on_commit_callbacks
):
    welzijn = _organisatie(praktijk, "Welzijn", contact="contact@welzijn.example")
    _doorgeven(client, facilitator, reactie, welzijn, django_capture_on_commit_callbacks)

    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["contact@welzijn.example"]
    assert mail.subject == "Reactie van een mantelzorger, doorgegeven door Lerende praktijk Stein"
    for tekst in [
        "De POH nam echt de tijd.",
        "Meer avonden voor mantelzorgers.",
        "De aanvraag bij de gemeente duurde lang.",
        ": 7",
    ]:
        assert tekst in mail.body
    for geheim in ["Anna", "de Vries", "anna@voorbeeld.example", "06 98765432", "98765432"]:
        assert geheim not in mail.body
        assert geheim not in mail.subject
    reactie.refresh_from_db()
    assert reactie.doorgegeven_naar == welzijn
    assert reactie.doorgegeven_persoon.email == "contact@welzijn.example"
    assert reactie.doorgegeven_op is not None
    assert Gebeurtenis.objects.filter(actie="reactie.doorgegeven", object_id=reactie.pk).exists()

    # The inbox says where it went.
    page = client.get(url("reactie", pk=reactie.pk)).content.decode()
    assert "Doorgegeven: verstuurd naar Contact Welzijn (Welzijn) op" in page
    lijst = client.get(url("inbox")).content.decode()
    assert "verstuurd op" in lijst


def test_passing_on_goes_once_and_again_to_a_new_organisation(
    client, praktijk, facilitator, reactie, mailoutbox, django_capture_on_commit_callbacks
):
    welzijn = _organisatie(praktijk, "Welzijn", contact="contact@welzijn.example")
    thuiszorg = _organisatie(praktijk, "Thuiszorg", contact="contact@thuiszorg.example")
    _doorgeven(client, facilitator, reactie, welzijn, django_capture_on_commit_callbacks)
    # Saving again with the same organisation, a sweep, a task delivered twice: no new mail.
    _doorgeven(client, facilitator, reactie, welzijn, django_capture_on_commit_callbacks)
    assert services.doorgeven_sweep() == 0
    assert services.doorgeven_send(reactie_id=reactie.pk) is False
    assert [m.to for m in mailoutbox] == [["contact@welzijn.example"]]

    _doorgeven(client, facilitator, reactie, thuiszorg, django_capture_on_commit_callbacks)
    assert [m.to for m in mailoutbox] == [
        ["contact@welzijn.example"],
        ["contact@thuiszorg.example"],
    ]
    reactie.refresh_from_db()
    assert reactie.doorgegeven_naar == thuiszorg


def test_without_a_contact_person_nothing_is_sent_and_the_inbox_says_so(
    client, praktijk, facilitator, reactie, mailoutbox, django_capture_on_commit_callbacks
):
    zonder = _organisatie(praktijk, "Zonder", contact=None)
    _doorgeven(client, facilitator, reactie, zonder, django_capture_on_commit_callbacks)
    assert mailoutbox == []
    reactie.refresh_from_db()
    assert reactie.doorgegeven_op is None
    page = client.get(url("reactie", pk=reactie.pk)).content.decode()
    assert "Zonder heeft geen contactpersoon met een e-mailadres" in page
    lijst = client.get(url("inbox")).content.decode()
    assert "Zonder" in lijst  # positive control: the organisation is in the list
    assert "verstuurd op" not in lijst

    # A contact person is added: the sweep sends it.
    PersoonFactory(organisatie=zonder, email="nieuw@zonder.example", is_contactpersoon=True)
    assert services.doorgeven_sweep() == 1
    assert [m.to for m in mailoutbox] == [["nieuw@zonder.example"]]


def test_not_passed_on_sends_nothing(
    client, praktijk, facilitator, reactie, mailoutbox, django_capture_on_commit_callbacks
):
    _organisatie(praktijk, "Welzijn", contact="contact@welzijn.example")
    _doorgeven(client, facilitator, reactie, None, django_capture_on_commit_callbacks)
    assert mailoutbox == []
    assert services.doorgeven_sweep() == 0
    page = client.get(url("reactie", pk=reactie.pk)).content.decode()
    assert "De POH nam echt de tijd." in page  # positive control
    assert "Doorgegeven: verstuurd" not in page


def test_the_sweep_and_its_schedule(settings):
    schema = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "mantelzorg.tasks.doorgeven_sweep_task" in schema


def test_the_inbox_still_says_it_went_when_the_contact_person_is_gone(
    client, praktijk, facilitator, reactie, mailoutbox, django_capture_on_commit_callbacks
):
    welzijn = _organisatie(praktijk, "Welzijn", contact="contact@welzijn.example")
    _doorgeven(client, facilitator, reactie, welzijn, django_capture_on_commit_callbacks)
    reactie.refresh_from_db()
    reactie.doorgegeven_persoon.delete()
    page = client.get(url("reactie", pk=reactie.pk)).content.decode()
    assert "Doorgegeven: verstuurd naar de contactpersoon van Welzijn op" in page
    assert len(mailoutbox) == 1  # and not sent again
    assert services.doorgeven_sweep() == 0
