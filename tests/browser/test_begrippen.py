"""A participant on a 320 px phone sees a settled term marked in a statement, follows it to the
public glossary (no login, no JavaScript needed for the link), and both pages pass axe."""

import pytest
from playwright.sync_api import expect

from begrippen.models import Begrip
from condities.models import Stelling
from tests.browser.axe import assert_accessible

SMAL = {"width": 320, "height": 640}


def geen_horizontale_scroll(page) -> None:
    breedte = page.evaluate("() => document.documentElement.scrollWidth")
    assert breedte <= SMAL["width"], f"the page is {breedte} px wide"


@pytest.mark.django_db(transaction=True)
def test_a_marked_term_on_the_phone_leads_to_the_glossary(browser, live_server, open_sessie):
    stelling = (
        Stelling.objects.filter(set=open_sessie.stellingenset, conditie="ambitie")
        .order_by("volgorde", "pk")
        .first()
    )
    woord = stelling.tekst.split()[-1].strip(".,?!")
    Begrip.objects.create(
        praktijk=open_sessie.praktijk,
        term=woord,
        definitie="Een uitleg in gewone woorden.",
        status=Begrip.Status.VASTGESTELD,
    )
    context = browser.new_context(locale="nl-NL", viewport=SMAL, has_touch=True)
    page = context.new_page()
    page.goto(f"{live_server.url}/doe-mee/{open_sessie.code}/")
    page.get_by_label("Je doet mee namens").select_option(label="Mantelzorger of vrijwilliger")
    page.get_by_role("button", name="Beginnen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ambitie")

    begrip = page.locator("a.lp-begrip", has_text=woord).first
    expect(begrip).to_be_visible()
    geen_horizontale_scroll(page)
    assert_accessible(page)

    begrip.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Woordenlijst")
    expect(page.locator(f"#{Begrip.objects.get(term=woord).anker}")).to_contain_text(
        "Een uitleg in gewone woorden."
    )
    expect(page.locator("dfn", has_text="respijtzorg")).to_be_visible()
    geen_horizontale_scroll(page)
    assert_accessible(page)
    context.close()


@pytest.mark.django_db(transaction=True)
def test_a_member_suggests_and_the_facilitator_settles_in_the_browser(
    page, live_server, log_in, lid, facilitator
):
    log_in(page.context, lid)
    page.goto(f"{live_server.url}/p/stein/")
    page.get_by_role("link", name="Begrippen").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Begrippen")
    assert_accessible(page)
    page.get_by_role("link", name="Begrip voorstellen").click()
    assert_accessible(page)
    page.get_by_label("Begrip", exact=True).fill("Casemanager")
    page.get_by_label("Uitleg").fill("Iemand die de zorg voor je naaste regelt en overziet.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Casemanager (voorgesteld")).to_be_visible()
    assert_accessible(page)

    page.context.clear_cookies()
    log_in(page.context, facilitator)
    page.goto(f"{live_server.url}/p/stein/begrippen/lijst/")
    page.get_by_role("link", name="“Casemanager” aanpassen").click()
    assert_accessible(page)
    page.get_by_label("Status").select_option(label="Vastgesteld")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Het begrip is opgeslagen.")).to_be_visible()
    assert_accessible(page)  # the list with the facilitator's edit and remove buttons
    page.goto(f"{live_server.url}/p/stein/begrippen/")
    expect(page.locator("dfn", has_text="Casemanager")).to_be_visible()
