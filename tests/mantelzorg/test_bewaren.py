"""Retention: contact details go when their period ends; the feedback stays, anonymous."""

import datetime

import pytest
from django.utils import timezone

from mantelzorg import selectors, services, tasks
from mantelzorg.models import Reactie
from tests.factories import ReactieFactory

pytestmark = pytest.mark.django_db


def _met_contact(praktijk, bewaren_tot: datetime.date) -> Reactie:
    return ReactieFactory(
        praktijk=praktijk,
        contact_toestemming=True,
        naam="Anna de Vries",
        email="anna@voorbeeld.example",
        telefoon="06 12345678",
        contact_bewaren_tot=bewaren_tot,
    )


def test_the_daily_task_removes_contact_details_whose_period_has_passed(praktijk):
    vandaag = timezone.localdate()
    verlopen = _met_contact(praktijk, vandaag - datetime.timedelta(days=1))
    laatste_dag = _met_contact(praktijk, vandaag)
    later = _met_contact(praktijk, vandaag + datetime.timedelta(days=30))
    zonder = ReactieFactory(praktijk=praktijk)

    assert tasks.contact_expired_delete_task.delay().get() == 1

    verlopen.refresh_from_db()
    assert (verlopen.naam, verlopen.email, verlopen.telefoon) == ("", "", "")
    assert not verlopen.contact_toestemming and verlopen.contact_bewaren_tot is None
    assert verlopen.contact_verwijderd_op is not None
    # The feedback itself stays.
    assert verlopen.wat_gaat_goed and verlopen.kan_beter and verlopen.keer_verteld == 3
    for blijft in (laatste_dag, later):
        blijft.refresh_from_db()
        assert blijft.naam == "Anna de Vries"
    zonder.refresh_from_db()
    assert zonder.contact_verwijderd_op is None

    # A second run finds nothing to do.
    assert services.contact_expired_delete() == 0


def test_the_retention_date_is_the_setting_in_months(settings):
    settings.MANTELZORG_CONTACT_BEWAREN_MAANDEN = 6
    assert selectors.contact_bewaren_tot(vandaag=datetime.date(2026, 8, 31)) == datetime.date(
        2027, 2, 28
    )
    settings.MANTELZORG_CONTACT_BEWAREN_MAANDEN = 1
    assert selectors.contact_bewaren_tot(vandaag=datetime.date(2026, 1, 31)) == datetime.date(
        2026, 2, 28
    )


def test_months_are_added_across_years():
    assert selectors.plus_maanden(datetime.date(2026, 11, 15), 3) == datetime.date(2027, 2, 15)
    assert selectors.plus_maanden(datetime.date(2026, 3, 1), -11) == datetime.date(2025, 4, 1)
