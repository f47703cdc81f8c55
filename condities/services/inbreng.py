"""Open answers from the room (Inbreng): written on a phone or typed in from a paper sheet,
approved, hidden or merged by the facilitator, voted for, and turned into the discussion's
points (what goes well, an agreed step) with one click.

Open answers are anonymous: none records who wrote it. A participant's phone may send at most
INBRENG_PER_DEELNEMER of them; only the number is kept, on the participant.
"""

from django.db import IntegrityError, transaction
from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import Coalesce

from condities.models import Actie, Deelnemer, Inbreng, Sessie, Stem
from condities.scherm_cache import scherm_forget
from condities.services.sessies import SessieGesloten, actie_create
from config.http import AccountUser
from praktijken.audit import gebeurtenis_record

INBRENG_PER_DEELNEMER = 30


class TeveelInbreng(Exception):
    """A participant sent as many open answers as one phone may."""


class InbrengNietMogelijk(ValueError):
    """The open answer cannot take this step (not approved, another session or question)."""


def _check_question(sessie: Sessie, conditie: str) -> None:
    if conditie not in sessie.condities:
        raise InbrengNietMogelijk(conditie)


def inbreng_add(*, deelnemer: Deelnemer, conditie: str, soort: str, tekst: str) -> Inbreng:
    """A participant's open answer, waiting for the facilitator's approval. Raises
    SessieGesloten after closing and TeveelInbreng past the limit; nothing is stored then."""
    sessie = deelnemer.sessie
    _check_question(sessie, conditie)
    with transaction.atomic():
        if not Sessie.objects.filter(pk=sessie.pk, status=Sessie.Status.OPEN).exists():
            raise SessieGesloten
        counted = Deelnemer.objects.filter(
            pk=deelnemer.pk, inbreng_aantal__lt=INBRENG_PER_DEELNEMER
        ).update(inbreng_aantal=F("inbreng_aantal") + 1)
        if not counted:
            raise TeveelInbreng
        inbreng = Inbreng.objects.create(sessie=sessie, conditie=conditie, soort=soort, tekst=tekst)
    scherm_forget(sessie_pk=sessie.pk)
    return inbreng


def inbreng_paper_add(
    *, sessie: Sessie, conditie: str, soort: str, tekst: str, by: AccountUser
) -> Inbreng:
    """An open answer typed in from a paper sheet by the facilitator: approved at once."""
    _check_question(sessie, conditie)
    if sessie.status == Sessie.Status.GESLOTEN:
        raise SessieGesloten
    with transaction.atomic():
        inbreng = Inbreng.objects.create(
            sessie=sessie,
            conditie=conditie,
            soort=soort,
            tekst=tekst,
            van_papier=True,
            status=Inbreng.Status.GOEDGEKEURD,
        )
        gebeurtenis_record(
            praktijk=sessie.praktijk, by=by, actie="inbreng.paper", obj=inbreng, omschrijving=""
        )
    scherm_forget(sessie_pk=sessie.pk)
    return inbreng


def inbreng_moderate(*, inbreng: Inbreng, status: str, by: AccountUser) -> Inbreng:
    """Approve an open answer (it goes on the screen) or hide it (from the screen and phones;
    it can be approved again). Votes stay with the answer."""
    if status not in (Inbreng.Status.GOEDGEKEURD, Inbreng.Status.VERBORGEN):
        raise InbrengNietMogelijk(status)
    if inbreng.status == Inbreng.Status.SAMENGEVOEGD or inbreng.status == status:
        return inbreng
    inbreng.status = status
    with transaction.atomic():
        inbreng.save(update_fields=["status"])
        gebeurtenis_record(
            praktijk=inbreng.sessie.praktijk,
            by=by,
            actie="inbreng.approve" if status == Inbreng.Status.GOEDGEKEURD else "inbreng.hide",
            obj=inbreng,
            omschrijving="",
        )
    scherm_forget(sessie_pk=inbreng.sessie_id)
    return inbreng


def _recount(inbreng_pks: list[int]) -> None:
    """Set the vote count of these answers from their votes."""
    votes = (
        Stem.objects.filter(inbreng=OuterRef("pk"))
        .order_by()
        .values("inbreng")
        .annotate(n=Count("pk"))
        .values("n")
    )
    Inbreng.objects.filter(pk__in=inbreng_pks).update(stemmen=Coalesce(Subquery(votes), 0))


