"""Stories: everyone tells them, editors and the teller change them, filtered live by question."""

import pytest
from django.urls import reverse

from praktijken.models import Verhaal
from tests.factories import ExperimentFactory, OntwerpvraagFactory, VerhaalFactory
from tests.pages import rendered

pytestmark = pytest.mark.django_db


def url(name: str, pk: int | None = None, slug: str = "stein") -> str:
    kwargs: dict = {"slug": slug}
    if pk is not None:
        kwargs["pk"] = pk
    return reverse(name if ":" in name else f"praktijken:{name}", kwargs=kwargs)


def test_a_member_tells_a_story_and_may_edit_it_later(client, lid, praktijk, ontwerpvraag):
    client.force_login(lid)
    response = client.post(
        url("verhaal_nieuw"),
        {
            "titel": "De wijkverpleegkundige belde",
            "wat_werkte": "Ze belde de mantelzorger zelf op.",
            "verteller": "Lotte",
            "ontwerpvraag": ontwerpvraag.pk,
        },
    )
    verhaal = Verhaal.objects.get(praktijk=praktijk)
    assert response.status_code == 302
    assert verhaal.created_by == lid
    assert verhaal.ontwerpvraag == ontwerpvraag

    assert client.get(url("overzicht:verhaal_detail", verhaal.pk)).text.count(
        url("verhaal_bewerken", verhaal.pk)
    )
    response = client.post(
        url("verhaal_bewerken", verhaal.pk),
        {"titel": "De wijkverpleegkundige belde terug", "wat_werkte": "Ja."},
    )
    assert response.status_code == 302
    verhaal.refresh_from_db()
    assert verhaal.titel == "De wijkverpleegkundige belde terug"
    assert verhaal.ontwerpvraag is None


def test_a_member_cannot_edit_someone_elses_story(client, lid, verhaal):
    client.force_login(lid)
    detail = rendered(client.get(url("overzicht:verhaal_detail", verhaal.pk)), verhaal.titel)
    assert url("verhaal_bewerken", verhaal.pk) not in detail
    assert client.get(url("verhaal_bewerken", verhaal.pk)).status_code == 403


def test_a_story_needs_what_worked(client, lid, praktijk):
    client.force_login(lid)
    response = client.post(url("verhaal_nieuw"), {"titel": "Zonder inhoud", "wat_werkte": ""})
    assert response.status_code == 200
    assert "Dit veld is verplicht." in response.text
    assert 'value="Zonder inhoud"' in response.text


def test_a_story_cannot_point_at_another_practices_question(
    client, lid, praktijk, andere_ontwerpvraag
):
    client.force_login(lid)
    response = client.post(
        url("verhaal_nieuw"),
        {"titel": "Stiekem", "wat_werkte": "Iets.", "ontwerpvraag": andere_ontwerpvraag.pk},
    )
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.text
    assert andere_ontwerpvraag.vraag not in response.text
    assert not Verhaal.objects.exists()


def test_tell_a_story_about_a_question_preselects_it(client, lid, ontwerpvraag):
    client.force_login(lid)
    page = client.get(url("verhaal_nieuw") + f"?ontwerpvraag={ontwerpvraag.pk}").text
    assert f'<option value="{ontwerpvraag.pk}" selected>' in page


def test_the_story_page_shows_its_question_and_experiments(client, lid, praktijk, ontwerpvraag):
    verhaal = VerhaalFactory(
        praktijk=praktijk,
        titel="De huisarts belde",
        ontwerpvraag=ontwerpvraag,
        wie_maakte_het_mogelijk="De POH en het steunpunt",
        meer_van="Korte lijnen",
    )
    experiment = ExperimentFactory(ontwerpvraag=ontwerpvraag, titel="Huisartsen en mantelzorg")
    experiment.verhalen.add(verhaal)
    client.force_login(lid)
    page = client.get(url("overzicht:verhaal_detail", verhaal.pk)).text
    assert ontwerpvraag.vraag in page
    assert "Huisartsen en mantelzorg" in page
    assert "De POH en het steunpunt" in page and "Korte lijnen" in page


def test_stories_filter_by_design_question_with_and_without_htmx(
    client, lid, praktijk, ontwerpvraag
):
    VerhaalFactory(praktijk=praktijk, titel="Bij de vraag", ontwerpvraag=ontwerpvraag)
    VerhaalFactory(praktijk=praktijk, titel="Los verhaal")
    client.force_login(lid)

    full = client.get(url("verhalen"), {"ontwerpvraag": ontwerpvraag.pk})
    rendered(full, ">Verhalen</h1>", "Bij de vraag")
    assert "<h1" in full.text
    assert "Bij de vraag" in full.text and "Los verhaal" not in full.text
    assert f"1 verhaal bij „{ontwerpvraag.vraag}”" in full.text

    partial = client.get(
        url("verhalen"), {"ontwerpvraag": ontwerpvraag.pk}, headers={"HX-Request": "true"}
    )
    assert partial.status_code == 200
    assert "<h1" not in partial.text and "<html" not in partial.text
    assert 'id="verhalen-lijst"' in partial.text and 'aria-live="polite"' in partial.text
    assert "Bij de vraag" in partial.text and "Los verhaal" not in partial.text


def test_stories_htmx_history_restore_gets_the_whole_page(client, lid, praktijk, ontwerpvraag):
    client.force_login(lid)
    headers = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
    response = client.get(url("verhalen"), {"ontwerpvraag": ontwerpvraag.pk}, headers=headers)
    assert "<h1" in response.text
    # One address, two answers (page or list): caches must keep them apart.
    assert "HX-Request" in response["Vary"]


def test_a_bad_filter_shows_all_stories_with_a_message(client, lid, praktijk, andere_ontwerpvraag):
    VerhaalFactory(praktijk=praktijk, titel="Los verhaal")
    client.force_login(lid)
    for value in [andere_ontwerpvraag.pk, "abc", "9" * 10_000]:
        response = client.get(url("verhalen"), {"ontwerpvraag": value})
        assert response.status_code == 200
        assert "Los verhaal" in response.text
        assert "Selecteer een geldige keuze" in response.text


def test_a_story_of_another_practice_is_404_and_never_listed(client, facilitator, ander_verhaal):
    client.force_login(facilitator)
    for name in ["overzicht:verhaal_detail", "verhaal_bewerken"]:
        assert client.get(url(name, ander_verhaal.pk)).status_code == 404, name
    response = client.post(
        url("verhaal_bewerken", ander_verhaal.pk), {"titel": "Overschreven", "wat_werkte": "x"}
    )
    assert response.status_code == 404
    page = rendered(client.get(url("verhalen")), ">Verhalen</h1>")
    assert "Geheim verhaal uit Ede" not in page
    ander_verhaal.refresh_from_db()
    assert ander_verhaal.titel == "Geheim verhaal uit Ede"


@pytest.mark.parametrize("n", [3, 30])
def test_story_list_takes_a_fixed_number_of_queries(
    client, lid, praktijk, n, django_assert_max_num_queries
):
    vraag = OntwerpvraagFactory(praktijk=praktijk)
    VerhaalFactory.create_batch(n, praktijk=praktijk, ontwerpvraag=vraag, created_by=lid)
    client.force_login(lid)
    with django_assert_max_num_queries(5):
        response = client.get(url("verhalen"))
    assert response.text.count('<li class="lp-card">') == n
