"""The library's detail pages: one scoped getter per kind. An item of a practice in another
programme, or an unshared item, is a 404; the shared item of a practice in the programme shows,
without the names of people."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    ExperimentFactory,
    OpbrengstFactory,
    ProgrammaTeamlidFactory,
    VerhaalFactory,
)

pytestmark = pytest.mark.django_db


def test_a_member_of_another_practice_in_the_programme_reads_a_shared_lesson(
    client, outsider, programma, gedeelde_les, gedeelde_opbrengst
):
    client.force_login(outsider)
    response = client.get(reverse("bibliotheek:les", args=[gedeelde_les.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Huisartsen bellen het steunpunt" in html
    assert "Lerende praktijk Stein" in html
    assert "Begin klein" in html and "Nodig de huisarts uit" in html
    assert "Een kaartje met het nummer van het steunpunt." in html  # its shared outcome
    assert "Hanneke Eigenaar" not in html  # the owner stays in stein


def test_an_unshared_lesson_is_404(client, outsider, programma, gedeelde_les, ongedeelde_les):
    client.force_login(outsider)
    assert client.get(reverse("bibliotheek:les", args=[gedeelde_les.pk])).status_code == 200
    assert client.get(reverse("bibliotheek:les", args=[ongedeelde_les.pk])).status_code == 404


def test_a_lesson_of_a_practice_in_another_programme_is_404(
    client, outsider, programma, gedeelde_les, venlo_les, venlo_facilitator
):
    client.force_login(outsider)
    assert client.get(reverse("bibliotheek:les", args=[gedeelde_les.pk])).status_code == 200
    assert client.get(reverse("bibliotheek:les", args=[venlo_les.pk])).status_code == 404
    # and the other way round: venlo reads its own programme's lesson, not stein's
    client.force_login(venlo_facilitator)
    assert client.get(reverse("bibliotheek:les", args=[venlo_les.pk])).status_code == 200
    assert client.get(reverse("bibliotheek:les", args=[gedeelde_les.pk])).status_code == 404


def test_outside_any_programme_only_the_own_practice_shared_items_show(
    client, facilitator, outsider, gedeelde_les
):
    # No programme fixture: stein and ede are in none.
    client.force_login(facilitator)
    assert client.get(reverse("bibliotheek:les", args=[gedeelde_les.pk])).status_code == 200
    client.force_login(outsider)
    assert client.get(reverse("bibliotheek:les", args=[gedeelde_les.pk])).status_code == 404


def test_a_shared_outcome_shows_and_an_unshared_one_is_404(
    client, outsider, programma, gedeelde_les, gedeelde_opbrengst, venlo_les
):
    ongedeeld = OpbrengstFactory(experiment=gedeelde_les, beschrijving="Nog niet klaar.")
    venlo_opbrengst = OpbrengstFactory(experiment=venlo_les, gedeeld_op=venlo_les.gedeeld_op)
    client.force_login(outsider)
    response = client.get(reverse("bibliotheek:opbrengst", args=[gedeelde_opbrengst.pk]))
    assert response.status_code == 200
    assert "Een kaartje met het nummer van het steunpunt." in response.content.decode()
    assert client.get(reverse("bibliotheek:opbrengst", args=[ongedeeld.pk])).status_code == 404
    assert (
        client.get(reverse("bibliotheek:opbrengst", args=[venlo_opbrengst.pk])).status_code == 404
    )


def test_a_shared_story_shows_without_the_people_in_it(
    client, outsider, programma, gedeeld_verhaal, venlo
):
    ongedeeld = VerhaalFactory(praktijk=gedeeld_verhaal.praktijk, titel="Nog even niet")
    venlo_verhaal = VerhaalFactory(praktijk=venlo, gedeeld_op=gedeeld_verhaal.gedeeld_op)
    client.force_login(outsider)
    response = client.get(reverse("bibliotheek:verhaal", args=[gedeeld_verhaal.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "De buurvrouw kwam elke dinsdag even langs." in html
    assert "Buren die een oogje in het zeil houden." in html
    assert "Gerda Vertelster" not in html and "Piet Mogelijk" not in html
    assert client.get(reverse("bibliotheek:verhaal", args=[ongedeeld.pk])).status_code == 404
    assert client.get(reverse("bibliotheek:verhaal", args=[venlo_verhaal.pk])).status_code == 404


def test_the_programme_team_reads_its_programme_only(client, programma, gedeelde_les, venlo_les):
    teamlid = ProgrammaTeamlidFactory(programma=programma).user
    client.force_login(teamlid)
    assert client.get(reverse("bibliotheek:les", args=[gedeelde_les.pk])).status_code == 200
    assert client.get(reverse("bibliotheek:les", args=[venlo_les.pk])).status_code == 404


def test_staff_read_every_programme_but_not_what_is_unshared(
    client, staff, programma, gedeelde_les, venlo_les, ongedeelde_les
):
    client.force_login(staff)
    assert client.get(reverse("bibliotheek:les", args=[gedeelde_les.pk])).status_code == 200
    assert client.get(reverse("bibliotheek:les", args=[venlo_les.pk])).status_code == 200
    assert client.get(reverse("bibliotheek:les", args=[ongedeelde_les.pk])).status_code == 404


def test_an_experiment_shared_then_unshared_is_gone(client, outsider, programma, vraag):
    experiment = ExperimentFactory(ontwerpvraag=vraag, gedeeld_op=timezone.now())
    client.force_login(outsider)
    assert client.get(reverse("bibliotheek:les", args=[experiment.pk])).status_code == 200
    experiment.gedeeld_op = None
    experiment.save()
    assert client.get(reverse("bibliotheek:les", args=[experiment.pk])).status_code == 404


@pytest.mark.parametrize("aantal", [2, 10])
def test_a_lesson_page_costs_the_same_queries_with_2_or_10_outcomes(
    client, outsider, programma, gedeelde_les, aantal, django_assert_max_num_queries
):
    for _ in range(aantal):
        OpbrengstFactory(experiment=gedeelde_les, gedeeld_op=timezone.now())
    client.force_login(outsider)
    # session, user, the lesson with its practice and question, its shared outcomes
    with django_assert_max_num_queries(4):
        response = client.get(reverse("bibliotheek:les", args=[gedeelde_les.pk]))
    assert response.text.count("Huisartsen en steunpunt bellen elkaar nu direct.") == aantal
