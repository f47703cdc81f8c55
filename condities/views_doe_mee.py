"""The participant's side: join with a code, rate the statements, see that each answer is saved."""

import contextlib
from collections.abc import Callable
from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import AnonymousUser
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from begrippen.selectors import begrippen_voor_markeren
from condities import deelname_cookie
from condities.forms import AntwoordenForm, CodeForm, InbrengForm, JoinForm
from condities.models import INBRENG_MAX, Conditie, Deelnemer, Sessie, Stelling
from condities.selectors import deelname as deelnemer_selectors
from condities.selectors import inbreng as inbreng_selectors
from condities.selectors import sessies as sessie_selectors
from condities.services import deelname as deelname_services
from condities.services import inbreng as inbreng_services
from condities.services import scherm as scherm_services
from condities.services.sessies import SessieGesloten
from config.http import HtmxHttpRequest
from config.pages import PARTICIPANT_BASE, message_page
from config.ratelimit import Client, client_hit, client_ip, client_limited
from netwerk.selectors import organisaties_for_praktijk

# Guessing codes: a browser may miss this many times per window; an address many more, as a
# whole room of phones can share one (a conference's Wi-Fi). A guesser that throws its cookies
# away meets the address limit: 300 misses in ten minutes against some 700 million codes leave
# it nowhere.
CODE_LIMIT = 20
CODE_LIMIT_ADDRESS = 300
CODE_WINDOW = 600
SESSION_KEY = "doe_mee"


def _guesser(request: HttpRequest, *, maken: bool = False) -> Client:
    """The address and the browser (its session with us) of whoever types or scans a code.

    A browser gets a session at its first wrong code (`maken`), so that its later guesses count
    against it, not against the whole room behind the same address. Joining and answering make
    none: a room of 2,000 phones would write 2,000 sessions for nothing (issue #13). A made-up
    session cookie loads as a new, empty session."""
    if maken and not request.session.session_key:
        request.session[SESSION_KEY] = _tokens(request)
        request.session.save()
    return Client(adres=client_ip(request), browser=request.session.session_key or "")


def _too_many(request: HttpRequest) -> bool:
    return client_limited(
        scope="code",
        client=_guesser(request),
        per_browser=CODE_LIMIT,
        per_address=CODE_LIMIT_ADDRESS,
    )


def _miss(request: HttpRequest) -> None:
    client_hit(scope="code", client=_guesser(request, maken=True), window=CODE_WINDOW)


def _limited_response(request: HttpRequest) -> HttpResponse:
    return render(request, "429.html", {"basis": PARTICIPANT_BASE}, status=429)


def _not_found(request: HttpRequest) -> HttpResponse:
    """The friendly answer to a code no open session has (or a browser that did not join)."""
    return message_page(
        request,
        participant=True,
        titel=_("Session not found"),
        tekst=_(
            "We do not know this code, or the session has already closed. Check the code on the "
            "screen, or ask the person who leads the session."
        ),
        status=404,
        link_url=reverse("condities:doe_mee"),
        link_tekst=_("Type a code"),
    )


def _unknown_code(request: HttpRequest) -> HttpResponse:
    _miss(request)
    return _not_found(request)


def _tokens(request: HttpRequest) -> dict[str, str]:
    """The tokens kept in this browser's login session: {sessie_id: token} (members' places,
    and guests' who joined before their places moved to `deelname_cookie`)."""
    return request.session.get(SESSION_KEY, {})


def _deelnemer_for(request: HttpRequest, sessie: Sessie) -> Deelnemer | None:
    """The participant this browser is: a guest by the cookie's token, else by account or by
    the token kept in its login session."""
    token = deelname_cookie.tokens(request).get(str(sessie.pk))
    if token:
        deelnemer = deelnemer_selectors.deelnemer_for_browser(
            sessie=sessie, user=AnonymousUser(), token=token
        )
        if deelnemer is not None:
            return deelnemer
    return deelnemer_selectors.deelnemer_for_browser(
        sessie=sessie, user=request.user, token=_tokens(request).get(str(sessie.pk))
    )


