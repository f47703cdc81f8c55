"""Who may see and change an experiment. Every experiment view starts here."""

from django.http import Http404

from experimenten import selectors
from experimenten.models import Experiment, Indicator, Meting, Opbrengst
from netwerk.access import LidToegang, lid_get_for_user
from netwerk.models import User


def experiment_can_edit(*, toegang: LidToegang, experiment: Experiment) -> bool:
    """Editors edit every experiment; a member the ones they own or their organisation is in."""
    # Reads the prefetched organisations on the detail page, and only when the role does not decide.
    return toegang.can_edit_werk(
        eigenaar_id=experiment.eigenaar_id,
        organisatie_ids=(o.pk for o in experiment.organisaties.all()),
    )


def experiment_get_for_user(*, user: User, slug: str, pk: int) -> tuple[LidToegang, Experiment]:
    """An experiment of a practice the user may see, with what its page shows; else 404."""
    toegang = lid_get_for_user(user=user, slug=slug)
    experiment = selectors.experiment_get(praktijk=toegang.praktijk, pk=pk)
    if experiment is None:
        raise Http404
    return toegang, experiment


def experiment_get_for_edit(*, user: User, slug: str, pk: int) -> tuple[LidToegang, Experiment]:
    """An experiment the user may change (editors, its owner, a member of an involved
    organisation): 404 when not visible, 403 when visible but not theirs to change."""
    toegang, experiment = experiment_get_for_user(user=user, slug=slug, pk=pk)
    toegang.require(experiment_can_edit(toegang=toegang, experiment=experiment))
    return toegang, experiment


def indicator_get_for_edit(
    *, user: User, slug: str, pk: int, indicator_pk: int
) -> tuple[LidToegang, Experiment, Indicator]:
    """An indicator of an experiment the user may change: 404 when the experiment is not
    visible or the indicator is not its own, 403 when the experiment is not theirs to change."""
    toegang, experiment = experiment_get_for_edit(user=user, slug=slug, pk=pk)
    indicator = selectors.indicator_get(experiment=experiment, pk=indicator_pk)
    if indicator is None:
        raise Http404
    return toegang, experiment, indicator


def meting_get_for_edit(
    *, user: User, slug: str, pk: int, indicator_pk: int, meting_pk: int
) -> tuple[LidToegang, Experiment, Meting]:
    """A measurement of an indicator of an experiment the user may change, as above."""
    toegang, experiment = experiment_get_for_edit(user=user, slug=slug, pk=pk)
    meting = selectors.meting_get(experiment=experiment, indicator_pk=indicator_pk, pk=meting_pk)
    if meting is None:
        raise Http404
    return toegang, experiment, meting


def experiment_get_for_share(*, user: User, slug: str, pk: int) -> tuple[LidToegang, Experiment]:
    """An experiment whose sharing with the programme the user may switch (editors of the
    practice): 404 when not visible, 403 when visible but not theirs to decide."""
    toegang, experiment = experiment_get_for_user(user=user, slug=slug, pk=pk)
    toegang.require(toegang.can_edit)
    return toegang, experiment


def opbrengst_get_for_share(
    *, user: User, slug: str, pk: int, opbrengst_pk: int
) -> tuple[LidToegang, Experiment, Opbrengst]:
    """An outcome whose sharing the user may switch (editors): 404 when not visible (also an
    outcome of another experiment), 403 when visible but not theirs to decide."""
    toegang, experiment = experiment_get_for_user(user=user, slug=slug, pk=pk)
    opbrengst = next((o for o in experiment.opbrengsten.all() if o.pk == opbrengst_pk), None)
    if opbrengst is None:
        raise Http404
    toegang.require(toegang.can_edit)
    opbrengst.experiment = experiment
    return toegang, experiment, opbrengst
