"""Handling carers' feedback is recorded in the audit trail, without the carer's own words."""

import pytest

from mantelzorg.models import MantelzorgFormulier, Reactie
from praktijken.models import Gebeurtenis
from tests.factories import ReactieFactory
from tests.mantelzorg.helpers import formulier_data, url

pytestmark = pytest.mark.django_db


def test_handling_feedback_records_who_did_it_but_not_what_the_carer_wrote(
    client, praktijk, facilitator
):
    reactie = ReactieFactory(praktijk=praktijk, wat_gaat_goed="Mijn moeder werd gezien.")
    client.force_login(facilitator)
    response = client.post(
        url("reactie", pk=reactie.pk),
        {"status": Reactie.Status.AFGEHANDELD, "interne_notitie": "Doorgeven aan de POH."},
    )
    assert response.status_code == 302
    gebeurtenis = Gebeurtenis.objects.get()
    assert (gebeurtenis.actie, gebeurtenis.door, gebeurtenis.object_id) == (
        "reactie.update",
        facilitator,
        reactie.pk,
    )
    assert gebeurtenis.omschrijving == ""
    assert "moeder" not in str(gebeurtenis)


def test_removing_contact_details_and_closing_the_form_are_recorded(client, praktijk, facilitator):
    reactie = ReactieFactory(praktijk=praktijk, naam="Els", contact_toestemming=True)
    client.force_login(facilitator)
    assert client.post(url("contact_verwijderen", pk=reactie.pk)).status_code == 302
    assert (
        client.post(url("instellingen"), {"is_open": "", "intro": "Even dicht."}).status_code == 302
    )
    assert not MantelzorgFormulier.objects.get(praktijk=praktijk).is_open
    assert list(Gebeurtenis.objects.order_by("pk").values_list("actie", "door")) == [
        ("reactie.contact_delete", facilitator.pk),
        ("mantelzorgformulier.save", facilitator.pk),
    ]


def test_a_carer_sending_the_form_records_no_event(client, praktijk):
    response = client.post(url("formulier"), formulier_data(praktijk))
    assert response.status_code == 302
    assert Reactie.objects.filter(praktijk=praktijk).count() == 1
    assert not Gebeurtenis.objects.exists()


def test_a_reaction_is_found_before_the_role_is_checked(client, praktijk, lid, facilitator):
    reactie = ReactieFactory(praktijk=praktijk)
    client.force_login(lid)
    assert client.get(url("reactie", pk=reactie.pk)).status_code == 403
    assert client.get(url("reactie", pk=reactie.pk + 1000)).status_code == 404
    client.force_login(facilitator)
    assert client.get(url("reactie", pk=reactie.pk + 1000)).status_code == 404
    page = client.get(url("reactie", pk=reactie.pk))
    assert page.status_code == 200
    assert reactie.wat_gaat_goed in page.text
