"""Who may see and do what with relationship rounds."""

from django.http import Http404

from config.http import AccountUser
from praktijken.access import Toegang, praktijk_get_for_manage, praktijk_get_for_user
from relaties.models import Belangenronde, Relatieronde


def ronde_get_for_user(*, user: AccountUser, slug: str, pk: int) -> tuple[Toegang, Relatieronde]:
    """A round of a practice the user may see (every member: the map), or 404."""
    toegang = praktijk_get_for_user(user=user, slug=slug)
    ronde = Relatieronde.objects.filter(pk=pk, praktijk=toegang.praktijk).first()
    if ronde is None:
        raise Http404
    ronde.praktijk = toegang.praktijk
    return toegang, ronde


def ronde_get_for_manage(*, user: AccountUser, slug: str, pk: int) -> tuple[Toegang, Relatieronde]:
    """A round the user runs (facilitators, staff): 404 when not visible, 403 otherwise."""
    toegang = praktijk_get_for_manage(user=user, slug=slug)
    ronde = Relatieronde.objects.filter(pk=pk, praktijk=toegang.praktijk).first()
    if ronde is None:
        raise Http404
    ronde.praktijk = toegang.praktijk
    return toegang, ronde


def belangenronde_get_for_manage(
    *, user: AccountUser, slug: str, pk: int
) -> tuple[Toegang, Belangenronde]:
    """An interests round the user runs (facilitators, staff): 404 when not visible, 403
    otherwise."""
    toegang = praktijk_get_for_manage(user=user, slug=slug)
    ronde = Belangenronde.objects.filter(pk=pk, praktijk=toegang.praktijk).first()
    if ronde is None:
        raise Http404
    ronde.praktijk = toegang.praktijk
    return toegang, ronde
