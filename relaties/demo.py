"""Demo rounds for `manage.py demo`: two relationship rounds in Stein a year apart, in which the
network visibly grows ("a year ago we did not even know each other"), and an open interests
round that two organisations have answered."""

import datetime
import random
import secrets

from django.utils import timezone

from netwerk.models import BelangenVersie, Deelname, Persoon
from netwerk.services.belangen import BELANGEN_VELDEN
from relaties.models import (
    STAP_NIVEAU,
    BelangenDeelnemer,
    Belangenronde,
    RelatieAntwoord,
    Relatieronde,
    RondeDeelnemer,
    Stap,
)
from relaties.services import kaart_store

# Per round: its title, how long ago it was held (days), and the chance that a pair is at least
# at each step (know who, contact, work together): the second round a year later is closer.
RONDES = [
    ("Relatieronde najaar 2025", 386, (0.4, 0.07, 0.03)),
    ("Relatieronde najaar 2026", 21, (0.7, 0.16, 0.08)),
]


def rondes_load(*, praktijken: dict) -> None:
    """Create Stein's two closed rounds once, with one respondent per organisation."""
    stein = praktijken["stein"]
    deelnames = list(
        Deelname.objects.filter(praktijk=stein, organisatie__eigenaar=stein).select_related(
            "organisatie"
        )
    )
    organisaties = [d.organisatie for d in deelnames]
    respondenten = {
        p.organisatie_id: p
        for p in Persoon.objects.filter(organisatie__in=organisaties).order_by("-pk")
    }
    # The same draw per pair in both rounds, so that ties only grow.
    rng = random.Random(15)  # noqa: S311 - demo data, the same every time
    trekking = {
        (a.pk, b.pk): rng.random() for a in organisaties for b in organisaties if a.pk != b.pk
    }
    for titel, dagen, kansen in RONDES:
        geopend = timezone.now() - datetime.timedelta(days=dagen)
        ronde, nieuw = Relatieronde.objects.get_or_create(
            praktijk=stein,
            titel=titel,
            defaults={
                "geopend_op": geopend,
                "sluit_op": geopend + datetime.timedelta(days=14),
                "gesloten_op": geopend + datetime.timedelta(days=14),
            },
        )
        if not nieuw:
            continue
        for organisatie in organisaties:
            persoon = respondenten.get(organisatie.pk)
            if persoon is None:
                continue
            deelnemer = RondeDeelnemer.objects.create(
                ronde=ronde,
                persoon=persoon,
                organisatie=organisatie,
                naam=persoon.naam,
                email=persoon.email,
                token=secrets.token_urlsafe(32),
                uitgenodigd_op=geopend,
                klaar_op=geopend + datetime.timedelta(days=3),
            )
            antwoorden = []
            for ander in organisaties:
                if ander.pk == organisatie.pk:
                    continue
                kans = trekking[(organisatie.pk, ander.pk)]
                stap = Stap.KENNEN_NIET
                for drempel, volgende in zip(kansen, Stap.values[1:], strict=True):
                    if kans < drempel:
                        stap = Stap(volgende)
                samen = STAP_NIVEAU[stap] == STAP_NIVEAU[Stap.WERKEN_SAMEN]
                antwoorden.append(
                    RelatieAntwoord(
                        ronde=ronde,
                        deelnemer=deelnemer,
                        van=organisatie,
                        over=ander,
                        stap=stap,
                        vertrouwen=rng.randint(3, 5) if samen else None,
                        waarde=rng.randint(2, 5) if samen else None,
                    )
                )
            RelatieAntwoord.objects.bulk_create(antwoorden)
        # The map, once per round: the second keeps the first's positions.
        kaart_store(ronde=ronde)
    belangenronde_load(praktijk=stein, deelnames=deelnames, respondenten=respondenten)


def belangenronde_load(*, praktijk, deelnames: list[Deelname], respondenten: dict) -> None:
    """An open interests round, sent four days ago; the first two organisations reviewed their
    interests (unchanged: that counts as discussed too)."""
    geopend = timezone.now() - datetime.timedelta(days=4)
    ronde, nieuw = Belangenronde.objects.get_or_create(
        praktijk=praktijk,
        titel="Onze belangen opnieuw bekeken",
        defaults={"geopend_op": geopend, "sluit_op": geopend + datetime.timedelta(days=14)},
    )
    if not nieuw:
        return
    for i, deelname in enumerate(deelnames):
        persoon = respondenten.get(deelname.organisatie_id)
        if persoon is None:
            continue
        klaar = geopend + datetime.timedelta(days=1, hours=i) if i < 2 else None
        BelangenDeelnemer.objects.create(
            ronde=ronde,
            persoon=persoon,
            organisatie=deelname.organisatie,
            naam=persoon.naam,
            email=persoon.email,
            token=secrets.token_urlsafe(32),
            uitgenodigd_op=geopend,
            klaar_op=klaar,
        )
        if klaar is not None:
            BelangenVersie.objects.create(
                deelname=deelname,
                door_naam=persoon.naam,
                op=klaar,
                **{veld: getattr(deelname, veld) for veld in BELANGEN_VELDEN},
            )
