"""The practice's vocabulary: the starting list, suggesting and settling, the public glossary,
and the terms marked where they appear."""

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from begrippen.models import Begrip
from begrippen.startlijst import STARTLIJST
from condities.models import Stelling
from tests.factories import PraktijkFactory

pytestmark = pytest.mark.django_db


def render(tekst: str, praktijk) -> str:
    return Template("{% load begrippen %}{{ tekst|begrippen:praktijk }}").render(
        Context({"tekst": tekst, "praktijk": praktijk})
    )


def test_a_new_practice_gets_the_starting_list_settled():
    praktijk = PraktijkFactory(slug="nieuw")
    termen = set(Begrip.objects.filter(praktijk=praktijk).values_list("term", flat=True))
    assert {"mantelzorger", "respijtzorg", "lerende praktijk", "werkvorm"} <= termen
    assert len(termen) == len(STARTLIJST)
    assert not Begrip.objects.filter(praktijk=praktijk).exclude(status="vastgesteld").exists()


def test_a_member_suggests_and_the_facilitator_settles(client, praktijk, lid, facilitator):
    client.force_login(lid)
    response = client.post(
        reverse("begrippen:voorstellen", args=["stein"]),
        {
            "term": "Casemanager",
            "definitie": "Iemand die alles regelt.",
            "zo_zeggen_mantelzorgers": "",
        },
    )
    assert response.status_code == 302
    begrip = Begrip.objects.get(praktijk=praktijk, term="Casemanager")
    assert begrip.status == "voorgesteld" and begrip.voorgesteld_door == lid
    # The member cannot settle it.
    url = reverse("begrippen:bewerken", args=["stein", begrip.pk])
    assert client.get(url).status_code == 403
    lijst = client.get(reverse("begrippen:lijst", args=["stein"])).content.decode()
    assert "Casemanager" in lijst and "voorgesteld" in lijst
    # Not on the public glossary yet.
    openbaar = reverse("begrippen:woordenlijst", args=["stein"])
    assert "Casemanager" not in client.get(openbaar).content.decode()

    client.force_login(facilitator)
    response = client.post(
        url,
        {"term": "Casemanager", "definitie": "Iemand die de zorg regelt.", "status": "vastgesteld"},
    )
    assert response.status_code == 302
    begrip.refresh_from_db()
    assert begrip.status == "vastgesteld"
    assert "Casemanager" in client.get(openbaar).content.decode()


def test_a_term_already_on_the_list_is_refused_in_any_case(client, praktijk, lid):
    client.force_login(lid)
    response = client.post(
        reverse("begrippen:voorstellen", args=["stein"]),
        {"term": "RESPIJTZORG", "definitie": "Dubbel."},
    )
    assert response.status_code == 200
    assert "staat al in de lijst" in response.content.decode()
    assert Begrip.objects.filter(praktijk=praktijk, term__iexact="respijtzorg").count() == 1


def test_the_facilitator_removes_a_term(client, praktijk, facilitator):
    begrip = Begrip.objects.get(praktijk=praktijk, term="kerngroep")
    client.force_login(facilitator)
    response = client.post(reverse("begrippen:verwijderen", args=["stein", begrip.pk]))
    assert response.status_code == 302
    assert not Begrip.objects.filter(pk=begrip.pk).exists()
    assert Begrip.objects.filter(praktijk=praktijk, term="naaste").exists()


def test_another_practices_term_is_404(client, praktijk, andere_praktijk, facilitator):
    ander = Begrip.objects.get(praktijk=andere_praktijk, term="naaste")
    client.force_login(facilitator)
    assert client.get(reverse("begrippen:bewerken", args=["stein", ander.pk])).status_code == 404
    response = client.post(reverse("begrippen:verwijderen", args=["stein", ander.pk]))
    assert response.status_code == 404
    assert Begrip.objects.filter(pk=ander.pk).exists()
    # Positive control: the own practice's term opens.
    eigen = Begrip.objects.get(praktijk=praktijk, term="naaste")
    assert client.get(reverse("begrippen:bewerken", args=["stein", eigen.pk])).status_code == 200


