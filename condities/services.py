import secrets
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from condities.models import (
    ALLE,
    Antwoord,
    Conditie,
    ConditieScore,
    Deelnemer,
    Groep,
    OpenVraag,
    PapierTelling,
    Sessie,
    Stelling,
    Stellingenset,
)
from condities.selectors import sessie_resultaten
from netwerk.models import Deelname, Organisatie, User
from praktijken.models import Praktijk

# No 0/O, 1/I/L: a code read from a projector must not be misread.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


class SessieGesloten(Exception):
    """The session is closed: answers can no longer change."""


def standaardset_get() -> Stellingenset:
    """The current version of the default statement set that ships with the app."""
    return Stellingenset.objects.filter(praktijk__isnull=True, is_actueel=True).latest("versie")


def stellingenset_for_praktijk(*, praktijk: Praktijk) -> Stellingenset:
    """The practice's own current set if it made one, else the default set."""
    eigen = Stellingenset.objects.filter(praktijk=praktijk, is_actueel=True).order_by("-versie")
    return eigen.first() or standaardset_get()


@transaction.atomic
def stellingenset_copy(*, bron: Stellingenset, praktijk: Praktijk, naam: str = "") -> Stellingenset:
    """Copy a set (statements and open questions) as a new version for the practice."""
    vorige = Stellingenset.objects.filter(praktijk=praktijk, is_actueel=True)
    versie = (vorige.order_by("-versie").values_list("versie", flat=True).first() or 0) + 1
    vorige.update(is_actueel=False)
    kopie = Stellingenset.objects.create(
        praktijk=praktijk,
        naam=naam or bron.naam,
        versie=versie,
        vorige_versie=bron,
        is_actueel=True,
    )
    Stelling.objects.bulk_create(
        Stelling(set=kopie, conditie=s.conditie, tekst=s.tekst, volgorde=s.volgorde)
        for s in bron.stellingen.all()
    )
    OpenVraag.objects.bulk_create(
        OpenVraag(set=kopie, conditie=v.conditie, soort=v.soort, tekst=v.tekst)
        for v in bron.open_vragen.all()
    )
    return kopie


def stellingenset_in_gebruik(*, stellingenset: Stellingenset) -> bool:
    return stellingenset.sessies.exists()


@transaction.atomic
def stellingenset_for_edit(*, stellingenset: Stellingenset, praktijk: Praktijk) -> Stellingenset:
    """The set to write changes into: a used or shared set is copied first, never changed."""
    if stellingenset.praktijk_id != praktijk.pk or stellingenset_in_gebruik(
        stellingenset=stellingenset
    ):
        return stellingenset_copy(bron=stellingenset, praktijk=praktijk)
    return stellingenset


def sessie_create(
    *,
    praktijk: Praktijk,
    titel: str,
    datum,
    modus: str,
    condities: list[str],
    by: User,
    soort: str = Sessie.Soort.WERKVORM,
    stellingen: list[Stelling] | None = None,
    herinnering_na_dagen: int = 7,
) -> Sessie:
    """Create a session (or check-in) on the practice's current statement set."""
    ordered = [code for code in Conditie.values if code in set(condities)]
    sessie = Sessie.objects.create(
        praktijk=praktijk,
        soort=soort,
        titel=titel,
        datum=datum,
        modus=modus,
        condities=ordered,
        stellingenset=stellingenset_for_praktijk(praktijk=praktijk),
        herinnering_na_dagen=herinnering_na_dagen,
        created_by=by,
    )
    if stellingen:
        sessie.stellingen.set(stellingen)
    return sessie


def sessie_open(*, sessie: Sessie) -> Sessie:
    """Open the session with a fresh join code that no other open session uses."""
    if sessie.status == Sessie.Status.GESLOTEN:
        raise SessieGesloten
    if sessie.is_open:
        return sessie
    for _attempt in range(20):
        sessie.code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        sessie.status = Sessie.Status.OPEN
        sessie.geopend_op = timezone.now()
        try:
            with transaction.atomic():
                sessie.save(update_fields=["code", "status", "geopend_op"])
        except IntegrityError:
            continue
        return sessie
    raise RuntimeError("Could not find a free join code.")


def sessie_reveal(*, sessie: Sessie, condities: list[str]) -> Sessie:
    """Show these conditions' results on the presenter view (all of them with every code)."""
    wanted = set(sessie.onthuld) | (set(condities) & set(sessie.condities))
    sessie.onthuld = [code for code in Conditie.values if code in wanted]
    sessie.save(update_fields=["onthuld"])
    return sessie


