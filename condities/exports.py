"""The conditions' results as files: CSV and XLSX of the aggregated scores and the actions.

Only aggregates leave the app: averages, spread, respondents, distributions per statement and
the discussion. Never one participant's answers, name or organisation; groups appear only with
at least three respondents (`scores.MIN_RESPONDENTEN`), as on the report page.

CSV is written for Excel in Dutch: semicolon-separated, a byte-order mark so that it reads UTF-8,
decimal commas and ISO dates. A file holds several tables (session, scores, statements, actions),
each headed by a row with its name and followed by an empty row. The XLSX has one sheet per table.
Text that a spreadsheet would run as a formula is neutralised in both (CSV injection, OWASP).
"""

import csv
import datetime
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from condities.models import ALLE, Actie, ConditieScore, Groep, Sessie
from condities.selectors import Resultaten
from netwerk.exports import csv_cell

Cell = str | int | float | Decimal | datetime.date | None


@dataclass
class Tabel:
    """One table of an export: a CSV section, or a sheet of the workbook."""

    titel: str
    kolommen: list[str]
    rijen: list[list[Cell]] = field(default_factory=list)


def _groep_label(groep: str) -> str:
    return _("Everybody") if groep == ALLE else str(Groep(groep).label)


def _ja_nee(value: bool) -> str:
    return _("yes") if value else _("no")


def _acties_tabel(acties: list[Actie], *, met_sessie: bool) -> Tabel:
    kolommen = [_("Condition"), _("Kind"), _("What"), _("Who"), _("When"), _("Done")]
    if met_sessie:
        kolommen = [_("Session date"), _("Session"), *kolommen]
    tabel = Tabel(titel=_("Actions"), kolommen=[*kolommen, _("Experiment")])
    for actie in acties:
        rij: list[Cell] = [
            actie.get_conditie_display(),
            actie.get_soort_display(),
            actie.tekst,
            actie.wie,
            actie.wanneer,
            _ja_nee(actie.gedaan),
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
    for conditie in resultaten.condities:
        groepen = [(ALLE, conditie.totaal)] + [
            (code, conditie.groepen[code])
            for code in Groep.values
            if code in conditie.groepen and conditie.groepen[code].zichtbaar
        ]
        for groep, score in groepen:
            scores.rijen.append(
                [
                    conditie.label,
                    _groep_label(groep),
                    _rond(score.gemiddelde),
                    _rond(score.spreiding),
                    score.respondenten,
                    score.tally.weet_niet,
                ]
            )
        for resultaat in conditie.stellingen:
            stellingen.rijen.append(
                [
                    conditie.label,
                    resultaat.stelling.tekst,
                    *[resultaat.counts[score] for score in range(1, 6)],
                    resultaat.tally.weet_niet,
                    resultaat.tally.n,
                    _rond(resultaat.tally.gemiddelde),
                ]
            )
    return [over, scores, stellingen, _acties_tabel(acties, met_sessie=False)]


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
                _rond(score.gemiddelde),
                _rond(score.spreiding),
                score.respondenten,
            ]
        )
    return [tabel, _acties_tabel(acties, met_sessie=True)]


def _rond(value: float | Decimal | None) -> float | None:
    return None if value is None else round(float(value), 2)


def _csv_waarde(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _ja_nee(value)
    if isinstance(value, float | Decimal):
        return f"{float(value):.2f}".replace(".", ",")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return csv_cell(value)


def tabellen_csv(tabellen: list[Tabel], *, met_titels: bool = True) -> str:
    """The tables one below the other, each with its name on top and an empty row after it;
    without titles (a file of one table) just the header row and the rows."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for tabel in tabellen:
        if met_titels:
            writer.writerow([csv_cell(tabel.titel)])
        writer.writerow([csv_cell(k) for k in tabel.kolommen])
        for rij in tabel.rijen:
            writer.writerow([_csv_waarde(v) for v in rij])
        if met_titels:
            writer.writerow([])
    return out.getvalue()


_ONGELDIG_IN_BLADNAAM = str.maketrans(dict.fromkeys("[]:*?/\\", "-"))


def tabellen_xlsx(tabellen: list[Tabel]) -> bytes:
    """A workbook with a sheet per table: a bold header row, numbers and dates as such."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    vet = Font(bold=True)
    for tabel in tabellen:
        sheet = workbook.create_sheet(title=tabel.titel.translate(_ONGELDIG_IN_BLADNAAM)[:31])
        for kolom, titel in enumerate(tabel.kolommen, start=1):
            _xlsx_cell(sheet.cell(row=1, column=kolom), titel).font = vet
            sheet.column_dimensions[sheet.cell(row=1, column=kolom).column_letter].width = max(
                12, min(len(titel) + 4, 60)
            )
        for index, rij in enumerate(tabel.rijen, start=2):
            for kolom, waarde in enumerate(rij, start=1):
                _xlsx_cell(sheet.cell(row=index, column=kolom), waarde)
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _xlsx_cell(cell, value: Cell):
    if value is None:
        return cell
    if isinstance(value, bool):
        cell.value = _ja_nee(value)
    elif isinstance(value, float | Decimal):
        cell.value = float(value)
        cell.number_format = "0.00"
    elif isinstance(value, int):
        cell.value = value
    elif isinstance(value, datetime.date):
        cell.value = value
        cell.number_format = "dd-mm-yyyy"
    else:
        # Always text, never a formula: openpyxl would store "=..." as one.
        cell.value = str(value)
        cell.data_type = "s"
        if cell.value.startswith(("=", "+", "-", "@", "\t", "\r")):
            cell.quotePrefix = True
    return cell
