"""The social map: search as you type, filters, a phone book, exports, and nothing of `ede`."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from netwerk.exports import csv_cell
from netwerk.models import Organisatie
from tests.factories import DeelnameFactory, OrganisatieFactory, PersoonFactory
from tests.netwerk.conftest import domeinen
from tests.pages import rendered

pytestmark = pytest.mark.django_db

HX = {"HX-Request": "true"}


def kaart(client, **params):
    return client.get(reverse("netwerk:kaart", args=["stein"]), params)


def namen(response) -> list[str]:
    return [o.naam for o in response.context["organisaties"]]


@pytest.fixture
def gevuld(praktijk, eigen_organisatie, wijkverpleging, huisarts, ede_organisatie):
    """The map of `stein` with three organisations; `ede` has one of its own."""
    eigen_organisatie.soort = Organisatie.Soort.MANTELZORGSTEUNPUNT
    eigen_organisatie.wijken = "Stein-Centrum"
    eigen_organisatie.save()
    eigen_organisatie.levensdomeinen.set(domeinen("welzijn", "inkomen"))
    PersoonFactory(
        organisatie=eigen_organisatie,
        naam="Marloes Jansen",
        functie="Mantelzorgconsulent",
        expertise="respijtzorg",
        bel_mij_voor="Een luisterend oor en vervangende zorg",
    )


def test_the_whole_map_without_a_search(client, lid, gevuld):
    client.force_login(lid)
    response = kaart(client)
    assert namen(response) == [
        "Huisartsenpraktijk Berg",
        "Steunpunt Mantelzorg Stein",
        "Thuiszorg Westelijke Mijnstreek",
    ]


@pytest.mark.parametrize(
    ("params", "verwacht"),
    [
        ({"q": "berg"}, ["Huisartsenpraktijk Berg"]),  # name (and neighbourhood)
        ({"q": "WIJKVERPLEEG"}, ["Thuiszorg Westelijke Mijnstreek"]),  # function, any case
        ({"q": "respijt"}, ["Steunpunt Mantelzorg Stein"]),  # expertise
        ({"q": "overbelast"}, ["Huisartsenpraktijk Berg", "Thuiszorg Westelijke Mijnstreek"]),
        ({"q": "inkomen"}, ["Steunpunt Mantelzorg Stein"]),  # domain of life, by its label
        ({"q": "wijkverpleging"}, ["Thuiszorg Westelijke Mijnstreek"]),  # kind, by its label
        ({"soort": "huisartsenpraktijk"}, ["Huisartsenpraktijk Berg"]),
        ({"domein": "zorg"}, ["Huisartsenpraktijk Berg", "Thuiszorg Westelijke Mijnstreek"]),
        ({"wijk": "Elsloo"}, ["Thuiszorg Westelijke Mijnstreek"]),
        ({"domein": "zorg", "q": "dementie"}, ["Thuiszorg Westelijke Mijnstreek"]),
        ({"q": "niets dat bestaat"}, []),
    ],
)
def test_search_by_name_domain_expertise_kind_and_neighbourhood(
    client, lid, gevuld, params, verwacht
):
    client.force_login(lid)
    assert namen(kaart(client, **params)) == verwacht


def test_neighbourhood_filter_matches_whole_names_only(client, lid, praktijk, gevuld):
    berg_oost = OrganisatieFactory(naam="Buurtteam Berg-Oost", wijken="Berg-Oost")
    DeelnameFactory(praktijk=praktijk, organisatie=berg_oost)
    client.force_login(lid)
    assert namen(kaart(client, wijk="Berg")) == ["Huisartsenpraktijk Berg"]
    keuzes = [w for w, _label in kaart(client).context["form"].fields["wijk"].choices]
    assert keuzes == ["", "Berg", "Berg-Oost", "Elsloo", "Stein-Centrum", "Stein-Noord"]


def test_a_person_match_lists_only_that_person(client, lid, praktijk, gevuld, wijkverpleging):
    PersoonFactory(organisatie=wijkverpleging, naam="Piet Planner", functie="Roostermaker")
    client.force_login(lid)
    response = kaart(client, q="roostermaker")
    [organisatie] = response.context["organisaties"]
    assert [p.naam for p in organisatie.kaart_personen] == ["Piet Planner"]
    # An organisation that matches as a whole lists all its people.
    [organisatie] = kaart(client, q="Westelijke").context["organisaties"]
    assert len(organisatie.kaart_personen) == 2


@pytest.mark.parametrize("q", ["vervoer", "dagbesteding", "urmond"])
def test_an_organisation_matching_by_domain_kind_or_neighbourhood_lists_all_its_people(
    client, lid, praktijk, q
):
    """Its domain of life, its kind or a neighbourhood it serves, none of them in its people's
    own details: everyone who works there is still listed."""
    organisatie = OrganisatieFactory(
        naam="De Linde", soort=Organisatie.Soort.DAGBESTEDING, wijken="Urmond"
    )
    organisatie.levensdomeinen.set(domeinen("vervoer"))
    DeelnameFactory(praktijk=praktijk, organisatie=organisatie)
    PersoonFactory(organisatie=organisatie, naam="Ans Hermans", functie="Chauffeur")
    PersoonFactory(organisatie=organisatie, naam="Bert Kok", functie="Kok")
    client.force_login(lid)
    [gevonden] = kaart(client, q=q).context["organisaties"]
    assert gevonden == organisatie
    assert [p.naam for p in gevonden.kaart_personen] == ["Ans Hermans", "Bert Kok"]


def test_results_work_as_a_phone_book(client, lid, gevuld):
    client.force_login(lid)
    html = kaart(client, q="wijkverpleeg").content.decode()
    assert 'href="tel:0611122233"' in html
    assert 'href="tel:0464002000"' in html
    assert 'href="mailto:wendy@thuiszorg.example"' in html
    assert "Wijkverpleegkundige" in html
    assert "overbelaste mantelzorgers" in html
    assert "Deze gegevens zijn nog niet bevestigd." in html


def test_organisation_of_another_practice_never_shows(client, facilitator, gevuld):
    client.force_login(facilitator)
    for params in [{}, {"q": "Geheime"}, {"q": "Ede Verpleegkundige"}, {"wijk": "Berg"}]:
        response = client.get(reverse("netwerk:kaart", args=["stein"]), params, headers=HX)
        assert response.status_code == 200
        assert "organisaties" in response.context  # the map's results, not an error page
        if not params:
            assert "Huisartsenpraktijk Berg" in response.content.decode()
        assert "Geheime Wijkverpleging Ede" not in namen(response)
        assert "Geheime Wijkverpleging Ede" not in response.content.decode()
        assert "Ede Verpleegkundige" not in response.content.decode()
    eigen = "Huisartsenpraktijk Berg"  # positive control: the exports do list stein's own
    csv_text = rendered(client.get(reverse("netwerk:kaart_csv", args=["stein"])), eigen)
    vcf = rendered(client.get(reverse("netwerk:kaart_vcf", args=["stein"])), eigen)
    assert "Geheime" not in csv_text
    assert "Geheime" not in vcf


def test_htmx_request_gets_only_the_results(client, lid, gevuld):
    client.force_login(lid)
    response = client.get(reverse("netwerk:kaart", args=["stein"]), {"q": "berg"}, headers=HX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Huisartsenpraktijk Berg" in html
    assert "<html" not in html
    assert 'id="kaart-resultaten"' not in html
    assert "HX-Request" in response["Vary"]
    # A full page has the live search wired to the results region.
    page = kaart(client).content.decode()
    assert 'id="kaart-resultaten"' in page
    assert 'aria-live="polite"' in page
    assert 'hx-trigger="input changed delay:300ms, search"' in page
    assert 'hx-push-url="true"' in page


def test_history_restore_gets_the_whole_page(client, lid, gevuld):
    client.force_login(lid)
    response = client.get(
        reverse("netwerk:kaart", args=["stein"]),
        {"q": "berg"},
        headers={**HX, "HX-History-Restore-Request": "true"},
    )
    assert "<html" in response.content.decode()


def test_search_works_without_javascript(client, lid, gevuld):
    client.force_login(lid)
    html = kaart(client).content.decode()
    assert 'method="get"' in html
    assert 'type="submit"' in html
    assert f'action="{reverse("netwerk:kaart", args=["stein"])}"' in html


def test_a_search_of_10000_characters_gets_a_friendly_answer(
    client, lid, gevuld, django_assert_max_num_queries
):
    client.force_login(lid)
    with django_assert_max_num_queries(6):
        response = kaart(client, q="wijk" * 2500)
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["organisaties"] == []
    assert "Zoek met hoogstens 200 tekens (je gebruikte er 10000)." in html
    hx = client.get(reverse("netwerk:kaart", args=["stein"]), {"q": "x" * 10_000}, headers=HX)
    assert hx.status_code == 200
    assert "Zoek met hoogstens 200 tekens" in hx.content.decode()
    export = client.get(reverse("netwerk:kaart_csv", args=["stein"]), {"q": "x" * 10_000})
    assert export.status_code == 400


def test_unknown_filter_values_get_a_friendly_answer(client, lid, gevuld):
    client.force_login(lid)
    response = kaart(client, soort="ruimtevaart", wijk="Atlantis")
    assert response.status_code == 200
    assert response.context["ongeldig"]
    assert set(response.context["form"].errors) == {"soort", "wijk"}


def _csv(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_csv_export_has_dutch_headers_and_a_row_per_person(client, lid, gevuld):
    client.force_login(lid)
    response = client.get(reverse("netwerk:kaart_csv", args=["stein"]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="sociale-kaart-stein.csv"' in response["Content-Disposition"]
    rows = _csv(response)
    assert rows[0][:3] == ["Organisatie", "Soort", "Groep"]
    assert "Bel mij voor" in rows[0]
    assert "Laatst bevestigd" in rows[0]
    personen = [row[rows[0].index("Naam")] for row in rows[1:]]
    assert sorted(personen) == ["Hans Smeets", "Lotte Lid", "Marloes Jansen", "Wendy Verbeek"]
    wendy = next(row for row in rows[1:] if row[rows[0].index("Naam")] == "Wendy Verbeek")
    assert wendy[rows[0].index("Functie")] == "Wijkverpleegkundige"
    assert wendy[rows[0].index("Soort")] == "Wijkverpleging"
    assert wendy[rows[0].index("Groep")] == "Ontwerpgroep"


def test_csv_export_honours_the_filters(client, lid, gevuld):
    client.force_login(lid)
    rows = _csv(
        client.get(reverse("netwerk:kaart_csv", args=["stein"]), {"soort": "wijkverpleging"})
    )
    assert [row[0] for row in rows[1:]] == ["Thuiszorg Westelijke Mijnstreek"]


def test_csv_export_defuses_formulas(client, lid, praktijk):
    organisatie = OrganisatieFactory(naam='=HYPERLINK("http://kwaad.example")', telefoon="+31 46 1")
    DeelnameFactory(praktijk=praktijk, organisatie=organisatie)
    PersoonFactory(organisatie=organisatie, naam="@SUM(1+1)", functie="-2+3", bel_mij_voor="gewoon")
    client.force_login(lid)
    rows = _csv(client.get(reverse("netwerk:kaart_csv", args=["stein"]), {"q": "kwaad"}))
    [row] = rows[1:]
    header = rows[0]
    assert row[0] == '\'=HYPERLINK("http://kwaad.example")'
    assert row[header.index("Naam")] == "'@SUM(1+1)"
    assert row[header.index("Functie")] == "'-2+3"
    assert row[header.index("Telefoon organisatie")] == "'+31 46 1"
    assert row[header.index("Bel mij voor")] == "gewoon"


def test_csv_cell_quotes_every_formula_start():
    for start in ["=", "+", "-", "@", "\t", "\r"]:
        assert csv_cell(f"{start}1").startswith("'")
    assert csv_cell("Stein") == "Stein"
    assert csv_cell(None) == ""


def test_vcard_export_has_a_card_per_person_and_per_organisation(client, lid, gevuld):
    client.force_login(lid)
    response = client.get(reverse("netwerk:kaart_vcf", args=["stein"]), {"q": "wijkverpleeg"})
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert 'filename="sociale-kaart-stein.vcf"' in response["Content-Disposition"]
    text = response.content.decode()
    assert text.count("BEGIN:VCARD\r\n") == 2
    assert text.count("VERSION:3.0\r\n") == 2
    assert "FN:Thuiszorg Westelijke Mijnstreek\r\n" in text
    assert "FN:Wendy Verbeek\r\n" in text
    assert "ORG:Thuiszorg Westelijke Mijnstreek\r\n" in text
    assert "TITLE:Wijkverpleegkundige\r\n" in text
    assert "TEL;TYPE=WORK,VOICE:06 11122233\r\n" in text
    assert "EMAIL;TYPE=INTERNET:wendy@thuiszorg.example\r\n" in text
    assert "NOTE:Bel mij voor: Zorg thuis die niet meer gaat\\, overbelaste" in text.replace(
        "\r\n ", ""
    )
    assert "Steunpunt" not in text


def test_vcard_escapes_and_folds_long_lines(client, lid, praktijk):
    organisatie = OrganisatieFactory(naam="Welzijn; Stein, en\nomgeving")
    DeelnameFactory(praktijk=praktijk, organisatie=organisatie)
    PersoonFactory(organisatie=organisatie, naam="Lange Notitie", bel_mij_voor="ë" * 100)
    client.force_login(lid)
    text = client.get(reverse("netwerk:kaart_vcf", args=["stein"])).content.decode()
    assert "ORG:Welzijn\\; Stein\\, en\\nomgeving\r\n" in text
    for line in text.split("\r\n"):
        assert len(line.encode()) <= 75
    assert ("Bel mij voor: " + "ë" * 100) in text.replace("\r\n ", "")


def _vul_kaart(praktijk, n: int, *, vanaf: int = 0) -> None:
    """n organisations named "Organisatie 001" and on, each with two district nurses."""
    zorg = domeinen("zorg", "wonen")
    for i in range(vanaf, vanaf + n):
        organisatie = OrganisatieFactory(naam=f"Organisatie {i + 1:03}", wijken=f"Wijk {i}, Stein")
        organisatie.levensdomeinen.set(zorg)
        DeelnameFactory(praktijk=praktijk, organisatie=organisatie)
        PersoonFactory.create_batch(2, organisatie=organisatie, functie="Wijkverpleegkundige")


def _queries(client, **params) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as queries:
        response = kaart(client, **params)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.usefixtures("login_read_every_time")
@pytest.mark.parametrize("params", [{}, {"q": "wijkverpleeg", "domein": "zorg", "wijk": "Stein"}])
def test_social_map_makes_the_same_number_of_queries_for_5_or_60_organisations(
    client, lid, praktijk, params
):
    """Session, user, access, neighbourhoods, the count, the page, its domains and its people,
    the number of people: nine, for the first page and the last, whatever the size."""
    client.force_login(lid)
    _vul_kaart(praktijk, 5)
    klein = [_queries(client, **params, pagina=p)[0] for p in ["1", "999"]]
    _vul_kaart(praktijk, 55, vanaf=5)
    groot = []
    for p, op_pagina in [("1", 25), ("999", 10 if params else 11)]:
        aantal, response = _queries(client, **params, pagina=p)
        groot.append(aantal)
        assert len(response.context["organisaties"]) == op_pagina
        # The `lid`'s own organisation is on the map too, but has no one called a district nurse.
        assert response.context["aantal_organisaties"] == 60 + (0 if params else 1)
        assert response.context["aantal_personen"] == 120 + (0 if params else 1)
    assert klein == groot
    assert max(groot) <= 9


@pytest.mark.parametrize("name", ["kaart_csv", "kaart_vcf"])
def test_exports_hold_every_organisation_not_a_page(
    client, lid, praktijk, name, django_assert_max_num_queries
):
    _vul_kaart(praktijk, 60)
    client.force_login(lid)
    with django_assert_max_num_queries(7):
        response = client.get(reverse(f"netwerk:{name}", args=["stein"]), {"pagina": "2"})
    text = response.content.decode()
    for i in range(1, 61):
        assert f"Organisatie {i:03}" in text
    assert "Steunpunt Mantelzorg Stein" in text


def test_the_map_shows_25_organisations_a_page_by_name(client, lid, praktijk):
    _vul_kaart(praktijk, 60)
    client.force_login(lid)
    eerste = kaart(client)
    assert namen(eerste) == [f"Organisatie {i:03}" for i in range(1, 26)]
    html = eerste.content.decode()
    assert "61 organisaties, 121 personen" in " ".join(html.split())
    assert "Pagina 1 van 3: organisaties 1 tot en met 25." in html
    assert namen(kaart(client, pagina="2")) == [f"Organisatie {i:03}" for i in range(26, 51)]
    assert namen(kaart(client, pagina="3")) == [
        *[f"Organisatie {i:03}" for i in range(51, 61)],
        "Steunpunt Mantelzorg Stein",
    ]


def test_a_search_result_pages_too_and_its_links_keep_the_search(client, lid, praktijk):
    _vul_kaart(praktijk, 30)
    client.force_login(lid)
    response = client.get(
        reverse("netwerk:kaart", args=["stein"]),
        {"q": "wijkverpleeg", "domein": "zorg", "pagina": "2"},
        headers=HX,
    )
    assert namen(response) == [f"Organisatie {i:03}" for i in range(26, 31)]
    html = response.content.decode()
    base = reverse("netwerk:kaart", args=["stein"])
    assert f'href="{base}?q=wijkverpleeg&amp;domein=zorg&amp;pagina=1"' in html
    # The downloads hold the whole search, whatever page is shown.
    csv_url = reverse("netwerk:kaart_csv", args=["stein"])
    assert f'href="{csv_url}?q=wijkverpleeg&amp;domein=zorg"' in html
    # The search form has no page field: typing or choosing a filter starts at page one again.
    assert 'name="pagina"' not in kaart(client, q="wijkverpleeg", pagina="2").content.decode()


def test_page_navigation_is_accessible_and_dutch(client, lid, praktijk):
    _vul_kaart(praktijk, 60)
    client.force_login(lid)
    html = kaart(client, q="organisatie", pagina="2").content.decode()
    nav = html.split('<nav class="utrecht-pagination')[1].split("</nav>")[0]
    assert 'aria-label="Pagina\'s van de sociale kaart"' in nav
    assert nav.count('aria-current="page"') == 1
    base = reverse("netwerk:kaart", args=["stein"])
    huidig = nav.split('aria-current="page"')[1].split("</a>")[0]
    assert f'href="{base}?q=organisatie&amp;pagina=2"' in huidig
    assert '<span class="lp-visually-hidden">Pagina </span>2' in huidig
    assert '<span class="lp-visually-hidden">Pagina </span>1</a>' in nav
    assert '<span class="lp-visually-hidden">Pagina </span>3</a>' in nav
    assert (
        'rel="prev"' in nav and 'Vorige<span class="lp-visually-hidden"> (pagina 1)</span>' in nav
    )
    assert (
        'rel="next"' in nav and 'Volgende<span class="lp-visually-hidden"> (pagina 3)</span>' in nav
    )


def test_one_page_has_no_page_navigation(client, lid, gevuld):
    client.force_login(lid)
    html = kaart(client).content.decode()
    assert "utrecht-pagination" not in html
    assert "Pagina 1 van" not in html


@pytest.mark.parametrize(
    ("pagina", "verwacht"),
    [
        ("abc", 1),
        ("", 1),
        ("0", 1),
        ("-3", 1),
        ("2.5", 1),
        ("9" * 5000, 1),  # more digits than Python turns into an integer: garbage
        ("4", 3),
        ("99999999999999999999", 3),
        (" 2 ", 2),
    ],
)
def test_a_page_out_of_range_or_garbage_shows_the_first_or_the_last(
    client, lid, praktijk, pagina, verwacht
):
    _vul_kaart(praktijk, 60)
    client.force_login(lid)
    response = kaart(client, pagina=pagina)
    assert response.status_code == 200
    assert response.context["pagina"].number == verwacht
    hx = client.get(reverse("netwerk:kaart", args=["stein"]), {"pagina": pagina}, headers=HX)
    assert hx.status_code == 200
    assert hx.context["pagina"].number == verwacht


def test_neighbourhood_filter_ignores_case_spaces_and_punctuation(client, lid, praktijk):
    for naam, wijken in [
        ("Buurtteam Elsloo", "Elsloo,berg"),
        ("Kerk Sint Joost", " St. Joost (Echt) , Stein"),
        ("Sint Joost-achtig", "St. Joostx (Echt)"),
    ]:
        DeelnameFactory(praktijk=praktijk, organisatie=OrganisatieFactory(naam=naam, wijken=wijken))
    client.force_login(lid)
    keuzes = [w for w, _label in kaart(client).context["form"].fields["wijk"].choices]
    assert "St. Joost (Echt)" in keuzes
    assert namen(kaart(client, wijk="berg")) == ["Buurtteam Elsloo"]
    assert namen(kaart(client, wijk="St. Joost (Echt)")) == ["Kerk Sint Joost"]
