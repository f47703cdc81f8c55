"""Reads of the room's open answers: per question for the screen and the phones, per condition
for the facilitator's approval, and which ones a participant voted for."""

from dataclasses import dataclass, field

from condities.models import Conditie, Deelnemer, Inbreng, OpenVraag, Sessie, Stem

# The screen shows this many answers per question (most votes first); the phones show all.
OP_SCHERM = 5


@dataclass
class Vraag:
    """One open question of a condition with the answers approved for it."""

    soort: str
    tekst: str
    inbreng: list[Inbreng] = field(default_factory=list)

    @property
    def op_scherm(self) -> list[Inbreng]:
        return self.inbreng[:OP_SCHERM]


def inbreng_get_for_sessie(*, sessie: Sessie, pk: int) -> Inbreng | None:
    """The session's open answer with this id; else None."""
    inbreng = Inbreng.objects.filter(pk=pk, sessie=sessie).first()
    if inbreng is not None:
        inbreng.sessie = sessie
    return inbreng


def vragen_voor(*, sessie: Sessie, conditie: str, met_inbreng: bool = True) -> list[Vraag]:
    """The condition's two open questions (what goes well, a next step) as the session's
    statement set asks them, each with its approved answers, most votes first. Two queries."""
    teksten = dict(
        OpenVraag.objects.filter(set_id=sessie.stellingenset_id, conditie=conditie).values_list(
            "soort", "tekst"
        )
    )
    vragen = {
        soort: Vraag(soort=soort, tekst=teksten.get(soort) or str(label))
        for soort, label in OpenVraag.Soort.choices
    }
    if met_inbreng:
        for inbreng in Inbreng.objects.filter(
            sessie=sessie, conditie=conditie, status=Inbreng.Status.GOEDGEKEURD
        ).order_by("-stemmen", "pk"):
            vragen[inbreng.soort].inbreng.append(inbreng)
    return list(vragen.values())


def gestemd(*, deelnemer: Deelnemer) -> set[int]:
    """The open answers this participant votes for."""
    return set(Stem.objects.filter(deelnemer=deelnemer).values_list("inbreng_id", flat=True))


def inbreng_voor_bediening(*, sessie: Sessie) -> list[dict]:
    """For the facilitator, per condition of the session: the answers waiting for approval
    (oldest first), those on the screen (most votes first) and the hidden ones. One query."""
    per_conditie = {
        code: {
            "code": code,
            "label": Conditie(code).label,
            "nieuw": [],
            "goed": [],
            "verborgen": [],
        }
        for code in sessie.condities
    }
    lijst: dict[str, str] = {
        Inbreng.Status.NIEUW: "nieuw",
        Inbreng.Status.GOEDGEKEURD: "goed",
        Inbreng.Status.VERBORGEN: "verborgen",
    }
    for inbreng in (
        Inbreng.objects.filter(sessie=sessie, conditie__in=sessie.condities)
        .exclude(status=Inbreng.Status.SAMENGEVOEGD)
        .order_by("pk")
    ):
        per_conditie[inbreng.conditie][lijst[inbreng.status]].append(inbreng)
    for groep in per_conditie.values():
        groep["goed"].sort(key=lambda i: (-i.stemmen, i.pk))
        groep["aantal"] = len(groep["nieuw"]) + len(groep["goed"]) + len(groep["verborgen"])
    return list(per_conditie.values())


def inbreng_nieuw_aantal(*, sessie: Sessie) -> int:
    """How many open answers wait for the facilitator's approval."""
    return Inbreng.objects.filter(sessie=sessie, status=Inbreng.Status.NIEUW).count()


def inbreng_voor_verslag(*, sessie: Sessie) -> dict[str, list[Inbreng]]:
    """The answers that were on the screen, per condition code, most votes first."""
    per_conditie: dict[str, list[Inbreng]] = {}
    for inbreng in Inbreng.objects.filter(
        sessie=sessie, status=Inbreng.Status.GOEDGEKEURD
    ).order_by("conditie", "soort", "-stemmen", "pk"):
        per_conditie.setdefault(inbreng.conditie, []).append(inbreng)
    return per_conditie
