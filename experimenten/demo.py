"""The three experiments from the seed articles, with small steps and outcomes, for the demo."""

import datetime
from decimal import Decimal

from django.utils import timezone

from experimenten.models import Experiment, Fase, Indicator, Meting, Niveau, Opbrengst, Tussenstap
from netwerk.models import Organisatie, Persoon
from praktijken.models import Praktijk

EXPERIMENTEN = [
    {
        "vraag": "overgang",
        "titel": "Samen de verhuizing naar het verpleeghuis voorbereiden",
        "doel": (
            "De mantelzorger is vanaf het eerste gesprek partner bij de overgang van thuis naar "
            "het verpleeghuis, en weet wat hij of zij zelf wil blijven doen."
        ),
        "niveau": Niveau.ACHTER_DE_VOORDEUR,
        "fase": Fase.VERWEZENLIJKEN,
        "status": Experiment.Status.LOOPT,
        "eigenaar": "Yvonne Wetzels",
        "organisaties": [
            "Verpleeghuis De Beekhof",
            "Casemanagement Dementie Westelijke Mijnstreek",
            "Steunpunt Mantelzorg Stein",
        ],
        "verhalen": ["Een kennismaking vóór de verhuizing"],
        "start": datetime.date(2026, 4, 1),
        "stappen": [
            (
                datetime.date(2026, 4, 14),
                "Eerste kennismakingsgesprek thuis, vóór de verhuizing.",
                "Yvonne Wetzels",
            ),
            (
                datetime.date(2026, 5, 20),
                "Vragenlijst 'wat wil ik blijven doen' samen met mantelzorgers gemaakt.",
                "Marloes Jansen",
            ),
            (
                datetime.date(2026, 6, 30),
                "Vijf gezinnen doen mee; eerste ervaringen gedeeld in de ontwerpgroep.",
                "Bart Dassen",
            ),
        ],
        "opbrengsten": [
            (Opbrengst.Soort.WERKWIJZE, "Een kennismaking thuis vóór elke verhuizing."),
            (Opbrengst.Soort.TOOL, "De vragenlijst 'wat wil ik blijven doen'."),
        ],
    },
    {
        "vraag": "huisarts",
        "titel": "Huisartsen zien de mantelzorger",
        "doel": (
            "Huisartsen en praktijkondersteuners herkennen mantelzorgers en verwijzen hen op tijd "
            "naar het steunpunt."
        ),
        "niveau": Niveau.TUSSEN_PROFESSIONALS,
        "fase": Fase.VORMGEVEN,
        "status": Experiment.Status.LOOPT,
        "eigenaar": "Anja Coumans",
        "gedeeld": True,  # with the programme's library
        "organisaties": [
            "Huisartsenpraktijk Nieuwdorp",
            "Huisartsenpraktijk Elsloo",
            "Steunpunt Mantelzorg Stein",
        ],
        "verhalen": ["De wijkverpleegkundige belde zelf"],
        "start": datetime.date(2026, 3, 1),
        "stappen": [
            (
                datetime.date(2026, 3, 10),
                "Kennismaking tussen steunpunt en twee huisartsenpraktijken.",
                "Marloes Jansen",
            ),
            (
                datetime.date(2026, 4, 22),
                "De POH stelt bij elk huisbezoek de vraag: 'En hoe gaat het met u?'",
                "Anja Coumans",
            ),
        ],
        "opbrengsten": [
            (
                Opbrengst.Soort.SAMENWERKING,
                "De POH en de mantelzorgconsulent bellen elkaar direct.",
            ),
        ],
    },
    {
        "vraag": "buurt",
        "titel": "Mantelzorgers ontmoeten elkaar in de buurt",
        "doel": "Mantelzorgers vinden elkaar en de steun in hun eigen buurt.",
        "niveau": Niveau.BUURT,
        "fase": Fase.VERWEZENLIJKEN,
        "status": Experiment.Status.AFGEROND,
        "eigenaar": "Samira El Amrani",
        "gedeeld": True,
        "organisaties": ["Welzijn Stein", "De Zonnebloem afdeling Stein", "Alzheimer Café Stein"],
        "verhalen": ["Koffie in het buurthuis"],
        "start": datetime.date(2026, 2, 1),
        "eind": datetime.date(2026, 9, 30),
        "stappen": [
            (
                datetime.date(2026, 2, 15),
                "Eerste koffieochtend in buurthuis De Berg: 6 mantelzorgers.",
                "Samira El Amrani",
            ),
            (
                datetime.date(2026, 5, 15),
                "Vaste koffieochtend elke maand; 14 mantelzorgers.",
                "Trees Lemmens",
            ),
        ],
        "opbrengsten": [
            (
                Opbrengst.Soort.SAMENWERKING,
                "Welzijn, de Zonnebloem en het Alzheimer Café organiseren de ochtenden samen.",
            ),
            (
                Opbrengst.Soort.SOCIALE_KAART,
                "Een overzicht van steun in de buurt voor mantelzorgers.",
            ),
        ],
        "resultaat": "Elke maand een koffieochtend met gemiddeld twaalf mantelzorgers.",
        "lessen": "Mantelzorgers komen eerder op een gewone uitnodiging dan op een 'steungroep'.",
        "tip": "Noem het geen mantelzorgbijeenkomst: nodig uit voor koffie.",
    },
]


