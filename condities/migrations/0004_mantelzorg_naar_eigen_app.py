# The carers' feedback models moved to the `mantelzorg` app (mantelzorg.0001_initial).
# Only Django's picture of the models changes: the tables stay where they are, with their rows
# (`database_operations=[]`); the mantelzorg models name them with `Meta.db_table`.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("condities", "0003_mantelzorg"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ReactieConditie"),
                migrations.DeleteModel(name="Reactie"),
                migrations.DeleteModel(name="MantelzorgFormulier"),
                migrations.DeleteModel(name="MantelzorgMelding"),
            ],
            database_operations=[],
        ),
    ]
