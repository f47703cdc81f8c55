"""Carers' feedback as files for the practice's report: CSV and XLSX, one row per reaction.

Contact details (name, email, phone) and the facilitators' internal note never leave the app.
CSV is written for Excel in Dutch (semicolons, a byte-order mark, ISO dates). Text a spreadsheet
would run as a formula is neutralised in both files (CSV injection, OWASP).
"""

import csv
import datetime
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from condities.models import Reactie
from netwerk.exports import csv_cell

Cell = str | int | datetime.date | None

_FORMULE_START = ("=", "+", "-", "@", "\t", "\r")


def kolommen() -> list[str]:
    return [
        _("Date"),
        _("Status"),
        _("What goes well"),
        _("What there should be more of"),
        _("What could be better"),
        _("Times the story was told"),
        _("Experiment or topic"),
        _("Cares for"),
        _("Conditions"),
        _("Passed on to"),
        _("Quote may be shared"),
        _("Shared with the members"),
    ]


def _ja_nee(value: bool) -> str:
    return _("yes") if value else _("no")


def rijen(reacties) -> list[list[Cell]]:
    """One row per reaction, in the order of `kolommen()`; never a contact detail."""
    result: list[list[Cell]] = []
    for reactie in reacties:
        result.append(
            [
                timezone.localtime(reactie.created_at).date(),
                reactie.get_status_display(),
                reactie.wat_gaat_goed,
                reactie.meer_van,
                reactie.kan_beter,
                reactie.keer_verteld if reactie.keer_verteld is not None else _("don't know"),
                reactie.experiment.titel if reactie.experiment_id else "",
                reactie.get_relatie_display() if reactie.relatie else "",
                ", ".join(str(tag.get_conditie_display()) for tag in reactie.conditie_tags.all()),
                reactie.doorgegeven_aan.naam if reactie.doorgegeven_aan_id else "",
                _ja_nee(reactie.deelbaar),
                _ja_nee(reactie.gedeeld_met_leden),
            ]
        )
    return result


def _csv_waarde(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return csv_cell(value)


def reacties_csv(reacties: list[Reactie]) -> str:
    """Semicolon-separated with a byte-order mark, as Excel in Dutch expects it."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([csv_cell(k) for k in kolommen()])
    for rij in rijen(reacties):
        writer.writerow([_csv_waarde(v) for v in rij])
    return out.getvalue()


def reacties_xlsx(reacties: list[Reactie]) -> bytes:
    """One sheet: a bold header row, dates and numbers as such, all text as plain text."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Carers' feedback")[:31]
    vet = Font(bold=True)
    for kolom, titel in enumerate(kolommen(), start=1):
        cell = sheet.cell(row=1, column=kolom)
        _xlsx_cell(cell, titel)
        cell.font = vet
        sheet.column_dimensions[cell.column_letter].width = max(12, min(len(titel) + 4, 50))
    for index, rij in enumerate(rijen(reacties), start=2):
        for kolom, waarde in enumerate(rij, start=1):
            _xlsx_cell(sheet.cell(row=index, column=kolom), waarde)
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _xlsx_cell(cell, value: Cell) -> None:
    if value is None:
        return
    if isinstance(value, int):
        cell.value = value
    elif isinstance(value, datetime.date):
        cell.value = value
        cell.number_format = "dd-mm-yyyy"
    else:
        # Always text, never a formula: openpyxl would store "=..." as one.
        cell.value = str(value)
        cell.data_type = "s"
        if cell.value.startswith(_FORMULE_START):
            cell.quotePrefix = True
