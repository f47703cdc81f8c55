"""Demo accounts and the demo network for `manage.py demo`."""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.text import slugify

from netwerk.models import (
    Afspraak,
    BelangenVersie,
    Deelname,
    Genodigde,
    Levensdomein,
    Organisatie,
    Persoon,
    User,
)
from netwerk.services import user_ensure
from praktijken.models import Bijeenkomst, Lidmaatschap, Praktijk, Rol

DEMO_PASSWORD = "samen-sterk-demo"  # noqa: S105 - printed and used only when DEBUG is on


@dataclass(frozen=True)
class DemoAccount:
    email: str
    name: str
    role: str


DEMO_ACCOUNTS = [
    DemoAccount("adviseur@stein.example", "Anouk Adviseur", "facilitator"),
    DemoAccount("kerngroep@stein.example", "Samira El Amrani", "kerngroeplid"),
    DemoAccount("lid@stein.example", "Luuk Lid", "lid"),
    DemoAccount("adviseur@ede.example", "Bram de Vries", "facilitator (Ede)"),
    # In no practice: the team of the programme "In voor mantelzorg-thuis" (programma.demo).
    DemoAccount("team@invoormantelzorg.example", "Tessa Terpstra", "programme team"),
]


def accounts_load(*, with_password: bool) -> dict[str, User]:
    """Create or refresh the demo accounts; passwords only on a development machine."""
    return {
        account.email: user_ensure(
            email=account.email,
            name=account.name,
            password=DEMO_PASSWORD if with_password else None,
        )
        for account in DEMO_ACCOUNTS
    }


