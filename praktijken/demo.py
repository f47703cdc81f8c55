"""The example practices for `manage.py demo`: Stein (complete) and Ede (to show isolation)."""

import datetime

from django.utils import timezone

from praktijken.models import Bijeenkomst, Ontwerpvraag, Praktijk, Programma, Verhaal

ONTWERPVRAGEN = [
    (
        "overgang",
        "Hoe kunnen we de overgang van thuis naar het verpleeghuis samen met de mantelzorger "
        "goed laten verlopen?",
        "De verhuizing naar het verpleeghuis is een ingrijpend moment. De mantelzorger kent de "
        "naaste het best en wil betrokken blijven.",
    ),
    (
        "huisarts",
        "Hoe kunnen we huisartsen en praktijkondersteuners de mantelzorger naast hun patiënt "
        "laten zien?",
        "De huisarts ziet de mantelzorger vaak, maar vraagt zelden hoe het met hem of haar gaat.",
    ),
    (
        "buurt",
        "Hoe kunnen we mantelzorgers in de buurt betrekken en met elkaar verbinden?",
        "Veel mantelzorgers zien zichzelf niet zo en vinden de weg naar steun in de buurt niet.",
    ),
]

VERHALEN = [
    (
        "De wijkverpleegkundige belde zelf",
        "Na het ontslag uit het ziekenhuis belde de wijkverpleegkundige mij op de eerste dag. "
        "Ik hoefde niets uit te leggen: ze had het verslag van de huisarts al gelezen.",
        "De wijkverpleegkundige en de praktijkondersteuner, die elkaar sinds de lerende praktijk "
        "kennen.",
        "Een warme overdracht tussen professionals, zodat de mantelzorger niet alles opnieuw "
        "hoeft te vertellen.",
        "Mevrouw Ramakers, mantelzorger voor haar man",
        "huisarts",
    ),
    (
        "Koffie in het buurthuis",
        "In het buurthuis kwamen mantelzorgers bij elkaar. Voor het eerst hoorde ik dat ik niet de "
        "enige was die het zwaar vond.",
        "De vrijwilligers van de Zonnebloem en het steunpunt mantelzorg.",
        "Plekken in de buurt waar mantelzorgers elkaar gewoon tegenkomen.",
        "Jan Houben, zoon en mantelzorger",
        "buurt",
    ),
    (
        "Een kennismaking vóór de verhuizing",
        "Voordat mijn moeder verhuisde, kwam de verzorgende van De Beekhof bij ons thuis. Ze vroeg "
        "wat mijn moeder fijn vindt, en wat ik zelf wil blijven doen.",
        "De teamleider van het verpleeghuis en de casemanager dementie.",
        "Mantelzorgers als partner behandelen, vanaf het eerste gesprek.",
        "Els Dassen, dochter",
        "overgang",
    ),
]


def praktijken_load() -> dict:
    """Create or update the demo practices and their questions, stories and meetings."""
    stein, _ = Praktijk.objects.update_or_create(
        slug="stein",
        defaults={
            "naam": "Lerende praktijk Stein",
            "gemeente": "Stein",
            "privacy_email": "privacy@stein.example",
            "kernthema": "Samen sterk op eigen wijze",
            "ambitie": (
                "Over vijf jaar weet elke mantelzorger in Stein bij wie hij terecht kan, en "
                "werken professionals en vrijwilligers zo samen dat niemand zijn verhaal twee "
                "keer hoeft te doen."
            ),
            "beschrijving": (
                "De gemeente Stein en zo'n twintig organisaties leren samen hoe ze mantelzorgers "
                "beter kunnen steunen, op drie niveaus: achter de voordeur, tussen professionals "
                "en in de buurt."
            ),
            "startdatum": datetime.date(2026, 1, 15),
            "einddatum": datetime.date(2027, 9, 30),
            "status": Praktijk.Status.ACTIEF,
        },
    )
    ede, _ = Praktijk.objects.update_or_create(
        slug="ede",
        defaults={
            "naam": "Lerende praktijk Ede",
            "gemeente": "Ede",
            "kernthema": "Mantelzorgers als volwaardige partner",
            "ambitie": "Mantelzorgers en professionals plannen de zorg samen.",
            "startdatum": datetime.date(2026, 3, 1),
            "status": Praktijk.Status.ACTIEF,
        },
    )
    vragen = {}
    for volgorde, (key, vraag, toelichting) in enumerate(ONTWERPVRAGEN, start=1):
        vragen[key], _ = Ontwerpvraag.objects.update_or_create(
            praktijk=stein,
            volgorde=volgorde,
            defaults={"vraag": vraag, "toelichting": toelichting},
        )
    Ontwerpvraag.objects.update_or_create(
        praktijk=ede,
        volgorde=1,
        defaults={"vraag": "Hoe kunnen we de zorg samen met de mantelzorger plannen?"},
    )
    verhalen = {}
    for titel, wat, wie, meer, verteller, vraag_key in VERHALEN:
        verhalen[titel], _ = Verhaal.objects.update_or_create(
            praktijk=stein,
            titel=titel,
            defaults={
                "wat_werkte": wat,
                "wie_maakte_het_mogelijk": wie,
                "meer_van": meer,
                "verteller": verteller,
                "ontwerpvraag": vragen[vraag_key],
            },
        )
    _bijeenkomsten_load(stein=stein, ede=ede)
    _programma_load(stein=stein, ede=ede)
    return {"stein": stein, "ede": ede, "vragen": vragen, "verhalen": verhalen}


