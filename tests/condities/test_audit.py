"""The audit trail of the conditions' workshop: who ran, revealed, closed and wrote down what.

Participants answering (by code or by a personal link), joining and finishing record nothing,
and no event carries an answer or a participant's name.
"""

import datetime

import pytest
from django.urls import reverse

from condities import services
from condities.models import Actie, Conditie, Sessie, Stellingenset
from experimenten.models import Experiment
from praktijken.models import Gebeurtenis, Lidmaatschap
from tests.condities.test_stellingen import BEWERKEN, formulier
from tests.factories import ActieFactory, OntwerpvraagFactory

pytestmark = pytest.mark.django_db


def url(name, sessie):
    return reverse(f"condities:{name}", kwargs={"slug": sessie.praktijk.slug, "pk": sessie.pk})


def trail():
    """(action, person, object kind, object id) of every event, oldest first."""
    return [
        (g.actie, g.door, g.object_soort, g.object_id) for g in Gebeurtenis.objects.order_by("pk")
    ]


@pytest.fixture
def concept(praktijk, facilitator):
    """A session not opened yet, created without the trail (so each test sees only its own)."""
    sessie = services.sessie_create(
        praktijk=praktijk,
        titel="Werkvorm voorjaar",
        datum=datetime.date(2026, 4, 1),
        modus="live",
        condities=Conditie.values,
        by=facilitator,
    )
    Gebeurtenis.objects.all().delete()
    return sessie


def test_creating_a_session_records_who_did_it(client, praktijk, facilitator):
    client.force_login(facilitator)
    response = client.post(
        reverse("condities:sessie_nieuw", args=["stein"]),
        {"titel": "Voorjaar", "datum": "2026-04-01", "modus": "live", "condities": ["ambitie"]},
    )
    assert response.status_code == 302
    sessie = Sessie.objects.get(titel="Voorjaar")
    gebeurtenis = Gebeurtenis.objects.get()
    assert gebeurtenis.praktijk == praktijk
    assert gebeurtenis.door == facilitator
    assert gebeurtenis.actie == "sessie.create"
    assert (gebeurtenis.object_soort, gebeurtenis.object_id) == ("condities.sessie", sessie.pk)
    assert gebeurtenis.omschrijving == "Voorjaar"


def test_a_refused_session_records_nothing(client, praktijk, facilitator):
    client.force_login(facilitator)
    response = client.post(
        reverse("condities:sessie_nieuw", args=["stein"]),
        {"titel": "Zonder condities", "datum": "2026-04-01", "modus": "live"},
    )
    assert response.status_code == 422
    assert not Gebeurtenis.objects.exists()


def test_opening_revealing_and_closing_are_recorded_in_order(client, concept, facilitator):
    client.force_login(facilitator)
    client.post(url("sessie_openen", concept))
    client.post(url("onthullen", concept), {"conditie": "ambitie"})
    client.post(url("sessie_sluiten", concept), {"zeker": "on"})

    sessie = ("condities.sessie", concept.pk)
    assert trail() == [
        ("sessie.open", facilitator, *sessie),
        ("sessie.reveal", facilitator, *sessie),
        ("sessie.close", facilitator, *sessie),
    ]
    assert set(Gebeurtenis.objects.values_list("omschrijving", flat=True)) == {"Werkvorm voorjaar"}


def test_what_changes_nothing_records_nothing(client, concept, facilitator):
    client.force_login(facilitator)
    client.post(url("sessie_openen", concept))
    client.post(url("onthullen", concept), {"conditie": "ambitie"})
    assert len(trail()) == 2

    client.post(url("sessie_openen", concept))  # open already
    client.post(url("onthullen", concept), {"conditie": "ambitie"})  # shown already
    client.post(url("onthullen", concept), {"conditie": "geluk"})  # refused: a 400
    assert len(trail()) == 2


