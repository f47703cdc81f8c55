"""Reads about taking part: who a browser is in a session, their answers and progress."""

import datetime
import functools
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.db.models import Count
from django.db.models.expressions import Col

from condities import charts
from condities.models import Antwoord, Deelnemer, Respondentgroep, Sessie
from netwerk.models import Deelname, Organisatie, User
from praktijken.models import Lidmaatschap, Praktijk


def respondentgroep_for(
    *, praktijk: Praktijk, organisatie: Organisatie | None, mantelzorger: bool
) -> str:
    """The group a participant answers for: carer/volunteer, or their organisation's group."""
    if mantelzorger:
        return Respondentgroep.MANTELZORGER
    if organisatie is None:
        return Respondentgroep.ANDERS
    groep = (
        Deelname.objects.filter(praktijk=praktijk, organisatie=organisatie)
        .values_list("groep", flat=True)
        .first()
    )
    return groep or Respondentgroep.ANDERS


def is_member(*, user: User | AnonymousUser, sessie: Sessie) -> bool:
    """Whether the user is a member of the session's practice (then they join by account)."""
    return (
        user.is_authenticated
        and Lidmaatschap.objects.filter(praktijk=sessie.praktijk_id, user=user).exists()
    )


def deelnemer_for_browser(
    *, sessie: Sessie, user: User | AnonymousUser, token: str | None
) -> Deelnemer | None:
    """The participant this browser is: by account, or by the token kept in its session."""
    if user.is_authenticated:
        deelnemer = Deelnemer.objects.filter(sessie=sessie, user=user).first()
        if deelnemer:
            return deelnemer
    if token:
        return Deelnemer.objects.filter(sessie=sessie, token=token).first()
    return None


def _columns(model) -> list[str]:
    return [f.column for f in model._meta.concrete_fields]


@functools.cache
def _converters(model) -> list[tuple[str, Col, list]]:
    """Per field of the model: its attribute and what turns the database's value into the
    field's (JSON, dates on SQLite, ...), as the ORM applies them to a query's rows."""
    uit = []
    for field in model._meta.concrete_fields:
        col = field.get_col(model._meta.db_table)
        converters = connection.ops.get_db_converters(col) + field.get_db_converters(connection)
        uit.append((field.attname, col, converters))
    return uit


def _instance(model, values):
    """A model instance from one row's values in `_columns` order, converted as the ORM does."""
    converted = []
    for (_attname, col, converters), value in zip(_converters(model), values, strict=True):
        for converter in converters:
            value = converter(value, col, connection)
        converted.append(value)
    return model.from_db(connection.alias, [a for a, _col, _c in _converters(model)], converted)


_DEELNEMER_BY_CODE = """
SELECT {d_cols}, {s_cols},
  (SELECT COUNT(*) FROM {antwoord} a WHERE a.deelnemer_id = d.id),
  EXISTS (SELECT 1 FROM {antwoord} a WHERE a.deelnemer_id = d.id AND a.stelling_id = %(stelling)s)
FROM {deelnemer} d INNER JOIN {sessie} s ON s.id = d.sessie_id
WHERE s.code = %(code)s AND ({wie})
ORDER BY {voorkeur}d.sessie_id DESC
LIMIT 1"""


@functools.cache
def _deelnemer_by_code_sql(aantal_tokens: int, met_user: bool) -> str:
    """The statement of `deelnemer_by_code`, built once per shape from the models' fields."""
    q = connection.ops.quote_name
    d_cols = ", ".join(f"d.{q(c)}" for c in _columns(Deelnemer))
    s_cols = ", ".join(f"s.{q(c)}" for c in _columns(Sessie))
    antwoord = q(Antwoord._meta.db_table)
    wie = []
    if met_user:
        wie.append("d.user_id = %(user)s")
    if aantal_tokens:
        wie.append(f"d.token IN ({', '.join(f'%(t{i})s' for i in range(aantal_tokens))})")
    voorkeur = "CASE WHEN d.user_id = %(user)s THEN 0 ELSE 1 END, " if met_user else ""
    # Only the models' own (quoted) names go into the text; every value is a parameter.
    return _DEELNEMER_BY_CODE.format(
        d_cols=d_cols,
        s_cols=s_cols,
        antwoord=antwoord,
        deelnemer=q(Deelnemer._meta.db_table),
        sessie=q(Sessie._meta.db_table),
        wie=" OR ".join(wie),
        voorkeur=voorkeur,
    )