# (name, kind, domains, phone, neighbourhoods, group in Stein, interests, people)
# people: (name, function, expertise, call me for, contact person)
ORGANISATIES = [
    (
        "Gemeente Stein",
        "gemeente",
        ["welzijn", "wonen", "inkomen", "vervoer"],
        "046 435 93 93",
        "Stein, Elsloo, Urmond, Berg",
        "kerngroep",
        "Mantelzorgers beter ondersteunen met het geld voor de Wmo; minder losse projecten.",
        [
            (
                "Anouk Adviseur",
                "Beleidsadviseur Wmo",
                "mantelzorgbeleid",
                "Vragen over beleid en subsidies",
                True,
            )
        ],
    ),
    (
        "Steunpunt Mantelzorg Stein",
        "mantelzorgsteunpunt",
        ["zorg", "welzijn", "relaties"],
        "046 433 90 10",
        "Stein, Elsloo, Urmond, Berg",
        "kerngroep",
        "Mantelzorgers eerder in beeld, zodat ze niet pas komen als ze omvallen.",
        [
            (
                "Marloes Jansen",
                "Mantelzorgconsulent",
                "mantelzorgondersteuning, respijtzorg",
                "Een mantelzorger die het zwaar heeft; respijtzorg regelen",
                True,
            ),
            (
                "Luuk Lid",
                "Mantelzorgmakelaar",
                "regelzaken, aanvragen Wmo",
                "Hulp bij aanvragen en formulieren",
                False,
            ),
        ],
    ),
    (
        "Welzijn Stein",
        "welzijn",
        ["welzijn", "relaties", "vrije_tijd"],
        "046 426 12 00",
        "Stein, Elsloo",
        "kerngroep",
        "Vrijwilligers en professionals beter laten samenwerken.",
        [
            (
                "Samira El Amrani",
                "Opbouwwerker",
                "buurtactiviteiten",
                "Activiteiten in de buurt",
                True,
            )
        ],
    ),
    (
        "Vrijwilligerscentrale Stein",
        "vrijwilligersorganisatie",
        ["welzijn", "vervoer"],
        "046 426 44 44",
        "Stein",
        "kerngroep",
        "Meer vrijwilligers die mantelzorgers even ontlasten.",
        [
            (
                "Peter Hendriks",
                "Coördinator vrijwilligers",
                "vrijwillige inzet, maatjes",
                "Een vrijwilliger die even oppast of meegaat naar het ziekenhuis",
                True,
            )
        ],
    ),
    (
        "Wijkverpleging Stein-Zuid",
        "wijkverpleging",
        ["zorg"],
        "046 459 77 00",
        "Stein, Berg",
        "kerngroep",
        "Mantelzorgers zien als partner in de zorg thuis.",
        [
            (
                "Ingrid Vroemen",
                "Wijkverpleegkundige",
                "wijkverpleging, indicatie zorg thuis",
                "Zorg thuis na ziekenhuisopname; vragen over verpleging",
                True,
            )
        ],
    ),
    (
        "Thuiszorg Westelijke Mijnstreek",
        "thuiszorg",
        ["zorg"],
        "046 400 80 00",
        "Stein, Elsloo, Urmond",
        "ontwerpgroep",
        "Overdracht tussen zorgverleners verbeteren.",
        [
            (
                "Kim Bours",
                "Teamleider thuiszorg",
                "persoonlijke verzorging",
                "Thuiszorg starten of aanpassen",
                True,
            )
        ],
    ),
    (
        "Huisartsenpraktijk Nieuwdorp",
        "huisartsenpraktijk",
        ["zorg"],
        "046 433 21 21",
        "Nieuwdorp, Stein",
        "ontwerpgroep",
        "Mantelzorgers herkennen zonder extra werkdruk.",
        [
            (
                "Dr. Willem Schepers",
                "Huisarts",
                "huisartsenzorg",
                "Medische vragen over de patiënt",
                False,
            ),
            (
                "Anja Coumans",
                "Praktijkondersteuner ouderenzorg (POH)",
                "ouderenzorg, kwetsbare ouderen",
                "Zorgen over een kwetsbare oudere of de mantelzorger",
                True,
            ),
        ],
    ),
    (
        "Huisartsenpraktijk Elsloo",
        "huisartsenpraktijk",
        ["zorg"],
        "046 437 12 34",
        "Elsloo",
        "ontwerpgroep",
        "Weten waar we mantelzorgers naartoe kunnen verwijzen.",
        [
            (
                "Ruud Paulissen",
                "Praktijkondersteuner (POH)",
                "ouderenzorg",
                "Verwijzing naar het steunpunt",
                True,
            )
        ],
    ),
    (
        "Verpleeghuis De Beekhof",
        "verpleeghuis",
        ["zorg", "wonen"],
        "046 420 55 00",
        "Stein",
        "ontwerpgroep",
        "Mantelzorgers betrekken bij het leven in het verpleeghuis.",
        [
            (
                "Yvonne Wetzels",
                "Teamleider",
                "verhuizing naar het verpleeghuis",
                "Een kennismaking vóór de verhuizing",
                True,
            )
        ],
    ),
    (
        "Dagbesteding 't Ankerpunt",
        "dagbesteding",
        ["welzijn", "zorg"],
        "046 426 30 30",
        "Stein",
        "ontwerpgroep",
        "Meer mantelzorgers bereiken die dagbesteding nog niet kennen.",
        [
            (
                "Maud Janssen",
                "Coördinator dagbesteding",
                "dagbesteding dementie",
                "Dagbesteding als respijt",
                True,
            )
        ],
    ),
    (
        "Casemanagement Dementie Westelijke Mijnstreek",
        "wijkverpleging",
        ["zorg", "relaties"],
        "046 459 12 12",
        "Stein, Elsloo, Urmond, Berg",
        "ontwerpgroep",
        "Mantelzorgers van mensen met dementie eerder ondersteunen.",
        [
            (
                "Bart Dassen",
                "Casemanager dementie",
                "dementie",
                "Vragen over dementie en de mantelzorger",
                True,
            )
        ],
    ),
    (
        "Alzheimer Café Stein",
        "vrijwilligersorganisatie",
        ["welzijn", "relaties"],
        "",
        "Stein",
        "ontwerpgroep",
        "Een plek waar mantelzorgers elkaar ontmoeten.",
        [("Gerda Smeets", "Vrijwilliger", "lotgenotencontact", "Het Alzheimer Café", True)],
    ),
    (
        "Mantelzorgraad Stein",
        "clientenraad",
        ["welzijn"],
        "",
        "Stein",
        "ontwerpgroep",
        "De stem van mantelzorgers aan tafel.",
        [
            (
                "Jan Houben",
                "Voorzitter, zelf mantelzorger",
                "ervaringskennis",
                "Hoe mantelzorgers het zien",
                True,
            )
        ],
    ),
    (
        "Sociaal Wijkteam Stein",
        "gemeente",
        ["wonen", "inkomen", "welzijn", "zorg"],
        "046 435 94 00",
        "Stein, Elsloo, Urmond, Berg",
        "ontwerpgroep",
        "Eén plan voor een gezin, met de mantelzorger erbij.",
        [
            (
                "Noor Claessens",
                "Consulent Wmo",
                "Wmo-voorzieningen, keukentafelgesprek",
                "Een keukentafelgesprek aanvragen",
                True,
            )
        ],
    ),
    (
        "De Zonnebloem afdeling Stein",
        "vrijwilligersorganisatie",
        ["vrije_tijd", "welzijn"],
        "",
        "Stein, Urmond",
        "ontwerpgroep",
        "Uitjes voor mensen met een beperking en hun mantelzorger.",
        [("Trees Lemmens", "Vrijwilliger", "uitjes", "Een dagje uit", True)],
    ),
    (
        "KBO Stein",
        "vrijwilligersorganisatie",
        ["welzijn", "relaties"],
        "",
        "Stein, Berg",
        "ontwerpgroep",
        "Ouderen en hun mantelzorgers langer thuis laten wonen.",
        [
            (
                "Harrie Bemelmans",
                "Ouderenadviseur",
                "ouderenadvies",
                "Advies aan huis voor ouderen",
                True,
            )
        ],
    ),
    (
        "Woningstichting Stein",
        "anders",
        ["wonen"],
        "046 433 60 00",
        "Stein, Elsloo",
        "ontwerpgroep",
        "Woningen aanpassen zodat mantelzorg thuis kan.",
        [("Sanne Vos", "Wijkconsulent", "woningaanpassing", "Een aangepaste woning", True)],
    ),
    (
        "Regiotaxi Westelijke Mijnstreek",
        "anders",
        ["vervoer"],
        "088 011 22 33",
        "Stein, Elsloo, Urmond, Berg",
        "ontwerpgroep",
        "Vervoer voor wie niet zelf kan rijden.",
        [
            (
                "Tom Kusters",
                "Klantadviseur",
                "Wmo-vervoer",
                "Vervoer naar dagbesteding of ziekenhuis",
                True,
            )
        ],
    ),
    (
        "GGZ Wijkteam Stein",
        "ggz",
        ["zorg", "relaties"],
        "046 444 11 11",
        "Stein",
        "ontwerpgroep",
        "Mantelzorgers van mensen met psychische klachten niet vergeten.",
        [
            (
                "Lisa Frissen",
                "Sociaal psychiatrisch verpleegkundige",
                "psychische klachten",
                "Zorgen over iemand met psychische klachten",
                True,
            )
        ],
    ),
    (
        "Apotheek Stein",
        "anders",
        ["zorg"],
        "046 433 15 15",
        "Stein",
        "ontwerpgroep",
        "Medicatie goed geregeld, ook als de mantelzorger het overneemt.",
        [("Eva Leunissen", "Apotheker", "medicatie", "Vragen over medicijnen", True)],
    ),
]

