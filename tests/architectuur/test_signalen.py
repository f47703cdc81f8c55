"""Accounts and memberships change only through save() and delete(): their signals give the
account a new version, so that no worker serves what it kept of them (netwerk.backends,
praktijken.access). A queryset's update() or bulk_create() sends no signal, so the app's code
never calls them on these models (tests and the benchmark's set-up aside)."""

import re
from pathlib import Path

from tests.architectuur.test_lagen import APPS, ROOT

# `User.objects.filter(...).update(` and the like, within one statement; and through a related
# manager (`praktijk.lidmaatschappen.update(`).
ZONDER_SIGNAAL = re.compile(
    r"(\b(User|Lidmaatschap|get_user_model\(\))\.(objects|_default_manager)|\.lidmaatschappen)"
    r"\b[^;\n]*?\.(update|bulk_create|bulk_update|_raw_delete)\("
)


def _modules() -> list[Path]:
    return [
        path
        for app in [*APPS, "config"]
        for path in sorted((ROOT / app).rglob("*.py"))
        if "migrations" not in path.parts
    ]


def test_the_pattern_finds_an_update_without_signals():
    assert ZONDER_SIGNAAL.search('Lidmaatschap.objects.filter(user=u).update(rol="lid")')
    assert ZONDER_SIGNAAL.search("User.objects.filter(pk=1).update(is_active=False)")
    assert ZONDER_SIGNAAL.search('praktijk.lidmaatschappen.filter(user=u).update(rol="lid")')
    assert not ZONDER_SIGNAAL.search("Lidmaatschap.objects.update_or_create(user=u)")


def test_no_account_or_membership_is_changed_without_its_signals():
    modules = _modules()
    assert len(modules) > 100  # the app's code was read
    found = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in modules
        for match in ZONDER_SIGNAAL.finditer(path.read_text())
    ]
    assert found == []
