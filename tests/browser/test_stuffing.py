"""A facilitator sees many joins from one network and removes the ones that stuffed the ballot."""

import pytest
from playwright.sync_api import expect

from condities import services
from condities.models import Deelnemer, Stelling
from tests.browser.axe import assert_accessible


@pytest.mark.django_db(transaction=True)
def test_facilitator_removes_participants_who_joined_many_times(
    page, live_server, log_in, facilitator, open_sessie
):
    stelling = Stelling.objects.filter(set=open_sessie.stellingenset, conditie="ambitie").first()
    herkomst = services.herkomst_for("203.0.113.7")
    stemmen = []
    for i in range(6):
        deelnemer = services.deelnemer_join(
            sessie=open_sessie, naam=f"Stem {i}", mantelzorger=True, herkomst=herkomst
        )
        services.antwoord_save(deelnemer=deelnemer, stelling=stelling, score=5)
        stemmen.append(deelnemer)
    log_in(page.context, facilitator)

    page.goto(f"{live_server.url}/p/stein/sessies/{open_sessie.pk}/")
    cluster = page.get_by_role("region", name="Veel aanmeldingen via één netwerk")
    expect(cluster).to_contain_text("6 aanmeldingen tussen")
    assert_accessible(page)

    cluster.get_by_label("Stem 0,", exact=False).check()
    cluster.get_by_label("Stem 1,", exact=False).check()
    cluster.get_by_label("Ik weet het zeker", exact=False).check()
    cluster.get_by_role("button", name="Verwijder de aangevinkte deelnemers").click()

    expect(page.get_by_text("2 deelnemers en hun antwoorden zijn verwijderd.")).to_be_visible()
    assert set(Deelnemer.objects.filter(sessie=open_sessie).values_list("naam", flat=True)) == {
        f"Stem {i}" for i in range(2, 6)
    }
    assert_accessible(page)
