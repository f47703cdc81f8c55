import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from experimenten.models import Experiment, Indicator, Meting, Opbrengst, Tussenstap
from netwerk.models import Organisatie, Persoon, User
from praktijken.audit import gebeurtenis_record
from praktijken.models import Ontwerpvraag, Praktijk, Verhaal

CLOSED = (Experiment.Status.AFGEROND, Experiment.Status.GESTOPT)


def _check_scope(
    *,
    praktijk: Praktijk,
    ontwerpvraag: Ontwerpvraag,
    verhalen: Iterable[Verhaal],
) -> None:
    # The forms limit the choices already; this guards every other caller (demo, shell, tasks).
    if ontwerpvraag.praktijk_id != praktijk.pk:
        raise ValueError("The design question belongs to another practice.")
    if any(v.praktijk_id != praktijk.pk for v in verhalen):
        raise ValueError("A story belongs to another practice.")


@transaction.atomic
def experiment_create(
    *,
    praktijk: Praktijk,
    by: User,
    ontwerpvraag: Ontwerpvraag,
    titel: str,
    doel: str,
    niveau: str,
    fase: str,
    status: str = Experiment.Status.IDEE,
    eigenaar: Persoon | None = None,
    organisaties: Iterable[Organisatie] = (),
    verhalen: Iterable[Verhaal] = (),
    startdatum: datetime.date | None = None,
    einddatum: datetime.date | None = None,
) -> Experiment:
    """Start a new experiment on one of the practice's design questions."""
    verhalen = list(verhalen)
    _check_scope(praktijk=praktijk, ontwerpvraag=ontwerpvraag, verhalen=verhalen)
    experiment = Experiment(
        praktijk=praktijk,
        ontwerpvraag=ontwerpvraag,
        titel=titel,
        doel=doel,
        niveau=niveau,
        fase=fase,
        status=status,
        eigenaar=eigenaar,
        startdatum=startdatum,
        einddatum=einddatum,
    )
    experiment.full_clean(exclude=["organisaties", "verhalen"])
    experiment.save()
    experiment.organisaties.set(organisaties)
    experiment.verhalen.set(verhalen)
    gebeurtenis_record(praktijk=praktijk, by=by, actie="experiment.create", obj=experiment)
    return experiment


@transaction.atomic
def experiment_update(
    *,
    experiment: Experiment,
    by: User,
    ontwerpvraag: Ontwerpvraag,
    titel: str,
    doel: str,
    niveau: str,
    fase: str,
    status: str,
    eigenaar: Persoon | None = None,
    organisaties: Iterable[Organisatie] = (),
    verhalen: Iterable[Verhaal] = (),
    startdatum: datetime.date | None = None,
    einddatum: datetime.date | None = None,
) -> Experiment:
    """Change what an experiment is about; setting the status back to running reopens it."""
    verhalen = list(verhalen)
    _check_scope(praktijk=experiment.praktijk, ontwerpvraag=ontwerpvraag, verhalen=verhalen)
    experiment.ontwerpvraag = ontwerpvraag
    experiment.titel = titel
    experiment.doel = doel
    experiment.niveau = niveau
    experiment.fase = fase
    experiment.status = status
    experiment.eigenaar = eigenaar
    experiment.startdatum = startdatum
    experiment.einddatum = einddatum
    experiment.full_clean(exclude=["organisaties", "verhalen"])
    experiment.save()
    experiment.organisaties.set(organisaties)
    experiment.verhalen.set(verhalen)
    gebeurtenis_record(
        praktijk=experiment.praktijk, by=by, actie="experiment.update", obj=experiment
    )
    return experiment


@transaction.atomic
def tussenstap_add(
    *, experiment: Experiment, by: User, datum: datetime.date, wat: str, wie: str = ""
) -> Tussenstap:
    """Record a small step on the experiment's timeline."""
    tussenstap = Tussenstap.objects.create(
        experiment=experiment, datum=datum, wat=wat, wie=wie, created_by=by
    )
    gebeurtenis_record(praktijk=experiment.praktijk, by=by, actie="tussenstap.add", obj=tussenstap)
    return tussenstap


@transaction.atomic
def opbrengst_add(*, experiment: Experiment, by: User, soort: str, beschrijving: str) -> Opbrengst:
    """Record what the experiment yielded: a collaboration, a tool, a way of working, ..."""
    opbrengst = Opbrengst(experiment=experiment, soort=soort, beschrijving=beschrijving)
    opbrengst.full_clean()
    opbrengst.save()
    gebeurtenis_record(praktijk=experiment.praktijk, by=by, actie="opbrengst.add", obj=opbrengst)
    return opbrengst


