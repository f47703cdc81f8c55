"""The condities factories make valid rows that respect the models' constraints."""

import pytest

from condities.models import Antwoord, ConditieScore, Deelnemer, PapierTelling, Sessie
from condities.services import CODE_ALPHABET, CODE_LENGTH
from tests.factories import (
    ActieFactory,
    AntwoordFactory,
    ConditieScoreFactory,
    DeelnemerFactory,
    OpenVraagFactory,
    PapierTellingFactory,
    SessieFactory,
    StellingensetFactory,
    StellingFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "factory",
    [
        StellingensetFactory,
        StellingFactory,
        OpenVraagFactory,
        SessieFactory,
        DeelnemerFactory,
        AntwoordFactory,
        PapierTellingFactory,
        ActieFactory,
        ConditieScoreFactory,
    ],
)
def test_each_factory_makes_a_row_that_passes_validation(factory):
    obj = factory()
    obj.full_clean()
    assert type(obj).objects.filter(pk=obj.pk).exists()


def test_open_sessions_get_distinct_join_codes_from_the_apps_alphabet():
    sessies = SessieFactory.create_batch(5, open=True)
    codes = {sessie.code for sessie in sessies}
    assert len(codes) == 5
    assert all(len(code) == CODE_LENGTH and set(code) <= set(CODE_ALPHABET) for code in codes)
    assert all(sessie.is_open for sessie in sessies)
    assert SessieFactory().code == ""
    assert SessieFactory().status == Sessie.Status.CONCEPT


def test_related_rows_stay_within_one_session_and_practice():
    antwoord = AntwoordFactory()
    assert antwoord.stelling.set_id == antwoord.deelnemer.sessie.stellingenset_id
    assert antwoord.deelnemer.sessie.stellingenset.praktijk == antwoord.deelnemer.sessie.praktijk

    telling = PapierTellingFactory()
    assert telling.stelling.set_id == telling.sessie.stellingenset_id

    score = ConditieScoreFactory()
    assert score.praktijk == score.sessie.praktijk
    assert score.sessie.status == Sessie.Status.GESLOTEN
    assert (score.bron, score.datum) == (score.sessie.soort, score.sessie.datum)


def test_participants_get_unique_tokens():
    sessie = SessieFactory(open=True)
    deelnemers = DeelnemerFactory.create_batch(3, sessie=sessie)
    assert len({d.token for d in deelnemers}) == 3
    assert Deelnemer.objects.filter(sessie=sessie).count() == 3
    assert Antwoord.objects.count() == 0
    assert PapierTelling.objects.count() == 0
    assert ConditieScore.objects.count() == 0
