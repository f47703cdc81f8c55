"""The audit trail of the network: every change records who made it, a refused one nothing."""

import pytest
from django.urls import reverse

from netwerk import services
from netwerk.models import Afspraak, Deelname, Groep, Persoon
from praktijken.models import Gebeurtenis
from tests.factories import DeelnameFactory

pytestmark = pytest.mark.django_db


def url(name: str, *args) -> str:
    return reverse(f"netwerk:{name}", args=["stein", *args])


def trail() -> list[tuple]:
    return [
        (g.praktijk.slug, g.actie, g.door, g.object_soort, g.object_id)
        for g in Gebeurtenis.objects.order_by("pk")
    ]


def test_adding_changing_and_removing_an_agreement_is_recorded(client, praktijk, kerngroeplid):
    client.force_login(kerngroeplid)
    data = {"onderwerp": Afspraak.Onderwerp.VERSLAG, "afspraak": "Het steunpunt notuleert."}
    assert client.post(url("afspraak_nieuw"), data).status_code == 302
    afspraak = Afspraak.objects.get()
    assert client.post(url("afspraak_bewerken", afspraak.pk), data).status_code == 302
    assert client.post(url("afspraak_verwijderen", afspraak.pk)).status_code == 302
    soort = "netwerk.afspraak"
    assert trail() == [
        ("stein", "afspraak.create", kerngroeplid, soort, afspraak.pk),
        ("stein", "afspraak.update", kerngroeplid, soort, afspraak.pk),
        ("stein", "afspraak.delete", kerngroeplid, soort, afspraak.pk),
    ]


def test_joining_and_moving_an_organisation_is_recorded(client, praktijk, kerngroeplid):
    client.force_login(kerngroeplid)
    client.post(
        url("deelname_nieuw"),
        {"nieuwe_naam": "Zonnebloem Stein", "nieuwe_soort": "vrijwilligersorganisatie",
         "groep": Groep.ONTWERPGROEP},
    )  # fmt: skip
    deelname = Deelname.objects.get(organisatie__naam="Zonnebloem Stein")
    client.post(url("deelname_bewerken", deelname.pk), {"groep": Groep.KERNGROEP})
    assert [(a, d, i) for _s, a, d, _o, i in trail()] == [
        ("deelname.create", kerngroeplid, deelname.pk),
        ("deelname.update", kerngroeplid, deelname.pk),
    ]


def test_a_member_editing_their_organisation_and_a_colleague_is_recorded(
    client, praktijk, lid, eigen_organisatie
):
    client.force_login(lid)
    client.post(
        url("organisatie_bewerken", eigen_organisatie.pk),
        {"naam": eigen_organisatie.naam, "soort": eigen_organisatie.soort, "levensdomeinen": []},
    )
    client.post(url("organisatie_bewerken", eigen_organisatie.pk), {"klopt_nog": "1"})
    client.post(url("persoon_nieuw", eigen_organisatie.pk), {"naam": "Collega", "functie": "X"})
    collega = Persoon.objects.get(naam="Collega")
    client.post(url("persoon_bewerken", collega.pk), {"naam": "Collega B", "functie": "X"})
    assert trail() == [
        ("stein", "organisatie.update", lid, "netwerk.organisatie", eigen_organisatie.pk),
        ("stein", "organisatie.confirm", lid, "netwerk.organisatie", eigen_organisatie.pk),
        ("stein", "persoon.create", lid, "netwerk.persoon", collega.pk),
        ("stein", "persoon.update", lid, "netwerk.persoon", collega.pk),
    ]


def test_the_public_confirmation_link_is_recorded_in_every_practice_without_a_person(
    client, praktijk, andere_praktijk, eigen_organisatie
):
    DeelnameFactory(praktijk=andere_praktijk, organisatie=eigen_organisatie)
    token = services.bevestiging_token_make(organisatie=eigen_organisatie)
    assert client.post(reverse("netwerk:bevestigen", args=[token])).status_code == 200
    assert sorted(trail()) == [
        ("ede", "organisatie.confirm", None, "netwerk.organisatie", eigen_organisatie.pk),
        ("stein", "organisatie.confirm", None, "netwerk.organisatie", eigen_organisatie.pk),
    ]


def test_a_rejected_or_refused_change_records_nothing(
    client, praktijk, lid, kerngroeplid, afspraak, huisarts
):
    client.force_login(kerngroeplid)
    response = client.post(url("afspraak_bewerken", afspraak.pk), {"afspraak": ""})
    assert response.status_code == 200
    assert response.context["form"].errors
    client.force_login(lid)
    assert client.post(url("afspraak_verwijderen", afspraak.pk)).status_code == 403
    assert (
        client.post(url("organisatie_bewerken", huisarts.pk), {"klopt_nog": "1"}).status_code == 403
    )
    assert not Gebeurtenis.objects.exists()
