"""Interests that an organisation's own members state and revisit (issue #15): every version
kept with its date and author, a history, the organisations side by side, and when they were
last discussed on the network page."""

import datetime

import pytest
from django.apps import apps as django_apps
from django.urls import reverse
from django.utils import timezone

from netwerk import services
from netwerk.models import BelangenVersie, Deelname, Groep
from praktijken.models import Gebeurtenis
from tests.factories.netwerk import DeelnameFactory, OrganisatieFactory

pytestmark = pytest.mark.django_db


def bewerken(deelname) -> str:
    return reverse("netwerk:belangen_bewerken", args=["stein", deelname.pk])


def geschiedenis(deelname) -> str:
    return reverse("netwerk:belangen_geschiedenis", args=["stein", deelname.pk])


def data(**extra) -> dict:
    return {
        "belangen": "Mantelzorgers eerder bereiken",
        "bijdrage": "Onze consulenten",
        "tijdsinvestering": "4 uur per maand",
        "verwachting": "Meer verwijzingen naar het steunpunt",
        **extra,
    }


@pytest.fixture
def eigen(eigen_organisatie) -> Deelname:
    return eigen_organisatie.deelnames.get()


@pytest.fixture
def andere(praktijk) -> Deelname:
    return DeelnameFactory(
        praktijk=praktijk,
        organisatie=OrganisatieFactory(naam="Huisartsen Stein", eigenaar=praktijk),
        groep=Groep.ONTWERPGROEP,
        belangen="Minder losse eindjes",
    )


def test_a_member_states_their_organisations_interests_and_every_version_is_kept(
    client, lid, eigen
):
    client.force_login(lid)
    assert client.get(bewerken(eigen)).status_code == 200
    response = client.post(bewerken(eigen), data())
    assert response.status_code == 302
    assert response["Location"] == geschiedenis(eigen)
    client.post(bewerken(eigen), data(tijdsinvestering="8 uur per maand"))

    eigen.refresh_from_db()
    assert eigen.tijdsinvestering == "8 uur per maand"  # the current values
    assert eigen.verwachting == "Meer verwijzingen naar het steunpunt"
    versies = list(eigen.belangen_versies.order_by("op", "pk"))
    assert [v.tijdsinvestering for v in versies] == ["4 uur per maand", "8 uur per maand"]
    assert {v.door for v in versies} == {lid}
    assert Gebeurtenis.objects.filter(actie="belangen.update").count() == 2

    pagina = client.get(geschiedenis(eigen)).text
    assert "Belangen van Steunpunt Mantelzorg Stein door de tijd" in pagina
    assert pagina.index("8 uur per maand") < pagina.index("4 uur per maand")  # newest first
    assert "huidige versie" in pagina
    assert pagina.count("Door ") >= 2
    assert timezone.localdate().strftime("%Y") in pagina


def test_a_member_may_not_change_another_organisations_interests(client, lid, andere):
    client.force_login(lid)
    assert client.get(bewerken(andere)).status_code == 403
    assert client.post(bewerken(andere), data(belangen="Gekaapt")).status_code == 403
    andere.refresh_from_db()
    assert andere.belangen == "Minder losse eindjes"
    assert not BelangenVersie.objects.exists()
    # They may read its history, without the button to change it.
    pagina = client.get(geschiedenis(andere))
    assert pagina.status_code == 200
    assert "Belangen van Huisartsen Stein door de tijd" in pagina.text
    assert f'href="{bewerken(andere)}"' not in pagina.text


def test_an_editor_may_change_any_organisations_interests(client, kerngroeplid, andere):
    client.force_login(kerngroeplid)
    assert client.post(bewerken(andere), data()).status_code == 302
    assert andere.belangen_versies.get().door == kerngroeplid


def test_the_form_keeps_its_limits(client, lid, eigen):
    client.force_login(lid)
    response = client.post(bewerken(eigen), data(tijdsinvestering="x" * 201))
    assert response.status_code == 422
    assert "tijdsinvestering" in response.context["form"].errors
    assert not BelangenVersie.objects.exists()


