"""The response rate of a check-in per group: only counts, released by condities.disclosure."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from condities.disclosure import OVERIG, Respons, respons_per_groep
from condities.models import Respondentgroep, Sessie
from tests.factories.condities import AntwoordFactory, DeelnemerFactory, SessieFactory

K = 3


def groepen(**aantallen: int) -> dict[str, Respons]:
    return {
        g: Respons(g, uitgenodigd=n, gestart=n // 2, klaar=n // 3) for g, n in aantallen.items()
    }


def getoond(rijen: list[Respons]) -> dict[str, int]:
    return {r.groep: r.uitgenodigd for r in rijen}


def test_groups_of_at_least_k_are_shown_and_the_rest_is_other():
    rijen = respons_per_groep(
        groepen(kerngroep=4, ontwerpgroep=6, mantelzorger=2, anders=1), drempel=K
    )
    assert getoond(rijen) == {"kerngroep": 4, "ontwerpgroep": 6, OVERIG: 3}
    assert sum(r.uitgenodigd for r in rijen) == 13


def test_a_group_below_k_goes_into_other():
    rijen = respons_per_groep(groepen(kerngroep=2, ontwerpgroep=5, anders=4), drempel=K)
    assert getoond(rijen) == {"ontwerpgroep": 5, OVERIG: 6}


def test_other_below_k_is_not_left_to_subtraction_the_smallest_group_joins_it():
    # One carer among 9: "overig" would be 1, derivable from the total minus the groups shown.
    rijen = respons_per_groep(groepen(kerngroep=4, ontwerpgroep=5, mantelzorger=1), drempel=K)
    assert getoond(rijen) == {"ontwerpgroep": 5, OVERIG: 5}
    assert all(r.uitgenodigd >= K for r in rijen)


def test_a_split_that_would_end_in_one_group_is_no_split():
    assert respons_per_groep(groepen(kerngroep=5, anders=1), drempel=K) == []
    assert respons_per_groep(groepen(kerngroep=2, ontwerpgroep=2), drempel=K) == []
    assert respons_per_groep(groepen(ontwerpgroep=8), drempel=K) == []
    assert respons_per_groep({}, drempel=K) == []


def test_two_groups_without_other_are_shown():
    rijen = respons_per_groep(groepen(kerngroep=3, ontwerpgroep=3), drempel=K)
    assert getoond(rijen) == {"kerngroep": 3, "ontwerpgroep": 3}


@pytest.mark.parametrize("seed", range(200))
def test_no_released_group_and_no_difference_is_below_k(seed):
    import random

    rnd = random.Random(seed)
    per_groep = groepen(**{g: rnd.randint(0, 7) for g in Respondentgroep.values})
    rijen = respons_per_groep(per_groep, drempel=K)
    totaal = sum(r.uitgenodigd for r in per_groep.values())
    if rijen:
        assert sum(r.uitgenodigd for r in rijen) == totaal
        # Each row is at least k, so the total minus any rows shown is 0 or at least k too.
        assert all(r.uitgenodigd >= K for r in rijen)
        assert len(rijen) >= 2


def test_the_rate_is_finished_over_invited():
    assert Respons("kerngroep", uitgenodigd=4, gestart=3, klaar=1).percentage == 25
    assert Respons("kerngroep").percentage == 0


# The page.


@pytest.fixture
def checkin(praktijk):
    return SessieFactory(
        praktijk=praktijk, soort=Sessie.Soort.CHECKIN, open=True, titel="Check-in najaar"
    )


def maak(sessie, groep, aantal, *, klaar=0, gestart=0):
    deelnemers = DeelnemerFactory.create_batch(aantal, sessie=sessie, groep=groep)
    for d in deelnemers[:klaar]:
        d.klaar_op = timezone.now()
        d.save()
    for d in deelnemers[klaar : klaar + gestart]:
        AntwoordFactory(deelnemer=d, score=None)
    return deelnemers


def rijen_van(html: str) -> list[list[str]]:
    tabel = re.search(
        r'<table class="utrecht-table lp-respons-per-groep">(.*?)</table>', html, re.S
    )
    assert tabel, "no table of response per group"
    return [
        [
            re.sub(r"<[^>]+>", "", c).strip()
            for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", rij, re.S)
        ]
        for rij in re.findall(r"<tr[^>]*>(.*?)</tr>", tabel.group(1), re.S)[1:]
    ]


@pytest.mark.django_db
def test_the_page_shows_counts_per_group_and_merges_the_small_ones(client, facilitator, checkin):
    maak(checkin, Respondentgroep.KERNGROEP, 4, klaar=2, gestart=1)
    maak(checkin, Respondentgroep.ONTWERPGROEP, 5, klaar=1)
    maak(checkin, Respondentgroep.MANTELZORGER, 1, klaar=1)  # alone: never on its own
    client.force_login(facilitator)
    response = client.get(reverse("condities:checkin_respons", args=["stein", checkin.pk]))
    assert response.status_code == 200
    assert "Reactie per groep" in response.text
    # "Overig" would hold the one carer: the smallest group shown (core group) joins it.
    assert rijen_van(response.text) == [
        ["Ontwerpgroep", "5", "1", "1", "20%"],
        ["Overige groepen", "5", "4", "3", "60%"],
    ]
    assert "Kerngroep" not in response.text.split("lp-respons-per-groep", 1)[1].split("</table>")[0]


@pytest.mark.django_db
def test_the_page_shows_no_split_when_groups_are_too_small(client, facilitator, checkin):
    maak(checkin, Respondentgroep.KERNGROEP, 2, klaar=1)
    maak(checkin, Respondentgroep.ONTWERPGROEP, 2)
    client.force_login(facilitator)
    response = client.get(reverse("condities:checkin_respons", args=["stein", checkin.pk]))
    assert response.status_code == 200
    assert "Reactie per groep" in response.text
    assert "lp-respons-per-groep" not in response.text
    assert "Te weinig mensen per groep" in response.text


@pytest.mark.django_db
def test_the_response_page_queries_do_not_grow_with_participants(
    client, facilitator, checkin, django_assert_max_num_queries
):
    client.force_login(facilitator)
    url = reverse("condities:checkin_respons", args=["stein", checkin.pk])
    maak(checkin, Respondentgroep.KERNGROEP, 2, klaar=1)
    with django_assert_max_num_queries(12) as weinig:
        client.get(url)
    maak(checkin, Respondentgroep.KERNGROEP, 8, klaar=3, gestart=2)
    maak(checkin, Respondentgroep.ONTWERPGROEP, 10, klaar=3)
    with django_assert_max_num_queries(len(weinig.captured_queries)):
        response = client.get(url)
    assert len(rijen_van(response.text)) == 2
