"""The starting vocabulary every practice gets: plain Dutch (B1), for carers first."""

# (term, definitie, zo zeggen mantelzorgers)
STARTLIJST: tuple[tuple[str, str, str], ...] = (
    (
        "mantelzorger",
        "Iemand die lange tijd zorgt voor een naaste die ziek is, een beperking heeft of oud "
        "is. Je doet het niet als werk, maar omdat je om die persoon geeft.",
        "Ik zorg voor mijn moeder. Ik help mijn man.",
    ),
    (
        "naaste",
        "De persoon voor wie je zorgt: bijvoorbeeld je partner, ouder, kind, buur of vriend.",
        "Mijn vrouw, mijn vader, mijn zoon.",
    ),
    (
        "respijtzorg",
        "Zorg die de zorg even van je overneemt, zodat je zelf kunt uitrusten. Bijvoorbeeld "
        "een logeeropvang, dagopvang of een vrijwilliger die een middag komt.",
        "Even vrij. Even op adem komen.",
    ),
    (
        "wijkverpleegkundige",
        "Een verpleegkundige die bij mensen thuis komt. Zij helpt met zorg en kijkt samen met "
        "jou wat nodig is.",
        "De zuster van de thuiszorg.",
    ),
    (
        "POH-ouderen",
        "Praktijkondersteuner ouderen: een medewerker van de huisarts die oudere mensen en "
        "hun mantelzorgers helpt en thuis op bezoek komt.",
        "De ouderenverpleegkundige van de huisarts.",
    ),
    (
        "sociale kaart",
        "Een overzicht van organisaties en mensen in de gemeente die kunnen helpen, met wat "
        "ze doen en hoe je ze bereikt.",
        "Waar kan ik terecht?",
    ),
    (
        "lerende praktijk",
        "Een groep mensen uit zorg, welzijn, gemeente en mantelzorgers die samen zoeken hoe "
        "de zorg in de buurt beter kan. Ze proberen kleine dingen uit en leren daarvan.",
        "De groep die samen de zorg beter wil maken.",
    ),
    (
        "kerngroep",
        "Een kleine groep mensen die de lerende praktijk trekt: zij plannen, nodigen uit en "
        "houden het overzicht.",
        "",
    ),
    (
        "ontwerpgroep",
        "Een groep die één vraag uitwerkt en een kleine proef bedenkt om iets te verbeteren.",
        "",
    ),
    (
        "steunpunt mantelzorg",
        "Een plek in de gemeente waar mantelzorgers terechtkunnen met vragen, voor advies, "
        "een luisterend oor of contact met andere mantelzorgers.",
        "Het mantelzorgloket.",
    ),
    (
        "werkvorm",
        "Een bijeenkomst met een vaste opzet, waarin de deelnemers samen vragen beantwoorden "
        "en bespreken hoe de samenwerking gaat.",
        "",
    ),
)
