"""Who may read and handle carers' feedback: the facilitators of the practice (and staff)."""

from django.http import Http404

from mantelzorg import selectors
from mantelzorg.models import Reactie
from praktijken.access import Toegang, User, praktijk_get_for_user


def reactie_get_for_manage(*, user: User, slug: str, pk: int) -> tuple[Toegang, Reactie]:
    """One reaction to handle: 404 when it is not this practice's (or the practice is not
    visible), 403 when it is but the user does not manage the practice."""
    toegang = praktijk_get_for_user(user=user, slug=slug)
    reactie = selectors.reactie_get(praktijk=toegang.praktijk, pk=pk)
    if reactie is None:
        raise Http404
    toegang.require(toegang.can_manage)
    return toegang, reactie
