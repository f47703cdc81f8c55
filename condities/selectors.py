import contextlib
from dataclasses import dataclass, field, replace

from django.core.cache import cache
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Sum
from django.utils.translation import get_language

from condities.models import (
    ALLE,
    Actie,
    Antwoord,
    Conditie,
    ConditieScore,
    Deelnemer,
    Groep,
    OpenVraag,
    PapierTelling,
    Sessie,
    Stelling,
    Stellingenset,
)
from condities.scores import MIN_RESPONDENTEN, SCORES, Groepsscore, Tally, largest_gaps
from netwerk.models import User
from praktijken.models import Praktijk

BAR_HEIGHT = 24


def stellingen_for_sessie(*, sessie: Sessie) -> list[Stelling]:
    """The statements a session asks, in order: the chosen ones, or all of its conditions."""
    chosen = list(sessie.stellingen.order_by("volgorde", "pk"))
    if chosen:
        return chosen
    return list(
        Stelling.objects.filter(
            set=sessie.stellingenset_id, conditie__in=sessie.condities
        ).order_by("volgorde", "pk")
    )


# A session's statements never change once it exists: the choice is made at creation, and a set
# that a session uses is copied to a new version before any edit.
STELLINGEN_CACHE_SECONDS = 600


def stellingen_for_sessie_cached(*, sessie: Sessie) -> list[Stelling]:
    """stellingen_for_sessie through the cache, for the answer that every click of every
    participant saves (2 queries fewer each time). Without a cache it reads the database."""
    key = f"condities:stellingen:{sessie.pk}:{sessie.stellingenset_id}"
    try:
        stellingen = cache.get(key)
    except Exception:  # the cache is away: read the database, as without one
        stellingen = None
    if stellingen is None:
        stellingen = stellingen_for_sessie(sessie=sessie)
        with contextlib.suppress(Exception):
            cache.set(key, stellingen, STELLINGEN_CACHE_SECONDS)
    return stellingen


@dataclass
class StellingResultaat:
    stelling: Stelling
    tally: Tally = field(default_factory=Tally)
    counts: dict[int, int] = field(default_factory=lambda: dict.fromkeys(SCORES, 0))

    @property
    def verdeling(self) -> list[dict]:
        """Per score: how many chose it, and its share of the numeric answers (for bars)."""
        total = self.tally.n or 1
        rows = []
        for score, n in self.counts.items():
            procent = round(100 * n / total)
            hoogte = round(BAR_HEIGHT * n / total, 1)
            rows.append(
                {
                    "score": score,
                    "aantal": n,
                    "procent": procent,
                    # Geometry of a small SVG bar chart, five bars of 16 wide.
                    "x": (score - 1) * 20 + 2,
                    "y": BAR_HEIGHT - hoogte,
                    "hoogte": hoogte,
                }
            )
        return rows


@dataclass
class ConditieResultaat:
    code: str
    label: str
    onthuld: bool
    totaal: Groepsscore = field(default_factory=Groepsscore)
    groepen: dict[str, Groepsscore] = field(default_factory=dict)
    stellingen: list[StellingResultaat] = field(default_factory=list)

    @property
    def te_weinig(self) -> bool:
        """Someone answered, but too few to show anything without revealing them."""
        return 0 < self.totaal.respondenten < MIN_RESPONDENTEN

    @property
    def zichtbare_groepen(self) -> list[tuple[str, Groepsscore]]:
        return [
            (Groep(code).label, score) for code, score in self.groepen.items() if score.zichtbaar
        ]


@dataclass
class Resultaten:
    sessie: Sessie
    aangemeld: int
    klaar: int
    condities: list[ConditieResultaat]
    verschillen: list[dict]

    @property
    def is_leeg(self) -> bool:
        return not any(c.totaal.respondenten for c in self.condities)


