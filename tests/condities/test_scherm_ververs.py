"""The screen's poll never waits for counting the room's answers (issue #13): a kept stage a few
seconds old, of a screen that did not change, is answered at once, and one poll renders it again
after sending it, so the next poll shows the new numbers. A changed screen, or a stage kept too
long, is rendered before answering."""

import logging
import time
from unittest import mock

import pytest
from django.core.cache import cache

from condities import scherm_cache, views_scherm
from condities.models import Conditie, Sessie
from condities.selectors.resultaten import LIVE_MAX_AGE, resultaten_live_key
from tests.condities.test_scherm_poll import scherm, url  # noqa: F401 (fixture)
from tests.condities.test_scherm_queries import HTMX, fill

pytestmark = pytest.mark.django_db


def later(seconds: float):
    """The clock `seconds` on (the cache's own expiry follows it, as it would)."""
    return mock.patch("time.time", return_value=time.time() + seconds)


def kept_html(sessie) -> str:
    return cache.get(scherm_cache.stap_key(sessie.pk, "nl"))["testserver"][2]


def lock_key(sessie) -> str:
    return views_scherm.refresh_lock_key(scherm_cache.stap_key(sessie.pk, "nl"), "testserver")


def test_a_stage_a_few_seconds_old_is_answered_at_once_and_rendered_after_sending(
    scherm,  # noqa: F811
    sessie,
    stellingen,
    praktijk,
):
    eerste = scherm.get(url(sessie), headers=HTMX).text
    assert "3 mensen hebben geantwoord." in eerste
    fill(sessie, stellingen, praktijk, 3)  # three more people answer

    with later(LIVE_MAX_AGE + 1):
        poll = scherm.get(url(sessie), headers=HTMX)
        # The answer is the kept stage, not rendered before sending it ...
        assert poll.status_code == 200 and poll.text == eerste
        # ... and once it was sent, the stage was rendered again with the new numbers.
        assert "6 mensen hebben geantwoord." in kept_html(sessie)
        volgende = scherm.get(url(sessie), headers=HTMX)
    assert volgende.status_code == 200
    assert "6 mensen hebben geantwoord." in volgende.text
    assert cache.get(lock_key(sessie)) is None  # free for the next time


def test_one_poll_at_a_time_renders_it_again(scherm, sessie, stellingen, praktijk):  # noqa: F811
    eerste = scherm.get(url(sessie), headers=HTMX).text
    fill(sessie, stellingen, praktijk, 3)
    with later(LIVE_MAX_AGE + 1):
        cache.add(lock_key(sessie), True, 10)  # another screen's poll is rendering it
        poll = scherm.get(url(sessie), headers=HTMX)
        assert poll.status_code == 200 and poll.text == eerste
        assert "3 mensen hebben geantwoord." in kept_html(sessie)  # not rendered here
        cache.delete(lock_key(sessie))  # that poll is done (or its lock ran out)
        scherm.get(url(sessie), headers=HTMX)
        assert "6 mensen hebben geantwoord." in kept_html(sessie)


def test_while_one_poll_renders_it_the_others_need_no_database(
    scherm,  # noqa: F811
    sessie,
    django_assert_max_num_queries,
):
    eerste = scherm.get(url(sessie), headers=HTMX).text
    with later(LIVE_MAX_AGE + 1):
        cache.add(lock_key(sessie), True, 10)  # another screen's poll is rendering it
        with django_assert_max_num_queries(0):
            poll = scherm.get(url(sessie), headers=HTMX)
    assert poll.status_code == 200 and poll.text == eerste
    assert "3 mensen hebben geantwoord." in poll.text


def test_a_changed_screen_is_never_answered_from_an_older_stage(scherm, sessie):  # noqa: F811
    assert 'data-stap="ambitie"' in scherm.get(url(sessie), headers=HTMX).text
    # The next condition, as if the services could not drop the kept stage (the cache was away
    # for that moment): the session itself says what the screen shows.
    Sessie.objects.filter(pk=sessie.pk).update(scherm=Conditie.BELANGEN)
    with later(LIVE_MAX_AGE + 1):
        poll = scherm.get(url(sessie), headers=HTMX)
    assert poll.status_code == 200
    assert 'data-stap="belangen"' in poll.text and 'data-stap="ambitie"' not in poll.text


def test_a_stage_kept_too_long_is_rendered_before_answering(
    scherm,  # noqa: F811
    sessie,
    stellingen,
    praktijk,
):
    scherm.get(url(sessie), headers=HTMX)
    fill(sessie, stellingen, praktijk, 3)
    cache.delete(resultaten_live_key(sessie))  # shared for LIVE_MAX_AGE: long run out
    with later(views_scherm.STALE_SECONDS + 1):
        poll = scherm.get(url(sessie), headers=HTMX)
    assert poll.status_code == 200
    assert "6 mensen hebben geantwoord." in poll.text


def test_a_render_after_sending_that_fails_is_logged_and_tried_again(
    scherm,  # noqa: F811
    sessie,
    stellingen,
    praktijk,
    caplog,
):
    eerste = scherm.get(url(sessie), headers=HTMX).text
    fill(sessie, stellingen, praktijk, 3)
    with (
        later(LIVE_MAX_AGE + 1),
        mock.patch.object(views_scherm, "_stap_context", side_effect=RuntimeError("stuk")),
        caplog.at_level(logging.ERROR, logger="config.pages"),
    ):
        poll = scherm.get(url(sessie), headers=HTMX)
    # The screen got its stage all the same; the failure is in the log, the lock is free.
    assert poll.status_code == 200 and poll.text == eerste
    assert "Work after the response failed" in caplog.text
    assert cache.get(lock_key(sessie)) is None
    with later(LIVE_MAX_AGE + 1):
        scherm.get(url(sessie), headers=HTMX)
        assert "6 mensen hebben geantwoord." in kept_html(sessie)
