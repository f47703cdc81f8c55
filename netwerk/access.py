"""A member's place in the network: the person and organisation behind an account.

The practice-level rules (roles) are praktijken.access; the rules that depend on whom a member
works for live here, on an access object that extends it.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from netwerk.models import Persoon, User
from praktijken.access import Toegang, praktijk_get_for_user


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


def lid_get_for_user(*, user: User, slug: str) -> LidToegang:
    """The user's access to the practice with their place in its network; 404 when not visible."""
    toegang = praktijk_get_for_user(user=user, slug=slug)
    return LidToegang(praktijk=toegang.praktijk, user=toegang.user, rol=toegang.rol)
