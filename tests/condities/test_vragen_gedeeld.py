"""The questions page's statements are rendered once per worker for every phone that chose the
same (issue #13: rendering them was most of the page, five pages per participant): what one
phone chose never shows on another, and each phone sees its own choice."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.condities.test_deelnemer_paginas import join

pytestmark = pytest.mark.django_db


def vragen(client, sessie):
    response = client.get(reverse("condities:vragen", args=[sessie.code]), {"conditie": "ambitie"})
    assert response.status_code == 200
    return response


def gekozen(html: str, stelling) -> list[str]:
    """The values checked for `stelling` on the page."""
    return re.findall(rf'name="s{stelling.pk}" value="([^"]+)" checked', html)


def test_each_phone_sees_its_own_choice_and_nobody_elses(sessie, stellingen):
    eerste, tweede, derde = stellingen["ambitie"][:3]
    mies, kees = Client(), Client()
    join(mies, sessie)
    join(kees, sessie)
    assert all(gekozen(vragen(mies, sessie).text, s) == [] for s in (eerste, tweede, derde))

    antwoord = reverse("condities:antwoord", args=[sessie.code])
    mies.post(antwoord, {f"s{eerste.pk}": "4"}, headers={"HX-Request": "true"})
    mies.post(antwoord, {f"s{tweede.pk}": "?"}, headers={"HX-Request": "true"})
    kees.post(antwoord, {f"s{eerste.pk}": "2"}, headers={"HX-Request": "true"})

    bij_mies = vragen(mies, sessie).text
    bij_kees = vragen(kees, sessie).text
    assert eerste.tekst in bij_mies and eerste.tekst in bij_kees  # positive control
    assert gekozen(bij_mies, eerste) == ["4"] and gekozen(bij_mies, tweede) == ["?"]
    assert gekozen(bij_kees, eerste) == ["2"] and gekozen(bij_kees, tweede) == []
    assert gekozen(bij_mies, derde) == gekozen(bij_kees, derde) == []


def test_a_new_phone_gets_the_statements_from_the_workers_memory(sessie, stellingen):
    eerste, tweede = Client(), Client()
    join(eerste, sessie)
    join(tweede, sessie)
    gerenderd = [t.name for t in vragen(eerste, sessie).templates]
    assert gerenderd.count("stelling") == len(stellingen["ambitie"])  # the partial, once each
    opnieuw = vragen(tweede, sessie)
    assert [t.name for t in opnieuw.templates].count("stelling") == 0
    assert all(s.tekst in opnieuw.text for s in stellingen["ambitie"])


def test_each_click_shows_that_phones_own_progress(sessie, stellingen):
    """The answer to a click is kept per worker by how far the phone is: two phones at
    different points each see their own progress, in their own language."""
    eerste, tweede, derde = stellingen["ambitie"][:3]
    totaal = sum(len(s) for s in stellingen.values())
    mies, kees = Client(), Client()
    join(mies, sessie)
    join(kees, sessie)
    antwoord = reverse("condities:antwoord", args=[sessie.code])
    htmx = {"HX-Request": "true"}
    for stelling in (eerste, tweede):
        response = mies.post(antwoord, {f"s{stelling.pk}": "3"}, headers=htmx)
    assert response.status_code == 200 and "Opgeslagen" in response.text
    assert f"2 van {totaal} beantwoord" in response.text
    response = kees.post(antwoord, {f"s{eerste.pk}": "5"}, headers=htmx)
    assert f"1 van {totaal} beantwoord" in response.text
    # The same point as Mies's first click, the same kept answer; and a change is no new one.
    assert (
        f"1 van {totaal} beantwoord"
        in kees.post(antwoord, {f"s{eerste.pk}": "4"}, headers=htmx).text
    )
    kees.cookies["django_language"] = "en"
    response = kees.post(antwoord, {f"s{derde.pk}": "1"}, headers=htmx)
    assert "Saved" in response.text and f"2 of {totaal} answered" in response.text
