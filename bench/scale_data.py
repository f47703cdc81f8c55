"""The data-scale run's data (bench/scale.py): the small and the large installation.

The SMALL installation is the demo plus an open session in Stein with 30 participants. The LARGE
one grows the database with bulk inserts (COPY for the answers and the carers' feedback) to 50
practices, 5,000 organisations, 20,000 people, 2,000 sessions, 500,000 answers and 50,000
feedback items in all (times `factor`, BENCH_SCALE). One of the new practices is the one
measured: an ordinary practice of 100 organisations, 400 people, 40 sessions and about 11,000
answers (its size does not change with the factor), while the other 49 hold the rest.

Runs inside a configured Django (bench.scale sets it up); measuring is bench.scale's.
"""

import datetime
import io
import random
import secrets
import time
from collections.abc import Iterable
from dataclasses import dataclass

from psycopg import sql

# The large installation: totals over the whole database (the demo's rows included).
PRAKTIJKEN = 50
ORGANISATIES = 5_000
PERSONEN = 20_000
SESSIES = 2_000
ANTWOORDEN = 500_000
REACTIES = 50_000

# The practice measured in the large installation.
GROOT_ORGANISATIES = 100
GROOT_PERSONEN = 400
GROOT_SESSIES = 40  # one of them open, for the room's screen
GROOT_LIVE_DEELNEMERS = 300  # in the open session
GROOT_DEELNEMERS_PER_SESSIE = 4  # in each closed session
GROOT_REACTIES = 1_000

# The small installation: the demo, plus an open session in Stein with this many participants.
KLEIN_LIVE_DEELNEMERS = 30

BATCH = 5_000


def say(message: str) -> None:
    print(f"[scale] {message}", flush=True)


# --- Bulk writing. ----------------------------------------------------------------------------


def _copy(model, rows: Iterable[dict]) -> int:
    """COPY rows (dicts by attribute name) into the model's table; absent fields get their
    default. Every concrete field except the primary key is written."""
    from django.db import connection

    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    defaults = {f.attname: f.get_default() for f in fields}
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(model._meta.db_table),
        sql.SQL(", ").join(sql.Identifier(f.column) for f in fields),
    )
    n = 0
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row([row.get(f.attname, defaults[f.attname]) for f in fields])
            n += 1
    return n


def _bulk(model, objs: list) -> list:
    return model.objects.bulk_create(objs, batch_size=BATCH)


def _spread(total: int, parts: int) -> list[int]:
    """`total` split over `parts` as evenly as possible."""
    if parts <= 0:
        return []
    base, rest = divmod(max(total, 0), parts)
    return [base + (1 if i < rest else 0) for i in range(parts)]


# --- Text for the generated data. --------------------------------------------------------------

