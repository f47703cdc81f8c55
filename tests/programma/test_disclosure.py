"""condities.disclosure.perioden_vrijgeven: an average per period only with k respondents."""

from condities.disclosure import Periodecijfer, perioden_vrijgeven


def test_a_period_below_k_gives_neither_its_average_nor_its_count(settings):
    settings.MIN_RESPONDENTEN = 3
    vrij = perioden_vrijgeven({"q1": (2, 18.0), "q2": (3, 12.0), "q3": (0, 0.0), "q4": (1, 1.0)})
    assert vrij == {
        "q1": None,
        "q2": Periodecijfer(respondenten=3, gemiddelde=4.0),
        "q3": None,
        "q4": None,
    }


def test_the_threshold_follows_the_setting_and_is_never_below_three(settings):
    settings.MIN_RESPONDENTEN = 5
    assert perioden_vrijgeven({"q": (4, 8.0)}) == {"q": None}
    assert perioden_vrijgeven({"q": (5, 11.0)}) == {"q": Periodecijfer(5, 2.2)}
    assert perioden_vrijgeven({"q": (2, 4.0)}, drempel=1) == {"q": None}


def test_a_quarter_is_hidden_when_one_of_its_months_shown_elsewhere_would_be_derivable(settings):
    """The dashboard shows months, the programme quarters: a quarter of 5 + 4 + 1 answers would
    give the hidden month's one answer as the quarter minus the two months shown."""
    settings.MIN_RESPONDENTEN = 3
    tellingen = {"q3": (10, 30.0), "q4": (9, 27.0), "q1": (8, 16.0)}
    delen = {"q3": [5, 4, 1], "q4": [5, 4], "q1": [8, 0, 0]}
    vrij = perioden_vrijgeven(tellingen, delen=delen)
    assert vrij == {
        "q3": None,
        "q4": Periodecijfer(respondenten=9, gemiddelde=3.0),
        "q1": Periodecijfer(respondenten=8, gemiddelde=2.0),
    }


def test_no_hidden_month_can_be_worked_out_from_the_months_and_quarters_released(settings):
    """An auditor over random practices: every month the dashboard hides (0 < n < k) stays
    unknown however the released months and quarters are combined (the months of a quarter are
    disjoint, so the only combination is the quarter minus its months shown)."""
    import random

    from condities.disclosure import k

    settings.MIN_RESPONDENTEN = 3
    rng = random.Random(7)
    for _ in range(300):
        kwartaal = [rng.choice([0, 0, 1, 2, 3, 4, 6]) for _ in range(3)]
        maanden = perioden_vrijgeven({m: (n, float(n)) for m, n in enumerate(kwartaal)})
        q = perioden_vrijgeven({"q": (sum(kwartaal), float(sum(kwartaal)))}, delen={"q": kwartaal})
        verborgen = [n for m, n in enumerate(kwartaal) if maanden[m] is None and n > 0]
        if q["q"] is not None:
            assert verborgen == [], kwartaal  # released: nothing hidden inside it
        assert all(cijfer is None or cijfer.respondenten >= k() for cijfer in maanden.values())
