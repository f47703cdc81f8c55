"""Reads of the relationship round: rounds, personal links, screens, ties and released figures."""

import hashlib
import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from condities import disclosure_banden as disclosure
from condities.models import Actie
from experimenten.models import Experiment
from mantelzorg.models import Reactie
from netwerk.models import Deelname, Groep, Organisatie, Persoon
from netwerk.selectors import organisaties_for_praktijk
from praktijken.models import Praktijk
from relaties import kaart
from relaties.models import (
    STAP_NIVEAU,
    BelangenDeelnemer,
    Belangenronde,
    Kaartpositie,
    RelatieAntwoord,
    Relatieronde,
    RondeDeelnemer,
    Stap,
)


def rondes_for_praktijk(*, praktijk: Praktijk) -> QuerySet[Relatieronde]:
    """The practice's rounds, newest first."""
    return Relatieronde.objects.filter(praktijk=praktijk).order_by("-geopend_op", "-pk")


def rondes_ernaast(*, ronde: Relatieronde) -> tuple[Relatieronde | None, Relatieronde | None]:
    """The practice's round opened just before this one and just after it (2 queries)."""
    andere = Relatieronde.objects.filter(praktijk_id=ronde.praktijk_id).exclude(pk=ronde.pk)
    eerder = Q(geopend_op__lt=ronde.geopend_op) | Q(geopend_op=ronde.geopend_op, pk__lt=ronde.pk)
    return (
        andere.filter(eerder).order_by("-geopend_op", "-pk").first(),
        andere.exclude(eerder).order_by("geopend_op", "pk").first(),
    )


def ronde_personen(*, praktijk: Praktijk) -> QuerySet[Persoon]:
    """Whom a round can go to: the people with an e-mail address of the practice's own
    organisations, by organisation."""
    return (
        Persoon.objects.filter(organisatie__in=organisaties_for_praktijk(praktijk=praktijk))
        .exclude(email="")
        .select_related("organisatie")
        .order_by("organisatie__naam", "organisatie", "naam", "pk")
    )


def deelnemer_by_token(*, token: str) -> RondeDeelnemer | None:
    """The participant whose personal link this is, with the round, practice and organisation."""
    if not token:
        return None
    return (
        RondeDeelnemer.objects.filter(token=token)
        .select_related("ronde__praktijk", "organisatie")
        .first()
    )


@dataclass
class Respons:
    deelnemers: Sequence[RondeDeelnemer | BelangenDeelnemer]  # each with `begonnen`
    uitgenodigd: int
    begonnen: int
    klaar: int
    niet_klaar: int  # invited, not finished: whom "remind now" reaches
    # Interests round: the practice's organisations, how many of them reviewed their interests.
    organisaties: int = 0
    organisaties_klaar: int = 0


def _respons(deelnemers: list) -> Respons:
    return Respons(
        deelnemers=deelnemers,
        uitgenodigd=sum(d.uitgenodigd_op is not None for d in deelnemers),
        begonnen=sum(d.begonnen and d.klaar_op is None for d in deelnemers),
        klaar=sum(d.klaar_op is not None for d in deelnemers),
        niet_klaar=sum(
            d.klaar_op is None and d.uitgenodigd_op is not None and bool(d.email)
            for d in deelnemers
        ),
    )


def ronde_respons(*, ronde: Relatieronde) -> Respons:
    """Who responded to a round, never what they answered (1 query)."""
    return _respons(
        list(
            RondeDeelnemer.objects.filter(ronde=ronde)
            .select_related("organisatie")
            .annotate(begonnen=Exists(RelatieAntwoord.objects.filter(deelnemer=OuterRef("pk"))))
            .order_by("organisatie__naam", "naam", "pk")
        )
    )


def belangenrondes_for_praktijk(*, praktijk: Praktijk) -> QuerySet[Belangenronde]:
    """The practice's interests rounds, newest first."""
    return Belangenronde.objects.filter(praktijk=praktijk).order_by("-geopend_op", "-pk")


def belangenronde_respons(*, ronde: Belangenronde) -> Respons:
    """Who reviewed their organisation's interests in the round, and how many of the practice's
    organisations did (2 queries). One screen, so nobody is "started" without being finished."""
    deelnemers = list(
        BelangenDeelnemer.objects.filter(ronde=ronde)
        .select_related("organisatie")
        .order_by("organisatie__naam", "naam", "pk")
    )
    for deelnemer in deelnemers:
        deelnemer.begonnen = False  # type: ignore[attr-defined]
    respons = _respons(deelnemers)
    organisaties = set(
        Deelname.objects.filter(praktijk=ronde.praktijk).values_list("organisatie_id", flat=True)
    )
    respons.organisaties = len(organisaties)
    respons.organisaties_klaar = len(
        {d.organisatie_id for d in deelnemers if d.klaar_op} & organisaties
    )
    return respons


