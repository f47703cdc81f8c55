"""Fill the private database of test_postgres_restart; prints what the test needs as JSON.

Run in the server's environment: `python -m tests.faults.server_setup <participants>`.
"""

import datetime
import json
import sys

import django


def main(participants: int) -> None:
    django.setup()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from condities import services
    from condities.models import Conditie
    from condities.selectors import stellingen_for_sessie
    from netwerk.models import User
    from praktijken.models import Lidmaatschap, Praktijk, Rol

    praktijk = Praktijk.objects.create(
        naam="Lerende praktijk Stein", slug="stein", gemeente="Stein", kernthema="Samen sterk"
    )
    facilitator = User.objects.create_user(email="adviseur@stein.example", name="Adviseur")
    Lidmaatschap.objects.create(praktijk=praktijk, user=facilitator, rol=Rol.FACILITATOR)
    sessie = services.sessie_open(
        sessie=services.sessie_create(
            praktijk=praktijk,
            titel="Werkvorm",
            datum=datetime.date(2026, 10, 1),
            modus="live",
            condities=Conditie.values,
            by=facilitator,
        ),
        by=facilitator,
    )

    def session(data: dict) -> str:
        store = SessionStore()
        store.update(data)
        store.create()
        return store.session_key

    deelnemers = []
    for i in range(participants):
        deelnemer = services.deelnemer_join(sessie=sessie, naam=f"Deelnemer {i}", mantelzorger=True)
        deelnemers.append(
            {"id": deelnemer.pk, "session": session({"doe_mee": {str(sessie.pk): deelnemer.token}})}
        )
    member = session(
        {
            SESSION_KEY: str(facilitator.pk),
            BACKEND_SESSION_KEY: "netwerk.backends.ModelBackend",
            HASH_SESSION_KEY: facilitator.get_session_auth_hash(),
        }
    )
    print(
        json.dumps(
            {
                "slug": praktijk.slug,
                "sessie": sessie.pk,
                "code": sessie.code,
                "stellingen": [s.pk for s in stellingen_for_sessie(sessie=sessie)],
                "deelnemers": deelnemers,
                "member": member,
            }
        )
    )


if __name__ == "__main__":
    main(int(sys.argv[1]))