def test_the_public_glossary_shows_settled_terms_only_without_login(client, praktijk):
    Begrip.objects.create(praktijk=praktijk, term="Buurtcirkel", definitie="Nog niet vast.")
    response = client.get(reverse("begrippen:woordenlijst", args=["stein"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="begrip-respijtzorg"' in html and "<dfn>respijtzorg</dfn>" in html
    assert "Buurtcirkel" not in html
    assert client.get(reverse("begrippen:woordenlijst", args=["bestaat-niet"])).status_code == 404


def test_the_filter_marks_a_settled_term_and_not_a_suggested_one(praktijk):
    Begrip.objects.create(praktijk=praktijk, term="buurtcirkel", definitie="Voorgesteld.")
    html = render("Respijtzorg helpt. Respijtzorg weer, en de buurtcirkel.", praktijk)
    assert html.count('class="lp-begrip"') == 1  # only the first occurrence
    link = '<a class="lp-begrip" href="/p/stein/begrippen/#begrip-respijtzorg">'
    assert f"{link}<dfn>Respijtzorg</dfn></a>" in html
    assert "buurtcirkel" in html and "begrip-buurtcirkel" not in html


def test_the_filter_matches_whole_words_only(praktijk):
    html = render("De naasten en de naaste.", praktijk)
    assert "naasten" in html and html.count("lp-begrip") == 1
    assert "<dfn>naaste</dfn></a>." in html


def test_the_filter_escapes_html_in_text_and_term(praktijk):
    Begrip.objects.create(
        praktijk=praktijk, term="<b>x</b>", definitie="Vreemd.", status="vastgesteld"
    )
    html = render('<script>alert("x")</script> de mantelzorger en <b>x</b>', praktijk)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>" not in html
    assert "<dfn>mantelzorger</dfn>" in html


def _vragen(client, sessie) -> tuple[str, int]:
    url = reverse("condities:vragen", args=[sessie.code])
    client.get(url)  # warm up the session's caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_the_questions_page_marks_terms_with_a_fixed_number_of_queries(client, praktijk, sessie):
    client.post(
        reverse("condities:doe_mee_code", args=[sessie.code]),
        {"naam": "", "organisatie": "mantelzorger", "email": ""},
    )
    html, _n = _vragen(client, sessie)
    stelling = Stelling.objects.filter(set=sessie.stellingenset).order_by("pk").first()
    assert stelling.tekst in html  # positive control: the statements are on the page
    woord = stelling.tekst.split()[-1].strip(".,?!")
    Begrip.objects.create(praktijk=praktijk, term=woord, definitie="Uitleg.", status="vastgesteld")
    html, voor = _vragen(client, sessie)
    assert f"<dfn>{woord}</dfn>" in html
    Begrip.objects.bulk_create(
        Begrip(praktijk=praktijk, term=f"extra{i}", definitie="x", status="vastgesteld")
        for i in range(10)
    )
    _html, na = _vragen(client, sessie)
    assert na == voor


def test_the_questions_page_asks_the_shared_cache_for_the_terms_not_once_per_statement(
    client, praktijk, sessie
):
    """Five marked statements read the practice's terms once from this worker's memory
    (issue #13: five Redis round trips per page of every phone before)."""
    from unittest import mock

    from django.core.cache import cache

    client.post(
        reverse("condities:doe_mee_code", args=[sessie.code]),
        {"naam": "", "organisatie": "mantelzorger", "email": ""},
    )
    stelling = Stelling.objects.filter(set=sessie.stellingenset).order_by("pk").first()
    woord = stelling.tekst.split()[-1].strip(".,?!")
    Begrip.objects.create(praktijk=praktijk, term=woord, definitie="Uitleg.", status="vastgesteld")
    sleutels = []
    echt = cache.get

    def meetellen(key, *args, **kwargs):
        sleutels.append(key)
        return echt(key, *args, **kwargs)

    with mock.patch.object(cache, "get", meetellen):
        html, _n = _vragen(client, sessie)
    assert f"<dfn>{woord}</dfn>" in html
    assert sum(1 for k in sleutels if str(k).startswith("begrippen:")) <= 1
