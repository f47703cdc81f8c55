"""Every view of the network and the social map, as every persona, for GET and POST."""

import pytest
from django.urls import reverse

from netwerk import services
from netwerk.models import Afspraak, Deelname, Groep, Organisatie
from tests.factories import OrganisatieFactory, PersoonFactory
from tests.permissions import LOGIN, assert_matrix, editors, readers

pytestmark = pytest.mark.django_db

HX = {"HX-Request": "true"}


def eigen_of_editor(ok: int = 200) -> dict:
    """Editors, and the `lid` because it is their own organisation or colleague."""
    return {**editors(ok), "lid": ok}


def url(name: str, *args) -> str:
    return reverse(f"netwerk:{name}", args=["stein", *args])


def test_network_page_is_for_all_members(login_as, praktijk, eigen_organisatie, afspraak):
    assert_matrix(login_as, url("netwerk"), readers())


def test_adding_an_organisation_is_for_editors(login_as, praktijk, eigen_organisatie):
    assert_matrix(login_as, url("deelname_nieuw"), editors())


@pytest.mark.parametrize(("persona", "status"), editors(302).items())
def test_posting_a_new_participation_is_for_editors(login_as, praktijk, persona, status):
    client = login_as(persona)
    response = client.post(
        url("deelname_nieuw"),
        {
            "nieuwe_naam": "Zonnebloem Stein",
            "nieuwe_soort": "vrijwilligersorganisatie",
            "groep": Groep.ONTWERPGROEP,
        },
    )
    seen = LOGIN if "/accounts/login/" in response.get("Location", "") else response.status_code
    assert seen == status
    exists = Deelname.objects.filter(praktijk=praktijk, organisatie__naam="Zonnebloem Stein")
    assert exists.exists() == (status == 302)


def test_editing_a_participation_is_for_editors(login_as, praktijk, eigen_organisatie):
    deelname = eigen_organisatie.deelnames.get()
    assert_matrix(login_as, url("deelname_bewerken", deelname.pk), editors())
    assert_matrix(
        login_as,
        url("deelname_bewerken", deelname.pk),
        editors(302),
        method="post",
        data={"groep": Groep.KERNGROEP, "belangen": "Meer mantelzorgers bereiken."},
    )


def test_agreements_are_edited_by_editors(login_as, praktijk, eigen_organisatie, afspraak):
    data = {"onderwerp": Afspraak.Onderwerp.VERSLAG, "afspraak": "Het steunpunt notuleert."}
    assert_matrix(login_as, url("afspraak_nieuw"), editors())
    assert_matrix(login_as, url("afspraak_nieuw"), editors(302), method="post", data=data)
    assert_matrix(login_as, url("afspraak_bewerken", afspraak.pk), editors())
    assert_matrix(
        login_as, url("afspraak_bewerken", afspraak.pk), editors(302), method="post", data=data
    )


@pytest.mark.parametrize(("persona", "status"), editors(302).items())
def test_removing_an_agreement_is_for_editors(login_as, praktijk, afspraak, persona, status):
    response = login_as(persona).post(url("afspraak_verwijderen", afspraak.pk))
    seen = LOGIN if "/accounts/login/" in response.get("Location", "") else response.status_code
    assert seen == status
    assert Afspraak.objects.filter(pk=afspraak.pk).exists() == (status != 302)


def test_organisation_page_is_for_all_members(login_as, praktijk, eigen_organisatie):
    assert_matrix(login_as, url("organisatie_detail", eigen_organisatie.pk), readers())


def organisatie_data(organisatie: Organisatie, **extra) -> dict:
    return {
        "naam": organisatie.naam,
        "soort": organisatie.soort,
        "telefoon": "046 999 99 99",
        "email": "info@steunpunt.example",
        "levensdomeinen": ["zorg"],
        **extra,
    }


def test_own_organisation_is_edited_by_its_member_and_editors(
    login_as, praktijk, eigen_organisatie
):
    target = url("organisatie_bewerken", eigen_organisatie.pk)
    assert_matrix(login_as, target, eigen_of_editor())
    assert_matrix(
        login_as,
        target,
        eigen_of_editor(302),
        method="post",
        data=organisatie_data(eigen_organisatie),
    )
    assert_matrix(login_as, target, eigen_of_editor(302), method="post", data={"klopt_nog": "1"})


def test_another_organisation_is_not_edited_by_a_member(
    login_as, praktijk, eigen_organisatie, huisarts
):
    target = url("organisatie_bewerken", huisarts.pk)
    assert_matrix(login_as, target, editors())
    assert_matrix(login_as, target, editors(302), method="post", data=organisatie_data(huisarts))
    assert_matrix(login_as, target, editors(302), method="post", data={"klopt_nog": "1"})