def groep_for(*, praktijk: Praktijk, organisatie: Organisatie | None, mantelzorger: bool) -> str:
    """The group a participant answers for: carer/volunteer, or their organisation's group."""
    if mantelzorger:
        return Groep.MANTELZORGER
    if organisatie is None:
        return Groep.ANDERS
    groep = (
        Deelname.objects.filter(praktijk=praktijk, organisatie=organisatie)
        .values_list("groep", flat=True)
        .first()
    )
    return groep or Groep.ANDERS


def deelnemer_join(
    *,
    sessie: Sessie,
    user: User | None = None,
    naam: str = "",
    organisatie: Organisatie | None = None,
    mantelzorger: bool = False,
    email: str = "",
) -> Deelnemer:
    """Add a participant; a member who joins twice gets their existing place back."""
    if not sessie.is_open:
        raise SessieGesloten
    if user is not None and user.is_authenticated:
        bestaand = Deelnemer.objects.filter(sessie=sessie, user=user).first()
        if bestaand:
            return bestaand
    else:
        user = None
    deelnemer = Deelnemer(
        sessie=sessie,
        user=user,
        naam=naam.strip(),
        organisatie=organisatie,
        groep=groep_for(
            praktijk=sessie.praktijk, organisatie=organisatie, mantelzorger=mantelzorger
        ),
        email=email.strip().lower(),
        token=secrets.token_urlsafe(32),
    )
    try:
        with transaction.atomic():
            deelnemer.save()
    except IntegrityError:
        # Two tabs of the same member joined at once: the other one won.
        return Deelnemer.objects.get(sessie=sessie, user=user)
    return deelnemer


def antwoord_save(*, deelnemer: Deelnemer, stelling: Stelling, score: int | None) -> Antwoord:
    """Store or change one answer: an upsert on (participant, statement), never two rows."""
    if not Sessie.objects.filter(pk=deelnemer.sessie_id, status=Sessie.Status.OPEN).exists():
        raise SessieGesloten
    Antwoord.objects.bulk_create(
        [Antwoord(deelnemer=deelnemer, stelling=stelling, score=score)],
        update_conflicts=True,
        unique_fields=["deelnemer", "stelling"],
        update_fields=["score", "updated_at"],
    )
    return Antwoord.objects.get(deelnemer=deelnemer, stelling=stelling)


def deelnemer_finish(*, deelnemer: Deelnemer) -> Deelnemer:
    if deelnemer.klaar_op is None:
        deelnemer.klaar_op = timezone.now()
        deelnemer.save(update_fields=["klaar_op"])
    return deelnemer


@transaction.atomic
def papier_tellingen_save(
    *, sessie: Sessie, formulieren: int, tellingen: dict[int, dict[int, int]]
) -> None:
    """Store the tallies from paper forms: {stelling_id: {score (0 = weet ik niet): count}}."""
    if sessie.status == Sessie.Status.GESLOTEN:
        raise SessieGesloten
    sessie.papieren_formulieren = formulieren
    sessie.save(update_fields=["papieren_formulieren"])
    PapierTelling.objects.filter(sessie=sessie).delete()
    PapierTelling.objects.bulk_create(
        PapierTelling(sessie=sessie, stelling_id=stelling_id, score=score, aantal=aantal)
        for stelling_id, per_score in tellingen.items()
        for score, aantal in per_score.items()
        if aantal
    )


def _decimal(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(round(value, 2)))


@transaction.atomic
def sessie_close(*, sessie: Sessie) -> Sessie:
    """Freeze the answers and write a ConditieScore per condition (overall and per group)."""
    sessie = Sessie.objects.select_for_update().get(pk=sessie.pk)
    if sessie.status == Sessie.Status.GESLOTEN:
        return sessie
    sessie.status = Sessie.Status.GESLOTEN
    sessie.gesloten_op = timezone.now()
    sessie.save(update_fields=["status", "gesloten_op"])
    resultaten = sessie_resultaten(sessie=sessie)
    scores = []
    for conditie in resultaten.condities:
        groepen = [(ALLE, conditie.totaal)] + [
            (code, score) for code, score in conditie.groepen.items() if score.zichtbaar
        ]
        for groep, score in groepen:
            if not score.respondenten:
                continue
            scores.append(
                ConditieScore(
                    praktijk_id=sessie.praktijk_id,
                    sessie=sessie,
                    bron=sessie.soort,
                    datum=sessie.datum,
                    conditie=conditie.code,
                    groep=groep,
                    gemiddelde=_decimal(score.gemiddelde),
                    spreiding=_decimal(score.spreiding),
                    respondenten=score.respondenten,
                )
            )
    ConditieScore.objects.bulk_create(scores)
    return sessie
