import datetime
import math
import secrets
from decimal import Decimal

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from condities import live
from condities.models import (
    ALLE,
    Actie,
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
from condities.selectors import sessie_resultaten, stellingen_for_sessie
from condities.standaardset import standaardset_create
from experimenten.models import Experiment, Fase
from experimenten.services import experiment_create
from netwerk.models import Deelname, Organisatie, Persoon, User
from praktijken.models import Praktijk

# No 0/O, 1/I/L: a code read from a projector must not be misread.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


class SessieGesloten(Exception):
    """The session is closed: answers can no longer change."""


def standaardset_get() -> Stellingenset:
    """The current version of the default statement set; made again if someone removed it."""
    stellingenset = (
        Stellingenset.objects.filter(praktijk__isnull=True, is_actueel=True)
        .order_by("-versie")
        .first()
    )
    if stellingenset is None:
        stellingenset = standaardset_create(
            stellingenset_model=Stellingenset, stelling_model=Stelling, open_vraag_model=OpenVraag
        )
    return stellingenset


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
        live.forget(sessie_pk=sessie.pk)
        return sessie
    raise RuntimeError("Could not find a free join code.")


def sessie_reveal(*, sessie: Sessie, condities: list[str]) -> Sessie:
    """Show these conditions' results on the presenter view (all of them with every code)."""
    wanted = set(sessie.onthuld) | (set(condities) & set(sessie.condities))
    sessie.onthuld = [code for code in Conditie.values if code in wanted]
    sessie.save(update_fields=["onthuld"])
    live.forget(sessie_pk=sessie.pk)
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
    (antwoord,) = Antwoord.objects.bulk_create(
        [Antwoord(deelnemer=deelnemer, stelling=stelling, score=score)],
        update_conflicts=True,
        unique_fields=["deelnemer", "stelling"],
        update_fields=["score", "updated_at"],
    )
    return antwoord  # as stored: the upsert leaves nothing to read back


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
    live.forget(sessie_pk=sessie.pk)
    resultaten = sessie_resultaten(sessie=sessie)
    scores = []
    for conditie in resultaten.condities:
        for groep, score in [(ALLE, conditie.totaal), *conditie.groepen.items()]:
            if not score.zichtbaar:
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


def samenvatting_versturen(*, sessie_id: int) -> int:
    """Mail the summary to each participant with an address, once each; returns how many sent."""
    sessie = (
        Sessie.objects.select_related("praktijk")
        .filter(pk=sessie_id, status=Sessie.Status.GESLOTEN)
        .first()
    )
    if sessie is None:
        return 0
    resultaten = sessie_resultaten(sessie=sessie)
    url = settings.SITE_URL + reverse(
        "condities:sessie_detail", kwargs={"slug": sessie.praktijk.slug, "pk": sessie.pk}
    )
    verstuurd = 0
    # Only those who answered something: an invitee who never took part gets no summary.
    ontvangers = (
        Deelnemer.objects.filter(
            sessie=sessie, samenvatting_op__isnull=True, antwoorden__isnull=False
        )
        .exclude(email="")
        .distinct()
    )
    for deelnemer in ontvangers:
        # Lock the row while mailing and mark it in the same transaction: a second run at the
        # same moment (a redelivered task, the sweep) skips it, a later run finds the mark.
        with transaction.atomic():
            if not (
                Deelnemer.objects.select_for_update(skip_locked=True)
                .filter(pk=deelnemer.pk, samenvatting_op__isnull=True)
                .values_list("pk", flat=True)
                .first()
            ):
                continue
            context = {
                "sessie": sessie,
                "resultaten": resultaten,
                "deelnemer": deelnemer,
                "url": url,
            }
            send_mail(
                subject=render_to_string(
                    "condities/email/samenvatting_onderwerp.txt", context
                ).strip(),
                message=render_to_string("condities/email/samenvatting.txt", context),
                from_email=None,
                recipient_list=[deelnemer.email],
            )
            Deelnemer.objects.filter(pk=deelnemer.pk).update(samenvatting_op=timezone.now())
        verstuurd += 1
    return verstuurd


# Summaries of sessions closed this long ago or less are sent by the sweep when still due.
SAMENVATTING_INHALEN_DAGEN = 7


def samenvattingen_inhalen(*, now: datetime.datetime | None = None) -> int:
    """Send the summaries a closing left unsent (the queue was away); returns how many went out.

    Only sessions closed in the last week, so an old session never mails out of the blue.
    """
    now = now or timezone.now()
    nog_te_sturen = Deelnemer.objects.filter(
        sessie=OuterRef("pk"), samenvatting_op__isnull=True, antwoorden__isnull=False
    ).exclude(email="")
    ids = Sessie.objects.filter(
        Exists(nog_te_sturen),
        status=Sessie.Status.GESLOTEN,
        gesloten_op__gte=now - datetime.timedelta(days=SAMENVATTING_INHALEN_DAGEN),
    ).values_list("pk", flat=True)
    return sum(samenvatting_versturen(sessie_id=pk) for pk in list(ids))


# Statement sets: editing a practice's set (views_rapport.stellingen_bewerken).


def _stellingteksten(stellingenset: Stellingenset) -> dict[str, list[str]]:
    """The set's statement texts per condition, in order (every condition, maybe empty)."""
    teksten: dict[str, list[str]] = {code: [] for code in Conditie.values}
    for stelling in stellingenset.stellingen.order_by("volgorde", "pk"):
        teksten.setdefault(stelling.conditie, []).append(stelling.tekst)
    return teksten


def _stellingenset_ongewijzigd(
    *, stellingenset: Stellingenset, stellingen: dict[str, list[str]], open_vragen: dict
) -> bool:
    huidig = _stellingteksten(stellingenset)
    vragen = {(v.conditie, v.soort): v.tekst for v in stellingenset.open_vragen.all()}
    return all(huidig.get(code, []) == teksten for code, teksten in stellingen.items()) and all(
        vragen.get((code, soort)) == tekst
        for code, per_soort in open_vragen.items()
        for soort, tekst in per_soort.items()
    )


@transaction.atomic
def stellingenset_save(
    *,
    stellingenset: Stellingenset,
    praktijk: Praktijk,
    stellingen: dict[str, list[str]],
    open_vragen: dict[str, dict[str, str]],
) -> Stellingenset:
    """Store new texts for a set: {conditie: [statement, ...]}, {conditie: {soort: question}}.

    Goes through `stellingenset_for_edit`, so a set that sessions used (or the default set) is
    copied to a new version first and their results keep the texts they were given. Nothing
    changed: the set is returned as it is, without a new version.
    """
    if _stellingenset_ongewijzigd(
        stellingenset=stellingenset, stellingen=stellingen, open_vragen=open_vragen
    ):
        return stellingenset
    doel = stellingenset_for_edit(stellingenset=stellingenset, praktijk=praktijk)
    # `doel` is unused by any session, so no answer or tally points at its statements: they are
    # rewritten in condition order; conditions not given keep their texts.
    teksten = _stellingteksten(doel)
    teksten.update(stellingen)
    doel.stellingen.all().delete()
    nieuw = []
    volgorde = 0
    for code in Conditie.values:
        for tekst in teksten.get(code, []):
            volgorde += 1
            nieuw.append(Stelling(set=doel, conditie=code, tekst=tekst, volgorde=volgorde))
    Stelling.objects.bulk_create(nieuw)
    for code, per_soort in open_vragen.items():
        for soort, tekst in per_soort.items():
            OpenVraag.objects.update_or_create(
                set=doel, conditie=code, soort=soort, defaults={"tekst": tekst}
            )
    return doel


# Check-ins between sessions (views_checkin, tasks): personal links by email, one reminder.

# Reading and rating one statement takes about this long; it tells invitees what to expect.
CHECKIN_SECONDEN_PER_STELLING = 20


@transaction.atomic
def checkin_create(
    *,
    praktijk: Praktijk,
    by: User,
    titel: str,
    datum,
    condities: list[str],
    stellingen: list[Stelling],
    herinnering_na_dagen: int,
    ontvangers: list[User],
) -> Sessie:
    """Create and open a check-in with a personal place (and secret link) for each recipient.

    The caller enqueues `checkin_uitnodigen_task` after the commit to mail the links.
    """
    sessie = sessie_create(
        praktijk=praktijk,
        titel=titel,
        datum=datum,
        modus=Sessie.Modus.ONLINE,
        condities=condities,
        by=by,
        soort=Sessie.Soort.CHECKIN,
        stellingen=stellingen,
        herinnering_na_dagen=herinnering_na_dagen,
    )
    sessie_open(sessie=sessie)
    personen = {
        p.user_id: p
        for p in Persoon.objects.filter(user__in=[u.pk for u in ontvangers]).select_related(
            "organisatie"
        )
    }
    groepen: dict[int | None, str] = {}
    deelnemers = []
    for user in ontvangers:
        persoon = personen.get(user.pk)
        organisatie = persoon.organisatie if persoon else None
        sleutel = organisatie.pk if organisatie else None
        if sleutel not in groepen:
            groepen[sleutel] = groep_for(
                praktijk=praktijk, organisatie=organisatie, mantelzorger=False
            )
        deelnemers.append(
            Deelnemer(
                sessie=sessie,
                user=user,
                naam=user.name,
                email=user.email,
                organisatie=organisatie,
                groep=groepen[sleutel],
                token=secrets.token_urlsafe(32),
            )
        )
    Deelnemer.objects.bulk_create(deelnemers)
    return sessie


def checkin_url(*, deelnemer: Deelnemer) -> str:
    """The participant's personal link: whoever has it answers as this participant."""
    return settings.SITE_URL + reverse("condities:checkin_link", kwargs={"token": deelnemer.token})


def _checkin_minuten(sessie: Sessie) -> tuple[int, int]:
    aantal = len(stellingen_for_sessie(sessie=sessie))
    return aantal, max(2, math.ceil(aantal * CHECKIN_SECONDEN_PER_STELLING / 60))


def _checkin_mail_once(
    *,
    sessie: Sessie,
    duur: tuple[int, int],
    deelnemer_id: int,
    veld: str,
    template: str,
    extra: Q | None = None,
) -> bool:
    """Mail one participant unless `veld` is already set; set it in the same transaction.
    `duur` is the check-in's (statements, minutes) from `_checkin_minuten`.

    The row lock (skipped when another worker holds it) keeps two runs from mailing twice.
    """
    with transaction.atomic():
        deelnemer = (
            Deelnemer.objects.select_for_update(skip_locked=True)
            .filter(extra or Q(), pk=deelnemer_id, sessie=sessie, **{f"{veld}__isnull": True})
            .exclude(email="")
            .first()
        )
        if deelnemer is None:
            return False
        aantal, minuten = duur
        # The invitee's language is unknown: the practice's language, Dutch.
        with translation.override(settings.LANGUAGE_CODE):
            context = {
                "sessie": sessie,
                "praktijk": sessie.praktijk,
                "deelnemer": deelnemer,
                "url": checkin_url(deelnemer=deelnemer),
                "aantal": aantal,
                "minuten": minuten,
            }
            subject = render_to_string(f"condities/email/{template}_onderwerp.txt", context)
            body = render_to_string(f"condities/email/{template}.txt", context)
        send_mail(
            subject=" ".join(subject.split()),
            message=body,
            from_email=None,
            recipient_list=[deelnemer.email],
        )
        Deelnemer.objects.filter(pk=deelnemer.pk).update(**{veld: timezone.now()})
    return True


def _open_checkin(sessie_id: int) -> Sessie | None:
    return (
        Sessie.objects.select_related("praktijk")
        .filter(pk=sessie_id, soort=Sessie.Soort.CHECKIN, status=Sessie.Status.OPEN)
        .first()
    )


def checkin_uitnodigingen_versturen(*, sessie_id: int) -> int:
    """Mail each participant of an open check-in their personal link, once; returns how many."""
    sessie = _open_checkin(sessie_id)
    if sessie is None:
        return 0
    ids = list(
        Deelnemer.objects.filter(sessie=sessie, uitgenodigd_op__isnull=True).values_list(
            "pk", flat=True
        )
    )
    if not ids:
        return 0
    duur = _checkin_minuten(sessie)
    return sum(
        _checkin_mail_once(
            sessie=sessie,
            duur=duur,
            deelnemer_id=pk,
            veld="uitgenodigd_op",
            template="checkin_uitnodiging",
        )
        for pk in ids
    )


def _nog_niets_gedaan() -> Q:
    """Not answered a single statement and not finished."""
    return Q(klaar_op__isnull=True) & ~Q(Exists(Antwoord.objects.filter(deelnemer=OuterRef("pk"))))


def checkin_herinneringen_versturen(*, now: datetime.datetime | None = None) -> int:
    """Send one reminder to each invitee of an open check-in who has done nothing yet.

    Only once the check-in's `herinnering_na_dagen` have passed since their invitation; each
    participant gets at most one reminder (`herinnerd_op`). Returns how many went out.
    """
    now = now or timezone.now()
    verstuurd = 0
    for sessie in Sessie.objects.filter(
        soort=Sessie.Soort.CHECKIN, status=Sessie.Status.OPEN
    ).select_related("praktijk"):
        grens = now - datetime.timedelta(days=sessie.herinnering_na_dagen)
        ids = list(
            Deelnemer.objects.filter(
                _nog_niets_gedaan(),
                sessie=sessie,
                uitgenodigd_op__lte=grens,
                herinnerd_op__isnull=True,
            ).values_list("pk", flat=True)
        )
        if not ids:
            continue
        duur = _checkin_minuten(sessie)
        verstuurd += sum(
            _checkin_mail_once(
                sessie=sessie,
                duur=duur,
                deelnemer_id=pk,
                veld="herinnerd_op",
                template="checkin_herinnering",
                extra=_nog_niets_gedaan(),
            )
            for pk in ids
        )
    return verstuurd


def checkin_uitnodigingen_inhalen() -> int:
    """Send invitations a failed task left unsent, for every open check-in (the daily sweep)."""
    ids = (
        Sessie.objects.filter(
            soort=Sessie.Soort.CHECKIN,
            status=Sessie.Status.OPEN,
            deelnemers__uitgenodigd_op__isnull=True,
        )
        .values_list("pk", flat=True)
        .distinct()
    )
    return sum(checkin_uitnodigingen_versturen(sessie_id=pk) for pk in list(ids))


@transaction.atomic
def actie_to_experiment(
    *, actie: Actie, by: User, ontwerpvraag, titel: str, doel: str, niveau: str
) -> Experiment:
    """Start an experiment (an idea, in the design phase) from an agreed next step."""
    actie = Actie.objects.select_for_update().get(pk=actie.pk)
    if actie.experiment_id:
        return actie.experiment
    experiment = experiment_create(
        praktijk=actie.sessie.praktijk,
        by=by,
        ontwerpvraag=ontwerpvraag,
        titel=titel,
        doel=doel,
        niveau=niveau,
        fase=Fase.VORMGEVEN,
        status=Experiment.Status.IDEE,
    )
    actie.experiment = experiment
    actie.save(update_fields=["experiment"])
    return experiment
