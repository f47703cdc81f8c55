"""Aggregating answers: averages, spread, “weet ik niet”, paper tallies, the three-person rule."""

import io
import statistics

import pytest

from condities import services
from condities.models import Antwoord, Conditie, ConditieScore, Respondentgroep
from condities.scores import Tally
from condities.selectors import sessie_resultaten

pytestmark = pytest.mark.django_db


def getoond(sessie):
    """The results once the facilitator revealed every condition."""
    services.sessie_reveal(sessie=sessie, condities=list(Conditie.values), by=sessie.created_by)
    return sessie_resultaten(sessie=sessie)


def conditie(resultaten, code):
    return next(c for c in resultaten.condities if c.code == code)


def test_tally_mean_and_spread():
    scores = [2, 4, 4, 4, 5, 5, 5, 2]
    tally = Tally()
    for score in scores:
        tally.add(score)
    tally.add(None)
    assert tally.n == 8
    assert tally.weet_niet == 1
    assert tally.gemiddelde == pytest.approx(statistics.mean(scores))
    assert tally.spreiding == pytest.approx(statistics.pstdev(scores))


def test_weet_ik_niet_counts_as_answered_but_not_in_the_average(
    sessie, stellingen, maak_deelnemers
):
    a, b, c, d = maak_deelnemers(4)
    stelling = stellingen["ambitie"][0]
    services.antwoord_save(deelnemer=a, stelling=stelling, score=5)
    services.antwoord_save(deelnemer=b, stelling=stelling, score=3)
    services.antwoord_save(deelnemer=c, stelling=stelling, score=4)
    services.antwoord_save(deelnemer=d, stelling=stelling, score=None)

    ambitie = conditie(getoond(sessie), "ambitie")

    assert ambitie.totaal.gemiddelde == 4.0
    assert ambitie.totaal.respondenten == 3  # who gave a score
    assert ambitie.totaal.tally.weet_niet == 1
    verdeling = {row["score"]: row["aantal"] for row in ambitie.stellingen[0].verdeling}
    assert verdeling == {1: 0, 2: 0, 3: 1, 4: 1, 5: 1}


def test_weet_ik_niet_does_not_count_towards_the_three(sessie, stellingen, maak_deelnemers):
    """Three people, two of whom only answer "weet ik niet": the figure would be one answer."""
    a, b, c = maak_deelnemers(3)
    for stelling in stellingen["ambitie"][:2]:
        services.antwoord_save(deelnemer=a, stelling=stelling, score=2)
        services.antwoord_save(deelnemer=b, stelling=stelling, score=None)
        services.antwoord_save(deelnemer=c, stelling=stelling, score=None)

    ambitie = conditie(getoond(sessie), "ambitie")

    assert ambitie.te_weinig
    assert ambitie.totaal.respondenten == 1
    assert ambitie.totaal.gemiddelde is None
    assert not any(s.zichtbaar for s in ambitie.stellingen)


def test_changing_an_answer_replaces_it(sessie, stellingen, maak_deelnemers):
    a, b, c = maak_deelnemers(3)
    stelling = stellingen["relatie"][0]
    services.antwoord_save(deelnemer=a, stelling=stelling, score=1)
    services.antwoord_save(deelnemer=a, stelling=stelling, score=4)
    for other in (b, c):
        services.antwoord_save(deelnemer=other, stelling=stelling, score=4)
    assert Antwoord.objects.filter(deelnemer=a).count() == 1
    relatie = conditie(getoond(sessie), "relatie")
    assert relatie.totaal.gemiddelde == 4.0


def test_with_fewer_than_three_people_nothing_of_a_condition_is_shown(
    sessie, stellingen, maak_deelnemers
):
    a, b = maak_deelnemers(2)
    stelling = stellingen["ambitie"][0]
    services.antwoord_save(deelnemer=a, stelling=stelling, score=1)
    services.antwoord_save(deelnemer=b, stelling=stelling, score=5)

    ambitie = conditie(getoond(sessie), "ambitie")

    assert ambitie.te_weinig
    assert ambitie.totaal.respondenten == 2
    assert ambitie.totaal.gemiddelde is None
    assert all(row["aantal"] == 0 for row in ambitie.stellingen[0].verdeling)
    services.sessie_close(sessie=sessie, by=sessie.created_by)
    assert not ConditieScore.objects.filter(sessie=sessie, conditie="ambitie").exists()


def test_a_group_of_fewer_than_three_is_not_shown(sessie, stellingen, maak_deelnemers):
    kern = maak_deelnemers(2, groep="kerngroep")
    ontwerp = maak_deelnemers(3, groep="ontwerpgroep")
    anders = maak_deelnemers(1, groep="anders")  # with the core group, the rest holds three
    mantelzorgers = maak_deelnemers(3, groep="mantelzorger")
    for deelnemer in kern + ontwerp + anders + mantelzorgers:
        services.antwoord_save(deelnemer=deelnemer, stelling=stellingen["proces"][0], score=4)

    proces = conditie(getoond(sessie), "proces")

    assert proces.totaal.respondenten == 9
    assert Respondentgroep.KERNGROEP not in proces.groepen
    assert [label for label, _ in proces.zichtbare_groepen] == [
        Respondentgroep.ONTWERPGROEP.label,
        Respondentgroep.MANTELZORGER.label,
    ]


