"""What members see: totals, the told-my-story figure, chosen quotes and shared feedback."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from condities.models import Conditie
from mantelzorg import selectors
from mantelzorg.models import Reactie
from tests.factories import (
    ExperimentFactory,
    OntwerpvraagFactory,
    ReactieConditieFactory,
    ReactieFactory,
)
from tests.mantelzorg.helpers import url
from tests.pages import rendered

pytestmark = pytest.mark.django_db


def _op(reactie: Reactie, dagen_geleden: int) -> Reactie:
    moment = timezone.now() - datetime.timedelta(days=dagen_geleden)
    Reactie.objects.filter(pk=reactie.pk).update(created_at=moment)
    return reactie


def test_per_month_counts_and_the_average_times_told(praktijk, andere_praktijk):
    """Counts of forms per month; the average "told my story" only for a month that is over
    and has at least k answers (condities.disclosure.perioden_vrijgeven)."""
    vandaag = datetime.date(2026, 11, 15)

    def op(keer, moment):
        reactie = ReactieFactory(praktijk=praktijk, keer_verteld=keer)
        Reactie.objects.filter(pk=reactie.pk).update(created_at=timezone.make_aware(moment))

    for keer in [2, 4, None]:
        op(keer, datetime.datetime(2026, 11, 3, 12))  # this month: not over yet
    for keer in [1, 2, 6]:
        op(keer, datetime.datetime(2026, 8, 10, 12))  # three answers: released
    op(7, datetime.datetime(2026, 9, 30, 23, 30))  # one answer: never shown alone
    op(None, datetime.datetime(2025, 10, 1, 12))  # before the twelve months
    ReactieFactory(praktijk=andere_praktijk)

    maanden = selectors.reacties_per_maand(praktijk=praktijk, vandaag=vandaag)
    assert len(maanden) == 12
    assert maanden[0].maand == datetime.date(2025, 12, 1)
    assert maanden[-1].maand == datetime.date(2026, 11, 1)
    november = maanden[-1]
    assert november.aantal == 3
    assert (november.verteld_gemiddeld, november.verteld_antwoorden) == (None, 0)
    # 23:30 on 30 September in Amsterdam is still September, whatever UTC says.
    september = maanden[-3]
    assert (september.maand, september.aantal, september.verteld_gemiddeld) == (
        datetime.date(2026, 9, 1),
        1,
        None,
    )
    augustus = maanden[-4]
    assert (augustus.aantal, augustus.verteld_gemiddeld, augustus.verteld_antwoorden) == (3, 3.0, 3)
    assert maanden[-2].aantal == 0 and maanden[-2].verteld_gemiddeld is None
    assert sum(m.aantal for m in maanden) == 7


def test_the_chart_scales_to_the_highest_average():
    maanden = [
        selectors.Maand(datetime.date(2026, m, 1), 1, waarde, 1)
        for m, waarde in [(1, 2.0), (2, None), (3, 4.0)]
    ]
    grafiek = selectors.verteld_grafiek(maanden=maanden, hoogte=100)
    assert grafiek["heeft_waarden"]
    assert [s["hoogte"] for s in grafiek["staven"]] == ["50", "0", "100"]
    assert "," not in grafiek["staven"][0]["x"]


def test_members_see_totals_quotes_and_shared_feedback_but_never_contact_details(
    client, lid, praktijk
):
    ReactieFactory(
        praktijk=praktijk,
        wat_gaat_goed="De wijkverpleging denkt met me mee.",
        deelbaar=True,
        contact_toestemming=True,
        naam="Anna de Vries",
        email="anna@voorbeeld.example",
        contact_bewaren_tot=timezone.localdate(),
    )
    gedeeld = ReactieFactory(
        praktijk=praktijk,
        wat_gaat_goed="Gedeeld met iedereen",
        kan_beter="Minder wachten",
        gedeeld_met_leden=True,
        interne_notitie="Alleen voor facilitators",
        contact_toestemming=True,
        telefoon="06 99999999",
        contact_bewaren_tot=timezone.localdate(),
    )
    ReactieConditieFactory(reactie=gedeeld, conditie=Conditie.PROCES)
    ReactieFactory(praktijk=praktijk, wat_gaat_goed="Niet gedeeld, niet deelbaar")

    client.force_login(lid)
    page = rendered(client.get(url("overzicht")), "3 reacties in de afgelopen twaalf maanden.")
    assert "De wijkverpleging denkt met me mee." in page
    assert "Gedeeld met iedereen" in page and "Minder wachten" in page and "Proces" in page
    for geheim in [
        "Niet gedeeld, niet deelbaar",
        "Anna de Vries",
        "anna@voorbeeld.example",
        "06 99999999",
        "Alleen voor facilitators",
    ]:
        assert geheim not in page
    # Members get no link to the inbox.
    assert url("inbox") not in page


def test_the_overview_never_shows_another_practice(client, lid, andere_praktijk):
    ReactieFactory(praktijk=andere_praktijk, wat_gaat_goed="Ede deelt", deelbaar=True)
    ReactieFactory(praktijk=andere_praktijk, wat_gaat_goed="Ede gedeeld", gedeeld_met_leden=True)
    client.force_login(lid)
    page = rendered(
        client.get(url("overzicht")), "Nog geen reacties in de afgelopen twaalf maanden."
    )
    assert "Ede deelt" not in page and "Ede gedeeld" not in page
    assert "Nog geen reacties in de afgelopen twaalf maanden." in page


@pytest.mark.parametrize("n", [3, 30])
def test_the_overview_takes_a_fixed_number_of_queries(
    client, lid, praktijk, n, django_assert_max_num_queries
):
    experiment = ExperimentFactory(ontwerpvraag=OntwerpvraagFactory(praktijk=praktijk))
    for i in range(n):
        reactie = ReactieFactory(
            praktijk=praktijk,
            deelbaar=i % 2 == 0,
            gedeeld_met_leden=True,
            experiment=experiment,
            keer_verteld=i % 6,
        )
        ReactieConditieFactory(reactie=reactie, conditie=Conditie.values[i % 5])
    client.force_login(lid)
    # Session, user, practice and role, months, quotes, shared feedback and their tags.
    with django_assert_max_num_queries(7):
        response = client.get(url("overzicht"))
    assert response.status_code == 200
    assert response.text.count('class="lp-card lp-mz-gedeeld"') == n


def test_the_dashboard_shows_reactions_per_month_and_shareable_quotes(
    client, lid, facilitator, praktijk
):
    ReactieFactory(praktijk=praktijk, wat_gaat_goed="Ze belden me gewoon op.", deelbaar=True)
    ReactieFactory(praktijk=praktijk, wat_gaat_goed="Niet voor het dashboard", keer_verteld=5)
    for keer in [1, 3, 5]:  # last month: over, and enough answers for its average
        _op(ReactieFactory(praktijk=praktijk, keer_verteld=keer), dagen_geleden=40)
    dashboard = reverse("overzicht:dashboard", kwargs={"slug": "stein"})
    client.force_login(lid)
    page = rendered(client.get(dashboard), 'id="mantelzorgers"')
    sectie = page.split('id="mantelzorgers"')[1].split("</section>")[0]
    assert "Wat mantelzorgers zeggen" in sectie
    assert "5 reacties van mantelzorgers in de afgelopen twaalf maanden." in sectie
    assert "Ze belden me gewoon op." in sectie
    assert "Niet voor het dashboard" not in sectie
    assert "<svg" in sectie and "<table" in sectie
    assert url("overzicht") in sectie
    assert url("inbox") not in sectie

    client.force_login(facilitator)
    sectie = client.get(dashboard).text.split('id="mantelzorgers"')[1].split("</section>")[0]
    assert url("inbox") in sectie


def test_the_dashboard_without_feedback_says_so(client, lid, praktijk):
    client.force_login(lid)
    page = client.get(reverse("overzicht:dashboard", kwargs={"slug": "stein"})).text
    assert "Nog geen reacties van mantelzorgers in de afgelopen twaalf maanden." in page


def test_the_menu_leads_managers_to_the_inbox_and_members_to_the_overview(
    client, lid, facilitator, praktijk
):
    dashboard = reverse("overzicht:dashboard", kwargs={"slug": "stein"})
    client.force_login(lid)
    nav = client.get(dashboard).text.split('class="lp-subnav__list"')[1].split("</ul>")[0]
    assert f'href="{url("overzicht")}"' in nav and ">Mantelzorgers<" in nav
    client.force_login(facilitator)
    nav = client.get(dashboard).text.split('class="lp-subnav__list"')[1].split("</ul>")[0]
    assert f'href="{url("inbox")}"' in nav


@pytest.mark.parametrize("n", [3, 30])
def test_the_carers_dashboard_section_takes_a_fixed_number_of_queries(
    client, lid, praktijk, n, django_assert_max_num_queries
):
    for i in range(n):
        reactie = ReactieFactory(praktijk=praktijk, deelbaar=True, keer_verteld=i % 4)
        _op(reactie, dagen_geleden=i * 9)
    client.force_login(lid)
    # The same budget as the dashboard's own query-count test (tests/praktijken).
    with django_assert_max_num_queries(11):
        response = client.get(reverse("overzicht:dashboard", kwargs={"slug": "stein"}))
    assert response.status_code == 200
    sectie = response.text.split('id="mantelzorgers"')[1].split("</section>")[0]
    assert sectie.count('class="lp-mz-citaat"') == 3