# Stories Stein shares with the other practices of the programme (the library of lessons).
GEDEELDE_VERHALEN = ["De wijkverpleegkundige belde zelf", "Koffie in het buurthuis"]


def _programma_load(*, stein: Praktijk, ede: Praktijk) -> None:
    """The programme both demo practices are in, and the stories Stein shares with it.

    Safe whichever demo code makes the programme first: it is got by its slug, and a practice
    already in a programme keeps it."""
    programma, _ = Programma.objects.get_or_create(
        slug="in-voor-mantelzorg-thuis", defaults={"naam": "In voor mantelzorg-thuis"}
    )
    Praktijk.objects.filter(pk__in=[stein.pk, ede.pk], programma__isnull=True).update(
        programma=programma
    )
    Verhaal.objects.filter(
        praktijk=stein, titel__in=GEDEELDE_VERHALEN, gedeeld_op__isnull=True
    ).update(gedeeld_op=timezone.now())


def _bijeenkomsten_load(*, stein: Praktijk, ede: Praktijk) -> None:
    vandaag = timezone.localdate()
    tz = timezone.get_current_timezone()

    def at(days: int, hour: int) -> datetime.datetime:
        return datetime.datetime.combine(
            vandaag + datetime.timedelta(days=days), datetime.time(hour, 0), tzinfo=tz
        )

    meetings = [
        (
            stein,
            "Kerngroep: voorbereiding ontwerpgroep",
            Bijeenkomst.Soort.KERNGROEP,
            -21,
            "Gemeentehuis Stein, kamer 2",
            "1. Terugblik\n2. Voorbereiding ontwerpgroep\n3. Rondvraag",
            "Anouk Adviseur (gemeente)",
            "Steunpunt Mantelzorg",
            "We bereiden de ontwerpgroep voor. De huisartsen sluiten de volgende keer aan.",
        ),
        (
            stein,
            "Ontwerpgroep: waarderend onderzoeken",
            Bijeenkomst.Soort.ONTWERPGROEP,
            -14,
            "Buurthuis De Berg",
            "1. Succesverhalen delen in tweetallen\n2. Wat willen we meer?\n3. Ontwerpvragen",
            "Anouk Adviseur (gemeente)",
            "Welzijn Stein",
            "Twaalf verhalen opgehaald. Drie ontwerpvragen gekozen.",
        ),
        (
            stein,
            "Ontwerpgroep: experimenten kiezen",
            Bijeenkomst.Soort.ONTWERPGROEP,
            9,
            "Buurthuis De Berg",
            "1. Stand van de experimenten\n2. Tussenstapjes vieren\n3. Afspraken",
            "Anouk Adviseur (gemeente)",
            "Vrijwilligerscentrale Stein",
            "",
        ),
        (
            stein,
            "Werkvorm: vijf condities voor samenwerking",
            Bijeenkomst.Soort.WERKVORM,
            30,
            "Gemeentehuis Stein, raadzaal",
            "We kijken samen naar ambitie, belangen, relatie, organisatie en proces.",
            "Anouk Adviseur (gemeente)",
            "Steunpunt Mantelzorg",
            "",
        ),
        (
            ede,
            "Kerngroep Ede",
            Bijeenkomst.Soort.KERNGROEP,
            5,
            "Gemeentehuis Ede",
            "Kennismaking",
            "Gemeente Ede",
            "Welzijn Ede",
            "",
        ),
    ]
    for praktijk, titel, soort, dagen, locatie, agenda, planner, notulist, verslag in meetings:
        Bijeenkomst.objects.update_or_create(
            praktijk=praktijk,
            titel=titel,
            defaults={
                "soort": soort,
                "begint_op": at(dagen, 14),
                "eindigt_op": at(dagen, 16),
                "locatie": locatie,
                "agenda": agenda,
                "planner": planner,
                "notulist": notulist,
                "verslag": verslag,
            },
        )
