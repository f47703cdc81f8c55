"""Every form of the project under hostile input: never a 500, nothing stored from a refused post.

Each target starts from a valid payload; Hypothesis keeps, replaces or drops each field (text with
control characters, NUL bytes, RTL marks, emoji, 10,000+ characters; numbers like NaN, 1e309 and
huge ones; impossible dates; several values for one field) and adds junk fields.
"""

import datetime
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from condities.models import (
    Actie,
    Antwoord,
    Conditie,
    ConditieScore,
    Deelnemer,
    Inbreng,
    OpenVraag,
    PapierTelling,
    Sessie,
    Stelling,
    Stellingenset,
    Stem,
)
from experimenten.models import Experiment, Fase, Indicator, Meting, Niveau, Opbrengst, Tussenstap
from mantelzorg.forms import tijdstempel
from mantelzorg.models import MantelzorgFormulier, Reactie, ReactieConditie, Relatie
from netwerk.models import (
    Afspraak,
    BelangenVersie,
    Deelname,
    DeelnameWijziging,
    Genodigde,
    Groep,
    Levensdomein,
    Organisatie,
    Persoon,
    Uitnodiging,
    User,
)
from praktijken.models import (
    Bijeenkomst,
    Gebeurtenis,
    Lidmaatschap,
    Ontwerpvraag,
    Praktijk,
    Rol,
    Verhaal,
)
from relaties.models import (
    BelangenDeelnemer,
    Belangenronde,
    Kaartpositie,
    RelatieAntwoord,
    Relatieronde,
    RondeDeelnemer,
    Stap,
)
from tests.attacks.fuzz import (
    APPS,
    FORMULIER_422,
    FUZZ,
    GEWEIGERD_400,
    Doel,
    Veld,
    attack,
    attack_edge_cases,
    concrete_path,
    date_values,
    field_values,
    join,
    multi_values,
    number_values,
    stein,
    url,
    url_patterns,
)
from tests.attacks.test_fuzz_htmx import KNOPPEN  # the buttons: endpoints without fields
from tests.factories.netwerk import PASSWORD

pytestmark = pytest.mark.django_db

TEKST = "Een gewone tekst."


def ids(*objects) -> tuple[str, ...]:
    return tuple(str(o.pk) for o in objects)


def datum(*valid):
    return date_values(*valid, "2025-12-31")


def ok_or_htmx_200(response) -> bool:
    return response.status_code in (200, 301, 302, 303) and not _form_errors(response)


def _form_errors(response) -> bool:
    for name in ("form", "stap_form"):
        form = response.context.get(name) if response.context else None
        if form is not None and getattr(form, "is_bound", False) and form.errors:
            return True
    return False


def bevestigd(response) -> bool:
    return response.status_code == 200 and bool(response.context and response.context["bevestigd"])


def rol_gewijzigd(response) -> bool:
    if response.status_code in (301, 302, 303):
        return True
    return response.status_code == 200 and not (response.context and response.context["fout"])


# -- practice --------------------------------------------------------------------------------


def _bijeenkomst_fields(w) -> dict:
    return {
        "soort": field_values(*Bijeenkomst.Soort.values),
        "begint_op": datum("2026-06-15T10:00"),
        "eindigt_op": datum("2026-06-15T09:00"),
    }


PRAKTIJKEN = [
    Doel(
        name="praktijken:bewerken",
        persona="facilitator",
        url=stein("praktijken:bewerken"),
        base=lambda w: {
            "naam": "Lerende praktijk Stein",
            "gemeente": "Stein",
            "kernthema": "Samen sterk",
            "ambitie": TEKST,
            "beschrijving": TEKST,
            "startdatum": "2026-01-01",
            "einddatum": "2027-01-01",
            "status": "actief",
        },
        fields=lambda w: {
            "startdatum": datum(),
            "einddatum": datum(),
            "status": field_values(*Praktijk.Status.values),
        },
        models=(Praktijk,),
    ),
    Doel(
        name="praktijken:bijeenkomst_nieuw",
        persona="kerngroeplid",
        url=stein("praktijken:bijeenkomst_nieuw"),
        base=lambda w: {
            "titel": "Kerngroep",
            "soort": "kerngroep",
            "begint_op": "2026-06-15T10:00",
            "eindigt_op": "2026-06-15T12:00",
            "locatie": "Gemeentehuis",
            "planner": "Anna",
            "notulist": "Bert",
            "agenda": "Welkom\nRondje",
        },
        fields=_bijeenkomst_fields,
        models=(Bijeenkomst,),
        show=lambda w: [
            url("praktijken:bijeenkomsten", slug="stein"),
            url("overzicht:dashboard", slug="stein"),
        ],
    ),
    Doel(
        name="praktijken:bijeenkomst_bewerken",
        persona="kerngroeplid",
        url=stein("praktijken:bijeenkomst_bewerken", "bijeenkomst"),
        base=lambda w: {
            "titel": "Kerngroep",
            "soort": "kerngroep",
            "begint_op": "2026-06-15T10:00",
            "eindigt_op": "",
            "locatie": "",
            "planner": "",
            "notulist": "",
            "agenda": "",
            "verslag": TEKST,
        },
        fields=_bijeenkomst_fields,
        models=(Bijeenkomst,),
        show=lambda w: [
            url("praktijken:bijeenkomst_ics", slug="stein", pk=w.bijeenkomst.pk),
            url("praktijken:bijeenkomsten", slug="stein"),
            url("overzicht:dashboard", slug="stein"),
        ],
    ),
    Doel(
        name="praktijken:bijeenkomst_afzeggen",
        persona="kerngroeplid",
        url=stein("praktijken:bijeenkomst_afzeggen", "nieuwe_bijeenkomst"),
        base=lambda w: {},
        models=(Bijeenkomst,),
        statuses=frozenset({302}),
        show=lambda w: [url("praktijken:bijeenkomsten", slug="stein")],
    ),
    Doel(
        name="praktijken:ontwerpvraag_nieuw",
        persona="kerngroeplid",
        url=stein("praktijken:ontwerpvraag_nieuw"),
        base=lambda w: {"vraag": "Hoe kunnen we samen?", "toelichting": TEKST, "volgorde": "1"},
        fields=lambda w: {"volgorde": number_values()},
        models=(Ontwerpvraag,),
    ),
    Doel(
        name="praktijken:ontwerpvraag_bewerken",
        persona="kerngroeplid",
        url=stein("praktijken:ontwerpvraag_bewerken", "ontwerpvraag"),
        base=lambda w: {"vraag": "Hoe kunnen we beter?", "toelichting": "", "volgorde": "2"},
        fields=lambda w: {"volgorde": number_values()},
        models=(Ontwerpvraag,),
    ),
    Doel(
        name="praktijken:verhaal_nieuw",
        persona="lid",
        url=lambda w: url("praktijken:verhaal_nieuw", slug="stein") + "?ontwerpvraag=1e309",
        base=lambda w: {
            "titel": "Het werkte",
            "wat_werkte": TEKST,
            "wie_maakte_het_mogelijk": "",
            "meer_van": "",
            "verteller": "een mantelzorger",
            "ontwerpvraag": str(w.ontwerpvraag.pk),
        },
        fields=lambda w: {"ontwerpvraag": field_values(*ids(w.ontwerpvraag, w.andere_vraag))},
        models=(Verhaal,),
    ),
    Doel(
        name="praktijken:verhaal_bewerken",
        persona="kerngroeplid",
        url=stein("praktijken:verhaal_bewerken", "verhaal"),
        base=lambda w: {
            "titel": "Het werkte",
            "wat_werkte": TEKST,
            "ontwerpvraag": "",
        },
        fields=lambda w: {"ontwerpvraag": field_values(*ids(w.ontwerpvraag, w.andere_vraag))},
        models=(Verhaal,),
    ),
    Doel(
        name="praktijken:verhaal_delen",
        persona="kerngroeplid",
        url=stein("praktijken:verhaal_delen", "verhaal"),
        base=lambda w: {"delen": "true"},
        fields=lambda w: {"delen": field_values("true", "false")},
        models=(Verhaal, Gebeurtenis),
    ),
]

