"""Statement sets: the default set, a practice's own versions, copying and editing them."""

from django.db import transaction

from condities.models import Conditie, OpenVraag, Stelling, Stellingenset
from condities.selectors.stellingen import stellingenset_is_used
from condities.standaardset import standaardset_create
from config.http import AccountUser
from praktijken.audit import gebeurtenis_record
from praktijken.models import Praktijk


def standaardset_get() -> Stellingenset:
    """The current version of the default statement set; made again if someone removed it."""
    stellingenset = (
        Stellingenset.objects.filter(praktijk__isnull=True, is_actueel=True)
        .order_by("-versie")
        .first()
    )
    if stellingenset is None:
        stellingenset = standaardset_create(
            stellingenset_model=Stellingenset, stelling_model=Stelling, open_vraag_model=OpenVraag
        )
    return stellingenset


def stellingenset_for_praktijk(*, praktijk: Praktijk) -> Stellingenset:
    """The practice's own current set if it made one, else the default set."""
    eigen = Stellingenset.objects.filter(praktijk=praktijk, is_actueel=True).order_by("-versie")
    return eigen.first() or standaardset_get()


@transaction.atomic
def stellingenset_copy(
    *, bron: Stellingenset, praktijk: Praktijk, by: AccountUser, naam: str = ""
) -> Stellingenset:
    """Copy a set (statements and open questions) as a new version for the practice, and record
    "stellingenset.copy" on the copy."""
    vorige = Stellingenset.objects.filter(praktijk=praktijk, is_actueel=True)
    versie = (vorige.order_by("-versie").values_list("versie", flat=True).first() or 0) + 1
    vorige.update(is_actueel=False)
    kopie = Stellingenset.objects.create(
        praktijk=praktijk,
        naam=naam or bron.naam,
        versie=versie,
        vorige_versie=bron,
        is_actueel=True,
    )
    Stelling.objects.bulk_create(
        Stelling(set=kopie, conditie=s.conditie, tekst=s.tekst, volgorde=s.volgorde)
        for s in bron.stellingen.all()
    )
    OpenVraag.objects.bulk_create(
        OpenVraag(set=kopie, conditie=v.conditie, soort=v.soort, tekst=v.tekst)
        for v in bron.open_vragen.all()
    )
    gebeurtenis_record(praktijk=praktijk, by=by, actie="stellingenset.copy", obj=kopie)
    return kopie


@transaction.atomic
def stellingenset_for_edit(
    *, stellingenset: Stellingenset, praktijk: Praktijk, by: AccountUser
) -> Stellingenset:
    """The set to write changes into: a used or shared set is copied first (recorded as
    "stellingenset.copy"), never changed."""
    if stellingenset.praktijk_id != praktijk.pk or stellingenset_is_used(
        stellingenset=stellingenset
    ):
        return stellingenset_copy(bron=stellingenset, praktijk=praktijk, by=by)
    return stellingenset


def _stellingteksten(stellingenset: Stellingenset) -> dict[str, list[str]]:
    """The set's statement texts per condition, in order (every condition, maybe empty)."""
    teksten: dict[str, list[str]] = {code: [] for code in Conditie.values}
    for stelling in stellingenset.stellingen.order_by("volgorde", "pk"):
        teksten.setdefault(stelling.conditie, []).append(stelling.tekst)
    return teksten


def _stellingenset_ongewijzigd(
    *, stellingenset: Stellingenset, stellingen: dict[str, list[str]], open_vragen: dict
) -> bool:
    huidig = _stellingteksten(stellingenset)
    vragen = {(v.conditie, v.soort): v.tekst for v in stellingenset.open_vragen.all()}
    return all(huidig.get(code, []) == teksten for code, teksten in stellingen.items()) and all(
        vragen.get((code, soort)) == tekst
        for code, per_soort in open_vragen.items()
        for soort, tekst in per_soort.items()
    )


@transaction.atomic
def stellingenset_save(
    *,
    stellingenset: Stellingenset,
    praktijk: Praktijk,
    stellingen: dict[str, list[str]],
    open_vragen: dict[str, dict[str, str]],
    by: AccountUser,
) -> Stellingenset:
    """Store new texts for a set: {conditie: [statement, ...]}, {conditie: {soort: question}}.

    Goes through `stellingenset_for_edit`, so a set that sessions used (or the default set) is
    copied to a new version first and their results keep the texts they were given. Records
    "stellingenset.save" on the set written (after "stellingenset.copy" when one was made).
    Nothing changed: the set is returned as it is, without a new version or an event.
    """
    if _stellingenset_ongewijzigd(
        stellingenset=stellingenset, stellingen=stellingen, open_vragen=open_vragen
    ):
        return stellingenset
    doel = stellingenset_for_edit(stellingenset=stellingenset, praktijk=praktijk, by=by)
    # `doel` is unused by any session, so no answer or tally points at its statements: they are
    # rewritten in condition order; conditions not given keep their texts.
    teksten = _stellingteksten(doel)
    teksten.update(stellingen)
    doel.stellingen.all().delete()
    nieuw = []
    volgorde = 0
    for code in Conditie.values:
        for tekst in teksten.get(code, []):
            volgorde += 1
            nieuw.append(Stelling(set=doel, conditie=code, tekst=tekst, volgorde=volgorde))
    Stelling.objects.bulk_create(nieuw)
    for code, per_soort in open_vragen.items():
        for soort, tekst in per_soort.items():
            OpenVraag.objects.update_or_create(
                set=doel, conditie=code, soort=soort, defaults={"tekst": tekst}
            )
    gebeurtenis_record(praktijk=praktijk, by=by, actie="stellingenset.save", obj=doel)
    return doel
