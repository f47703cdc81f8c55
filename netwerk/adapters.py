from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):
    """People join a practice by invitation; there is no public sign-up."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False
