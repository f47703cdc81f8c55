"""Reads of the network: organisations, people, the social map, members and invitations."""

import datetime
import re
from collections.abc import Iterable
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple, TypedDict, cast

from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.db.models import Case, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netwerk.models import (
    Afspraak,
    BelangenVersie,
    Deelname,
    DeelnameWijziging,
    Genodigde,
    Groep,
    Levensdomein,
    Organisatie,
    Persoon,
    Uitnodiging,
    User,
)
from netwerk.tokens import bevestiging_token_read
from praktijken.access import Toegang
from praktijken.agenda import AgendaPunt
from praktijken.models import Bijeenkomst, Lidmaatschap, Praktijk, Rol

if TYPE_CHECKING:
    from django.utils.functional import Promise
    from django_stubs_ext import WithAnnotations


class KaartVelden(TypedDict):
    """What the social map adds to each organisation."""

    groep: str | None  # its group in this practice's network
    kaart_personen: list[Persoon]  # its people that match the search


# An organisation as the social map lists it (an Organisatie at run time).
type KaartOrganisatie = WithAnnotations[Organisatie, KaartVelden]


def deelnames_for_praktijk(*, praktijk: Praktijk) -> QuerySet[Deelname]:
    """The organisations in the practice's network, with their organisation, in two queries."""
    return (
        Deelname.objects.filter(praktijk=praktijk)
        .select_related("organisatie")
        .order_by("groep", "organisatie__naam")
    )


def groepen_for_praktijk(*, praktijk: Praktijk) -> dict[str, list[Deelname]]:
    """The core group and the design group, each a list of participations (one query)."""
    groepen: dict[str, list[Deelname]] = {Groep.KERNGROEP: [], Groep.ONTWERPGROEP: []}
    for deelname in deelnames_for_praktijk(praktijk=praktijk):
        groepen[deelname.groep].append(deelname)
    return groepen


class GroepOrganisatie(NamedTuple):
    """An organisation in a group, by id and name: all a list of names needs."""

    pk: int
    naam: str


def groepen_namen_for_praktijk(*, praktijk: Praktijk) -> dict[str, list[GroepOrganisatie]]:
    """The names in the core group and the design group, by name (one query, no model objects:
    the dashboard lists only names, and building two models a row was most of its cost)."""
    groepen: dict[str, list[GroepOrganisatie]] = {Groep.KERNGROEP: [], Groep.ONTWERPGROEP: []}
    rijen = deelnames_for_praktijk(praktijk=praktijk).values_list(
        "groep", "organisatie_id", "organisatie__naam"
    )
    for groep, pk, naam in rijen:
        groepen[groep].append(GroepOrganisatie(pk=pk, naam=naam))
    return groepen


def organisaties_for_praktijk(*, praktijk: Praktijk) -> QuerySet[Organisatie]:
    """Every organisation that takes part in the practice: its own entries, never another's."""
    return Organisatie.objects.filter(eigenaar=praktijk, deelnames__praktijk=praktijk)


def contactpersoon_for_organisatie(*, organisatie: Organisatie) -> Persoon | None:
    """The organisation's contact person with an email address (the first one), or None."""
    return (
        Persoon.objects.filter(organisatie=organisatie, is_contactpersoon=True)
        .exclude(email="")
        .order_by("pk")
        .first()
    )


def steunpunt_for_praktijk(*, praktijk: Praktijk) -> Organisatie | None:
    """The carer support point on the practice's social map (the first by name), or None."""
    return (
        organisaties_for_praktijk(praktijk=praktijk)
        .filter(soort=Organisatie.Soort.MANTELZORGSTEUNPUNT)
        .only("pk", "naam", "telefoon", "email", "website")
        .order_by("naam", "pk")
        .first()
    )


def organisaties_to_add(*, praktijk: Praktijk) -> QuerySet[Organisatie]:
    """Organisations the practice may add to its network as its own copy: other practices'
    original entries (not their copies) that it has not copied yet, by name."""
    return (
        Organisatie.objects.filter(bron__isnull=True)
        .exclude(eigenaar=praktijk)
        .exclude(kopieen__eigenaar=praktijk)
        .order_by("naam", "pk")
    )


