"""The public form: plain questions, errors next to the field and on top, nothing identifying."""

import datetime

import pytest
from django.utils import timezone

from conftest import PERSONAS
from experimenten.models import Experiment
from mantelzorg.models import Reactie, Relatie
from tests.factories import ExperimentFactory, MantelzorgFormulierFactory, OntwerpvraagFactory
from tests.mantelzorg.helpers import formulier_data, url
from tests.pages import rendered
from tests.permissions import assert_matrix

pytestmark = pytest.mark.django_db

IEDEREEN = dict.fromkeys(PERSONAS, 200)


def test_everyone_may_open_the_form_without_an_account(login_as, praktijk):
    assert_matrix(login_as, url("formulier"), IEDEREEN)


def test_everyone_may_open_the_thanks_page(login_as, praktijk):
    assert_matrix(login_as, url("bedankt"), IEDEREEN)


def test_everyone_may_send_feedback(login_as, praktijk, settings):
    # A POST as each persona: every one lands on the thanks page, and every one is stored.
    settings.MANTELZORG_LIMIET = 10  # a post per persona from one test address
    expected = dict.fromkeys(IEDEREEN, 302)
    assert_matrix(
        login_as, url("formulier"), expected, method="post", data=formulier_data(praktijk)
    )
    assert Reactie.objects.filter(praktijk=praktijk).count() == len(PERSONAS)


def test_the_form_asks_appreciative_questions_first_in_plain_dutch(client, praktijk):
    page = client.get(url("formulier")).text
    assert "<title>Vertel hoe het gaat" in page
    assert page.index("Wat gaat goed in de hulp die je krijgt?") < page.index("Wat kan beter?")
    assert "hoe vaak moest je je verhaal opnieuw vertellen" in page
    assert "Weet ik niet" in page
    assert "Je hoeft je naam niet te geven." in page
    # The purpose and the retention period of contact details are stated on the form.
    assert "We bewaren ze hooguit 6 maanden" in page
    assert 'name="begonnen"' in page


def test_unknown_practice_gives_404(client, praktijk):
    assert client.get(url("formulier", slug="bestaat-niet")).status_code == 404
    assert client.get(url("bedankt", slug="bestaat-niet")).status_code == 404


def test_a_closed_form_shows_a_friendly_page_and_stores_nothing(client, praktijk):
    MantelzorgFormulierFactory(praktijk=praktijk, is_open=False)
    response = client.get(url("formulier"))
    assert response.status_code == 200
    assert "Het formulier is nu gesloten" in response.text
    assert 'name="wat_gaat_goed"' not in response.text

    response = client.post(url("formulier"), formulier_data(praktijk))
    assert response.status_code == 200
    assert "Het formulier is nu gesloten" in response.text
    assert not Reactie.objects.exists()


def test_the_practice_intro_text_is_shown_as_text(client, praktijk):
    MantelzorgFormulierFactory(
        praktijk=praktijk, intro="Welkom bij Stein <b>vet</b>\n\nTweede alinea."
    )
    page = client.get(url("formulier")).text
    assert "Welkom bij Stein &lt;b&gt;vet&lt;/b&gt;" in page
    assert "<p>Tweede alinea.</p>" in page


def test_feedback_is_stored_and_the_carer_sees_the_thanks_page(client, praktijk):
    response = client.post(
        url("formulier"),
        formulier_data(
            praktijk,
            meer_van="Meer koffie-ochtenden.",
            kan_beter="Dat de huisarts weet wat de thuiszorg doet.",
            keer_verteld="4",
            relatie=Relatie.OUDER,
        ),
    )
    assert response.status_code == 302
    assert response["Location"] == url("bedankt")
    reactie = Reactie.objects.get()
    assert reactie.praktijk == praktijk
    assert reactie.wat_gaat_goed == "De wijkverpleegkundige belde mij terug."
    assert reactie.keer_verteld == 4
    assert reactie.relatie == Relatie.OUDER
    assert reactie.status == Reactie.Status.NIEUW
    assert not reactie.heeft_contact and reactie.contact_bewaren_tot is None

    bedankt = client.get(response["Location"]).text
    assert "Bedankt voor je reactie" in bedankt
    assert "Wat gebeurt er nu?" in bedankt


def test_dont_know_is_stored_as_empty(client, praktijk):
    client.post(url("formulier"), formulier_data(praktijk, weet_niet="on"))
    assert Reactie.objects.get().keer_verteld is None


def test_at_least_one_open_answer_is_needed(client, praktijk):
    response = client.post(url("formulier"), formulier_data(praktijk, wat_gaat_goed=""))
    assert response.status_code == 422
    assert "Schrijf bij minstens één van de drie vragen iets op." in response.text
    assert not Reactie.objects.exists()