EDE_ORGANISATIES = [
    (
        "Gemeente Ede",
        "gemeente",
        ["welzijn"],
        "0318 680 680",
        "Ede-Zuid, Veldhuizen",
        "kerngroep",
        "Mantelzorgers ontlasten.",
        [("Bram de Vries", "Beleidsadviseur", "mantelzorgbeleid", "Beleid", True)],
    ),
    (
        "Welzijn Ede",
        "welzijn",
        ["welzijn"],
        "0318 000 000",
        "Ede-Zuid",
        "ontwerpgroep",
        "Vrijwilligers inzetten.",
        [("Fenna Bakker", "Consulent", "mantelzorg", "Steun voor mantelzorgers", True)],
    ),
]

AFSPRAKEN = [
    ("planning", "De gemeente plant de bijeenkomsten en nodigt uit.", "Anouk Adviseur (gemeente)"),
    (
        "verslag",
        "Het steunpunt maakt van elke bijeenkomst een kort verslag met afspraken.",
        "Steunpunt Mantelzorg Stein",
    ),
    ("tijd", "Ontwerpgroepleden steken ongeveer vier uur per maand in de lerende praktijk.", ""),
    ("besluitvorming", "De kerngroep bereidt voor; de ontwerpgroep beslist over experimenten.", ""),
]

