"""Check-ins that reach everyone: persons of the social map without an account get the link."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from condities import selectors
from condities.models import Antwoord, Conditie, Deelnemer, Sessie
from tests.factories.netwerk import DeelnameFactory, OrganisatieFactory, PersoonFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://\S+/checkin/[\w-]+/")


@pytest.fixture
def organisatie(praktijk, eigen_organisatie):
    eigen_organisatie.eigenaar = praktijk
    eigen_organisatie.save()
    return eigen_organisatie


@pytest.fixture
def gast(organisatie):
    """A person on the social map without an account."""
    return PersoonFactory(organisatie=organisatie, naam="Gerda Gast", email="gerda@welzijn.example")


@pytest.fixture
def zonder_email(organisatie):
    return PersoonFactory(organisatie=organisatie, naam="Zonder Mail", email="")


@pytest.fixture
def vreemde(andere_praktijk):
    """A person at an organisation of another practice: never a recipient here."""
    organisatie = OrganisatieFactory(naam="Elders", eigenaar=andere_praktijk)
    DeelnameFactory(praktijk=andere_praktijk, organisatie=organisatie)
    return PersoonFactory(organisatie=organisatie, naam="Vera Vreemd", email="vera@elders.example")


def form_data(**overrides):
    data = {
        "titel": "Check-in na de zomer",
        "datum": "2026-09-01",
        "condities": Conditie.values,
        "herinnering_na_dagen": "5",
    }
    return {**data, **overrides}


def test_the_form_lists_the_practices_persons_with_an_email_per_organisation(
    client, facilitator, gast, zonder_email, vreemde, lid
):
    client.force_login(facilitator)
    response = client.get(reverse("condities:checkin_nieuw", args=["stein"]))
    assert response.status_code == 200
    vinkjes = re.findall(r'<input[^>]*name="personen"[^>]*value="(\d+)"', response.text)
    # The person of `lid` and Gerda; not the one without an address, not another practice's.
    assert sorted(vinkjes) == sorted([str(gast.pk), str(lid.persoon.pk)])
    assert "gerda@welzijn.example" in response.text
    assert "Steunpunt Mantelzorg Stein" in response.text
    assert "Vera Vreemd" not in response.text
    assert "Zonder Mail" not in response.text


def test_a_person_without_an_account_gets_the_link_and_answers_by_it(
    client, facilitator, gast, organisatie, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("condities:checkin_nieuw", args=["stein"]),
            form_data(personen=[str(gast.pk)]),
        )
    assert response.status_code == 302
    sessie = Sessie.objects.get(soort=Sessie.Soort.CHECKIN)
    deelnemer = Deelnemer.objects.get(sessie=sessie)
    assert (deelnemer.user, deelnemer.naam, deelnemer.email) == (None, "Gerda Gast", gast.email)
    assert deelnemer.organisatie == organisatie
    assert deelnemer.groep == "ontwerpgroep"
    assert [m.to for m in mailoutbox] == [[gast.email]]
    assert "onderweg naar 1 persoon" in client.get(response["Location"]).text

    client.logout()
    path = LINK.search(mailoutbox[0].body)[0].removeprefix(settings.SITE_URL)
    page = client.get(path, follow=True)
    assert page.status_code == 200
    stelling = selectors.stellingen_for_sessie(sessie=sessie)[0]
    assert stelling.tekst in page.text
    response = client.post(
        reverse("condities:antwoord", args=[sessie.code]),
        {f"s{stelling.pk}": "4"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    antwoord = Antwoord.objects.get()
    assert (antwoord.deelnemer, antwoord.score) == (deelnemer, 4)


def test_a_person_linked_to_a_ticked_account_is_one_recipient(
    client, facilitator, lid, gast, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("condities:checkin_nieuw", args=["stein"]),
            form_data(ontvangers=[str(lid.pk)], personen=[str(lid.persoon.pk), str(gast.pk)]),
        )
    deelnemers = Deelnemer.objects.order_by("naam")
    assert [(d.naam or d.email, d.user) for d in deelnemers] == [
        ("Gerda Gast", None),
        (deelnemers[1].naam or deelnemers[1].email, lid),
    ]
    assert sorted(m.to[0] for m in mailoutbox) == sorted([lid.email, gast.email])


def test_a_person_linked_to_an_account_ticked_alone_answers_as_that_account(
    client, facilitator, lid, django_capture_on_commit_callbacks
):
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("condities:checkin_nieuw", args=["stein"]),
            form_data(personen=[str(lid.persoon.pk)]),
        )
    assert Deelnemer.objects.get().user == lid


def test_a_person_of_another_practice_is_refused(client, facilitator, vreemde):
    client.force_login(facilitator)
    response = client.post(
        reverse("condities:checkin_nieuw", args=["stein"]), form_data(personen=[str(vreemde.pk)])
    )
    assert response.status_code == 422
    assert "personen" in response.context["form"].errors
    assert not Sessie.objects.filter(soort=Sessie.Soort.CHECKIN).exists()


def test_nobody_chosen_is_a_form_error(client, facilitator, gast):
    client.force_login(facilitator)
    response = client.post(reverse("condities:checkin_nieuw", args=["stein"]), form_data())
    assert response.status_code == 422
    assert "Kies minstens één persoon" in response.text
    assert not Sessie.objects.filter(soort=Sessie.Soort.CHECKIN).exists()
