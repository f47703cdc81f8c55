"""Shared helpers for the carers' feedback tests: addresses and a valid form.

The factories of the carers' models are in `tests.factories.mantelzorg`.
"""

import time

from django.urls import reverse

from mantelzorg.forms import tijdstempel


def url(name: str, slug: str = "stein", **kwargs) -> str:
    return reverse(f"mantelzorg:{name}", kwargs={"slug": slug, **kwargs})


def formulier_data(praktijk, *, seconden_geleden: float = 60, **velden) -> dict:
    """A form as a person sends it: shown a minute ago, one appreciative answer filled in."""
    data = {
        "wat_gaat_goed": "De wijkverpleegkundige belde mij terug.",
        "meer_van": "",
        "kan_beter": "",
        "keer_verteld": "",
        "relatie": "",
        "experiment": "",
        "naam": "",
        "email": "",
        "telefoon": "",
        "website": "",
        "begonnen": tijdstempel(praktijk_id=praktijk.pk, op=time.time() - seconden_geleden),
    }
    data.update(velden)
    return data
