"""A participant takes part in the workshop with the keyboard alone: no mouse, no clicks."""

import pytest
from playwright.sync_api import expect

from condities import services
from condities.models import Antwoord, Deelnemer
from netwerk.models import Groep
from tests.browser.axe import assert_accessible
from tests.factories import DeelnameFactory, OrganisatieFactory

RADIO = "document.activeElement.type === 'radio'"


def actief(page) -> dict:
    """What has the keyboard focus: its id, name, value, checked state and text."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return {
                tag: el.tagName.toLowerCase(), id: el.id, name: el.name || "",
                value: el.value || "", checked: !!el.checked,
                text: (el.innerText || "").trim(),
            };
        }"""
    )


def tab_to(page, test: str, limit: int = 60, backwards: bool = False) -> dict:
    """Press Tab until the focused element passes the JavaScript test, as a keyboard user."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return {test}; }}"):
            return actief(page)
    raise AssertionError(f"Tab never reached an element where {test}")


def focus_ring(page) -> str:
    """The focused element's visible focus indicator: its outline or box-shadow, or ''."""
    return page.evaluate(
        """() => {
            const style = getComputedStyle(document.activeElement);
            const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
            if (outline) return `outline ${style.outlineStyle} ${style.outlineWidth}`;
            return style.boxShadow !== "none" ? `box-shadow ${style.boxShadow}` : "";
        }"""
    )


def opgeslagen(deelnemer_naam: str, conditie: str) -> list:
    """The scores stored for this participant and condition, in the order of the page."""
    return list(
        Antwoord.objects.filter(deelnemer__naam=deelnemer_naam, stelling__conditie=conditie)
        .order_by("stelling__volgorde", "stelling__pk")
        .values_list("score", flat=True)
    )


def wacht_op_opgeslagen(page, deelnemer_naam: str, conditie: str, verwacht: list) -> None:
    """Once the page has no request in flight, the answers given on it are in the database
    (saved as they are given, before any button is pressed). The test reads the database only
    then: SQLite's shared test database refuses the server's writes while the test reads."""
    page.wait_for_function("() => !document.querySelector('.htmx-request')")
    page.wait_for_load_state("networkidle")
    assert opgeslagen(deelnemer_naam, conditie) == verwacht


@pytest.fixture
def open_sessie(praktijk, werkvorm):
    for naam in ("Huisartsenpraktijk Berg", "Thuiszorg Westelijke Mijnstreek"):
        DeelnameFactory(
            praktijk=praktijk, organisatie=OrganisatieFactory(naam=naam), groep=Groep.KERNGROEP
        )
    return werkvorm()


