"""The statement set: everybody reads it, facilitators adjust it, used sets get a new version."""

import datetime

import pytest
from django.urls import reverse

from condities import services
from condities.models import Conditie, Sessie, Stelling, Stellingenset
from condities.selectors import stellingen_for_sessie, stellingenset_inhoud
from tests.permissions import assert_matrix, managers, readers

pytestmark = pytest.mark.django_db

LIJST = reverse("condities:stellingen", args=["stein"])
BEWERKEN = reverse("condities:stellingen_bewerken", args=["stein"])


def formulier(stellingenset: Stellingenset, **wijzigingen) -> dict:
    """The POST data of the edit form with the set's texts; `ambitie=[...]` replaces a condition."""
    data = {}
    for conditie in stellingenset_inhoud(stellingenset=stellingenset):
        code = conditie["code"]
        teksten = wijzigingen.get(code, [s.tekst for s in conditie["stellingen"]])
        data |= {
            f"{code}-TOTAL_FORMS": "6",
            f"{code}-INITIAL_FORMS": "6",
            f"{code}-MIN_NUM_FORMS": "0",
            f"{code}-MAX_NUM_FORMS": "6",
            f"{code}-vragen-goed": wijzigingen.get(f"{code}_goed", conditie["goed"].tekst),
            f"{code}-vragen-stap": conditie["stap"].tekst,
        }
        for index in range(6):
            data[f"{code}-{index}-tekst"] = teksten[index] if index < len(teksten) else ""
    return data


def nieuwe_sessie(praktijk, facilitator, titel="Nieuw") -> Sessie:
    return services.sessie_create(
        praktijk=praktijk,
        titel=titel,
        datum=datetime.date(2026, 11, 1),
        modus="live",
        condities=Conditie.values,
        by=facilitator,
    )


def test_statements_page_permissions(
    login_as, praktijk, lid, kerngroeplid, facilitator, staff, outsider
):
    assert_matrix(login_as, LIJST, readers())


def test_edit_page_permissions(login_as, praktijk, lid, kerngroeplid, facilitator, staff, outsider):
    assert_matrix(login_as, BEWERKEN, managers())


def test_edit_post_permissions(login_as, praktijk, lid, kerngroeplid, facilitator, staff, outsider):
    data = formulier(services.standaardset_get())
    assert_matrix(login_as, BEWERKEN, managers(302), method="post", data=data)


def test_statements_page_shows_the_default_set_with_its_version(client, praktijk, lid):
    client.force_login(lid)
    response = client.get(LIJST)
    assert response.status_code == 200
    page = response.text
    assert "de standaardset" in page
    assert "Versie" in page
    assert Stelling.objects.filter(set=services.standaardset_get()).first().tekst in page
    assert "Waar merk je dat we hetzelfde willen bereiken?" in page
    assert BEWERKEN not in page  # members read, facilitators adjust


def test_a_facilitator_sees_the_edit_link(client, praktijk, facilitator):
    client.force_login(facilitator)
    assert BEWERKEN in client.get(LIJST).text


def test_editing_the_default_set_gives_the_practice_its_own_copy(client, praktijk, facilitator):
    standaard = services.standaardset_get()
    teksten = [s.tekst for s in standaard.stellingen.filter(conditie="ambitie")]
    client.force_login(facilitator)
    response = client.post(
        BEWERKEN, formulier(standaard, ambitie=["Nieuwe stelling", *teksten[1:]])
    )
    assert response.status_code == 302
    eigen = services.stellingenset_for_praktijk(praktijk=praktijk)
    assert eigen.praktijk == praktijk and eigen.versie == 1
    assert eigen.stellingen.filter(conditie="ambitie").first().tekst == "Nieuwe stelling"
    assert standaard.stellingen.filter(conditie="ambitie").first().tekst == teksten[0]
    assert eigen.stellingen.count() == standaard.stellingen.count()
    assert eigen.open_vragen.count() == 10


def test_a_used_set_becomes_a_new_version_and_the_session_keeps_its_texts(
    client, praktijk, facilitator
):
    services.stellingenset_copy(bron=services.standaardset_get(), praktijk=praktijk, by=facilitator)
    v1 = services.stellingenset_for_praktijk(praktijk=praktijk)
    oud = nieuwe_sessie(praktijk, facilitator, titel="Oud")
    oude_tekst = stellingen_for_sessie(sessie=oud)[0].tekst
    assert oud.stellingenset == v1

    client.force_login(facilitator)
    teksten = [s.tekst for s in v1.stellingen.filter(conditie="ambitie")]
    response = client.post(
        BEWERKEN, formulier(v1, ambitie=["Aangepaste stelling", *teksten[1:]]), follow=True
    )
    assert "opgeslagen als versie 2" in response.text

    oud.refresh_from_db()
    v1.refresh_from_db()
    assert oud.stellingenset == v1 and not v1.is_actueel
    assert stellingen_for_sessie(sessie=oud)[0].tekst == oude_tekst
    rapport_response = client.get(reverse("condities:sessie_rapport", args=["stein", oud.pk]))
    assert rapport_response.status_code == 200
    rapport = rapport_response.text
    assert oude_tekst in rapport and "Aangepaste stelling" not in rapport

    nieuw = nieuwe_sessie(praktijk, facilitator)
    assert nieuw.stellingenset.versie == 2
    assert stellingen_for_sessie(sessie=nieuw)[0].tekst == "Aangepaste stelling"
    assert "Versie" in client.get(LIJST).text and ">2<" in client.get(LIJST).text


