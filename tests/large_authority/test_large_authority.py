"""The large authority (a big English council): its size, and every invariant over its
whole history. It takes minutes to generate, so `make test` runs it once, on PostgreSQL."""

import pytest
from django.db.models import Q

from kinfolio.care_leavers.selectors import care_leavers_on
from kinfolio.children_in_care.models import PeriodOfCare
from kinfolio.core.invariants import violations
from kinfolio.demo_authority.profiles import DEFAULT_CENSUS_DATE as CENSUS
from kinfolio.demo_authority.profiles import LARGE
from kinfolio.protection.models import ChildProtectionPlan
from kinfolio.referrals.models import CINEpisode

pytestmark = [pytest.mark.django_db(serialized_rollback=True), pytest.mark.large]


def test_large_has_2000_looked_after_children(large_authority):
    assert PeriodOfCare.objects.covering(CENSUS).count() == LARGE.care.total == 2_000


def test_large_has_its_protection_plans_and_care_leavers(large_authority):
    open_plans = ChildProtectionPlan.objects.filter(
        Q(end_date__isnull=True) | Q(end_date__gt=CENSUS), start_date__lte=CENSUS
    )
    assert open_plans.count() == LARGE.protection.total
    assert care_leavers_on(CENSUS).count() == LARGE.care.care_leavers_16_17


def test_large_has_about_15000_children_in_need_a_year(large_authority):
    year_ago = CENSUS.replace(year=CENSUS.year - 1)
    in_need = (
        CINEpisode.objects.filter(
            Q(close_date__isnull=True) | Q(close_date__gte=year_ago), referral_date__lte=CENSUS
        )
        .values("child")
        .distinct()
        .count()
    )
    print(f"children in need in the year to the census date: {in_need:,}")
    assert 12_000 <= in_need <= 18_000


def test_large_history_obeys_every_invariant(large_authority):
    assert violations() == {}
