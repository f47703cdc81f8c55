"""The screen's overview: this workshop's shape, the previous workshop's as an outline, and the
core group beside the design group where the disclosure rules released them."""

import datetime
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from condities import services
from condities.models import Conditie, Sessie
from condities.selectors.rapport import vorige_werkvorm_scores
from condities.selectors.resultaten import sessie_resultaten
from condities.services import scherm as scherm_services
from tests.factories import ConditieScoreFactory, SessieFactory

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def url(naam, sessie):
    return reverse(f"condities:{naam}", args=["stein", sessie.pk])


def antwoorden(deelnemers, stellingen, score: int) -> None:
    for deelnemer in deelnemers:
        for per_conditie in stellingen.values():
            for stelling in per_conditie:
                services.antwoord_save(deelnemer=deelnemer, stelling=stelling, score=score)


def naar_overzicht(sessie, facilitator) -> None:
    """Everything revealed, the screen on the overview."""
    services.sessie_reveal(sessie=sessie, condities=Conditie.values, by=facilitator)
    sessie.refresh_from_db()
    sessie.scherm = scherm_services.OVERZICHT
    sessie.save(update_fields=["scherm"])


def werkvorm(praktijk, datum, gemiddelden: dict, **kwargs) -> Sessie:
    """A closed workshop with its written-back scores over everybody (None: no figure)."""
    sessie = SessieFactory(praktijk=praktijk, gesloten=True, datum=datum, **kwargs)
    for code, gemiddelde in gemiddelden.items():
        ConditieScoreFactory(
            sessie=sessie,
            conditie=code,
            gemiddelde=None if gemiddelde is None else Decimal(gemiddelde),
        )
    return sessie


@pytest.fixture
def overzicht(sessie, stellingen, maak_deelnemers, facilitator):
    """Five people of the design group answered 3 everywhere; the screen shows the overview."""
    antwoorden(maak_deelnemers(5), stellingen, 3)
    naar_overzicht(sessie, facilitator)
    return sessie


def kolom(page: str, kop: str) -> list[str]:
    """The cells of the overview table's column headed `kop`, row by row (text only)."""
    tabel = page[page.index("<table") : page.index("</table>")]
    koppen = [th.split(">", 1)[1].split("<")[0] for th in tabel.split("</thead>")[0].split("</th>")]
    index = koppen.index(kop) - 1
    rijen = tabel.split("</thead>")[1].split("</tr>")[:-1]
    cellen = [rij.split("</th>")[1].split("</td>")[index] for rij in rijen]
    return [cel.rsplit(">", 1)[1] if "lp-visually-hidden" not in cel else "" for cel in cellen]


def cijfers(page: str) -> str:
    """What the overview writes in words: the chart's title, its legend and its table (not the
    coordinates of the drawing)."""
    start = page.index('<title id="radar-scherm-titel">')
    return page[start : page.index("</title>", start)] + page[page.index("</svg>", start) :]


def test_the_overview_draws_the_previous_workshop_as_an_outline_with_its_figures(
    client, overzicht, praktijk, facilitator
):
    werkvorm(praktijk, datetime.date(2026, 3, 1), dict.fromkeys(Conditie.values, "1.10"))
    vorige = werkvorm(
        praktijk,
        datetime.date(2026, 9, 1),
        {"ambitie": "3.10", "belangen": "2.20", "relatie": "3.30", "organisatie": None},
    )
    # A group's score of that workshop is not the room's.
    ConditieScoreFactory(sessie=vorige, conditie="proces", groep="kerngroep", gemiddelde="4.90")
    client.force_login(facilitator)

    response = client.get(url("scherm", overzicht))

    radar = response.context["radar"]
    (reeks,) = radar["reeksen"]
    assert reeks["label"] == "Vorige werkvorm (1 sep 2026)"
    assert (reeks["marker"], reeks["lijn"]) == ("vierkant", "streep")
    # No figure for Organisatie (its score has none) nor Proces (not written): no point there.
    assert [rij["reeksen"] for rij in radar["rijen"]] == [
        [Decimal("3.10")],
        [Decimal("2.20")],
        [Decimal("3.30")],
        [None],
        [None],
    ]
    assert len(reeks["punten"]) == 3 and not reeks["gesloten"]
    page = response.text
    legenda = page[page.index('<ul class="lp-legenda') : page.index("</ul>")]
    assert "Deze werkvorm" in legenda and "Vorige werkvorm (1 sep 2026)" in legenda
    assert "lp-marker--vierkant" in legenda and "lp-lijn--streep" in legenda
    assert kolom(page, "Deze werkvorm") == ["3,0"] * 5
    assert kolom(page, "Vorige werkvorm (1 sep 2026)") == ["3,1", "2,2", "3,3", "", ""]
    tekst = cijfers(page)
    assert "Vorige werkvorm (1 sep 2026): Ambitie 3,1, Belangen 2,2, Relatie 3,3" in tekst
    assert "4,9" not in tekst and "1,1" not in tekst


