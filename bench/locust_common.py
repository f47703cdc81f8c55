"""What the three locustfiles share (imported by each; see bench/README.md).

- `Phases`: the load shape of every run. It ramps up to locust's `--users` at `--spawn-rate`,
  holds, and stops at `--run-time` (the backstop) or as soon as a user class of the run says its
  scenario is over (a class method `scenario_done()`: every participant or carer has finished).
- The thresholds (bench/thresholds.py), checked when locust quits: a failed request or an
  exception in a user breaks them, and locust then exits 1 (`environment.process_exit_code`).
  Latency targets are reported by bench.run, not enforced.
- The figures bench.run prints, taken from locust's own statistics when it quits (requests,
  failures, p50/p95/p99 by `get_response_time_percentile`, requests per second over the run) and
  written as JSON to the file named in BENCH_SUMMARY.
"""

import json
import logging
import os

from locust import LoadTestShape, events
from locust.stats import RequestStats, StatsEntry

from bench.thresholds import broken_thresholds


class Phases(LoadTestShape):
    """Ramp-up at --spawn-rate to --users, then steady until the scenario is done or --run-time."""

    use_common_options = True

    def tick(self) -> tuple[int, float] | None:
        environment = self.runner.environment
        options = environment.parsed_options
        if options.run_time and self.get_run_time() >= options.run_time:
            return None
        if any(
            getattr(user_class, "scenario_done", lambda: False)()
            for user_class in environment.user_classes
        ):
            return None
        return options.num_users, options.spawn_rate


def figures(entry: StatsEntry) -> dict[str, float]:
    """One row of the table, as locust computes it (requests/s over the whole run)."""
    return {
        "requests": entry.num_requests,
        "failures": entry.num_failures,
        "p50": entry.get_response_time_percentile(0.50),
        "p95": entry.get_response_time_percentile(0.95),
        "p99": entry.get_response_time_percentile(0.99),
        "rps": entry.total_rps,
    }


def summary(stats: RequestStats, exceptions: dict) -> dict:
    """Everything bench.run reads back from a locust run."""
    problems = [
        f"{error.method} {error.name} x{error.occurrences}: {error.error}"
        for error in stats.errors.values()
    ]
    problems += [f"exception x{row['count']}: {row['msg']}" for row in exceptions.values()]
    return {
        "rows": {entry.name: figures(entry) for entry in stats.entries.values()},
        "total": figures(stats.total),
        "exceptions": sum(row["count"] for row in exceptions.values()),
        "problems": problems,
    }


@events.quitting.add_listener
def _check_thresholds(environment, **_kwargs) -> None:
    runner = environment.runner
    exceptions = runner.exceptions if runner is not None else {}
    result = summary(environment.stats, exceptions)
    broken = broken_thresholds(environment.stats.total, result["exceptions"])
    for text in broken:
        logging.error("threshold broken: %s", text)
    if broken:
        environment.process_exit_code = 1
    path = os.environ.get("BENCH_SUMMARY")
    if path:
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(result, fh)