def test_a_hidden_group_cannot_be_subtracted_from_everybody(sessie, stellingen, maak_deelnemers):
    """Three core-group members and one carer: "everybody" minus the core group would be the
    carer's answer, so the core group is hidden as well."""
    kern = maak_deelnemers(3, groep="kerngroep")
    (carer,) = maak_deelnemers(1, groep="mantelzorger")
    for deelnemer in kern:
        services.antwoord_save(deelnemer=deelnemer, stelling=stellingen["proces"][0], score=4)
    services.antwoord_save(deelnemer=carer, stelling=stellingen["proces"][0], score=1)

    proces = conditie(getoond(sessie), "proces")

    assert proces.totaal.gemiddelde == pytest.approx(13 / 4)  # the condition is shown
    assert proces.groepen == {}


def test_perception_gaps_only_between_organisations_of_three_or_more(
    sessie, stellingen, maak_deelnemers
):
    hoog = maak_deelnemers(3, naam="Thuiszorg Hoog")
    laag = maak_deelnemers(3, naam="Welzijn Laag")
    klein = maak_deelnemers(2, naam="Huisarts Klein")
    klein += maak_deelnemers(1, naam="Wijkverpleging Klein")  # with "Huisarts": three together
    stelling = stellingen["belangen"][0]
    for d in hoog:
        services.antwoord_save(deelnemer=d, stelling=stelling, score=5)
    for d in laag:
        services.antwoord_save(deelnemer=d, stelling=stelling, score=2)
    for d in klein:
        services.antwoord_save(deelnemer=d, stelling=stelling, score=1)

    (gap,) = getoond(sessie).verschillen

    assert gap["conditie"] == "belangen"
    assert (gap["hoog"], gap["laag"]) == ("Thuiszorg Hoog", "Welzijn Laag")
    assert gap["verschil"] == pytest.approx(3.0)


def test_paper_forms_count_for_the_marks_they_carry(sessie, stellingen, maak_deelnemers):
    (a,) = maak_deelnemers(1)
    stelling = stellingen["organisatie"][0]
    services.antwoord_save(deelnemer=a, stelling=stelling, score=2)
    services.papier_tellingen_save(
        sessie=sessie,
        formulieren=4,
        tellingen={stelling.pk: {4: 3, 0: 1}},
        by=sessie.created_by,
    )

    organisatie = conditie(getoond(sessie), "organisatie")

    assert organisatie.totaal.respondenten == 4  # the form with only "weet ik niet" not
    assert organisatie.totaal.gemiddelde == pytest.approx((2 + 4 * 3) / 4)
    assert organisatie.totaal.tally.weet_niet == 1


def test_empty_paper_forms_do_not_lift_one_answer_over_the_threshold(
    sessie, stellingen, maak_deelnemers
):
    (a,) = maak_deelnemers(1)
    stelling = stellingen["organisatie"][0]
    services.antwoord_save(deelnemer=a, stelling=stelling, score=2)
    services.papier_tellingen_save(sessie=sessie, formulieren=2, tellingen={}, by=sessie.created_by)

    organisatie = conditie(getoond(sessie), "organisatie")

    assert organisatie.te_weinig
    assert organisatie.totaal.gemiddelde is None
    assert organisatie.totaal.respondenten == 1


def test_closing_freezes_answers_and_writes_scores(sessie, stellingen, maak_deelnemers):
    deelnemers = maak_deelnemers(3, groep="kerngroep")
    for deelnemer, score in zip(deelnemers, (3, 4, 5), strict=True):
        services.antwoord_save(deelnemer=deelnemer, stelling=stellingen["ambitie"][1], score=score)

    services.sessie_close(sessie=sessie, by=sessie.created_by)

    scores = {(s.conditie, s.groep): s for s in ConditieScore.objects.filter(sessie=sessie)}
    assert scores[("ambitie", "")].gemiddelde == 4
    assert scores[("ambitie", "")].respondenten == 3
    assert scores[("ambitie", "kerngroep")].respondenten == 3
    assert ("relatie", "") not in scores  # nobody answered it
    antwoorden = Antwoord.objects.count()
    with pytest.raises(services.SessieGesloten):
        services.antwoord_save(deelnemer=deelnemers[0], stelling=stellingen["ambitie"][1], score=1)
    assert Antwoord.objects.get(deelnemer=deelnemers[0]).score == 3
    assert Antwoord.objects.count() == antwoorden


def test_closing_twice_writes_the_scores_once(sessie, stellingen, maak_deelnemers):
    for deelnemer in maak_deelnemers(3):
        services.antwoord_save(deelnemer=deelnemer, stelling=stellingen["proces"][0], score=3)
    services.sessie_close(sessie=sessie, by=sessie.created_by)
    with pytest.raises(services.SessieGesloten):  # the second closing does nothing
        services.sessie_close(sessie=sessie, by=sessie.created_by)
    assert ConditieScore.objects.filter(sessie=sessie, conditie="proces", groep="").count() == 1


