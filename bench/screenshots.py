"""Screenshots of what the room and the members see: a phone's, a beamer's, a projector's size.

Run: `make screenshots` (or `.venv/bin/python -m bench.screenshots [folder]`). It builds a fresh
demo database in a temporary folder, adds an open workshop with answers (two conditions
revealed, all of them once the screen reaches the overview) and a joined phone, starts the
development server on a free port, and writes PNG files to `screenshots/` (not committed): one
per page and size, named `<page>-<width>x<height>.png`.
Needs Chromium at /usr/bin/chromium (Debian's package), as the browser tests do.
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = [(320, 640), (1280, 720), (1920, 1080)]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOGIN = ("adviseur@stein.example", "samen-sterk-demo")

OPEN_SESSIE = """
import random
from condities import services
from condities.models import Sessie
from condities.selectors.sessies import stellingen_for_sessie
from netwerk.models import Deelname, User
from praktijken.models import Praktijk

stein = Praktijk.objects.get(slug="stein")
facilitator = User.objects.get(email="adviseur@stein.example")
sessie = services.sessie_create(
    praktijk=stein, titel="Werkvorm vijf condities – vandaag", datum="2026-12-06",
    modus="live", condities=["ambitie", "belangen", "relatie", "organisatie", "proces"],
    by=facilitator,
)
services.sessie_open(sessie=sessie, by=facilitator)
rng = random.Random(7)
deelnames = list(Deelname.objects.filter(praktijk=stein).select_related("organisatie"))
# Six of the core group and ten of the design group, so the overview can set them side by side.
kern = [d for d in deelnames if d.groep == "kerngroep"]
ontwerp = [d for d in deelnames if d.groep != "kerngroep"]
for i in range(16):
    deelname = kern[i % len(kern)] if i < 6 else ontwerp[i % len(ontwerp)]
    deelnemer = services.deelnemer_join(sessie=sessie, naam="", organisatie=deelname.organisatie)
    for stelling in stellingen_for_sessie(sessie=sessie):
        keuzes = [3, 4, 4, 5, 5] if i < 6 else [2, 3, 3, 4, 5]
        services.antwoord_save(deelnemer=deelnemer, stelling=stelling, score=rng.choice(keuzes))
services.sessie_reveal(sessie=sessie, condities=["ambitie", "relatie"], by=facilitator)
# Open answers from the room on Ambitie: some on the screen with votes, one waiting.
from condities.models import Inbreng
for soort, tekst, stemmen in [
    ("goed", "We kennen elkaar bij naam en bellen elkaar snel.", 9),
    ("goed", "Het steunpunt is voor iedereen het eerste adres.", 6),
    ("goed", "De huisartsen doen mee vanaf het begin.", 2),
    ("stap", "Eén vraagformulier voor alle organisaties.", 11),
    ("stap", "Een keer per maand samen lunchen met het wijkteam.", 4),
]:
    Inbreng.objects.create(sessie=sessie, conditie="ambitie", soort=soort, tekst=tekst,
                           status="goedgekeurd", stemmen=stemmen)
Inbreng.objects.create(sessie=sessie, conditie="ambitie", soort="stap",
                       tekst="Vaker vragen wat de mantelzorger zelf wil.")
print(sessie.pk, sessie.code)
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _manage(env: dict, *args: str) -> str:
    result = subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


def _wait(url: str) -> None:
    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=1)  # noqa: S310 - our own local server
            return
        except Exception:
            time.sleep(0.2)
    raise RuntimeError(f"the server at {url} did not answer")


def main() -> None:
    from playwright.sync_api import sync_playwright

    uit = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "screenshots")
    uit.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        env = {
            **os.environ,
            "DJANGO_DEBUG": "true",
            "DATABASE_URL": f"sqlite:///{tmp}/screenshots.sqlite3",
            "SITE_URL": base,
        }
        env.pop("REDIS_URL", None)
        _manage(env, "migrate", "--no-input")
        _manage(env, "demo")
        sessie_pk, code = _manage(env, "shell", "-c", OPEN_SESSIE).split()[-2:]
        server = subprocess.Popen(  # noqa: S603 - our own manage.py with fixed arguments
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _wait(base + "/healthz/")
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
                _member_pages(browser, base, uit, sessie_pk)
                _participant_pages(browser, base, uit, code)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)
    for path in sorted(uit.glob("*.png")):
        print(path)


