"""Factories for the five conditions: statement sets, sessions, participants and their answers.

Tests that need a real flow (join codes, upserts, closing a session) keep going through
`condities.services`; these factories are for rows a test needs as they are.
"""

import datetime
import secrets
from decimal import Decimal

import factory
from django.utils import timezone

from condities.models import (
    ALLE,
    Actie,
    Antwoord,
    Conditie,
    ConditieScore,
    Deelnemer,
    OpenVraag,
    PapierTelling,
    Respondentgroep,
    Sessie,
    Stelling,
    Stellingenset,
)
from condities.services import CODE_ALPHABET, CODE_LENGTH
from tests.factories.netwerk import UserFactory
from tests.factories.praktijken import PraktijkFactory


def join_code(n: int) -> str:
    """The n-th join code: CODE_LENGTH letters of the app's own alphabet, unique per n."""
    letters = []
    for _ in range(CODE_LENGTH):
        n, rest = divmod(n, len(CODE_ALPHABET))
        letters.append(CODE_ALPHABET[rest])
    return "".join(reversed(letters))


class StellingensetFactory(factory.django.DjangoModelFactory):
    """A practice's own statement set (the default set, praktijk=None, ships by migration)."""

    class Meta:
        model = Stellingenset

    praktijk = factory.SubFactory(PraktijkFactory)
    naam = factory.Sequence(lambda n: f"Stellingen {n}")
    versie = 1
    is_actueel = True


class StellingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stelling

    set = factory.SubFactory(StellingensetFactory)
    conditie = Conditie.RELATIE
    tekst = factory.Sequence(lambda n: f"Ik weet wie ik bel over vraag {n}.")
    volgorde = factory.Sequence(lambda n: n)


class OpenVraagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OpenVraag

    set = factory.SubFactory(StellingensetFactory)
    conditie = Conditie.RELATIE
    soort = OpenVraag.Soort.GOED
    tekst = factory.Sequence(lambda n: f"Wanneer werkte je prettig samen ({n})?")


class SessieFactory(factory.django.DjangoModelFactory):
    """A workshop not opened yet; `SessieFactory(open=True)` opens it with a unique join code."""

    class Meta:
        model = Sessie

    class Params:
        open = factory.Trait(
            status=Sessie.Status.OPEN,
            code=factory.Sequence(join_code),
            geopend_op=factory.LazyFunction(timezone.now),
        )
        gesloten = factory.Trait(
            status=Sessie.Status.GESLOTEN,
            geopend_op=factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=2)),
            gesloten_op=factory.LazyFunction(timezone.now),
        )

    praktijk = factory.SubFactory(PraktijkFactory)
    soort = Sessie.Soort.WERKVORM
    titel = factory.Sequence(lambda n: f"Werkvorm {n}")
    datum = datetime.date(2026, 10, 1)
    modus = Sessie.Modus.LIVE
    condities = factory.LazyFunction(lambda: list(Conditie.values))
    stellingenset = factory.SubFactory(
        StellingensetFactory, praktijk=factory.SelfAttribute("..praktijk")
    )
    status = Sessie.Status.CONCEPT
    code = ""
    created_by = factory.SubFactory(UserFactory)


class DeelnemerFactory(factory.django.DjangoModelFactory):
    """An anonymous-account participant with a named guest's details and a fresh token."""

    class Meta:
        model = Deelnemer

    sessie = factory.SubFactory(SessieFactory, open=True)
    naam = factory.Sequence(lambda n: f"Deelnemer {n}")
    groep = Respondentgroep.ONTWERPGROEP
    # The same generator as services.deelnemer_join.
    token = factory.LazyFunction(lambda: secrets.token_urlsafe(32))


class AntwoordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Antwoord

    deelnemer = factory.SubFactory(DeelnemerFactory)
    stelling = factory.SubFactory(
        StellingFactory, set=factory.SelfAttribute("..deelnemer.sessie.stellingenset")
    )
    score = 4


class PapierTellingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PapierTelling

    sessie = factory.SubFactory(SessieFactory, modus=Sessie.Modus.PAPIER, open=True)
    stelling = factory.SubFactory(
        StellingFactory, set=factory.SelfAttribute("..sessie.stellingenset")
    )
    score = 4
    aantal = 1


class ActieFactory(factory.django.DjangoModelFactory):
    """An agreed small next step from a session's discussion."""

    class Meta:
        model = Actie

    sessie = factory.SubFactory(SessieFactory)
    praktijk = factory.SelfAttribute("sessie.praktijk")
    conditie = Conditie.RELATIE
    soort = Actie.Soort.STAP
    tekst = factory.Sequence(lambda n: f"Kennismaken met partner {n}")


class ConditieScoreFactory(factory.django.DjangoModelFactory):
    """A closed session's score for one condition over everybody."""

    class Meta:
        model = ConditieScore

    sessie = factory.SubFactory(SessieFactory, gesloten=True)
    praktijk = factory.SelfAttribute("sessie.praktijk")
    bron = factory.SelfAttribute("sessie.soort")
    datum = factory.SelfAttribute("sessie.datum")
    conditie = Conditie.RELATIE
    groep = ALLE
    gemiddelde = Decimal("3.50")
    spreiding = Decimal("0.50")
    respondenten = 3
