"""福州 specs: every feature file under features/fuzhou."""

from pytest_bdd import scenarios

scenarios("fuzhou")