# -- network -------------------------------------------------------------------------------

NETWERK = [
    # Meetings that reach everyone: who plans, writes the minutes and is invited; the minutes.
    Doel(
        name="netwerk:bijeenkomst_mensen",
        persona="kerngroeplid",
        url=stein("netwerk:bijeenkomst_mensen", "bijeenkomst"),
        base=lambda w: {
            "planner": str(w.persoon.pk),
            "notulist": "",
            "genodigden": str(w.persoon.pk),
        },
        fields=lambda w: {
            "planner": field_values(str(w.persoon.pk), ""),
            "notulist": field_values(str(w.persoon.pk), ""),
            "genodigden": field_values(str(w.persoon.pk), ""),
            "groepen": field_values("", *Groep.values),
        },
        models=(Genodigde, Bijeenkomst, Gebeurtenis),
        statuses=FORMULIER_422,
    ),
    Doel(
        name="netwerk:bijeenkomst_verslag",
        persona="kerngroeplid",
        url=stein("netwerk:bijeenkomst_verslag", "bijeenkomst"),
        base=lambda w: {"verslag": TEKST},
        fields=lambda w: {"publiceren": field_values("1", "")},
        models=(Genodigde, Bijeenkomst, Gebeurtenis),
        statuses=FORMULIER_422,
    ),
    Doel(
        name="netwerk:deelname_nieuw",
        persona="kerngroeplid",
        url=stein("netwerk:deelname_nieuw"),
        base=lambda w: {
            "organisatie": "",
            "nieuwe_naam": "Buurtzorg Stein",
            "nieuwe_soort": "wijkverpleging",
            "groep": "ontwerpgroep",
            "belangen": TEKST,
            "bijdrage": TEKST,
            "tijdsinvestering": "2 uur per maand",
        },
        fields=lambda w: {
            "organisatie": field_values(*ids(w.organisatie, w.andere_organisatie)),
            "nieuwe_soort": field_values(*Organisatie.Soort.values),
            "groep": field_values(*Groep.values),
        },
        models=(Deelname, Organisatie, DeelnameWijziging),
    ),
    Doel(
        name="netwerk:deelname_bewerken",
        persona="kerngroeplid",
        url=stein("netwerk:deelname_bewerken", "deelname"),
        base=lambda w: {
            "groep": "kerngroep",
            "belangen": TEKST,
            "bijdrage": "",
            "tijdsinvestering": "",
        },
        fields=lambda w: {"groep": field_values(*Groep.values)},
        models=(Deelname, DeelnameWijziging),
    ),
    Doel(
        name="netwerk:belangen_bewerken",
        persona="lid",  # the lid's own organisation
        url=stein("netwerk:belangen_bewerken", "deelname"),
        base=lambda w: {
            "belangen": TEKST,
            "bijdrage": TEKST,
            "tijdsinvestering": "4 uur per maand",
            "verwachting": TEKST,
        },
        fields=lambda w: {},
        models=(Deelname, BelangenVersie),
        statuses=FORMULIER_422,
    ),
    Doel(
        name="netwerk:afspraak_nieuw",
        persona="kerngroeplid",
        url=stein("netwerk:afspraak_nieuw"),
        base=lambda w: {"onderwerp": "planning", "afspraak": TEKST, "wie": "Anna"},
        fields=lambda w: {"onderwerp": field_values(*Afspraak.Onderwerp.values)},
        models=(Afspraak,),
    ),
    Doel(
        name="netwerk:afspraak_bewerken",
        persona="kerngroeplid",
        url=stein("netwerk:afspraak_bewerken", "afspraak"),
        base=lambda w: {"onderwerp": "tijd", "afspraak": TEKST, "wie": ""},
        fields=lambda w: {"onderwerp": field_values(*Afspraak.Onderwerp.values)},
        models=(Afspraak,),
    ),
    Doel(
        name="netwerk:organisatie_bewerken",
        persona="lid",
        url=stein("netwerk:organisatie_bewerken", "organisatie"),
        base=lambda w: {
            "naam": "Steunpunt Mantelzorg Stein",
            "soort": "mantelzorgsteunpunt",
            "beschrijving": TEKST,
            "levensdomeinen": ["zorg", "welzijn"],
            "telefoon": "046 123 45 67",
            "email": "info@steunpunt.example",
            "website": "https://steunpunt.example",
            "straat": "Markt 1",
            "postcode": "6171 AA",
            "plaats": "Stein",
            "wijken": "Centrum, Kerensheide",
        },
        fields=lambda w: {
            "soort": field_values(*Organisatie.Soort.values),
            "levensdomeinen": multi_values(*Levensdomein.Code.values),
            "email": field_values("a@b.example", "a@b", "@", "a@" + "b" * 300 + ".example"),
            "website": field_values("http://x", "ftp://x.example", "https://" + "x" * 300),
            "klopt_nog": field_values("1"),
        },
        models=(Organisatie, Organisatie.levensdomeinen.through),
    ),
    Doel(
        name="netwerk:persoon_nieuw",
        persona="lid",
        url=stein("netwerk:persoon_nieuw", "organisatie"),
        base=lambda w: {
            "naam": "Nieuwe Collega",
            "functie": "Consulent",
            "telefoon": "06 12345678",
            "email": "collega@steunpunt.example",
            "expertise": "Respijtzorg",
            "bel_mij_voor": TEKST,
            "is_contactpersoon": "on",
        },
        fields=lambda w: {"is_contactpersoon": field_values("on", "true", "false", "0")},
        models=(Persoon,),
    ),
    Doel(
        name="netwerk:persoon_bewerken",
        persona="lid",
        url=stein("netwerk:persoon_bewerken", "persoon"),
        base=lambda w: {"naam": "Piet Persoon", "email": "", "telefoon": ""},
        fields=lambda w: {"is_contactpersoon": field_values("on", "true", "false", "0")},
        models=(Persoon,),
    ),
    Doel(
        name="netwerk:uitnodigen",
        persona="facilitator",
        url=stein("netwerk:uitnodigen"),
        base=lambda w: {
            "email": "nieuw@stein.example",
            "naam": "Nieuw Lid",
            "rol": "lid",
            "organisatie": str(w.organisatie.pk),
        },
        fields=lambda w: {
            "email": field_values("x@y.example", "FACILITATOR@stein.example", "a@b"),
            "rol": field_values(*Rol.values),
            "organisatie": field_values(*ids(w.organisatie, w.andere_organisatie)),
        },
        models=(Uitnodiging, Lidmaatschap),
    ),
    Doel(
        name="netwerk:lid_rol",
        persona="facilitator",
        url=stein("netwerk:lid_rol", "lidmaatschap"),
        base=lambda w: {"rol": "kerngroeplid"},
        fields=lambda w: {"rol": field_values(*Rol.values)},
        models=(Lidmaatschap,),
        htmx=True,
        ok=rol_gewijzigd,
    ),
    Doel(
        name="netwerk:uitnodiging_accepteren",
        persona="anonymous",
        url=lambda w: url("netwerk:uitnodiging_accepteren", token=w.open_uitnodiging().token),
        base=lambda w: {
            "methode": "wachtwoord",
            "naam": "Nieuwe Genodigde",
            "password1": "Xy!9lang-genoeg-ww",
            "password2": "Xy!9lang-genoeg-ww",
        },
        fields=lambda w: {"methode": field_values("wachtwoord", "code")},
        models=(User, Lidmaatschap, Persoon),
        fresh_session=True,
    ),
    Doel(
        name="netwerk:bevestigen",
        persona="anonymous",
        url=lambda w: url("netwerk:bevestigen", token=w.bevestiging_token),
        base=lambda w: {},
        models=(Organisatie,),
        ok=bevestigd,
    ),
]

