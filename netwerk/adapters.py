from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.http import HttpRequest
from django.shortcuts import resolve_url

from config.middleware import sessie_actief_markeren
from praktijken.access import praktijken_for_user


class AccountAdapter(DefaultAccountAdapter):
    """People join a practice by invitation; there is no public sign-up."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False

    def login(self, request: HttpRequest, user: AbstractBaseUser) -> None:
        """Every login ends when the browser closes, unless the person ticked "remember me" on
        the password form (which sets its own expiry after this). Found in the review: a login
        by code always lasted fourteen days, even on a shared computer."""
        super().login(request, user)
        request.session.set_expiry(0)
        # The idle timeout (config.middleware.InactiefMiddleware) counts from the login.
        sessie_actief_markeren(request)

    def set_password(self, user: AbstractBaseUser, password: str) -> None:
        """Save the new password alone: `user` is the request's copy of the account a worker
        keeps (netwerk.backends), and its other fields (staff, active) must never be written
        back from that copy."""
        user.set_password(password)
        user.save(update_fields=["password"])

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        """Someone in exactly one practice lands on its dashboard; others on the start page."""
        url = super().get_login_redirect_url(request)
        if url != resolve_url(settings.LOGIN_REDIRECT_URL):
            return url
        praktijken = list(praktijken_for_user(user=request.user)[:2])
        return praktijken[0].get_absolute_url() if len(praktijken) == 1 else url