def organisatie_taking_part(*, praktijk: Praktijk, organisatie: Organisatie) -> bool:
    """Whether the organisation, or the practice's own copy of it, takes part in the practice."""
    return (
        organisaties_for_praktijk(praktijk=praktijk)
        .filter(Q(pk=organisatie.pk) | Q(bron=organisatie))
        .exists()
    )


def afspraken_for_praktijk(*, praktijk: Praktijk) -> QuerySet[Afspraak]:
    """The network's working agreements, by topic."""
    return Afspraak.objects.filter(praktijk=praktijk).order_by("onderwerp", "pk")


def wijzigingen_for_praktijk(*, praktijk: Praktijk, limit: int = 25) -> list[DeelnameWijziging]:
    """The latest joins and moves between the groups of the practice, newest first (one query)."""
    return list(
        DeelnameWijziging.objects.filter(deelname__praktijk=praktijk)
        .select_related("deelname__organisatie", "door")
        .order_by("-op", "-pk")[:limit]
    )


def organisatie_get_for_praktijk(*, praktijk: Praktijk, pk: int) -> Organisatie | None:
    """One organisation that takes part in the practice, with its domains and people; or None."""
    return (
        organisaties_for_praktijk(praktijk=praktijk)
        .prefetch_related(
            "levensdomeinen", Prefetch("personen", queryset=Persoon.objects.order_by("naam"))
        )
        .filter(pk=pk)
        .first()
    )


def deelname_get_for_praktijk(*, praktijk: Praktijk, pk: int) -> Deelname | None:
    """One participation in the practice, with its organisation; or None."""
    return Deelname.objects.filter(praktijk=praktijk, pk=pk).select_related("organisatie").first()


def afspraak_get_for_praktijk(*, praktijk: Praktijk, pk: int) -> Afspraak | None:
    """One working agreement of the practice; or None."""
    return Afspraak.objects.filter(praktijk=praktijk, pk=pk).first()


def deelname_for_organisatie(*, praktijk: Praktijk, organisatie: Organisatie) -> Deelname | None:
    """The organisation's participation in the practice, with its interests as they are today."""
    return Deelname.objects.filter(praktijk=praktijk, organisatie=organisatie).first()


def deelname_with_history(*, praktijk: Praktijk, organisatie: Organisatie) -> Deelname | None:
    """The organisation's participation in the practice with its group history (two queries)."""
    return (
        Deelname.objects.filter(praktijk=praktijk, organisatie=organisatie)
        .prefetch_related(
            Prefetch(
                "wijzigingen",
                queryset=DeelnameWijziging.objects.select_related("door").order_by("-op", "-pk"),
            )
        )
        .first()
    )


def persoon_get_for_praktijk(*, praktijk: Praktijk, pk: int) -> Persoon | None:
    """A person at an organisation that takes part in the practice; or None."""
    return (
        Persoon.objects.filter(organisatie__in=organisaties_for_praktijk(praktijk=praktijk), pk=pk)
        .select_related("organisatie")
        .first()
    )


def wijken_for_praktijk(*, praktijk: Praktijk) -> list[str]:
    """The neighbourhoods served by the practice's organisations, sorted, once each (one query)."""
    gezien: dict[str, str] = {}
    for wijken in organisaties_for_praktijk(praktijk=praktijk).values_list("wijken", flat=True):
        for wijk in wijken.split(","):
            if wijk.strip():
                gezien.setdefault(wijk.strip().casefold(), wijk.strip())
    return sorted(gezien.values(), key=str.casefold)


def _labels_matching(choices: Iterable[tuple[str, "str | Promise"]], q: str) -> list[str]:
    """The codes of the choices whose code or (translated) label contains q."""
    q = q.casefold()
    return [code for code, label in choices if q in code.casefold() or q in str(label).casefold()]


