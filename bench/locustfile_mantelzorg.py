"""Locust scenario of carers sending the public feedback form (run by bench.run; see README).

- `Mantelzorger`: BENCH_CARERS carers arrive spread over BENCH_CARERS_TIME (locust's spawn
  rate), each from an address of their own (forwarded as by the production proxy, so the form's
  per-address rate limit applies per carer). Each opens the form, takes BENCH_CARERS_FILL
  seconds to fill it in (the form refuses answers sent within MANTELZORG_MIN_SECONDEN, 3 s, of
  being shown), sends valid answers and opens the thanks page it is sent to. Each carer does
  this once. The scenario ends when every carer has finished (`Mantelzorger.scenario_done`,
  asked by the load shape bench.locust_common.Phases; locust's --run-time is a backstop).
- `Formulier`: no think time, for the throughput ratio (the empty form).

Reads the data that bench.setup wrote from the file named in BENCH_SETUP.
"""

import itertools
import json
import os
import random
import re

import gevent
from locust import FastHttpUser, constant, task
from locust.exception import StopUser

from bench.locust_common import Phases  # noqa: F401 - the load shape of every run of this file

SETUP = json.load(open(os.environ["BENCH_SETUP"], encoding="utf-8"))  # noqa: SIM115
CARERS = int(os.environ.get("BENCH_CARERS", "100"))
FILL = [float(s) for s in os.environ.get("BENCH_CARERS_FILL", "4-10").split("-")]
FORM_URL = f"/p/{SETUP['slug']}/mantelzorg/"
THANKS_URL = f"/p/{SETUP['slug']}/mantelzorg/bedankt/"

# Names of the requests in locust's statistics (bench.run reads them back).
FORM = "carers' form"
SEND = "carers' form: send"
THANKS = "carers' thanks page"

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
BEGONNEN = re.compile(r'name="begonnen" value="([^"]+)"')
RELATIE = re.compile(r'name="relatie" value="([^"]+)"')
EXPERIMENT = re.compile(r'<option value="(\d+)"')

GOED = [
    "De casemanager belt mij op tijd terug en denkt met ons mee.",
    "De wijkverpleegkundige neemt de tijd en legt goed uit wat ze doet.",
    "Bij het steunpunt voelde ik me eindelijk gehoord.",
]
MEER = [
    "Eén vast aanspreekpunt, zodat ik niet steeds opnieuw hoef te beginnen.",
    "Een keer per maand even vrij, met iemand die mijn moeder kent.",
    "Dat de huisarts vraagt hoe het met mij gaat, niet alleen met mijn man.",
]
BETER = [
    "Ik moest mijn verhaal vier keer vertellen aan steeds iemand anders.",
    "De gemeente en het ziekenhuis weten niet van elkaar wat er geregeld is.",
    "",
]

_numbers = itertools.count(1)
# Greenlets switch only on I/O, so a plain counter is safe here.
_state = {"finished": 0}


def _answers(text: str, number: int) -> dict[str, str]:
    """Valid answers as a carer gives them: some questions, sometimes contact details."""
    pick = random.choice
    data = {
        "wat_gaat_goed": pick(GOED),
        "meer_van": pick(MEER) if number % 3 else "",
        "kan_beter": pick(BETER),
        "relatie": pick(["", *RELATIE.findall(text)]),
        "experiment": pick(["", "", *EXPERIMENT.findall(text)]),
        "website": "",
    }
    if number % 4:
        data["keer_verteld"] = str(random.randint(0, 8))  # noqa: S311
    else:
        data["weet_niet"] = "on"
    if number % 5 == 0:
        data |= {
            "contact_toestemming": "on",
            "naam": f"Mantelzorger {number}",
            "email": f"mantelzorger{number}@bench.example",
        }
    return data


class Mantelzorger(FastHttpUser):
    """One carer: open the form, fill it in, send it, read the thanks page; once."""

    wait_time = constant(0)

    @staticmethod
    def scenario_done() -> bool:
        return _state["finished"] >= CARERS

    @task
    def feedback(self) -> None:
        number = next(_numbers)
        if number > CARERS:  # never a carer more than asked for
            raise StopUser
        try:
            self._feedback(number)
        finally:
            _state["finished"] += 1
        raise StopUser

    def _feedback(self, number: int) -> None:
        # Addresses 10.2.x.y: one per carer (the load tool's own, as a proxy would forward it).
        address = {"X-Forwarded-For": f"10.2.{number // 250}.{number % 250 + 1}"}
        with self.client.get(FORM_URL, headers=address, name=FORM, catch_response=True) as r:
            text = r.text or ""
            token, begonnen = CSRF_FIELD.search(text), BEGONNEN.search(text)
            if r.status_code != 200 or not token or not begonnen:
                r.failure(f"form: status {r.status_code}, no CSRF token or start time")
                return
        gevent.sleep(random.uniform(*FILL))  # noqa: S311
        data = {
            "csrfmiddlewaretoken": token.group(1),
            "begonnen": begonnen.group(1),
            **_answers(text, number),
        }
        with self.client.post(
            FORM_URL,
            data=data,
            headers=address,
            name=SEND,
            allow_redirects=False,
            catch_response=True,
        ) as r:
            if r.status_code != 302 or r.headers.get("Location") != THANKS_URL:
                r.failure(f"send: status {r.status_code}")
                return
        with self.client.get(THANKS_URL, headers=address, name=THANKS, catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"thanks page: status {r.status_code}")


class Formulier(FastHttpUser):
    """Throughput: the empty form as fast as it goes."""

    wait_time = constant(0)

    @task
    def formulier(self) -> None:
        with self.client.get(FORM_URL, name=FORM, catch_response=True) as r:
            if r.status_code != 200 or 'name="begonnen"' not in (r.text or ""):
                r.failure(f"form: status {r.status_code}")