DEMO_ROLLEN = {
    "adviseur@stein.example": ("stein", Rol.FACILITATOR, ("Gemeente Stein", "Anouk Adviseur")),
    "kerngroep@stein.example": ("stein", Rol.KERNGROEPLID, ("Welzijn Stein", "Samira El Amrani")),
    "lid@stein.example": ("stein", Rol.LID, ("Steunpunt Mantelzorg Stein", "Luuk Lid")),
    "adviseur@ede.example": ("ede", Rol.FACILITATOR, ("Gemeente Ede", "Bram de Vries")),
}


def _organisaties_load(*, praktijk: Praktijk, rows: list) -> dict[str, Organisatie]:
    domeinen = {
        code: Levensdomein.objects.get_or_create(code=code)[0] for code in Levensdomein.Code.values
    }
    organisaties = {}
    for naam, soort, codes, telefoon, wijken, groep, belangen, mensen in rows:
        # Each practice has its own entry of an organisation, even with the same name.
        organisatie, _ = Organisatie.objects.update_or_create(
            naam=naam,
            eigenaar=praktijk,
            defaults={
                "soort": soort,
                "telefoon": telefoon,
                "wijken": wijken,
                "plaats": praktijk.gemeente,
                "email": f"info@{slugify(naam)}.example",
                "bevestigd_op": timezone.now(),
            },
        )
        organisatie.levensdomeinen.set([domeinen[code] for code in codes])
        Deelname.objects.update_or_create(
            praktijk=praktijk,
            organisatie=organisatie,
            defaults={"groep": groep, "belangen": belangen},
        )
        for persoon_naam, functie, expertise, bel_mij_voor, contact in mensen:
            Persoon.objects.update_or_create(
                naam=persoon_naam,
                organisatie=organisatie,
                defaults={
                    "functie": functie,
                    "expertise": expertise,
                    "bel_mij_voor": bel_mij_voor,
                    "is_contactpersoon": contact,
                    "telefoon": telefoon,
                    "email": f"{slugify(persoon_naam)}@{slugify(naam)}.example",
                    "bevestigd_op": timezone.now(),
                },
            )
        organisaties[naam] = organisatie
    return organisaties


def netwerk_load(*, praktijken: dict, users: dict[str, User]) -> dict[str, Organisatie]:
    """The organisations, people, groups, agreements and roles of the demo practices."""
    stein, ede = praktijken["stein"], praktijken["ede"]
    organisaties = _organisaties_load(praktijk=stein, rows=ORGANISATIES)
    _organisaties_load(praktijk=ede, rows=EDE_ORGANISATIES)
    for onderwerp, tekst, wie in AFSPRAKEN:
        Afspraak.objects.update_or_create(
            praktijk=stein, onderwerp=onderwerp, defaults={"afspraak": tekst, "wie": wie}
        )
    for email, (slug, rol, (org_naam, persoon_naam)) in DEMO_ROLLEN.items():
        user = users[email]
        Lidmaatschap.objects.update_or_create(
            praktijk=praktijken[slug], user=user, defaults={"rol": rol}
        )
        Persoon.objects.filter(
            naam=persoon_naam, organisatie__naam=org_naam, organisatie__eigenaar=praktijken[slug]
        ).update(user=user)
    _bijeenkomst_mensen_load(praktijk=stein)
    _belangen_load(praktijk=stein, users=users)
    return organisaties


