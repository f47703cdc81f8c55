# Lidmaatschap, moved here from netwerk. State only: the model keeps its table
# (netwerk_lidmaatschap), its rows and its constraint.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("praktijken", "0001_initial"),
        ("netwerk", "0004_lidmaatschap_to_praktijken"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Lidmaatschap",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "rol",
                            models.CharField(
                                choices=[
                                    ("facilitator", "Facilitator"),
                                    ("kerngroeplid", "Core group member"),
                                    ("lid", "Member"),
                                ],
                                max_length=20,
                                verbose_name="role",
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "praktijk",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="lidmaatschappen",
                                to="praktijken.praktijk",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="lidmaatschappen",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "membership",
                        "verbose_name_plural": "memberships",
                        "db_table": "netwerk_lidmaatschap",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("praktijk", "user"), name="lidmaatschap_eenmaal"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