# -- experiments ---------------------------------------------------------------------------


def _experiment_base(w) -> dict:
    return {
        "ontwerpvraag": str(w.ontwerpvraag.pk),
        "titel": "Samen een folder",
        "doel": TEKST,
        "niveau": "buurt",
        "fase": "verkennen",
        "status": "loopt",
        "eigenaar": "",
        "organisaties": [str(w.organisatie.pk)],
        "verhalen": [],
        "startdatum": "2026-01-01",
        "einddatum": "",
    }


def _experiment_fields(w) -> dict:
    return {
        "ontwerpvraag": field_values(*ids(w.ontwerpvraag, w.andere_vraag)),
        "niveau": field_values(*Niveau.values),
        "fase": field_values(*Fase.values),
        "status": field_values(*Experiment.Status.values),
        "eigenaar": field_values(*ids(w.persoon)),
        "organisaties": multi_values(*ids(w.organisatie, w.andere_organisatie)),
        "verhalen": multi_values(*ids(w.verhaal)),
        "startdatum": datum(),
        "einddatum": datum("2025-01-01"),
    }


EXPERIMENTEN = [
    Doel(
        name="experimenten:nieuw",
        persona="kerngroeplid",
        url=stein("experimenten:nieuw"),
        base=_experiment_base,
        fields=_experiment_fields,
        models=(Experiment, Experiment.organisaties.through),
    ),
    Doel(
        name="experimenten:bewerken",
        persona="lid",  # a member of an involved organisation may edit it
        url=stein("experimenten:bewerken", "experiment"),
        base=_experiment_base,
        fields=_experiment_fields,
        models=(Experiment, Experiment.organisaties.through),
    ),
    Doel(
        name="experimenten:stap_nieuw",
        persona="kerngroeplid",
        url=stein("experimenten:stap_nieuw", "experiment"),
        base=lambda w: {"stap-datum": "2026-01-05", "stap-wat": TEKST, "stap-wie": "Anna"},
        fields=lambda w: {"stap-datum": datum("2999-01-01")},
        models=(Tussenstap,),
        htmx=True,
        ok=ok_or_htmx_200,
    ),
    Doel(
        name="experimenten:opbrengst_nieuw",
        persona="kerngroeplid",
        url=stein("experimenten:opbrengst_nieuw", "experiment"),
        base=lambda w: {"opbrengst-soort": "tool", "opbrengst-beschrijving": TEKST},
        fields=lambda w: {"opbrengst-soort": field_values(*Opbrengst.Soort.values)},
        models=(Opbrengst,),
    ),
    Doel(
        name="experimenten:delen",
        persona="kerngroeplid",
        url=stein("experimenten:delen", "experiment"),
        base=lambda w: {"delen": "true"},
        fields=lambda w: {"delen": field_values("true", "false")},
        models=(Experiment, Gebeurtenis),
    ),
    Doel(
        name="experimenten:opbrengst_delen",
        persona="kerngroeplid",
        url=lambda w: url(
            "experimenten:opbrengst_delen",
            slug="stein",
            pk=w.experiment.pk,
            opbrengst_pk=w.opbrengst.pk,
        ),
        base=lambda w: {"delen": "true"},
        fields=lambda w: {"delen": field_values("true", "false")},
        models=(Opbrengst, Gebeurtenis),
    ),
    Doel(
        name="experimenten:indicator_nieuw",
        persona="lid",  # a member of an involved organisation may add one
        url=stein("experimenten:indicator_nieuw", "experiment"),
        base=lambda w: {
            "naam": TEKST,
            "eenheid": "verwijzingen",
            "nulmeting": "6",
            "streefwaarde": "25",
        },
        fields=lambda w: {
            "nulmeting": number_values("0", "-3", "12.25"),
            "streefwaarde": number_values("100", "0.5"),
        },
        models=(Indicator,),
        statuses=FORMULIER_422,
    ),
    Doel(
        name="experimenten:indicator_bewerken",
        persona="kerngroeplid",
        url=lambda w: url(
            "experimenten:indicator_bewerken",
            slug="stein",
            pk=w.experiment.pk,
            indicator_pk=w.indicator.pk,
        ),
        base=lambda w: {"naam": TEKST, "eenheid": "", "nulmeting": "", "streefwaarde": "10"},
        fields=lambda w: {"nulmeting": number_values("1"), "streefwaarde": number_values("2")},
        models=(Indicator,),
        statuses=FORMULIER_422,
    ),
    Doel(
        name="experimenten:meting_nieuw",
        persona="kerngroeplid",
        url=lambda w: url(
            "experimenten:meting_nieuw",
            slug="stein",
            pk=w.experiment.pk,
            indicator_pk=w.indicator.pk,
        ),
        base=lambda w: {"datum": "2026-03-31", "waarde": "12", "toelichting": TEKST},
        fields=lambda w: {"datum": datum("2999-01-01"), "waarde": number_values("0", "17.5")},
        models=(Meting,),
        statuses=FORMULIER_422,
    ),
    Doel(
        name="experimenten:afsluiten",
        persona="kerngroeplid",
        url=stein("experimenten:afsluiten", "experiment"),
        base=lambda w: {
            "status": "afgerond",
            "resultaat": TEKST,
            "lessen": TEKST,
            "tip": "",
            "einddatum": "2026-06-01",
        },
        fields=lambda w: {
            "status": field_values(*Experiment.Status.values),
            "einddatum": datum("1999-01-01"),
        },
        models=(Experiment,),
    ),
]