def deelnemer_by_code(
    *, code: str, user: User | AnonymousUser, tokens: list[str], stelling_pk: int | None = None
) -> Deelnemer | None:
    """The participant this browser is in the session with this code, with the session: the
    same answer as `deelnemer_for_browser`, by account first, then by a token this browser
    holds. One statement, written out once rather than built by the ORM on every call: every
    answer click of every phone asks it (issue #13). The participant comes with how many
    statements they answered (`beantwoord`) and whether `stelling_pk` is one of them
    (`deze_beantwoord`), for the progress shown after the answer (`voortgang_na`)."""
    met_user = bool(user.is_authenticated)
    if not code or (not tokens and not met_user):
        return None
    params: dict = {"code": code, "stelling": stelling_pk, "user": user.pk if met_user else None}
    params.update({f"t{i}": token for i, token in enumerate(tokens)})
    with connection.cursor() as cursor:
        cursor.execute(_deelnemer_by_code_sql(len(tokens), met_user), params)
        row = cursor.fetchone()
    if row is None:
        return None
    n = len(_converters(Deelnemer))
    deelnemer = _instance(Deelnemer, row[:n])
    deelnemer.sessie = _instance(Sessie, row[n:-2])
    deelnemer.beantwoord = row[-2]
    deelnemer.deze_beantwoord = bool(row[-1])
    return deelnemer


def voortgang_na(*, deelnemer: Deelnemer, totaal: int) -> dict:
    """`voortgang` once the statement asked for in `deelnemer_by_code` is answered (read
    before saving it, so that the answer is the request's last write)."""
    beantwoord = deelnemer.beantwoord + (0 if deelnemer.deze_beantwoord else 1)
    return voortgang_van(min(beantwoord, totaal), totaal)


def voortgang_van(beantwoord: int, totaal: int) -> dict:
    """How far a participant is, from the number of statements they answered."""
    return {
        "beantwoord": beantwoord,
        "totaal": totaal,
        "procent": charts.procent(beantwoord, totaal),
    }


def antwoorden_for_deelnemer(*, deelnemer: Deelnemer) -> dict[int, int | None]:
    """The participant's own answers: {stelling_id: score}. Only ever shown to themselves."""
    return dict(Antwoord.objects.filter(deelnemer=deelnemer).values_list("stelling_id", "score"))


@dataclass
class Aanmeldingen:
    """Many joins from one network in a short time: a room on one Wi-Fi, or ballot stuffing."""

    aantal: int
    van: datetime.datetime
    tot: datetime.datetime
    deelnemers: list[Deelnemer]  # each with `aantal_antwoorden`


def opvallende_aanmeldingen(*, sessie: Sessie) -> list[Aanmeldingen]:
    """Per network with at least AANMELDINGEN_OPVALLEND guest joins within
    AANMELDINGEN_VENSTER_MINUTEN minutes: the busiest such window, busiest network first
    (1 query). Members join with their account and are never in it."""
    venster = datetime.timedelta(minutes=settings.AANMELDINGEN_VENSTER_MINUTEN)
    drempel = settings.AANMELDINGEN_OPVALLEND
    per_herkomst: dict[str, list] = {}
    for deelnemer in (
        Deelnemer.objects.filter(sessie=sessie, user__isnull=True)
        .exclude(herkomst="")
        .annotate(aantal_antwoorden=Count("antwoorden"))
        .order_by("created_at", "pk")
    ):
        per_herkomst.setdefault(deelnemer.herkomst, []).append(deelnemer)
    clusters = []
    for deelnemers in per_herkomst.values():
        beste: list = []
        begin = 0
        for eind, deelnemer in enumerate(deelnemers):
            while deelnemer.created_at - deelnemers[begin].created_at > venster:
                begin += 1
            if eind + 1 - begin > len(beste):
                beste = deelnemers[begin : eind + 1]
        if len(beste) >= drempel:
            clusters.append(
                Aanmeldingen(
                    aantal=len(beste),
                    van=beste[0].created_at,
                    tot=beste[-1].created_at,
                    deelnemers=beste,
                )
            )
    return sorted(clusters, key=lambda c: -c.aantal)
