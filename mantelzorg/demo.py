"""Demo feedback from carers in Stein: a few answers from the public form, without contact
details, three of them marked as quotes the practice may share ("Jullie zeiden — wij deden")."""

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