def belangen_deelnemer_by_token(*, token: str) -> BelangenDeelnemer | None:
    """The interests round's participant whose personal link this is, with the round, the
    practice, the organisation and its participation in the practice (None when it left)."""
    if not token:
        return None
    deelnemer = (
        BelangenDeelnemer.objects.filter(token=token)
        .select_related("ronde__praktijk", "organisatie")
        .first()
    )
    if deelnemer is not None:
        deelnemer.deelname = Deelname.objects.filter(  # type: ignore[attr-defined]
            praktijk_id=deelnemer.ronde.praktijk_id, organisatie_id=deelnemer.organisatie_id
        ).first()
    return deelnemer


@dataclass
class Vraag:
    """One organisation to answer about, with what this participant said so far."""

    organisatie: Organisatie
    stap: str = ""
    vertrouwen: int | None = None
    waarde: int | None = None


@dataclass
class Scherm:
    groep: str
    label: str
    vragen: list[Vraag] = field(default_factory=list)


def schermen_for_deelnemer(*, deelnemer: RondeDeelnemer) -> list[Scherm]:
    """The screens of the questionnaire: one per organisation group (core group, design group),
    the participant's own organisation left out, with their answers so far (2 queries)."""
    antwoorden = {a.over_id: a for a in RelatieAntwoord.objects.filter(deelnemer=deelnemer)}
    schermen = {g: Scherm(groep=g, label=str(Groep(g).label)) for g in Groep.values}
    deelnames = (
        Deelname.objects.filter(
            praktijk_id=deelnemer.ronde.praktijk_id,
            organisatie__eigenaar_id=deelnemer.ronde.praktijk_id,
        )
        .exclude(organisatie_id=deelnemer.organisatie_id)
        .select_related("organisatie")
        .order_by("organisatie__naam", "organisatie_id")
    )
    for deelname in deelnames:
        antwoord = antwoorden.get(deelname.organisatie_id)
        vraag = Vraag(organisatie=deelname.organisatie)
        if antwoord is not None:
            vraag.stap, vraag.vertrouwen, vraag.waarde = (
                antwoord.stap,
                antwoord.vertrouwen,
                antwoord.waarde,
            )
        schermen[deelname.groep].vragen.append(vraag)
    return [s for s in schermen.values() if s.vragen]


# --- ties -------------------------------------------------------------------------------------

type Paar = tuple[int, int]


def _stappen_per_paar(ronde_ids: Sequence[int]) -> dict[int, dict[Paar, str]]:
    """Per round the step of each pair: the highest step anybody of either side gave.

    A tie exists as soon as one side says so ("we have had contact" from one side is contact);
    the step says nothing of who gave it (1 query)."""
    stappen: dict[int, dict[Paar, str]] = defaultdict(dict)
    rijen = RelatieAntwoord.objects.filter(ronde_id__in=ronde_ids).values_list(
        "ronde_id", "van_id", "over_id", "stap"
    )
    for ronde_id, van, over, stap in rijen:
        p = disclosure.paar(van, over)
        huidig = stappen[ronde_id].get(p)
        if huidig is None or STAP_NIVEAU[stap] > STAP_NIVEAU[huidig]:
            stappen[ronde_id][p] = stap
    return stappen


