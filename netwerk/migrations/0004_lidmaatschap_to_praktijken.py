# Lidmaatschap moves to praktijken (the tenant owns who belongs to it). State only: the table
# netwerk_lidmaatschap and its rows stay where they are.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("netwerk", "0003_organisatie_bevestiging_gevraagd_op"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Lidmaatschap")],
            database_operations=[],
        ),
    ]
