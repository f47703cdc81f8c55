from django.db import migrations

from condities.standaardset import standaardset_create


def forwards(apps, schema_editor):
    Stellingenset = apps.get_model("condities", "Stellingenset")
    if Stellingenset.objects.filter(praktijk__isnull=True).exists():
        return
    standaardset_create(
        stellingenset_model=Stellingenset,
        stelling_model=apps.get_model("condities", "Stelling"),
        open_vraag_model=apps.get_model("condities", "OpenVraag"),
    )


class Migration(migrations.Migration):
    dependencies = [("condities", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