def test_the_previous_workshop_is_the_latest_closed_one_before_this(
    overzicht, praktijk, andere_praktijk
):
    vorige = werkvorm(praktijk, datetime.date(2026, 9, 1), {"ambitie": "3.10"})
    werkvorm(praktijk, datetime.date(2026, 8, 1), {"ambitie": "2.00"})  # older
    werkvorm(praktijk, datetime.date(2026, 11, 1), {"ambitie": "4.00"})  # after this one
    werkvorm(  # a check-in is not a workshop
        praktijk, datetime.date(2026, 9, 15), {"ambitie": "4.10"}, soort=Sessie.Soort.CHECKIN
    )
    SessieFactory(praktijk=praktijk, datum=datetime.date(2026, 9, 20), open=True)  # not closed
    werkvorm(andere_praktijk, datetime.date(2026, 9, 25), {"ambitie": "4.20"})  # not ours
    # The same day, made after this one: not before it.
    werkvorm(praktijk, overzicht.datum, {"ambitie": "4.30"})

    assert [s.sessie for s in vorige_werkvorm_scores(sessie=overzicht)] == [vorige]

    # The same day, made before: it is the previous one.
    zelfde_dag = werkvorm(praktijk, overzicht.datum, {"ambitie": "4.40"})
    later = SessieFactory(praktijk=praktijk, datum=overzicht.datum, open=True)
    assert [s.sessie for s in vorige_werkvorm_scores(sessie=later)] == [zelfde_dag]


def test_without_a_previous_workshop_there_is_no_outline_and_no_legend(
    client, overzicht, facilitator
):
    client.force_login(facilitator)
    response = client.get(url("scherm", overzicht))
    assert response.context["radar"]["bruikbaar"]
    assert response.context["radar"]["reeksen"] == []
    assert "lp-legenda" not in response.text and "Vorige werkvorm" not in response.text


def test_a_previous_workshop_of_another_practice_is_never_used(
    client, overzicht, andere_praktijk, facilitator
):
    werkvorm(andere_praktijk, datetime.date(2026, 9, 1), dict.fromkeys(Conditie.values, "4.60"))
    client.force_login(facilitator)
    response = client.get(url("scherm", overzicht))
    assert response.context["radar"]["reeksen"] == []
    assert "Vorige werkvorm" not in response.text and "4,6" not in cijfers(response.text)
    assert vorige_werkvorm_scores(sessie=overzicht) == []


def test_a_previous_workshop_whose_scores_have_no_figure_draws_nothing(
    client, overzicht, praktijk, facilitator
):
    werkvorm(praktijk, datetime.date(2026, 9, 1), dict.fromkeys(Conditie.values))
    client.force_login(facilitator)
    response = client.get(url("scherm", overzicht))
    assert response.context["radar"]["reeksen"] == []
    assert "Vorige werkvorm" not in response.text


