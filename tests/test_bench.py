"""The benchmark's own helpers: its thresholds, its load shape and the figures it reads back.

bench.locust_common imports locust, which monkey-patches the process with gevent, so what needs
it runs in a child process of its own.
"""

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest

from bench.processes import server_command
from bench.run import Config, _seconds
from bench.thresholds import broken_thresholds

ROOT = Path(__file__).resolve().parent.parent


def totals(requests: int, failures: int) -> SimpleNamespace:
    return SimpleNamespace(
        num_requests=requests,
        num_failures=failures,
        fail_ratio=failures / requests if requests else 0.0,
    )


def test_a_run_without_failures_or_exceptions_keeps_its_thresholds():
    assert broken_thresholds(totals(1_000, 0), exceptions=0) == []


def test_a_single_failed_request_breaks_the_thresholds():
    assert broken_thresholds(totals(1_000, 1), exceptions=0) == [
        "1 of 1000 requests failed (fail ratio 0.001, at most 0.0 allowed)"
    ]


def test_an_exception_in_a_user_breaks_the_thresholds():
    assert broken_thresholds(totals(10, 0), exceptions=2) == [
        "2 exceptions in the users (at most 0 allowed)"
    ]


def test_the_web_server_is_gunicorn_unless_granian_is_asked_for():
    gunicorn = server_command(replace(Config(), threads=4, keep_alive=20), 8001)
    assert gunicorn[2] == "gunicorn"
    assert gunicorn[gunicorn.index("--threads") + 1] == "4"
    assert gunicorn[gunicorn.index("--keep-alive") + 1] == "20"
    assert gunicorn[gunicorn.index("--bind") + 1] == "127.0.0.1:8001"

    granian = server_command(replace(Config(), server="granian", threads=4), 8001)
    assert granian[2] == "granian"
    assert granian[granian.index("--interface") + 1] == "wsgi"
    assert granian[granian.index("--blocking-threads") + 1] == "4"
    assert int(granian[granian.index("--backpressure") + 1]) >= 2000  # a whole room kept alive
    assert "config.wsgi:application" in granian


@pytest.mark.parametrize(
    ("value", "seconds"), [("90", 90), ("90s", 90), ("4m", 240), ("1m30s", 90), ("1h", 3600)]
)
def test_durations_are_read_as_locust_reads_them(value, seconds):
    assert _seconds(value) == seconds


@pytest.mark.parametrize("value", ["", "soon", "5x"])
def test_a_duration_that_is_not_one_stops_the_run(value):
    with pytest.raises(SystemExit):
        _seconds(value)


LOCUST_CHILD = """
import json, os, sys
from types import SimpleNamespace

from locust import events
from locust.env import Environment
from bench.locust_common import Phases

class Done:
    done = False

    @classmethod
    def scenario_done(cls):
        return cls.done

# The load shape: ramp up to --users at --spawn-rate, stop when done or at --run-time.
shape = Phases()
options = SimpleNamespace(num_users=12, spawn_rate=3.0, run_time=60)
shape.runner = SimpleNamespace(
    environment=SimpleNamespace(parsed_options=options, user_classes=[Done])
)
ticks = [shape.tick()]
Done.done = True
ticks.append(shape.tick())
Done.done = False
shape.start_time -= 61  # past --run-time
ticks.append(shape.tick())

# The thresholds and the figures, when locust quits.
environment = Environment(events=events)
environment.runner = SimpleNamespace(exceptions={})
for ms in [10] * 90 + [100] * 9 + [500]:
    environment.stats.log_request("GET", "page", ms, 100)
environment.stats.log_error("POST", "send", "500 Server Error")
environment.stats.log_request("POST", "send", 20, 10)
events.quitting.fire(environment=environment, reverse=True)
print(json.dumps({"ticks": ticks, "exit": environment.process_exit_code}))
"""


def test_the_load_shape_holds_until_the_scenario_is_done_and_locust_reports_its_figures(
    tmp_path,
):
    summary = tmp_path / "summary.json"
    child = subprocess.run(
        [sys.executable, "-c", LOCUST_CHILD],
        cwd=ROOT,
        env={"BENCH_SUMMARY": str(summary), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    result = json.loads(child.stdout.strip().splitlines()[-1])
    assert result["ticks"] == [[12, 3.0], None, None]
    assert result["exit"] == 1  # a request failed
    figures = json.loads(summary.read_text())
    assert figures["rows"]["page"] | {"rps": 0} == {
        "requests": 100,
        "failures": 0,
        "p50": 10,
        "p95": 100,
        "p99": 500,
        "rps": 0,
    }
    assert figures["total"]["requests"] == 101
    assert figures["total"]["failures"] == 1
    assert figures["problems"] == ["POST send x1: 500 Server Error"]
