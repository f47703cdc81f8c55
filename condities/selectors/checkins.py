"""Reads about check-ins: whom they go to, personal links, and who responded."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Case, CharField, Exists, OuterRef, QuerySet, Value, When

from condities import disclosure
from condities.models import Antwoord, Deelnemer, Sessie
from netwerk.models import Persoon, User
from netwerk.selectors import organisaties_for_praktijk
from praktijken.models import Praktijk


def checkin_ontvangers(*, praktijk: Praktijk) -> QuerySet[User]:
    """Everybody with an account in the practice, by name: whom a check-in goes to by default."""
    return User.objects.filter(lidmaatschappen__praktijk=praktijk).order_by("name", "email")


def checkin_personen(*, praktijk: Praktijk) -> QuerySet[Persoon]:
    """The practice's persons with an e-mail address (its own organisations only), grouped by
    organisation: whom a check-in can go to without an account. A person linked to a member's
    account is left out: the member is listed with the accounts (one recipient, not two)."""
    return (
        Persoon.objects.filter(organisatie__in=organisaties_for_praktijk(praktijk=praktijk))
        .exclude(email="")
        .exclude(user__lidmaatschappen__praktijk=praktijk)
        .select_related("organisatie", "user")
        .order_by("organisatie__naam", "organisatie", "naam", "pk")
    )


def checkin_deelnemer_by_token(*, token: str) -> Deelnemer | None:
    """The check-in participant whose personal link this is, with the check-in and practice."""
    if not token:
        return None
    return (
        Deelnemer.objects.filter(token=token, sessie__soort=Sessie.Soort.CHECKIN)
        .select_related("sessie__praktijk")
        .first()
    )


@dataclass
class CheckinRespons:
    deelnemers: Sequence[Deelnemer]  # each with its `status` (see checkin_respons)
    uitgenodigd: int
    beantwoord: int
    klaar: int
    nog_niet: int
    niet_klaar: int  # invited, with an address, not finished: whom "remind now" reaches
    per_groep: list[disclosure.Respons]  # released by condities.disclosure; [] when no split

    @property
    def gereageerd(self) -> int:
        """Answered at least one statement, or finished."""
        return self.beantwoord + self.klaar


def checkin_respons(*, sessie: Sessie) -> CheckinRespons:
    """Who responded to a check-in, never what they answered (1 query).

    Each participant gets `status`: "klaar" (finished), "beantwoord" (answered at least one
    statement) or "nog_niet".
    """
    deelnemers = list(
        Deelnemer.objects.filter(sessie=sessie)
        .annotate(
            status=Case(
                When(klaar_op__isnull=False, then=Value("klaar")),
                When(
                    Exists(Antwoord.objects.filter(deelnemer=OuterRef("pk"))),
                    then=Value("beantwoord"),
                ),
                default=Value("nog_niet"),
                output_field=CharField(),
            )
        )
        .order_by("naam", "email", "pk")
    )
    klaar = sum(d.status == "klaar" for d in deelnemers)
    per_groep: dict[str, disclosure.Respons] = {}
    for d in deelnemers:
        respons = per_groep.setdefault(d.groep, disclosure.Respons(d.groep))
        respons.uitgenodigd += 1
        respons.gestart += d.status != "nog_niet"
        respons.klaar += d.status == "klaar"
    beantwoord = sum(d.status == "beantwoord" for d in deelnemers)
    return CheckinRespons(
        deelnemers=deelnemers,
        uitgenodigd=sum(d.uitgenodigd_op is not None for d in deelnemers),
        beantwoord=beantwoord,
        klaar=klaar,
        nog_niet=len(deelnemers) - klaar - beantwoord,
        niet_klaar=sum(
            d.status != "klaar" and d.uitgenodigd_op is not None and bool(d.email)
            for d in deelnemers
        ),
        per_groep=disclosure.respons_per_groep(per_groep),
    )