def test_the_previous_workshop_costs_one_query_however_much_there_is(
    client, overzicht, praktijk, facilitator, django_assert_num_queries
):
    client.force_login(facilitator)

    def overzicht_queries() -> int:
        cache.clear()  # the room's results are shared for a moment: compute them each time
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url("scherm", overzicht), headers=HTMX)
        assert response.status_code == 200
        return len(queries)

    overzicht_queries()  # the first look releases the figures (rule 3): a step of its own
    werkvorm(praktijk, datetime.date(2026, 9, 1), {"ambitie": "3.10"})
    with django_assert_num_queries(1):
        assert len(vorige_werkvorm_scores(sessie=overzicht)) == 1
    weinig = overzicht_queries()

    for maand in range(2, 10):
        vorige = werkvorm(
            praktijk, datetime.date(2026, maand, 1), dict.fromkeys(Conditie.values, "3.50")
        )
        for groep in ("kerngroep", "ontwerpgroep"):
            for code in Conditie.values:
                ConditieScoreFactory(sessie=vorige, conditie=code, groep=groep)
    with django_assert_num_queries(1):
        assert len(vorige_werkvorm_scores(sessie=overzicht)) == 5
    assert overzicht_queries() == weinig


def test_the_group_view_shows_only_the_group_figures_the_rules_release(
    client, sessie, stellingen, maak_deelnemers, facilitator
):
    antwoorden(maak_deelnemers(3, groep="kerngroep"), stellingen, 4)
    antwoorden(maak_deelnemers(2, groep="ontwerpgroep"), stellingen, 1)
    mantelzorgers = [
        services.deelnemer_join(sessie=sessie, naam="", mantelzorger=True) for _ in range(2)
    ]
    antwoorden(mantelzorgers, stellingen, 2)
    naar_overzicht(sessie, facilitator)
    # What the rules release: the core group's figure, not the design group's (two people).
    ambitie = sessie_resultaten(sessie=sessie).condities[0]
    assert ambitie.totaal.zichtbaar and set(ambitie.groepen) == {"kerngroep"}
    client.force_login(facilitator)

    response = client.post(url("scherm_actie", sessie), {"actie": "groepen", "terug": "scherm"})
    assert response.status_code == 302
    sessie.refresh_from_db()
    assert sessie.scherm == "overzicht-groepen"

    response = client.get(url("scherm", sessie))
    page = response.text
    assert '<h1 class="lp-scherm__titel">Kerngroep en ontwerpgroep</h1>' in page
    (reeks,) = response.context["radar"]["reeksen"]
    assert (reeks["code"], reeks["label"]) == ("kerngroep", "Kerngroep")
    assert (reeks["marker"], reeks["lijn"]) == ("driehoek", "punt")
    assert reeks["gesloten"] and [p["waarde"] for p in reeks["punten"]] == [4.0] * 5
    legenda = page[page.index('<ul class="lp-legenda') : page.index("</ul>")]
    assert "Iedereen" in legenda and "Kerngroep" in legenda and "Ontwerpgroep" not in legenda
    assert kolom(page, "Iedereen") == ["2,6"] * 5  # (3×4 + 2×1 + 2×2) / 7
    assert kolom(page, "Kerngroep") == ["4,0"] * 5
    assert "lp-reeks--ontwerpgroep" not in page and "1,0" not in cijfers(page)
    assert "Vorige werkvorm" not in page
    bediening = client.get(url("bediening", sessie)).text
    assert "overzicht: kerngroep en ontwerpgroep" in bediening


def test_with_no_released_group_figure_the_group_view_says_so(
    client, sessie, stellingen, maak_deelnemers, facilitator
):
    antwoorden(maak_deelnemers(2, groep="kerngroep"), stellingen, 4)
    antwoorden(maak_deelnemers(2, groep="ontwerpgroep"), stellingen, 1)
    naar_overzicht(sessie, facilitator)
    ambitie = sessie_resultaten(sessie=sessie).condities[0]
    assert ambitie.totaal.zichtbaar and ambitie.groepen == {}
    client.force_login(facilitator)
    client.post(url("scherm_actie", sessie), {"actie": "groepen", "terug": "scherm"})

    response = client.get(url("scherm", sessie))

    assert response.context["radar"]["reeksen"] == []
    assert "Nog geen cijfers per groep" in response.text
    assert "lp-legenda" not in response.text
    assert "4,0" not in cijfers(response.text) and "1,0" not in cijfers(response.text)
