"""Writes of the network, one module per concern; the public names are importable from here.

accounts: accounts of people. bijeenkomsten: a meeting's people and their mails.
deelnames: organisations joining a practice, and its agreements.
kaart: the social map's entries and keeping them current. leden: memberships and invitations.
"""

from netwerk.services.accounts import user_ensure, user_mail
from netwerk.services.belangen import belangen_update
from netwerk.services.bijeenkomsten import (
    PersoonElders,
    bijeenkomst_mails_queue,
    bijeenkomst_mails_send,
    bijeenkomst_mensen_save,
    bijeenkomst_uitnodigen,
    bijeenkomst_verslag_save,
    bijeenkomsten_mails_due,
)
from netwerk.services.deelnames import (
    DeelnameBestaatAl,
    afspraak_delete,
    afspraak_save,
    deelname_create,
    deelname_update,
    organisatie_copy,
    organisatie_create,
    organisatie_join,
)
from netwerk.services.kaart import (
    bevestiging_mail_send,
    organisatie_confirm,
    organisatie_update,
    persoon_save,
)
from netwerk.services.leden import (
    Aanname,
    AccountBestaat,
    LaatsteFacilitator,
    UitnodigingOngeldig,
    lidmaatschap_change_role,
    lidmaatschap_remove,
    uitnodiging_accept,
    uitnodiging_accept_new_account,
    uitnodiging_account_create,
    uitnodiging_account_setup,
    uitnodiging_create,
    uitnodiging_resend,
    uitnodiging_revoke,
    uitnodiging_send,
)
from netwerk.tokens import bevestiging_token_make

__all__ = [
    "Aanname",
    "AccountBestaat",
    "DeelnameBestaatAl",
    "LaatsteFacilitator",
    "PersoonElders",
    "UitnodigingOngeldig",
    "afspraak_delete",
    "afspraak_save",
    "belangen_update",
    "bevestiging_mail_send",
    "bevestiging_token_make",
    "bijeenkomst_mails_queue",
    "bijeenkomst_mails_send",
    "bijeenkomst_mensen_save",
    "bijeenkomst_uitnodigen",
    "bijeenkomst_verslag_save",
    "bijeenkomsten_mails_due",
    "deelname_create",
    "deelname_update",
    "lidmaatschap_change_role",
    "lidmaatschap_remove",
    "organisatie_confirm",
    "organisatie_copy",
    "organisatie_create",
    "organisatie_join",
    "organisatie_update",
    "persoon_save",
    "uitnodiging_accept",
    "uitnodiging_accept_new_account",
    "uitnodiging_account_create",
    "uitnodiging_account_setup",
    "uitnodiging_create",
    "uitnodiging_resend",
    "uitnodiging_revoke",
    "uitnodiging_send",
    "user_ensure",
    "user_mail",
]