# -- conditions for collaboration ----------------------------------------------------------


def _papier_base(w) -> dict:
    data = {"formulieren": "10"}
    for stelling in Stelling.objects.filter(set=w.papier_sessie.stellingenset)[:3]:
        data[f"s{stelling.pk}_3"] = "2"
    return data


def _papier_fields(w) -> dict:
    stellingen = list(Stelling.objects.filter(set=w.papier_sessie.stellingenset)[:3])
    fields = {"formulieren": number_values()}
    for stelling in stellingen:
        for score in (0, 5):
            fields[f"s{stelling.pk}_{score}"] = number_values()
    # Every tally is the same kind of field: its edge cases once are enough.
    for name in list(fields)[2:]:
        fields[name] = Veld(fields[name].strategy)
    return fields


def _stellingen_base(w) -> dict:
    data = {}
    for code in Conditie.values:
        data |= {
            f"{code}-TOTAL_FORMS": "6",
            f"{code}-INITIAL_FORMS": "6",
            f"{code}-MIN_NUM_FORMS": "0",
            f"{code}-MAX_NUM_FORMS": "6",
            f"{code}-vragen-goed": "Wat gaat goed?",
            f"{code}-vragen-stap": "Wat is onze volgende stap?",
        }
        for i in range(6):
            data[f"{code}-{i}-tekst"] = f"Stelling {i} over {code}." if i < 4 else ""
    return data


def _stellingen_fields(w) -> dict:
    aantallen = number_values("0", "7", "1000", "99999999999999999999")
    return {
        "ambitie-TOTAL_FORMS": aantallen,
        "ambitie-INITIAL_FORMS": aantallen,
        "belangen-MAX_NUM_FORMS": aantallen,
        "ambitie-0-tekst": field_values("x" * 301),
        "ambitie-6-tekst": field_values("Een zevende stelling."),
        "proces-vragen-goed": field_values("x" * 301),
    }


def _checkin_fields(w) -> dict:
    stellingen = ids(*Stelling.objects.filter(set=w.sessie.stellingenset)[:3])
    personen = ids(w.user("lid"), w.user("kerngroeplid"), w.user("outsider"))
    return {
        "datum": datum(),
        "condities": multi_values(*Conditie.values),
        "herinnering_na_dagen": number_values(),
        "stellingen_ambitie": multi_values(*stellingen),
        "ontvangers": multi_values(*personen),
    }


def _mantelzorg_base(w) -> dict:
    return {
        "wat_gaat_goed": "De wijkverpleegkundige belde mij terug.",
        "meer_van": "",
        "kan_beter": "",
        "keer_verteld": "3",
        "relatie": "partner",
        "experiment": "",
        "naam": "",
        "email": "",
        "telefoon": "",
        "website": "",
        "begonnen": tijdstempel(praktijk_id=w.praktijk.pk, op=time.time() - 60),
    }