def test_closing_a_closed_session_or_opening_it_again_records_nothing(client, concept, facilitator):
    client.force_login(facilitator)
    client.post(url("sessie_openen", concept))
    client.post(url("sessie_sluiten", concept), {"zeker": "on"})
    before = trail()

    client.post(url("sessie_sluiten", concept), {"zeker": "on"})  # a second click
    client.post(url("sessie_openen", concept))
    with pytest.raises(services.SessieGesloten):
        services.sessie_close(sessie=concept, by=facilitator)

    assert trail() == before
    assert [actie for actie, *_rest in before] == ["sessie.open", "sessie.close"]


def test_paper_tallies_are_recorded_and_an_invalid_tally_is_not(client, sessie, facilitator):
    Gebeurtenis.objects.all().delete()
    stelling = sessie.stellingenset.stellingen.filter(conditie="ambitie").first()
    client.force_login(facilitator)

    too_many = client.post(url("papier", sessie), {"formulieren": "2", f"s{stelling.pk}_4": "3"})
    assert too_many.status_code == 422
    assert not Gebeurtenis.objects.exists()

    ok = client.post(url("papier", sessie), {"formulieren": "3", f"s{stelling.pk}_4": "2"})
    assert ok.status_code == 302
    assert trail() == [("papier.save", facilitator, "condities.sessie", sessie.pk)]


def test_paper_tallies_of_a_closed_session_record_nothing(sessie, facilitator):
    services.sessie_close(sessie=sessie, by=facilitator)
    sessie.refresh_from_db()
    before = trail()
    with pytest.raises(services.SessieGesloten):
        services.papier_tellingen_save(sessie=sessie, formulieren=1, tellingen={}, by=facilitator)
    assert trail() == before


def test_writing_down_the_discussion_is_recorded(client, sessie, kerngroeplid):
    Gebeurtenis.objects.all().delete()
    client.force_login(kerngroeplid)
    data = {"conditie": "relatie", "soort": "stap", "tekst": "Kennismaken met de POH"}
    response = client.post(reverse("condities:actie_nieuw", args=["stein", sessie.pk]), data)
    assert response.status_code == 302
    actie = Actie.objects.get(sessie=sessie)
    gebeurtenis = Gebeurtenis.objects.get()
    assert (gebeurtenis.actie, gebeurtenis.door) == ("actie.create", kerngroeplid)
    assert (gebeurtenis.object_soort, gebeurtenis.object_id) == ("condities.actie", actie.pk)
    assert gebeurtenis.omschrijving == "Kennismaken met de POH"

    refused = client.post(
        reverse("condities:actie_nieuw", args=["stein", sessie.pk]), {**data, "tekst": ""}
    )
    assert refused.status_code == 422
    assert Gebeurtenis.objects.count() == 1


def test_a_step_that_becomes_an_experiment_is_recorded_once(client, sessie, kerngroeplid):
    stap = ActieFactory(sessie=sessie, conditie="proces", soort="stap", tekst="Samen oefenen")
    vraag = OntwerpvraagFactory(praktijk=sessie.praktijk)
    Gebeurtenis.objects.all().delete()
    client.force_login(kerngroeplid)
    path = reverse("condities:actie_experiment", args=["stein", sessie.pk, stap.pk])
    data = {
        "ontwerpvraag": vraag.pk,
        "titel": "Overdracht oefenen",
        "doel": "Minder vragen",
        "niveau": "tussen_professionals",
    }
    client.post(path, data)
    experiment = Experiment.objects.get()
    assert trail() == [
        ("experiment.create", kerngroeplid, "experimenten.experiment", experiment.pk),
        ("actie.to_experiment", kerngroeplid, "condities.actie", stap.pk),
    ]

    again = services.actie_to_experiment(
        actie=stap,
        by=kerngroeplid,
        ontwerpvraag=vraag,
        titel="Nog eens",
        doel="X",
        niveau="tussen_professionals",
    )
    assert again == experiment
    assert len(trail()) == 2


