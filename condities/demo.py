"""Two past workshops for Stein, so the dashboard shows scores and a trend."""

import datetime
import random

from django.utils import timezone

from condities import services
from condities.models import Actie, Antwoord, Conditie, Deelnemer, Sessie
from condities.selectors.sessies import stellingen_for_sessie
from netwerk.models import Deelname, User

# (title, days ago, mean per condition): the collaboration grows, Organisatie lags behind.
SESSIES = [
    (
        "Werkvorm vijf condities – voorjaar",
        180,
        {"ambitie": 3.4, "belangen": 2.8, "relatie": 3.1, "organisatie": 2.5, "proces": 2.9},
    ),
    (
        "Werkvorm vijf condities – najaar",
        40,
        {"ambitie": 4.0, "belangen": 3.3, "relatie": 3.9, "organisatie": 2.9, "proces": 3.5},
    ),
]

ACTIES = [
    ("relatie", "goed", "We kennen elkaar nu bij naam en bellen elkaar direct.", "", None),
    (
        "organisatie",
        "stap",
        "Per bijeenkomst vooraf afspreken wie het verslag maakt.",
        "Anouk Adviseur",
        14,
    ),
    (
        "belangen",
        "stap",
        "Elke partner vertelt in de ontwerpgroep wat hij wil halen en brengen.",
        "Samira El Amrani",
        30,
    ),
]


def sessies_load(*, praktijken: dict, users: dict[str, User]) -> None:
    """Create the past sessions once, with simulated answers, and close them."""
    stein = praktijken["stein"]
    facilitator = users["adviseur@stein.example"]
    deelnames = list(Deelname.objects.filter(praktijk=stein).select_related("organisatie"))
    rng = random.Random(2026)  # noqa: S311 - demo data, not security
    for titel, dagen, gemiddelden in SESSIES:
        if Sessie.objects.filter(praktijk=stein, titel=titel).exists():
            continue
        datum = timezone.localdate() - datetime.timedelta(days=dagen)
        sessie = services.sessie_create(
            praktijk=stein,
            titel=titel,
            datum=datum,
            modus=Sessie.Modus.LIVE,
            condities=Conditie.values,
            by=facilitator,
        )
        services.sessie_open(sessie=sessie, by=facilitator)
        stellingen = stellingen_for_sessie(sessie=sessie)
        antwoorden = []
        for i in range(18):
            deelname = deelnames[i % len(deelnames)]
            deelnemer = services.deelnemer_join(
                sessie=sessie, naam=f"Deelnemer {i + 1}", organisatie=deelname.organisatie
            )
            for stelling in stellingen:
                score = round(rng.gauss(gemiddelden[stelling.conditie], 0.8))
                antwoorden.append(
                    Antwoord(
                        deelnemer=deelnemer,
                        stelling=stelling,
                        score=None if rng.random() < 0.05 else min(5, max(1, score)),
                    )
                )
        for i in range(3):
            deelnemer = services.deelnemer_join(
                sessie=sessie, naam=f"Mantelzorger {i + 1}", mantelzorger=True
            )
            antwoorden += [
                Antwoord(deelnemer=deelnemer, stelling=s, score=rng.choice([2, 3, 3, 4]))
                for s in stellingen
            ]
        Antwoord.objects.bulk_create(antwoorden)
        Deelnemer.objects.filter(sessie=sessie).update(klaar_op=sessie.geopend_op)
        for conditie, soort, tekst, wie, over in ACTIES:
            Actie.objects.create(
                praktijk=sessie.praktijk,
                sessie=sessie,
                conditie=conditie,
                soort=soort,
                tekst=tekst,
                wie=wie,
                wanneer=datum + datetime.timedelta(days=over) if over else None,
            )
        services.sessie_close(sessie=sessie, by=facilitator)
