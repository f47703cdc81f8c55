"""An iCalendar (RFC 5545) file for one meeting, written by hand: one event needs no library."""

import datetime
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

from praktijken.models import Bijeenkomst

# A calendar shows an event without an end as a point in time; most meetings take about two hours.
STANDAARD_DUUR = datetime.timedelta(hours=2)
CRLF = "\r\n"


def ics_escape(text: str) -> str:
    """Escape TEXT for iCalendar: backslash, semicolon, comma and line breaks (RFC 5545 3.3.11)."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def ics_fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets, never splitting a UTF-8 character."""
    pieces: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            pieces.append(current)
            # Continuation lines start with one space, which counts towards their 75 octets.
            current, size, limit = "", 0, 74
        current += char
        size += octets
    pieces.append(current)
    return (CRLF + " ").join(pieces)


def ics_datetime(moment: datetime.datetime) -> str:
    """A moment in UTC, in the iCalendar form 20260310T130000Z."""
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


@dataclass(frozen=True)
class Uitnodiging:
    """What makes the file an invitation (iTIP, RFC 5546) rather than a download: REQUEST or
    CANCEL, the organiser, and the one attendee it is mailed to."""

    method: str  # "REQUEST" or "CANCEL"
    organisator: str  # an email address
    deelnemer_naam: str
    deelnemer_email: str


def ics_domein() -> str:
    """The domain in a meeting's UID: the site's own, so that the download, the invitation and
    its updates (mailed by a worker, without a request) name the same event."""
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def ics_uid(*, bijeenkomst: Bijeenkomst, domein: str) -> str:
    """The meeting's stable identifier: the same in the download, the invitation and updates."""
    return f"bijeenkomst-{bijeenkomst.pk}@{domein}"


def _param(text: str) -> str:
    # A parameter value (CN=…) may not hold a double quote; quote it for commas and colons.
    return '"' + " ".join(text.replace('"', "'").split()) + '"'


def bijeenkomst_ics(
    *,
    bijeenkomst: Bijeenkomst,
    domein: str,
    url: str,
    now: datetime.datetime,
    planner: str | None = None,
    notulist: str | None = None,
    uitnodiging: Uitnodiging | None = None,
) -> str:
    """The meeting as a VCALENDAR with one VEVENT, lines folded and ended by CRLF.

    `planner` and `notulist` are names (default: the meeting's own free text); with
    `uitnodiging` it is an invitation, update or cancellation with the meeting's SEQUENCE."""
    einde = bijeenkomst.eindigt_op or bijeenkomst.begint_op + STANDAARD_DUUR
    planner = bijeenkomst.planner if planner is None else planner
    notulist = bijeenkomst.notulist if notulist is None else notulist
    beschrijving = [f"{bijeenkomst.get_soort_display()} – {bijeenkomst.praktijk.naam}"]
    if planner:
        beschrijving.append(_("Who plans it: %(wie)s") % {"wie": planner})
    if notulist:
        beschrijving.append(_("Who writes the minutes: %(wie)s") % {"wie": notulist})
    if bijeenkomst.agenda:
        beschrijving += ["", _("Agenda:"), bijeenkomst.agenda]
    beschrijving += ["", url]

    regels = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Lerende Praktijk//Bijeenkomsten//NL",
        "CALSCALE:GREGORIAN",
        f"METHOD:{uitnodiging.method if uitnodiging else 'PUBLISH'}",
        "BEGIN:VEVENT",
        f"UID:{ics_uid(bijeenkomst=bijeenkomst, domein=domein)}",
        f"SEQUENCE:{bijeenkomst.ics_volgnummer}",
        f"DTSTAMP:{ics_datetime(now)}",
        f"DTSTART:{ics_datetime(bijeenkomst.begint_op)}",
        f"DTEND:{ics_datetime(einde)}",
        f"SUMMARY:{ics_escape(bijeenkomst.titel)}",
    ]
    if uitnodiging is not None:
        regels += [
            f"ORGANIZER:mailto:{uitnodiging.organisator}",
            f"ATTENDEE;CN={_param(uitnodiging.deelnemer_naam)};ROLE=REQ-PARTICIPANT;"
            f"PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:{uitnodiging.deelnemer_email}",
            f"STATUS:{'CANCELLED' if uitnodiging.method == 'CANCEL' else 'CONFIRMED'}",
        ]
    elif bijeenkomst.afgezegd_op is not None:
        regels.append("STATUS:CANCELLED")
    if bijeenkomst.locatie:
        regels.append(f"LOCATION:{ics_escape(bijeenkomst.locatie)}")
    regels += [
        f"DESCRIPTION:{ics_escape(chr(10).join(beschrijving))}",
        f"URL:{url}",
        f"LAST-MODIFIED:{ics_datetime(bijeenkomst.updated_at)}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(ics_fold(regel) + CRLF for regel in regels)
