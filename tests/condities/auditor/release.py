"""Reading what the app released: the CSV exports as tables, the numbers on HTML pages."""

import csv
import io
import re
from dataclasses import dataclass, field
from fractions import Fraction
from html.parser import HTMLParser

_GETAL = re.compile(r"^-?\d+(?:,\d+)?$")
_DECIMAAL = re.compile(r"(?<![\d,.])\d+,\d+(?![\d,])")


@dataclass(frozen=True)
class Getal:
    """A released number, exactly as written: its value and how many decimals it was given."""

    waarde: Fraction
    decimalen: int

    @property
    def half(self) -> Fraction:
        """Half of the last written digit: the true value lies within this of `waarde`."""
        return Fraction(1, 2 * 10**self.decimalen)


def getal(text: str) -> Getal | None:
    text = text.strip()
    if not _GETAL.match(text):
        return None
    _heel, _komma, breuk = text.partition(",")
    return Getal(Fraction(text.replace(",", ".")), len(breuk))


@dataclass
class Rij:
    """A data row: its text cells (labels) and its numbers by column header (lower case)."""

    tabel: str
    labels: list[str]
    getallen: dict[str, Getal]
    leeg: list[str] = field(default_factory=list)  # headers of empty cells (hidden figures)


def csv_tabellen(body: bytes) -> list[Rij]:
    """Every data row of every table in an export: a title row, a header row, the rows, an empty
    row. Numbers are parsed wherever they appear, with their column's header."""
    text = body.decode("utf-8")
    assert text.startswith("\ufeff"), "the export lost its byte-order mark"
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    rijen: list[Rij] = []
    titel = None
    kolommen: list[str] | None = None
    for row in rows:
        if not any(cell.strip() for cell in row):
            titel, kolommen = None, None
            continue
        if titel is None:
            titel = row[0]
            continue
        if kolommen is None:
            kolommen = [cell.strip().lower() for cell in row]
            continue
        labels, getallen, leeg = [], {}, []
        for index, cell in enumerate(row):
            kop = kolommen[index] if index < len(kolommen) else f"kolom {index}"
            waarde = getal(cell)
            if waarde is not None:
                getallen[kop] = waarde
            elif cell.strip():
                labels.append(cell.strip())
            else:
                leeg.append(kop)
        rijen.append(Rij(tabel=titel, labels=labels, getallen=getallen, leeg=leeg))
    return rijen


class _Tekst(HTMLParser):
    """The visible text of a page: no SVG (chart coordinates), scripts, styles or attributes."""

    VERBORGEN = frozenset({"svg", "script", "style", "head", "title"})

    def __init__(self) -> None:
        super().__init__()
        self.diepte = 0
        self.delen: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VERBORGEN:
            self.diepte += 1

    def handle_endtag(self, tag):
        if tag in self.VERBORGEN and self.diepte:
            self.diepte -= 1

    def handle_data(self, data):
        if not self.diepte:
            self.delen.append(data)


def pagina_decimalen(html: str) -> list[Getal]:
    """The decimal numbers (written with a decimal comma) in a page's visible text."""
    parser = _Tekst()
    parser.feed(html)
    tekst = " ".join(parser.delen)
    return [g for g in (getal(m) for m in _DECIMAAL.findall(tekst)) if g is not None]


def getoond_in(getal_op_pagina: Getal, export: list[Getal]) -> bool:
    """Whether a page's number is one of the export's numbers, rounded as the page rounds it (a
    little slack for rounding twice)."""
    marge = getal_op_pagina.half + Fraction(1, 200)
    return any(
        abs(x.waarde - getal_op_pagina.waarde) <= marge
        for x in export
        if x.decimalen >= getal_op_pagina.decimalen
    )
