"""A file mail backend that waits at a gate: for killing a worker at a point the test knows.

The first message a process sends is written at once; each later one waits until the file named
by settings.LP_FAULTS_MAIL_GATE exists (at most a minute). Only the worker of
test_worker_killed uses it.
"""

import time
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.filebased import EmailBackend

GATE_TIMEOUT = 60


class GatedFileBackend(EmailBackend):
    sent_by_this_process = 0

    def send_messages(self, email_messages):
        sent = 0
        for message in email_messages:
            if GatedFileBackend.sent_by_this_process >= 1:
                _wait_for_gate()
            sent += super().send_messages([message])
            GatedFileBackend.sent_by_this_process += 1
        return sent


def _wait_for_gate() -> None:
    gate = Path(settings.LP_FAULTS_MAIL_GATE)
    deadline = time.monotonic() + GATE_TIMEOUT
    while not gate.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