def test_the_editors_participation_form_adds_a_version_only_when_the_interests_change(
    kerngroeplid, andere
):
    services.deelname_update(
        deelname=andere,
        by=kerngroeplid,
        groep=Groep.KERNGROEP,
        belangen="Minder losse eindjes",
        bijdrage="",
        tijdsinvestering="",
    )
    assert not BelangenVersie.objects.exists()  # only the group changed
    services.deelname_update(
        deelname=andere,
        by=kerngroeplid,
        groep=Groep.KERNGROEP,
        belangen="Samen de huisbezoeken plannen",
        bijdrage="",
        tijdsinvestering="2 uur",
    )
    versie = BelangenVersie.objects.get()
    assert (versie.belangen, versie.tijdsinvestering, versie.door) == (
        "Samen de huisbezoeken plannen",
        "2 uur",
        kerngroeplid,
    )


def test_side_by_side_shows_every_organisations_current_interests_and_last_review(
    client, lid, eigen, andere
):
    services.belangen_update(deelname=eigen, by=lid, **data())
    client.force_login(lid)
    response = client.get(reverse("netwerk:belangen", args=["stein"]))
    assert response.status_code == 200
    tabel = response.text.split("lp-belangen-tabel")[1].split("</table>")[0]
    assert "Steunpunt Mantelzorg Stein" in tabel and "Huisartsen Stein" in tabel
    assert "Mantelzorgers eerder bereiken" in tabel and "Minder losse eindjes" in tabel
    assert "Meer verwijzingen naar het steunpunt" in tabel
    assert "nooit" in tabel  # Huisartsen Stein never reviewed
    assert timezone.localdate().strftime("%Y") in tabel


def test_the_side_by_side_page_queries_do_not_grow_with_organisations(
    client, lid, praktijk, django_assert_max_num_queries
):
    def organisaties(aantal: int) -> None:
        for _ in range(aantal):
            deelname = DeelnameFactory(
                praktijk=praktijk, organisatie=OrganisatieFactory(eigenaar=praktijk)
            )
            services.belangen_update(deelname=deelname, by=lid, **data())

    client.force_login(lid)
    url = reverse("netwerk:belangen", args=["stein"])
    organisaties(2)
    with django_assert_max_num_queries(15) as twee:
        client.get(url)
    organisaties(8)
    with django_assert_max_num_queries(len(twee.captured_queries)):
        response = client.get(url)
    assert response.text.count("4 uur per maand") == 10


def test_the_history_page_queries_do_not_grow_with_versions(
    client, lid, eigen, django_assert_max_num_queries
):
    client.force_login(lid)
    services.belangen_update(deelname=eigen, by=lid, **data())
    with django_assert_max_num_queries(15) as een:
        client.get(geschiedenis(eigen))
    for n in range(9):
        services.belangen_update(deelname=eigen, by=lid, **data(tijdsinvestering=f"{n} uur"))
    with django_assert_max_num_queries(len(een.captured_queries)):
        response = client.get(geschiedenis(eigen))
    assert response.text.count("lp-belangen-versie") == 10


def test_the_network_page_says_when_the_interests_were_last_discussed(client, lid, eigen):
    client.force_login(lid)
    pagina = client.get(reverse("netwerk:netwerk", args=["stein"])).text
    assert "De belangen zijn nog niet besproken in de app." in pagina
    services.belangen_update(deelname=eigen, by=lid, **data())
    BelangenVersie.objects.update(op=timezone.make_aware(datetime.datetime(2026, 10, 5, 12)))
    pagina = client.get(reverse("netwerk:netwerk", args=["stein"])).text
    assert "Belangen voor het laatst besproken op 5 oktober 2026." in pagina
    assert reverse("netwerk:belangen", args=["stein"]) in pagina


def test_the_migration_keeps_the_existing_interests_as_a_first_version(eigen, andere):
    import importlib

    migratie = importlib.import_module("netwerk.migrations.0010_belangen_eerste_versie")
    Deelname.objects.filter(pk=eigen.pk).update(belangen="", bijdrage="", tijdsinvestering="")
    migratie.eerste_versie(django_apps, None)
    versie = BelangenVersie.objects.get()  # the empty participation gets none
    assert versie.deelname == andere
    assert versie.belangen == "Minder losse eindjes"
    assert versie.door is None
