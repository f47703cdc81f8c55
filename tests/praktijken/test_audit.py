"""The audit trail: every change in a practice records who made it."""

import pytest
from django.urls import reverse

from praktijken.models import Bijeenkomst, Gebeurtenis, Ontwerpvraag, Verhaal

pytestmark = pytest.mark.django_db


def test_planning_a_meeting_records_who_did_it(client, praktijk, kerngroeplid):
    client.force_login(kerngroeplid)
    response = client.post(
        reverse("praktijken:bijeenkomst_nieuw", args=["stein"]),
        {
            "titel": "Kerngroep juni",
            "soort": "kerngroep",
            "begint_op": "2030-06-12T14:00",
            "eindigt_op": "2030-06-12T16:00",
        },
    )
    assert response.status_code == 302
    bijeenkomst = Bijeenkomst.objects.get(titel="Kerngroep juni")
    gebeurtenis = Gebeurtenis.objects.get()
    assert gebeurtenis.praktijk == praktijk
    assert gebeurtenis.door == kerngroeplid
    assert gebeurtenis.actie == "bijeenkomst.create"
    assert (gebeurtenis.object_soort, gebeurtenis.object_id) == (
        "praktijken.bijeenkomst",
        bijeenkomst.pk,
    )
    assert gebeurtenis.omschrijving == "Kerngroep juni"


def test_a_rejected_change_records_nothing(client, praktijk, kerngroeplid):
    client.force_login(kerngroeplid)
    response = client.post(reverse("praktijken:ontwerpvraag_nieuw", args=["stein"]), {"vraag": ""})
    assert response.status_code == 200
    assert "vraag" in response.context["form"].errors
    assert not Ontwerpvraag.objects.exists()
    assert not Gebeurtenis.objects.exists()


def test_changes_to_stories_and_the_practice_are_recorded_in_order(
    client, praktijk, lid, facilitator
):
    client.force_login(lid)
    client.post(
        reverse("praktijken:verhaal_nieuw", args=["stein"]),
        {"titel": "De huisarts belde", "wat_werkte": "Ze vroeg hoe het met mij ging."},
    )
    verhaal = Verhaal.objects.get()
    client.force_login(facilitator)
    client.post(
        reverse("praktijken:bewerken", args=["stein"]),
        {
            "naam": "Lerende praktijk Stein",
            "gemeente": "Stein",
            "kernthema": "Samen sterk",
            "ambitie": "",
            "beschrijving": "",
            "startdatum": "2026-01-01",
            "einddatum": "2027-08-31",
            "status": "actief",
        },
    )
    assert [(g.actie, g.door, g.object_id) for g in Gebeurtenis.objects.order_by("pk")] == [
        ("verhaal.create", lid, verhaal.pk),
        ("praktijk.update", facilitator, praktijk.pk),
    ]


def test_the_admin_shows_the_trail_read_only(client, staff, praktijk, facilitator):
    from praktijken.audit import gebeurtenis_record

    gebeurtenis_record(praktijk=praktijk, by=facilitator, actie="praktijk.update", obj=praktijk)
    staff.is_superuser = True
    staff.save()
    client.force_login(staff)
    lijst = client.get(reverse("admin:praktijken_gebeurtenis_changelist"))
    assert lijst.status_code == 200
    assert "praktijk.update" in lijst.text
    assert client.get(reverse("admin:praktijken_gebeurtenis_add")).status_code == 403
