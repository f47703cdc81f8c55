"""An iCalendar (RFC 5545) file for one meeting, written by hand: one event needs no library."""

import datetime

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


def bijeenkomst_ics(
    *, bijeenkomst: Bijeenkomst, domein: str, url: str, now: datetime.datetime
) -> str:
    """The meeting as a VCALENDAR with one VEVENT, lines folded and ended by CRLF."""
    einde = bijeenkomst.eindigt_op or bijeenkomst.begint_op + STANDAARD_DUUR
    beschrijving = [f"{bijeenkomst.get_soort_display()} – {bijeenkomst.praktijk.naam}"]
    if bijeenkomst.planner:
        beschrijving.append(_("Who plans it: %(wie)s") % {"wie": bijeenkomst.planner})
    if bijeenkomst.notulist:
        beschrijving.append(_("Who writes the minutes: %(wie)s") % {"wie": bijeenkomst.notulist})
    if bijeenkomst.agenda:
        beschrijving += ["", _("Agenda:"), bijeenkomst.agenda]
    beschrijving += ["", url]

    regels = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Lerende Praktijk//Bijeenkomsten//NL",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:bijeenkomst-{bijeenkomst.pk}@{domein}",
        f"DTSTAMP:{ics_datetime(now)}",
        f"DTSTART:{ics_datetime(bijeenkomst.begint_op)}",
        f"DTEND:{ics_datetime(einde)}",
        f"SUMMARY:{ics_escape(bijeenkomst.titel)}",
    ]
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