def test_an_unused_own_set_is_changed_in_place(client, praktijk, facilitator):
    services.stellingenset_copy(bron=services.standaardset_get(), praktijk=praktijk, by=facilitator)
    eigen = services.stellingenset_for_praktijk(praktijk=praktijk)
    client.force_login(facilitator)
    client.post(BEWERKEN, formulier(eigen, proces_goed="Wat liep er soepel?"))
    assert Stellingenset.objects.filter(praktijk=praktijk).count() == 1
    assert eigen.open_vragen.get(conditie="proces", soort="goed").tekst == "Wat liep er soepel?"


def test_saving_without_changes_makes_no_new_version(client, praktijk, facilitator):
    client.force_login(facilitator)
    sets_before = Stellingenset.objects.count()
    response = client.post(BEWERKEN, formulier(services.standaardset_get()))
    assert response.status_code == 302
    assert response["Location"] == LIJST
    assert not Stellingenset.objects.filter(praktijk=praktijk).exists()
    assert Stellingenset.objects.count() == sets_before


def test_adding_and_removing_statements(client, praktijk, facilitator):
    standaard = services.standaardset_get()
    client.force_login(facilitator)
    zes = [f"Relatie {i}" for i in range(6)]
    vier = ["Proces 1", "", "Proces 2", "Proces 3", "Proces 4"]  # an emptied box is removed
    data = formulier(standaard, relatie=zes, proces=vier)
    assert client.post(BEWERKEN, data).status_code == 302
    eigen = services.stellingenset_for_praktijk(praktijk=praktijk)
    assert [s.tekst for s in eigen.stellingen.filter(conditie="relatie")] == zes
    assert [s.tekst for s in eigen.stellingen.filter(conditie="proces")] == [
        "Proces 1",
        "Proces 2",
        "Proces 3",
        "Proces 4",
    ]
    volgorde = list(eigen.stellingen.values_list("conditie", flat=True))
    assert volgorde == sorted(volgorde, key=Conditie.values.index)


def test_fewer_than_four_statements_is_refused_in_dutch_and_keeps_the_input(
    client, praktijk, facilitator
):
    client.force_login(facilitator)
    data = formulier(services.standaardset_get(), belangen=["Eén", "Twee", "Drie"])
    response = client.post(BEWERKEN, data)
    assert response.status_code == 200
    assert "Geef 4 tot 6 stellingen voor Belangen. Nu zijn het er 3." in response.text
    assert "Controleer het formulier" in response.text
    assert 'value="Drie"' in response.text
    assert not Stellingenset.objects.filter(praktijk=praktijk).exists()


def test_too_long_statement_or_empty_question_gets_an_error_not_a_500(
    client, praktijk, facilitator
):
    client.force_login(facilitator)
    data = formulier(
        services.standaardset_get(), ambitie=["x" * 10_000, "b", "c", "d"], relatie_goed=""
    )
    response = client.post(BEWERKEN, data)
    assert response.status_code == 200
    assert "niet meer dan 300 tekens" in response.text
    assert "Dit veld is verplicht." in response.text
    assert not Stellingenset.objects.filter(praktijk=praktijk).exists()


def test_more_than_six_statements_cannot_be_smuggled_in(client, praktijk, facilitator):
    client.force_login(facilitator)
    data = formulier(services.standaardset_get(), ambitie=[f"A{i}" for i in range(6)])
    data["ambitie-TOTAL_FORMS"] = "1000"
    data |= {f"ambitie-{i}-tekst": f"A{i}" for i in range(6, 10)}
    response = client.post(BEWERKEN, data)
    assert response.status_code == 200
    assert not Stellingenset.objects.filter(praktijk=praktijk).exists()


def test_a_tampered_form_gets_an_error_not_a_500(client, praktijk, facilitator):
    client.force_login(facilitator)
    response = client.post(BEWERKEN, {"ambitie-0-tekst": "Zonder beheerformulier"})
    assert response.status_code == 200
    assert "Controleer het formulier" in response.text
