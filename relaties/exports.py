"""A round's ties as files to continue in Kumu or Gephi: CSV (Excel in Dutch) and GraphML.

Only what the network page shows: each pair's step, where it is known from, whether it is new,
and trust and value where the disclosure rules released them (pairs, both directions together).
"""

from xml.sax.saxutils import escape, quoteattr

from django.utils.translation import gettext as _

from config.exports import Tabel, tabellen_csv
from relaties.models import Stap
from relaties.selectors import Netwerkbeeld


def _stap(stap: str) -> str:
    return str(Stap(stap).label) if stap in Stap.values else ""


def banden_csv(*, beeld: Netwerkbeeld) -> str:
    """One row per tie."""
    tabel = Tabel(
        titel=_("Ties"),
        kolommen=[
            _("Organisation"),
            _("Other organisation"),
            _("Step"),
            _("Known from the app"),
            _("New since the previous round"),
            _("Trust"),
            _("Value"),
        ],
    )
    for band in beeld.banden:
        tabel.rijen.append(
            [
                band.a.naam,
                band.b.naam,
                _stap(band.stap),
                ", ".join(band.bronnen),
                band.nieuw,
                round(band.vertrouwen.gemiddelde, 2) if band.vertrouwen else None,
                round(band.waarde.gemiddelde, 2) if band.waarde else None,
            ]
        )
    return tabellen_csv([tabel], met_titels=False)


def banden_graphml(*, beeld: Netwerkbeeld) -> str:
    """The round's network as GraphML: organisations with their group and map position, ties with
    their step (and a weight 0-3 by step), source and newness."""
    regels = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
        '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
        '  <key id="groep" for="node" attr.name="group" attr.type="string"/>',
        '  <key id="x" for="node" attr.name="x" attr.type="double"/>',
        '  <key id="y" for="node" attr.name="y" attr.type="double"/>',
        '  <key id="stap" for="edge" attr.name="step" attr.type="string"/>',
        '  <key id="gewicht" for="edge" attr.name="weight" attr.type="int"/>',
        '  <key id="bronnen" for="edge" attr.name="known_from" attr.type="string"/>',
        '  <key id="nieuw" for="edge" attr.name="new" attr.type="boolean"/>',
        f'  <graph id={quoteattr(beeld.ronde.titel)} edgedefault="undirected">',
    ]
    for organisatie in beeld.organisaties:
        regels.append(f'    <node id="o{organisatie.pk}">')
        regels.append(f'      <data key="label">{escape(organisatie.naam)}</data>')
        regels.append(
            f'      <data key="groep">{escape(beeld.groepen.get(organisatie.pk, ""))}</data>'
        )
        if organisatie.pk in beeld.posities:
            x, y = beeld.posities[organisatie.pk]
            regels.append(f'      <data key="x">{x * 1000:.1f}</data>')
            regels.append(f'      <data key="y">{y * 700:.1f}</data>')
        regels.append("    </node>")
    for band in beeld.banden:
        gewicht = Stap.values.index(band.stap) if band.stap in Stap.values else 0
        regels += [
            f'    <edge source="o{band.a.pk}" target="o{band.b.pk}">',
            f'      <data key="stap">{escape(band.stap)}</data>',
            f'      <data key="gewicht">{gewicht}</data>',
            f'      <data key="bronnen">{escape(" ".join(band.bronnen))}</data>',
            f'      <data key="nieuw">{"true" if band.nieuw else "false"}</data>',
            "    </edge>",
        ]
    regels += ["  </graph>", "</graphml>", ""]
    return "\n".join(regels)
