"""An accessibility check of the page a test is on, with axe-core in the same Chromium."""

from axe_playwright_python.sync_playwright import Axe

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

_axe = Axe()


def assert_accessible(page) -> None:
    """Fail with axe's report when the page breaks any WCAG 2.1 A or AA rule."""
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    assert results.violations_count == 0, results.generate_report()
