"""Indicators on an experiment's page: added, changed and removed with their measurements by
whoever may change the experiment, drawn as a small chart with a table beside it."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from experimenten.grafiek import indicator_grafiek
from experimenten.models import Indicator, Meting
from praktijken.models import Gebeurtenis
from tests.factories import ExperimentFactory, IndicatorFactory, MetingFactory
from tests.pages import rendered

pytestmark = pytest.mark.django_db


def url(name: str, experiment, *extra: int) -> str:
    return reverse(f"experimenten:{name}", args=["stein", experiment.pk, *extra])


@pytest.fixture
def als_lid(client, lid):
    client.force_login(lid)
    return client


def test_the_page_shows_an_indicator_with_chart_and_table(als_lid, experiment_betrokken):
    indicator = IndicatorFactory(
        experiment=experiment_betrokken, naam="Verwijzingen per kwartaal", eenheid="verwijzingen"
    )
    MetingFactory(indicator=indicator, datum=datetime.date(2026, 3, 31), waarde=Decimal("12"))
    MetingFactory(indicator=indicator, datum=datetime.date(2026, 6, 30), waarde=Decimal("19.5"))
    text = rendered(
        als_lid.get(url("detail", experiment_betrokken)),
        "Verwijzingen per kwartaal",
        '<svg class="lp-indicator__svg"',
        "lp-indicator__nulmeting",
        "lp-indicator__streefwaarde",
    )
    # The table carries the numbers for screen readers, in date order.
    assert text.index("31 maart 2026") < text.index("30 juni 2026")
    assert "19,5 verwijzingen" in text
    assert "10 verwijzingen" in text  # the baseline
    assert "30 verwijzingen" in text  # the target


def test_an_involved_member_adds_an_indicator_and_a_measurement(als_lid, lid, experiment_betrokken):
    response = als_lid.post(
        url("indicator_nieuw", experiment_betrokken),
        {"naam": "Verwijzingen", "eenheid": "per kwartaal", "nulmeting": "8", "streefwaarde": ""},
    )
    assert response.status_code == 302
    indicator = Indicator.objects.get(experiment=experiment_betrokken)
    assert (indicator.naam, indicator.nulmeting, indicator.streefwaarde) == (
        "Verwijzingen",
        Decimal("8"),
        None,
    )
    response = als_lid.post(
        url("meting_nieuw", experiment_betrokken, indicator.pk),
        {"datum": "2026-04-01", "waarde": "11", "toelichting": "Eerste kwartaal"},
    )
    assert response.status_code == 302
    assert list(indicator.metingen.values_list("waarde", "toelichting")) == [
        (Decimal("11"), "Eerste kwartaal")
    ]
    assert list(Gebeurtenis.objects.order_by("pk").values_list("actie", "door", "object_id")) == [
        ("indicator.create", lid.pk, indicator.pk),
        ("meting.add", lid.pk, Meting.objects.get().pk),
    ]
    rendered(als_lid.get(url("detail", experiment_betrokken)), "Eerste kwartaal", "Verwijzingen")


def test_forms_have_limits_and_a_measurement_is_not_in_the_future(als_lid, experiment_betrokken):
    response = als_lid.post(url("indicator_nieuw", experiment_betrokken), {"naam": "x" * 201})
    rendered(response, "200", status=422)  # the form again, with the error about the length
    assert not Indicator.objects.exists()
    indicator = IndicatorFactory(experiment=experiment_betrokken)
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    response = als_lid.post(
        url("meting_nieuw", experiment_betrokken, indicator.pk),
        {"datum": morgen.isoformat(), "waarde": "3"},
    )
    rendered(response, "kies vandaag of een eerdere datum", status=422)
    response = als_lid.post(
        url("meting_nieuw", experiment_betrokken, indicator.pk),
        {"datum": "2026-01-01", "waarde": "1" * 20},
    )
    assert response.status_code == 422  # the form again, with what was typed
    assert not Meting.objects.exists()


def test_edit_and_remove_an_indicator_and_a_measurement(als_lid, experiment_betrokken):
    indicator = IndicatorFactory(experiment=experiment_betrokken, naam="Oud")
    meting = MetingFactory(indicator=indicator)
    rendered(als_lid.get(url("indicator_bewerken", experiment_betrokken, indicator.pk)), "Oud")
    als_lid.post(
        url("indicator_bewerken", experiment_betrokken, indicator.pk),
        {"naam": "Nieuw", "eenheid": "", "nulmeting": "", "streefwaarde": "5"},
    )
    indicator.refresh_from_db()
    assert (indicator.naam, indicator.streefwaarde) == ("Nieuw", Decimal("5"))
    response = als_lid.post(
        url("meting_verwijderen", experiment_betrokken, indicator.pk, meting.pk)
    )
    assert response.status_code == 302
    assert not Meting.objects.exists()
    als_lid.post(url("indicator_verwijderen", experiment_betrokken, indicator.pk))
    assert not Indicator.objects.exists()
    assert list(Gebeurtenis.objects.order_by("pk").values_list("actie", flat=True)) == [
        "indicator.update",
        "meting.delete",
        "indicator.delete",
    ]


def test_a_member_not_involved_gets_403_and_another_experiments_indicator_404(
    als_lid, experiment_betrokken, experiment_niet_betrokken
):
    anders = IndicatorFactory(experiment=experiment_niet_betrokken)
    response = als_lid.post(
        url("indicator_nieuw", experiment_niet_betrokken), {"naam": "Verwijzingen"}
    )
    assert response.status_code == 403
    # The indicator of another experiment, through an experiment the member may change.
    response = als_lid.post(url("indicator_verwijderen", experiment_betrokken, anders.pk))
    assert response.status_code == 404
    meting = MetingFactory(indicator=anders)
    response = als_lid.post(url("meting_verwijderen", experiment_betrokken, anders.pk, meting.pk))
    assert response.status_code == 404
    assert Indicator.objects.filter(pk=anders.pk).exists() and Meting.objects.exists()


def test_a_member_not_involved_sees_the_chart_but_no_edit_buttons(
    als_lid, experiment_niet_betrokken
):
    IndicatorFactory(experiment=experiment_niet_betrokken, naam="Aanmeldingen respijtzorg")
    text = rendered(
        als_lid.get(url("detail", experiment_niet_betrokken)), "Aanmeldingen respijtzorg"
    )
    assert "Add an indicator" not in text and "Indicator toevoegen" not in text
    assert "/indicatoren/nieuw/" not in text


def test_the_detail_page_queries_do_not_grow_with_indicators(
    als_lid, experiment_betrokken, django_assert_max_num_queries
):
    def maak(n: int) -> None:
        for _ in range(n):
            indicator = IndicatorFactory(experiment=experiment_betrokken)
            MetingFactory(indicator=indicator)
            MetingFactory(indicator=indicator, datum=datetime.date(2026, 6, 30))

    maak(2)
    with django_assert_max_num_queries(30) as twee:
        rendered(als_lid.get(url("detail", experiment_betrokken)))
    maak(8)
    with django_assert_max_num_queries(len(twee.captured_queries)):
        rendered(als_lid.get(url("detail", experiment_betrokken)))


def test_chart_geometry_baseline_target_and_points():
    class M:
        def __init__(self, d, w):
            self.datum, self.waarde = d, Decimal(w)

    grafiek = indicator_grafiek(
        metingen=[M(datetime.date(2026, 1, 1), "10"), M(datetime.date(2026, 4, 1), "20")],
        nulmeting=Decimal("0"),
        streefwaarde=Decimal("40"),
    )
    # y runs from 0 (bottom, 132) to 40 (top, 12); points at the left and right edge.
    assert grafiek["nulmeting"]["y"] == "132.0" and grafiek["streefwaarde"]["y"] == "12.0"
    assert grafiek["lijn"] == "44.0,102.0 308.0,72.0"
    leeg = indicator_grafiek(metingen=[], nulmeting=None, streefwaarde=None)
    assert not leeg["heeft_punten"] and leeg["nulmeting"] is None


def test_another_experiment_of_another_practice_is_not_reachable(client, outsider):
    experiment = ExperimentFactory()
    client.force_login(outsider)
    response = client.get(url("indicator_nieuw", experiment))
    assert response.status_code == 404
