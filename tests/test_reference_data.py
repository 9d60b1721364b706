"""Runs after tests/demo_authority/ (pytest collects in name order), which empties the
database it generated into: the migrations' reference data must still be there."""

import pytest

from kinfolio.timescales.models import TimescaleRule

pytestmark = pytest.mark.django_db


def test_timescale_rules_loaded_by_migration_are_present():
    assert TimescaleRule.objects.filter(key="assessment_45wd").exists()
