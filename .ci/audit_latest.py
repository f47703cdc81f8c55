"""Known vulnerabilities from PyPI, for machines where pip-audit gets no answer (`make audit`).

pip-audit asks PyPI per release (`/pypi/<name>/<version>/json`). Some registry mirrors answer only
the per-project document (`/pypi/<name>/json`), which carries PyPI's advisories for the project's
latest release. For every installed package that IS its latest release, those advisories are
exactly its own: this script checks those, and names every package it could not check.

Exit status: 0 nothing known, 1 a known vulnerability, 3 no package could be checked.
"""

import json
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import distributions

from packaging.utils import canonicalize_name
from packaging.version import Version

PROJECT = "lerende-praktijk"
INDEX = "https://pypi.org/pypi/{name}/json"


def latest(name: str) -> dict | None:
    try:
        with urllib.request.urlopen(INDEX.format(name=name), timeout=15) as response:  # noqa: S310
            return json.load(response)
    except (OSError, ValueError):
        return None


def main() -> int:
    installed = {
        canonicalize_name(d.metadata["Name"]): d.version
        for d in distributions()
        if d.metadata["Name"] and canonicalize_name(d.metadata["Name"]) != PROJECT
    }
    with ThreadPoolExecutor(max_workers=8) as pool:
        documents = dict(zip(installed, pool.map(latest, installed), strict=True))
    checked, found, unchecked = 0, [], []
    for name, version in sorted(installed.items()):
        document = documents[name]
        if document is None:
            unchecked.append(f"{name} {version} (no answer)")
            continue
        newest = document["info"]["version"]
        if Version(version) != Version(newest):
            unchecked.append(f"{name} {version} (latest is {newest})")
            continue
        checked += 1
        for vuln in document.get("vulnerabilities") or []:
            if not vuln.get("withdrawn"):
                found.append((name, version, vuln))
    for name, version, vuln in found:
        fix = ", ".join(vuln.get("fixed_in") or []) or "no fixed release yet"
        print(f"VULNERABLE: {name} {version}: {vuln.get('id')} (fixed in: {fix})")
    print(
        f"PyPI advisories of the latest releases: {checked} of {len(installed)} packages checked, "
        f"{len(found)} known vulnerabilities."
    )
    if unchecked:
        print("Not checked: " + "; ".join(unchecked))
    if found:
        return 1
    return 0 if checked else 3


if __name__ == "__main__":
    sys.exit(main())