def bekende_banden(*, praktijk: Praktijk) -> dict[Paar, set[str]]:
    """Ties the app already knows, per pair of the practice's organisations, with their sources:
    "experiment" (in the same experiment), "mantelzorg" (carers' feedback about an experiment
    passed on to an organisation: it and the experiment's organisations) and "actie" (actions of
    one experiment owned by people of both organisations). 3 queries."""
    eigen = set(organisaties_for_praktijk(praktijk=praktijk).values_list("pk", flat=True))
    per_experiment: dict[int, set[int]] = defaultdict(set)
    for experiment_id, organisatie_id in Experiment.organisaties.through.objects.filter(
        experiment__praktijk=praktijk
    ).values_list("experiment_id", "organisatie_id"):
        per_experiment[experiment_id].add(organisatie_id)
    banden: dict[Paar, set[str]] = defaultdict(set)

    def koppel(organisaties: set[int], bron: str) -> None:
        for a, b in itertools.combinations(sorted(organisaties & eigen), 2):
            banden[(a, b)].add(bron)

    for organisaties in per_experiment.values():
        koppel(organisaties, "experiment")
    for experiment_id, naar in Reactie.objects.filter(
        praktijk=praktijk,
        experiment__isnull=False,
        doorgegeven_naar__isnull=False,
        doorgegeven_op__isnull=False,
    ).values_list("experiment_id", "doorgegeven_naar_id"):
        for ander in per_experiment.get(experiment_id, set()) - {naar}:
            koppel({naar, ander}, "mantelzorg")
    eigenaars: dict[int, set[int]] = defaultdict(set)
    for experiment_id, organisatie_id in Actie.objects.filter(
        praktijk=praktijk, experiment__isnull=False, eigenaar__isnull=False
    ).values_list("experiment_id", "eigenaar__organisatie_id"):
        eigenaars[experiment_id].add(organisatie_id)
    for organisaties in eigenaars.values():
        koppel(organisaties, "actie")
    return dict(banden)


@dataclass
class Band:
    a: Organisatie
    b: Organisatie
    stap: str  # "" when only known from the app
    bronnen: list[str]  # the app's sources, see bekende_banden
    nieuw: bool = False  # a tie (contact or closer) that the previous round did not have
    vertrouwen: disclosure.Cijfer | None = None
    waarde: disclosure.Cijfer | None = None


@dataclass
class Netwerkbeeld:
    """A round's ties and the figures that may be shown of it."""

    ronde: Relatieronde
    organisaties: list[Organisatie]
    groepen: dict[int, str]
    banden: list[Band]
    vertrouwen: dict[int, disclosure.Cijfer]
    waarde: dict[int, disclosure.Cijfer]
    per_stap: dict[str, int]
    zonder_band: list[Organisatie]
    vorige: Relatieronde | None
    posities: dict[int, kaart.Positie] = field(default_factory=dict)
    dichtheid: float = 0.0  # ties (contact or closer) of all possible pairs
    verbinders: list[tuple[Organisatie, float]] = field(default_factory=list)  # betweenness top 3

    @property
    def nieuw(self) -> int:
        """How many ties are new since the previous round."""
        return sum(band.nieuw for band in self.banden)

    @property
    def lijnen(self) -> list[dict]:
        """The map's lines in SVG units (1000 x 700), each with its tie."""
        lijnen = []
        for band in self.banden:
            a, b = self.posities.get(band.a.pk), self.posities.get(band.b.pk)
            if a and b:
                lijnen.append(
                    {
                        "band": band,
                        "x1": round(a[0] * KAART_BREEDTE),
                        "y1": round(a[1] * KAART_HOOGTE),
                        "x2": round(b[0] * KAART_BREEDTE),
                        "y2": round(b[1] * KAART_HOOGTE),
                    }
                )
        return lijnen

    @property
    def punten(self) -> list[dict]:
        """The map's organisations in SVG units, with their group."""
        return [
            {
                "organisatie": o,
                "groep": self.groepen.get(o.pk, ""),
                "x": round(self.posities[o.pk][0] * KAART_BREEDTE),
                "y": round(self.posities[o.pk][1] * KAART_HOOGTE),
            }
            for o in self.organisaties
            if o.pk in self.posities
        ]


KAART_BREEDTE, KAART_HOOGTE = 1000, 700
# How hard a tie pulls on the map: working together more than contact, a known tie least.
GEWICHT = {Stap.WERKEN_SAMEN: 2.0, Stap.CONTACT_GEHAD: 1.0, "": 0.5}


# An open round's map is laid out when it is viewed (a closed round's is stored). The layout is
# deterministic, so it is kept under a fingerprint of all it is computed from: an unchanged
# network is not laid out again, a changed tie (or organisation, or earlier map) is a new key.
# The time only bounds what an abandoned key keeps; bump the version when the layout changes.
KAART_CACHE_SECONDS = 24 * 60 * 60


def _kaart_sleutel(
    *,
    ronde_id: int,
    organisaties: list[int],
    randen: dict[Paar, float],
    vast: dict[int, kaart.Positie],
) -> str:
    invoer = repr((sorted(organisaties), sorted(randen.items()), sorted(vast.items())))
    vingerafdruk = hashlib.sha256(invoer.encode()).hexdigest()
    return f"relaties:kaart:v1:{ronde_id}:{vingerafdruk}"