def _mantelzorg_fields(w) -> dict:
    return {
        "keer_verteld": number_values(),
        "weet_niet": field_values("on"),
        "relatie": field_values(*Relatie.values),
        "experiment": field_values(*ids(w.experiment)),
        "contact_toestemming": field_values("on"),
        "email": field_values("mies@voorbeeld.example"),
        "telefoon": field_values("06 12345678", "+31 (0)6-1234"),
        "begonnen": field_values(tijdstempel(praktijk_id=w.andere_praktijk.pk)),
    }


CONDITIES = [
    Doel(
        name="condities:bijeenkomst_sessie",
        persona="kerngroeplid",
        url=stein("condities:bijeenkomst_sessie", "bijeenkomst"),
        base=lambda w: {"sessie": ""},
        fields=lambda w: {"sessie": field_values(str(w.sessie.pk), "")},
        models=(Sessie, Gebeurtenis),
        statuses=GEWEIGERD_400,
    ),
    Doel(
        name="condities:sessie_nieuw",
        persona="facilitator",
        url=stein("condities:sessie_nieuw"),
        base=lambda w: {
            "titel": "Werkvorm najaar",
            "datum": "2026-10-01",
            "modus": "live",
            "condities": ["ambitie", "proces"],
        },
        fields=lambda w: {
            "datum": datum(),
            "modus": field_values(*Sessie.Modus.values),
            "condities": multi_values(*Conditie.values),
        },
        models=(Sessie,),
        statuses=FORMULIER_422,
    ),
    Doel(
        name="condities:actie_nieuw",
        persona="kerngroeplid",
        url=stein("condities:actie_nieuw", "sessie"),
        base=lambda w: {
            "conditie": "ambitie",
            "soort": "stap",
            "tekst": TEKST,
            "wie": "Anna",
            "wanneer": "2026-11-01",
        },
        fields=lambda w: {
            "conditie": field_values(*Conditie.values),
            "soort": field_values(*Actie.Soort.values),
            "wanneer": datum(),
        },
        models=(Actie,),
        statuses=FORMULIER_422,
    ),
    Doel(
        name="condities:actie_experiment",
        persona="kerngroeplid",
        url=lambda w: url(
            "condities:actie_experiment", slug="stein", pk=w.sessie.pk, actie_pk=w.open_actie().pk
        ),
        base=lambda w: {
            "ontwerpvraag": str(w.ontwerpvraag.pk),
            "titel": "Samen een folder",
            "doel": TEKST,
            "niveau": "buurt",
        },
        fields=lambda w: {
            "ontwerpvraag": field_values(*ids(w.ontwerpvraag, w.andere_vraag)),
            "niveau": field_values(*Niveau.values),
        },
        models=(Experiment, Actie),
        statuses=FORMULIER_422,
    ),
    Doel(
        name="condities:papier",
        persona="facilitator",
        url=stein("condities:papier", "papier_sessie"),
        base=_papier_base,
        fields=_papier_fields,
        models=(PapierTelling, Sessie),
        statuses=FORMULIER_422,
    ),
    Doel(
        name="condities:actie_bewerken",
        persona="facilitator",
        url=lambda w: url("condities:actie_bewerken", slug="stein", actie_pk=w.open_actie().pk),
        base=lambda w: {
            "tekst": TEKST,
            "eigenaar": str(w.persoon.pk),
            "wanneer": "2026-11-01",
            "status": "bezig",
            "conditie": "",
        },
        fields=lambda w: {
            "eigenaar": field_values(str(w.persoon.pk), ""),
            "wanneer": datum(),
            "status": field_values(*Actie.Status.values),
            "conditie": field_values("", *Conditie.values),
        },
        models=(Actie,),
        statuses=FORMULIER_422,
    ),
    Doel(
        name="condities:bijeenkomst_actie_nieuw",
        persona="facilitator",
        url=stein("condities:bijeenkomst_actie_nieuw", "bijeenkomst"),
        base=lambda w: {"tekst": TEKST, "eigenaar": "", "wanneer": "2026-11-01", "conditie": ""},
        fields=lambda w: {
            "eigenaar": field_values(str(w.persoon.pk), ""),
            "wanneer": datum(),
            "conditie": field_values("", *Conditie.values),
        },
        models=(Actie,),
        statuses=FORMULIER_422,
    ),
    Doel(
        name="condities:actie_status",
        persona="facilitator",
        url=lambda w: url("condities:actie_status", slug="stein", actie_pk=w.open_actie().pk),
        base=lambda w: {"status": "bezig", "terug": "mijn"},
        fields=lambda w: {"status": field_values(*Actie.Status.values)},
        models=(Actie,),
        htmx=True,
        ok=lambda r: r.status_code in (200, 302),
        statuses=GEWEIGERD_400,
    ),
    Doel(
        name="condities:onthullen",
        persona="facilitator",
        url=stein("condities:onthullen", "sessie"),
        base=lambda w: {"conditie": "ambitie"},
        fields=lambda w: {"conditie": field_values("alle", *Conditie.values)},
        models=(Sessie,),
        htmx=True,
        ok=lambda r: r.status_code in (200, 302),
        statuses=GEWEIGERD_400,
    ),
    Doel(
        name="condities:scherm_actie",
        persona="facilitator",
        url=stein("condities:scherm_actie", "sessie"),
        base=lambda w: {"actie": "volgende", "terug": "scherm"},
        fields=lambda w: {
            "actie": field_values(
                "volgende", "vorige", "onthul", "verberg", "wachten", "samen", "los"
            ),
            "terug": field_values("scherm", "bediening"),
        },
        models=(Sessie,),
        statuses=GEWEIGERD_400,
    ),
    Doel(
        name="condities:sessie_sluiten",
        persona="facilitator",
        url=stein("condities:sessie_sluiten", "nieuwe_sessie"),
        base=lambda w: {"zeker": "on"},
        models=(Sessie, ConditieScore),
        statuses=frozenset({302}),  # closed, or refused with a message: back to the session
    ),
    Doel(
        name="condities:deelnemers_verwijderen",
        persona="facilitator",
        url=stein("condities:deelnemers_verwijderen", "sessie"),
        base=lambda w: {"zeker": "on"},
        models=(Deelnemer, Antwoord),
        statuses=frozenset({302}),  # removed, or refused with a message: back to the session
    ),
    Doel(
        name="condities:doe_mee_code",
        persona="anonymous",
        url=lambda w: url("condities:doe_mee_code", code=w.sessie.code.lower()),
        base=lambda w: {"naam": "Mies", "organisatie": "mantelzorger", "email": ""},
        fields=lambda w: {
            "organisatie": field_values("mantelzorger", *ids(w.organisatie, w.andere_organisatie)),
            "email": field_values("mies@voorbeeld.example"),
        },
        models=(Deelnemer,),
        fresh_session=True,
        statuses=FORMULIER_422,
    ),
    Doel(
        name="condities:antwoord",
        persona="anonymous",
        url=lambda w: url("condities:antwoord", code=w.sessie.code),
        base=lambda w: {f"s{w.stellingen[0].pk}": "3"},
        fields=lambda w: {
            f"s{w.stellingen[0].pk}": field_values("1", "5", "?", "0", "6"),
            f"s{w.stellingen[1].pk}": field_values("2", "?"),
            f"s{w.stellingen[-1].pk}9": field_values("2"),
            "s": field_values("2"),
            "s-1": field_values("2"),
            "volgende": field_values("klaar", "belangen"),
        },
        models=(Antwoord,),
        htmx=True,
        ok=lambda r: r.status_code in (200, 302),
        prepare=join,
        statuses=GEWEIGERD_400,
    ),
    Doel(
        name="condities:inbreng",
        persona="anonymous",
        url=lambda w: url("condities:inbreng", code=w.sessie.code),
        base=lambda w: {"conditie": "ambitie", "soort": "goed", "tekst": TEKST},
        fields=lambda w: {
            "conditie": field_values(*Conditie.values, "onzin"),
            "soort": field_values(*OpenVraag.Soort.values, "anders"),
        },
        models=(Inbreng, Deelnemer),
        htmx=True,
        ok=lambda r: r.status_code in (200, 302),
        prepare=join,
        # Refused: 400 (not a question of this session), 422 (no text, too long, too many).
        statuses=frozenset({200, 302, 400, 422}),
    ),
    Doel(
        name="condities:stem",
        persona="anonymous",
        url=lambda w: url("condities:stem", code=w.sessie.code, inbreng_pk=w.inbreng_op_scherm.pk),
        base=lambda w: {},
        models=(Stem, Inbreng),
        htmx=True,
        ok=lambda r: r.status_code in (200, 302),
        prepare=join,
        statuses=frozenset({200, 302, 400}),
    ),
    Doel(
        name="condities:inbreng_actie",
        persona="facilitator",
        url=lambda w: url(
            "condities:inbreng_actie",
            slug="stein",
            pk=w.sessie.pk,
            inbreng_pk=w.nieuwe_inbreng().pk,
        ),
        base=lambda w: {"actie": "toon"},
        fields=lambda w: {
            "actie": field_values("toon", "verberg", "samenvoegen", "afspraak", "weg"),
            "doel": field_values(*ids(w.inbreng_op_scherm), "0", "-1"),
        },
        models=(Inbreng, Actie, Stem),
        htmx=True,
        ok=lambda r: r.status_code in (200, 302),
        statuses=frozenset({200, 302, 400, 422}),
    ),
    Doel(
        name="condities:inbreng_papier",
        persona="facilitator",
        url=stein("condities:inbreng_papier", "sessie"),
        base=lambda w: {
            "papier-conditie": "relatie",
            "papier-soort": "stap",
            "papier-tekst": TEKST,
        },
        fields=lambda w: {
            "papier-conditie": field_values(*Conditie.values, "onzin"),
            "papier-soort": field_values(*OpenVraag.Soort.values, "anders"),
        },
        models=(Inbreng,),
        statuses=FORMULIER_422,
    ),
    Doel(
        name="condities:checkin_nieuw",
        persona="facilitator",
        url=stein("condities:checkin_nieuw"),
        base=lambda w: {
            "titel": "Check-in voorjaar",
            "datum": "2026-04-01",
            "condities": ["ambitie"],
            "herinnering_na_dagen": "7",
            "herinneringen_aantal": "1",
            "sluit_op": (datetime.datetime.now() + datetime.timedelta(days=14)).strftime(
                "%Y-%m-%dT%H:%M"
            ),
            "ontvangers": [str(w.user("lid").pk)],
        },
        fields=_checkin_fields,
        models=(Sessie, Deelnemer),
        statuses=FORMULIER_422,
    ),
    Doel(
        name="condities:checkin_herinneren",
        persona="facilitator",
        url=stein("condities:checkin_herinneren", "checkin_sessie"),
        base=lambda w: {},
        models=(Sessie, Deelnemer),
        statuses=frozenset({302}),  # sent, or refused within the hour: back to the responses
    ),
    Doel(
        name="condities:stellingen_bewerken",
        persona="facilitator",
        url=stein("condities:stellingen_bewerken"),
        base=_stellingen_base,
        fields=_stellingen_fields,
        models=(Stellingenset, Stelling, OpenVraag),
    ),
]

