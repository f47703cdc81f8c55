"""Carers' feedback as files for the practice's report: CSV and XLSX, one row per reaction.

Contact details (name, email, phone) and the facilitators' internal note never leave the app.
Written by the shared table writers (`config.exports`): CSV for Excel in Dutch (semicolons, a
byte-order mark, ISO dates), text a spreadsheet would run as a formula neutralised in both files.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from config.exports import Tabel, tabellen_csv, tabellen_xlsx
from mantelzorg.models import Reactie


def _tabel(reacties: list[Reactie]) -> Tabel:
    """One row per reaction; never a contact detail."""
    tabel = Tabel(
        kolommen=[
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
        ],
        titel=_("Carers' feedback"),
    )
    for reactie in reacties:
        tabel.rijen.append(
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
                reactie.deelbaar,  # yes/no, as every export writes a bool
                reactie.gedeeld_met_leden,
            ]
        )
    return tabel


def reacties_csv(reacties: list[Reactie]) -> str:
    """Semicolon-separated with a byte-order mark, as Excel in Dutch expects it."""
    return tabellen_csv([_tabel(reacties)], met_titels=False)


def reacties_xlsx(reacties: list[Reactie]) -> bytes:
    """One sheet: a bold header row, dates and numbers as such, all text as plain text."""
    return tabellen_xlsx([_tabel(reacties)])
