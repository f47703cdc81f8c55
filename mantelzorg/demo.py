"""Demo feedback from carers in Stein: a few answers from the public form, without contact
details, three of them marked as quotes the practice may share ("Jullie zeiden — wij deden");
and earlier forms in Stein and Ede, so the programme's "told my story" trend has quarters."""

import datetime

from django.utils import timezone

from experimenten.models import Experiment
from mantelzorg.models import Reactie

REACTIES = [
    {
        "wat_gaat_goed": (
            "Op de koffieochtend hoef ik mijn verhaal niet uit te leggen. Iedereen snapt het."
        ),
        "keer_verteld": 1,
        "experiment": "Mantelzorgers ontmoeten elkaar in de buurt",
        "deelbaar": True,
    },
    {
        "kan_beter": (
            "Ik moest bij de huisarts, de thuiszorg en de gemeente alles opnieuw vertellen."
        ),
        "keer_verteld": 6,
        "deelbaar": True,
    },
    {
        "meer_van": "Eén vast iemand die ik kan bellen als het even niet gaat.",
        "keer_verteld": 3,
        "deelbaar": True,
    },
    {
        "wat_gaat_goed": "De wijkverpleegkundige vroeg ook hoe het met míj ging.",
        "kan_beter": "Het steunpunt kende ik pas na twee jaar.",
        "keer_verteld": 4,
        "deelbaar": False,
    },
]


def reacties_load(*, praktijken: dict) -> None:
    """Create the demo feedback of Stein once (read, so nobody is mailed about it)."""
    stein = praktijken["stein"]
    nu = timezone.now()
    for data in REACTIES:
        tekst = {k: data.get(k, "") for k in ("wat_gaat_goed", "meer_van", "kan_beter")}
        experiment = (
            Experiment.objects.filter(praktijk=stein, titel=data["experiment"]).first()
            if "experiment" in data
            else None
        )
        Reactie.objects.get_or_create(
            praktijk=stein,
            **tekst,
            defaults={
                "keer_verteld": data["keer_verteld"],
                "experiment": experiment,
                "deelbaar": data["deelbaar"],
                "status": Reactie.Status.GELEZEN,
                "genotificeerd_op": nu,
            },
        )


# Earlier forms: (practice, quarters back, told my story N times, what could be better). Ede has
# fewer than k in its quarter, so the programme's overview shows no figure for it.
EERDER = [
    ("stein", 3, 6, "Bij elke nieuwe hulpverlener begon ik weer bij het begin."),
    ("stein", 3, 5, "Niemand wist wat de ander al had gevraagd."),
    ("stein", 3, 7, "Ik heb mijn verhaal wel zeven keer gedaan."),
    ("stein", 2, 4, "De thuiszorg en de huisarts spraken elkaar niet."),
    ("stein", 2, 5, "Het formulier van de gemeente vroeg alles opnieuw."),
    ("stein", 2, 3, "Het ging al iets beter dan vorig jaar."),
    ("stein", 1, 2, "De consulent had mijn gegevens al, dat scheelde."),
    ("stein", 1, 3, "Alleen bij het ziekenhuis moest ik alles opnieuw vertellen."),
    ("stein", 1, 2, "Eén vast aanspreekpunt, dat werkt."),
    ("stein", 1, 1, "Ik hoefde het maar één keer te vertellen."),
    ("ede", 1, 5, "Ik wist niet waar ik moest beginnen."),
    ("ede", 1, 4, "Veel loketten, veel vragen."),
]


def _kwartalen_terug(vandaag: datetime.date, terug: int) -> datetime.datetime:
    """The middle of the quarter `terug` quarters before the current one."""
    maanden = vandaag.year * 12 + (vandaag.month - 1) // 3 * 3 - 3 * terug + 1
    datum = datetime.date(maanden // 12, maanden % 12 + 1, 15)
    return timezone.make_aware(datetime.datetime.combine(datum, datetime.time(12)))


def reacties_eerder_load(*, praktijken: dict) -> None:
    """Create the earlier forms once (read, no text to share) and date them in past quarters."""
    nu = timezone.now()
    vandaag = timezone.localdate()
    for slug, terug, keer, kan_beter in EERDER:
        reactie, _created = Reactie.objects.get_or_create(
            praktijk=praktijken[slug],
            kan_beter=kan_beter,
            defaults={
                "keer_verteld": keer,
                "status": Reactie.Status.GELEZEN,
                "genotificeerd_op": nu,
            },
        )
        # created_at is set on create: move it to its quarter (again on every run, as time goes).
        Reactie.objects.filter(pk=reactie.pk).update(created_at=_kwartalen_terug(vandaag, terug))
