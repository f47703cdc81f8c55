"""Locust scenario of members browsing the practice (run by bench.run; see bench/README.md).

- `Lid`: one of BENCH_MEMBERS members of the Stein practice. Logs in once through the real login
  form (each member from an address of their own, forwarded as by the production proxy), then
  browses with a think time of BENCH_MEMBERS_THINK seconds: the practice dashboard, the social
  map (the page, and its live search as htmx sends it while someone types: a few letters, then
  the whole word), the experiments (list and a detail page) and the meetings.
- `Dashboard` and `KaartZoeken`: no think time, for the throughput ratio (a member's session made
  by bench.setup).

Reads the data that bench.setup wrote from the file named in BENCH_SETUP.
"""

import itertools
import json
import os
import random
import re
from urllib.parse import urlencode

import gevent
from locust import FastHttpUser, between, constant, task
from locust.exception import StopUser

from bench.locust_common import Phases  # noqa: F401 - the load shape of every run of this file

SETUP = json.load(open(os.environ["BENCH_SETUP"], encoding="utf-8"))  # noqa: SIM115
SLUG = SETUP["slug"]
THINK = [float(s) for s in os.environ.get("BENCH_MEMBERS_THINK", "1-3").split("-")]
TERMS = SETUP["zoektermen"]
EXPERIMENTEN = SETUP["experimenten"]
HTMX = {"HX-Request": "true"}
DASHBOARD_URL = f"/p/{SLUG}/"
KAART_URL = f"/p/{SLUG}/sociale-kaart/"

# Names of the requests in locust's statistics (bench.run reads them back).
LOGIN_FORM = "members: login form"
LOGIN_POST = "members: log in"
DASHBOARD = "dashboard"
KAART = "social map page"
ZOEKEN = "social map search (htmx)"
EXPERIMENTEN_LIJST = "experiment list"
EXPERIMENT = "experiment detail"
BIJEENKOMSTEN = "meetings list"

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_numbers = itertools.count(1)


def _search_query(term: str) -> str:
    """The query string htmx sends from the search form (hx-include: the whole form)."""
    return "?" + urlencode({"q": term, "soort": "", "domein": "", "wijk": ""})


class Lid(FastHttpUser):
    wait_time = between(*THINK)

    def on_start(self) -> None:
        number = next(_numbers)
        # Addresses 10.1.x.y: one per member (the load tool's own, as a proxy would forward it).
        self.address = {"X-Forwarded-For": f"10.1.{number // 250}.{number % 250 + 1}"}
        email = SETUP["member_email"].format(number)
        with self.client.get(
            "/accounts/login/", headers=self.address, name=LOGIN_FORM, catch_response=True
        ) as r:
            token = CSRF_FIELD.search(r.text or "")
            if r.status_code != 200 or not token:
                r.failure(f"login form: status {r.status_code}, no CSRF token")
                raise StopUser
        with self.client.post(
            "/accounts/login/",
            data={
                "csrfmiddlewaretoken": token.group(1),
                "login": email,
                "password": SETUP["member_password"],
            },
            headers=self.address,
            name=LOGIN_POST,
            allow_redirects=False,
            catch_response=True,
        ) as r:
            if r.status_code != 302 or r.headers.get("Location") != DASHBOARD_URL:
                r.failure(f"log in: status {r.status_code} to {r.headers.get('Location')}")
                raise StopUser

    def _get(self, url: str, name: str, *, htmx: bool = False, marker: str = "<main") -> None:
        headers = {**self.address, **(HTMX if htmx else {})}
        with self.client.get(
            url, headers=headers, name=name, allow_redirects=False, catch_response=True
        ) as r:
            text = r.text or ""
            if r.status_code != 200 or marker not in text:
                r.failure(f"{name}: status {r.status_code}")
            elif htmx and "<html" in text:
                r.failure(f"{name}: a whole page instead of the fragment")

    @task(3)
    def dashboard(self) -> None:
        self._get(DASHBOARD_URL, DASHBOARD)

    @task(1)
    def kaart(self) -> None:
        self._get(KAART_URL, KAART)

    @task(3)
    def zoeken(self) -> None:
        """Typing in the search box: htmx asks after the first letters, then for the word."""
        term = random.choice(TERMS)  # noqa: S311
        self._get(KAART_URL + _search_query(term[:4]), ZOEKEN, htmx=True, marker="<h2")
        gevent.sleep(random.uniform(0.5, 1.5))  # noqa: S311
        self._get(KAART_URL + _search_query(term), ZOEKEN, htmx=True, marker="<h2")

    @task(1)
    def experimenten(self) -> None:
        self._get(f"/p/{SLUG}/experimenten/", EXPERIMENTEN_LIJST)

    @task(2)
    def experiment(self) -> None:
        if EXPERIMENTEN:
            pk = random.choice(EXPERIMENTEN)  # noqa: S311
            self._get(f"/p/{SLUG}/experimenten/{pk}/", EXPERIMENT)

    @task(1)
    def bijeenkomsten(self) -> None:
        self._get(f"/p/{SLUG}/bijeenkomsten/", BIJEENKOMSTEN)


class _Ingelogd(FastHttpUser):
    """Throughput: a member who is already logged in (the session bench.setup made)."""

    abstract = True
    wait_time = constant(0)

    def on_start(self) -> None:
        self.cookie = {"Cookie": f"{SETUP['session_cookie_name']}={SETUP['member_session']}"}

    def _get(self, url: str, name: str, headers: dict, marker: str) -> None:
        with self.client.get(
            url,
            headers={**self.cookie, **headers},
            name=name,
            allow_redirects=False,
            catch_response=True,
        ) as r:
            if r.status_code != 200 or marker not in (r.text or ""):
                r.failure(f"{name}: status {r.status_code}")


class Dashboard(_Ingelogd):
    """Throughput: the practice dashboard as fast as it goes."""

    @task
    def dashboard(self) -> None:
        self._get(DASHBOARD_URL, DASHBOARD, {}, "<main")


class KaartZoeken(_Ingelogd):
    """Throughput: the social map's live search (htmx) with varied terms, as fast as it goes."""

    @task
    def zoeken(self) -> None:
        term = random.choice(TERMS)  # noqa: S311
        self._get(KAART_URL + _search_query(term), ZOEKEN, HTMX, "<h2")
