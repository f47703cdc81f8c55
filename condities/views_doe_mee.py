"""The participant's side: join with a code, rate the statements, see that each answer is saved."""

from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from condities import selectors, services
from condities.forms import CodeForm, JoinForm
from condities.models import Deelnemer, Sessie
from config.ratelimit import client_ip, hit, is_limited
from netwerk.selectors import organisaties_for_praktijk
from praktijken.models import Lidmaatschap

# Guessing codes: at most this many unknown codes per client per window.
CODE_LIMIT = 20
CODE_WINDOW = 600
SESSION_KEY = "doe_mee"
ANTWOORD_WAARDEN = {"1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "?": None}


def _too_many(request: HttpRequest) -> bool:
    return is_limited(scope="code", ident=client_ip(request), limit=CODE_LIMIT)


def _limited_response(request: HttpRequest) -> HttpResponse:
    return render(request, "429.html", status=429)


def _unknown_code(request: HttpRequest) -> HttpResponse:
    hit(scope="code", ident=client_ip(request), window=CODE_WINDOW)
    return render(request, "condities/doe_mee_onbekend.html", status=404)


def _deelnemer_for(request: HttpRequest, sessie: Sessie) -> Deelnemer | None:
    """The participant this browser is: by account, or by the token kept in its session."""
    if request.user.is_authenticated:
        deelnemer = Deelnemer.objects.filter(sessie=sessie, user=request.user).first()
        if deelnemer:
            return deelnemer
    token = request.session.get(SESSION_KEY, {}).get(str(sessie.pk))
    if token:
        return Deelnemer.objects.filter(sessie=sessie, token=token).first()
    return None


def _deelnemer_by_code(request: HttpRequest, code: str) -> Deelnemer | None:
    """The participant this browser is in the session with this code, with the session: the
    same answer as `_deelnemer_for`, in one query for a guest (every answer click runs it)."""
    code = code.upper()
    tokens = [str(token) for token in request.session.get(SESSION_KEY, {}).values()]
    if not code or "\x00" in code or (not tokens and not request.user.is_authenticated):
        return None
    deelnemers = Deelnemer.objects.select_related("sessie").filter(sessie__code=code)
    if request.user.is_authenticated:
        deelnemer = deelnemers.filter(user=request.user).order_by("-sessie_id").first()
        if deelnemer:
            return deelnemer
    return deelnemers.filter(token__in=tokens).order_by("-sessie_id").first() if tokens else None


def _remember(request: HttpRequest, deelnemer: Deelnemer) -> None:
    tokens = dict(request.session.get(SESSION_KEY, {}))
    tokens[str(deelnemer.sessie_id)] = deelnemer.token
    request.session[SESSION_KEY] = tokens


def _is_member(request: HttpRequest, sessie: Sessie) -> bool:
    return (
        request.user.is_authenticated
        and Lidmaatschap.objects.filter(praktijk=sessie.praktijk_id, user=request.user).exists()
    )


@login_not_required
@require_http_methods(["GET"])
def doe_mee(request: HttpRequest) -> HttpResponse:
    """Ask for the code shown in the room."""
    if _too_many(request):
        return _limited_response(request)
    form = CodeForm(request.GET if "code" in request.GET else None)
    if form.is_bound and form.is_valid():
        sessie = selectors.sessie_by_code(code=form.cleaned_data["code"])
        if sessie:
            return redirect("condities:doe_mee_code", code=sessie.code)
        hit(scope="code", ident=client_ip(request), window=CODE_WINDOW)
        form.add_error(
            "code",
            _("We do not know this code, or the session has already closed. Check the code."),
        )
    return render(
        request, "condities/doe_mee.html", {"form": form}, status=404 if form.errors else 200
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def doe_mee_code(request: HttpRequest, code: str) -> HttpResponse:
    """Join the session: members straight away, guests with a name (or not) and their side."""
    if _too_many(request):
        return _limited_response(request)
    sessie = selectors.sessie_by_code(code=code.upper())
    if sessie is None:
        return _unknown_code(request)
    if _deelnemer_for(request, sessie):
        return redirect("condities:vragen", code=sessie.code)
    if sessie.soort == Sessie.Soort.CHECKIN:
        return render(request, "condities/doe_mee_checkin.html", {"sessie": sessie}, status=403)
    if _is_member(request, sessie):
        organisatie = getattr(getattr(request.user, "persoon", None), "organisatie", None)
        deelnemer = services.deelnemer_join(
            sessie=sessie,
            user=request.user,
            naam=request.user.name,
            organisatie=organisatie,
            email=request.user.email,
        )
        _remember(request, deelnemer)
        return redirect("condities:vragen", code=sessie.code)
    form = JoinForm(
        request.POST or None, organisaties=list(organisaties_for_praktijk(praktijk=sessie.praktijk))
    )
    if request.method == "POST" and form.is_valid():
        deelnemer = services.deelnemer_join(
            sessie=sessie,
            naam=form.cleaned_data["naam"],
            organisatie=form.cleaned_data["organisatie_obj"],
            mantelzorger=form.cleaned_data["mantelzorger"],
            email=form.cleaned_data["email"],
        )
        _remember(request, deelnemer)
        return redirect("condities:vragen", code=sessie.code)
    return render(
        request,
        "condities/doe_mee_aanmelden.html",
        {"sessie": sessie, "form": form},
        status=422 if form.errors else 200,
    )


def _keuze(antwoorden: dict, stelling_id: int) -> str:
    if stelling_id not in antwoorden:
        return ""
    score = antwoorden[stelling_id]
    return "?" if score is None else str(score)


def _vragen_context(sessie: Sessie, deelnemer: Deelnemer, conditie: str | None) -> dict:
    condities = selectors.stellingen_per_conditie(sessie=sessie)
    codes = [c["code"] for c in condities]
    huidig = conditie if conditie in codes else codes[0]
    index = codes.index(huidig)
    stellingen = [s for c in condities for s in c["stellingen"]]
    antwoorden = selectors.antwoorden_for_deelnemer(deelnemer=deelnemer)
    return {
        "sessie": sessie,
        "deelnemer": deelnemer,
        "condities": condities,
        "conditie": condities[index],
        "stap": index + 1,
        "vorige": codes[index - 1] if index > 0 else None,
        "volgende": codes[index + 1] if index + 1 < len(codes) else None,
        "items": [
            {"stelling": s, "gekozen": _keuze(antwoorden, s.pk)}
            for s in condities[index]["stellingen"]
        ],
        "voortgang": selectors.voortgang(deelnemer=deelnemer, stellingen=stellingen),
        "keuzes": _keuzes(),
    }


def _keuzes() -> list[tuple[str, str]]:
    """The answer scale: 1 to 5, and "weet ik niet"."""
    return [
        ("1", _("1 · not at all")),
        ("2", "2"),
        ("3", "3"),
        ("4", "4"),
        ("5", _("5 · completely")),
        ("?", _("don't know")),
    ]


@login_not_required
@require_http_methods(["GET"])
def vragen(request: HttpRequest, code: str) -> HttpResponse:
    sessie = selectors.sessie_by_code(code=code.upper())
    if sessie is None:
        return render(request, "condities/doe_mee_onbekend.html", status=404)
    deelnemer = _deelnemer_for(request, sessie)
    if deelnemer is None:
        return redirect("condities:doe_mee_code", code=sessie.code)
    context = _vragen_context(sessie, deelnemer, request.GET.get("conditie"))
    return render(request, "condities/vragen.html", context)


def _parse_antwoorden(request: HttpRequest, geldig: dict) -> dict | None:
    """{Stelling: score} from `s<id>` fields; None when anything is not a statement or score."""
    gevonden = {}
    for key, value in request.POST.items():
        if not key.startswith("s"):
            continue
        stelling = geldig.get(key[1:])
        if stelling is None or value not in ANTWOORD_WAARDEN:
            return None
        gevonden[stelling] = ANTWOORD_WAARDEN[value]
    return gevonden


@login_not_required
@require_POST
@transaction.atomic
def antwoord(request: HttpRequest, code: str) -> HttpResponse:
    """Save answers the moment they are given (htmx), or a whole condition (a plain post).

    One transaction: a participant told "saved" has every answer stored, and one who gets an
    error (the 503 page while the database restarts) has none of this post stored.
    """
    deelnemer = _deelnemer_by_code(request, code)
    if deelnemer is None:  # an unknown code, or not (yet) a participant of its session
        return render(request, "condities/doe_mee_onbekend.html", status=404)
    sessie = deelnemer.sessie
    if sessie.status != Sessie.Status.OPEN:
        return render(request, "condities/doe_mee_gesloten.html", {"sessie": sessie}, status=409)
    stellingen = selectors.stellingen_for_sessie_cached(sessie=sessie)
    gevonden = _parse_antwoorden(request, {str(s.pk): s for s in stellingen})
    if gevonden is None:
        return HttpResponse(_("This answer is not part of this session."), status=400)
    try:
        for stelling, score in gevonden.items():
            services.antwoord_save(deelnemer=deelnemer, stelling=stelling, score=score)
    except services.SessieGesloten:
        return render(request, "condities/doe_mee_gesloten.html", {"sessie": sessie}, status=409)
    if request.htmx and len(gevonden) == 1:
        ((stelling, score),) = gevonden.items()
        return render(
            request,
            "condities/vragen.html#stelling",
            {
                "sessie": sessie,
                "stelling": stelling,
                "gekozen": "?" if score is None else str(score),
                "opgeslagen": True,
                # Only the scale, not the whole questions page: 5 queries fewer per answer.
                "keuzes": _keuzes(),
                "voortgang": selectors.voortgang(deelnemer=deelnemer, stellingen=stellingen),
                "oob": True,
            },
        )
    volgende = request.POST.get("volgende", "")
    if volgende == "klaar":
        return redirect("condities:klaar", code=sessie.code)
    url = reverse("condities:vragen", kwargs={"code": sessie.code})
    return redirect(f"{url}?conditie={volgende}" if volgende else url)


@login_not_required
@require_http_methods(["GET", "POST"])
def klaar(request: HttpRequest, code: str) -> HttpResponse:
    sessie = (
        Sessie.objects.filter(code=code.upper()).exclude(code="").first()
        if "\x00" not in code  # no code has a NUL byte (PostgreSQL refuses to compare with one)
        else None
    )
    deelnemer = _deelnemer_for(request, sessie) if sessie else None
    if sessie is None or deelnemer is None:
        return render(request, "condities/doe_mee_onbekend.html", status=404)
    if sessie.is_open:
        services.deelnemer_finish(deelnemer=deelnemer)
    return render(request, "condities/klaar.html", {"sessie": sessie, "deelnemer": deelnemer})