@transaction.atomic
def experiment_close(
    *,
    experiment: Experiment,
    by: User,
    status: str,
    resultaat: str,
    lessen: str,
    tip: str = "",
    einddatum: datetime.date | None = None,
) -> Experiment:
    """Close the experiment as finished or stopped, with its public write-up.

    The end date is the given one, else the one already set, else today.
    """
    if status not in CLOSED:
        raise ValueError("An experiment is closed as finished or stopped.")
    experiment.status = status
    experiment.resultaat = resultaat
    experiment.lessen = lessen
    experiment.tip = tip
    experiment.einddatum = einddatum or experiment.einddatum or timezone.localdate()
    experiment.full_clean(exclude=["organisaties", "verhalen"])
    experiment.save()
    gebeurtenis_record(
        praktijk=experiment.praktijk, by=by, actie="experiment.close", obj=experiment
    )
    return experiment


@transaction.atomic
def experiment_share(*, experiment: Experiment, by: User, gedeeld: bool) -> Experiment:
    """Share the experiment's write-up with the programme's library, or stop sharing it."""
    if gedeeld == (experiment.gedeeld_op is not None):
        return experiment  # already so: a second click changes nothing and records nothing
    experiment.gedeeld_op = timezone.now() if gedeeld else None
    experiment.save(update_fields=["gedeeld_op", "updated_at"])
    actie = "experiment.share" if gedeeld else "experiment.unshare"
    gebeurtenis_record(praktijk=experiment.praktijk, by=by, actie=actie, obj=experiment)
    return experiment


@transaction.atomic
def opbrengst_share(*, opbrengst: Opbrengst, by: User, gedeeld: bool) -> Opbrengst:
    """Share an outcome with the programme's library, or stop sharing it."""
    if gedeeld == (opbrengst.gedeeld_op is not None):
        return opbrengst
    opbrengst.gedeeld_op = timezone.now() if gedeeld else None
    opbrengst.save(update_fields=["gedeeld_op"])
    actie = "opbrengst.share" if gedeeld else "opbrengst.unshare"
    gebeurtenis_record(praktijk=opbrengst.experiment.praktijk, by=by, actie=actie, obj=opbrengst)
    return opbrengst


@transaction.atomic
def indicator_create(
    *,
    experiment: Experiment,
    by: User,
    naam: str,
    eenheid: str = "",
    nulmeting: Decimal | None = None,
    streefwaarde: Decimal | None = None,
) -> Indicator:
    """Add an indicator to the experiment: what is measured, with a baseline and a target."""
    indicator = Indicator(
        experiment=experiment,
        naam=naam,
        eenheid=eenheid,
        nulmeting=nulmeting,
        streefwaarde=streefwaarde,
    )
    indicator.full_clean()
    indicator.save()
    gebeurtenis_record(praktijk=experiment.praktijk, by=by, actie="indicator.create", obj=indicator)
    return indicator


@transaction.atomic
def indicator_update(
    *,
    indicator: Indicator,
    by: User,
    naam: str,
    eenheid: str = "",
    nulmeting: Decimal | None = None,
    streefwaarde: Decimal | None = None,
) -> Indicator:
    """Change an indicator's name, unit, baseline or target."""
    indicator.naam = naam
    indicator.eenheid = eenheid
    indicator.nulmeting = nulmeting
    indicator.streefwaarde = streefwaarde
    indicator.full_clean()
    indicator.save()
    gebeurtenis_record(
        praktijk=indicator.experiment.praktijk, by=by, actie="indicator.update", obj=indicator
    )
    return indicator


@transaction.atomic
def indicator_delete(*, indicator: Indicator, by: User) -> None:
    """Remove an indicator with its measurements."""
    praktijk = indicator.experiment.praktijk
    gebeurtenis_record(praktijk=praktijk, by=by, actie="indicator.delete", obj=indicator)
    indicator.delete()


@transaction.atomic
def meting_add(
    *, indicator: Indicator, by: User, datum: datetime.date, waarde: Decimal, toelichting: str = ""
) -> Meting:
    """Record a measurement of the indicator."""
    meting = Meting(indicator=indicator, datum=datum, waarde=waarde, toelichting=toelichting)
    meting.full_clean()
    meting.save()
    gebeurtenis_record(
        praktijk=indicator.experiment.praktijk, by=by, actie="meting.add", obj=meting
    )
    return meting


@transaction.atomic
def meting_delete(*, meting: Meting, by: User) -> None:
    """Remove a measurement entered by mistake."""
    praktijk = meting.indicator.experiment.praktijk
    gebeurtenis_record(praktijk=praktijk, by=by, actie="meting.delete", obj=meting)
    meting.delete()
