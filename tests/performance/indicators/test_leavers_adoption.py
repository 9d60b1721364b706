"""Hand-worked scenarios for care leavers and adoption. The year is 2024-25."""

import pytest

from kinfolio.care_leavers.models import CareLeaverContact
from tests.factories_care import (
    AdopterHouseholdFactory,
    AdoptionPlanFactory,
    CareEpisodeFactory,
    ChildFactory,
    D,
    PeriodOfCareFactory,
)
from tests.performance.indicators.helpers import children, figure, triple

pytestmark = pytest.mark.django_db


def leaver(born, birthday, *, in_touch="YES", activity="F2", accommodation="D1"):
    child = ChildFactory(date_of_birth=born)
    CareLeaverContact.objects.create(
        child=child,
        birthday=birthday,
        in_touch=in_touch,
        activity=activity,
        accommodation=accommodation,
    )
    return child


def test_care_leavers_turning_17_or_18_in_the_year():
    # Turned 18 on 31 Mar 2025 and 17 on 1 Apr 2024: both in the year's cohort.
    eighteen = leaver(D(2007, 3, 31), D(2025, 3, 31))
    leaver(D(2007, 4, 1), D(2024, 4, 1), activity="G5", accommodation="S2")
    # Turned 18 on 1 Apr 2025: next year's.
    leaver(D(2007, 4, 1), D(2025, 4, 1))
    # Turned 19: the older cohort.
    leaver(D(2005, 6, 1), D(2024, 6, 1))
    # Returned home for 6 months: left out.
    leaver(D(2007, 5, 1), D(2024, 5, 1), in_touch="RHOM", activity="0", accommodation="0")

    found = figure("care_leavers_eet_17_18")
    assert (found.numerator, found.denominator, found.value) == (1, 2, 50.0)
    assert children(found.numerator_rows) == {eighteen.pk}
    assert triple("care_leavers_accommodation_17_18") == (1, 2, 50.0)


def test_care_leavers_aged_19_to_21():
    leaver(D(2005, 6, 1), D(2024, 6, 1))  # 19, in education, suitably housed
    leaver(D(2003, 6, 1), D(2024, 6, 1), activity="G4", accommodation="B1")  # 21
    leaver(D(2004, 6, 1), D(2024, 6, 1), in_touch="NO", activity="0", accommodation="0")  # 20
    leaver(D(2002, 6, 1), D(2024, 6, 1))  # 22: no longer counted

    assert triple("care_leavers_eet_19_21") == (1, 3, 33.3)
    assert triple("care_leavers_accommodation_19_21") == (2, 3, 66.7)


def adopted(entered, order, matched, placed, adoption_order, ceased=None):
    child = ChildFactory()
    period = PeriodOfCareFactory(child=child, start_date=entered, end_date=ceased)
    CareEpisodeFactory(
        period=period, end_date=ceased, reason_ceased="E11" if ceased else "", placement_type="A4"
    )
    AdoptionPlanFactory(
        child=child,
        adm_decision_date=entered,
        placement_order_date=order,
        matched_date=matched,
        placed_date=placed,
        adoption_order_date=adoption_order,
        adopters=AdopterHouseholdFactory(),
    )
    return child


def test_adoption_a1_and_a2_average_the_days_of_children_adopted_in_the_year():
    # Entered care 1 Jan 2023, placed 1 Jan 2024: 365 days. Order 1 Jul 2023 to match
    # 1 Dec 2023: 153 days.
    adopted(
        D(2023, 1, 1), D(2023, 7, 1), D(2023, 12, 1), D(2024, 1, 1), D(2024, 6, 1), D(2024, 6, 1)
    )
    # Entered 1 Jan 2024, placed 1 Jul 2024: 182 days. Order 1 Mar 2024 to match
    # 1 Jun 2024: 92 days.
    adopted(
        D(2024, 1, 1), D(2024, 3, 1), D(2024, 6, 1), D(2024, 7, 1), D(2025, 3, 31), D(2025, 3, 31)
    )
    # Adopted on 1 April 2025: next year.
    adopted(D(2023, 1, 1), D(2023, 7, 1), D(2023, 12, 1), D(2024, 1, 1), D(2025, 4, 1))
    # Ceased to be looked after another way.
    PeriodOfCareFactory(start_date=D(2023, 1, 1), end_date=D(2024, 9, 1))

    # (365 + 182) / 2 = 273.5; (153 + 92) / 2 = 122.5
    assert triple("adoption_a1") == (547, 2, 273.5)
    assert triple("adoption_a2") == (245, 2, 122.5)
    # Ceased in the year: the two adopted and the one who went home: 2 / 3.
    assert triple("adopted") == (2, 3, 66.7)
