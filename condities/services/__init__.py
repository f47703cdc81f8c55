"""What changes in the conditions' workshop, one module per responsibility.

sessies (create, open, reveal, the discussion's actions), deelname (joining, answering,
finishing), stellingen (statement sets), papier (paper tallies), afsluiten (closing, scores,
summaries) and checkins. The names are re-exported here for callers outside the app.
"""

from condities.services.afsluiten import (
    SAMENVATTING_INHALEN_DAGEN,
    sessie_close,
    summaries_sweep,
    summary_send,
)
from condities.services.checkins import (
    CHECKIN_SECONDEN_PER_STELLING,
    checkin_create,
    checkin_invitations_send,
    checkin_invitations_sweep,
    checkin_remind_now,
    checkin_reminders_send,
    checkin_url,
    checkins_close_due,
)
from condities.services.deelname import (
    antwoord_save,
    deelnemer_finish,
    deelnemer_join,
    deelnemer_remove,
    deelnemers_remove,
    herkomst_for,
)
from condities.services.papier import papier_tellingen_save
from condities.services.sessies import (
    CODE_ALPHABET,
    CODE_LENGTH,
    SessieGesloten,
    actie_create,
    actie_to_experiment,
    sessie_create,
    sessie_open,
    sessie_reveal,
)
from condities.services.stellingen import (
    standaardset_get,
    stellingenset_copy,
    stellingenset_for_edit,
    stellingenset_for_praktijk,
    stellingenset_save,
)

__all__ = [
    "CHECKIN_SECONDEN_PER_STELLING",
    "CODE_ALPHABET",
    "CODE_LENGTH",
    "SAMENVATTING_INHALEN_DAGEN",
    "SessieGesloten",
    "actie_create",
    "actie_to_experiment",
    "antwoord_save",
    "checkin_create",
    "checkin_invitations_send",
    "checkin_invitations_sweep",
    "checkin_remind_now",
    "checkin_reminders_send",
    "checkin_url",
    "checkins_close_due",
    "deelnemer_finish",
    "deelnemer_join",
    "deelnemer_remove",
    "deelnemers_remove",
    "herkomst_for",
    "papier_tellingen_save",
    "sessie_close",
    "sessie_create",
    "sessie_open",
    "sessie_reveal",
    "standaardset_get",
    "stellingenset_copy",
    "stellingenset_for_edit",
    "stellingenset_for_praktijk",
    "stellingenset_save",
    "summaries_sweep",
    "summary_send",
]
