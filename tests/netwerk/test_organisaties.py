"""An organisation's page and entry, its people, and the “still correct” button."""

import pytest
from django.urls import reverse

from netwerk.models import Levensdomein, Persoon
from tests.factories import PersoonFactory
from tests.pages import rendered

pytestmark = pytest.mark.django_db


def detail(organisatie) -> str:
    return reverse("netwerk:organisatie_detail", args=["stein", organisatie.pk])


def bewerken(organisatie) -> str:
    return reverse("netwerk:organisatie_bewerken", args=["stein", organisatie.pk])


def test_page_shows_contact_data_domains_people_and_participation(client, lid, wijkverpleging):
    wijkverpleging.straat = "Raadhuisstraat 1"
    wijkverpleging.postcode = "6171 KA"
    wijkverpleging.save()
    wijkverpleging.deelnames.update(belangen="Eerder in beeld", tijdsinvestering="4 uur")
    client.force_login(lid)
    html = rendered(client.get(detail(wijkverpleging)), "Thuiszorg Westelijke Mijnstreek")
    for tekst in [
        "Thuiszorg Westelijke Mijnstreek",
        "Wijkverpleging",
        'href="tel:0464002000"',
        "Raadhuisstraat 1",
        "6171 KA",
        "Stein-Noord, Elsloo",
        "Zorg",
        "Wendy Verbeek",
        "Wijkverpleegkundige",
        "overbelaste mantelzorgers",
        "Eerder in beeld",
        "4 uur",
        "nog niet bevestigd",
    ]:
        assert tekst in html, tekst
    # The `lid` works elsewhere: no buttons to change this organisation.
    assert bewerken(wijkverpleging) not in html


def test_member_sees_edit_buttons_on_their_own_organisation(client, lid, eigen_organisatie):
    client.force_login(lid)
    html = client.get(detail(eigen_organisatie)).content.decode()
    assert bewerken(eigen_organisatie) in html
    assert reverse("netwerk:persoon_nieuw", args=["stein", eigen_organisatie.pk]) in html
    lotte = Persoon.objects.get(naam="Lotte Lid")
    assert reverse("netwerk:persoon_bewerken", args=["stein", lotte.pk]) in html


def test_member_updates_their_own_organisation(client, lid, eigen_organisatie):
    client.force_login(lid)
    response = client.post(
        bewerken(eigen_organisatie),
        {
            "naam": "Steunpunt Mantelzorg Stein",
            "soort": "mantelzorgsteunpunt",
            "telefoon": "046 433 00 00",
            "email": "info@steunpunt.example",
            "wijken": " Stein-Centrum ,, Elsloo ",
            "levensdomeinen": ["welzijn", "zorg"],
        },
    )
    assert response.status_code == 302
    eigen_organisatie.refresh_from_db()
    assert eigen_organisatie.telefoon == "046 433 00 00"
    assert eigen_organisatie.wijken == "Stein-Centrum, Elsloo"
    assert sorted(d.code for d in eigen_organisatie.levensdomeinen.all()) == ["welzijn", "zorg"]
    assert eigen_organisatie.bevestigd_op is not None
    assert Levensdomein.objects.count() == 2


def test_bad_input_is_shown_next_to_the_field_and_kept(client, lid, eigen_organisatie):
    client.force_login(lid)
    response = client.post(
        bewerken(eigen_organisatie),
        {
            "naam": "",
            "soort": "mantelzorgsteunpunt",
            "email": "geen-adres",
            "telefoon": "046 1",
            "levensdomeinen": ["ruimtevaart"],
            "beschrijving": "x" * 10_000,
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"naam", "email", "levensdomeinen", "beschrijving"}
    html = response.content.decode()
    assert "Voer een geldig e-mailadres in." in html
    assert 'value="geen-adres"' in html
    eigen_organisatie.refresh_from_db()
    assert eigen_organisatie.naam == "Steunpunt Mantelzorg Stein"


def test_still_correct_button_sets_the_confirmation_date(client, lid, eigen_organisatie):
    lotte = Persoon.objects.get(naam="Lotte Lid")
    client.force_login(lid)
    response = client.post(bewerken(eigen_organisatie), {"klopt_nog": "1"})
    assert response.status_code == 302
    assert response["Location"] == detail(eigen_organisatie)
    eigen_organisatie.refresh_from_db()
    lotte.refresh_from_db()
    assert eigen_organisatie.bevestigd_op is not None
    assert lotte.bevestigd_op == eigen_organisatie.bevestigd_op
    assert "laatst bevestigd op" in client.get(detail(eigen_organisatie)).content.decode()


def test_member_adds_a_colleague(client, lid, eigen_organisatie):
    client.force_login(lid)
    response = client.post(
        reverse("netwerk:persoon_nieuw", args=["stein", eigen_organisatie.pk]),
        {
            "naam": "Marloes Jansen",
            "functie": "Mantelzorgconsulent",
            "email": "m@steunpunt.example",
            "bel_mij_voor": "Respijtzorg regelen",
            "is_contactpersoon": "on",
        },
    )
    assert response.status_code == 302
    marloes = Persoon.objects.get(naam="Marloes Jansen")
    assert marloes.organisatie == eigen_organisatie
    assert marloes.is_contactpersoon
    assert marloes.bevestigd_op is not None


def test_person_with_a_bad_email_is_refused(client, facilitator, wijkverpleging):
    wendy = wijkverpleging.personen.get()
    client.force_login(facilitator)
    response = client.post(
        reverse("netwerk:persoon_bewerken", args=["stein", wendy.pk]),
        {"naam": "Wendy Verbeek", "email": "wendy@", "functie": "x" * 201},
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"email", "functie"}
    wendy.refresh_from_db()
    assert wendy.email == "wendy@thuiszorg.example"


def test_member_edits_their_own_person(client, lid, eigen_organisatie):
    lotte = Persoon.objects.get(naam="Lotte Lid")
    client.force_login(lid)
    response = client.post(
        reverse("netwerk:persoon_bewerken", args=["stein", lotte.pk]),
        {"naam": "Lotte Lid", "functie": "Coördinator", "bel_mij_voor": "Vrijwilligers"},
    )
    assert response.status_code == 302
    lotte.refresh_from_db()
    assert (lotte.functie, lotte.organisatie) == ("Coördinator", eigen_organisatie)


def test_a_person_of_another_practice_is_404(client, facilitator, ede_organisatie):
    ede_persoon = ede_organisatie.personen.get()
    client.force_login(facilitator)
    assert client.get(detail(ede_organisatie)).status_code == 404
    response = client.post(
        reverse("netwerk:persoon_bewerken", args=["stein", ede_persoon.pk]), {"naam": "Gehackt"}
    )
    assert response.status_code == 404
    ede_persoon.refresh_from_db()
    assert ede_persoon.naam == "Ede Verpleegkundige"


def test_person_without_organisation_in_practice_is_404_even_for_staff(client, staff, praktijk):
    los = PersoonFactory()  # its organisation takes part nowhere
    client.force_login(staff)
    assert (
        client.get(reverse("netwerk:persoon_bewerken", args=["stein", los.pk])).status_code == 404
    )
