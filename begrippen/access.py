"""Who may see and change which term: one scoped getter per resource."""

from django.http import Http404

from begrippen.models import Begrip
from praktijken.access import Toegang, User, praktijk_get_for_user


def begrip_get_for_manage(*, user: User, slug: str, pk: int) -> tuple[Toegang, Begrip]:
    """A term the user may settle, change or remove (facilitators, staff): 404 when not
    visible, 403 when visible but not theirs to manage."""
    toegang = praktijk_get_for_user(user=user, slug=slug)
    begrip = Begrip.objects.filter(pk=pk, praktijk=toegang.praktijk).first()
    if begrip is None:
        raise Http404
    toegang.require(toegang.can_manage)
    begrip.praktijk = toegang.praktijk
    return toegang, begrip
