"""The default statement set that ships with the app, written from what each condition covers.

Plain Dutch (B1). Data, not interface text: a facilitator copies the set and adjusts it.
"""

NAAM = "Vijf condities voor samenwerking"

STELLINGEN = {
    "ambitie": [
        "We hebben een gezamenlijk doel dat voor mij en mijn organisatie betekenis heeft.",
        "Ik herken mijn eigen ambitie in het lonkend perspectief van deze praktijk.",
        "Het doel hebben we samen gemaakt; het is niet door één partij bedacht.",
        "We weten wat we willen bereiken voor mantelzorgers.",
        "Het doel is concreet genoeg om er morgen mee aan de slag te gaan.",
    ],
    "belangen": [
        "Ik weet wat de andere partners uit deze samenwerking willen halen.",
        "De belangen van mijn organisatie zijn besproken en worden serieus genomen.",
        "We durven verschillen in belangen en in haast open te bespreken.",
        "Wat ik erin stop en wat ik eruit haal, is met elkaar in balans.",
        "Wat mantelzorgers nodig hebben, staat bij ons voorop.",
    ],
    "relatie": [
        "Ik ken de andere partners en weet wie ik waarvoor kan bellen.",
        "Ik vertrouw erop dat de anderen doen wat ze afspreken.",
        "We spreken een gezamenlijke taal, zonder vakjargon.",
        "Er is ruimte om te zeggen wat je denkt, ook als het schuurt.",
        "Mantelzorgers en vrijwilligers zitten als gelijkwaardige partners aan tafel.",
    ],
    "organisatie": [
        "Het is duidelijk wie deze samenwerking trekt.",
        "Rollen en taken zijn helder: wie plant, wie maakt het verslag, wie doet wat.",
        "Onze afspraken zijn licht en passen bij wat we willen bereiken.",
        "Ik heb genoeg tijd om aan deze samenwerking mee te doen.",
        "Mijn eigen organisatie geeft mij de ruimte om hier afspraken te maken.",
    ],
    "proces": [
        "We doen de goede dingen op het goede moment.",
        "We kijken regelmatig samen of onze aanpak werkt.",
        "Het is duidelijk wie het proces in de gaten houdt.",
        "We durven een stap terug te zetten als dat nodig is.",
        "We vieren kleine stappen als resultaat.",
    ],
}

OPEN_VRAGEN = {
    "ambitie": (
        "Waar merk je dat we hetzelfde willen bereiken?",
        "Welke kleine stap maakt ons doel voor iedereen duidelijker?",
    ),
    "belangen": (
        "Wanneer had je het gevoel dat jouw belang gezien werd?",
        "Welk belang willen we de volgende keer samen bespreken?",
    ),
    "relatie": (
        "Wanneer werkte je de laatste tijd prettig samen met een andere partner?",
        "Met wie wil je de komende maand kennismaken of iets afspreken?",
    ),
    "organisatie": (
        "Welke afspraak helpt ons nu echt?",
        "Welke kleine afspraak maakt het werk lichter?",
    ),
    "proces": (
        "Op welk moment ging het goed, en wat maakte dat zo?",
        "Wat is onze volgende kleine stap, en wie zet hem?",
    ),
}


def standaardset_create(*, stellingenset_model, stelling_model, open_vraag_model):
    """Create the default set; takes the models so a data migration can pass its historical ones."""
    stellingenset = stellingenset_model.objects.create(naam=NAAM, versie=1, is_actueel=True)
    volgorde = 0
    for conditie, teksten in STELLINGEN.items():
        for tekst in teksten:
            volgorde += 1
            stelling_model.objects.create(
                set=stellingenset, conditie=conditie, tekst=tekst, volgorde=volgorde
            )
        goed, stap = OPEN_VRAGEN[conditie]
        open_vraag_model.objects.create(
            set=stellingenset, conditie=conditie, soort="goed", tekst=goed
        )
        open_vraag_model.objects.create(
            set=stellingenset, conditie=conditie, soort="stap", tekst=stap
        )
    return stellingenset