PLAATSEN = [
    "Sittard", "Geleen", "Beek", "Born", "Susteren", "Echt", "Roermond", "Weert", "Venlo",
    "Heerlen", "Kerkrade", "Maastricht", "Meerssen", "Valkenburg", "Gulpen", "Brunssum",
    "Landgraaf", "Nuth", "Voerendaal", "Simpelveld", "Ede", "Bennekom", "Wageningen", "Barneveld",
]  # fmt: skip
WIJKEN = [
    "Centrum", "Noord", "Zuid", "Oost", "West", "De Heide", "Kerkveld", "Molenberg",
    "Lindenheuvel", "Broekhem", "Vrangendael", "Overhoven", "Limbrichterveld", "De Baandert",
]  # fmt: skip
ORGANISATIE_NAMEN = {
    "gemeente": "Gemeente",
    "welzijn": "Welzijn",
    "thuiszorg": "Thuiszorg",
    "wijkverpleging": "Wijkverpleging",
    "huisartsenpraktijk": "Huisartsenpraktijk",
    "vrijwilligersorganisatie": "Vrijwilligers",
    "mantelzorgsteunpunt": "Steunpunt Mantelzorg",
    "verpleeghuis": "Zorgcentrum",
    "dagbesteding": "Dagbesteding",
    "ggz": "GGZ",
    "clientenraad": "Clientenraad",
    "anders": "Stichting",
}
AANBOD = [
    "Wij ondersteunen mantelzorgers met advies en een luisterend oor.",
    "Respijtzorg: een dagdeel vrij terwijl een vrijwilliger de zorg overneemt.",
    "Begeleiding bij dementie, ook voor de naasten thuis.",
    "Hulp bij formulieren, schulden en vragen over inkomen.",
    "Dagbesteding voor ouderen en mensen met een beperking.",
    "Maaltijden aan huis en hulp bij de boodschappen.",
    "Vervoer naar het ziekenhuis, de huisarts en de dagbesteding.",
    "Wijkverpleging, ook 's avonds en in het weekend.",
    "Een maatje tegen eenzaamheid, voor een wandeling of een kop koffie.",
    "Advies over wonen met zorg en aanpassingen in huis.",
    "Lotgenotengroepen voor mantelzorgers van mensen met een psychische aandoening.",
    "Cursussen over omgaan met stress en grenzen stellen.",
]
VOORNAMEN = [
    "Anouk", "Bram", "Chantal", "Daan", "Eva", "Fatima", "Gerard", "Hanneke", "Ilse", "Jeroen",
    "Karin", "Luuk", "Marloes", "Noor", "Oscar", "Petra", "Rik", "Samira", "Tom", "Wendy",
]  # fmt: skip
ACHTERNAMEN = [
    "Jansen", "de Vries", "Bakker", "Smeets", "Janssen", "Peters", "Hendriks", "Willems",
    "Ramakers", "Vos", "El Amrani", "Verbeek", "Dijkstra", "Meijer", "Claessens", "Schmitz",
]  # fmt: skip
FUNCTIES = [
    "Mantelzorgconsulent", "Wijkverpleegkundige", "Praktijkondersteuner", "Beleidsadviseur",
    "Coordinator vrijwilligers", "Casemanager", "Teamleider", "Welzijnswerker", "Huisarts",
]  # fmt: skip
EXPERTISE = [
    "respijtzorg", "dementie, palliatieve zorg", "schulden en inkomen", "eenzaamheid",
    "jonge mantelzorgers", "wonen en zorg", "vrijwilligers", "ggz en verslaving", "",
]  # fmt: skip
FEEDBACK = [
    "De mantelzorgconsulent belde me terug binnen een dag.",
    "Ik hoefde mijn verhaal maar een keer te vertellen.",
    "Meer avonden waarop ik andere mantelzorgers kan ontmoeten.",
    "Het duurde lang voordat ik wist waar ik terecht kon.",
    "Respijtzorg in het weekend zou veel schelen.",
    "De huisarts vroeg ook hoe het met mij ging.",
    "",
]


@dataclass
class Gemeten:
    """The practice, facilitator and session a measurement is about."""

    slug: str
    email: str
    sessie: int


# --- The small installation. ---------------------------------------------------------------


def _live_sessie(*, praktijk, facilitator, deelnemers: int, rng: random.Random) -> int:
    """An open session over all five conditions, every condition revealed and the room's screen
    on the first, with `deelnemers` participants who each rated all 25 statements. Returns its
    id."""
    from django.utils import timezone

    from condities import services
    from condities.models import Antwoord, Conditie, Deelnemer, Respondentgroep
    from condities.selectors import stellingen_for_sessie
    from condities.services import scherm as scherm_services
    from netwerk.selectors import organisaties_for_praktijk

    sessie = services.sessie_create(
        praktijk=praktijk,
        titel=f"Werkvorm met {deelnemers} deelnemers",
        datum=timezone.localdate(),
        modus="live",
        condities=Conditie.values,
        by=facilitator,
    )
    sessie = services.sessie_open(sessie=sessie, by=facilitator)
    services.sessie_reveal(sessie=sessie, condities=Conditie.values, by=facilitator)
    scherm_services.scherm_act(sessie=sessie, actie="volgende", by=facilitator)
    stellingen = stellingen_for_sessie(sessie=sessie)
    organisaties = list(organisaties_for_praktijk(praktijk=praktijk).values_list("pk", flat=True))
    now = timezone.now()
    groepen = [
        Respondentgroep.KERNGROEP,
        Respondentgroep.ONTWERPGROEP,
        Respondentgroep.ONTWERPGROEP,
        Respondentgroep.MANTELZORGER,
    ]
    mensen = _bulk(
        Deelnemer,
        [
            Deelnemer(
                sessie=sessie,
                naam=f"Deelnemer {i + 1}",
                organisatie_id=organisaties[i % len(organisaties)] if organisaties else None,
                groep=groepen[i % len(groepen)],
                token=secrets.token_urlsafe(24),
                klaar_op=now if i % 10 else None,
            )
            for i in range(deelnemers)
        ],
    )
    _copy(
        Antwoord,
        (
            {
                "deelnemer_id": d.pk,
                "stelling_id": s.pk,
                "score": None if rng.random() < 0.05 else rng.randint(1, 5),
                "updated_at": now,
            }
            for d in mensen
            for s in stellingen
        ),
    )
    return sessie.pk


