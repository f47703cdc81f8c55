"""Who may see and do what in a practice. Every praktijk-scoped view starts here."""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, QuerySet, Subquery
from django.http import Http404

from config.http import AccountUser
from praktijken.models import (
    Bijeenkomst,
    Lidmaatschap,
    Ontwerpvraag,
    Praktijk,
    Programma,
    ProgrammaTeamlid,
    Rol,
    Verhaal,
)

# The account model lives in netwerk; the tenant knows it only as settings.AUTH_USER_MODEL.
type User = AccountUser | AnonymousUser


@dataclass(frozen=True)
class Toegang:
    """A user's access to one practice: the practice itself, their role, and what follows."""

    praktijk: Praktijk
    user: AccountUser  # logged in: praktijk_get_for_user answers 404 to anyone else
    rol: str | None  # None: site staff who is not a member

    @property
    def is_staff(self) -> bool:
        return self.user.is_staff

    @property
    def can_manage(self) -> bool:
        """Facilitators (and site staff) manage everything in the practice."""
        return self.is_staff or self.rol == Rol.FACILITATOR

    @property
    def can_edit(self) -> bool:
        """Core group members edit experiments, meetings, design questions and agreements."""
        return self.can_manage or self.rol == Rol.KERNGROEPLID

    def can_edit_verhaal(self, verhaal: Verhaal) -> bool:
        """Editors edit every story; anyone else the stories they added themselves."""
        return self.can_edit or (
            verhaal.created_by_id is not None and verhaal.created_by_id == self.user.pk
        )

    def require(self, allowed: bool) -> None:
        """Raise 403 when the (visible) practice does not allow this action to this user."""
        if not allowed:
            raise PermissionDenied


def praktijk_get_for_user(*, user: User, slug: str) -> Toegang:
    """Return the user's access to the practice, or raise 404 when they may not see it."""
    if not user.is_authenticated:
        raise Http404
    rol = Lidmaatschap.objects.filter(praktijk=OuterRef("pk"), user=user).values("rol")[:1]
    praktijk = Praktijk.objects.filter(slug=slug).annotate(mijn_rol=Subquery(rol)).first()
    if praktijk is None or (praktijk.mijn_rol is None and not user.is_staff):
        raise Http404
    return Toegang(praktijk=praktijk, user=user, rol=praktijk.mijn_rol)


def praktijk_get_for_edit(*, user: User, slug: str) -> Toegang:
    """The practice for adding to it (core group, facilitators, staff): 404 when not visible,
    403 when visible but the role does not allow it."""
    toegang = praktijk_get_for_user(user=user, slug=slug)
    toegang.require(toegang.can_edit)
    return toegang


def praktijk_get_for_manage(*, user: User, slug: str) -> Toegang:
    """The practice for managing it (facilitators, staff): 404 when not visible, else 403."""
    toegang = praktijk_get_for_user(user=user, slug=slug)
    toegang.require(toegang.can_manage)
    return toegang


def bijeenkomst_get_for_user(*, user: User, slug: str, pk: int) -> tuple[Toegang, Bijeenkomst]:
    """A meeting of a practice the user may see, or 404."""
    toegang = praktijk_get_for_user(user=user, slug=slug)
    bijeenkomst = Bijeenkomst.objects.filter(pk=pk, praktijk=toegang.praktijk).first()
    if bijeenkomst is None:
        raise Http404
    bijeenkomst.praktijk = toegang.praktijk
    return toegang, bijeenkomst


def bijeenkomst_get_for_edit(*, user: User, slug: str, pk: int) -> tuple[Toegang, Bijeenkomst]:
    """A meeting the user may change: 404 when not visible, 403 when visible but not editable."""
    toegang, bijeenkomst = bijeenkomst_get_for_user(user=user, slug=slug, pk=pk)
    toegang.require(toegang.can_edit)
    return toegang, bijeenkomst


def ontwerpvraag_get_for_edit(*, user: User, slug: str, pk: int) -> tuple[Toegang, Ontwerpvraag]:
    """A design question the user may rephrase: 404 when not visible, 403 when not editable.

    Reading a design question is a page of overzicht, with its experiments."""
    toegang = praktijk_get_for_user(user=user, slug=slug)
    vraag = Ontwerpvraag.objects.filter(pk=pk, praktijk=toegang.praktijk).first()
    if vraag is None:
        raise Http404
    toegang.require(toegang.can_edit)
    return toegang, vraag


def verhaal_get_for_edit(*, user: User, slug: str, pk: int) -> tuple[Toegang, Verhaal]:
    """A story the user may change (editors, and whoever added it): 404 when not visible, 403
    when visible but not theirs to change."""
    toegang = praktijk_get_for_user(user=user, slug=slug)
    verhaal = Verhaal.objects.filter(pk=pk, praktijk=toegang.praktijk).first()
    if verhaal is None:
        raise Http404
    toegang.require(toegang.can_edit_verhaal(verhaal))
    return toegang, verhaal


def verhaal_get_for_share(*, user: User, slug: str, pk: int) -> tuple[Toegang, Verhaal]:
    """A story whose sharing with the programme the user may switch (editors of the practice):
    404 when not visible, 403 when visible but not theirs to decide."""
    toegang = praktijk_get_for_user(user=user, slug=slug)
    verhaal = Verhaal.objects.filter(pk=pk, praktijk=toegang.praktijk).first()
    if verhaal is None:
        raise Http404
    toegang.require(toegang.can_edit)
    verhaal.praktijk = toegang.praktijk
    return toegang, verhaal


def praktijken_for_user(*, user: AccountUser) -> QuerySet[Praktijk]:
    """The practices this user may open: their own, or all of them for site staff."""
    qs = Praktijk.objects.order_by("naam")
    if user.is_staff:
        return qs
    return qs.filter(lidmaatschappen__user=user)


def programma_get_for_team(*, user: User, slug: str) -> Programma:
    """A programme whose team the user is in (or any, for site staff), else 404.

    The team reads the programme's overview and starts its practices; it is no member of a
    practice, so praktijk_get_for_user still answers 404 to it for every practice page."""
    if not user.is_authenticated:
        raise Http404
    programma = Programma.objects.filter(slug=slug).first()
    if programma is None:
        raise Http404
    if (
        not user.is_staff
        and not ProgrammaTeamlid.objects.filter(programma=programma, user=user).exists()
    ):
        raise Http404
    return programma


def programmas_for_user(*, user: AccountUser) -> QuerySet[Programma]:
    """The programmes whose team this user is in: all of them for site staff."""
    qs = Programma.objects.order_by("naam")
    if user.is_staff:
        return qs
    return qs.filter(team__user=user)


def programma_praktijk_get_for_team(
    *, user: User, slug: str, praktijk_slug: str
) -> tuple[Programma, Praktijk]:
    """A practice of a programme whose team the user is in (or any, for site staff), else 404.

    For the team's own actions on the practice (inviting its first facilitator); it opens no
    page of the practice itself."""
    programma = programma_get_for_team(user=user, slug=slug)
    praktijk = Praktijk.objects.filter(slug=praktijk_slug, programma=programma).first()
    if praktijk is None:
        raise Http404
    return programma, praktijk