def _member_pages(browser, base: str, uit: Path, sessie_pk: str) -> None:
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    page.goto(base + "/accounts/login/")
    page.fill("input[name=login]", LOGIN[0])
    page.fill("input[name=password]", LOGIN[1])
    page.press("input[name=password]", "Enter")
    page.wait_for_load_state("networkidle")
    pages = {
        "dashboard": "/p/stein/",
        "sessie": f"/p/stein/sessies/{sessie_pk}/",
        "bediening": f"/p/stein/sessies/{sessie_pk}/bediening/",
        "verslag": f"/p/stein/sessies/{sessie_pk}/verslag/",
        "condities": "/p/stein/condities/",
        "acties": "/p/stein/acties/",
        "jullie-zeiden": "/p/stein/jullie-zeiden/",  # public, seen here logged in
        "bibliotheek": "/bibliotheek/",
        "opbrengst": "/p/stein/opbrengst/",
        "belangen": "/p/stein/netwerk/belangen/",
        "relaties": "/p/stein/relaties/",
        "belangenrondes": "/p/stein/belangenrondes/",
    }
    for naam, pad in pages.items():
        for width, height in SIZES:
            page.set_viewport_size({"width": width, "height": height})
            page.goto(base + pad)
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(uit / f"{naam}-{width}x{height}.png"))
    # Whole pages whose lower sections matter: the yield page (its ties then and now) and the
    # dashboard (the carers' months), on a phone and a laptop.
    for naam in ("opbrengst", "dashboard"):
        for width, height in SIZES[:2]:
            page.set_viewport_size({"width": width, "height": height})
            page.goto(base + pages[naam])
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(uit / f"{naam}-{width}-hele-pagina.png"), full_page=True)
    # The network map of the latest relationship round (the demo has two, a year apart).
    page.goto(base + pages["relaties"])
    kaart = (
        page.locator("main a[href*='/relaties/']")
        .filter(has_text="202")
        .first.get_attribute("href")
    )
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        page.goto(base + kaart)
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(uit / f"netwerkkaart-{width}x{height}.png"))
        # The same round as a stage on the projector ("look how we grew").
        page.goto(base + kaart + "scherm/")
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(uit / f"netwerkkaart-scherm-{width}x{height}.png"))
    # The room's screen, stage by stage (the keys move it on, as in the room), at each size:
    # waiting, each condition and its conversation, the overview, the end. On the overview R
    # reveals every condition, and G shows the groups and back.
    page.goto(f"{base}/p/stein/sessies/{sessie_pk}/scherm/")
    with page.expect_navigation():
        page.keyboard.press("w")
    for stap in range(13):
        naam = f"scherm-{stap:02d}-{page.locator('#stap').get_attribute('data-stap')}"
        overzicht = page.locator("#stap").get_attribute("data-stap") == "overzicht"
        if overzicht:
            _press(page, "r")
        _screen_shots(page, uit, naam)
        if overzicht:
            _press(page, "g")
            _screen_shots(page, uit, f"{naam}-groepen")
            _press(page, "g")
        _press(page, "ArrowRight")
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(base + pages["verslag"])
    page.screenshot(path=str(uit / "verslag-1280-hele-pagina.png"), full_page=True)
    context.close()


def _press(page, key: str) -> None:
    with page.expect_navigation():
        page.keyboard.press(key)


def _screen_shots(page, uit: Path, naam: str) -> None:
    for width, height in SIZES[1:]:
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=str(uit / f"{naam}-{width}x{height}.png"))


def _participant_pages(browser, base: str, uit: Path, code: str) -> None:
    context = browser.new_context(locale="nl-NL", viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(f"{base}/doe-mee/{code}/")
    page.screenshot(path=str(uit / "doe-mee-320x640.png"))
    keuze = page.locator("[name=organisatie]").first
    if keuze.evaluate("e => e.tagName") == "SELECT":
        keuze.select_option("mantelzorger")
    else:
        page.locator("[name=organisatie][value=mantelzorger]").check()
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(uit / "vragen-320x640.png"))
    page.screenshot(path=str(uit / "vragen-320x640-hele-pagina.png"), full_page=True)
    page.goto(f"{base}/doe-mee/{code}/gesprek/?conditie=ambitie")
    page.screenshot(path=str(uit / "gesprek-320x640.png"))
    page.screenshot(path=str(uit / "gesprek-320x640-hele-pagina.png"), full_page=True)
    page.goto(f"{base}/p/stein/mantelzorg/")
    page.screenshot(path=str(uit / "mantelzorg-320x640.png"), full_page=True)
    context.close()


if __name__ == "__main__":
    main()
