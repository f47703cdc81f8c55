"""The membership and invitation services on their own: the rules hold whoever calls them."""

import pytest
from django.core.exceptions import ValidationError

from netwerk.models import Uitnodiging
from netwerk.services import (
    LaatsteFacilitator,
    lidmaatschap_change_role,
    lidmaatschap_remove,
    uitnodiging_create,
)
from praktijken.models import Lidmaatschap, Rol
from tests.factories import LidmaatschapFactory, OrganisatieFactory

pytestmark = pytest.mark.django_db


def test_an_organisation_outside_the_praktijk_is_refused(praktijk, facilitator):
    with pytest.raises(ValidationError) as raised:
        uitnodiging_create(
            praktijk=praktijk,
            email="a@zorg.example",
            naam="A",
            rol=Rol.LID,
            organisatie=OrganisatieFactory(),
            by=facilitator,
        )
    assert "organisatie" in raised.value.error_dict
    assert not Uitnodiging.objects.exists()


def test_an_unknown_role_is_refused(praktijk, facilitator):
    with pytest.raises(ValidationError) as raised:
        uitnodiging_create(
            praktijk=praktijk, email="a@zorg.example", naam="A", rol="baas", by=facilitator
        )
    assert set(raised.value.error_dict) == {"rol"}
    assert not Uitnodiging.objects.exists()
    lidmaatschap = Lidmaatschap.objects.get(user=facilitator)
    with pytest.raises(ValueError, match="unknown role 'baas'"):
        lidmaatschap_change_role(lidmaatschap=lidmaatschap, rol="baas", by=facilitator)
    assert Lidmaatschap.objects.get(pk=lidmaatschap.pk).rol == Rol.FACILITATOR


def test_the_last_facilitator_rule_counts_only_this_praktijk(
    praktijk, andere_praktijk, facilitator, outsider
):
    # `outsider` is a facilitator of another practice: that does not count for `stein`.
    eigen = Lidmaatschap.objects.get(user=facilitator, praktijk=praktijk)
    with pytest.raises(LaatsteFacilitator) as raised:
        lidmaatschap_change_role(lidmaatschap=eigen, rol=Rol.LID, by=facilitator)
    assert raised.value.code == "laatste_facilitator"
    assert Lidmaatschap.objects.get(pk=eigen.pk).rol == Rol.FACILITATOR
    with pytest.raises(LaatsteFacilitator) as raised:
        lidmaatschap_remove(lidmaatschap=eigen, by=facilitator)
    assert raised.value.code == "laatste_facilitator"
    assert Lidmaatschap.objects.filter(pk=eigen.pk, rol=Rol.FACILITATOR).exists()

    LidmaatschapFactory(praktijk=praktijk, rol=Rol.FACILITATOR)
    lidmaatschap_change_role(lidmaatschap=eigen, rol=Rol.LID, by=facilitator)
    assert Lidmaatschap.objects.get(pk=eigen.pk).rol == Rol.LID


def test_members_and_core_group_members_can_always_be_removed(praktijk, facilitator, lid):
    lidmaatschap = Lidmaatschap.objects.get(user=lid)
    lidmaatschap_remove(lidmaatschap=lidmaatschap, by=facilitator)
    assert not Lidmaatschap.objects.filter(user=lid).exists()
