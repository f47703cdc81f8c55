"""experiment_get_for_user / experiment_get_for_edit: 404 when not visible, only then 403."""

import pytest
from django.urls import reverse

from tests.factories import ExperimentFactory, OntwerpvraagFactory

pytestmark = pytest.mark.django_db

MISSING = 999_999


def url(name: str, pk: int) -> str:
    return reverse(f"experimenten:{name}", kwargs={"slug": "stein", "pk": pk})


@pytest.mark.parametrize("name", ["bewerken", "afsluiten"])
def test_editing_a_missing_experiment_is_404_for_every_member(login_as, praktijk, name):
    for persona in ["lid", "kerngroeplid", "facilitator"]:
        assert login_as(persona).get(url(name, MISSING)).status_code == 404, persona


def test_adding_to_a_missing_experiment_is_404_even_for_a_member_who_may_not_edit(
    login_as, praktijk
):
    client = login_as("lid")
    assert client.post(url("stap_nieuw", MISSING), {}).status_code == 404
    assert client.post(url("opbrengst_nieuw", MISSING), {}).status_code == 404


def test_an_experiment_of_another_practice_is_404(login_as, praktijk, andere_praktijk):
    elders = ExperimentFactory(ontwerpvraag=OntwerpvraagFactory(praktijk=andere_praktijk))
    assert login_as("kerngroeplid").get(url("bewerken", elders.pk)).status_code == 404


def test_a_member_not_involved_gets_403_and_an_involved_one_or_an_editor_the_form(
    login_as, experiment_betrokken, experiment_niet_betrokken
):
    client = login_as("lid")
    assert client.get(url("bewerken", experiment_niet_betrokken.pk)).status_code == 403
    assert client.post(url("stap_nieuw", experiment_niet_betrokken.pk), {}).status_code == 403
    page = client.get(url("bewerken", experiment_betrokken.pk))
    assert page.status_code == 200
    assert experiment_betrokken.titel in page.text
    page = login_as("kerngroeplid").get(url("bewerken", experiment_niet_betrokken.pk))
    assert page.status_code == 200
    assert experiment_niet_betrokken.titel in page.text
