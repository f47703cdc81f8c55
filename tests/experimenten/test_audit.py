"""The audit trail of experiments: starting, changing, small steps, outcomes and closing."""

import pytest
from django.urls import reverse

from experimenten.models import Experiment, Niveau, Opbrengst, Tussenstap
from praktijken.models import Gebeurtenis

pytestmark = pytest.mark.django_db


def url(name: str, pk: int | None = None) -> str:
    kwargs = {"slug": "stein"} if pk is None else {"slug": "stein", "pk": pk}
    return reverse(f"experimenten:{name}", kwargs=kwargs)


def trail() -> list[tuple]:
    return [
        (g.actie, g.door, g.object_soort, g.object_id) for g in Gebeurtenis.objects.order_by("pk")
    ]


def test_the_life_of_an_experiment_is_recorded(client, praktijk, kerngroeplid, vraag):
    client.force_login(kerngroeplid)
    data = {
        "ontwerpvraag": vraag.pk,
        "titel": "Tien minuten samen",
        "doel": "Samen afstemmen.",
        "niveau": Niveau.ACHTER_DE_VOORDEUR,
        "fase": "vormgeven",
        "status": "loopt",
    }
    assert client.post(url("nieuw"), data).status_code == 302
    experiment = Experiment.objects.get()
    assert client.post(url("bewerken", experiment.pk), data).status_code == 302
    stap = {"stap-datum": "2026-03-02", "stap-wat": "Gesprek met de POH"}
    assert client.post(url("stap_nieuw", experiment.pk), stap).status_code == 302
    opbrengst = {"opbrengst-soort": "tool", "opbrengst-beschrijving": "Een gesprekskaart"}
    assert client.post(url("opbrengst_nieuw", experiment.pk), opbrengst).status_code == 302
    afsluiten = {"status": "afgerond", "resultaat": "Het werkt.", "lessen": "Begin klein."}
    assert client.post(url("afsluiten", experiment.pk), afsluiten).status_code == 302
    e = ("experimenten.experiment", experiment.pk)
    assert trail() == [
        ("experiment.create", kerngroeplid, *e),
        ("experiment.update", kerngroeplid, *e),
        ("tussenstap.add", kerngroeplid, "experimenten.tussenstap", Tussenstap.objects.get().pk),
        ("opbrengst.add", kerngroeplid, "experimenten.opbrengst", Opbrengst.objects.get().pk),
        ("experiment.close", kerngroeplid, *e),
    ]
    assert {g.praktijk for g in Gebeurtenis.objects.all()} == {praktijk}


def test_a_rejected_or_refused_change_records_nothing(
    client, praktijk, lid, experiment_betrokken, experiment_niet_betrokken
):
    client.force_login(lid)
    response = client.post(url("stap_nieuw", experiment_betrokken.pk), {"stap-wat": ""})
    assert response.status_code == 200
    response = client.post(url("afsluiten", experiment_niet_betrokken.pk), {"status": "afgerond"})
    assert response.status_code == 403
    assert not Gebeurtenis.objects.exists()
