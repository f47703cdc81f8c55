"""Tables as files, for every app's exports: CSV for Excel in Dutch, and XLSX workbooks.

CSV is written for Excel in Dutch: semicolon-separated, a byte-order mark so that it reads UTF-8,
decimal commas and ISO dates. Text that a spreadsheet would run as a formula is neutralised in both
formats (CSV injection, OWASP).
"""

import csv
import datetime
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# A cell starting with one of these is a formula to a spreadsheet (CSV injection, OWASP).
_FORMULE_START = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float | Decimal | datetime.date | None


@dataclass
class Tabel:
    """One table of an export: a CSV section, or a sheet of the workbook."""

    titel: str
    kolommen: list[str]
    rijen: list[list[Cell]] = field(default_factory=list)


def csv_cell(value: object) -> str:
    """A cell value that a spreadsheet shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULE_START) else text


def ja_nee(value: bool) -> str:
    return _("yes") if value else _("no")


def _csv_waarde(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return ja_nee(value)
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
        cell.value = ja_nee(value)
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


def bestand_response(inhoud: str | bytes, *, content_type: str, naam: str) -> HttpResponse:
    """A download: the file's content with its name, to be saved rather than shown."""
    response = HttpResponse(inhoud, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    return response