def build_small(rng: random.Random) -> Gemeten:
    from django.core.management import call_command

    from netwerk.models import User
    from praktijken.models import Praktijk

    call_command("demo", stdout=io.StringIO())
    stein = Praktijk.objects.get(slug="stein")
    facilitator = User.objects.get(email="adviseur@stein.example")
    sessie = _live_sessie(
        praktijk=stein, facilitator=facilitator, deelnemers=KLEIN_LIVE_DEELNEMERS, rng=rng
    )
    return Gemeten(slug="stein", email=facilitator.email, sessie=sessie)


# --- The large installation. -----------------------------------------------------------------


def build_large(rng: random.Random, factor: float) -> tuple[Gemeten, list[tuple[str, float]]]:
    """Grow the database to the large totals; returns the measured practice and step times."""
    from django.contrib.auth.hashers import make_password
    from django.db import connection
    from django.utils import timezone

    from condities import services as condities_services
    from condities.models import Actie, Antwoord, Conditie, Deelnemer, Respondentgroep, Sessie
    from experimenten.models import Experiment, Fase, Niveau
    from mantelzorg.models import Reactie, ReactieConditie
    from netwerk.models import Deelname, Levensdomein, Organisatie, Persoon, User
    from praktijken.models import Bijeenkomst, Lidmaatschap, Ontwerpvraag, Praktijk, Rol

    stappen: list[tuple[str, float]] = []
    start = time.perf_counter()

    def stap(naam: str) -> None:
        nonlocal start
        now = time.perf_counter()
        stappen.append((naam, now - start))
        say(f"  {naam}: {now - start:.1f} s")
        start = now

    def target(total: int) -> int:
        return round(total * factor)

    now = timezone.now()
    today = timezone.localdate()

    # Practices, with a facilitator, a few members, design questions, experiments and meetings.
    nieuw = max(target(PRAKTIJKEN) - Praktijk.objects.count(), 1)
    praktijken = _bulk(
        Praktijk,
        [
            Praktijk(
                naam=f"Lerende praktijk Schaal {i + 1:02d}",
                slug=f"schaal-{i + 1:02d}",
                gemeente=PLAATSEN[i % len(PLAATSEN)],
                kernthema="Samen sterk voor mantelzorgers",
                ambitie="Mantelzorgers vinden snel de steun die bij hen past.",
                startdatum=today - datetime.timedelta(days=900),
            )
            for i in range(nieuw)
        ],
    )
    groot = praktijken[0]
    onbruikbaar = make_password(None)
    facilitators = _bulk(
        User,
        [
            User(
                email=f"facilitator@{p.slug}.example",
                name=f"Facilitator {p.gemeente}",
                password=onbruikbaar,
            )
            for p in praktijken
        ],
    )
    leden = _bulk(
        User,
        [
            User(email=f"lid{j}@{p.slug}.example", name=f"Lid {j}", password=onbruikbaar)
            for p in praktijken
            for j in range(9)
        ],
    )
    rollen = [
        Lidmaatschap(praktijk=p, user=u, rol=Rol.FACILITATOR)
        for p, u in zip(praktijken, facilitators, strict=True)
    ]
    rollen += [
        Lidmaatschap(
            praktijk=praktijken[i // 9], user=u, rol=Rol.KERNGROEPLID if i % 3 == 0 else Rol.LID
        )
        for i, u in enumerate(leden)
    ]
    _bulk(Lidmaatschap, rollen)
    vragen = _bulk(
        Ontwerpvraag,
        [
            Ontwerpvraag(praktijk=p, vraag=f"Hoe kunnen we mantelzorgers {wat}?", volgorde=j)
            for p in praktijken
            for j, wat in enumerate(["eerder bereiken", "ontlasten", "met elkaar verbinden"])
        ],
    )
    _bulk(
        Experiment,
        [
            Experiment(
                praktijk=p,
                ontwerpvraag=vragen[3 * i + j % 3],
                titel=f"Experiment {j + 1}",
                doel="Mantelzorgers eerder in beeld.",
                niveau=Niveau.values[j % len(Niveau.values)],
                fase=Fase.values[j % len(Fase.values)],
                status=Experiment.Status.LOOPT,
            )
            for i, p in enumerate(praktijken)
            for j in range(10)
        ],
    )
    _bulk(
        Bijeenkomst,
        [
            Bijeenkomst(
                praktijk=p,
                titel=f"Kerngroep {j + 1}",
                soort=Bijeenkomst.Soort.KERNGROEP,
                begint_op=now + datetime.timedelta(days=30 * j - 180),
            )
            for p in praktijken
            for j in range(12)
        ],
    )
    stap(f"{nieuw} practices with accounts, design questions, experiments, meetings")

    # Organisations: 100 for the measured practice, the rest spread over the other new ones.
    domeinen = [Levensdomein.objects.get_or_create(code=c)[0] for c in Levensdomein.Code.values]
    soorten = Organisatie.Soort.values
    rest = target(ORGANISATIES) - Organisatie.objects.count() - GROOT_ORGANISATIES
    aantallen = [GROOT_ORGANISATIES, *_spread(rest, nieuw - 1)]
    eigenaar: list[Praktijk] = [
        p for p, n in zip(praktijken, aantallen, strict=True) for _ in range(n)
    ]
    organisaties = []
    for i, praktijk in enumerate(eigenaar):
        soort = soorten[i % len(soorten)]
        plaats = praktijk.gemeente
        organisaties.append(
            Organisatie(
                naam=f"{ORGANISATIE_NAMEN[soort]} {plaats} {i + 1}",
                soort=soort,
                beschrijving=" ".join(rng.sample(AANBOD, 2)),
                telefoon=f"046 {rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
                email=f"info{i}@organisatie.example",
                website=f"https://organisatie{i}.example",
                straat=f"Kerkstraat {i % 200 + 1}",
                postcode=f"6{rng.randint(100, 999)} AB",
                plaats=plaats,
                wijken=", ".join(rng.sample(WIJKEN, 3)),
                eigenaar=praktijk,
                bevestigd_op=now - datetime.timedelta(days=rng.randint(0, 400)),
            )
        )
    organisaties = _bulk(Organisatie, organisaties)
    _bulk(
        Organisatie.levensdomeinen.through,
        [
            Organisatie.levensdomeinen.through(organisatie_id=o.pk, levensdomein_id=d.pk)
            for o in organisaties
            for d in rng.sample(domeinen, rng.randint(1, 3))
        ],
    )
    _bulk(
        Deelname,
        [
            Deelname(
                praktijk=p,
                organisatie=o,
                groep="kerngroep" if i % 4 == 0 else "ontwerpgroep",
                belangen="Mantelzorgers beter ondersteunen.",
            )
            for i, (p, o) in enumerate(zip(eigenaar, organisaties, strict=True))
        ],
    )
    stap(f"{len(organisaties)} organisations with domains and participations")

    # People: 400 in the measured practice (4 per organisation), the rest round-robin over the
    # other practices' organisations; the first person of each organisation is its contact.
    extra = target(PERSONEN) - Persoon.objects.count()
    eigen, overige = organisaties[:GROOT_ORGANISATIES], organisaties[GROOT_ORGANISATIES:]
    personen = []
    for i in range(extra):
        if i < GROOT_PERSONEN or not overige:
            organisatie = eigen[i % len(eigen)]
        else:
            organisatie = overige[(i - GROOT_PERSONEN) % len(overige)]
        naam = f"{VOORNAMEN[i % len(VOORNAMEN)]} {ACHTERNAMEN[(i // 7) % len(ACHTERNAMEN)]}"
        personen.append(
            Persoon(
                naam=naam,
                functie=FUNCTIES[i % len(FUNCTIES)],
                organisatie=organisatie,
                telefoon=f"06 {rng.randint(10_000_000, 99_999_999)}",
                email=f"persoon{i}@organisatie.example",
                expertise=EXPERTISE[i % len(EXPERTISE)],
                bel_mij_voor="Vragen over ondersteuning van mantelzorgers",
                is_contactpersoon=i < GROOT_ORGANISATIES
                or GROOT_PERSONEN <= i < GROOT_PERSONEN + len(overige),
            )
        )
    _bulk(Persoon, personen)
    stap(f"{len(personen)} people")

    # Sessions: the measured practice has 39 closed ones and one open, revealed one.
    standaardset = condities_services.standaardset_get()
    stellingen = list(standaardset.stellingen.order_by("volgorde", "pk"))
    live = _live_sessie(
        praktijk=groot, facilitator=facilitators[0], deelnemers=GROOT_LIVE_DEELNEMERS, rng=rng
    )
    rest = target(SESSIES) - Sessie.objects.count() - (GROOT_SESSIES - 1)
    sessie_aantallen = [GROOT_SESSIES - 1, *_spread(rest, nieuw - 1)]
    sessies = []
    for p, n, f in zip(praktijken, sessie_aantallen, facilitators, strict=True):
        for j in range(n):
            datum = today - datetime.timedelta(days=rng.randint(7, 1000))
            geopend = datetime.datetime.combine(datum, datetime.time(14), tzinfo=datetime.UTC)
            sessies.append(
                Sessie(
                    praktijk=p,
                    titel=f"Werkvorm vijf condities {j + 1}",
                    datum=datum,
                    condities=Conditie.values,
                    stellingenset=standaardset,
                    status=Sessie.Status.GESLOTEN,
                    onthuld=Conditie.values,
                    geopend_op=geopend,
                    gesloten_op=geopend + datetime.timedelta(hours=2),
                    created_by=f,
                )
            )
    sessies = _bulk(Sessie, sessies)
    stap(f"{len(sessies) + 1} sessions")

    # Participants and answers: each participant rates all 25 statements.
    per_praktijk: dict[int, list[Sessie]] = {}
    for s in sessies:
        per_praktijk.setdefault(s.praktijk_id, []).append(s)
    orgs_per_praktijk: dict[int, list[int]] = {}
    for p, o in zip(eigenaar, organisaties, strict=True):
        orgs_per_praktijk.setdefault(p.pk, []).append(o.pk)
    mensen_over = (target(ANTWOORDEN) - Antwoord.objects.count()) // len(stellingen)
    groot_mensen = (GROOT_SESSIES - 1) * GROOT_DEELNEMERS_PER_SESSIE
    per_overig = _spread(mensen_over - groot_mensen, nieuw - 1)
    groepen = [
        Respondentgroep.KERNGROEP,
        Respondentgroep.ONTWERPGROEP,
        Respondentgroep.ONTWERPGROEP,
        Respondentgroep.MANTELZORGER,
    ]
    deelnemers = []
    for p, n in zip(praktijken, [groot_mensen, *per_overig], strict=True):
        eigen = per_praktijk.get(p.pk, [])
        orgs = orgs_per_praktijk.get(p.pk, [])
        for i in range(n if eigen else 0):
            sessie = eigen[i % len(eigen)]
            deelnemers.append(
                Deelnemer(
                    sessie=sessie,
                    naam=f"Deelnemer {i + 1}",
                    organisatie_id=orgs[i % len(orgs)] if orgs else None,
                    groep=groepen[i % len(groepen)],
                    token=secrets.token_urlsafe(24),
                    klaar_op=sessie.gesloten_op,
                )
            )
    deelnemers = _bulk(Deelnemer, deelnemers)
    stap(f"{len(deelnemers)} participants")
    n_antwoorden = _copy(
        Antwoord,
        (
            {
                "deelnemer_id": d.pk,
                "stelling_id": s.pk,
                "score": None if rng.random() < 0.05 else rng.randint(1, 5),
                "updated_at": d.klaar_op,
            }
            for d in deelnemers
            for s in stellingen
        ),
    )
    stap(f"{n_antwoorden} answers (COPY)")

    # Closed sessions' scores, as closing writes them (overall and per group, 3+ respondents).
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO condities_conditiescore
                (praktijk_id, sessie_id, bron, datum, conditie, groep,
                 gemiddelde, spreiding, respondenten)
            SELECT s.praktijk_id, s.id, s.soort, s.datum, st.conditie, COALESCE(d.groep, ''),
                   round(avg(a.score), 2), round(stddev_pop(a.score), 2),
                   count(DISTINCT d.id)
            FROM condities_antwoord a
            JOIN condities_deelnemer d ON d.id = a.deelnemer_id
            JOIN condities_sessie s ON s.id = d.sessie_id
            JOIN condities_stelling st ON st.id = a.stelling_id
            WHERE s.status = 'gesloten' AND s.id >= %s
            GROUP BY GROUPING SETS (
                (s.praktijk_id, s.id, s.soort, s.datum, st.conditie),
                (s.praktijk_id, s.id, s.soort, s.datum, st.conditie, d.groep)
            )
            HAVING count(DISTINCT d.id) >= 3
            """,
            [sessies[0].pk],
        )
        scores = cursor.rowcount
    acties = _bulk(
        Actie,
        [
            Actie(
                praktijk_id=s.praktijk_id,
                sessie=s,
                conditie=Conditie.values[j],
                soort="stap" if j % 2 else "goed",
                tekst="Per bijeenkomst vooraf afspreken wie het verslag maakt.",
                wie="Anouk Adviseur",
                wanneer=s.datum + datetime.timedelta(days=14),
            )
            for s in sessies
            for j in range(3)
        ],
    )
    stap(f"{scores} condition scores, {len(acties)} actions")

    # Carers' feedback: 1,000 for the measured practice, the rest over the others.
    rest = target(REACTIES) - Reactie.objects.count() - GROOT_REACTIES
    reactie_aantallen = [GROOT_REACTIES, *_spread(rest, nieuw - 1)]
    statussen = Reactie.Status.values
    relaties = ["partner", "ouder", "kind", "familie", "vriend_of_buur", "anders", ""]

    def reacties():
        for p, n in zip(praktijken, reactie_aantallen, strict=True):
            for _i in range(n):
                op = now - datetime.timedelta(minutes=rng.randint(60, 3 * 365 * 24 * 60))
                teksten = [rng.choice(FEEDBACK) for _ in range(3)]
                if not any(teksten):
                    teksten[0] = FEEDBACK[0]
                yield {
                    "praktijk_id": p.pk,
                    "wat_gaat_goed": teksten[0],
                    "meer_van": teksten[1],
                    "kan_beter": teksten[2],
                    "keer_verteld": rng.choice([None, 1, 2, 3, 5, 10]),
                    "relatie": rng.choice(relaties),
                    "status": rng.choice(statussen),
                    "deelbaar": rng.random() < 0.2,
                    "genotificeerd_op": op,
                    "created_at": op,
                    "updated_at": op,
                }

    voor = Reactie.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    n_reacties = _copy(Reactie, reacties())
    with connection.cursor() as cursor:
        cursor.execute("SELECT min(id), max(id) FROM condities_reactie WHERE id > %s", [voor])
        eerste, laatste = cursor.fetchone()
    n_tags = _copy(
        ReactieConditie,
        (
            {"reactie_id": pk, "conditie": Conditie.values[pk % 5]}
            for pk in range(eerste, laatste + 1)
            if pk % 2 == 0
        ),
    )
    stap(f"{n_reacties} feedback items, {n_tags} condition tags (COPY)")

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    stap("VACUUM ANALYZE")
    return Gemeten(slug=groot.slug, email=facilitators[0].email, sessie=live), stappen


def row_counts() -> list[tuple[str, int]]:
    from condities.models import Antwoord, ConditieScore, Deelnemer, Sessie
    from mantelzorg.models import Reactie
    from netwerk.models import Organisatie, Persoon, User
    from praktijken.models import Praktijk

    return [
        ("practices", Praktijk.objects.count()),
        ("organisations", Organisatie.objects.count()),
        ("people", Persoon.objects.count()),
        ("accounts", User.objects.count()),
        ("sessions", Sessie.objects.count()),
        ("participants", Deelnemer.objects.count()),
        ("answers", Antwoord.objects.count()),
        ("condition scores", ConditieScore.objects.count()),
        ("feedback items", Reactie.objects.count()),
    ]


def practice_counts(slug: str) -> str:
    from condities.models import Antwoord, Deelnemer, Sessie
    from mantelzorg.models import Reactie
    from netwerk.models import Organisatie, Persoon

    f = {"praktijk__slug": slug}
    return (
        f"{Organisatie.objects.filter(deelnames__praktijk__slug=slug).count()} organisations, "
        f"{Persoon.objects.filter(organisatie__deelnames__praktijk__slug=slug).count()} people, "
        f"{Sessie.objects.filter(**f).count()} sessions, "
        f"{Deelnemer.objects.filter(sessie__praktijk__slug=slug).count()} participants, "
        f"{Antwoord.objects.filter(deelnemer__sessie__praktijk__slug=slug).count()} answers, "
        f"{Reactie.objects.filter(**f).count()} feedback items"
    )
