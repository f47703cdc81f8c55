"""Play a scenario through the app's services, record what two viewers see after every event, and
keep the truth beside it.

The scenario is plain data (`Plan`), so hypothesis can generate it and a regression test can
write one by hand. `Run` plays it in the current transaction: a fresh practice with a
facilitator and an ordinary member, organisations in the core group, the design group or
neither, a statement set of its own, and one session (a workshop or a check-in).
"""

import datetime
import itertools
from dataclasses import dataclass, field

from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from condities import services
from condities.models import Conditie, Respondentgroep, Sessie, Stelling
from condities.services import deelname as deelname_services
from praktijken.models import Rol
from tests.condities.auditor.release import Rij, csv_tabellen, getoond_in, pagina_decimalen
from tests.factories import (
    DeelnameFactory,
    LidmaatschapFactory,
    OrganisatieFactory,
    PersoonFactory,
    PraktijkFactory,
    StellingensetFactory,
    StellingFactory,
    UserFactory,
)

WERKVORM, CHECKIN = "werkvorm", "checkin"
_UNIEK = itertools.count(1)


@dataclass
class Plan:
    """A session to play.

    `organisaties`: each organisation's group in the practice ("kerngroep", "ontwerpgroep", or
    "anders": no place in the network). `deelnemers`: (organisation index or None, carer?).
    `events`, in order:
      ("antwoord", participant, {statement index: score or None}, finish)  joins when needed
      ("papier", forms, {statement index: {score (0 = weet ik niet): count}})
      ("onthul", [condition codes])
      ("verwijder", participant)   only when the app has deelnemer_remove
    The session is closed after the last event.
    """

    soort: str
    condities: list[str]
    stellingen: list[int]  # statements per condition
    organisaties: list[str]
    deelnemers: list[tuple[int | None, bool]]
    events: list[tuple] = field(default_factory=list)


Mark = tuple  # ("a", participant, statement, version) or ("p", statement, version, i)


@dataclass
class Toestand:
    """The truth after one event: every current answer (a mark and its score) and paper mark."""

    stap: int
    open: bool
    onthuld: frozenset
    antwoorden: dict[int, dict[int, tuple[int | None, Mark]]]
    papier: dict[int, list[tuple[Mark, int]]]


@dataclass
class Vrijgave:
    """What one viewer could read after one event."""

    stap: int
    open: bool
    kijker: str  # "facilitator" or "lid"
    rijen: list[Rij]
    paginas: dict[str, str]
    praktijk_rijen: list[Rij] = field(default_factory=list)


def remover():
    """The app's participant removal, when it has one (being built in parallel)."""
    return getattr(deelname_services, "deelnemer_remove", None)


