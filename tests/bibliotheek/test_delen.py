"""Sharing with the programme: a choice per experiment, outcome and story, by the practice's
editors (POST only, audited), with what other practices will and will not see said in Dutch."""

import pytest
from django.urls import reverse

from praktijken.models import Gebeurtenis
from tests.factories import OpbrengstFactory, VerhaalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def experiment(ongedeelde_les):
    return ongedeelde_les


def delen_url(experiment):
    return reverse("experimenten:delen", args=["stein", experiment.pk])


def test_an_editor_shares_an_experiment_and_it_is_recorded(client, kerngroeplid, experiment):
    client.force_login(kerngroeplid)
    response = client.post(delen_url(experiment), {"delen": "true"}, follow=True)
    assert response.status_code == 200
    assert "staat nu in de bibliotheek van het programma" in response.content.decode()
    experiment.refresh_from_db()
    assert experiment.gedeeld_op is not None
    g = Gebeurtenis.objects.get(actie="experiment.share")
    assert (g.door, g.object_id) == (kerngroeplid, experiment.pk)


def test_an_editor_stops_sharing(client, kerngroeplid, gedeelde_les):
    client.force_login(kerngroeplid)
    client.post(delen_url(gedeelde_les), {"delen": "false"})
    gedeelde_les.refresh_from_db()
    assert gedeelde_les.gedeeld_op is None
    assert Gebeurtenis.objects.filter(actie="experiment.unshare").count() == 1


def test_sharing_twice_changes_nothing(client, kerngroeplid, gedeelde_les):
    eerder = gedeelde_les.gedeeld_op
    client.force_login(kerngroeplid)
    client.post(delen_url(gedeelde_les), {"delen": "true"})
    gedeelde_les.refresh_from_db()
    assert gedeelde_les.gedeeld_op == eerder
    assert not Gebeurtenis.objects.filter(actie="experiment.share").exists()


def test_a_plain_member_may_not_share_even_their_own_organisation_experiment(
    client, lid, eigen_organisatie, experiment
):
    experiment.organisaties.add(eigen_organisatie)  # the lid may edit it, not share it
    client.force_login(lid)
    assert (
        client.get(reverse("experimenten:detail", args=["stein", experiment.pk])).status_code == 200
    )
    assert client.post(delen_url(experiment), {"delen": "true"}).status_code == 403
    experiment.refresh_from_db()
    assert experiment.gedeeld_op is None


def test_another_practice_gets_404(client, outsider, experiment):
    client.force_login(outsider)
    assert client.post(delen_url(experiment), {"delen": "true"}).status_code == 404
    experiment.refresh_from_db()
    assert experiment.gedeeld_op is None


def test_the_experiment_page_says_what_others_will_see(client, kerngroeplid, lid, experiment):
    client.force_login(kerngroeplid)
    html = client.get(
        reverse("experimenten:detail", args=["stein", experiment.pk])
    ).content.decode()
    assert "Delen met het programma" in html
    assert "Zij zien nooit:" in html and "de eigenaar" in html
    assert delen_url(experiment) in html
    client.force_login(lid)
    html = client.get(
        reverse("experimenten:detail", args=["stein", experiment.pk])
    ).content.decode()
    assert experiment.titel in html
    assert delen_url(experiment) not in html


def test_an_editor_shares_one_outcome(client, kerngroeplid, lid, experiment):
    opbrengst = OpbrengstFactory(experiment=experiment)
    url = reverse("experimenten:opbrengst_delen", args=["stein", experiment.pk, opbrengst.pk])
    client.force_login(lid)
    assert client.post(url, {"delen": "true"}).status_code == 403
    client.force_login(kerngroeplid)
    page = client.get(
        reverse("experimenten:detail", args=["stein", experiment.pk])
    ).content.decode()
    assert url in page
    client.post(url, {"delen": "true"})
    opbrengst.refresh_from_db()
    assert opbrengst.gedeeld_op is not None
    assert Gebeurtenis.objects.filter(actie="opbrengst.share", object_id=opbrengst.pk).exists()


def test_an_outcome_of_another_experiment_is_404(client, kerngroeplid, experiment, gedeelde_les):
    opbrengst = OpbrengstFactory(experiment=gedeelde_les)
    url = reverse("experimenten:opbrengst_delen", args=["stein", experiment.pk, opbrengst.pk])
    client.force_login(kerngroeplid)
    assert client.post(url, {"delen": "true"}).status_code == 404
    goed = reverse("experimenten:opbrengst_delen", args=["stein", gedeelde_les.pk, opbrengst.pk])
    assert client.post(goed, {"delen": "true"}).status_code == 302


def test_a_story_is_shared_by_an_editor_not_by_the_member_who_told_it(
    client, praktijk, lid, kerngroeplid
):
    verhaal = VerhaalFactory(praktijk=praktijk, created_by=lid)
    url = reverse("praktijken:verhaal_delen", args=["stein", verhaal.pk])
    client.force_login(lid)
    assert client.post(url, {"delen": "true"}).status_code == 403
    detail = reverse("overzicht:verhaal_detail", args=["stein", verhaal.pk])
    html = client.get(detail).content.decode()
    assert verhaal.titel in html and url not in html
    client.force_login(kerngroeplid)
    html = client.get(detail).content.decode()
    assert url in html and "wie het vertelde" in html
    response = client.post(url, {"delen": "true"}, follow=True)
    assert "Het verhaal staat nu in de bibliotheek" in response.content.decode()
    verhaal.refresh_from_db()
    assert verhaal.gedeeld_op is not None
    assert Gebeurtenis.objects.filter(actie="verhaal.share", object_id=verhaal.pk).exists()


def test_a_story_of_another_practice_is_404(client, outsider, praktijk):
    verhaal = VerhaalFactory(praktijk=praktijk)
    client.force_login(outsider)
    url = reverse("praktijken:verhaal_delen", args=["stein", verhaal.pk])
    assert client.post(url, {"delen": "true"}).status_code == 404


def test_sharing_is_post_only(client, kerngroeplid, experiment):
    client.force_login(kerngroeplid)
    assert client.get(delen_url(experiment)).status_code == 405


def test_the_panel_says_when_the_practice_is_in_no_programme(client, kerngroeplid, experiment):
    client.force_login(kerngroeplid)
    url = reverse("experimenten:detail", args=["stein", experiment.pk])
    html = client.get(url).content.decode()
    assert "Delen met het programma" in html
    assert "hoort nog niet bij een programma" in html


def test_in_a_programme_the_panel_does_not_say_so(client, kerngroeplid, programma, experiment):
    client.force_login(kerngroeplid)
    url = reverse("experimenten:detail", args=["stein", experiment.pk])
    html = client.get(url).content.decode()
    assert "Delen met het programma" in html
    assert "hoort nog niet bij een programma" not in html


def test_a_plain_member_sees_that_an_experiment_is_shared(client, lid, gedeelde_les):
    client.force_login(lid)
    html = client.get(reverse("experimenten:detail", args=["stein", gedeelde_les.pk])).text
    assert "Gedeeld met de andere praktijken van het programma sinds" in html
    assert delen_url(gedeelde_les) not in html
