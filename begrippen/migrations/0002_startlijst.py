"""The starting vocabulary for the practices that existed before begrippen (the demo ones too);
new practices get it when they are created (begrippen/apps.py)."""

from django.db import migrations


def load(apps, schema_editor):
    from begrippen.startlijst import STARTLIJST

    Praktijk = apps.get_model("praktijken", "Praktijk")
    Begrip = apps.get_model("begrippen", "Begrip")
    for praktijk in Praktijk.objects.all():
        bestaand = {t.lower() for t in Begrip.objects.filter(praktijk=praktijk).values_list("term", flat=True)}
        Begrip.objects.bulk_create(
            Begrip(
                praktijk=praktijk,
                term=term,
                definitie=definitie,
                zo_zeggen_mantelzorgers=zo,
                status="vastgesteld",
            )
            for term, definitie, zo in STARTLIJST
            if term.lower() not in bestaand
        )


class Migration(migrations.Migration):
    dependencies = [("begrippen", "0001_begrip")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
