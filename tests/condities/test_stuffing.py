"""Ballot stuffing: joins from one network are shown to the facilitator, who can remove them;
a session can be for members only."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from condities import services
from condities.models import Antwoord, Deelnemer, Sessie
from praktijken.models import Gebeurtenis

pytestmark = pytest.mark.django_db

ADRES = "203.0.113.7"


def join(client, sessie, naam="", adres=ADRES):
    """A fresh browser joins the session as a guest from `adres` and answers one statement."""
    client.cookies.clear()
    response = client.post(
        reverse("condities:doe_mee_code", args=[sessie.code]),
        {"naam": naam, "organisatie": "mantelzorger", "email": ""},
        REMOTE_ADDR=adres,
    )
    assert response.status_code == 302, response.content[:300]
    return Deelnemer.objects.filter(sessie=sessie).latest("pk")


def detail(client, sessie):
    return client.get(reverse("condities:sessie_detail", args=["stein", sessie.pk]))


def test_forty_joins_from_one_address_are_shown_to_the_facilitator(
    client, sessie, facilitator, stellingen
):
    """Before: 40 of 40 joins from one address were accepted and nothing showed it."""
    for i in range(8):
        deelnemer = join(client, sessie, naam=f"Stem {i}")
        services.antwoord_save(deelnemer=deelnemer, stelling=stellingen["ambitie"][0], score=5)
    join(client, sessie, naam="Elders", adres="198.51.100.9")

    client.force_login(facilitator)
    page = detail(client, sessie).text

    assert "Veel aanmeldingen via één netwerk" in page
    assert "8 aanmeldingen tussen" in page
    assert "Stem 0" in page and "Stem 7" in page
    assert "Elders" not in page  # one join from elsewhere is no cluster
    assert ADRES not in page  # the address itself is never kept or shown
    assert not Deelnemer.objects.filter(herkomst__contains="203.").exists()


def test_joins_spread_over_time_are_no_cluster(client, sessie, facilitator):
    deelnemers = [join(client, sessie, naam=f"Mens {i}") for i in range(6)]
    for i, deelnemer in enumerate(deelnemers):
        Deelnemer.objects.filter(pk=deelnemer.pk).update(
            created_at=timezone.now() - datetime.timedelta(minutes=30 * i)
        )
    client.force_login(facilitator)
    response = detail(client, sessie)
    assert response.status_code == 200 and "Mens" not in response.text  # page itself loaded
    assert sessie.titel in response.text


def test_the_facilitator_removes_ticked_participants_and_their_answers(
    client, sessie, facilitator, stellingen
):
    deelnemers = [join(client, sessie, naam=f"Stem {i}") for i in range(6)]
    for deelnemer in deelnemers:
        services.antwoord_save(deelnemer=deelnemer, stelling=stellingen["ambitie"][0], score=5)
    client.force_login(facilitator)
    detail(client, sessie)  # the form is on the page; its prefix is c0
    url = reverse("condities:deelnemers_verwijderen", args=["stein", sessie.pk])

    weigering = client.post(url, {"prefix": "c0", "c0-deelnemers": [deelnemers[0].pk]})
    assert weigering.status_code == 302
    assert Deelnemer.objects.filter(pk=deelnemers[0].pk).exists()  # not confirmed: kept

    response = client.post(
        url,
        {
            "prefix": "c0",
            "c0-deelnemers": [d.pk for d in deelnemers[:4]],
            "c0-zeker": "on",
        },
        follow=True,
    )

    assert "4 deelnemers en hun antwoorden zijn verwijderd." in response.text
    assert set(Deelnemer.objects.filter(sessie=sessie).values_list("pk", flat=True)) == {
        d.pk for d in deelnemers[4:]
    }
    assert Antwoord.objects.filter(deelnemer__sessie=sessie).count() == 2
    assert Gebeurtenis.objects.filter(actie="deelnemer.remove").count() == 4


def test_another_practices_facilitator_cannot_remove(client, sessie, outsider):
    deelnemers = [join(client, sessie, naam=f"Stem {i}") for i in range(6)]
    client.force_login(outsider)
    response = client.post(
        reverse("condities:deelnemers_verwijderen", args=["stein", sessie.pk]),
        {"prefix": "c0", "c0-deelnemers": [deelnemers[0].pk], "c0-zeker": "on"},
    )
    assert response.status_code == 404
    assert Deelnemer.objects.filter(sessie=sessie).count() == 6


def test_a_removal_does_not_show_what_the_removed_person_answered(
    client, sessie, facilitator, stellingen, maak_deelnemers
):
    """The figures shown move only when enough answers changed: removing one participant
    leaves them as they were until k others changed too."""
    eerlijk = maak_deelnemers(4)
    for deelnemer, score in zip(eerlijk, (2, 3, 4, 3), strict=True):
        services.antwoord_save(deelnemer=deelnemer, stelling=stellingen["ambitie"][0], score=score)
    verdacht = join(client, sessie, naam="Verdacht")
    services.antwoord_save(deelnemer=verdacht, stelling=stellingen["ambitie"][0], score=5)
    services.sessie_reveal(sessie=sessie, condities=["ambitie"], by=facilitator)
    rapport = reverse("condities:sessie_rapport", args=["stein", sessie.pk])
    client.force_login(facilitator)
    assert "3,4" in client.get(rapport).text  # (2 + 3 + 4 + 3 + 5) / 5

    services.deelnemer_remove(sessie=sessie, deelnemer=verdacht, by=facilitator)

    page = client.get(rapport).text
    assert "3,4" in page and "3,0" not in page  # still the released state


def test_a_members_only_session_refuses_guests(client, praktijk, facilitator, lid):
    sessie = services.sessie_create(
        praktijk=praktijk,
        titel="Alleen leden",
        datum=datetime.date(2026, 10, 1),
        modus="live",
        condities=["ambitie"],
        by=facilitator,
        alleen_leden=True,
    )
    services.sessie_open(sessie=sessie, by=facilitator)
    url = reverse("condities:doe_mee_code", args=[sessie.code])

    gast = client.post(url, {"naam": "Gast", "organisatie": "mantelzorger", "email": ""})
    assert gast.status_code == 403
    assert "Log in" in gast.text and "voor leden van" in gast.text
    assert not Deelnemer.objects.filter(sessie=sessie).exists()

    client.force_login(lid)
    assert client.get(url).status_code == 302  # a member joins straight away
    assert Deelnemer.objects.filter(sessie=sessie, user=lid).exists()


def test_the_session_form_offers_members_only(client, facilitator):
    client.force_login(facilitator)
    response = client.post(
        reverse("condities:sessie_nieuw", args=["stein"]),
        {
            "titel": "Besloten werkvorm",
            "datum": "2026-12-10",
            "modus": "live",
            "condities": ["ambitie", "relatie"],
            "alleen_leden": "on",
        },
    )
    assert response.status_code == 302
    assert Sessie.objects.get(titel="Besloten werkvorm").alleen_leden


def test_closing_forgets_where_participants_joined_from(client, sessie, facilitator):
    join(client, sessie, naam="Iemand")
    assert Deelnemer.objects.filter(sessie=sessie).exclude(herkomst="").exists()
    services.sessie_close(sessie=sessie, by=facilitator)
    assert Deelnemer.objects.filter(sessie=sessie).count() == 1
    assert not Deelnemer.objects.filter(sessie=sessie).exclude(herkomst="").exists()
