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
