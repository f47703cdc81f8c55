"""A small fixed-window rate limiter on the shared cache (Redis in production).

Used for public endpoints that allauth does not cover: join codes and the carers' form.
"""

import hashlib
import ipaddress
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

logger = logging.getLogger(__name__)


def client_ip(request: HttpRequest) -> str:
    """The client as the limits count it: its address, an IPv6 client per /64."""
    return _per_client(client_address(request))


def client_address(request: HttpRequest) -> str:
    """The client's address. Behind our own proxies (ALLAUTH_TRUSTED_PROXY_COUNT of them), the
    address the outermost one added to X-Forwarded-For: entries further left come from the client
    and can be anything, so they never count (the same rule as allauth's login limits)."""
    proxies = getattr(settings, "ALLAUTH_TRUSTED_PROXY_COUNT", 0)
    forwarded = request.headers.get("x-forwarded-for", "")
    if proxies > 0 and forwarded:
        addresses = [address.strip() for address in forwarded.split(",")]
        address = addresses[-proxies] if len(addresses) >= proxies else addresses[0]
    else:
        address = request.META.get("REMOTE_ADDR", "")
    return address


def _per_client(address: str) -> str:
    """One client per IPv4 address and per IPv6 /64 (a home or phone gets a whole /64 and could
    otherwise take a new address for every try), as allauth counts its login limits."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 4:
        return str(ip)
    if ip.ipv4_mapped is not None:  # ::ffff:192.0.2.1 is that IPv4 client
        return str(ip.ipv4_mapped)
    return str(ipaddress.ip_network(f"{ip}/64", strict=False))


def _key(scope: str, ident: str) -> str:
    # Hash the address: the cache never holds a readable IP.
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{ident}".encode()).hexdigest()[:32]
    return f"rl:{scope}:{digest}"


def is_limited(*, scope: str, ident: str, limit: int) -> bool:
    """True when `ident` already used `limit` hits in the current window (see `hit`)."""
    try:
        return (cache.get(_key(scope, ident)) or 0) >= limit
    except Exception:
        # The cache is away: let the request through rather than lock everyone out.
        logger.warning("rate limit cache unavailable for %s", scope, exc_info=True)
        return False


def hit(*, scope: str, ident: str, window: int) -> int:
    """Count one hit for `ident`; returns the count in the current window."""
    key = _key(scope, ident)
    try:
        if cache.add(key, 1, timeout=window):
            return 1
        return cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=window)
        return 1
    except Exception:
        logger.warning("rate limit cache unavailable for %s", scope, exc_info=True)
        return 0


@dataclass(frozen=True)
class Client:
    """Who a limit counts: the address and, when it has one, the browser. Many people can share
    an address (a café, a conference's Wi-Fi); a browser is one person's."""

    adres: str
    browser: str = ""


def client_limited(*, scope: str, client: Client, per_browser: int, per_address: int) -> bool:
    """True when the client's browser used `per_browser` hits, or its address `per_address`."""
    if client.browser and is_limited(
        scope=f"{scope}:browser", ident=client.browser, limit=per_browser
    ):
        return True
    return is_limited(scope=scope, ident=client.adres, limit=per_address)


def client_hit(*, scope: str, client: Client, window: int) -> None:
    """Count one hit for the client's address and, when it has one, its browser."""
    hit(scope=scope, ident=client.adres, window=window)
    if client.browser:
        hit(scope=f"{scope}:browser", ident=client.browser, window=window)