def _deelnemer_by_code(
    request: HttpRequest, code: str, stelling_pk: int | None = None
) -> Deelnemer | None:
    """`_deelnemer_for` by the session's code, in one statement: every click and page of every
    phone asks it. A guest found by the cookie costs no read of the login session."""
    gast = deelname_cookie.tokens(request)
    if gast:
        deelnemer = deelnemer_selectors.deelnemer_by_code(
            code=code.upper(),
            user=AnonymousUser(),
            tokens=list(gast.values()),
            stelling_pk=stelling_pk,
        )
        if deelnemer is not None:
            return deelnemer
    return deelnemer_selectors.deelnemer_by_code(
        code=code.upper(),
        user=request.user,
        tokens=[str(t) for t in _tokens(request).values()],
        stelling_pk=stelling_pk,
    )


def _remember(request: HttpRequest, response: HttpResponse, deelnemer: Deelnemer) -> HttpResponse:
    """Keep the place this browser joined: a guest's in its cookie, a member's in the login
    session (ended by logging out). Returns the response."""
    if deelnemer.user_id is None:
        deelname_cookie.remember(request, response, deelnemer.sessie_id, deelnemer.token)
    else:
        tokens = dict(_tokens(request))
        tokens[str(deelnemer.sessie_id)] = deelnemer.token
        request.session[SESSION_KEY] = tokens
    return response


@login_not_required
@require_http_methods(["GET"])
def doe_mee(request: HtmxHttpRequest) -> HttpResponse:
    """Ask for the code shown in the room."""
    if _too_many(request):
        return _limited_response(request)
    form = CodeForm(request.GET if "code" in request.GET else None)
    if form.is_bound and form.is_valid():
        sessie = sessie_selectors.sessie_by_code(code=form.cleaned_data["code"])
        if sessie:
            return redirect("condities:doe_mee_code", code=sessie.code)
        _miss(request)
        form.add_error(
            "code",
            _("We do not know this code, or the session has already closed. Check the code."),
        )
    return render(
        request, "condities/doe_mee.html", {"form": form}, status=404 if form.errors else 200
    )


# How long a worker keeps a session's rendered join form: a new organisation in the network
# shows on the form within this time.
JOIN_VELDEN_SECONDS = 30


def _van_worker(sleutel: str, maak: Callable[[], str], seconden: int | None) -> SafeString:
    """HTML that many phones get alike, from this worker's memory (made when missing)."""
    return cast(SafeString, caches["proces"].get_or_set(sleutel, maak, seconden))