def sessie_resultaten(*, sessie: Sessie) -> Resultaten:
    """Everything the presenter view, the report and closing need, in a fixed number of queries."""
    stellingen = stellingen_for_sessie(sessie=sessie)
    per_stelling = {s.pk: StellingResultaat(stelling=s) for s in stellingen}
    condities = {
        code: ConditieResultaat(
            code=code, label=str(Conditie(code).label), onthuld=code in sessie.onthuld
        )
        for code in Conditie.values
        if code in {s.conditie for s in stellingen}
    }
    for resultaat in per_stelling.values():
        condities[resultaat.stelling.conditie].stellingen.append(resultaat)

    deelnemers = Deelnemer.objects.filter(sessie=sessie).aggregate(
        aangemeld=Count("pk"), klaar=Count("pk", filter=Q(klaar_op__isnull=False))
    )
    antwoorden = Antwoord.objects.filter(deelnemer__sessie=sessie, stelling__in=per_stelling)

    # Distribution per statement.
    for row in antwoorden.values("stelling_id", "score").annotate(n=Count("pk")).order_by():
        resultaat = per_stelling[row["stelling_id"]]
        resultaat.tally.add(row["score"], row["n"])
        if row["score"] is not None:
            resultaat.counts[row["score"]] += row["n"]
    for row in (
        PapierTelling.objects.filter(sessie=sessie, stelling__in=per_stelling)
        .values("stelling_id", "score")
        .annotate(n=Sum("aantal"))
        .order_by()
    ):
        resultaat = per_stelling[row["stelling_id"]]
        score = row["score"] or None
        resultaat.tally.add(score, row["n"])
        if score is not None:
            resultaat.counts[score] += row["n"]
    for conditie in condities.values():
        for resultaat in conditie.stellingen:
            conditie.totaal.tally.merge(resultaat.tally)

    # Respondents and tallies per condition, group and organisation.
    per_organisatie: dict[str, dict[str, Groepsscore]] = {code: {} for code in condities}
    rows = (
        antwoorden.values("stelling__conditie", "deelnemer__groep", "deelnemer__organisatie__naam")
        .annotate(
            respondenten=Count("deelnemer", distinct=True),
            n=Count("score"),
            total=Sum("score"),
            squares=Sum(F("score") * F("score")),
            weet_niet=Count("pk", filter=Q(score__isnull=True)),
        )
        .order_by()
    )
    for row in rows:
        conditie = condities[row["stelling__conditie"]]
        tally = Tally(
            n=row["n"],
            total=row["total"] or 0,
            squares=row["squares"] or 0,
            weet_niet=row["weet_niet"],
        )
        conditie.totaal.respondenten += row["respondenten"]
        groep = conditie.groepen.setdefault(row["deelnemer__groep"], Groepsscore())
        groep.respondenten += row["respondenten"]
        groep.tally.merge(tally)
        if naam := row["deelnemer__organisatie__naam"]:
            organisatie = per_organisatie[conditie.code].setdefault(naam, Groepsscore())
            organisatie.respondenten += row["respondenten"]
            organisatie.tally.merge(tally)
    if sessie.papieren_formulieren:
        for conditie in condities.values():
            conditie.totaal.respondenten += sessie.papieren_formulieren
    # With fewer than three people, a condition's numbers would show their own answers: hide them.
    for conditie in condities.values():
        if not conditie.totaal.zichtbaar:
            conditie.totaal.tally = Tally()
            for resultaat in conditie.stellingen:
                resultaat.tally = Tally()
                resultaat.counts = dict.fromkeys(SCORES, 0)

    return Resultaten(
        sessie=sessie,
        aangemeld=deelnemers["aangemeld"],
        klaar=deelnemers["klaar"],
        condities=list(condities.values()),
        verschillen=[
            {**gap, "label": condities[gap["conditie"]].label}
            for gap in largest_gaps(per_organisatie)
        ],
    )


def groepen_tabel(*, resultaten: Resultaten) -> dict:
    """Averages per group side by side: only groups with enough respondents get a number."""
    kolommen = [
        (code, label)
        for code, label in Groep.choices
        if any(code in c.groepen and c.groepen[code].zichtbaar for c in resultaten.condities)
    ]
    rijen = [
        {
            "label": conditie.label,
            "cellen": [
                conditie.groepen[code]
                if code in conditie.groepen and conditie.groepen[code].zichtbaar
                else None
                for code, _label in kolommen
            ],
        }
        for conditie in resultaten.condities
    ]
    return {"kolommen": [label for _code, label in kolommen], "rijen": rijen}


# The presenter view polls every 3 s, often from a projector and a laptop at once.
LIVE_MAX_AGE = 2


def sessie_resultaten_live(*, sessie: Sessie, max_age: int = LIVE_MAX_AGE) -> Resultaten:
    """sessie_resultaten for the presenter's poll: shared between screens, at most `max_age`
    seconds old. Never for closing, reports or exports, which need every answer.

    What the facilitator revealed is read from `sessie` each time, so a reveal shows at once.
    Without a cache it computes afresh.
    """
    key = f"condities:resultaten:{sessie.pk}:{get_language()}"
    try:
        resultaten = cache.get(key)
    except Exception:  # the cache is away: compute, as without one
        resultaten = None
    if resultaten is None:
        resultaten = sessie_resultaten(sessie=sessie)
        with contextlib.suppress(Exception):
            cache.set(key, replace(resultaten, sessie=None), max_age)
        return resultaten
    resultaten.sessie = sessie
    for conditie in resultaten.condities:
        conditie.onthuld = conditie.code in sessie.onthuld
    return resultaten