# -- carers' feedback ----------------------------------------------------------------------

MANTELZORG = [
    Doel(
        name="mantelzorg:formulier",
        persona="anonymous",
        url=stein("mantelzorg:formulier"),
        base=_mantelzorg_base,
        fields=_mantelzorg_fields,
        models=(Reactie,),
        fresh_session=True,
        statuses=FORMULIER_422,
    ),
    Doel(
        name="mantelzorg:reactie",
        persona="facilitator",
        url=stein("mantelzorg:reactie", "reactie"),
        base=lambda w: {
            "status": "afgehandeld",
            "condities": ["ambitie"],
            "experiment": str(w.experiment.pk),
            "doorgegeven_aan": str(w.organisatie.pk),
            "deelbaar": "on",
            "gedeeld_met_leden": "",
            "interne_notitie": TEKST,
        },
        fields=lambda w: {
            "status": field_values(*Reactie.Status.values),
            "condities": multi_values(*Conditie.values),
            "experiment": field_values(*ids(w.experiment)),
            "doorgegeven_aan": field_values(*ids(w.organisatie, w.andere_organisatie)),
        },
        models=(Reactie, ReactieConditie),
        statuses=FORMULIER_422,
    ),
    Doel(
        name="mantelzorg:beantwoorden",
        persona="facilitator",
        # A fresh reaction for every example: a reply goes once.
        url=stein("mantelzorg:beantwoorden", "nieuwe_reactie"),
        base=lambda w: {"tekst": TEKST},
        models=(Reactie, Gebeurtenis),
        statuses=FORMULIER_422,
    ),
    Doel(
        name="mantelzorg:instellingen",
        persona="facilitator",
        url=stein("mantelzorg:instellingen"),
        base=lambda w: {"is_open": "on", "intro": TEKST},
        fields=lambda w: {"is_open": field_values("on", "", "false")},
        models=(MantelzorgFormulier,),
        statuses=FORMULIER_422,
    ),
]

