"""Design questions: phrased as questions, each with its experiments and stories."""

import pytest
from django.urls import reverse

from praktijken.models import Ontwerpvraag
from tests.factories import ExperimentFactory, OntwerpvraagFactory, VerhaalFactory
from tests.pages import rendered

pytestmark = pytest.mark.django_db


def url(name: str, pk: int | None = None, slug: str = "stein") -> str:
    kwargs: dict = {"slug": slug}
    if pk is not None:
        kwargs["pk"] = pk
    return reverse(name if ":" in name else f"praktijken:{name}", kwargs=kwargs)


def test_core_group_member_adds_a_design_question(client, kerngroeplid, praktijk):
    client.force_login(kerngroeplid)
    response = client.post(
        url("ontwerpvraag_nieuw"),
        {"vraag": "  Hoe kunnen we de buurt betrekken?  ", "toelichting": "", "volgorde": "2"},
    )
    vraag = Ontwerpvraag.objects.get(praktijk=praktijk)
    assert response.status_code == 302
    assert response["Location"] == url("overzicht:ontwerpvraag_detail", vraag.pk)
    assert vraag.vraag == "Hoe kunnen we de buurt betrekken?"


def test_a_design_question_must_be_a_question(client, kerngroeplid, praktijk):
    client.force_login(kerngroeplid)
    response = client.post(
        url("ontwerpvraag_nieuw"),
        {"vraag": "Meer mantelzorgers bereiken", "toelichting": "", "volgorde": "0"},
    )
    assert response.status_code == 200
    assert "Schrijf de ontwerpvraag als vraag, met een vraagteken aan het eind." in response.text
    assert 'value="Meer mantelzorgers bereiken"' in response.text
    assert not Ontwerpvraag.objects.exists()


def test_the_form_suggests_the_hoe_kunnen_we_form(client, kerngroeplid, praktijk):
    client.force_login(kerngroeplid)
    page = client.get(url("ontwerpvraag_nieuw")).text
    assert "het liefst beginnend met „Hoe kunnen we …”" in page


def test_editing_a_design_question_keeps_the_question_rule(client, kerngroeplid, ontwerpvraag):
    client.force_login(kerngroeplid)
    target = url("ontwerpvraag_bewerken", ontwerpvraag.pk)
    response = client.post(target, {"vraag": "Geen vraag", "volgorde": "0"})
    assert response.status_code == 200
    assert "vraagteken" in response.text
    response = client.post(target, {"vraag": "Hoe kunnen we huisartsen bereiken?", "volgorde": "0"})
    assert response.status_code == 302
    ontwerpvraag.refresh_from_db()
    assert ontwerpvraag.vraag == "Hoe kunnen we huisartsen bereiken?"


def test_the_list_shows_each_question_with_its_experiments(client, lid, ontwerpvraag):
    ExperimentFactory(ontwerpvraag=ontwerpvraag, titel="Tien-minutencheck")
    ExperimentFactory(ontwerpvraag=ontwerpvraag, titel="Huisartsen en mantelzorg")
    client.force_login(lid)
    page = client.get(url("overzicht:ontwerpvragen")).text
    assert ontwerpvraag.vraag in page
    assert "2 experimenten" in page
    assert "Tien-minutencheck" in page and "Huisartsen en mantelzorg" in page


def test_the_detail_shows_experiments_and_linked_stories(client, lid, praktijk, ontwerpvraag):
    ExperimentFactory(ontwerpvraag=ontwerpvraag, titel="Tien-minutencheck")
    VerhaalFactory(praktijk=praktijk, ontwerpvraag=ontwerpvraag, titel="De POH belde")
    VerhaalFactory(praktijk=praktijk, titel="Een ander verhaal")
    client.force_login(lid)
    page = rendered(
        client.get(url("overzicht:ontwerpvraag_detail", ontwerpvraag.pk)),
        ontwerpvraag.vraag,
        "De POH belde",  # a story of this question: the list of stories rendered
    )
    assert "<h1" in page and ontwerpvraag.vraag in page
    assert "Tien-minutencheck" in page
    assert "De POH belde" in page
    assert "Een ander verhaal" not in page


def test_a_design_question_of_another_practice_is_404_and_never_listed(
    client, facilitator, andere_ontwerpvraag
):
    client.force_login(facilitator)
    for name in ["overzicht:ontwerpvraag_detail", "ontwerpvraag_bewerken"]:
        assert client.get(url(name, andere_ontwerpvraag.pk)).status_code == 404, name
    response = client.post(
        url("ontwerpvraag_bewerken", andere_ontwerpvraag.pk),
        {"vraag": "Hoe kunnen we inbreken?", "volgorde": "0"},
    )
    assert response.status_code == 404
    lijst = rendered(client.get(url("overzicht:ontwerpvragen")), ">Ontwerpvragen</h1>")
    assert andere_ontwerpvraag.vraag not in lijst
    dashboard = rendered(client.get(url("overzicht:dashboard")), "Lerende praktijk Stein")
    assert andere_ontwerpvraag.vraag not in dashboard


@pytest.mark.parametrize("n", [3, 30])
def test_design_question_list_takes_a_fixed_number_of_queries(
    client, lid, praktijk, n, django_assert_max_num_queries
):
    for _ in range(n):
        ExperimentFactory.create_batch(2, ontwerpvraag=OntwerpvraagFactory(praktijk=praktijk))
    client.force_login(lid)
    with django_assert_max_num_queries(5):
        response = client.get(url("overzicht:ontwerpvragen"))
    assert response.text.count('class="lp-card lp-vraag"') == n


@pytest.mark.parametrize("n", [3, 30])
def test_design_question_detail_takes_a_fixed_number_of_queries(
    client, lid, praktijk, ontwerpvraag, n, django_assert_max_num_queries
):
    ExperimentFactory.create_batch(n, ontwerpvraag=ontwerpvraag)
    VerhaalFactory.create_batch(n, praktijk=praktijk, ontwerpvraag=ontwerpvraag)
    client.force_login(lid)
    with django_assert_max_num_queries(6):
        response = client.get(url("overzicht:ontwerpvraag_detail", ontwerpvraag.pk))
    assert response.status_code == 200
