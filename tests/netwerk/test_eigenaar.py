"""Practices cannot touch each other's organisations (issue #11).

An organisation belongs to one practice (`Organisatie.eigenaar`). Another practice that adds it to
its network gets a practice-local copy without people; the original, its people and its entry as
its own practice sees it stay exactly as they were.
"""

import pytest
from django.urls import reverse

from netwerk.models import Organisatie
from tests.factories import PersoonFactory
from tests.permissions import organisatie_snapshot

pytestmark = pytest.mark.django_db


def join(client, organisatie) -> object:
    return client.post(
        reverse("netwerk:deelname_nieuw", args=["stein"]),
        {"organisatie": organisatie.pk, "groep": "kerngroep", "belangen": "Ons belang"},
    )


def edit_data(naam: str) -> dict:
    return {
        "naam": naam,
        "soort": "welzijn",
        "telefoon": "0900 OVERGENOMEN",
        "email": "kaper@stein.example",
        "wijken": "Stein",
    }


def test_adding_an_organisation_of_another_practice_leaves_its_original_untouched(
    client, kerngroeplid, ede_organisatie
):
    voor = organisatie_snapshot(ede_organisatie)
    client.force_login(kerngroeplid)
    response = join(client, ede_organisatie)
    assert response.status_code == 302  # positive control: stein now works with it
    kopie = Organisatie.objects.get(deelnames__praktijk__slug="stein")
    assert kopie.pk != ede_organisatie.pk
    assert kopie.naam == ede_organisatie.naam
    assert kopie.eigenaar.slug == "stein"
    assert kopie.bron == ede_organisatie
    assert not kopie.personen.exists()  # ede's people stay with ede
    assert organisatie_snapshot(ede_organisatie) == voor


def test_another_practice_cannot_see_the_people_of_an_organisation_it_added(
    client, kerngroeplid, ede_organisatie
):
    client.force_login(kerngroeplid)
    join(client, ede_organisatie)
    # The original, through stein: not found.
    response = client.get(reverse("netwerk:organisatie_detail", args=["stein", ede_organisatie.pk]))
    assert response.status_code == 404
    # The page stein does get (positive control) does not show ede's people.
    kopie = Organisatie.objects.get(deelnames__praktijk__slug="stein")
    html = client.get(reverse("netwerk:organisatie_detail", args=["stein", kopie.pk]))
    assert html.status_code == 200
    assert "Geheime Wijkverpleging Ede" in html.content.decode()
    assert "Ede Verpleegkundige" not in html.content.decode()
    # Nor the social map or its exports.
    for naam in ["netwerk:kaart", "netwerk:kaart_csv", "netwerk:kaart_vcf"]:
        body = client.get(reverse(naam, args=["stein"])).content.decode()
        assert "Ede Verpleegkundige" not in body, naam
    ede_persoon = ede_organisatie.personen.get()
    response = client.get(reverse("netwerk:persoon_bewerken", args=["stein", ede_persoon.pk]))
    assert response.status_code == 404


def test_editing_the_added_organisation_does_not_change_what_the_owner_shows(
    client, kerngroeplid, ede_organisatie
):
    voor = organisatie_snapshot(ede_organisatie)
    client.force_login(kerngroeplid)
    join(client, ede_organisatie)
    response = client.post(
        reverse("netwerk:organisatie_bewerken", args=["stein", ede_organisatie.pk]),
        edit_data("Overgenomen door Stein"),
    )
    assert response.status_code == 404
    response = client.post(
        reverse("netwerk:persoon_nieuw", args=["stein", ede_organisatie.pk]),
        {"naam": "Ingeschoven Persoon"},
    )
    assert response.status_code == 404
    ede_persoon = ede_organisatie.personen.get()
    response = client.post(
        reverse("netwerk:persoon_bewerken", args=["stein", ede_persoon.pk]),
        {"naam": "Overschreven", "telefoon": "0900 OVERGENOMEN"},
    )
    assert response.status_code == 404
    # Positive control: stein edits its own copy, and only that.
    kopie = Organisatie.objects.get(deelnames__praktijk__slug="stein")
    response = client.post(
        reverse("netwerk:organisatie_bewerken", args=["stein", kopie.pk]),
        edit_data("Wijkverpleging zoals Stein haar kent"),
    )
    assert response.status_code == 302
    kopie.refresh_from_db()
    assert kopie.naam == "Wijkverpleging zoals Stein haar kent"
    assert organisatie_snapshot(ede_organisatie) == voor


def test_owner_still_edits_its_own_organisation_and_people(client, outsider, ede_organisatie):
    """The `outsider` is ede's facilitator: for ede, nothing changed."""
    client.force_login(outsider)
    response = client.post(
        reverse("netwerk:organisatie_bewerken", args=["ede", ede_organisatie.pk]),
        edit_data("Wijkverpleging Ede"),
    )
    assert response.status_code == 302
    ede_organisatie.refresh_from_db()
    assert ede_organisatie.naam == "Wijkverpleging Ede"
    html = client.get(reverse("netwerk:organisatie_detail", args=["ede", ede_organisatie.pk]))
    assert "Ede Verpleegkundige" in html.content.decode()


def test_a_member_working_for_the_owner_gets_no_rights_in_another_practice(
    client, andere_praktijk, praktijk, kerngroeplid, ede_organisatie
):
    """A member of both practices whose person entry is at ede's organisation: in stein that
    organisation is not theirs to see, even after stein added it to its network."""
    from tests.factories import LidmaatschapFactory, UserFactory

    user = UserFactory(email="dubbel@ede.example")
    LidmaatschapFactory(praktijk=praktijk, user=user)
    LidmaatschapFactory(praktijk=andere_praktijk, user=user)
    PersoonFactory(user=user, organisatie=ede_organisatie, naam="Dubbel Lid")
    client.force_login(kerngroeplid)
    join(client, ede_organisatie)
    voor = organisatie_snapshot(ede_organisatie)
    client.force_login(user)
    url = reverse("netwerk:organisatie_bewerken", args=["stein", ede_organisatie.pk])
    assert client.post(url, edit_data("Via Stein")).status_code == 404
    # Positive control: in ede, where the organisation is theirs, the member may edit it.
    url = reverse("netwerk:organisatie_bewerken", args=["ede", ede_organisatie.pk])
    assert client.get(url).status_code == 200
    assert organisatie_snapshot(ede_organisatie) == voor


def test_the_list_of_existing_organisations_offers_a_copy_only_once(
    client, kerngroeplid, ede_organisatie
):
    client.force_login(kerngroeplid)
    url = reverse("netwerk:deelname_nieuw", args=["stein"])
    assert f'value="{ede_organisatie.pk}"' in client.get(url).content.decode()
    join(client, ede_organisatie)
    assert f'value="{ede_organisatie.pk}"' not in client.get(url).content.decode()
    response = join(client, ede_organisatie)
    assert response.status_code == 200
    assert "Deze organisatie doet al mee." in response.content.decode()
    assert Organisatie.objects.filter(bron=ede_organisatie).count() == 1