# Stein's next meeting: planner and minute-taker are people of the map, and a few are invited
# (shown as invited already; the demo mails nobody).
VOLGENDE_BIJEENKOMST = "Ontwerpgroep: experimenten kiezen"
PLANNER, NOTULIST = "Anouk Adviseur", "Samira El Amrani"
GENODIGDEN = 6


def _bijeenkomst_mensen_load(*, praktijk: Praktijk) -> None:
    bijeenkomst = Bijeenkomst.objects.filter(praktijk=praktijk, titel=VOLGENDE_BIJEENKOMST).first()
    if bijeenkomst is None:
        return
    personen = Persoon.objects.filter(
        organisatie__eigenaar=praktijk, organisatie__deelnames__praktijk=praktijk
    ).order_by("pk")
    gekozen = {p.naam: p for p in personen if p.naam in (PLANNER, NOTULIST)}
    gekozen.update({p.naam: p for p in personen.exclude(email="")[:GENODIGDEN]})
    now = timezone.now()
    if bijeenkomst.uitnodiging_verstuurd_op is None:
        bijeenkomst.uitnodiging_verstuurd_op = now
        bijeenkomst.save(update_fields=["uitnodiging_verstuurd_op"])
    Genodigde.objects.filter(bijeenkomst=bijeenkomst).update(is_planner=False, is_notulist=False)
    for naam, persoon in gekozen.items():
        Genodigde.objects.update_or_create(
            bijeenkomst=bijeenkomst,
            persoon=persoon,
            defaults={
                "is_planner": naam == PLANNER,
                "is_notulist": naam == NOTULIST,
                "volgnummer_verstuurd": bijeenkomst.ics_volgnummer,
                "uitgenodigd_op": now,
            },
        )


# Interests stated by the organisations' own members, revisited a year later (issue #15):
# (organisation, author's email, days ago, interests, contribution, time, what home expects).
BELANGEN_VERSIES = [
    (
        "Steunpunt Mantelzorg Stein",
        "lid@stein.example",
        400,
        "Meer mantelzorgers bereiken die nu nog buiten beeld zijn.",
        "Onze mantelzorgconsulenten en de respijtzorg-lijst.",
        "4 uur per maand",
        "Meer aanmeldingen bij het steunpunt.",
    ),
    (
        "Steunpunt Mantelzorg Stein",
        "lid@stein.example",
        30,
        "Mantelzorgers eerder bereiken, vóór ze overbelast raken; samen met de huisartsen.",
        "Onze mantelzorgconsulenten, de respijtzorg-lijst en een spreekuur bij de huisarts.",
        "6 uur per maand",
        "Meer verwijzingen van huisartsen en wijkverpleging, en minder crisisaanmeldingen.",
    ),
    (
        "Welzijn Stein",
        "kerngroep@stein.example",
        60,
        "Vrijwilligers en mantelzorgers in de wijk met elkaar verbinden.",
        "Ruimte in het buurthuis en de koffie-ochtenden.",
        "8 uur per maand",
        "Dat de koffie-ochtenden goed bezocht worden.",
    ),
]


def _belangen_load(*, praktijk: Praktijk, users: dict[str, User]) -> None:
    """Versions of interests by the organisations' own members; the latest is the current one."""
    vandaag = timezone.localdate()
    for naam, email, dagen, belangen, bijdrage, tijd, verwachting in BELANGEN_VERSIES:
        deelname = Deelname.objects.get(praktijk=praktijk, organisatie__naam=naam)
        dag = vandaag - datetime.timedelta(days=dagen)
        op = timezone.make_aware(datetime.datetime.combine(dag, datetime.time(10)))
        waarden = {
            "belangen": belangen,
            "bijdrage": bijdrage,
            "tijdsinvestering": tijd,
            "verwachting": verwachting,
        }
        # Keyed on the author and text: the same version once, however often the demo runs.
        BelangenVersie.objects.update_or_create(
            deelname=deelname,
            door=users[email],
            belangen=belangen,
            defaults={**waarden, "op": op},
        )
        laatste = deelname.belangen_versies.order_by("-op", "-pk").first()
        if laatste is not None:
            Deelname.objects.filter(pk=deelname.pk).update(
                **{veld: getattr(laatste, veld) for veld in waarden}
            )