# An indicator with quarterly measurements on "Huisartsen zien de mantelzorger" (#15), so the
# experiment's page and the yield pages have a chart from the first `make run`.
INDICATOREN = {
    "Huisartsen zien de mantelzorger": [
        {
            "naam": "Verwijzingen naar het steunpunt mantelzorg per kwartaal",
            "eenheid": "verwijzingen",
            "nulmeting": Decimal("6"),
            "streefwaarde": Decimal("25"),
            "metingen": [
                (
                    datetime.date(2025, 12, 31),
                    Decimal("6"),
                    "Voor de start: vooral via de wijkverpleging.",
                ),
                (datetime.date(2026, 3, 31), Decimal("11"), "Twee huisartsenpraktijken doen mee."),
                (datetime.date(2026, 6, 30), Decimal("17"), ""),
                (
                    datetime.date(2026, 9, 30),
                    Decimal("21"),
                    "De POH vraagt standaard naar mantelzorg.",
                ),
            ],
        }
    ]
}


def indicatoren_load(*, experiment: Experiment) -> None:
    """Create or update the demo indicators of one experiment, with their measurements."""
    for data in INDICATOREN.get(experiment.titel, []):
        indicator, _ = Indicator.objects.update_or_create(
            experiment=experiment,
            naam=data["naam"],
            defaults={
                "eenheid": data["eenheid"],
                "nulmeting": data["nulmeting"],
                "streefwaarde": data["streefwaarde"],
            },
        )
        for datum, waarde, toelichting in data["metingen"]:
            Meting.objects.update_or_create(
                indicator=indicator,
                datum=datum,
                defaults={"waarde": waarde, "toelichting": toelichting},
            )


def experimenten_load(*, praktijken: dict) -> None:
    """Create or update the demo experiments of Stein, and the one Ede shares."""
    stein = praktijken["stein"]
    for data in EXPERIMENTEN:
        experiment, _ = Experiment.objects.update_or_create(
            praktijk=stein,
            titel=data["titel"],
            defaults={
                "ontwerpvraag": praktijken["vragen"][data["vraag"]],
                "doel": data["doel"],
                "niveau": data["niveau"],
                "fase": data["fase"],
                "status": data["status"],
                "eigenaar": Persoon.objects.filter(
                    naam=data["eigenaar"], organisatie__eigenaar=stein
                ).first(),
                "startdatum": data["start"],
                "einddatum": data.get("eind"),
                "resultaat": data.get("resultaat", ""),
                "lessen": data.get("lessen", ""),
                "tip": data.get("tip", ""),
            },
        )
        experiment.organisaties.set(
            Organisatie.objects.filter(naam__in=data["organisaties"], eigenaar=stein)
        )
        experiment.verhalen.set([praktijken["verhalen"][titel] for titel in data["verhalen"]])
        for datum, wat, wie in data["stappen"]:
            Tussenstap.objects.update_or_create(
                experiment=experiment, datum=datum, wat=wat, defaults={"wie": wie}
            )
        for soort, beschrijving in data["opbrengsten"]:
            Opbrengst.objects.get_or_create(
                experiment=experiment, soort=soort, beschrijving=beschrijving
            )
        indicatoren_load(experiment=experiment)
        if data.get("gedeeld"):
            _delen(experiment)
    _ede_load(praktijken["ede"])


def _delen(experiment: Experiment) -> None:
    """Share the experiment and its outcomes with the programme's library, once."""
    nu = timezone.now()
    Experiment.objects.filter(pk=experiment.pk, gedeeld_op__isnull=True).update(gedeeld_op=nu)
    experiment.opbrengsten.filter(gedeeld_op__isnull=True).update(gedeeld_op=nu)


def _ede_load(ede: Praktijk) -> None:
    """One experiment of Ede that it shares, so Stein finds a lesson of another practice."""
    experiment, _ = Experiment.objects.update_or_create(
        praktijk=ede,
        titel="Het zorgplan aan de keukentafel",
        defaults={
            "ontwerpvraag": ede.ontwerpvragen.order_by("volgorde").first(),
            "doel": "De mantelzorger maakt het zorgplan mee, thuis aan de keukentafel.",
            "niveau": Niveau.ACHTER_DE_VOORDEUR,
            "fase": Fase.VERWEZENLIJKEN,
            "status": Experiment.Status.AFGEROND,
            "startdatum": datetime.date(2026, 3, 15),
            "einddatum": datetime.date(2026, 10, 1),
            "resultaat": "Twintig zorgplannen samen met de mantelzorger gemaakt.",
            "lessen": "Plan het gesprek thuis en op een tijd die de mantelzorger kiest.",
            "tip": "Vraag eerst wat de mantelzorger zelf wil blijven doen.",
        },
    )
    Opbrengst.objects.get_or_create(
        experiment=experiment,
        soort=Opbrengst.Soort.WERKWIJZE,
        beschrijving="Elk zorgplan begint met een gesprek aan de keukentafel.",
    )
    _delen(experiment)
