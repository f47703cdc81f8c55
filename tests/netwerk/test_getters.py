"""One scoped getter per resource: first "may you see it" (404), then "may you change it" (403),
so the same request gets the same answer on every page of the network and its members."""

import pytest
from django.urls import reverse

from netwerk.models import Afspraak
from praktijken.models import Lidmaatschap, Rol
from tests.factories import LidmaatschapFactory, UitnodigingFactory

pytestmark = pytest.mark.django_db

MISSING = 999_999


def url(name: str, *args) -> str:
    return reverse(f"netwerk:{name}", args=["stein", *args])


@pytest.mark.parametrize(
    "name",
    ["afspraak_bewerken", "deelname_bewerken", "organisatie_bewerken", "persoon_bewerken"],
)
def test_editing_something_that_does_not_exist_is_404_for_every_member(login_as, praktijk, name):
    for persona in ["lid", "kerngroeplid", "facilitator", "staff"]:
        response = login_as(persona).get(url(name, MISSING))
        assert response.status_code == 404, (persona, name)


def test_removing_a_missing_agreement_is_404_even_for_a_member_who_may_not_remove(
    login_as, praktijk
):
    assert login_as("lid").post(url("afspraak_verwijderen", MISSING)).status_code == 404


def test_adding_a_person_to_a_missing_organisation_is_404_for_every_member(login_as, praktijk):
    for persona in ["lid", "kerngroeplid"]:
        assert login_as(persona).get(url("persoon_nieuw", MISSING)).status_code == 404, persona


def test_a_member_who_may_not_edit_a_visible_agreement_gets_403_and_an_editor_the_form(
    login_as, praktijk, afspraak
):
    assert login_as("lid").get(url("afspraak_bewerken", afspraak.pk)).status_code == 403
    assert login_as("lid").post(url("afspraak_verwijderen", afspraak.pk)).status_code == 403
    assert Afspraak.objects.filter(pk=afspraak.pk).exists()
    page = login_as("kerngroeplid").get(url("afspraak_bewerken", afspraak.pk))
    assert page.status_code == 200
    assert afspraak.afspraak in page.text


def test_a_member_gets_403_for_another_organisation_and_the_form_for_their_own(
    login_as, praktijk, eigen_organisatie, huisarts
):
    client = login_as("lid")
    assert client.get(url("organisatie_bewerken", huisarts.pk)).status_code == 403
    assert client.get(url("persoon_nieuw", huisarts.pk)).status_code == 403
    page = client.get(url("organisatie_bewerken", eigen_organisatie.pk))
    assert page.status_code == 200
    assert eigen_organisatie.naam in page.text


def test_an_organisation_of_another_practice_is_404_not_403(login_as, praktijk, ede_organisatie):
    assert login_as("lid").get(url("organisatie_bewerken", ede_organisatie.pk)).status_code == 404


def test_a_missing_membership_or_invitation_is_404_for_a_member_who_may_not_manage(
    login_as, praktijk
):
    client = login_as("kerngroeplid")
    assert client.post(url("lid_rol", MISSING), {"rol": Rol.LID}).status_code == 404
    assert client.post(url("lid_verwijderen", MISSING)).status_code == 404
    assert client.post(url("uitnodiging_opnieuw", MISSING)).status_code == 404
    assert client.post(url("uitnodiging_intrekken", MISSING)).status_code == 404


def test_a_visible_membership_or_invitation_is_403_for_a_member_who_may_not_manage(
    login_as, praktijk, facilitator
):
    lidmaatschap = LidmaatschapFactory(praktijk=praktijk, rol=Rol.LID)
    uitnodiging = UitnodigingFactory(praktijk=praktijk, uitgenodigd_door=facilitator)
    client = login_as("kerngroeplid")
    assert client.post(url("lid_rol", lidmaatschap.pk), {"rol": Rol.FACILITATOR}).status_code == 403
    assert client.post(url("lid_verwijderen", lidmaatschap.pk)).status_code == 403
    assert client.post(url("uitnodiging_intrekken", uitnodiging.pk)).status_code == 403
    lidmaatschap.refresh_from_db()
    assert lidmaatschap.rol == Rol.LID
    uitnodiging.refresh_from_db()
    assert uitnodiging.ingetrokken_op is None


def test_a_facilitator_manages_the_membership(login_as, praktijk):
    lidmaatschap = LidmaatschapFactory(praktijk=praktijk, rol=Rol.LID)
    response = login_as("facilitator").post(
        url("lid_rol", lidmaatschap.pk), {"rol": Rol.KERNGROEPLID}
    )
    assert response.status_code == 302
    assert Lidmaatschap.objects.get(pk=lidmaatschap.pk).rol == Rol.KERNGROEPLID
