"""Around the workshop: the session page's counts, the order of session lists, closing with
confirmation and paper sessions without a live code."""

import datetime

import pytest
from django.urls import reverse

from condities import services
from condities.selectors import sessies_for_praktijk

pytestmark = pytest.mark.django_db


def url(name, sessie):
    return reverse(f"condities:{name}", kwargs={"slug": sessie.praktijk.slug, "pk": sessie.pk})


def test_the_session_page_counts_participants_not_answers(
    client, facilitator, sessie, stellingen, maak_deelnemers
):
    deelnemers = maak_deelnemers(3)
    for deelnemer in deelnemers:
        for stelling in stellingen["ambitie"] + stellingen["relatie"]:
            services.antwoord_save(deelnemer=deelnemer, stelling=stelling, score=3)
    services.deelnemer_finish(deelnemer=deelnemers[0])
    services.deelnemer_finish(deelnemer=deelnemers[1])
    client.force_login(facilitator)
    page = client.get(url("sessie_detail", sessie))
    assert "3 doen mee, 2 zijn klaar." in page.text


def _sessie(praktijk, facilitator, titel, datum):
    return services.sessie_create(
        praktijk=praktijk,
        titel=titel,
        datum=datum,
        modus="live",
        condities=["relatie"],
        by=facilitator,
    )


@pytest.fixture
def drie_sessies(praktijk, facilitator):
    # Created out of date order, so neither the id nor the creation time gives the order away.
    _sessie(praktijk, facilitator, "Middel", datetime.date(2026, 5, 1))
    _sessie(praktijk, facilitator, "Oudste", datetime.date(2026, 1, 1))
    _sessie(praktijk, facilitator, "Nieuwste", datetime.date(2026, 9, 1))


def _volgorde(text: str) -> list[str]:
    titels = ["Nieuwste", "Middel", "Oudste"]
    return sorted(titels, key=text.index)


def test_the_sessions_page_lists_the_newest_first(client, facilitator, drie_sessies):
    client.force_login(facilitator)
    page = client.get(reverse("condities:sessies", args=["stein"]))
    assert "nieuwste eerst" in page.text
    assert _volgorde(page.text) == ["Nieuwste", "Middel", "Oudste"]


def test_the_practice_report_lists_sessions_newest_first(client, facilitator, drie_sessies):
    client.force_login(facilitator)
    page = client.get(reverse("condities:praktijk_rapport", args=["stein"]))
    assert "nieuwste eerst" in page.text
    assert _volgorde(page.text) == ["Nieuwste", "Middel", "Oudste"]


def test_sessions_of_one_day_list_the_last_created_first(praktijk, facilitator):
    eerste = _sessie(praktijk, facilitator, "Ochtend", datetime.date(2026, 5, 1))
    tweede = _sessie(praktijk, facilitator, "Middag", datetime.date(2026, 5, 1))
    sessies = sessies_for_praktijk(praktijk=praktijk)
    assert [s.pk for s in sessies] == [tweede.pk, eerste.pk]
