"""Experiments of `stein`: one its `lid` is involved in through their organisation, one not."""

import pytest

from experimenten.models import Experiment
from tests.factories import ExperimentFactory, OntwerpvraagFactory, OrganisatieFactory


@pytest.fixture
def vraag(praktijk):
    return OntwerpvraagFactory(
        praktijk=praktijk, vraag="Hoe kunnen we huisartsen bewust maken van mantelzorgers?"
    )


@pytest.fixture
def experiment_betrokken(vraag, eigen_organisatie):
    """An experiment the `lid` persona's organisation takes part in."""
    experiment = ExperimentFactory(
        ontwerpvraag=vraag, titel="Huisartsen en mantelzorg", status=Experiment.Status.LOOPT
    )
    experiment.organisaties.add(eigen_organisatie)
    return experiment


@pytest.fixture
def experiment_niet_betrokken(vraag):
    """An experiment of `stein` the `lid` persona's organisation has nothing to do with."""
    experiment = ExperimentFactory(
        ontwerpvraag=vraag, titel="Van thuis naar het verpleeghuis", status=Experiment.Status.LOOPT
    )
    experiment.organisaties.add(OrganisatieFactory(naam="Verpleeghuis De Hoge Berg"))
    return experiment