def test_scores_written_under_older_rules_are_written_again(sessie, stellingen, maak_deelnemers):
    """A score a closing wrote before complementary suppression (the core group beside one
    carer) is gone after `scores_herberekenen`; the condition's own score stays."""
    from django.core.management import call_command

    kern = maak_deelnemers(3, groep="kerngroep")
    (carer,) = maak_deelnemers(1, groep="mantelzorger")
    for deelnemer in [*kern, carer]:
        services.antwoord_save(deelnemer=deelnemer, stelling=stellingen["proces"][0], score=4)
    services.sessie_close(sessie=sessie, by=sessie.created_by)
    ConditieScore.objects.create(  # as the old rules wrote it
        praktijk=sessie.praktijk,
        sessie=sessie,
        bron=sessie.soort,
        datum=sessie.datum,
        conditie="proces",
        groep="kerngroep",
        gemiddelde=4,
        spreiding=0,
        respondenten=3,
    )

    call_command("scores_herberekenen", stdout=io.StringIO())

    groepen = set(ConditieScore.objects.filter(sessie=sessie).values_list("conditie", "groep"))
    assert groepen == {("proces", "")}


def test_hiding_and_revealing_again_is_no_way_around_the_change_check(
    sessie, stellingen, maak_deelnemers
):
    """Four people give 4; the room sees 4.0. The facilitator hides the condition, one person
    changes their answer to 1, and the condition is revealed again: showing 3.25 now would tell
    the room what that one person answered. The released state of a hidden condition is kept,
    so the check compares with what the room saw before and keeps 4.0 (a change by one person
    is below the threshold)."""
    from condities.models import Vrijgave
    from condities.services.scherm import sessie_hide

    mensen = maak_deelnemers(4)
    stelling = stellingen["ambitie"][0]
    for deelnemer in mensen:
        services.antwoord_save(deelnemer=deelnemer, stelling=stelling, score=4)
    services.sessie_reveal(sessie=sessie, condities=["ambitie"], by=sessie.created_by)
    assert conditie(sessie_resultaten(sessie=sessie), "ambitie").totaal.gemiddelde == 4.0

    sessie_hide(sessie=sessie, conditie="ambitie", by=sessie.created_by)
    verborgen = conditie(sessie_resultaten(sessie=sessie), "ambitie")  # the screen polls on
    assert not verborgen.gedeeld and verborgen.totaal.respondenten == 4
    assert "ambitie" in Vrijgave.objects.get(sessie=sessie).data["patronen"]

    services.antwoord_save(deelnemer=mensen[0], stelling=stelling, score=1)
    services.sessie_reveal(sessie=sessie, condities=["ambitie"], by=sessie.created_by)
    weer = conditie(sessie_resultaten(sessie=sessie), "ambitie")
    assert weer.gedeeld and weer.totaal.gemiddelde == 4.0  # not 3.25

    # Enough people change (three, the threshold): the new figures pass the check.
    for deelnemer in mensen[1:]:
        services.antwoord_save(deelnemer=deelnemer, stelling=stelling, score=2)
    later = conditie(sessie_resultaten(sessie=sessie), "ambitie")
    assert later.totaal.gemiddelde == pytest.approx((1 + 2 + 2 + 2) / 4)


@pytest.mark.parametrize("seed", range(4))
def test_while_nothing_is_revealed_the_database_counts_who_answered_as_the_rules_do(
    sessie, stellingen, maak_deelnemers, seed
):
    """The screen's count before any reveal comes from COUNT queries, not from reading every
    answer: the same numbers as `disclosure.aantal_respondenten` over all answers, with
    "weet ik niet", paper forms and their "weet ik niet" marks."""
    import random

    from condities import disclosure
    from condities.models import PapierTelling
    from condities.selectors.resultaten import _stand

    rng = random.Random(seed)
    mensen = maak_deelnemers(rng.randint(2, 7)) + maak_deelnemers(rng.randint(0, 4))
    alle = [s for lijst in stellingen.values() for s in lijst]
    for deelnemer in mensen:
        for stelling in rng.sample(alle, rng.randint(0, 8)):
            score = rng.choice([None, 1, 2, 3, 4, 5])
            services.antwoord_save(deelnemer=deelnemer, stelling=stelling, score=score)
    for stelling in rng.sample(alle, 4):
        PapierTelling.objects.create(
            sessie=sessie, stelling=stelling, score=rng.choice([0, 2, 5]), aantal=rng.randint(0, 3)
        )

    assert sessie.is_open and not sessie.onthuld  # the counting path
    snel = {c.code: c.totaal.respondenten for c in sessie_resultaten(sessie=sessie).condities}
    nu = _stand(sessie=sessie, stellingen=alle)
    volledig = {
        code: disclosure.aantal_respondenten(nu, [s.pk for s in lijst])
        for code, lijst in stellingen.items()
        if lijst
    }
    assert snel == volledig
    assert any(volledig.values())  # the case has answers to count
