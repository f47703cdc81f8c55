"""The network of a practice: organisations joining it, their participations and agreements."""

from django.db import IntegrityError, transaction

from netwerk.models import Afspraak, Deelname, DeelnameWijziging, Organisatie, User
from netwerk.services.belangen import BELANGEN_VELDEN, belangen_versie_if_changed
from praktijken.audit import gebeurtenis_record
from praktijken.models import Praktijk


class DeelnameBestaatAl(Exception):
    """The organisation already takes part in this practice."""


# The fields of an organisation's entry that a practice-local copy starts from. Not its people,
# its participations or when it was confirmed: those are the other practice's.
KOPIE_VELDEN = [
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
]


@transaction.atomic
def organisatie_create(*, naam: str, soort: str, eigenaar: Praktijk) -> Organisatie:
    """A new organisation, known by name and kind, in the practice's own entry."""
    return Organisatie.objects.create(naam=naam.strip(), soort=soort, eigenaar=eigenaar)


@transaction.atomic
def organisatie_copy(*, organisatie: Organisatie, eigenaar: Praktijk) -> Organisatie:
    """The practice's own entry of another practice's organisation: made once, then reused.

    Copies the organisation's own fields and domains; the original is not changed."""
    if organisatie.eigenaar_id == eigenaar.pk:
        return organisatie
    bestaand = Organisatie.objects.filter(eigenaar=eigenaar, bron=organisatie).first()
    if bestaand is not None:
        return bestaand
    try:
        with transaction.atomic():
            kopie = Organisatie.objects.create(
                eigenaar=eigenaar,
                bron=organisatie,
                **{veld: getattr(organisatie, veld) for veld in KOPIE_VELDEN},
            )
    except IntegrityError:  # two editors at once: the first one's copy is the practice's
        return Organisatie.objects.get(eigenaar=eigenaar, bron=organisatie)
    kopie.levensdomeinen.set(organisatie.levensdomeinen.all())
    return kopie


@transaction.atomic
def deelname_create(
    *,
    praktijk: Praktijk,
    organisatie: Organisatie,
    groep: str,
    by: User,
    belangen: str = "",
    bijdrage: str = "",
    tijdsinvestering: str = "",
) -> Deelname:
    """Let an organisation of the practice join its core or design group, and record that."""
    if organisatie.eigenaar_id != praktijk.pk:
        raise ValueError("The organisation belongs to another practice.")
    if Deelname.objects.filter(praktijk=praktijk, organisatie=organisatie).exists():
        raise DeelnameBestaatAl
    try:
        with transaction.atomic():
            deelname = Deelname.objects.create(
                praktijk=praktijk,
                organisatie=organisatie,
                groep=groep,
                belangen=belangen,
                bijdrage=bijdrage,
                tijdsinvestering=tijdsinvestering,
            )
    except IntegrityError as exc:  # two editors at once: the constraint has the last word
        raise DeelnameBestaatAl from exc
    DeelnameWijziging.objects.create(deelname=deelname, van_groep="", naar_groep=groep, door=by)
    gebeurtenis_record(praktijk=praktijk, by=by, actie="deelname.create", obj=deelname)
    return deelname


@transaction.atomic
def organisatie_join(
    *,
    praktijk: Praktijk,
    organisatie: Organisatie | None,
    nieuwe_naam: str,
    nieuwe_soort: str,
    groep: str,
    by: User,
    belangen: str = "",
    bijdrage: str = "",
    tijdsinvestering: str = "",
) -> Deelname:
    """Let an existing organisation join, or a new one by name and kind: both saved, or neither.

    An organisation of another practice (or of none) joins as the practice's own copy."""
    if organisatie is None:
        organisatie = organisatie_create(naam=nieuwe_naam, soort=nieuwe_soort, eigenaar=praktijk)
    else:
        organisatie = organisatie_copy(organisatie=organisatie, eigenaar=praktijk)
    return deelname_create(
        praktijk=praktijk,
        organisatie=organisatie,
        groep=groep,
        by=by,
        belangen=belangen,
        bijdrage=bijdrage,
        tijdsinvestering=tijdsinvestering,
    )


@transaction.atomic
def deelname_update(
    *,
    deelname: Deelname,
    by: User,
    groep: str,
    belangen: str,
    bijdrage: str,
    tijdsinvestering: str,
) -> Deelname:
    """Change a participation; a move between the groups is kept in its history."""
    van, *vorige = (
        Deelname.objects.select_for_update()
        .values_list("groep", *BELANGEN_VELDEN)
        .get(pk=deelname.pk)
    )
    deelname.groep = groep
    deelname.belangen = belangen
    deelname.bijdrage = bijdrage
    deelname.tijdsinvestering = tijdsinvestering
    deelname.save()
    belangen_versie_if_changed(
        deelname=deelname, by=by, vorige=dict(zip(BELANGEN_VELDEN, vorige, strict=True))
    )
    if van != groep:
        DeelnameWijziging.objects.create(
            deelname=deelname, van_groep=van, naar_groep=groep, door=by
        )
    gebeurtenis_record(praktijk=deelname.praktijk, by=by, actie="deelname.update", obj=deelname)
    return deelname


@transaction.atomic
def afspraak_save(
    *,
    praktijk: Praktijk,
    by: User,
    onderwerp: str,
    afspraak: str,
    wie: str,
    instance: Afspraak | None,
) -> Afspraak:
    """Create or change a working agreement of the practice's network."""
    actie = "afspraak.update" if instance is not None else "afspraak.create"
    instance = instance or Afspraak(praktijk=praktijk)
    if instance.praktijk_id != praktijk.pk:
        raise ValueError("The agreement belongs to another practice.")
    instance.onderwerp = onderwerp
    instance.afspraak = afspraak
    instance.wie = wie
    instance.save()
    gebeurtenis_record(praktijk=praktijk, by=by, actie=actie, obj=instance)
    return instance


@transaction.atomic
def afspraak_delete(*, afspraak: Afspraak, by: User) -> None:
    """Remove a working agreement."""
    # Recorded first, while the agreement still has its id.
    gebeurtenis_record(praktijk=afspraak.praktijk, by=by, actie="afspraak.delete", obj=afspraak)
    afspraak.delete()