# -- programme -------------------------------------------------------------------------------


def _programma_url(w) -> str:
    programmateam = w.user("programmateam")  # makes the programme and puts stein in it
    return url(
        "programma:praktijk_starten", slug=programmateam.programma_teams.get().programma.slug
    )


def _facilitator_url(w) -> str:
    """A practice of the programme without a facilitator yet."""
    programma = w.user("programmateam").programma_teams.get().programma
    praktijk, _ = Praktijk.objects.get_or_create(
        slug="leusden",
        defaults={
            "naam": "Leusden",
            "gemeente": "Leusden",
            "kernthema": "Samen",
            "programma": programma,
        },
    )
    return url("programma:facilitator_uitnodigen", slug=programma.slug, praktijk=praktijk.slug)


PROGRAMMA = [
    Doel(
        name="programma:praktijk_starten",
        persona="programmateam",
        url=_programma_url,
        base=lambda w: {
            "naam": "Lerende praktijk Leusden",
            "slug": "leusden",
            "gemeente": "Leusden",
            "kernthema": "Samen sterk",
            "ambitie": TEKST,
            "facilitator_email": "fenna@leusden.example",
            "facilitator_naam": "Fenna",
        },
        models=(Praktijk, Uitnodiging, Gebeurtenis, Lidmaatschap),
    ),
    Doel(
        name="programma:facilitator_uitnodigen",
        persona="programmateam",
        url=_facilitator_url,
        base=lambda w: {"email": "fenna@leusden.example", "naam": "Fenna"},
        models=(Uitnodiging, Gebeurtenis, Lidmaatschap),
    ),
]


# -- relationship rounds -------------------------------------------------------------------


def _invullen_base(w) -> dict:
    pk = w.ander_organisatie.pk
    return {f"stap_{pk}": "werken_samen", f"vertrouwen_{pk}": "4", f"waarde_{pk}": "3"}


def _invullen_fields(w) -> dict:
    pk = w.ander_organisatie.pk
    cijfers = [str(n) for n in range(1, 6)]
    return {
        f"stap_{pk}": field_values(*Stap.values),
        f"vertrouwen_{pk}": field_values(*cijfers),
        f"waarde_{pk}": field_values(*cijfers),
    }


RELATIES = [
    Doel(
        name="relaties:ronde_nieuw",
        persona="facilitator",
        url=stein("relaties:ronde_nieuw"),
        base=lambda w: {
            "titel": "Relatieronde voorjaar",
            "sluit_op": (datetime.datetime.now() + datetime.timedelta(days=14)).strftime(
                "%Y-%m-%dT%H:%M"
            ),
            "personen": [str(w.persoon.pk)],
        },
        fields=lambda w: {
            "sluit_op": datum(),
            "personen": multi_values(*ids(w.persoon)),
        },
        models=(Relatieronde, RondeDeelnemer),
        statuses=FORMULIER_422,
    ),
    Doel(
        name="relaties:herinneren",
        persona="facilitator",
        url=stein("relaties:herinneren", "ronde"),
        base=lambda w: {},
        models=(Relatieronde, RondeDeelnemer),
        statuses=frozenset({302}),  # sent, or refused within the hour: back to the responses
    ),
    Doel(
        name="relaties:sluiten",
        persona="facilitator",
        url=stein("relaties:sluiten", "nieuwe_ronde"),
        base=lambda w: {},
        models=(Relatieronde, Kaartpositie),
        statuses=frozenset({302}),
    ),
    Doel(
        name="relaties:invullen",
        persona="anonymous",
        # One screen (the design group): a success is the thank-you page.
        url=lambda w: url("relaties:invullen", token=w.ronde_token) + "?scherm=1",
        base=_invullen_base,
        fields=_invullen_fields,
        models=(RelatieAntwoord, RondeDeelnemer),
        ok=lambda r: r.status_code in (200, 302),
        statuses=frozenset({200, 302, 400, 422}),
    ),
    Doel(
        name="relaties:belangenronde_nieuw",
        persona="facilitator",
        url=stein("relaties:belangenronde_nieuw"),
        base=lambda w: {
            "titel": "Belangenronde voorjaar",
            "sluit_op": (datetime.datetime.now() + datetime.timedelta(days=14)).strftime(
                "%Y-%m-%dT%H:%M"
            ),
            "personen": [str(w.persoon.pk)],
        },
        fields=lambda w: {
            "sluit_op": datum(),
            "personen": multi_values(*ids(w.persoon)),
        },
        models=(Belangenronde, BelangenDeelnemer),
        statuses=FORMULIER_422,
    ),
    Doel(
        name="relaties:belangenronde_herinneren",
        persona="facilitator",
        url=stein("relaties:belangenronde_herinneren", "belangenronde"),
        base=lambda w: {},
        models=(Belangenronde, BelangenDeelnemer),
        statuses=frozenset({302}),  # sent, or refused within the hour: back to the responses
    ),
    Doel(
        name="relaties:belangenronde_sluiten",
        persona="facilitator",
        url=stein("relaties:belangenronde_sluiten", "nieuwe_belangenronde"),
        base=lambda w: {},
        models=(Belangenronde,),
        statuses=frozenset({302}),
    ),
    Doel(
        name="relaties:belangen_invullen",
        persona="anonymous",
        url=lambda w: url("relaties:belangen_invullen", token=w.belangenronde_token),
        base=lambda w: {
            "belangen": TEKST,
            "bijdrage": TEKST,
            "tijdsinvestering": "4 uur per maand",
            "verwachting": TEKST,
        },
        fields=lambda w: {},
        models=(Deelname, BelangenVersie, BelangenDeelnemer),
        # A success is the thank-you page (200), a refusal the form again (422).
        ok=lambda r: r.status_code == 200,
        statuses=frozenset({200, 400, 422}),
    ),
]