def test_sending_a_check_in_is_one_event_without_the_recipients(
    client, praktijk, facilitator, kerngroeplid, lid
):
    client.force_login(facilitator)
    response = client.post(
        reverse("condities:checkin_nieuw", args=["stein"]),
        {
            "titel": "Check-in na de zomer",
            "datum": "2026-09-01",
            "condities": Conditie.values,
            "herinnering_na_dagen": "5",
            "herinneringen_aantal": "1",
            "sluit_op": (datetime.datetime.now() + datetime.timedelta(days=14)).strftime(
                "%Y-%m-%dT%H:%M"
            ),
            "ontvangers": [
                str(pk)
                for pk in Lidmaatschap.objects.filter(praktijk=praktijk).values_list(
                    "user", flat=True
                )
            ],
        },
    )
    assert response.status_code == 302
    checkin = Sessie.objects.get(soort=Sessie.Soort.CHECKIN)
    gebeurtenis = Gebeurtenis.objects.get()
    assert (gebeurtenis.actie, gebeurtenis.door) == ("checkin.create", facilitator)
    assert (gebeurtenis.object_soort, gebeurtenis.object_id) == ("condities.sessie", checkin.pk)
    assert gebeurtenis.omschrijving == "Check-in na de zomer"


def test_editing_the_statements_records_the_new_version(client, praktijk, facilitator):
    client.force_login(facilitator)
    standaard = services.standaardset_get()
    unchanged = client.post(BEWERKEN, formulier(standaard))
    assert unchanged.status_code == 302
    assert not Gebeurtenis.objects.exists()

    changed = client.post(
        BEWERKEN, formulier(standaard, relatie=[f"Relatie {i}" for i in range(4)])
    )
    assert changed.status_code == 302
    eigen = Stellingenset.objects.get(praktijk=praktijk)
    # The default set is shared: it is copied into a version of the practice, then written.
    assert trail() == [
        ("stellingenset.copy", facilitator, "condities.stellingenset", eigen.pk),
        ("stellingenset.save", facilitator, "condities.stellingenset", eigen.pk),
    ]
    assert Gebeurtenis.objects.filter(praktijk=praktijk).count() == 2


def test_taking_part_records_nothing(client, sessie, facilitator):
    Gebeurtenis.objects.all().delete()
    stelling = sessie.stellingenset.stellingen.filter(conditie="ambitie").first()
    client.post(
        reverse("condities:doe_mee_code", args=[sessie.code]),
        {"naam": "Gert Geheim", "organisatie": "mantelzorger", "email": "gert@voorbeeld.example"},
    )
    client.post(reverse("condities:antwoord", args=[sessie.code]), {f"s{stelling.pk}": "2"})
    client.post(reverse("condities:klaar", args=[sessie.code]))
    assert sessie.deelnemers.get().klaar_op is not None
    assert not Gebeurtenis.objects.exists()

    # Closing is recorded, the summary mail is not; neither names the participant.
    services.sessie_close(sessie=sessie, by=facilitator)
    services.summary_send(sessie_id=sessie.pk)
    services.summaries_sweep()
    assert [actie for actie, *_rest in trail()] == ["sessie.close"]
    assert not Gebeurtenis.objects.filter(omschrijving__icontains="Gert").exists()


def test_answering_a_check_in_by_link_records_nothing(client, praktijk, facilitator, lid):
    checkin = services.checkin_create(
        praktijk=praktijk,
        by=facilitator,
        titel="Check-in",
        datum=datetime.date(2026, 3, 1),
        condities=Conditie.values,
        stellingen=[],
        herinnering_na_dagen=7,
        ontvangers=[lid],
    )
    before = trail()
    deelnemer = checkin.deelnemers.get()
    stelling = checkin.stellingenset.stellingen.filter(conditie="ambitie").first()
    client.get(reverse("condities:checkin_link", args=[deelnemer.token]))
    client.post(reverse("condities:antwoord", args=[checkin.code]), {f"s{stelling.pk}": "4"})
    client.post(reverse("condities:klaar", args=[checkin.code]))
    services.checkin_invitations_send(sessie_id=checkin.pk)
    services.checkin_reminders_send(now=datetime.datetime.now(tz=datetime.UTC))
    assert checkin.deelnemers.get().antwoorden.count() == 1
    assert trail() == before
    assert not Gebeurtenis.objects.filter(omschrijving__icontains=lid.name).exists()