def _organisatie_match(q: str, *, via: str = "") -> Q:
    """Organisations whose name, offer, neighbourhoods, town, kind or domain contains q.

    `via` is the path from the queried model to the organisation: "" from an organisation,
    "organisatie__" from a person, whose own organisation is then joined and tested row by row.
    """
    return (
        Q(**{f"{via}naam__icontains": q})
        | Q(**{f"{via}beschrijving__icontains": q})
        | Q(**{f"{via}wijken__icontains": q})
        | Q(**{f"{via}plaats__icontains": q})
        | Q(**{f"{via}soort__in": _labels_matching(Organisatie.Soort.choices, q)})
        | Q(
            Exists(
                Organisatie.levensdomeinen.through.objects.filter(
                    organisatie=OuterRef(f"{via}pk"),
                    levensdomein__code__in=_labels_matching(Levensdomein.Code.choices, q),
                )
            )
        )
    )


def _sociale_kaart_filter(
    *, praktijk: Praktijk, q: str, soort: str, domein: str, wijk: str
) -> tuple[QuerySet[Organisatie], QuerySet[Persoon]]:
    """The matching organisations, and the people to list at a matching organisation."""
    organisaties = organisaties_for_praktijk(praktijk=praktijk)
    personen = Persoon.objects.all()
    q = q.strip()
    if q:
        persoon_match = (
            Q(naam__icontains=q)
            | Q(functie__icontains=q)
            | Q(expertise__icontains=q)
            | Q(bel_mij_voor__icontains=q)
        )
        organisaties = organisaties.filter(
            _organisatie_match(q)
            | Q(Exists(Persoon.objects.filter(persoon_match, organisatie=OuterRef("pk"))))
        )
        # Everyone at an organisation that matches as a whole; otherwise only the people that do.
        # The person's own organisation is tested (a join), not a list of all matching ones: that
        # list would grow with every practice in the installation (issue #6).
        personen = personen.filter(persoon_match | _organisatie_match(q, via="organisatie__"))
    if soort:
        organisaties = organisaties.filter(soort=soort)
    if domein:
        organisaties = organisaties.filter(
            Exists(
                Organisatie.levensdomeinen.through.objects.filter(
                    organisatie=OuterRef("pk"), levensdomein__code=domein
                )
            )
        )
    if wijk.strip():
        # A whole name in the comma-separated list ("Stein" is not "Stein-Noord"), in the
        # database: a page of the map must not depend on filtering every organisation in Python.
        naam = re.escape(wijk.strip())
        organisaties = organisaties.filter(wijken__iregex=rf"(^|,)\s*{naam}\s*(,|$)")
    return organisaties, personen


def sociale_kaart(
    *,
    praktijk: Praktijk,
    q: str = "",
    soort: str = "",
    domein: str = "",
    wijk: str = "",
) -> "QuerySet[KaartOrganisatie]":
    """The practice's social map: matching organisations with their domains and people, by name.

    q matches the name, offer, kind, domain and neighbourhoods of an organisation, and the
    name, function, expertise and "call me for" of its people. When q matches only some people
    of an organisation, just those are listed (`kaart_personen`). Lazy, so that a page of it can
    be sliced off: three queries for any slice, whatever the size.
    """
    organisaties, personen = _sociale_kaart_filter(
        praktijk=praktijk, q=q, soort=soort, domein=domein, wijk=wijk
    )
    kaart = (
        organisaties.annotate(
            groep=Subquery(
                Deelname.objects.filter(praktijk=praktijk, organisatie=OuterRef("pk")).values(
                    "groep"
                )[:1]
            )
        )
        .order_by("naam", "pk")
        .prefetch_related(
            "levensdomeinen",
            Prefetch("personen", queryset=personen.order_by("naam"), to_attr="kaart_personen"),
        )
    )
    return cast("QuerySet[KaartOrganisatie]", kaart)


def sociale_kaart_personen_count(
    *,
    praktijk: Praktijk,
    q: str = "",
    soort: str = "",
    domein: str = "",
    wijk: str = "",
) -> int:
    """How many people the whole social map for this search lists, on every page (one query)."""
    organisaties, personen = _sociale_kaart_filter(
        praktijk=praktijk, q=q, soort=soort, domein=domein, wijk=wijk
    )
    return personen.filter(organisatie__in=organisaties.values("pk")).count()


