"""Reads about taking part: who a browser is in a session, their answers and progress."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Q

from condities import charts
from condities.models import Antwoord, Deelnemer, Respondentgroep, Sessie, Stelling
from netwerk.models import Deelname, Organisatie, User
from praktijken.models import Lidmaatschap, Praktijk


def respondentgroep_for(
    *, praktijk: Praktijk, organisatie: Organisatie | None, mantelzorger: bool
) -> str:
    """The group a participant answers for: carer/volunteer, or their organisation's group."""
    if mantelzorger:
        return Respondentgroep.MANTELZORGER
    if organisatie is None:
        return Respondentgroep.ANDERS
    groep = (
        Deelname.objects.filter(praktijk=praktijk, organisatie=organisatie)
        .values_list("groep", flat=True)
        .first()
    )
    return groep or Respondentgroep.ANDERS


def is_member(*, user: User | AnonymousUser, sessie: Sessie) -> bool:
    """Whether the user is a member of the session's practice (then they join by account)."""
    return (
        user.is_authenticated
        and Lidmaatschap.objects.filter(praktijk=sessie.praktijk_id, user=user).exists()
    )


def deelnemer_for_browser(
    *, sessie: Sessie, user: User | AnonymousUser, token: str | None
) -> Deelnemer | None:
    """The participant this browser is: by account, or by the token kept in its session."""
    if user.is_authenticated:
        deelnemer = Deelnemer.objects.filter(sessie=sessie, user=user).first()
        if deelnemer:
            return deelnemer
    if token:
        return Deelnemer.objects.filter(sessie=sessie, token=token).first()
    return None


def deelnemer_by_code(
    *, code: str, user: User | AnonymousUser, tokens: list[str]
) -> Deelnemer | None:
    """The participant this browser is in the session with this code, with the session: the
    same answer as `deelnemer_for_browser`, in one query for a guest (every answer click)."""
    if not code or (not tokens and not user.is_authenticated):
        return None
    deelnemers = Deelnemer.objects.select_related("sessie").filter(sessie__code=code)
    if user.is_authenticated:
        deelnemer = deelnemers.filter(user=user).order_by("-sessie_id").first()
        if deelnemer:
            return deelnemer
    return deelnemers.filter(token__in=tokens).order_by("-sessie_id").first() if tokens else None


def _voortgang(beantwoord: int, totaal: int) -> dict:
    return {
        "beantwoord": beantwoord,
        "totaal": totaal,
        "procent": charts.procent(beantwoord, totaal),
    }


def voortgang(*, deelnemer: Deelnemer, stellingen: list[Stelling]) -> dict:
    """How far a participant is: answered statements of the session's statements."""
    beantwoord = Antwoord.objects.filter(deelnemer=deelnemer, stelling__in=stellingen).count()
    return _voortgang(beantwoord, len(stellingen))


def voortgang_met(*, deelnemer: Deelnemer, stellingen: list[Stelling], stelling: Stelling) -> dict:
    """`voortgang` as it will be once this statement is answered (read before saving it)."""
    telling = Antwoord.objects.filter(deelnemer=deelnemer, stelling__in=stellingen).aggregate(
        beantwoord=Count("pk"), deze=Count("pk", filter=Q(stelling=stelling))
    )
    beantwoord = telling["beantwoord"] + (0 if telling["deze"] else 1)
    return _voortgang(min(beantwoord, len(stellingen)), len(stellingen))


def antwoorden_for_deelnemer(*, deelnemer: Deelnemer) -> dict[int, int | None]:
    """The participant's own answers: {stelling_id: score}. Only ever shown to themselves."""
    return dict(Antwoord.objects.filter(deelnemer=deelnemer).values_list("stelling_id", "score"))


@dataclass
class Aanmeldingen:
    """Many joins from one network in a short time: a room on one Wi-Fi, or ballot stuffing."""

    aantal: int
    van: datetime.datetime
    tot: datetime.datetime
    deelnemers: list[Deelnemer]  # each with `aantal_antwoorden`


def opvallende_aanmeldingen(*, sessie: Sessie) -> list[Aanmeldingen]:
    """Per network with at least AANMELDINGEN_OPVALLEND guest joins within
    AANMELDINGEN_VENSTER_MINUTEN minutes: the busiest such window, busiest network first
    (1 query). Members join with their account and are never in it."""
    venster = datetime.timedelta(minutes=settings.AANMELDINGEN_VENSTER_MINUTEN)
    drempel = settings.AANMELDINGEN_OPVALLEND
    per_herkomst: dict[str, list] = {}
    for deelnemer in (
        Deelnemer.objects.filter(sessie=sessie, user__isnull=True)
        .exclude(herkomst="")
        .annotate(aantal_antwoorden=Count("antwoorden"))
        .order_by("created_at", "pk")
    ):
        per_herkomst.setdefault(deelnemer.herkomst, []).append(deelnemer)
    clusters = []
    for deelnemers in per_herkomst.values():
        beste: list = []
        begin = 0
        for eind, deelnemer in enumerate(deelnemers):
            while deelnemer.created_at - deelnemers[begin].created_at > venster:
                begin += 1
            if eind + 1 - begin > len(beste):
                beste = deelnemers[begin : eind + 1]
        if len(beste) >= drempel:
            clusters.append(
                Aanmeldingen(
                    aantal=len(beste),
                    van=beste[0].created_at,
                    tot=beste[-1].created_at,
                    deelnemers=beste,
                )
            )
    return sorted(clusters, key=lambda c: -c.aantal)
