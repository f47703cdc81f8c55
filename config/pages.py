"""Rendering helpers every app's views share: a page or its htmx region, a message page, a file."""

import logging
from collections.abc import Callable

from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.functional import Promise

logger = logging.getLogger(__name__)

MESSAGE_TEMPLATE = "bericht.html"
PARTICIPANT_BASE = "base_deelnemer.html"


def wants_partial(request: HttpRequest) -> bool:
    """Whether htmx asks for a region: not when it restores a page from its history."""
    htmx = getattr(request, "htmx", None)
    return bool(htmx and not htmx.history_restore_request)


def page_or_partial(
    request: HttpRequest, template: str, partial: str, context: dict, *, status: int = 200
) -> HttpResponse:
    """The whole page, or only its `{% partialdef partial %}` region when htmx asks for it.

    htmx restoring a page from its history asks for the whole page. One address gives two
    answers, so caches must keep them apart (Vary: HX-Request).
    """
    name = f"{template}#{partial}" if wants_partial(request) else template
    response = render(request, name, context, status=status)
    patch_vary_headers(response, ["HX-Request"])
    return response


def page_get(paginator: Paginator, number: str | None) -> Page:
    """The page asked for: the first for garbage or a number below one, the last past the end.

    Never raises: a shared or edited address whose page no longer exists shows the nearest page.
    """
    try:
        nummer = int(number or "")
    except ValueError:  # also for an integer of more than 4300 digits
        nummer = 1
    return paginator.page(min(max(nummer, 1), paginator.num_pages))


class ThenResponse(HttpResponse):
    """A response with work to do once it has been sent: the server calls `close()` after the
    last byte went out (WSGI and ASGI alike, and Django's test client), so the client does not
    wait for it. A failure is logged, never raised: the client already has its answer."""

    def __init__(self, *args, then: Callable[[], None], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._then: Callable[[], None] | None = then

    def close(self) -> None:
        # Before super().close(): it signals request_finished, which may close the database
        # connection the work needs.
        then, self._then = self._then, None
        if then is not None:
            try:
                then()
            except Exception:
                logger.exception("Work after the response failed")
        super().close()


def partial_response(html: str, *, then: Callable[[], None] | None = None) -> HttpResponse:
    """A region rendered beforehand (when `wants_partial`), answered as page_or_partial would;
    with `then`, work done once it has been sent (ThenResponse)."""
    response = HttpResponse(html) if then is None else ThenResponse(html, then=then)
    patch_vary_headers(response, ["HX-Request"])
    return response


def message_page(
    request: HttpRequest,
    *,
    titel: str | Promise,
    tekst: str | Promise | list[str | Promise],
    status: int = 200,
    link_url: str = "",
    link_tekst: str | Promise = "",
    paginatitel: str | Promise = "",
    participant: bool = False,
) -> HttpResponse:
    """A page with a heading and a paragraph or two: not found, closed, expired, thank you.

    `paginatitel` is the browser tab's title when it should say more than the heading;
    `participant` gives it the participant's bare page (no menu, no language switch)."""
    alineas = tekst if isinstance(tekst, list) else [tekst]
    return render(
        request,
        MESSAGE_TEMPLATE,
        {
            "titel": titel,
            "paginatitel": paginatitel,
            "alineas": alineas,
            "link_url": link_url,
            "link_tekst": link_tekst,
            "basis": PARTICIPANT_BASE if participant else "",
        },
        status=status,
    )
