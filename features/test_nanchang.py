"""南昌 specs: every feature file under features/nanchang."""

from pytest_bdd import scenarios

scenarios("nanchang")
