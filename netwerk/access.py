"""A member's place in the network: the person and organisation behind an account.

The practice-level rules (roles) are praktijken.access; the rules that depend on whom a member
works for live here, on an access object that extends it.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from django.http import Http404

from netwerk import selectors
from netwerk.models import Afspraak, Deelname, Organisatie, Persoon, Uitnodiging, User
from praktijken.access import (
    Toegang,
    bijeenkomst_get_for_edit,
    bijeenkomst_get_for_user,
    praktijk_get_for_user,
)
from praktijken.models import Bijeenkomst, Lidmaatschap


@dataclass(frozen=True)
class LidToegang(Toegang):
    """Access to a practice that also knows the member's person entry and organisation."""

    @cached_property
    def persoon(self) -> Persoon | None:
        """The person entry linked to this account, if any (one query, at most once)."""
        return Persoon.objects.filter(user=self.user).select_related("organisatie").first()

    @property
    def organisatie_id(self) -> int | None:
        return self.persoon.organisatie_id if self.persoon else None

    def can_edit_organisatie(self, organisatie_id: int) -> bool:
        """Editors edit every organisation in the network; a member only their own."""
        return self.can_edit or organisatie_id == self.organisatie_id

    def can_edit_persoon(self, persoon: Persoon) -> bool:
        """Editors edit every person; a member themselves and people of their own organisation."""
        if self.can_edit:
            return True
        return self.persoon is not None and (
            persoon.pk == self.persoon.pk or persoon.organisatie_id == self.organisatie_id
        )

    def can_edit_werk(self, *, eigenaar_id: int | None, organisatie_ids: Iterable[int]) -> bool:
        """Editors edit every piece of shared work; a member what they own or their organisation
        takes part in (experiments)."""
        if self.can_edit:
            return True
        if self.persoon is None:
            return False
        return eigenaar_id == self.persoon.pk or self.persoon.organisatie_id in set(organisatie_ids)


# One getter per resource. Each first asks "may you see it" (404 when not), then "may you change
# it" (403), so the same request gets the same status on every page.


def lid_get_for_user(*, user: User, slug: str) -> LidToegang:
    """The user's access to the practice with their place in its network; 404 when not visible."""
    toegang = praktijk_get_for_user(user=user, slug=slug)
    return LidToegang(praktijk=toegang.praktijk, user=toegang.user, rol=toegang.rol)


def lid_get_for_edit(*, user: User, slug: str) -> LidToegang:
    """The practice for adding to its network (editors): 404 when not visible, else 403."""
    toegang = lid_get_for_user(user=user, slug=slug)
    toegang.require(toegang.can_edit)
    return toegang


def lid_get_for_manage(*, user: User, slug: str) -> LidToegang:
    """The practice for managing its members (facilitators, staff): 404 if not visible, else 403."""
    toegang = lid_get_for_user(user=user, slug=slug)
    toegang.require(toegang.can_manage)
    return toegang


def _found[T](obj: T | None) -> T:
    if obj is None:
        raise Http404
    return obj


def organisatie_get_for_user(*, user: User, slug: str, pk: int) -> tuple[LidToegang, Organisatie]:
    """An organisation that takes part in the practice, with its domains and people; else 404."""
    toegang = lid_get_for_user(user=user, slug=slug)
    organisatie = selectors.organisatie_get_for_praktijk(praktijk=toegang.praktijk, pk=pk)
    return toegang, _found(organisatie)


def organisatie_get_for_edit(*, user: User, slug: str, pk: int) -> tuple[LidToegang, Organisatie]:
    """An organisation the user may change (editors, its own members): 404 when not visible, 403
    when visible but not theirs to change."""
    toegang, organisatie = organisatie_get_for_user(user=user, slug=slug, pk=pk)
    toegang.require(toegang.can_edit_organisatie(organisatie.pk))
    return toegang, organisatie


def persoon_get_for_user(*, user: User, slug: str, pk: int) -> tuple[LidToegang, Persoon]:
    """A person at an organisation that takes part in the practice; else 404."""
    toegang = lid_get_for_user(user=user, slug=slug)
    persoon = selectors.persoon_get_for_praktijk(praktijk=toegang.praktijk, pk=pk)
    return toegang, _found(persoon)


