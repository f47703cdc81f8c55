"""Actions get an owner, a status (open, busy, done) and a practice of their own.

`gedaan` becomes `status` (done stays done); `praktijk` is filled from the session; `sessie`
becomes optional because an action can also come from a meeting's minutes.
"""

import django.db.models.deletion
from django.db import migrations, models


def fill_praktijk_and_status(apps, schema_editor):
    Actie = apps.get_model("condities", "Actie")
    Sessie = apps.get_model("condities", "Sessie")
    for sessie in Sessie.objects.filter(acties__isnull=False).distinct().only("pk", "praktijk"):
        Actie.objects.filter(sessie=sessie).update(praktijk_id=sessie.praktijk_id)
    Actie.objects.filter(gedaan=True).update(status="gedaan", gedaan_op=models.F("created_at"))


def back_to_gedaan(apps, schema_editor):
    Actie = apps.get_model("condities", "Actie")
    Actie.objects.filter(status="gedaan").update(gedaan=True)
    # Actions without a session (from a meeting) cannot exist in the old schema.
    Actie.objects.filter(sessie__isnull=True).delete()


class Migration(migrations.Migration):
    # The data step updates foreign keys before NOT NULL is set: on PostgreSQL the pending
    # deferred-constraint triggers would refuse that ALTER TABLE inside one transaction.
    atomic = False

    dependencies = [
        ("condities", "0006_inbreng"),
        ("netwerk", "0006_organisatie_eigenaar_data"),
        ("praktijken", "0004_privacy_email"),
    ]

    operations = [
        migrations.AddField(
            model_name="actie",
            name="praktijk",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="acties",
                to="praktijken.praktijk",
            ),
        ),
        migrations.AddField(
            model_name="actie",
            name="status",
            field=models.CharField(
                choices=[("open", "Open"), ("bezig", "Busy"), ("gedaan", "Done")],
                default="open",
                max_length=10,
                verbose_name="status",
            ),
        ),
        migrations.AddField(
            model_name="actie",
            name="gedaan_op",
            field=models.DateTimeField(blank=True, null=True, verbose_name="done on"),
        ),
        migrations.AddField(
            model_name="actie",
            name="herinnerd_op",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="actie",
            name="updated_at",
            field=models.DateTimeField(auto_now=True),
        ),
        migrations.AddField(
            model_name="actie",
            name="eigenaar",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="acties",
                to="netwerk.persoon",
                verbose_name="owner",
            ),
        ),
        migrations.AddField(
            model_name="actie",
            name="bijeenkomst",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="acties",
                to="praktijken.bijeenkomst",
            ),
        ),
        migrations.AlterField(
            model_name="actie",
            name="sessie",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="acties",
                to="condities.sessie",
            ),
        ),
        migrations.AlterField(
            model_name="actie",
            name="conditie",
            field=models.CharField(
                blank=True,
                choices=[
                    ("ambitie", "Ambition"),
                    ("belangen", "Interests"),
                    ("relatie", "Relationship"),
                    ("organisatie", "Organisation"),
                    ("proces", "Process"),
                ],
                max_length=20,
                verbose_name="condition",
            ),
        ),
        migrations.RunPython(fill_praktijk_and_status, back_to_gedaan),
        migrations.AlterField(
            model_name="actie",
            name="praktijk",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="acties",
                to="praktijken.praktijk",
            ),
        ),
        migrations.RemoveField(model_name="actie", name="gedaan"),
        migrations.AddIndex(
            model_name="actie",
            index=models.Index(fields=["praktijk", "status"], name="condities_a_praktij_972403_idx"),
        ),
    ]
