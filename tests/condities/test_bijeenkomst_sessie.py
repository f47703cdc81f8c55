"""A workshop meeting links to its session, and the session's page links back."""

import pytest
from django.urls import reverse

from condities.models import Sessie
from praktijken.models import Bijeenkomst, Gebeurtenis
from tests.factories import BijeenkomstFactory
from tests.pages import rendered

pytestmark = pytest.mark.django_db


def test_an_editor_links_the_workshop_session_and_both_pages_link(
    client, kerngroeplid, praktijk, sessie
):
    bijeenkomst = BijeenkomstFactory(
        praktijk=praktijk, titel="Werkvorm in de raadzaal", soort=Bijeenkomst.Soort.WERKVORM
    )
    detail = reverse("praktijken:bijeenkomst_detail", args=["stein", bijeenkomst.pk])
    client.force_login(kerngroeplid)
    page = rendered(client.get(detail), "Werkvorm in de raadzaal")
    assert "Er is nog geen werkvorm aan deze bijeenkomst gekoppeld." in page
    response = client.post(
        reverse("condities:bijeenkomst_sessie", args=["stein", bijeenkomst.pk]),
        {"sessie": sessie.pk},
    )
    assert response.status_code == 302
    sessie.refresh_from_db()
    assert sessie.bijeenkomst == bijeenkomst
    page = rendered(client.get(detail))
    assert reverse("condities:sessie_detail", args=["stein", sessie.pk]) in page
    page = rendered(client.get(reverse("condities:sessie_detail", args=["stein", sessie.pk])))
    assert detail in page and "Werkvorm in de raadzaal" in page
    assert Gebeurtenis.objects.filter(actie="bijeenkomst.sessie", object_id=bijeenkomst.pk).exists()


def test_a_session_of_another_practice_cannot_be_linked(
    client, facilitator, praktijk, andere_praktijk
):
    from condities import services

    bijeenkomst = BijeenkomstFactory(praktijk=praktijk, soort=Bijeenkomst.Soort.WERKVORM)
    elders = services.sessie_create(
        praktijk=andere_praktijk,
        titel="Ede",
        datum=bijeenkomst.begint_op.date(),
        modus="live",
        condities=["relatie"],
        by=facilitator,
    )
    client.force_login(facilitator)
    response = client.post(
        reverse("condities:bijeenkomst_sessie", args=["stein", bijeenkomst.pk]),
        {"sessie": elders.pk},
    )
    assert response.status_code == 302
    assert not Sessie.objects.filter(bijeenkomst=bijeenkomst).exists()


def test_a_plain_member_gets_403_and_another_practice_404(client, lid, outsider, praktijk, sessie):
    bijeenkomst = BijeenkomstFactory(praktijk=praktijk, soort=Bijeenkomst.Soort.WERKVORM)
    link = reverse("condities:bijeenkomst_sessie", args=["stein", bijeenkomst.pk])
    client.force_login(lid)
    page = rendered(
        client.get(reverse("praktijken:bijeenkomst_detail", args=["stein", bijeenkomst.pk]))
    )
    assert "Er is nog geen werkvorm aan deze bijeenkomst gekoppeld." in page  # no form
    assert link not in page
    assert client.post(link, {"sessie": sessie.pk}).status_code == 403
    client.force_login(outsider)
    assert client.post(link, {"sessie": sessie.pk}).status_code == 404
    sessie.refresh_from_db()
    assert sessie.bijeenkomst is None
