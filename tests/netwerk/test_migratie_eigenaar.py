"""The data migration that gives every organisation one owner (netwerk 0006, issue #11)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

VOOR = [("netwerk", "0005_organisatie_eigenaar")]
NA = [("netwerk", "0006_organisatie_eigenaar_data")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    # Every app's models as the applied migrations leave them (0006 changes rows only, no
    # table; later migrations of netwerk, such as 0007, are taken back with it).
    executor = MigrationExecutor(connection)
    applied = set(executor.loader.applied_migrations)
    graph = executor.loader.graph
    leaves = [n for n in applied if not any(c.key in applied for c in graph.node_map[n].children)]
    return executor.loader.project_state(leaves).apps


@pytest.fixture(autouse=True)
def _schema_back_to_the_latest():
    """Migrating netwerk back also takes back every migration that depends on it (in other
    apps too); the tests after this one need them all."""
    yield
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_a_shared_organisation_gets_its_first_practice_as_owner_and_a_copy_for_the_others():
    apps = migrate(VOOR)
    Praktijk = apps.get_model("praktijken", "Praktijk")
    Organisatie = apps.get_model("netwerk", "Organisatie")
    Persoon = apps.get_model("netwerk", "Persoon")
    Deelname = apps.get_model("netwerk", "Deelname")
    User = apps.get_model("netwerk", "User")
    Experiment = apps.get_model("experimenten", "Experiment")
    Ontwerpvraag = apps.get_model("praktijken", "Ontwerpvraag")

    stein = Praktijk.objects.create(slug="stein", naam="Stein", gemeente="Stein")
    ede = Praktijk.objects.create(slug="ede", naam="Ede", gemeente="Ede")
    gedeeld = Organisatie.objects.create(naam="Thuiszorg", soort="thuiszorg", telefoon="046 1")
    alleen_ede = Organisatie.objects.create(naam="Wijkteam Ede", soort="welzijn")
    los = Organisatie.objects.create(naam="Nergens", soort="anders")
    Deelname.objects.create(praktijk=stein, organisatie=gedeeld, groep="kerngroep")
    Deelname.objects.create(praktijk=ede, organisatie=gedeeld, groep="ontwerpgroep")
    Deelname.objects.create(praktijk=ede, organisatie=alleen_ede, groep="kerngroep")
    user = User.objects.create(email="wendy@thuiszorg.example")
    wendy = Persoon.objects.create(organisatie=gedeeld, naam="Wendy", user=user)
    Persoon.objects.create(organisatie=gedeeld, naam="Hans", telefoon="06 2")
    vraag = Ontwerpvraag.objects.create(praktijk=ede, vraag="Hoe?")
    experiment = Experiment.objects.create(
        praktijk=ede,
        ontwerpvraag=vraag,
        titel="Proef",
        doel="Beter",
        niveau="buurt",
        eigenaar=wendy,
    )
    experiment.organisaties.add(gedeeld)

    apps = migrate(NA)
    Organisatie = apps.get_model("netwerk", "Organisatie")
    Persoon = apps.get_model("netwerk", "Persoon")
    Deelname = apps.get_model("netwerk", "Deelname")
    Experiment = apps.get_model("experimenten", "Experiment")

    origineel = Organisatie.objects.get(pk=gedeeld.pk)
    assert origineel.eigenaar_id == stein.pk  # the first practice it took part in
    assert sorted(Persoon.objects.filter(organisatie=origineel).values_list("naam", flat=True)) == [
        "Hans",
        "Wendy",
    ]
    kopie = Organisatie.objects.get(bron=origineel)
    assert (kopie.eigenaar_id, kopie.naam, kopie.telefoon) == (ede.pk, "Thuiszorg", "046 1")
    # ede keeps seeing who it saw; the account stays with the original's person entry.
    kopie_personen = Persoon.objects.filter(organisatie=kopie)
    assert sorted(kopie_personen.values_list("naam", "user_id")) == [
        ("Hans", None),
        ("Wendy", None),
    ]
    assert Deelname.objects.get(praktijk_id=ede.pk, groep="ontwerpgroep").organisatie_id == kopie.pk
    assert Deelname.objects.get(praktijk_id=stein.pk).organisatie_id == origineel.pk
    experiment = Experiment.objects.get(pk=experiment.pk)
    assert list(experiment.organisaties.values_list("pk", flat=True)) == [kopie.pk]
    assert experiment.eigenaar.organisatie_id == kopie.pk
    assert Organisatie.objects.get(pk=alleen_ede.pk).eigenaar_id == ede.pk
    assert Organisatie.objects.get(pk=los.pk).eigenaar_id is None