@pytest.mark.django_db(transaction=True)
def test_a_participant_takes_part_with_the_keyboard_only(page, live_server, open_sessie):
    page.goto(f"{live_server.url}/doe-mee/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Doe mee")

    # The skip link comes first and takes the focus to the content.
    page.keyboard.press("Tab")
    assert actief(page)["text"] == "Naar de inhoud"
    assert focus_ring(page)
    page.keyboard.press("Enter")
    assert actief(page)["id"] == "main"
    page.keyboard.press("Tab")
    assert actief(page)["id"] == "id_code"
    assert focus_ring(page)
    page.keyboard.type(open_sessie.code.lower())
    page.keyboard.press("Enter")

    # Joining as a guest: a name, then the organisation chosen with the arrow keys.
    expect(page.get_by_role("heading", level=1)).to_have_text("Werkvorm vijf condities")
    tab_to(page, "el.id === 'id_naam'")
    page.keyboard.type("Gerrit")
    page.keyboard.press("Tab")
    assert actief(page)["id"] == "id_organisatie"
    for _ in range(5):
        if page.locator("#id_organisatie option:checked").inner_text() == "Huisartsenpraktijk Berg":
            break
        page.keyboard.press("ArrowDown")
    expect(page.locator("#id_organisatie option:checked")).to_have_text("Huisartsenpraktijk Berg")
    knop = tab_to(page, "el.type === 'submit' && el.closest('main')")
    assert knop["text"] == "Beginnen"
    assert focus_ring(page)
    page.keyboard.press("Enter")

    # The first condition: Tab into a statement's scale, then arrows and Space choose.
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ambitie")
    stellingen = page.locator("fieldset.lp-stelling")
    aantal = stellingen.count()
    assert aantal >= 2
    expect(page.locator("#voortgang")).to_contain_text("0 van 10 beantwoord")

    eerste = tab_to(page, RADIO)
    assert eerste["name"] == stellingen.nth(0).locator("input").first.get_attribute("name")
    assert (eerste["value"], eerste["checked"]) == ("1", False)
    assert focus_ring(page), "a focused radio button shows no focus indicator"
    page.keyboard.press("Space")
    expect(stellingen.nth(0).get_by_role("status")).to_have_text("Opgeslagen")
    expect(page.locator("#voortgang")).to_contain_text("1 van 10 beantwoord")
    # After saving, the focus is still on the chosen answer, so the next key goes on from there.
    assert (actief(page)["value"], actief(page)["checked"]) == ("1", True)
    page.keyboard.press("ArrowRight")
    expect(stellingen.nth(0).get_by_label("2", exact=True)).to_be_checked()
    expect(stellingen.nth(0).get_by_role("status")).to_have_text("Opgeslagen")
    assert (actief(page)["value"], actief(page)["checked"]) == ("2", True)
    expect(page.locator("#voortgang")).to_contain_text("1 van 10 beantwoord")

    # Tab leaves the group and goes to the next statement; "weet ik niet" is the last choice.
    volgende = tab_to(page, RADIO)
    assert volgende["name"] == stellingen.nth(1).locator("input").first.get_attribute("name")
    page.keyboard.press("ArrowLeft")  # from the first choice round to the last
    expect(stellingen.nth(1).get_by_label("weet ik niet")).to_be_checked()
    expect(stellingen.nth(1).get_by_role("status")).to_have_text("Opgeslagen")
    expect(page.locator("#voortgang")).to_contain_text("2 van 10 beantwoord")
    assert actief(page)["value"] == "?"

    # The rest of this condition: 4 for each, by Tab and three arrows.
    for index in range(2, aantal):
        assert tab_to(page, RADIO)["name"] == stellingen.nth(index).locator(
            "input"
        ).first.get_attribute("name")
        for _ in range(3):
            page.keyboard.press("ArrowRight")
        expect(stellingen.nth(index).get_by_label("4", exact=True)).to_be_checked()
        expect(stellingen.nth(index).get_by_role("status")).to_have_text("Opgeslagen")
    expect(page.locator("#voortgang")).to_contain_text(f"{aantal} van 10 beantwoord")
    # Each answer is stored as it is given, the last of several arrow presses too.
    wacht_op_opgeslagen(page, "Gerrit", "ambitie", [2, None] + [4] * (aantal - 2))

    # The conversation's button comes first (after the statements), then on to the next
    # condition with the button, by keyboard.
    knop = tab_to(page, "el.type === 'submit' && el.closest('main')")
    assert knop["text"] == "Schrijf je antwoord en zie wat anderen schreven"
    knop = tab_to(page, "el.type === 'submit' && el.closest('.lp-actions')")
    assert knop["text"] == "Opslaan en verder"
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Relatie")
    expect(page.locator("#voortgang")).to_contain_text(f"{aantal} van 10 beantwoord")
    tab_to(page, RADIO)
    for _ in range(4):
        page.keyboard.press("ArrowRight")
    expect(
        page.locator("fieldset.lp-stelling").first.get_by_label("5 · helemaal wel")
    ).to_be_checked()
    expect(page.locator("fieldset.lp-stelling").first.get_by_role("status")).to_have_text(
        "Opgeslagen"
    )
    expect(page.locator("#voortgang")).to_contain_text(f"{aantal + 1} van 10 beantwoord")
    wacht_op_opgeslagen(page, "Gerrit", "relatie", [5])

    knop = tab_to(page, "el.type === 'submit' && el.closest('.lp-actions')")
    assert knop["text"] == "Opslaan en afronden"
    assert focus_ring(page)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor het meedoen")

    deelnemer = Deelnemer.objects.get(naam="Gerrit")
    assert deelnemer.organisatie.naam == "Huisartsenpraktijk Berg"
    assert deelnemer.klaar_op is not None
    assert opgeslagen("Gerrit", "ambitie") == [2, None] + [4] * (aantal - 2)
    assert opgeslagen("Gerrit", "relatie") == [5]
    assert Antwoord.objects.filter(deelnemer=deelnemer).count() == aantal + 1


@pytest.mark.django_db(transaction=True)
def test_an_answer_after_closing_says_so_where_the_participant_is(page, live_server, open_sessie):
    page.goto(f"{live_server.url}/doe-mee/{open_sessie.code}/")
    tab_to(page, "el.id === 'id_organisatie'")
    page.keyboard.press("ArrowDown")
    tab_to(page, "el.type === 'submit' && el.closest('main')")
    page.keyboard.press("Enter")
    eerste = page.locator("fieldset.lp-stelling").first
    expect(eerste).to_be_visible()
    tab_to(page, RADIO)
    page.keyboard.press("Space")
    expect(eerste.get_by_role("status")).to_have_text("Opgeslagen")

    services.sessie_close(sessie=open_sessie, by=open_sessie.created_by)
    page.keyboard.press("ArrowRight")

    # The message appears in the statement's status, once; the page around it stays as it was.
    expect(eerste.get_by_role("alert")).to_contain_text("Je laatste antwoord is niet opgeslagen")
    expect(page.get_by_role("main")).to_have_count(1)
    assert (actief(page)["name"], actief(page)["value"]) == (
        eerste.locator("input").first.get_attribute("name"),
        "2",
    )
    assert_accessible(page)
    assert list(Antwoord.objects.values_list("score", flat=True)) == [1]