def _join_velden(sessie: Sessie) -> SafeString:
    """The empty join form's fields as HTML (no token in it: the CSRF field is the template's).
    Rendering the organisations' choice costs more than the rest of the page; 2,000 phones that
    join a conference within two minutes get it from the worker's memory."""
    return _van_worker(
        f"doe-mee:velden:{sessie.pk}:{get_language()}",
        lambda: mark_safe(
            str(JoinForm(organisaties=list(organisaties_for_praktijk(praktijk=sessie.praktijk))))
        ),
        JOIN_VELDEN_SECONDS,
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def doe_mee_code(request: HtmxHttpRequest, code: str) -> HttpResponse:
    """Join the session: members straight away, guests with a name (or not) and their side."""
    if _too_many(request):
        return _limited_response(request)
    sessie = sessie_selectors.sessie_by_code(code=code.upper())
    if sessie is None:
        return _unknown_code(request)
    if _deelnemer_for(request, sessie):
        return redirect("condities:vragen", code=sessie.code)
    if sessie.soort == Sessie.Soort.CHECKIN:
        return message_page(
            request,
            participant=True,
            titel=_("Use your personal link"),
            tekst=_("You take part in this check-in with the personal link from your email."),
            status=403,
        )
    if request.user.is_authenticated and deelnemer_selectors.is_member(
        user=request.user, sessie=sessie
    ):
        organisatie = getattr(getattr(request.user, "persoon", None), "organisatie", None)
        deelnemer = deelname_services.deelnemer_join(
            sessie=sessie,
            user=request.user,
            naam=request.user.name,
            organisatie=organisatie,
            email=request.user.email,
        )
        return _remember(request, redirect("condities:vragen", code=sessie.code), deelnemer)
    if sessie.alleen_leden:
        return message_page(
            request,
            participant=True,
            titel=_("For members of the practice"),
            tekst=_(
                "This session is for members of %(praktijk)s. Log in with your account, then "
                "use the code again."
            )
            % {"praktijk": sessie.praktijk.naam},
            status=403,
            link_url=f"{reverse('account_login')}?{urlencode({'next': request.path})}",
            link_tekst=_("Log in"),
        )
    if request.method == "GET":
        # The same empty form for every new phone: rendered once per worker and session.
        return render(
            request,
            "condities/doe_mee_aanmelden.html",
            {"sessie": sessie, "velden": _join_velden(sessie)},
        )
    form = JoinForm(
        request.POST, organisaties=list(organisaties_for_praktijk(praktijk=sessie.praktijk))
    )
    if form.is_valid():
        deelnemer = deelname_services.deelnemer_join(
            sessie=sessie,
            naam=form.cleaned_data["naam"],
            organisatie=form.cleaned_data["organisatie_obj"],
            mantelzorger=form.cleaned_data["mantelzorger"],
            email=form.cleaned_data["email"],
            herkomst=deelname_services.herkomst_for(client_ip(request)),
        )
        return _remember(request, redirect("condities:vragen", code=sessie.code), deelnemer)
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
    condities = sessie_selectors.stellingen_per_conditie_cached(sessie=sessie)
    codes = [c["code"] for c in condities]
    huidig = conditie if conditie in codes else codes[0]
    index = codes.index(huidig)
    stellingen = [s for c in condities for s in c["stellingen"]]
    antwoorden = deelnemer_selectors.antwoorden_for_deelnemer(deelnemer=deelnemer)
    beantwoord = sum(1 for s in stellingen if s.pk in antwoorden)
    # The glossary's terms marked in the statements (from this worker's memory, as the filter
    # reads them): a term settled or changed renders the statements afresh.
    gevonden = begrippen_voor_markeren(praktijk_id=sessie.praktijk_id)
    termen = hash((gevonden[0], tuple(gevonden[1]))) if gevonden else 0
    return {
        "sessie": sessie,
        "deelnemer": deelnemer,
        "condities": condities,
        "conditie": condities[index],
        "stap": index + 1,
        "vorige": codes[index - 1] if index > 0 else None,
        "volgende": codes[index + 1] if index + 1 < len(codes) else None,
        "items": [
            {"stelling": s, "html": _stelling_html(sessie, s, _keuze(antwoorden, s.pk), termen)}
            for s in condities[index]["stellingen"]
        ],
        "voortgang": deelnemer_selectors.voortgang_van(beantwoord, len(stellingen)),
    }


# How long a worker keeps a statement's rendered answer buttons.
STELLING_SECONDS = 30


def _stelling_html(sessie: Sessie, stelling: Stelling, gekozen: str, termen: int) -> SafeString:
    """A statement of `sessie` with its answer buttons as HTML, `gekozen` checked ("" for none;
    the rest is the same for every phone). Rendering them was most of the questions page; 2,000
    phones that open a condition within a minute get them from the worker's memory, per
    statement, answer chosen, language and the glossary's terms marked in it (`termen`)."""
    return _van_worker(
        f"vragen:stelling:{sessie.pk}:{stelling.pk}:{gekozen}:{get_language()}:{termen}",
        lambda: render_to_string(
            "condities/vragen.html#stelling",
            {"sessie": sessie, "stelling": stelling, "gekozen": gekozen, "keuzes": _keuzes()},
        ),
        STELLING_SECONDS,
    )


def _keuzes() -> list[tuple[str, str, str]]:
    """The answer scale as (value, what the button says, what the end means): 1 to 5, then
    "weet ik niet"."""
    return [
        ("1", "1", _("not at all")),
        ("2", "2", ""),
        ("3", "3", ""),
        ("4", "4", ""),
        ("5", "5", _("completely")),
        ("?", _("don't know"), ""),
    ]


def _joined(request: HtmxHttpRequest, code: str) -> tuple[Sessie, Deelnemer] | HttpResponse:
    """The open session with this code and the participant this browser is in it; else the
    answer to give instead: too many guesses, an unknown code (counted as a guess), or to the
    join page for a browser that has not joined yet."""
    if _too_many(request):
        return _limited_response(request)
    # Each page of every phone: one statement finds the participant with the session; only a
    # browser that did not join it (or a code of a session long closed) takes the longer way.
    deelnemer = _deelnemer_by_code(request, code)
    if deelnemer is not None and deelnemer.sessie.is_open:
        return deelnemer.sessie, deelnemer
    sessie = sessie_selectors.sessie_by_code(code=code.upper())
    if sessie is None:
        return _unknown_code(request)
    deelnemer = _deelnemer_for(request, sessie)
    if deelnemer is None:
        return redirect("condities:doe_mee_code", code=sessie.code)
    return sessie, deelnemer


@login_not_required
@require_http_methods(["GET"])
def vragen(request: HtmxHttpRequest, code: str) -> HttpResponse:
    gevonden = _joined(request, code)
    if isinstance(gevonden, HttpResponse):
        return gevonden
    sessie, deelnemer = gevonden
    volg = scherm_services.telefoon_stap(sessie=sessie)
    if volg == "":  # the screen is past the conditions
        return render(
            request,
            "condities/kijk_scherm.html",
            {"sessie": sessie, "tempo": _tempo(volg)},
        )
    if volg and scherm_services.gesprek_conditie(volg):  # the room talks about a condition
        return redirect("condities:gesprek", code=sessie.code)
    context = _vragen_context(sessie, deelnemer, volg or request.GET.get("conditie"))
    context.update(samen_op=volg is not None, tempo=_tempo(volg))
    return render(request, "condities/vragen.html", context)


def _gesprek_context(
    sessie: Sessie, deelnemer: Deelnemer, conditie: str, form: InbrengForm | None = None
) -> dict:
    codes = list(sessie.condities)
    index = codes.index(conditie)
    return {
        "sessie": sessie,
        "conditie": {"code": conditie, "label": Conditie(conditie).label},
        "volgende": codes[index + 1] if index + 1 < len(codes) else None,
        "vragen": inbreng_selectors.vragen_voor(sessie=sessie, conditie=conditie),
        "gestemd": inbreng_selectors.gestemd(deelnemer=deelnemer),
        # A refused answer: which question, why, and what was typed (nothing lost).
        "fout_soort": form.data.get("soort") if form is not None else None,
        "fouten": form.errors.get("tekst", []) if form is not None else [],
        "getypt": form.data.get("tekst", "") if form is not None else "",
        "tekst_max": INBRENG_MAX,
    }


def _vraag(context: dict, soort: str):
    """The question of this kind among the context's (the first when the kind is unknown)."""
    return next((v for v in context["vragen"] if v.soort == soort), context["vragen"][0])


@login_not_required
@never_cache
@require_GET
def gesprek(request: HtmxHttpRequest, code: str) -> HttpResponse:
    """The conversation about a condition on the phone: write what goes well and a small next
    step, and vote for what others wrote (once the facilitator approved it). htmx polls the
    lists alone (`?deel=lijsten`)."""
    gevonden = _joined(request, code)
    if isinstance(gevonden, HttpResponse):
        return gevonden
    sessie, deelnemer = gevonden
    volg = scherm_services.telefoon_stap(sessie=sessie)
    conditie = scherm_services.gesprek_conditie(volg or "") or request.GET.get("conditie", "")
    if volg is not None and not scherm_services.gesprek_conditie(volg):
        return redirect("condities:vragen", code=sessie.code)  # the room is elsewhere
    if conditie not in sessie.condities:
        conditie = sessie.condities[0]
    context = _gesprek_context(sessie, deelnemer, conditie)
    context.update(samen_op=volg is not None, tempo=_tempo(volg))
    if request.htmx and request.GET.get("deel") == "lijsten":
        return render(request, "condities/gesprek.html#lijsten", context)
    return render(request, "condities/gesprek.html", context)


@login_not_required
@require_POST
def inbreng(request: HtmxHttpRequest, code: str) -> HttpResponse:
    """Send an open answer (anonymous). htmx gets the question's form back, empty and with a
    word of thanks; a plain post goes back to the conversation page."""
    deelnemer = _deelnemer_by_code(request, code)
    if deelnemer is None:
        return _not_found(request)
    sessie = deelnemer.sessie
    form = InbrengForm(request.POST, condities=sessie.condities)
    if form.is_valid():
        data = form.cleaned_data
        try:
            inbreng_services.inbreng_add(
                deelnemer=deelnemer,
                conditie=data["conditie"],
                soort=data["soort"],
                tekst=data["tekst"],
            )
        except SessieGesloten:
            return render(
                request, "condities/doe_mee_gesloten.html", {"sessie": sessie}, status=409
            )
        except inbreng_services.TeveelInbreng:
            form.add_error(
                "tekst",
                _("You have sent many answers already. Say the rest out loud in the room."),
            )
    conditie = form.data.get("conditie", "")
    if conditie not in sessie.condities:
        return HttpResponse(_("This question is not part of this session."), status=400)
    if form.is_valid():
        if request.htmx:
            context = _gesprek_context(sessie, deelnemer, conditie)
            context.update(vraag=_vraag(context, form.cleaned_data["soort"]), verstuurd=True)
            return render(request, "condities/gesprek.html#formulier", context)
        messages.success(request, _("Sent. The facilitator puts it on the screen."))
        url = reverse("condities:gesprek", args=[sessie.code])
        return redirect(f"{url}?{urlencode({'conditie': conditie})}")
    context = _gesprek_context(sessie, deelnemer, conditie, form)
    if request.htmx:
        context.update(vraag=_vraag(context, form.data.get("soort", "")))
        return render(request, "condities/gesprek.html#formulier", context, status=422)
    context.update(samen_op=False, tempo="eigen")
    return render(request, "condities/gesprek.html", context, status=422)


@login_not_required
@require_POST
def stem(request: HtmxHttpRequest, code: str, inbreng_pk: int) -> HttpResponse:
    """Vote for an approved open answer, or take the vote back."""
    deelnemer = _deelnemer_by_code(request, code)
    if deelnemer is None:
        return _not_found(request)
    sessie = deelnemer.sessie
    gekozen = inbreng_selectors.inbreng_get_for_sessie(sessie=sessie, pk=inbreng_pk)
    if gekozen is None:
        return _not_found(request)
    try:
        inbreng_services.stem_toggle(deelnemer=deelnemer, inbreng=gekozen)
    except SessieGesloten:
        return render(request, "condities/doe_mee_gesloten.html", {"sessie": sessie}, status=409)
    except inbreng_services.InbrengNietMogelijk:
        return message_page(
            request,
            participant=True,
            titel=_("No longer on the screen"),
            tekst=_("The facilitator has taken this answer off the screen."),
            status=409,
            link_url=reverse("condities:gesprek", args=[sessie.code]),
            link_tekst=_("Back to the conversation"),
        )
    if request.htmx:
        gekozen.refresh_from_db(fields=["stemmen"])
        return render(
            request,
            "condities/gesprek.html#stem",
            {
                "sessie": sessie,
                "inbreng": gekozen,
                "gestemd": inbreng_selectors.gestemd(deelnemer=deelnemer),
            },
        )
    url = reverse("condities:gesprek", args=[sessie.code])
    return redirect(f"{url}?{urlencode({'conditie': gekozen.conditie})}#inbreng-{gekozen.pk}")


def _tempo(volg: str | None) -> str:
    """What a phone shows of the room's pace, as the poll compares it."""
    return "eigen" if volg is None else (volg or "scherm")


@login_not_required
@never_cache
@require_GET
def stap(request: HtmxHttpRequest, code: str) -> HttpResponse:
    """A phone's poll: 204 while the room's pace is what it shows, else a redirect (htmx) to the
    questions as they are now. Only for participants of the session."""
    sessie = sessie_selectors.sessie_by_code(code=code.upper())
    if sessie is None or _deelnemer_for(request, sessie) is None:
        return HttpResponse(status=404)
    nu = _tempo(scherm_services.telefoon_stap(sessie=sessie))
    if request.GET.get("tempo", "")[:20] == nu:
        return HttpResponse(status=204)
    response = HttpResponse()
    response["HX-Redirect"] = reverse("condities:vragen", args=[sessie.code])
    return response


def _opgeslagen_html(voortgang: dict) -> SafeString:
    """The answer to one click: "saved" and the progress. The same for every phone at the same
    point (nothing of the participant but how far they are), so each worker renders it once per
    point and language instead of on every click of a conference room."""
    return _van_worker(
        f"vragen:opgeslagen:{voortgang['beantwoord']}:{voortgang['totaal']}:{get_language()}",
        lambda: render_to_string("condities/vragen.html#opgeslagen", {"voortgang": voortgang}),
        None,
    )


def _pk(tekst: str) -> int | None:
    """A primary key typed in a request, or None when it cannot be one (the form says why)."""
    return int(tekst) if tekst.isascii() and tekst.isdigit() and len(tekst) <= 18 else None


@login_not_required
@require_POST
def antwoord(request: HtmxHttpRequest, code: str) -> HttpResponse:
    """Save answers the moment they are given (htmx), or a whole condition (a plain post); the
    last condition's button ("volgende" = "klaar") also marks the participant done.

    All of one post or nothing of it is stored (`antwoorden_save` is one transaction).
    """
    # The statement of a single answer (an htmx click), so that the participant comes with
    # whether it was answered before: the progress after it, without another statement.
    sleutels = [k[1:] for k in request.POST if k.startswith("s")]
    deelnemer = _deelnemer_by_code(
        request, code, stelling_pk=_pk(sleutels[0]) if len(sleutels) == 1 else None
    )
    if deelnemer is None:  # an unknown code, or not (yet) a participant of its session
        return _not_found(request)
    sessie = deelnemer.sessie
    stellingen = sessie_selectors.stellingen_for_sessie_cached(sessie=sessie)
    form = AntwoordenForm(request.POST, stellingen=stellingen)
    if not form.is_valid():
        return HttpResponse(_("This answer is not part of this session."), status=400)
    antwoorden = form.cleaned_data["antwoorden"]
    volgende = form.cleaned_data["volgende"]
    enkel = request.htmx and len(antwoorden) == 1
    try:
        deelname_services.antwoorden_save(
            deelnemer=deelnemer, antwoorden=antwoorden, finish=volgende == "klaar"
        )
    except SessieGesloten:
        return render(request, "condities/doe_mee_gesloten.html", {"sessie": sessie}, status=409)
    if enkel:
        # Only what the statement's status and the progress bar show: a few hundred bytes. The
        # progress was read with the participant, before the save: the answer is the request's
        # last write, so a participant told "saved" has it stored.
        voortgang = deelnemer_selectors.voortgang_na(deelnemer=deelnemer, totaal=len(stellingen))
        return HttpResponse(_opgeslagen_html(voortgang))
    if volgende == "klaar":
        return redirect("condities:klaar", code=sessie.code)
    if over := scherm_services.gesprek_conditie(volgende):  # on to the conversation
        url = reverse("condities:gesprek", kwargs={"code": sessie.code})
        return redirect(f"{url}?{urlencode({'conditie': over})}")
    url = reverse("condities:vragen", kwargs={"code": sessie.code})
    return redirect(f"{url}?conditie={volgende}" if volgende else url)


@login_not_required
@require_http_methods(["GET", "POST"])
def klaar(request: HtmxHttpRequest, code: str) -> HttpResponse:
    """The thank-you page. A GET only shows it; a POST (finishing) marks the participant done."""
    sessie = sessie_selectors.sessie_by_any_code(code=code.upper())
    deelnemer = _deelnemer_for(request, sessie) if sessie else None
    if sessie is None or deelnemer is None:
        return _not_found(request)
    if request.method == "POST":
        with contextlib.suppress(SessieGesloten):  # closed meanwhile: the page says so
            deelname_services.deelnemer_finish(deelnemer=deelnemer)
    return render(request, "condities/klaar.html", {"sessie": sessie, "deelnemer": deelnemer})
