# Every participation that already states interests, a contribution or time gets a first version
# of them, dated when the participation last changed, without an author (nobody recorded one).

from django.db import migrations
from django.db.models import Q


def eerste_versie(apps, schema_editor):
    Deelname = apps.get_model("netwerk", "Deelname")
    BelangenVersie = apps.get_model("netwerk", "BelangenVersie")
    gevuld = Deelname.objects.exclude(Q(belangen="") & Q(bijdrage="") & Q(tijdsinvestering=""))
    BelangenVersie.objects.bulk_create(
        BelangenVersie(
            deelname=deelname,
            belangen=deelname.belangen,
            bijdrage=deelname.bijdrage,
            tijdsinvestering=deelname.tijdsinvestering,
            verwachting=deelname.verwachting,
            op=deelname.updated_at,
        )
        for deelname in gevuld.iterator()
    )


class Migration(migrations.Migration):
    dependencies = [("netwerk", "0009_belangen_versies")]

    operations = [migrations.RunPython(eerste_versie, migrations.RunPython.noop)]
