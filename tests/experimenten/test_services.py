"""The services guard the practice's boundary for every caller, not only the forms."""

import pytest

from experimenten import access, selectors, services
from experimenten.models import Experiment, Fase, Niveau
from tests.factories import OntwerpvraagFactory, VerhaalFactory

pytestmark = pytest.mark.django_db


def _create(praktijk, vraag, user, **extra):
    return services.experiment_create(
        praktijk=praktijk,
        by=user,
        ontwerpvraag=vraag,
        titel="Samen de sociale kaart",
        doel="Iedereen weet wie wat doet.",
        niveau=Niveau.BUURT,
        fase=Fase.VERKENNEN,
        **extra,
    )


def test_experiment_create_refuses_a_design_question_of_another_practice(
    praktijk, andere_praktijk, facilitator
):
    with pytest.raises(ValueError, match="The design question belongs to another practice"):
        _create(praktijk, OntwerpvraagFactory(praktijk=andere_praktijk), facilitator)
    assert not Experiment.objects.exists()


def test_experiment_create_refuses_a_story_of_another_practice(
    praktijk, andere_praktijk, vraag, facilitator
):
    verhaal = VerhaalFactory(praktijk=andere_praktijk)
    with pytest.raises(ValueError, match="A story belongs to another practice"):
        _create(praktijk, vraag, facilitator, verhalen=[verhaal])
    assert not Experiment.objects.exists()


def test_experiment_close_refuses_an_open_status(experiment_betrokken, facilitator):
    before = Experiment.objects.filter(pk=experiment_betrokken.pk).values().get()
    with pytest.raises(ValueError, match="closed as finished or stopped"):
        services.experiment_close(
            experiment=experiment_betrokken,
            by=facilitator,
            status=Experiment.Status.LOOPT,
            resultaat="R",
            lessen="L",
        )
    assert Experiment.objects.filter(pk=experiment_betrokken.pk).values().get() == before


def test_experiment_can_edit_follows_role_owner_and_organisation(
    praktijk, lid, kerngroeplid, experiment_betrokken, experiment_niet_betrokken
):
    from netwerk.access import lid_get_for_user

    toegang_lid = lid_get_for_user(user=lid, slug="stein")
    toegang_kern = lid_get_for_user(user=kerngroeplid, slug="stein")
    assert access.experiment_can_edit(toegang=toegang_lid, experiment=experiment_betrokken)
    assert not access.experiment_can_edit(toegang=toegang_lid, experiment=experiment_niet_betrokken)
    assert access.experiment_can_edit(toegang=toegang_kern, experiment=experiment_niet_betrokken)
    experiment_niet_betrokken.eigenaar = lid.persoon
    assert access.experiment_can_edit(toegang=toegang_lid, experiment=experiment_niet_betrokken)


def test_matrix_and_list_selectors_keep_their_contract(praktijk, experiment_betrokken):
    assert list(selectors.experimenten_for_praktijk(praktijk=praktijk)) == [experiment_betrokken]
    vragen, matrix = selectors.ontwerpvragen_with_matrix(praktijk=praktijk)
    assert sum(row["totaal"] for row in matrix) == 1
    assert [vraag.aantal_experimenten for vraag in vragen] == [1]


def test_staff_can_open_experiments_in_the_admin(client, staff, experiment_betrokken):
    from django.urls import reverse

    staff.is_superuser = True
    staff.save()
    client.force_login(staff)
    assert client.get(reverse("admin:experimenten_experiment_changelist")).status_code == 200
    change = reverse("admin:experimenten_experiment_change", args=[experiment_betrokken.pk])
    assert client.get(change).status_code == 200