# -- accounts (allauth) --------------------------------------------------------------------

ACCOUNTS = [
    Doel(
        name="account_login",
        persona="anonymous",
        url=lambda w: url("account_login"),
        base=lambda w: {"login": w.user("lid").email, "password": PASSWORD},
        fields=lambda w: {"remember": field_values("on")},
        models=(User,),
        fresh_session=True,
    ),
    Doel(
        name="account_request_login_code",
        persona="anonymous",
        url=lambda w: url("account_request_login_code"),
        base=lambda w: {"email": w.user("lid").email},
        models=(User,),
        fresh_session=True,
    ),
    Doel(
        name="account_reset_password",
        persona="anonymous",
        url=lambda w: url("account_reset_password"),
        base=lambda w: {"email": w.user("lid").email},
        models=(User,),
        fresh_session=True,
    ),
]

DOELEN = (
    PRAKTIJKEN + NETWERK + EXPERIMENTEN + CONDITIES + MANTELZORG + RELATIES + PROGRAMMA + ACCOUNTS
)


@pytest.mark.parametrize("doel", DOELEN, ids=lambda d: d.name)
@FUZZ
@given(data=st.data())
def test_hostile_input_gets_an_answer_and_stores_nothing_when_refused(
    client, wereld, doel, data, mailoutbox
):
    attack(client, wereld, doel, data)


@pytest.mark.parametrize("doel", DOELEN, ids=lambda d: d.name)
def test_every_date_and_number_field_survives_its_edge_cases(client, wereld, doel, mailoutbox):
    """The extreme dates and numbers, one field at a time, in every run: no 500, no stray rows."""
    attack_edge_cases(client, wereld, doel)


def test_every_view_that_accepts_post_is_a_fuzz_target(client, wereld):
    """From the URL resolver: a new view that accepts POST must be added to the targets above.

    A PUT reaches each view's method decorator, whose 405 names the methods the view accepts.
    """
    client.force_login(wereld.user("facilitator"))
    targets = {d.name for d in DOELEN} | {d.name for d in KNOPPEN}
    accepting_post = set()
    for patroon in url_patterns():
        if patroon.name.split(":")[0] not in APPS:
            continue
        path = concrete_path(patroon.route, wereld.path_values(patroon.name))
        response = client.put(path)
        assert response.status_code == 405, f"{patroon.name} has no method decorator"
        if "POST" in response["Allow"]:
            accepting_post.add(patroon.name)
    assert len(accepting_post) > 30
    assert accepting_post <= targets, sorted(accepting_post - targets)


def test_a_body_over_the_upload_limit_is_a_400_not_a_500(client, wereld, settings):
    client.force_login(wereld.user("kerngroeplid"))
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100_000
    before = Afspraak.objects.count()
    response = client.post(
        url("netwerk:afspraak_nieuw", slug="stein"),
        {"onderwerp": "planning", "afspraak": "x" * 200_000},
    )
    assert response.status_code == 400
    assert Afspraak.objects.count() == before


def test_too_many_fields_is_a_400_not_a_500(client, wereld):
    client.force_login(wereld.user("kerngroeplid"))
    data = {f"veld{i}": "x" for i in range(1_100)} | {"onderwerp": "planning", "afspraak": "Ja"}
    before = Afspraak.objects.count()
    response = client.post(url("netwerk:afspraak_nieuw", slug="stein"), data)
    assert response.status_code == 400
    assert Afspraak.objects.count() == before


# -- what the fuzzing found, pinned down -----------------------------------------------------


@pytest.mark.parametrize("moment", ["0001-01-01T00:00", "9999-12-31T23:59", "1999-12-31T10:00"])
def test_a_meeting_outside_2000_2100_is_a_form_error_not_a_500(client, wereld, moment):
    """Year 1 could not be stored in UTC, year 9999 not exported to a calendar (both were 500s)."""
    client.force_login(wereld.user("kerngroeplid"))
    response = client.post(
        url("praktijken:bijeenkomst_nieuw", slug="stein"),
        {"titel": "Kerngroep", "soort": "kerngroep", "begint_op": moment},
    )
    assert response.status_code == 200
    assert "Kies een datum tussen de jaren 2000 en 2100." in response.text
    assert not Bijeenkomst.objects.exists()


def test_agreement_zero_is_not_found_instead_of_a_new_agreement(client, wereld):
    """/afspraken/0/bewerken/ showed (and saved) a new agreement: 0 was taken for “no id”."""
    client.force_login(wereld.user("kerngroeplid"))
    path = "/p/stein/netwerk/afspraken/0/bewerken/"
    assert client.get(path).status_code == 404
    response = client.post(path, {"onderwerp": "planning", "afspraak": "Nieuw?"})
    assert response.status_code == 404
    assert not Afspraak.objects.exists()