# Keeping the social map current: which entries are due for a check.

BEVESTIGING_ELKE = datetime.timedelta(days=90)


def bevestiging_due_filter(nu: datetime.datetime) -> Q:
    """Organisations whose entry is older than BEVESTIGING_ELKE and who were not asked lately."""
    grens = nu - BEVESTIGING_ELKE
    return (Q(bevestigd_op__isnull=True) | Q(bevestigd_op__lt=grens)) & (
        Q(bevestiging_gevraagd_op__isnull=True) | Q(bevestiging_gevraagd_op__lt=grens)
    )


def bevestigingen_due(*, nu: datetime.datetime | None = None) -> list[int]:
    """Ids of organisations in a practice whose entry is old and who were not asked lately."""
    nu = nu or timezone.now()
    return list(
        Organisatie.objects.filter(bevestiging_due_filter(nu))
        .filter(Exists(Deelname.objects.filter(organisatie=OuterRef("pk"))))
        .filter(
            ~Q(email="")
            | Exists(
                Persoon.objects.filter(organisatie=OuterRef("pk"), is_contactpersoon=True).exclude(
                    email=""
                )
            )
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def organisatie_get_by_bevestiging_token(*, token: str) -> Organisatie | None:
    """The organisation of a valid, unexpired “still correct” link, or None."""
    organisatie_id = bevestiging_token_read(token=token)
    return Organisatie.objects.filter(pk=organisatie_id).first() if organisatie_id else None


# Members and invitations.


class Staat(models.TextChoices):
    """Where an invitation stands; derived from its dates, never stored."""

    OPEN = "open", _("Open")
    VERLOPEN = "verlopen", _("Expired")
    GEBRUIKT = "gebruikt", _("Used")
    INGETROKKEN = "ingetrokken", _("Revoked")


def uitnodiging_open_filter() -> models.Q:
    """Invitations that were neither used nor revoked (they may have expired)."""
    return models.Q(gebruikt_op__isnull=True, ingetrokken_op__isnull=True)


def uitnodiging_staat(*, uitnodiging: Uitnodiging, now: datetime.datetime | None = None) -> Staat:
    """The state of one invitation at `now` (default: this moment)."""
    now = now or timezone.now()
    if uitnodiging.gebruikt_op:
        return Staat.GEBRUIKT
    if uitnodiging.ingetrokken_op:
        return Staat.INGETROKKEN
    if uitnodiging.verloopt_op <= now:
        return Staat.VERLOPEN
    return Staat.OPEN


def uitnodiging_sender_may_invite(*, uitnodiging: Uitnodiging) -> bool:
    """Whether whoever sent the invitation may still invite to the practice: an active account
    that is site staff, facilitator of the practice, or in the team of the practice's programme
    (which starts practices and invites their first facilitator) (one query). An invitation
    without a sender (made in the admin, or the sender's account was deleted) stays as it is."""
    sender = uitnodiging.uitgenodigd_door
    if sender is None:
        return True
    if not sender.is_active:
        return False
    return (
        sender.is_staff
        or Praktijk.objects.filter(pk=uitnodiging.praktijk_id)
        .filter(
            models.Q(
                pk__in=Lidmaatschap.objects.filter(user=sender, rol=Rol.FACILITATOR).values(
                    "praktijk_id"
                )
            )
            | models.Q(programma__team__user=sender)
        )
        .exists()
    )


def uitnodiging_staat_for_use(
    *, uitnodiging: Uitnodiging, now: datetime.datetime | None = None
) -> Staat:
    """The state of an invitation that someone wants to use: an open one whose sender lost the
    right to invite counts as revoked."""
    staat = uitnodiging_staat(uitnodiging=uitnodiging, now=now)
    if staat == Staat.OPEN and not uitnodiging_sender_may_invite(uitnodiging=uitnodiging):
        return Staat.INGETROKKEN
    return staat


class UitnodigingVelden(TypedDict):
    staat_code: str
    staat: Staat


# An invitation as the members page lists it, with its state (an Uitnodiging at run time).
type UitnodigingMetStaat = WithAnnotations[Uitnodiging, UitnodigingVelden]


def uitnodigingen_for_praktijk(*, praktijk: Praktijk) -> list[UitnodigingMetStaat]:
    """The practice's invitations, newest first, each with its `staat` (one query)."""
    now = timezone.now()
    # A cast: `staat` is set on each row below, after the query.
    rows = cast(
        "list[UitnodigingMetStaat]",
        list(
            Uitnodiging.objects.filter(praktijk=praktijk)
            .select_related("organisatie", "uitgenodigd_door")
            .annotate(
                staat_code=Case(
                    When(gebruikt_op__isnull=False, then=Value(Staat.GEBRUIKT.value)),
                    When(ingetrokken_op__isnull=False, then=Value(Staat.INGETROKKEN.value)),
                    When(verloopt_op__lte=now, then=Value(Staat.VERLOPEN.value)),
                    default=Value(Staat.OPEN.value),
                    output_field=models.CharField(),
                )
            )
            .order_by("-created_at", "-pk")
        ),
    )
    for uitnodiging in rows:
        uitnodiging.staat = Staat(uitnodiging.staat_code)
    return rows


def uitnodigingen_onverstuurd(*, now: datetime.datetime | None = None) -> list[tuple[int, str]]:
    """(id, token) of the open invitations whose email has not gone out yet, oldest first."""
    now = now or timezone.now()
    return list(
        Uitnodiging.objects.filter(
            uitnodiging_open_filter(), verstuurd_op__isnull=True, verloopt_op__gt=now
        )
        .order_by("created_at", "pk")
        .values_list("pk", "token")
    )


def lidmaatschappen_for_praktijk(*, praktijk: Praktijk) -> QuerySet[Lidmaatschap]:
    """The accounts with a role in the practice, with their person entry (one query)."""
    return (
        Lidmaatschap.objects.filter(praktijk=praktijk)
        .select_related("user", "user__persoon__organisatie")
        .order_by("rol", "user__name", "user__email")
    )


def uitnodiging_get_by_token(*, token: str) -> Uitnodiging | None:
    """The invitation with this token, with what its page shows, or None.

    The URL's `<token:...>` converter has already refused what no token looks like."""
    return (
        Uitnodiging.objects.select_related("praktijk", "organisatie", "uitgenodigd_door")
        .filter(token=token)
        .first()
    )


def account_exists(*, email: str) -> bool:
    return User.objects.filter(email__iexact=email.strip()).exists()


def lidmaatschap_get_for_praktijk(*, praktijk: Praktijk, pk: int) -> Lidmaatschap | None:
    """One membership of the practice, with its account; or None."""
    return Lidmaatschap.objects.filter(praktijk=praktijk, pk=pk).select_related("user").first()


def uitnodiging_get_for_praktijk(*, praktijk: Praktijk, pk: int) -> Uitnodiging | None:
    """One invitation to the practice; or None."""
    return Uitnodiging.objects.filter(praktijk=praktijk, pk=pk).first()


class Stap(StrEnum):
    """Where a visitor with an open invitation link stands; the page shows that step."""

    ANDER_ACCOUNT = "ander_account"  # logged in with another address than the invited one
    AANNEMEN = "aannemen"  # logged in as the invitee
    INLOGGEN = "inloggen"  # not logged in; the address has an account
    NIEUW = "nieuw"  # not logged in; no account yet


def uitnodiging_stap(*, uitnodiging: Uitnodiging, user: User | AnonymousUser) -> Stap:
    """The step of accepting an open invitation that this visitor (perhaps anonymous) is in."""
    if user.is_authenticated:
        if user.email.lower() != uitnodiging.email.lower():
            return Stap.ANDER_ACCOUNT
        return Stap.AANNEMEN
    if account_exists(email=uitnodiging.email):
        return Stap.INLOGGEN
    return Stap.NIEUW


def lidmaatschap_exists(*, praktijk: Praktijk, user: User | AnonymousUser) -> bool:
    """Whether this visitor (perhaps anonymous) is a member of the practice."""
    if not user.is_authenticated:
        return False
    return Lidmaatschap.objects.filter(praktijk=praktijk, user=user).exists()


# Meetings: who plans, who writes the minutes, who is invited


def personen_for_praktijk(*, praktijk: Praktijk) -> QuerySet[Persoon]:
    """The people at the organisations that take part in the practice, by name."""
    return (
        Persoon.objects.filter(organisatie__in=organisaties_for_praktijk(praktijk=praktijk))
        .select_related("organisatie")
        .order_by("naam", "pk")
    )


def personen_in_groepen(*, praktijk: Praktijk, groepen: Iterable[str]) -> QuerySet[Persoon]:
    """The people at the organisations of these groups (kerngroep, ontwerpgroep) of the
    practice."""
    return personen_for_praktijk(praktijk=praktijk).filter(
        organisatie__deelnames__praktijk=praktijk, organisatie__deelnames__groep__in=groepen
    )


def genodigden_for_bijeenkomst(*, bijeenkomst: Bijeenkomst) -> list[Genodigde]:
    """The meeting's invitees (planner and minute-taker among them) with person and
    organisation, by name: one query."""
    return list(
        Genodigde.objects.filter(bijeenkomst=bijeenkomst)
        .select_related("persoon__organisatie")
        .order_by("persoon__naam", "pk")
    )


def bijeenkomst_is_notulist(*, bijeenkomst: Bijeenkomst, user: User | AnonymousUser) -> bool:
    """Whether the account is the person chosen to write this meeting's minutes."""
    if not user.is_authenticated:
        return False
    return Genodigde.objects.filter(
        bijeenkomst=bijeenkomst, is_notulist=True, persoon__user=user
    ).exists()


def bijeenkomst_mensen_blok(bijeenkomst: Bijeenkomst, toegang: Toegang) -> AgendaPunt:
    """For the meeting's page: who plans it and writes the minutes (the person, else the old
    free text), who is invited and whether the mail reached them, and what this viewer may do."""
    genodigden = genodigden_for_bijeenkomst(bijeenkomst=bijeenkomst)
    planner = next((g.persoon for g in genodigden if g.is_planner), None)
    notulist = next((g.persoon for g in genodigden if g.is_notulist), None)
    is_notulist = notulist is not None and notulist.user_id == toegang.user.pk
    return AgendaPunt(
        template="netwerk/bijeenkomst/_mensen.html",
        context={
            "genodigden": genodigden,
            "planner": planner,
            "notulist": notulist,
            "planner_tekst": bijeenkomst.planner,
            "notulist_tekst": bijeenkomst.notulist,
            "met_email": sum(1 for g in genodigden if g.persoon.email),
            "nog_uit_te_nodigen": sum(
                1 for g in genodigden if g.persoon.email and g.volgnummer_verstuurd is None
            ),
            "can_edit": toegang.can_edit,
            "can_verslag": toegang.can_edit or is_notulist,
        },
    )


# --- interests (belangen) ----------------------------------------------------------------------


def belangen_versies_for_deelname(*, deelname: Deelname) -> list[BelangenVersie]:
    """Every version of the organisation's interests, newest first, with its author (1 query)."""
    return list(deelname.belangen_versies.select_related("door").order_by("-op", "-pk"))


def belangen_naast_elkaar(*, praktijk: Praktijk) -> list[Deelname]:
    """The practice's organisations with their current interests side by side, core group
    first, each with `laatst_besproken` (the date of its latest version, or None) (1 query)."""
    laatste = BelangenVersie.objects.filter(deelname=OuterRef("pk")).order_by("-op", "-pk")
    return list(
        Deelname.objects.filter(praktijk=praktijk)
        .select_related("organisatie")
        .annotate(laatst_besproken=Subquery(laatste.values("op")[:1]))
        .order_by(
            Case(When(groep=Groep.KERNGROEP, then=Value(0)), default=Value(1)),
            "organisatie__naam",
            "pk",
        )
    )


def belangen_laatst_besproken(*, praktijk: Praktijk) -> datetime.datetime | None:
    """When any organisation of the practice last reviewed its interests (1 query)."""
    versie = BelangenVersie.objects.filter(deelname__praktijk=praktijk).order_by("-op").first()
    return versie.op if versie else None
