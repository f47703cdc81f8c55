"""The project's own form fields under input no browser sends."""

import pytest
from django import forms

from config.forms import BoundedModelMultipleChoiceField
from netwerk.models import Organisatie
from tests.factories import OrganisatieFactory

pytestmark = pytest.mark.django_db


class KeuzeForm(forms.Form):
    organisaties = BoundedModelMultipleChoiceField(queryset=Organisatie.objects.all())


@pytest.mark.parametrize("waarde", ["9223372036854775808", "9" * 50, "9" * 5000, "-" + "9" * 5000])
def test_an_id_no_row_can_have_is_an_invalid_choice_not_a_crash(waarde):
    organisatie = OrganisatieFactory()
    form = KeuzeForm({"organisaties": [str(organisatie.pk), waarde]})
    assert not form.is_valid()
    assert form.errors["organisaties"][0].startswith("Selecteer een geldige keuze")
    # Positive control: the real organisation alone is a valid choice.
    form = KeuzeForm({"organisaties": [str(organisatie.pk)]})
    assert form.is_valid() and list(form.cleaned_data["organisaties"]) == [organisatie]
