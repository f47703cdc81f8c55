"""The room's screen: which stage it shows, moved on by the facilitator (keys or buttons).

Stages in order: waiting (join code and QR), each condition of the session followed by its
conversation (the room's open answers to it), the overview, the end. The overview has a second
view, the core group beside the design group, that the facilitator toggles. Revealing and hiding
act on the condition the screen shows; figures themselves are only ever what
`condities.disclosure` releases.
"""

from django.db import transaction

from condities.models import Conditie, Sessie
from condities.scherm_cache import scherm_forget
from condities.services.sessies import sessie_reveal
from config.http import AccountUser
from praktijken.audit import gebeurtenis_record

WACHTEN, OVERZICHT, EINDE = "wachten", "overzicht", "einde"
GESPREK = "gesprek-"  # + a condition's code: the conversation about it
# The overview's second view, kept in the same field as the stage (it is the same stage).
OVERZICHT_GROEPEN = "overzicht-groepen"
ACTIES = ("volgende", "vorige", "onthul", "verberg", "wachten", "groepen", "samen", "los")


def gesprek_conditie(stap: str) -> str | None:
    """The condition a conversation stage is about; None for any other stage."""
    conditie = stap.removeprefix(GESPREK)
    return conditie if conditie != stap and conditie in Conditie.values else None


def scherm_stappen(*, sessie: Sessie) -> list[str]:
    """The screen's stages, in order."""
    per_conditie = [stap for code in sessie.condities for stap in (code, GESPREK + code)]
    return [WACHTEN, *per_conditie, OVERZICHT, EINDE]


def scherm_stap(*, sessie: Sessie) -> str:
    """The stage the screen shows now (waiting when it is not one of this session's)."""
    if sessie.scherm == OVERZICHT_GROEPEN:
        return OVERZICHT
    return sessie.scherm if sessie.scherm in scherm_stappen(sessie=sessie) else WACHTEN


def scherm_groepen(*, sessie: Sessie) -> bool:
    """Whether the overview shows the core group beside the design group (instead of this
    workshop beside the previous one)."""
    return sessie.scherm == OVERZICHT_GROEPEN


def sessie_hide(*, sessie: Sessie, conditie: str, by: AccountUser) -> Sessie:
    """Take a condition's results off the screen again; records "sessie.hide". Nothing is
    released by hiding, and a later reveal goes on from what was released before."""
    if conditie not in sessie.onthuld:
        return sessie
    sessie.onthuld = [code for code in sessie.onthuld if code != conditie]
    with transaction.atomic():
        sessie.save(update_fields=["onthuld"])
        gebeurtenis_record(praktijk=sessie.praktijk, by=by, actie="sessie.hide", obj=sessie)
    scherm_forget(sessie_pk=sessie.pk)
    return sessie


def telefoon_stap(*, sessie: Sessie) -> str | None:
    """While the facilitator keeps the room together, what every phone shows: the condition on
    the screen (its statements), its conversation (GESPREK + code: write and vote), or "" when
    the screen is past the conditions (phones say "look at the screen"). None when everyone
    goes at their own pace, and on the join screen."""
    if not sessie.samen_op:
        return None
    stap = scherm_stap(sessie=sessie)
    if stap in Conditie.values or gesprek_conditie(stap):
        return stap
    return "" if stap in (OVERZICHT, EINDE) else None


def scherm_act(*, sessie: Sessie, actie: str, by: AccountUser) -> Sessie:
    """Do one of ACTIES: to the next or previous stage, back to waiting, reveal or hide the
    condition on the screen, on the overview switch to the groups and back, or keep the room
    together (phones follow the screen) or not. Unknown actions raise ValueError."""
    if actie not in ACTIES:
        raise ValueError(actie)
    if actie in ("samen", "los"):
        samen_op = actie == "samen"
        if samen_op != sessie.samen_op:
            sessie.samen_op = samen_op
            sessie.save(update_fields=["samen_op"])
        return sessie
    stappen = scherm_stappen(sessie=sessie)
    index = stappen.index(scherm_stap(sessie=sessie))
    huidig = stappen[index]
    if actie == "onthul":
        if huidig in Conditie.values:
            return sessie_reveal(sessie=sessie, condities=[huidig], by=by)
        if huidig == OVERZICHT:
            return sessie_reveal(sessie=sessie, condities=list(sessie.condities), by=by)
        return sessie
    if actie == "verberg":
        return (
            sessie_hide(sessie=sessie, conditie=huidig, by=by)
            if huidig in Conditie.values
            else sessie
        )
    if actie == "groepen":
        if huidig != OVERZICHT:
            return sessie
        nieuw = OVERZICHT if scherm_groepen(sessie=sessie) else OVERZICHT_GROEPEN
    else:
        nieuw = {
            "volgende": stappen[min(index + 1, len(stappen) - 1)],
            "vorige": stappen[max(index - 1, 0)],
            "wachten": WACHTEN,
        }[actie]
    if nieuw != sessie.scherm:
        sessie.scherm = nieuw
        sessie.save(update_fields=["scherm"])
        scherm_forget(sessie_pk=sessie.pk)
    return sessie