def scores_for_praktijk(*, praktijk: Praktijk) -> QuerySet[ConditieScore]:
    """Every score over everybody, oldest first: the trend per condition."""
    return ConditieScore.objects.filter(praktijk=praktijk, groep="").select_related("sessie")


def trend_for_praktijk(*, praktijk: Praktijk) -> dict:
    """The latest score per condition and the series over all sessions and check-ins (1 query)."""
    series: dict[str, list[ConditieScore]] = {code: [] for code in Conditie.values}
    for score in scores_for_praktijk(praktijk=praktijk).order_by("datum", "sessie_id"):
        series[score.conditie].append(score)
    return {
        "reeksen": [
            {"code": code, "label": Conditie(code).label, "scores": scores}
            for code, scores in series.items()
        ],
        "laatste": [
            {"code": code, "label": Conditie(code).label, "score": scores[-1] if scores else None}
            for code, scores in series.items()
        ],
        "heeft_scores": any(series.values()),
    }


def sessies_for_praktijk(*, praktijk: Praktijk) -> QuerySet[Sessie]:
    """The practice's sessions and check-ins, newest first, with their participant counts."""
    return Sessie.objects.filter(praktijk=praktijk).annotate(
        aantal_deelnemers=Count("deelnemers", distinct=True)
    )


def sessie_by_code(*, code: str) -> Sessie | None:
    """The open session with this join code, if any."""
    # A NUL byte cannot be in any code (PostgreSQL refuses to even compare with it).
    if not code or len(code) > 12 or "\x00" in code:
        return None
    return (
        Sessie.objects.filter(code=code, status=Sessie.Status.OPEN)
        .select_related("praktijk")
        .first()
    )


def voortgang(*, deelnemer: Deelnemer, stellingen: list[Stelling]) -> dict:
    """How far a participant is: answered statements of the session's statements."""
    beantwoord = Antwoord.objects.filter(deelnemer=deelnemer, stelling__in=stellingen).count()
    totaal = len(stellingen)
    return {
        "beantwoord": beantwoord,
        "totaal": totaal,
        "procent": round(100 * beantwoord / totaal) if totaal else 0,
    }


def antwoorden_for_deelnemer(*, deelnemer: Deelnemer) -> dict[int, int | None]:
    """The participant's own answers: {stelling_id: score}. Only ever shown to themselves."""
    return dict(Antwoord.objects.filter(deelnemer=deelnemer).values_list("stelling_id", "score"))


def sessie_aantallen(*, sessie: Sessie) -> dict:
    """How many joined and finished (no answers, no names)."""
    return Deelnemer.objects.filter(sessie=sessie).aggregate(
        aangemeld=Count("pk"),
        klaar=Count("pk", filter=Q(klaar_op__isnull=False)),
        met_antwoorden=Count("pk", filter=Q(antwoorden__isnull=False), distinct=True),
    )


def papier_tellingen(*, sessie: Sessie) -> dict[tuple[int, int], int]:
    """The tallies typed in from paper forms: {(stelling_id, score): count}, 0 = don't know."""
    return {
        (stelling_id, score): aantal
        for stelling_id, score, aantal in PapierTelling.objects.filter(sessie=sessie).values_list(
            "stelling_id", "score", "aantal"
        )
    }


def stellingen_per_conditie(*, sessie: Sessie) -> list[dict]:
    """The session's statements grouped by condition, with each condition's open questions."""
    stellingen = stellingen_for_sessie(sessie=sessie)
    open_vragen: dict[str, list[OpenVraag]] = {}
    for vraag in OpenVraag.objects.filter(set=sessie.stellingenset_id):
        open_vragen.setdefault(vraag.conditie, []).append(vraag)
    groepen: dict[str, dict] = {}
    for stelling in stellingen:
        groep = groepen.setdefault(
            stelling.conditie,
            {
                "code": stelling.conditie,
                "label": Conditie(stelling.conditie).label,
                "stellingen": [],
                "open_vragen": open_vragen.get(stelling.conditie, []),
            },
        )
        groep["stellingen"].append(stelling)
    return [groepen[code] for code in Conditie.values if code in groepen]


# Reports, exports, the dashboard and statement sets (views_rapport, exports, condities_tags).


