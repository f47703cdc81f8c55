"""The app's own style sheet parses: an unclosed rule silently swallows every rule after it (it
hid the indicator chart's and the map stage's styles until session 8)."""

import re
from pathlib import Path

CSS = Path(__file__).resolve().parents[1] / "static" / "css"


def _diepte_per_regel(tekst: str) -> list[int]:
    zonder_commentaar = re.sub(
        r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), tekst, flags=re.S
    )
    diepte, dieptes = 0, []
    for regel in zonder_commentaar.splitlines():
        diepte += regel.count("{") - regel.count("}")
        assert diepte >= 0, regel
        dieptes.append(diepte)
    return dieptes


def test_every_rule_of_every_style_sheet_is_closed():
    bladen = sorted(CSS.glob("*.css"))
    assert any(blad.name == "app.css" for blad in bladen)
    for blad in bladen:
        dieptes = _diepte_per_regel(blad.read_text())
        assert dieptes[-1] == 0, f"{blad.name}: a rule is not closed"
        # A comment that starts a new section at depth 0: a rule above it was left open.
        regels = blad.read_text().splitlines()
        for nummer, regel in enumerate(regels[1:], start=1):
            if regel.startswith("/*") and not regels[nummer - 1].startswith(" "):
                assert dieptes[nummer - 1] == 0, f"{blad.name}:{nummer + 1}: rule above is open"


def test_the_check_finds_an_unclosed_rule():
    dieptes = _diepte_per_regel(".a {\n  color: red;\n\n/* next */\n.b {\n  color: blue;\n}\n")
    assert dieptes[-1] == 1
