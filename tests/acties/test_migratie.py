"""The migration that gives actions a practice and a status (condities 0007, issue #14)."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

VOOR = [("condities", "0006_inbreng")]
NA = [("condities", "0007_acties_eigenaar_status")]


def migrate(targets):
    """Migrate condities to `targets`; the models as they are there (other apps' as now)."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps, executor.loader.project_state().apps


@pytest.mark.django_db(transaction=True)
def test_done_stays_done_and_each_action_gets_its_sessions_practice():
    apps, nu = migrate(VOOR)
    Praktijk = nu.get_model("praktijken", "Praktijk")
    Stellingenset = apps.get_model("condities", "Stellingenset")
    Sessie = apps.get_model("condities", "Sessie")
    Actie = apps.get_model("condities", "Actie")
    stein = Praktijk.objects.create(slug="stein", naam="Stein", gemeente="Stein")
    ede = Praktijk.objects.create(slug="ede", naam="Ede", gemeente="Ede")
    datum = datetime.date(2026, 3, 1)
    setje = Stellingenset.objects.create(naam="Standaard")
    in_stein = Sessie.objects.create(
        praktijk_id=stein.pk, titel="Stein", datum=datum, stellingenset=setje
    )
    in_ede = Sessie.objects.create(
        praktijk_id=ede.pk, titel="Ede", datum=datum, stellingenset=setje
    )
    gedaan = Actie.objects.create(
        sessie=in_stein, conditie="relatie", soort="stap", tekst="Bellen", gedaan=True
    )
    open_ = Actie.objects.create(
        sessie=in_ede, conditie="proces", soort="stap", tekst="Mailen", wie="Anja"
    )

    apps, _nu = migrate(NA)
    Actie = apps.get_model("condities", "Actie")
    gedaan = Actie.objects.get(pk=gedaan.pk)
    open_ = Actie.objects.get(pk=open_.pk)
    assert (gedaan.praktijk_id, gedaan.status) == (stein.pk, "gedaan")
    assert gedaan.gedaan_op is not None
    assert (open_.praktijk_id, open_.status, open_.wie) == (ede.pk, "open", "Anja")
    assert open_.gedaan_op is None and open_.eigenaar_id is None

    # And back: done is `gedaan` again.
    apps, _nu = migrate(VOOR)
    Actie = apps.get_model("condities", "Actie")
    assert list(Actie.objects.order_by("pk").values_list("gedaan", flat=True)) == [True, False]
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
