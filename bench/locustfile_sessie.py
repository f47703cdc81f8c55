"""Locust scenarios for the live workshop (run by bench.run; see bench/README.md).

- `Deelnemer`: joins with the code (GET the form for the CSRF cookie, POST name and side), then
  rates every statement one by one as htmx does (HX-Request, X-CSRFToken), opening each
  condition's page first, with a think time between answers; finishes with the thanks page.
- `Scherm` (two of them): the room's screen on the first condition, logged in as the
  facilitator; it loads the page once and then polls its stage every 3 seconds as htmx does
  (`hx-get` of `#stap`, with `HX-Request: true`). While the room answers, the stage shows how
  many people answered; bench.run reveals the conditions after the live scenario.
- `Kaal` and `Fragment`: no think time, for the throughput ratio (bare view vs the screen's
  fragment).

The live scenario ends by itself (bench.locust_common.Phases asks `Deelnemer.scenario_done`)
when every participant has finished, or at BENCH_DEADLINE (a Unix time): then participants start
no new answer and the run stops once none is in flight, so every answer the server stored has
been counted as sent. Reads the data that bench.setup wrote from the file named in BENCH_SETUP.
"""

import json
import os
import random
import re
import time

from locust import FastHttpUser, between, constant, constant_pacing, task
from locust.exception import StopUser

from bench.locust_common import Phases  # noqa: F401 - the load shape of every run of this file

SETUP = json.load(open(os.environ["BENCH_SETUP"], encoding="utf-8"))  # noqa: SIM115
CODE = SETUP["code"]
STELLINGEN = SETUP["stellingen"]
ORGANISATIES = [str(pk) for pk in SETUP["organisaties"]]
PARTICIPANTS = int(os.environ.get("BENCH_USERS", "300"))
THINK = [float(s) for s in os.environ.get("BENCH_THINK", "2-6").split("-")]
DEADLINE = float(os.environ.get("BENCH_DEADLINE") or "inf")
SCREEN_URL = f"/p/{SETUP['slug']}/sessies/{SETUP['sessie']}/scherm/"
HTMX = {"HX-Request": "true"}

# Names of the requests in locust's statistics (bench.run reads them back).
JOIN_FORM = "join: form"
JOIN_POST = "join: post"
QUESTIONS = "questions page"
ANSWER = "answer (htmx)"
FINISH = "finish page"
SCREEN_PAGE = "screen page"
SCREEN_FRAGMENT = "screen fragment"
BARE = "bare view"

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CSRF_HEADER = re.compile(r'"X-CSRFToken": "([^"]+)"')

# Greenlets switch only on I/O, so plain counters are safe here.
_state = {"finished": 0, "busy": 0}


class _Busy:
    """Counts a participant's step as in flight while it runs."""

    def __enter__(self) -> None:
        _state["busy"] += 1

    def __exit__(self, *_exc) -> None:
        _state["busy"] -= 1


