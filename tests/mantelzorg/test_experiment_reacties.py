"""Feedback tagged with an experiment shows on its page: the texts, for whoever reads the inbox."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import ExperimentFactory, ReactieFactory

pytestmark = pytest.mark.django_db


def _url(experiment) -> str:
    return reverse("experimenten:detail", kwargs={"slug": "stein", "pk": experiment.pk})


@pytest.fixture
def experiment(praktijk):
    return ExperimentFactory(ontwerpvraag__praktijk=praktijk, titel="Tien-minutencheck")


@pytest.fixture
def getagd(praktijk, experiment):
    return ReactieFactory(
        praktijk=praktijk,
        experiment=experiment,
        wat_gaat_goed="De tien minuten met de POH hielpen echt.",
        kan_beter="Ik wist niet dat het bestond.",
        contact_toestemming=True,
        naam="Anna de Vries",
        email="anna@voorbeeld.example",
        telefoon="06 98765432",
        contact_bewaren_tot=timezone.localdate() + datetime.timedelta(days=100),
    )


def test_a_facilitator_sees_the_tagged_feedback_without_contact_details(
    client, facilitator, praktijk, experiment, getagd
):
    ReactieFactory(praktijk=praktijk, wat_gaat_goed="Over iets anders")
    client.force_login(facilitator)
    text = client.get(_url(experiment)).content.decode()
    assert "Wat mantelzorgers hierover zeiden" in text
    assert "De tien minuten met de POH hielpen echt." in text
    assert "Ik wist niet dat het bestond." in text
    assert "Over iets anders" not in text
    for geheim in ["Anna", "anna@voorbeeld.example", "98765432"]:
        assert geheim not in text


@pytest.mark.parametrize("persona", ["lid", "kerngroeplid"])
def test_members_who_may_not_read_the_inbox_do_not_see_it(
    request, client, persona, experiment, getagd
):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(_url(experiment))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Tien-minutencheck" in text  # positive control: the page itself
    assert "Wat mantelzorgers hierover zeiden" not in text
    assert "De tien minuten met de POH" not in text


def test_another_practices_facilitator_gets_404(client, outsider, experiment, getagd):
    client.force_login(outsider)
    assert client.get(_url(experiment)).status_code == 404


@pytest.mark.usefixtures("login_read_every_time")
@pytest.mark.parametrize("n", [1, 20])
def test_the_feedback_queries_do_not_grow_with_the_feedback(
    client, facilitator, praktijk, experiment, n, django_assert_num_queries
):
    ReactieFactory.create_batch(n, praktijk=praktijk, experiment=experiment)
    client.force_login(facilitator)
    client.get(_url(experiment))  # warm up the session and caches
    with CaptureQueriesContext(connection) as queries:
        client.get(_url(experiment))
    aantal = len(queries)
    ReactieFactory.create_batch(5, praktijk=praktijk, experiment=experiment)
    with django_assert_num_queries(aantal):
        client.get(_url(experiment))
