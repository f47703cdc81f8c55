# Every organisation gets an owner: the first practice that took part with it (its oldest
# participation). Each other practice that took part with it gets its own copy, with copies of the
# people it could see until now, and its participation, experiments, session participants,
# carers' feedback and invitations move to that copy. Nobody sees more than before; from here on
# nobody changes another practice's entry. People with an account stay at the original (an account
# has one person entry). Organisations that never took part stay without an owner.

from django.db import migrations

VELDEN = [
    "naam",
    "soort",
    "beschrijving",
    "telefoon",
    "email",
    "website",
    "straat",
    "postcode",
    "plaats",
    "wijken",
    "bevestigd_op",
]
PERSOON_VELDEN = [
    "naam",
    "functie",
    "telefoon",
    "email",
    "expertise",
    "bel_mij_voor",
    "is_contactpersoon",
    "bevestigd_op",
]


def _copy(Organisatie, Persoon, organisatie, praktijk_id):
    kopie = Organisatie.objects.create(
        eigenaar_id=praktijk_id,
        bron=organisatie,
        **{veld: getattr(organisatie, veld) for veld in VELDEN},
    )
    kopie.levensdomeinen.set(organisatie.levensdomeinen.all())
    personen = {}
    for persoon in Persoon.objects.filter(organisatie=organisatie).order_by("pk"):
        personen[persoon.pk] = Persoon.objects.create(
            organisatie=kopie, **{veld: getattr(persoon, veld) for veld in PERSOON_VELDEN}
        ).pk
    return kopie, personen


def split(apps, schema_editor):
    Organisatie = apps.get_model("netwerk", "Organisatie")
    Persoon = apps.get_model("netwerk", "Persoon")
    Deelname = apps.get_model("netwerk", "Deelname")
    Uitnodiging = apps.get_model("netwerk", "Uitnodiging")
    Experiment = apps.get_model("experimenten", "Experiment")
    Deelnemer = apps.get_model("condities", "Deelnemer")
    Reactie = apps.get_model("mantelzorg", "Reactie")
    ExperimentOrganisatie = Experiment.organisaties.through

    for organisatie in Organisatie.objects.filter(eigenaar__isnull=True).order_by("pk"):
        deelnames = list(Deelname.objects.filter(organisatie=organisatie).order_by("created_at", "pk"))
        if not deelnames:
            continue
        organisatie.eigenaar_id = deelnames[0].praktijk_id
        organisatie.save(update_fields=["eigenaar"])
        for deelname in deelnames[1:]:
            praktijk_id = deelname.praktijk_id
            kopie, personen = _copy(Organisatie, Persoon, organisatie, praktijk_id)
            Deelname.objects.filter(pk=deelname.pk).update(organisatie=kopie)
            Uitnodiging.objects.filter(praktijk_id=praktijk_id, organisatie=organisatie).update(
                organisatie=kopie
            )
            Deelnemer.objects.filter(sessie__praktijk_id=praktijk_id, organisatie=organisatie).update(
                organisatie=kopie
            )
            Reactie.objects.filter(praktijk_id=praktijk_id, doorgegeven_aan=organisatie).update(
                doorgegeven_aan=kopie
            )
            ExperimentOrganisatie.objects.filter(
                experiment__praktijk_id=praktijk_id, organisatie=organisatie
            ).update(organisatie=kopie)
            for oud, nieuw in personen.items():
                Experiment.objects.filter(praktijk_id=praktijk_id, eigenaar_id=oud).update(
                    eigenaar_id=nieuw
                )


class Migration(migrations.Migration):
    dependencies = [
        ("netwerk", "0005_organisatie_eigenaar"),
        ("experimenten", "0001_initial"),
        ("condities", "0004_mantelzorg_naar_eigen_app"),
        ("mantelzorg", "0001_initial"),
    ]

    operations = [migrations.RunPython(split, migrations.RunPython.noop)]