@pytest.mark.parametrize("waarde", ["-1", "51", "veel", "2.5"])
def test_times_told_must_be_a_number_from_0_to_50(client, praktijk, waarde):
    response = client.post(url("formulier"), formulier_data(praktijk, keer_verteld=waarde))
    assert response.status_code == 422
    assert "Vul een getal van 0 tot 50 in." in response.text
    assert not Reactie.objects.exists()


def test_a_number_and_dont_know_together_is_an_error(client, praktijk):
    response = client.post(
        url("formulier"), formulier_data(praktijk, keer_verteld="3", weet_niet="on")
    )
    assert response.status_code == 422
    assert "Vul een getal in óf vink “Weet ik niet” aan, niet allebei." in response.text


def test_errors_are_next_to_the_field_and_summarised_on_top_with_links(client, praktijk):
    response = client.post(
        url("formulier"),
        formulier_data(
            praktijk,
            wat_gaat_goed="",
            meer_van="",
            kan_beter="",
            relatie="onbekend",
            contact_toestemming="on",
        ),
    )
    page = response.text
    assert response.status_code == 422
    assert "<title>Fout: Vertel hoe het gaat" in page
    # The summary is the first thing in main, before the heading, and links to the inputs.
    main = page.split('<main id="main"')[1]
    assert main.index("lp-error-summary") < main.index("<h1")
    samenvatting = main.split("lp-error-summary")[1].split("</div>\n</div>")[0]
    assert 'href="#id_wat_gaat_goed"' in samenvatting
    assert 'href="#id_relatie_0"' in samenvatting
    assert 'href="#id_email"' in samenvatting
    for doel in ['id="id_wat_gaat_goed"', 'id="id_relatie_0"', 'id="id_email"']:
        assert doel in page
    # And next to the field itself.
    veld = page.split('for="id_email"')[1].split("</div>\n</div>")[0]
    assert "Vul je e-mailadres of telefoonnummer in" in veld


def test_what_was_typed_is_kept_after_an_error(client, praktijk):
    response = client.post(
        url("formulier"),
        formulier_data(praktijk, kan_beter="Minder formulieren graag.", keer_verteld="99"),
    )
    assert response.status_code == 422
    assert "Minder formulieren graag." in response.text
    assert "De wijkverpleegkundige belde mij terug." in response.text


def test_contact_details_need_consent(client, praktijk):
    response = client.post(
        url("formulier"), formulier_data(praktijk, naam="Anna", email="anna@voorbeeld.example")
    )
    assert response.status_code == 422
    assert "Zet een vinkje als we contact met je mogen opnemen" in response.text
    assert not Reactie.objects.exists()


def test_consent_needs_an_email_address_or_phone_number(client, praktijk):
    response = client.post(
        url("formulier"), formulier_data(praktijk, contact_toestemming="on", naam="Anna")
    )
    assert response.status_code == 422
    assert "Vul je e-mailadres of telefoonnummer in" in response.text


def test_a_phone_number_has_digits_only(client, praktijk):
    response = client.post(
        url("formulier"),
        formulier_data(praktijk, contact_toestemming="on", telefoon="bel me maar"),
    )
    assert response.status_code == 422
    assert "Vul een telefoonnummer in met alleen cijfers" in response.text


def test_contact_details_with_consent_are_kept_until_the_retention_date(client, praktijk):
    client.post(
        url("formulier"),
        formulier_data(
            praktijk,
            contact_toestemming="on",
            naam="Anna de Vries",
            email="Anna@Voorbeeld.example",
            telefoon="06 12345678",
        ),
    )
    reactie = Reactie.objects.get()
    assert reactie.contact_toestemming
    assert (reactie.naam, reactie.email, reactie.telefoon) == (
        "Anna de Vries",
        "anna@voorbeeld.example",
        "06 12345678",
    )
    vandaag = timezone.localdate()
    assert vandaag + datetime.timedelta(days=180) <= reactie.contact_bewaren_tot
    assert reactie.contact_bewaren_tot <= vandaag + datetime.timedelta(days=185)


def test_consent_without_details_stores_no_consent(praktijk):
    from mantelzorg import services

    reactie = services.reactie_create(
        praktijk=praktijk, wat_gaat_goed="Fijn", contact_toestemming=True
    )
    assert not reactie.contact_toestemming and reactie.contact_bewaren_tot is None