class Deelnemer(FastHttpUser):
    wait_time = between(*THINK)

    @staticmethod
    def scenario_done() -> bool:
        """All participants finished, or past the deadline with no participant's request in
        flight (locust's --run-time stays as a backstop)."""
        if _state["finished"] >= PARTICIPANTS:
            return True
        return time.time() > DEADLINE and _state["busy"] == 0

    def on_start(self) -> None:
        if time.time() > DEADLINE:
            raise StopUser
        with _Busy():
            self._join()

    def _join(self) -> None:
        self.index = random.randrange(1_000_000)  # noqa: S311
        self.todo = list(STELLINGEN)
        self.conditie = None
        self.csrf = ""
        with self.client.get(f"/doe-mee/{CODE}/", name=JOIN_FORM, catch_response=True) as r:
            token = CSRF_FIELD.search(r.text or "")
            if r.status_code != 200 or not token:
                r.failure(f"join form: status {r.status_code}, no CSRF token")
                raise StopUser
        organisatie = random.choice([*ORGANISATIES, "mantelzorger"])  # noqa: S311
        data = {
            "csrfmiddlewaretoken": token.group(1),
            "naam": f"Deelnemer {self.index}",
            "organisatie": organisatie,
            "email": f"deelnemer{self.index}@bench.example" if self.index % 2 else "",
        }
        with self.client.post(
            f"/doe-mee/{CODE}/",
            data=data,
            name=JOIN_POST,
            allow_redirects=False,
            catch_response=True,
        ) as r:
            if r.status_code != 302 or "/vragen/" not in r.headers.get("Location", ""):
                r.failure(f"join: status {r.status_code}")
                raise StopUser

    def _questions_page(self, conditie: str) -> None:
        with self.client.get(
            f"/doe-mee/{CODE}/vragen/?conditie={conditie}", name=QUESTIONS, catch_response=True
        ) as r:
            token = CSRF_HEADER.search(r.text or "")
            if r.status_code != 200 or not token:
                r.failure(f"questions page: status {r.status_code}, no CSRF header")
                raise StopUser
            self.csrf = token.group(1)
        self.conditie = conditie

    @task
    def answer(self) -> None:
        if time.time() > DEADLINE:
            raise StopUser
        with _Busy():
            self._next()

    def _next(self) -> None:
        if not self.todo:
            with self.client.get(f"/doe-mee/{CODE}/klaar/", name=FINISH, catch_response=True) as r:
                if r.status_code != 200:
                    r.failure(f"finish: status {r.status_code}")
            _state["finished"] += 1
            raise StopUser
        stelling = self.todo[0]
        if stelling["conditie"] != self.conditie:
            self._questions_page(stelling["conditie"])
        score = random.choice("12345123454?")  # noqa: S311
        with self.client.post(
            f"/doe-mee/{CODE}/antwoord/",
            data={f"s{stelling['id']}": score},
            headers={**HTMX, "X-CSRFToken": self.csrf},
            name=ANSWER,
            allow_redirects=False,
            catch_response=True,
        ) as r:
            text = r.text or ""
            if r.status_code != 200 or 'id="voortgang"' not in text:
                r.failure(f"answer: status {r.status_code}")
            elif 'class="lp-opgeslagen" role="status"><span>' not in text:
                r.failure("answer: no 'saved' confirmation")
        self.todo.pop(0)


STAGE = re.compile(r"<div id=\"stap\"[^>]*>")
HX_GET = re.compile(r'hx-get="([^"]+)"')


class _Facilitator(FastHttpUser):
    """The room's screen. Like htmx, it polls the URL in the hx-get of its stage (`#stap`),
    taken from the last response, with `HX-Request: true`; the answer is the stage alone."""

    abstract = True
    _next = 0
    bars = False  # whether every answer must show bars (not while the room answers)

    def on_start(self) -> None:
        sessions = SETUP["screen_sessions"]
        key = sessions[_Facilitator._next % len(sessions)]
        _Facilitator._next += 1
        self.cookie = {"Cookie": f"{SETUP['session_cookie_name']}={key}"}
        self.poll_url = SCREEN_URL
        with self.client.get(
            SCREEN_URL,
            headers=self.cookie,
            name=SCREEN_PAGE,
            allow_redirects=False,
            catch_response=True,
        ) as r:
            if r.status_code != 200 or "<html" not in (r.text or "") or not self._follow(r.text):
                r.failure(f"screen page: status {r.status_code}")

    def _follow(self, html: str) -> bool:
        """Take the next poll's URL from the stage; False without one, or without bars where
        they are due."""
        stage = STAGE.search(html)
        if stage is None or (self.bars and "lp-scherm__balk" not in html):
            return False
        url = HX_GET.search(stage.group(0))
        self.poll_url = url.group(1) if url else SCREEN_URL
        return True

    def fragment(self) -> None:
        with self.client.get(
            self.poll_url,
            headers={**HTMX, **self.cookie},
            name=SCREEN_FRAGMENT,
            allow_redirects=False,
            catch_response=True,
        ) as r:
            text = r.text or ""
            if r.status_code != 200 or "<html" in text or not self._follow(text):
                r.failure(f"screen fragment: status {r.status_code}")


class Scherm(_Facilitator):
    """The projector: the whole page once, then its stage every 3 s."""

    fixed_count = 2
    wait_time = constant_pacing(3)

    @task
    def poll(self) -> None:
        self.fragment()


class Fragment(_Facilitator):
    """Throughput: the screen's fragment as fast as it goes, polled as the projector does. It
    runs after the live scenario and the reveal (bench.run), so the condition on the screen
    shows its average and bars: a fragment without bars is a failure here."""

    wait_time = constant(0)
    bars = True

    @task
    def poll(self) -> None:
        self.fragment()


class Kaal(FastHttpUser):
    """Throughput: a bare Django view (full middleware, no database) as fast as it goes."""

    wait_time = constant(0)

    @task
    def bare(self) -> None:
        with self.client.get("/bench/bare/", name=BARE, catch_response=True) as r:
            if r.status_code != 200 or r.text != "ok":
                r.failure(f"bare view: status {r.status_code}")
