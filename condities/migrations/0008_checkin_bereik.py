from django.db import migrations, models


def count_old_reminders(apps, schema_editor):
    """Whoever got the one reminder of before has had one."""
    Deelnemer = apps.get_model("condities", "Deelnemer")
    Deelnemer.objects.filter(laatst_herinnerd_op__isnull=False).update(herinneringen=1)


def uncount(apps, schema_editor):
    pass


class Migration(migrations.Migration):
    dependencies = [
        ("condities", "0007_acties_eigenaar_status"),
    ]

    operations = [
        migrations.RenameField(
            model_name="deelnemer", old_name="herinnerd_op", new_name="laatst_herinnerd_op"
        ),
        migrations.AddField(
            model_name="deelnemer",
            name="herinneringen",
            field=models.PositiveSmallIntegerField(default=0, editable=False),
        ),
        migrations.RunPython(count_old_reminders, uncount),
        migrations.AddField(
            model_name="sessie",
            name="herinneringen_aantal",
            field=models.PositiveSmallIntegerField(default=1, verbose_name="number of reminders"),
        ),
        migrations.AddField(
            model_name="sessie",
            name="sluit_op",
            field=models.DateTimeField(blank=True, null=True, verbose_name="closes at"),
        ),
        migrations.AddField(
            model_name="sessie",
            name="nu_herinnerd_op",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
    ]
