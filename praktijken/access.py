"""Who may see and do what in a practice. Every praktijk-scoped view starts here."""

import copy
import functools
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache, caches
from django.core.exceptions import PermissionDenied
from django.db import router
from django.db.models import OuterRef, QuerySet, Subquery
from django.http import Http404

from config.http import AccountUser
from config.versies import KEPT_SECONDS
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
from praktijken.versie import ACCOUNTS, PRAKTIJKEN

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
    if settings.AUTH_USERS_KEPT:
        gevonden = _toegang_kept(user_id=user.pk, slug=slug)
    else:
        gevonden = _toegang_load(user_id=user.pk, slug=slug)
    if gevonden is None:
        raise Http404
    praktijk, rol = gevonden
    if rol is None and not user.is_staff:
        raise Http404
    return Toegang(praktijk=praktijk, user=user, rol=rol)


def _toegang_load(*, user_id: int, slug: str) -> tuple[Praktijk, str | None] | None:
    """The practice by its slug and the user's role in it, from the database."""
    praktijk = next(iter(Praktijk.objects.raw(*_toegang_sql(user_id=user_id, slug=slug))), None)
    if praktijk is None:
        return None
    return praktijk, getattr(praktijk, "mijn_rol", None)  # the statement's extra column


# What the access check found, kept per account and slug in the worker's memory (issue #13: a
# member's page without a query for the practice and the role): the practice and the role, with
# the account's version (its memberships) and the practice's version they were read under
# (praktijken.versie). Served only while both versions are still current: a membership given,
# changed or taken away, a changed account (staff or not) and any save of the practice (a new
# slug) count on the next request. Kept at most KEPT_SECONDS: a new version that did not reach
# Redis (it was away) shows that much later. Only what was found is kept; a 404 is looked up
# every time. Only where the cache is shared by every worker (AUTH_USERS_KEPT).


@dataclass(frozen=True)
class _Kept:
    account_versie: str
    praktijk_versie: str
    praktijk: Praktijk  # never handed out: each request gets a copy
    rol: str | None


def _kept_key(user_id: int, slug: str) -> str:
    return f"praktijken:toegang:{user_id}:{slug}"


def _toegang_kept(*, user_id: int, slug: str) -> tuple[Praktijk, str | None] | None:
    key = _kept_key(user_id, slug)
    kept: _Kept | None = caches["proces"].get(key)
    if kept is not None:
        sleutels = (ACCOUNTS.key(user_id), PRAKTIJKEN.key(kept.praktijk.pk))
        try:
            versies = cache.get_many(sleutels)
        except Exception:  # the cache holds what this code cannot read
            versies = {}
        if [versies.get(s) for s in sleutels] == [kept.account_versie, kept.praktijk_versie]:
            return copy.copy(kept.praktijk), kept.rol
    # Each version is read before the data it guards, so a write that commits after the read
    # leaves a version that no longer matches. The practice's version needs the practice's id,
    # which the first read finds: the data is read again after it.
    account_versie = ACCOUNTS.current(user_id)
    gevonden = _toegang_load(user_id=user_id, slug=slug)
    if gevonden is None or account_versie is None:
        return gevonden
    praktijk_versie = PRAKTIJKEN.current(gevonden[0].pk)
    if praktijk_versie is None:
        return gevonden
    gevonden = _toegang_load(user_id=user_id, slug=slug)
    if gevonden is not None:
        praktijk, rol = gevonden
        kept = _Kept(account_versie, praktijk_versie, copy.copy(praktijk), rol)
        caches["proces"].set(key, kept, KEPT_SECONDS)
    return gevonden


# Stand-ins for the two parameters while the statement is compiled: values no user and no
# practice has.
_USER_ID, _SLUG = -7_301_911, "\x00slug\x00"


def _toegang_query(*, user_id: int, slug: str) -> QuerySet[Praktijk]:
    """The practice by its slug, with the user's role in it (None: no member) as `mijn_rol`."""
    rol = Lidmaatschap.objects.filter(praktijk=OuterRef("pk"), user_id=user_id).values("rol")[:1]
    return Praktijk.objects.filter(slug=slug).annotate(mijn_rol=Subquery(rol))[:1]


def _toegang_sql(*, user_id: int, slug: str) -> tuple[str, list[int | str]]:
    """`_toegang_query` as SQL and parameters. Every page of a practice runs it, and compiling
    it cost more than running it (issue #13), so each process compiles it once per database and
    then only fills in the parameters."""
    sql, plaatsen = _toegang_compiled(router.db_for_read(Praktijk))
    waarden: dict[int | str, int | str] = {_USER_ID: user_id, _SLUG: slug}
    return sql, [waarden[plaats] for plaats in plaatsen]


@functools.cache
def _toegang_compiled(alias: str) -> tuple[str, tuple[int | str, ...]]:
    query = _toegang_query(user_id=_USER_ID, slug=_SLUG).query
    sql, params = query.get_compiler(using=alias).as_sql()
    if sorted(params, key=str) != sorted((_USER_ID, _SLUG), key=str):
        raise AssertionError(f"Unexpected parameters in the access query: {params!r}")
    return sql, tuple(params)


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
