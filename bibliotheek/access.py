"""Who may read which shared lessons, outcomes and stories. Every library view starts here.

A practice's shared items are visible to the members of every practice in the same programme,
to that programme's team, and to site staff. A practice outside any programme sees only its own
shared items. An unshared item is visible to nobody here (its own practice reads it on its
practice's pages)."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404

from experimenten.models import Experiment, Opbrengst
from praktijken.access import User
from praktijken.models import Lidmaatschap, Praktijk, Programma, ProgrammaTeamlid, Verhaal


@dataclass(frozen=True)
class Bibliotheek:
    """What one user may read in the library: the practices whose shared items they see."""

    praktijken: QuerySet[Praktijk]  # lazy: used as a subquery, so it costs no query of its own
    programmas: QuerySet[Programma]
    is_staff: bool


def bibliotheek_get_for_user(*, user: User) -> Bibliotheek:
    """The library as this user may read it; 404 for anyone not logged in."""
    if not user.is_authenticated:
        raise Http404
    if user.is_staff:
        return Bibliotheek(
            praktijken=Praktijk.objects.all(), programmas=Programma.objects.all(), is_staff=True
        )
    eigen = Lidmaatschap.objects.filter(user=user).values("praktijk")
    programmas = Programma.objects.filter(
        Q(pk__in=Lidmaatschap.objects.filter(user=user).values("praktijk__programma"))
        | Q(pk__in=ProgrammaTeamlid.objects.filter(user=user).values("programma"))
    )
    praktijken = Praktijk.objects.filter(Q(pk__in=eigen) | Q(programma__in=programmas))
    return Bibliotheek(praktijken=praktijken, programmas=programmas, is_staff=False)


def les_get_for_user(*, user: User, pk: int) -> Experiment:
    """A shared experiment (its lessons) of a practice the user may read in the library; else 404
    (also when it is not shared, or belongs to a practice in another programme)."""
    bibliotheek = bibliotheek_get_for_user(user=user)
    experiment = (
        Experiment.objects.filter(
            pk=pk, gedeeld_op__isnull=False, praktijk__in=bibliotheek.praktijken
        )
        .select_related("praktijk", "ontwerpvraag")
        .first()
    )
    if experiment is None:
        raise Http404
    return experiment


def opbrengst_get_for_user(*, user: User, pk: int) -> Opbrengst:
    """A shared outcome of a practice the user may read in the library; else 404."""
    bibliotheek = bibliotheek_get_for_user(user=user)
    opbrengst = (
        Opbrengst.objects.filter(
            pk=pk, gedeeld_op__isnull=False, experiment__praktijk__in=bibliotheek.praktijken
        )
        .select_related("experiment__praktijk", "experiment__ontwerpvraag")
        .first()
    )
    if opbrengst is None:
        raise Http404
    return opbrengst


def verhaal_get_for_user(*, user: User, pk: int) -> Verhaal:
    """A shared story of a practice the user may read in the library; else 404."""
    bibliotheek = bibliotheek_get_for_user(user=user)
    verhaal = (
        Verhaal.objects.filter(pk=pk, gedeeld_op__isnull=False, praktijk__in=bibliotheek.praktijken)
        .select_related("praktijk", "ontwerpvraag")
        .first()
    )
    if verhaal is None:
        raise Http404
    return verhaal