def _kaart_posities(
    *, ronde: Relatieronde, organisaties: list[int], banden: list["Band"]
) -> dict[int, kaart.Positie]:
    """The stored map of the round when it has one for every organisation; otherwise computed
    now (cached, not stored), keeping the positions of the latest earlier round with a map
    (2 queries)."""
    opgeslagen = {
        o: (x, y)
        for o, x, y in Kaartpositie.objects.filter(ronde=ronde).values_list(
            "organisatie_id", "x", "y"
        )
    }
    if opgeslagen and set(organisaties) <= set(opgeslagen):
        return opgeslagen
    eerder = (
        Kaartpositie.objects.filter(
            ronde__praktijk_id=ronde.praktijk_id, ronde__geopend_op__lt=ronde.geopend_op
        )
        .order_by("-ronde__geopend_op", "-ronde_id")
        .values_list("ronde_id", "organisatie_id", "x", "y")
    )
    vast: dict[int, kaart.Positie] = {}
    vorige_id = None
    for ronde_id, o, x, y in eerder:
        if vorige_id is None:
            vorige_id = ronde_id
        if ronde_id != vorige_id:
            break
        vast[o] = (x, y)
    randen = {(band.a.pk, band.b.pk): GEWICHT.get(band.stap, 0.5) for band in banden}
    sleutel = _kaart_sleutel(ronde_id=ronde.pk, organisaties=organisaties, randen=randen, vast=vast)
    posities: dict[int, kaart.Positie] | None = cache.get(sleutel)
    if posities is None:
        posities = kaart.layout(organisaties, randen, vast=vast)
        cache.set(sleutel, posities, KAART_CACHE_SECONDS)
    return posities


def _is_band(stap: str) -> bool:
    return STAP_NIVEAU.get(stap, -1) >= STAP_NIVEAU[Stap.CONTACT_GEHAD]


def netwerkbeeld(*, ronde: Relatieronde) -> Netwerkbeeld:
    """The round's network: each pair's step, the known ties, what is new since the previous
    round, and (once the round has closed) trust and value as far as the disclosure rules allow.
    A fixed number of queries, whatever the number of organisations."""
    praktijk = ronde.praktijk
    vorige = (
        Relatieronde.objects.filter(praktijk=praktijk, geopend_op__lt=ronde.geopend_op)
        .order_by("-geopend_op")
        .first()
    )
    deelnames = list(
        Deelname.objects.filter(praktijk=praktijk, organisatie__eigenaar=praktijk)
        .select_related("organisatie")
        .order_by("organisatie__naam", "organisatie_id")
    )
    organisaties = {d.organisatie_id: d.organisatie for d in deelnames}
    groepen = {d.organisatie_id: d.groep for d in deelnames}
    stappen = _stappen_per_paar([ronde.pk] + ([vorige.pk] if vorige else []))
    nu, toen = stappen.get(ronde.pk, {}), stappen.get(vorige.pk, {}) if vorige else {}
    bekend = bekende_banden(praktijk=praktijk)
    vertrouwen = waarde = disclosure.Vrijgave()
    if ronde.gesloten_op is not None or ronde.sluit_op <= timezone.now():
        rijen = list(
            RelatieAntwoord.objects.filter(ronde=ronde).values_list(
                "van_id", "over_id", "vertrouwen", "waarde"
            )
        )
        vertrouwen = disclosure.vrijgeven(
            disclosure.Beoordeling(van=v, over=o, score=t) for v, o, t, _w in rijen if t
        )
        waarde = disclosure.vrijgeven(
            disclosure.Beoordeling(van=v, over=o, score=w) for v, o, _t, w in rijen if w
        )
    banden = []
    for p in sorted(set(nu) | set(bekend)):
        if p[0] not in organisaties or p[1] not in organisaties:
            continue
        stap = nu.get(p, "")
        if not _is_band(stap) and p not in bekend:
            continue
        banden.append(
            Band(
                a=organisaties[p[0]],
                b=organisaties[p[1]],
                stap=stap,
                bronnen=sorted(bekend.get(p, ())),
                nieuw=vorige is not None and _is_band(stap) and not _is_band(toen.get(p, "")),
                vertrouwen=vertrouwen.paren.get(p),
                waarde=waarde.paren.get(p),
            )
        )
    verbonden = {o.pk for band in banden for o in (band.a, band.b)}
    per_stap = {stap: sum(s == stap for s in nu.values()) for stap in Stap.values}
    echte = [(b.a.pk, b.b.pk) for b in banden if _is_band(b.stap)]
    n = len(organisaties)
    tussen = kaart.betweenness(organisaties, echte)
    verbinders = [
        (organisaties[pk], waarde)
        for pk, waarde in sorted(tussen.items(), key=lambda kv: (-kv[1], organisaties[kv[0]].naam))
        if waarde > 0
    ][:3]
    return Netwerkbeeld(
        posities=_kaart_posities(ronde=ronde, organisaties=list(organisaties), banden=banden),
        dichtheid=len(echte) / (n * (n - 1) / 2) if n > 1 else 0.0,
        verbinders=verbinders,
        ronde=ronde,
        organisaties=list(organisaties.values()),
        groepen=groepen,
        banden=banden,
        vertrouwen=vertrouwen.organisaties,
        waarde=waarde.organisaties,
        per_stap=per_stap,
        zonder_band=[o for pk, o in organisaties.items() if pk not in verbonden],
        vorige=vorige,
    )


