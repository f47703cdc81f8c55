# Planner and minute-taker were free text. Where that text is exactly the name of one person of
# the same practice's network, link that person (as an invitee with that role). The free text
# stays: it is shown when no person is linked, and nothing is mailed by this migration.

from django.db import migrations

ROLLEN = (("planner", "is_planner"), ("notulist", "is_notulist"))


def link_names(apps, schema_editor):
    Bijeenkomst = apps.get_model("praktijken", "Bijeenkomst")
    Persoon = apps.get_model("netwerk", "Persoon")
    Genodigde = apps.get_model("netwerk", "Genodigde")
    for bijeenkomst in Bijeenkomst.objects.exclude(planner="", notulist="").iterator():
        for veld, vlag in ROLLEN:
            naam = getattr(bijeenkomst, veld).strip()
            if not naam:
                continue
            personen = list(
                Persoon.objects.filter(
                    naam=naam,
                    organisatie__eigenaar_id=bijeenkomst.praktijk_id,
                    organisatie__deelnames__praktijk_id=bijeenkomst.praktijk_id,
                ).values_list("pk", flat=True)[:2]
            )
            if len(personen) != 1:  # nobody, or two people of that name: leave the text
                continue
            genodigde, _created = Genodigde.objects.get_or_create(
                bijeenkomst_id=bijeenkomst.pk, persoon_id=personen[0]
            )
            setattr(genodigde, vlag, True)
            genodigde.save(update_fields=[vlag])


class Migration(migrations.Migration):
    dependencies = [
        ("netwerk", "0007_genodigde"),
    ]

    operations = [
        migrations.RunPython(link_names, migrations.RunPython.noop),
    ]
