"""The carers' pages say no "facilitator", "lerende praktijk" or "het netwerk" without
explaining them: either in other words, or linked to the glossary."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

JARGON = ("facilitator", "lerende praktijk", "het netwerk")
CARERS_PAGES = ("mantelzorg:formulier", "mantelzorg:bedankt", "overzicht:jullie_zeiden")


def unexplained(html: str, praktijk) -> list[str]:
    # The page's own content; the footer carries the app's brand name.
    main = html.split('id="main"', 1)[1].split("<footer", 1)[0]
    # What the glossary explains, and the practice's own name, are not jargon left unexplained.
    main = re.sub(r'<a class="lp-begrip"[^>]*>.*?</a>', "", main, flags=re.S)
    main = main.replace(praktijk.naam, "")
    text = re.sub(r"<[^>]+>", " ", main).lower()
    return [woord for woord in JARGON if woord in text]


@pytest.mark.parametrize("name", CARERS_PAGES)
def test_carers_pages_explain_their_words(client, praktijk, name):
    response = client.get(reverse(name, args=[praktijk.slug]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html  # positive control: the page itself
    # The practice's name ("Lerende praktijk Stein") is linked to the glossary where it first shows.
    link = '<a class="lp-begrip" href="/p/stein/begrippen/#begrip-lerende-praktijk">'
    assert f"{link}<dfn>Lerende praktijk</dfn></a> Stein" in html
    assert unexplained(html, praktijk) == []


def test_the_check_finds_an_unexplained_word(praktijk):
    html = '<main id="main"><p>De facilitator leest het, met het netwerk.</p></main>'
    assert unexplained(html, praktijk) == ["facilitator", "het netwerk"]


@pytest.fixture
def met_experiment(praktijk):
    """A running experiment: the form then asks about topics, and the "we did" page lists it."""
    from experimenten.models import Experiment
    from tests.factories import ExperimentFactory, OntwerpvraagFactory

    return ExperimentFactory(
        ontwerpvraag=OntwerpvraagFactory(praktijk=praktijk),
        titel="Tien minuten samen",
        status=Experiment.Status.LOOPT,
    )


@pytest.mark.parametrize("name", CARERS_PAGES)
def test_carers_pages_explain_their_words_with_an_experiment_too(
    client, praktijk, met_experiment, name
):
    html = client.get(reverse(name, args=[praktijk.slug])).content.decode()
    assert "<h1" in html
    if name == "mantelzorg:formulier":
        assert "Tien minuten samen" in html  # positive control: the topic question is there
    assert unexplained(html, praktijk) == []


def test_a_carer_in_a_workshop_reads_no_unexplained_words(client, praktijk, sessie):
    # A carer joins the room's workshop on a phone: the join, questions and thank-you pages.
    pagina = client.get(reverse("condities:doe_mee_code", args=[sessie.code])).content.decode()
    assert "<h1" in pagina and unexplained(pagina, praktijk) == []
    client.post(
        reverse("condities:doe_mee_code", args=[sessie.code]),
        {"naam": "", "organisatie": "mantelzorger", "email": ""},
    )
    for name in ("vragen", "klaar"):
        response = client.get(reverse(f"condities:{name}", args=[sessie.code]))
        assert response.status_code == 200, name
        html = response.content.decode()
        assert "<h1" in html
        assert unexplained(html, praktijk) == [], name
    # Shown while the room is kept together: who leads it, in plain words.
    from django.utils import translation

    with translation.override("nl"):
        zin = translation.gettext(
            "The person leading the workshop keeps the room together: your phone shows the "
            "condition that is on the screen."
        )
    assert zin.startswith("De begeleider van de werkvorm") and "facilitator" not in zin