@dataclass
class BandenInRonde:
    ronde: Relatieronde
    stappen: dict[int, str]  # the other organisation's id -> the pair's step in this round


def banden_van(*, organisatie: Organisatie, praktijk: Praktijk) -> list[BandenInRonde]:
    """An organisation's ties in every round of the practice, oldest first: per round the
    ladder step to each other organisation (the pair's highest step, as on the map). For the
    yield pages ("its ties then and now"). 2 queries."""
    rondes = list(rondes_for_praktijk(praktijk=praktijk).order_by("geopend_op", "pk"))
    stappen = _stappen_per_paar([r.pk for r in rondes])
    uitkomst = []
    for ronde in rondes:
        eigen = {}
        for (a, b), stap in stappen.get(ronde.pk, {}).items():
            if organisatie.pk in (a, b):
                eigen[b if a == organisatie.pk else a] = stap
        uitkomst.append(BandenInRonde(ronde=ronde, stappen=eigen))
    return uitkomst


@dataclass(frozen=True)
class BandenDanEnNu:
    """The ties of the first and the last closed round (for the yield pages): per ladder step
    the number of pairs then and now, and for one organisation whom it works with now and with
    whom it has contact now but had not then. Only steps of pairs: no trust or value, nobody's
    own answer."""

    dan: Relatieronde
    nu: Relatieronde
    per_stap: list[tuple[str, int, int]]  # (step label, pairs then, pairs now), closest first
    samen_nu: list[str] = field(default_factory=list)  # organisation names
    nieuw: list[str] = field(default_factory=list)  # organisation names


def banden_dan_en_nu(
    *, praktijk: Praktijk, organisatie: Organisatie | None = None
) -> BandenDanEnNu | None:
    """The practice's (or one organisation's) ties in its first and its last closed round; None
    before a round has closed. At most 3 queries, however many organisations and rounds."""
    rondes = list(
        rondes_for_praktijk(praktijk=praktijk)
        .filter(gesloten_op__isnull=False)
        .order_by("geopend_op", "pk")
    )
    if not rondes:
        return None
    dan, nu = rondes[0], rondes[-1]
    stappen = _stappen_per_paar([dan.pk, nu.pk])

    def eigen(ronde: Relatieronde) -> dict[Paar, str]:
        paren = stappen.get(ronde.pk, {})
        if organisatie is None:
            return paren
        return {p: stap for p, stap in paren.items() if organisatie.pk in p}

    paren_dan, paren_nu = eigen(dan), eigen(nu)
    per_stap = [
        (
            str(Stap(stap).label),
            sum(1 for s in paren_dan.values() if s == stap),
            sum(1 for s in paren_nu.values() if s == stap),
        )
        for stap in reversed(Stap.values)
        if stap != Stap.KENNEN_NIET
    ]
    if organisatie is None:
        return BandenDanEnNu(dan=dan, nu=nu, per_stap=per_stap)

    def ander(p: Paar) -> int:
        return p[1] if p[0] == organisatie.pk else p[0]

    samen = {ander(p) for p, stap in paren_nu.items() if stap == Stap.WERKEN_SAMEN}
    toen = {ander(p) for p, stap in paren_dan.items() if _is_band(stap)}
    nieuw = {ander(p) for p, stap in paren_nu.items() if _is_band(stap)} - toen
    namen = dict(Organisatie.objects.filter(pk__in=samen | nieuw).values_list("pk", "naam"))
    return BandenDanEnNu(
        dan=dan,
        nu=nu,
        per_stap=per_stap,
        samen_nu=sorted(namen[pk] for pk in samen if pk in namen),
        nieuw=sorted(namen[pk] for pk in nieuw if pk in namen),
    )
