"""The conditions' results as files: CSV and XLSX of the aggregated scores and the actions.

Only aggregates leave the app: averages, spread, respondents, distributions per statement and
the discussion, exactly as `condities.disclosure` releases them to the viewer (hidden figures are
empty cells; conditions not revealed yet are left out). Never one participant's answers or name;
an action names its owner (a person of the network, as on the actions page), never a carer.

CSV is written for Excel in Dutch: semicolon-separated, a byte-order mark so that it reads UTF-8,
decimal commas and ISO dates. A file holds several tables (session, scores, statements, actions),
each headed by a row with its name and followed by an empty row. The XLSX has one sheet per table.
Text that a spreadsheet would run as a formula is neutralised in both (CSV injection, OWASP).
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from condities.charts import afgerond
from condities.models import ALLE, Actie, ConditieScore, Respondentgroep, Sessie
from condities.selectors.resultaten import Resultaten
from config.exports import Cell, Tabel


def _groep_label(groep: str) -> str:
    return _("Everybody") if groep == ALLE else str(Respondentgroep(groep).label)


def _acties_tabel(acties: list[Actie], *, met_sessie: bool) -> Tabel:
    kolommen = [
        _("Condition"),
        _("Kind"),
        _("What"),
        _("Owner"),
        _("Status"),
        _("Due date"),
        _("Done on"),
    ]
    if met_sessie:
        kolommen = [_("Session date"), _("Session"), *kolommen]
    tabel = Tabel(titel=_("Actions"), kolommen=[*kolommen, _("Experiment")])
    for actie in acties:
        rij: list[Cell] = [
            actie.get_conditie_display(),
            actie.get_soort_display(),
            actie.tekst,
            # The owner, a person of the network; the free "who" of older actions without one.
            actie.eigenaar.naam if actie.eigenaar_id else actie.wie,
            actie.get_status_display(),
            actie.wanneer,
            timezone.localdate(actie.gedaan_op) if actie.gedaan_op else None,
            actie.experiment.titel if actie.experiment_id else "",
        ]
        if met_sessie:
            rij = [actie.sessie.datum, actie.sessie.titel, *rij]
        tabel.rijen.append(rij)
    return tabel


def sessie_tabellen(*, resultaten: Resultaten, acties: list[Actie]) -> list[Tabel]:
    """The tables of one session (open or closed): its facts, scores, statements and actions."""
    sessie: Sessie = resultaten.sessie
    over = Tabel(titel=_("Session"), kolommen=[_("Field"), _("Value")])
    over.rijen = [
        [_("Title"), sessie.titel],
        [_("Kind"), sessie.get_soort_display()],
        [_("Date"), sessie.datum],
        [_("Mode"), sessie.get_modus_display()],
        [_("Status"), sessie.get_status_display()],
        [_("Participants"), resultaten.aangemeld],
        [_("Paper forms"), sessie.papieren_formulieren],
        [_("Exported on"), timezone.localtime().strftime("%Y-%m-%d %H:%M")],
    ]

    scores = Tabel(
        titel=_("Scores"),
        kolommen=[
            _("Condition"),
            _("Group"),
            _("Average"),
            _("Spread"),
            _("Respondents"),
            _("Don't know (answers)"),
        ],
    )
    stellingen = Tabel(
        titel=_("Statements"),
        kolommen=[
            _("Condition"),
            _("Statement"),
            *[_("Score %(score)s") % {"score": score} for score in range(1, 6)],
            _("Don't know"),
            _("Answers"),
            _("Average"),
        ],
    )
    organisaties = Tabel(
        titel=_("Organisations"),
        kolommen=[_("Condition"), _("Organisation"), _("Average"), _("Spread"), _("Respondents")],
    )
    for conditie in resultaten.condities:
        if not conditie.gedeeld:
            continue
        groepen = [(ALLE, conditie.totaal), *conditie.groepen.items()]
        for groep, score in groepen:
            scores.rijen.append(
                [
                    conditie.label,
                    _groep_label(groep),
                    afgerond(score.gemiddelde),
                    afgerond(score.spreiding),
                    score.respondenten,
                    score.tally.weet_niet,
                ]
            )
        for naam, score in conditie.organisaties.items():
            organisaties.rijen.append(
                [
                    conditie.label,
                    naam,
                    afgerond(score.gemiddelde),
                    afgerond(score.spreiding),
                    score.respondenten,
                ]
            )
        for resultaat in conditie.stellingen:
            if not resultaat.zichtbaar:
                stellingen.rijen.append([conditie.label, resultaat.stelling.tekst])
                continue
            stellingen.rijen.append(
                [
                    conditie.label,
                    resultaat.stelling.tekst,
                    *[resultaat.counts[score] for score in range(1, 6)],
                    resultaat.tally.weet_niet,
                    resultaat.tally.n,
                    afgerond(resultaat.tally.gemiddelde),
                ]
            )
    verschillen = Tabel(
        titel=_("Differences between organisations"),
        kolommen=[
            _("Condition"),
            _("Difference"),
            _("Highest"),
            _("Average"),
            _("Lowest"),
            _("Average"),
        ],
    )
    for gap in resultaten.verschillen:
        verschillen.rijen.append(
            [
                gap["label"],
                afgerond(gap["verschil"]),
                gap["hoog"],
                afgerond(gap["hoog_gemiddelde"]),
                gap["laag"],
                afgerond(gap["laag_gemiddelde"]),
            ]
        )
    return [
        over,
        scores,
        stellingen,
        organisaties,
        verschillen,
        _acties_tabel(acties, met_sessie=False),
    ]


def praktijk_tabellen(*, scores: list[ConditieScore], acties: list[Actie]) -> list[Tabel]:
    """The tables of a practice: every condition score over time, and every action."""
    tabel = Tabel(
        titel=_("Scores"),
        kolommen=[
            _("Date"),
            _("Session"),
            _("Source"),
            _("Condition"),
            _("Group"),
            _("Average"),
            _("Spread"),
            _("Respondents"),
        ],
    )
    for score in scores:
        tabel.rijen.append(
            [
                score.datum,
                score.sessie.titel,
                score.get_bron_display(),
                score.get_conditie_display(),
                _groep_label(score.groep),
                afgerond(score.gemiddelde),
                afgerond(score.spreiding),
                score.respondenten,
            ]
        )
    return [tabel, _acties_tabel(acties, met_sessie=True)]
