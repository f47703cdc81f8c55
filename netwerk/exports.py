"""The social map as files: CSV for spreadsheets and vCard 3.0 for address books."""

import csv
import io
from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _

from config.exports import csv_cell
from netwerk.models import Groep
from netwerk.selectors import KaartOrganisatie


def _datum(value) -> str:
    return timezone.localtime(value).date().isoformat() if value else ""


def kaart_csv(*, organisaties: Iterable[KaartOrganisatie]) -> str:
    """One row per person; an organisation without people gets one row of its own.

    Semicolon-separated with a byte-order mark, as Excel in Dutch expects it.
    """
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [
            _("Organisation"),
            _("Kind"),
            _("Group"),
            _("Domains of life"),
            _("Neighbourhoods"),
            _("Phone of the organisation"),
            _("Email of the organisation"),
            _("Website"),
            _("Address"),
            _("Name"),
            _("Function"),
            _("Phone"),
            _("Email address"),
            _("Expertise"),
            _("Call me for"),
            _("Last confirmed"),
        ]
    )
    for organisatie in organisaties:
        groep = Groep(organisatie.groep).label if getattr(organisatie, "groep", "") else ""
        adres = ", ".join(
            part
            for part in [organisatie.straat, f"{organisatie.postcode} {organisatie.plaats}".strip()]
            if part
        )
        basis = [
            organisatie.naam,
            organisatie.get_soort_display(),
            groep,
            ", ".join(str(d) for d in organisatie.levensdomeinen.all()),
            ", ".join(organisatie.wijken_lijst),
            organisatie.telefoon,
            organisatie.email,
            organisatie.website,
            adres,
        ]
        personen = organisatie.kaart_personen
        if not personen:
            writer.writerow(
                [csv_cell(v) for v in [*basis, "", "", "", "", "", ""]]
                + [_datum(organisatie.bevestigd_op)]
            )
        for persoon in personen:
            writer.writerow(
                [
                    csv_cell(v)
                    for v in [
                        *basis,
                        persoon.naam,
                        persoon.functie,
                        persoon.telefoon,
                        persoon.email,
                        persoon.expertise,
                        persoon.bel_mij_voor,
                    ]
                ]
                + [_datum(persoon.bevestigd_op or organisatie.bevestigd_op)]
            )
    return out.getvalue()


def _vcard_escape(value: str) -> str:
    """Escape a text value as RFC 2426 asks: backslash, comma, semicolon and newlines."""
    return (
        value.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _vcard_fold(line: str) -> str:
    """Fold a content line at 75 octets, continuing with a space (RFC 2425, section 5.8.1)."""
    parts: list[str] = []
    current = ""
    for char in line:
        limit = 75 if not parts else 74
        if len((current + char).encode()) > limit:
            parts.append(current)
            current = char
        else:
            current += char
    parts.append(current)
    return "\r\n ".join(parts)


def _vcard(lines: list[tuple[str, str]]) -> str:
    content = [("BEGIN", "VCARD"), ("VERSION", "3.0"), *lines, ("END", "VCARD")]
    return "".join(_vcard_fold(f"{name}:{value}") + "\r\n" for name, value in content if value)


def kaart_vcf(*, organisaties: Iterable[KaartOrganisatie]) -> str:
    """A vCard 3.0 for every organisation and for every person on the (filtered) map."""
    cards: list[str] = []
    for organisatie in organisaties:
        org = _vcard_escape(organisatie.naam)
        adres = ""
        if organisatie.straat or organisatie.plaats or organisatie.postcode:
            adres = ";".join(
                [
                    "",
                    "",
                    _vcard_escape(organisatie.straat),
                    _vcard_escape(organisatie.plaats),
                    "",
                    _vcard_escape(organisatie.postcode),
                    "",
                ]
            )
        notitie = " – ".join(
            part
            for part in [
                organisatie.get_soort_display(),
                organisatie.beschrijving,
                ", ".join(organisatie.wijken_lijst),
            ]
            if part
        )
        cards.append(
            _vcard(
                [
                    ("FN", org),
                    ("N", f"{org};;;;"),
                    ("ORG", org),
                    ("X-ABSHOWAS", "COMPANY"),
                    ("TEL;TYPE=WORK,VOICE", _vcard_escape(organisatie.telefoon)),
                    ("EMAIL;TYPE=INTERNET", _vcard_escape(organisatie.email)),
                    ("URL", organisatie.website),
                    ("ADR;TYPE=WORK", adres),
                    ("NOTE", _vcard_escape(notitie)),
                ]
            )
        )
        for persoon in organisatie.kaart_personen:
            naam = _vcard_escape(persoon.naam)
            notitie = "\n".join(
                part
                for part in [
                    _("Call me for: %(tekst)s") % {"tekst": persoon.bel_mij_voor}
                    if persoon.bel_mij_voor
                    else "",
                    _("Expertise: %(tekst)s") % {"tekst": persoon.expertise}
                    if persoon.expertise
                    else "",
                ]
                if part
            )
            cards.append(
                _vcard(
                    [
                        ("FN", naam),
                        ("N", f"{naam};;;;"),
                        ("ORG", org),
                        ("TITLE", _vcard_escape(persoon.functie)),
                        ("TEL;TYPE=WORK,VOICE", _vcard_escape(persoon.telefoon)),
                        ("EMAIL;TYPE=INTERNET", _vcard_escape(persoon.email)),
                        ("NOTE", _vcard_escape(notitie)),
                    ]
                )
            )
    return "".join(cards)