def acties_for_praktijk(*, praktijk: Praktijk, limit: int | None = None) -> list[Actie]:
    """The agreed next steps that are not done yet, newest first, with their session (1 query)."""
    acties = (
        Actie.objects.filter(sessie__praktijk=praktijk, soort=Actie.Soort.STAP, gedaan=False)
        .select_related("sessie")
        .order_by("-created_at", "-pk")
    )
    return list(acties[:limit] if limit else acties)


def _conditie_volgorde(code: str) -> int:
    return Conditie.values.index(code) if code in Conditie.values else len(Conditie.values)


def discussie_for_sessie(*, sessie: Sessie) -> list[dict]:
    """Per condition of the session, in the usual order: what goes well and the next steps."""
    per_conditie = {
        code: {"code": code, "label": Conditie(code).label, "goed": [], "stappen": []}
        for code in Conditie.values
        if code in sessie.condities
    }
    for actie in Actie.objects.filter(sessie=sessie).select_related("experiment").order_by("pk"):
        conditie = per_conditie.setdefault(
            actie.conditie,
            {
                "code": actie.conditie,
                "label": actie.get_conditie_display(),
                "goed": [],
                "stappen": [],
            },
        )
        conditie["goed" if actie.soort == Actie.Soort.GOED else "stappen"].append(actie)
    return sorted(per_conditie.values(), key=lambda c: _conditie_volgorde(c["code"]))


def discussie_for_praktijk(*, praktijk: Praktijk) -> list[Actie]:
    """Every action of every session of the practice, by session date, then condition (1 query)."""
    acties = Actie.objects.filter(sessie__praktijk=praktijk).select_related("sessie", "experiment")
    return sorted(
        acties,
        key=lambda a: (a.sessie.datum, a.sessie_id, _conditie_volgorde(a.conditie), a.soort, a.pk),
    )


def conditiescores_for_export(*, praktijk: Praktijk) -> list[ConditieScore]:
    """All scores of the practice over time, for everybody and per group, oldest first."""
    groepen = [ALLE, *Groep.values]
    scores = ConditieScore.objects.filter(praktijk=praktijk).select_related("sessie")
    return sorted(
        scores,
        key=lambda s: (
            s.datum,
            s.sessie_id,
            _conditie_volgorde(s.conditie),
            groepen.index(s.groep) if s.groep in groepen else len(groepen),
        ),
    )


def stellingenset_inhoud(*, stellingenset: Stellingenset) -> list[dict]:
    """A set's statements and its two open questions per condition, in order (2 queries)."""
    per_conditie = {
        code: {"code": code, "label": label, "stellingen": [], "goed": None, "stap": None}
        for code, label in Conditie.choices
    }
    for stelling in Stelling.objects.filter(set=stellingenset).order_by("volgorde", "pk"):
        per_conditie[stelling.conditie]["stellingen"].append(stelling)
    for vraag in OpenVraag.objects.filter(set=stellingenset):
        per_conditie[vraag.conditie][vraag.soort] = vraag
    return list(per_conditie.values())


# Check-ins between sessions (views_checkin).


def checkin_ontvangers(*, praktijk: Praktijk) -> QuerySet[User]:
    """Everybody with an account in the practice, by name: whom a check-in goes to by default."""
    return User.objects.filter(lidmaatschappen__praktijk=praktijk).order_by("name", "email")


def checkin_deelnemer_by_token(*, token: str) -> Deelnemer | None:
    """The check-in participant whose personal link this is, with the check-in and practice."""
    if not token or len(token) > 64 or "\x00" in token:  # no token has a NUL byte
        return None
    return (
        Deelnemer.objects.filter(token=token, sessie__soort=Sessie.Soort.CHECKIN)
        .select_related("sessie__praktijk")
        .first()
    )


@dataclass
class CheckinRespons:
    deelnemers: list[Deelnemer]
    uitgenodigd: int
    beantwoord: int
    klaar: int
    nog_niet: int

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
        .annotate(heeft_antwoorden=Exists(Antwoord.objects.filter(deelnemer=OuterRef("pk"))))
        .order_by("naam", "email", "pk")
    )
    for deelnemer in deelnemers:
        if deelnemer.klaar_op:
            deelnemer.status = "klaar"
        elif deelnemer.heeft_antwoorden:
            deelnemer.status = "beantwoord"
        else:
            deelnemer.status = "nog_niet"
    klaar = sum(d.status == "klaar" for d in deelnemers)
    beantwoord = sum(d.status == "beantwoord" for d in deelnemers)
    return CheckinRespons(
        deelnemers=deelnemers,
        uitgenodigd=sum(d.uitgenodigd_op is not None for d in deelnemers),
        beantwoord=beantwoord,
        klaar=klaar,
        nog_niet=len(deelnemers) - klaar - beantwoord,
    )