@transaction.atomic
def inbreng_merge(*, inbreng: Inbreng, doel: Inbreng, by: AccountUser) -> Inbreng:
    """Merge a duplicate into an answer on the screen to the same question: the kept answer
    counts it as written once more and takes its votes (one per participant). Returns `doel`."""
    if (
        inbreng.pk == doel.pk
        or doel.sessie_id != inbreng.sessie_id
        or (doel.conditie, doel.soort) != (inbreng.conditie, inbreng.soort)
        or doel.status != Inbreng.Status.GOEDGEKEURD
        or inbreng.status == Inbreng.Status.SAMENGEVOEGD
    ):
        raise InbrengNietMogelijk(inbreng.pk)
    already = Stem.objects.filter(inbreng=doel).values("deelnemer")
    Stem.objects.filter(inbreng=inbreng).exclude(deelnemer__in=already).update(inbreng=doel)
    Stem.objects.filter(inbreng=inbreng).delete()
    Inbreng.objects.filter(pk=doel.pk).update(keer_genoemd=F("keer_genoemd") + inbreng.keer_genoemd)
    inbreng.status = Inbreng.Status.SAMENGEVOEGD
    inbreng.samengevoegd_met = doel
    inbreng.stemmen = 0
    inbreng.save(update_fields=["status", "samengevoegd_met", "stemmen"])
    _recount([doel.pk])
    gebeurtenis_record(
        praktijk=inbreng.sessie.praktijk, by=by, actie="inbreng.merge", obj=doel, omschrijving=""
    )
    scherm_forget(sessie_pk=inbreng.sessie_id)
    doel.refresh_from_db()
    return doel


def stem_toggle(*, deelnemer: Deelnemer, inbreng: Inbreng) -> bool:
    """Vote for an approved answer of the participant's session, or take the vote back.
    Returns whether the participant now votes for it."""
    if inbreng.sessie_id != deelnemer.sessie_id or inbreng.status != Inbreng.Status.GOEDGEKEURD:
        raise InbrengNietMogelijk(inbreng.pk)
    with transaction.atomic():
        if not Sessie.objects.filter(pk=deelnemer.sessie_id, status=Sessie.Status.OPEN).exists():
            raise SessieGesloten
        removed, _ = Stem.objects.filter(inbreng=inbreng, deelnemer=deelnemer).delete()
        if not removed:
            try:
                with transaction.atomic():
                    Stem.objects.create(inbreng=inbreng, deelnemer=deelnemer)
            except IntegrityError:  # a second tap at the same moment: one vote
                pass
        _recount([inbreng.pk])
    scherm_forget(sessie_pk=deelnemer.sessie_id)
    return not removed


@transaction.atomic
def inbreng_to_actie(*, inbreng: Inbreng, by: AccountUser) -> Actie:
    """One click: an approved answer becomes a point of the discussion — what goes well, or an
    agreed next step (who and when can be added on the session page). Twice gives the same."""
    inbreng = (
        Inbreng.objects.select_for_update().select_related("sessie__praktijk").get(pk=inbreng.pk)
    )
    if inbreng.actie is not None:
        return inbreng.actie
    if inbreng.status != Inbreng.Status.GOEDGEKEURD:
        raise InbrengNietMogelijk(inbreng.pk)
    actie = actie_create(
        sessie=inbreng.sessie,
        actie=Actie(conditie=inbreng.conditie, soort=inbreng.soort, tekst=inbreng.tekst),
        by=by,
    )
    inbreng.actie = actie
    inbreng.save(update_fields=["actie"])
    return actie


def inbreng_step(*, inbreng: Inbreng, actie: str, doel_pk: int | None, by: AccountUser) -> None:
    """The facilitator's step with an open answer (InbrengActieForm): "toon", "verberg",
    "samenvoegen" (into the answer `doel_pk` of the same session) or "afspraak". Raises
    InbrengNietMogelijk when the answer cannot take it."""
    if actie in ("toon", "verberg"):
        status = Inbreng.Status.GOEDGEKEURD if actie == "toon" else Inbreng.Status.VERBORGEN
        inbreng_moderate(inbreng=inbreng, status=status, by=by)
    elif actie == "samenvoegen":
        doel = (
            Inbreng.objects.filter(sessie_id=inbreng.sessie_id, pk=doel_pk).first()
            if doel_pk is not None
            else None
        )
        if doel is None:
            raise InbrengNietMogelijk(doel_pk)
        inbreng_merge(inbreng=inbreng, doel=doel, by=by)
    elif actie == "afspraak":
        inbreng_to_actie(inbreng=inbreng, by=by)
    else:
        raise InbrengNietMogelijk(actie)


def inbreng_close(*, sessie: Sessie) -> None:
    """At closing: who voted goes (the counts stay), and so does every answer that never made
    it to the screen (waiting, hidden, or merged into another)."""
    Stem.objects.filter(inbreng__sessie=sessie).delete()
    Inbreng.objects.filter(sessie=sessie).exclude(status=Inbreng.Status.GOEDGEKEURD).delete()


def stemmen_recount(*, sessie: Sessie) -> None:
    """After participants were removed (their votes with them): the counts again."""
    _recount(list(Inbreng.objects.filter(sessie=sessie).values_list("pk", flat=True)))