def test_the_carer_chooses_from_running_and_finished_experiments_of_this_practice(
    client, praktijk, andere_praktijk
):
    vraag = OntwerpvraagFactory(praktijk=praktijk)
    loopt = ExperimentFactory(
        ontwerpvraag=vraag, titel="Tien minuten samen", status=Experiment.Status.LOOPT
    )
    ExperimentFactory(ontwerpvraag=vraag, titel="Nog een idee", status=Experiment.Status.IDEE)
    ede = ExperimentFactory(
        ontwerpvraag=OntwerpvraagFactory(praktijk=andere_praktijk),
        titel="Alleen in Ede",
        status=Experiment.Status.LOOPT,
    )
    page = rendered(client.get(url("formulier")), 'name="wat_gaat_goed"', "Tien minuten samen")
    assert "Nog een idee" not in page and "Alleen in Ede" not in page

    response = client.post(url("formulier"), formulier_data(praktijk, experiment=str(ede.pk)))
    assert response.status_code == 422
    client.post(url("formulier"), formulier_data(praktijk, experiment=str(loopt.pk)))
    assert Reactie.objects.get().experiment == loopt


def test_without_experiments_the_topic_question_is_left_out(client, praktijk):
    page = rendered(client.get(url("formulier")), 'name="wat_gaat_goed"')  # the open form
    assert 'name="experiment"' not in page


def test_the_page_works_in_english_too(client, praktijk):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get(url("formulier")).text
    assert "What goes well in the help you get?" in page


def test_the_form_itself_says_who_receives_it_and_how_to_have_it_removed(client, praktijk):
    response = client.get(url("formulier"))
    assert response.status_code == 200
    text = response.text
    assert "Wat gebeurt er met je reactie?" in text
    assert "De begeleiders van Lerende praktijk Stein krijgen je reactie" in text
    assert "doorgeven aan de organisatie waar die over gaat" in text
    assert "De gemeente Stein is verantwoordelijk" in text
    assert "Wil je dat we je reactie of je gegevens weghalen?" in text
    # Said before the button, not only on the thanks page.
    assert text.index("De gemeente Stein is verantwoordelijk") < text.index(">Versturen<")


def test_the_form_names_the_practices_privacy_address_when_it_has_one(client, praktijk):
    praktijk.privacy_email = "privacy@stein.example"
    praktijk.save()
    response = client.get(url("formulier"))
    assert response.status_code == 200
    assert 'href="mailto:privacy@stein.example"' in response.text
    assert "Stuur een e-mail naar" in response.text


def test_the_questions_and_help_texts_mark_the_practices_terms_without_javascript(client, praktijk):
    from begrippen.models import Begrip

    Begrip.objects.create(
        praktijk=praktijk, term="hulp", definitie="Wat iemand voor je doet.", status="vastgesteld"
    )
    Begrip.objects.create(praktijk=praktijk, term="huisarts", definitie="Nog maar voorgesteld.")
    page = client.get(url("formulier")).text
    # A question: the label holds a link to the term's plain explanation on the glossary.
    label = page.split('for="id_wat_gaat_goed"')[1].split("</label>")[0]
    assert (
        'Wat gaat goed in de <a class="lp-begrip" href="/p/stein/begrippen/#begrip-hulp">'
        "<dfn>hulp</dfn></a> die je krijgt?" in label
    )
    # A help text: a term of the starting list.
    hulptekst = page.split('id="id_keer_verteld_helptext"')[1].split("</div>")[0]
    assert '<a class="lp-begrip" href="/p/stein/begrippen/#begrip-wijkverpleegkundige">' in (
        hulptekst
    )
    assert "<dfn>wijkverpleegkundige</dfn>" in hulptekst
    # A suggested term is not marked; the glossary it links to opens without an account.
    assert "begrip-huisarts" not in page and "huisarts" in hulptekst
    glossary = client.get("/p/stein/begrippen/")
    assert glossary.status_code == 200
    assert 'id="begrip-wijkverpleegkundige"' in glossary.text


def test_the_error_summary_names_the_question_without_its_term_links(client, praktijk):
    from begrippen.models import Begrip

    Begrip.objects.create(
        praktijk=praktijk, term="hulp", definitie="Wat iemand voor je doet.", status="vastgesteld"
    )
    response = client.post(url("formulier"), formulier_data(praktijk, wat_gaat_goed="x" * 5000))
    assert response.status_code == 422
    samenvatting = response.text.split("lp-error-summary")[1].split("</ul>")[0]
    assert "Wat gaat goed in de hulp die je krijgt?" in samenvatting
    assert "lp-begrip" not in samenvatting
    # The field itself keeps its marked question.
    assert "<dfn>hulp</dfn>" in response.text.split('for="id_wat_gaat_goed"')[1]