class Run:
    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        n = next(_UNIEK)
        self.praktijk = PraktijkFactory(slug=f"audit-{n}", naam=f"Audit {n}")
        self.facilitator = UserFactory(email=f"facilitator{n}@audit.example")
        LidmaatschapFactory(praktijk=self.praktijk, user=self.facilitator, rol=Rol.FACILITATOR)
        self.lid = UserFactory(email=f"lid{n}@audit.example")
        LidmaatschapFactory(praktijk=self.praktijk, user=self.lid, rol=Rol.LID)
        self.organisaties = []
        for i, groep in enumerate(plan.organisaties):
            organisatie = OrganisatieFactory(naam=f"Organisatie {n}-{i}")
            if groep != "anders":
                DeelnameFactory(praktijk=self.praktijk, organisatie=organisatie, groep=groep)
            self.organisaties.append(organisatie)
        stellingenset = StellingensetFactory(praktijk=self.praktijk)
        self.stellingen: list[Stelling] = []
        for code, aantal in zip(plan.condities, plan.stellingen, strict=True):
            for j in range(aantal):
                self.stellingen.append(
                    StellingFactory(
                        set=stellingenset,
                        conditie=code,
                        tekst=f"Stelling {n} {code} {j}",
                        volgorde=len(self.stellingen),
                    )
                )
        # Conditions in the app's order, as every page lists them.
        self.stellingen.sort(key=lambda s: (Conditie.values.index(s.conditie), s.volgorde))
        self.conditie_van = [s.conditie for s in self.stellingen]
        self.groep_van: list[str] = []
        self.organisatie_van: list[str | None] = []
        for org, carer in plan.deelnemers:
            if carer and plan.soort == WERKVORM:
                self.groep_van.append(Respondentgroep.MANTELZORGER)
            elif org is None or plan.organisaties[org] == "anders":
                self.groep_van.append(Respondentgroep.ANDERS)
            else:
                self.groep_van.append(plan.organisaties[org])
            self.organisatie_van.append(None if org is None else self.organisaties[org].naam)
        self.deelnemer: dict[int, object] = {}
        datum = datetime.date(2026, 10, 1)
        if plan.soort == CHECKIN:
            ontvangers = []
            for i, (org, _carer) in enumerate(plan.deelnemers):
                user = UserFactory(email=f"deelnemer{n}-{i}@audit.example")
                LidmaatschapFactory(praktijk=self.praktijk, user=user, rol=Rol.LID)
                organisatie = self.organisaties[org] if org is not None else None
                if organisatie is not None:
                    PersoonFactory(user=user, organisatie=organisatie, email=user.email)
                ontvangers.append(user)
            self.sessie = services.checkin_create(
                praktijk=self.praktijk,
                by=self.facilitator,
                titel=f"Check-in {n}",
                datum=datum,
                condities=plan.condities,
                stellingen=self.stellingen,
                herinnering_na_dagen=7,
                ontvangers=ontvangers,
            )
            by_user = {d.user_id: d for d in self.sessie.deelnemers.all()}
            for i, user in enumerate(ontvangers):
                self.deelnemer[i] = by_user[user.pk]
        else:
            self.sessie = services.sessie_create(
                praktijk=self.praktijk,
                titel=f"Werkvorm {n}",
                datum=datum,
                modus="live",
                condities=plan.condities,
                by=self.facilitator,
            )
            services.sessie_open(sessie=self.sessie, by=self.facilitator)
        self.clients = {"facilitator": Client(), "lid": Client()}
        self.clients["facilitator"].force_login(self.facilitator)
        self.clients["lid"].force_login(self.lid)
        # The truth.
        self.huidig: dict[int, dict[int, tuple[int | None, Mark]]] = {}
        self.versies = itertools.count()
        self.papier: dict[int, list[tuple[Mark, int]]] = {}
        self.onthuld: frozenset = frozenset()
        self.toestanden: list[Toestand] = []
        self.vrijgaven: list[Vrijgave] = []
        self.paginafouten: list[str] = []

    # Playing.
    def play(self) -> "Run":
        self.record(open_=True)
        for event in self.plan.events:
            self.apply(event)
            self.record(open_=True)
        services.sessie_close(sessie=self.sessie, by=self.facilitator)
        self.record(open_=False)
        return self

    def apply(self, event: tuple) -> None:
        soort = event[0]
        if soort == "antwoord":
            _soort, p, antwoorden, klaar = event
            deelnemer = self._deelnemer(p)
            if deelnemer is None:
                return
            per_stelling = self.huidig.setdefault(p, {})
            for index, score in sorted(antwoorden.items()):
                services.antwoord_save(
                    deelnemer=deelnemer, stelling=self.stellingen[index], score=score
                )
                oud = per_stelling.get(index)
                if oud is None or oud[0] != score:
                    per_stelling[index] = (score, ("a", p, index, next(self.versies)))
            if klaar:
                services.deelnemer_finish(deelnemer=deelnemer)
        elif soort == "papier":
            _soort, formulieren, tellingen = event
            services.papier_tellingen_save(
                sessie=self.sessie,
                formulieren=formulieren,
                tellingen={self.stellingen[i].pk: dict(t) for i, t in tellingen.items()},
                by=self.facilitator,
            )
            versie = next(self.versies)
            nieuw: dict[int, list[tuple[Mark, int]]] = {}
            for i, per_score in tellingen.items():
                scores = sorted(s for s, aantal in per_score.items() if s for _ in range(aantal))
                oud = self.papier.get(i, [])
                if [s for _m, s in oud] == scores:
                    nieuw[i] = oud  # the same marks: the same unknowns
                else:
                    nieuw[i] = [(("p", i, versie, j), s) for j, s in enumerate(scores)]
            self.papier = {i: marks for i, marks in nieuw.items() if marks}
        elif soort == "onthul":
            services.sessie_reveal(sessie=self.sessie, condities=event[1], by=self.facilitator)
            self.onthuld = frozenset(self.sessie.onthuld)
        elif soort == "verwijder":
            remove = remover()
            p = event[1]
            if remove is None or p not in self.deelnemer:
                return
            remove(sessie=self.sessie, deelnemer=self.deelnemer.pop(p), by=self.facilitator)
            self.huidig.pop(p, None)
        else:
            raise ValueError(event)

    def _deelnemer(self, p: int):
        if p in self.deelnemer:
            return self.deelnemer[p]
        if self.plan.soort == CHECKIN or p in self._verwijderd():
            return None
        org, carer = self.plan.deelnemers[p]
        self.deelnemer[p] = services.deelnemer_join(
            sessie=self.sessie,
            naam=f"Deelnemer {p}",
            organisatie=None if org is None else self.organisaties[org],
            mantelzorger=carer,
        )
        return self.deelnemer[p]

    def _verwijderd(self) -> set[int]:
        return {e[1] for e in self.plan.events if e[0] == "verwijder"} - set(self.deelnemer)

    # Recording.
    def _get(self, kijker: str, name: str, *, htmx: bool = False, praktijk: bool = False):
        kwargs = {"slug": self.praktijk.slug}
        if not praktijk:
            kwargs["pk"] = self.sessie.pk
        headers = {"HX-Request": "true"} if htmx else {}
        cache.clear()  # the screen's results are shared for two seconds
        return self.clients[kijker].get(reverse(name, kwargs=kwargs), headers=headers)

    def record(self, *, open_: bool) -> None:
        stap = len(self.toestanden)
        self.toestanden.append(
            Toestand(
                stap=stap,
                open=open_,
                onthuld=self.onthuld,
                antwoorden={p: dict(a) for p, a in self.huidig.items()},
                papier={i: list(m) for i, m in self.papier.items()},
            )
        )
        for kijker in ("facilitator", "lid"):
            export = self._get(kijker, "condities:sessie_export_csv")
            if export.status_code != 200:
                rijen: list[Rij] = []
            else:
                rijen = csv_tabellen(export.content)
            paginas = {}
            rapport = self._get(kijker, "condities:sessie_rapport")
            if rapport.status_code == 200:
                paginas["rapport"] = rapport.content.decode()
            if kijker == "facilitator" and (open_ or self.plan.soort == WERKVORM):
                # The room's screen as its poll gets it (the fragment), at each condition and the
                # overview, also after a workshop closed (moving the screen releases nothing:
                # only what the export holds may show).
                for stap_code in [*self.plan.condities, "overzicht"]:
                    Sessie.objects.filter(pk=self.sessie.pk).update(scherm=stap_code)
                    scherm = self._get(kijker, "condities:scherm", htmx=True)
                    if scherm.status_code == 200:
                        paginas[f"scherm-{stap_code}"] = scherm.content.decode()
            vrijgave = Vrijgave(stap=stap, open=open_, kijker=kijker, rijen=rijen, paginas=paginas)
            if not open_:
                praktijk_export = self._get(kijker, "condities:praktijk_export_csv", praktijk=True)
                if praktijk_export.status_code == 200:
                    vrijgave.praktijk_rijen = csv_tabellen(praktijk_export.content)
                for naam, url in (
                    ("praktijk_rapport", "condities:praktijk_rapport"),
                    ("dashboard", "overzicht:dashboard"),
                ):
                    response = self._get(kijker, url, praktijk=True)
                    if response.status_code == 200:
                        paginas[naam] = response.content.decode()
            self.vrijgaven.append(vrijgave)
            self._check_paginas(vrijgave)

    def _check_paginas(self, vrijgave: Vrijgave) -> None:
        """Every decimal figure a page shows is in the viewer's exports at the same moment."""
        export = [g for rij in vrijgave.rijen for g in rij.getallen.values() if g.decimalen]
        export += [
            g for rij in vrijgave.praktijk_rijen for g in rij.getallen.values() if g.decimalen
        ]
        for naam, html in vrijgave.paginas.items():
            for g in pagina_decimalen(html):
                if not getoond_in(g, export):
                    self.paginafouten.append(
                        f"step {vrijgave.stap} ({'open' if vrijgave.open else 'closed'}), "
                        f"{vrijgave.kijker}'s {naam} shows {float(g.waarde)}, "
                        "which is not in that viewer's export"
                    )

    # Labels, in the language the exports are written in.
    def labels(self) -> dict[str, tuple[str, object]]:
        with translation.override("nl"):
            uit: dict[str, tuple[str, object]] = {}
            for code in self.plan.condities:
                uit[str(Conditie(code).label)] = ("conditie", code)
            for code in Respondentgroep.values:
                uit[str(Respondentgroep(code).label)] = ("groep", code)
            uit[gettext("Everybody")] = ("groep", "")
            for i, stelling in enumerate(self.stellingen):
                uit[stelling.tekst] = ("stelling", i)
            for organisatie in self.organisaties:
                uit[organisatie.naam] = ("organisatie", organisatie.naam)
        return uit
