"""Who may see and do what with a practice's sessions, check-ins and their actions.

One getter per resource. Each first asks "may you see it" (404 when not), then "may you change
it" (403), so the same request gets the same status on every page.
"""

from django.http import Http404

from condities.models import Actie, Inbreng, Sessie
from condities.selectors.acties import actie_get_for_praktijk
from condities.selectors.inbreng import inbreng_get_for_sessie
from condities.selectors.sessies import actie_get_for_sessie, sessie_get_for_praktijk
from praktijken.access import Toegang, User, bijeenkomst_get_for_user, praktijk_get_for_user
from praktijken.models import Bijeenkomst


def _found[T](obj: T | None) -> T:
    if obj is None:
        raise Http404
    return obj


def sessie_get_for_user(*, user: User, slug: str, pk: int) -> tuple[Toegang, Sessie]:
    """A session or check-in of a practice the user is a member of (results, reports); else 404."""
    toegang = praktijk_get_for_user(user=user, slug=slug)
    return toegang, _found(sessie_get_for_praktijk(praktijk=toegang.praktijk, pk=pk))


def sessie_get_for_edit(*, user: User, slug: str, pk: int) -> tuple[Toegang, Sessie]:
    """A session whose discussion the user may add to (editors): 404 when not visible, else 403."""
    toegang, sessie = sessie_get_for_user(user=user, slug=slug, pk=pk)
    toegang.require(toegang.can_edit)
    return toegang, sessie


def sessie_get_for_manage(*, user: User, slug: str, pk: int) -> tuple[Toegang, Sessie]:
    """A session the user may run (open, reveal, close, paper: facilitators, staff): 404 when
    not visible, 403 when visible but not theirs to run."""
    toegang, sessie = sessie_get_for_user(user=user, slug=slug, pk=pk)
    toegang.require(toegang.can_manage)
    return toegang, sessie


def checkin_get_for_manage(*, user: User, slug: str, pk: int) -> tuple[Toegang, Sessie]:
    """A check-in whose response the user may follow (facilitators, staff): 404 when it is not a
    check-in of a practice they see, 403 when visible but not theirs to follow."""
    toegang, sessie = sessie_get_for_user(user=user, slug=slug, pk=pk)
    if sessie.soort != Sessie.Soort.CHECKIN:
        raise Http404
    toegang.require(toegang.can_manage)
    return toegang, sessie


def actie_get_for_edit(
    *, user: User, slug: str, pk: int, actie_pk: int
) -> tuple[Toegang, Sessie, Actie]:
    """An agreed step of a session that the user may turn into an experiment (editors): 404 when
    the session or step is not visible, 403 when visible but not editable."""
    toegang, sessie = sessie_get_for_user(user=user, slug=slug, pk=pk)
    actie = _found(actie_get_for_sessie(sessie=sessie, pk=actie_pk, soort=Actie.Soort.STAP))
    toegang.require(toegang.can_edit)
    return toegang, sessie, actie


def inbreng_get_for_manage(
    *, user: User, slug: str, pk: int, inbreng_pk: int
) -> tuple[Toegang, Sessie, Inbreng]:
    """An open answer of a session the user runs (approve, hide, merge, make it a point of the
    discussion): 404 when the session or answer is not visible, 403 when not theirs to run."""
    toegang, sessie = sessie_get_for_user(user=user, slug=slug, pk=pk)
    inbreng = _found(inbreng_get_for_sessie(sessie=sessie, pk=inbreng_pk))
    toegang.require(toegang.can_manage)
    return toegang, sessie, inbreng


def actie_get_for_user(*, user: User, slug: str, actie_pk: int) -> tuple[Toegang, Actie]:
    """An action of a practice the user is a member of; else 404."""
    toegang = praktijk_get_for_user(user=user, slug=slug)
    return toegang, _found(actie_get_for_praktijk(praktijk=toegang.praktijk, pk=actie_pk))


def actie_is_own(*, toegang: Toegang, actie: Actie) -> bool:
    """Whether the user is the action's owner (their person in the network is linked to them)."""
    return actie.eigenaar is not None and actie.eigenaar.user_id == toegang.user.pk


def actie_get_for_manage(*, user: User, slug: str, actie_pk: int) -> tuple[Toegang, Actie]:
    """An action the user may edit or remove (whoever runs the practice's sessions): 404 when not
    visible, 403 when visible but not theirs to change."""
    toegang, actie = actie_get_for_user(user=user, slug=slug, actie_pk=actie_pk)
    toegang.require(toegang.can_manage)
    return toegang, actie


def actie_get_for_status(*, user: User, slug: str, actie_pk: int) -> tuple[Toegang, Actie]:
    """An action whose status the user may change: who may manage it, and its owner; 404 when
    not visible, 403 when visible but neither."""
    toegang, actie = actie_get_for_user(user=user, slug=slug, actie_pk=actie_pk)
    toegang.require(toegang.can_manage or actie_is_own(toegang=toegang, actie=actie))
    return toegang, actie


def bijeenkomst_get_for_actie(*, user: User, slug: str, pk: int) -> tuple[Toegang, Bijeenkomst]:
    """A meeting whose minutes the user may capture actions from (who may manage actions): 404
    when not visible, 403 when visible but not theirs."""
    toegang, bijeenkomst = bijeenkomst_get_for_user(user=user, slug=slug, pk=pk)
    toegang.require(toegang.can_manage)
    return toegang, bijeenkomst


def bijeenkomst_get_for_sessie(*, user: User, slug: str, pk: int) -> tuple[Toegang, Bijeenkomst]:
    """A meeting whose workshop session the user may link (editors): 404 when not visible,
    403 when visible but not theirs to change."""
    toegang, bijeenkomst = bijeenkomst_get_for_user(user=user, slug=slug, pk=pk)
    toegang.require(toegang.can_edit)
    return toegang, bijeenkomst