def persoon_get_for_edit(*, user: User, slug: str, pk: int) -> tuple[LidToegang, Persoon]:
    """A person the user may change (editors, themselves, their colleagues): 404, then 403."""
    toegang, persoon = persoon_get_for_user(user=user, slug=slug, pk=pk)
    toegang.require(toegang.can_edit_persoon(persoon))
    return toegang, persoon


def deelname_get_for_user(*, user: User, slug: str, pk: int) -> tuple[LidToegang, Deelname]:
    """A participation in the practice's network, with its organisation; else 404."""
    toegang = lid_get_for_user(user=user, slug=slug)
    deelname = selectors.deelname_get_for_praktijk(praktijk=toegang.praktijk, pk=pk)
    return toegang, _found(deelname)


def deelname_get_for_edit(*, user: User, slug: str, pk: int) -> tuple[LidToegang, Deelname]:
    """A participation the user may change (editors): 404 when not visible, else 403."""
    toegang, deelname = deelname_get_for_user(user=user, slug=slug, pk=pk)
    toegang.require(toegang.can_edit)
    return toegang, deelname


def belangen_get_for_edit(*, user: User, slug: str, pk: int) -> tuple[LidToegang, Deelname]:
    """An organisation's interests, changed by its own members (and editors): 404 when the
    participation is not visible, 403 when it is another organisation's."""
    toegang, deelname = deelname_get_for_user(user=user, slug=slug, pk=pk)
    toegang.require(toegang.can_edit_organisatie(deelname.organisatie_id))
    return toegang, deelname


def afspraak_get_for_user(*, user: User, slug: str, pk: int) -> tuple[LidToegang, Afspraak]:
    """A working agreement of the practice's network; else 404."""
    toegang = lid_get_for_user(user=user, slug=slug)
    afspraak = selectors.afspraak_get_for_praktijk(praktijk=toegang.praktijk, pk=pk)
    return toegang, _found(afspraak)


def afspraak_get_for_edit(*, user: User, slug: str, pk: int) -> tuple[LidToegang, Afspraak]:
    """A working agreement the user may change or remove (editors): 404, then 403."""
    toegang, afspraak = afspraak_get_for_user(user=user, slug=slug, pk=pk)
    toegang.require(toegang.can_edit)
    return toegang, afspraak


def lidmaatschap_get_for_manage(
    *, user: User, slug: str, pk: int
) -> tuple[LidToegang, Lidmaatschap]:
    """A membership of the practice, for facilitators and staff: 404 when it is not in a practice
    the user may see, 403 when they may see it but not manage it."""
    toegang = lid_get_for_user(user=user, slug=slug)
    lidmaatschap = selectors.lidmaatschap_get_for_praktijk(praktijk=toegang.praktijk, pk=pk)
    lidmaatschap = _found(lidmaatschap)
    toegang.require(toegang.can_manage)
    return toegang, lidmaatschap


def uitnodiging_get_for_manage(*, user: User, slug: str, pk: int) -> tuple[LidToegang, Uitnodiging]:
    """An invitation to the practice, for facilitators and staff: 404, then 403."""
    toegang = lid_get_for_user(user=user, slug=slug)
    uitnodiging = selectors.uitnodiging_get_for_praktijk(praktijk=toegang.praktijk, pk=pk)
    uitnodiging = _found(uitnodiging)
    toegang.require(toegang.can_manage)
    return toegang, uitnodiging


def bijeenkomst_get_for_mensen(*, user: User, slug: str, pk: int) -> tuple[Toegang, Bijeenkomst]:
    """A meeting whose people and invitations the user may arrange (core group, facilitators,
    staff): 404 when not visible, 403 when visible but not theirs to arrange."""
    return bijeenkomst_get_for_edit(user=user, slug=slug, pk=pk)


def bijeenkomst_get_for_verslag(*, user: User, slug: str, pk: int) -> tuple[Toegang, Bijeenkomst]:
    """A meeting whose minutes the user may write and publish: editors, and the person chosen
    as its minute-taker (through their account). 404 when not visible, else 403."""
    toegang, bijeenkomst = bijeenkomst_get_for_user(user=user, slug=slug, pk=pk)
    toegang.require(
        toegang.can_edit
        or selectors.bijeenkomst_is_notulist(bijeenkomst=bijeenkomst, user=toegang.user)
    )
    return toegang, bijeenkomst