def test_a_member_adds_a_colleague_to_their_own_organisation_only(
    login_as, praktijk, eigen_organisatie, huisarts
):
    data = {"naam": "Collega Steunpunt", "functie": "Consulent"}
    eigen = url("persoon_nieuw", eigen_organisatie.pk)
    assert_matrix(login_as, eigen, eigen_of_editor())
    assert_matrix(login_as, eigen, eigen_of_editor(302), method="post", data=data)
    andere = url("persoon_nieuw", huisarts.pk)
    assert_matrix(login_as, andere, editors())
    assert_matrix(login_as, andere, editors(302), method="post", data=data)


def test_a_member_edits_themselves_and_colleagues_but_not_others(
    login_as, praktijk, eigen_organisatie, huisarts
):
    collega = PersoonFactory(organisatie=eigen_organisatie, naam="Collega")
    anders = huisarts.personen.get()
    data = {"naam": "Nieuwe naam", "functie": "Consulent", "email": "nieuw@voorbeeld.example"}
    assert_matrix(login_as, url("persoon_bewerken", collega.pk), eigen_of_editor())
    assert_matrix(
        login_as,
        url("persoon_bewerken", collega.pk),
        eigen_of_editor(302),
        method="post",
        data=data,
    )
    assert_matrix(login_as, url("persoon_bewerken", anders.pk), editors())
    assert_matrix(
        login_as, url("persoon_bewerken", anders.pk), editors(302), method="post", data=data
    )


def test_social_map_and_exports_are_for_all_members(login_as, praktijk, eigen_organisatie):
    assert_matrix(login_as, url("kaart"), readers())
    assert_matrix(login_as, url("kaart") + "?q=steunpunt", readers(), headers=HX)
    assert_matrix(login_as, url("kaart_csv"), readers())
    assert_matrix(login_as, url("kaart_vcf"), readers())


def test_organisation_of_another_practice_is_404_for_everyone_in_stein(
    login_as, praktijk, eigen_organisatie, ede_organisatie
):
    niemand = {**readers(404), "anonymous": LOGIN}
    assert_matrix(login_as, url("organisatie_detail", ede_organisatie.pk), niemand)
    assert_matrix(login_as, url("organisatie_bewerken", ede_organisatie.pk), niemand)
    assert_matrix(login_as, url("persoon_nieuw", ede_organisatie.pk), niemand)
    persoon = ede_organisatie.personen.get()
    assert_matrix(login_as, url("persoon_bewerken", persoon.pk), niemand)
    deelname = ede_organisatie.deelnames.get()
    assert_matrix(login_as, url("deelname_bewerken", deelname.pk), niemand)


def test_agreement_of_another_practice_is_404(login_as, praktijk, andere_praktijk):
    from tests.factories import AfspraakFactory

    ander = AfspraakFactory(praktijk=andere_praktijk)
    niemand = {**readers(404), "anonymous": LOGIN}
    assert_matrix(login_as, url("afspraak_bewerken", ander.pk), niemand)
    assert_matrix(login_as, url("afspraak_verwijderen", ander.pk), niemand, method="post")
    assert Afspraak.objects.filter(pk=ander.pk).exists()


def test_unknown_ids_are_404(login_as, praktijk, facilitator):
    client = login_as("facilitator")
    for name in [
        "organisatie_detail",
        "organisatie_bewerken",
        "persoon_nieuw",
        "persoon_bewerken",
        "deelname_bewerken",
        "afspraak_bewerken",
    ]:
        assert client.get(url(name, 999999)).status_code == 404, name


def test_confirmation_link_is_public(login_as, praktijk, eigen_organisatie):
    token = services.bevestiging_token_make(organisatie=eigen_organisatie)
    iedereen = dict.fromkeys(readers(), 200)
    assert_matrix(login_as, reverse("netwerk:bevestigen", args=[token]), iedereen)
    assert_matrix(login_as, reverse("netwerk:bevestigen", args=[token]), iedereen, method="post")
    ongeldig = dict.fromkeys(readers(), 400)
    assert_matrix(login_as, reverse("netwerk:bevestigen", args=["nep:token"]), ongeldig)


def test_a_staff_member_outside_the_practice_sees_it(login_as, praktijk):
    organisatie = OrganisatieFactory(eigenaar=praktijk)
    services.deelname_create(
        praktijk=praktijk, organisatie=organisatie, groep=Groep.KERNGROEP, by=None
    )
    response = login_as("staff").get(url("organisatie_detail", organisatie.pk))
    assert response.status_code == 200
