"""Hand-worked scenarios for the numbers, placements and stability of looked after
children. The year is 2024-25: 1 April 2024 to 31 March 2025."""

import pytest

from kinfolio.workforce.models import Allocation
from tests.factories import WorkerFactory, located
from tests.factories_care import CareEpisodeFactory, ChildFactory, D, PeriodOfCareFactory
from tests.performance.indicators.helpers import children, figure, population, triple

pytestmark = pytest.mark.django_db


def placements(child, starts, *, period_start=None, reasons=None, **fields):
    """A period of care from ``period_start`` (or the first placement) whose episodes
    start on ``starts``, each ending as the next begins."""
    period = PeriodOfCareFactory(child=child, start_date=period_start or starts[0])
    reasons = reasons or ["S", *["P"] * (len(starts) - 1)]
    for i, (start, reason) in enumerate(zip(starts, reasons, strict=True)):
        end = starts[i + 1] if i + 1 < len(starts) else None
        CareEpisodeFactory(
            period=period,
            start_date=start,
            end_date=end,
            reason_new_episode=reason,
            reason_ceased="X1" if end else "",
            **fields,
        )
    return period


def test_looked_after_started_and_ceased_count_each_child_once():
    PeriodOfCareFactory(start_date=D(2024, 1, 1))
    PeriodOfCareFactory(start_date=D(2024, 5, 1), end_date=D(2025, 3, 31))
    twice = ChildFactory()
    PeriodOfCareFactory(child=twice, start_date=D(2024, 6, 1), end_date=D(2024, 8, 1))
    PeriodOfCareFactory(child=twice, start_date=D(2024, 10, 1))
    PeriodOfCareFactory(start_date=D(2025, 4, 1))
    population(8_000, "2024-25")

    # At the end of 31 March: the one from 2024 and the child who came back in October.
    assert triple("looked_after") == (2, None, 2)
    assert triple("looked_after_rate") == (2, 8_000, 2.5)
    # Started: 1 May and the child who started twice (once).
    assert triple("started_looked_after") == (2, None, 2)
    # Ceased: 31 March and the child who left on 1 August (once).
    assert triple("ceased_looked_after") == (2, None, 2)


def test_short_term_placements_are_left_out_as_the_dfe_does():
    # The DfE's figures exclude children looked after under an agreed series of
    # short-term placements (legal status V3, V4).
    home = ChildFactory()
    placements(home, [D(2024, 1, 1)], placement_type="K2")
    placements(ChildFactory(), [D(2024, 1, 1)], placement_type="K2", legal_status="V3")
    placements(ChildFactory(), [D(2024, 6, 1)], legal_status="V4")
    fostered = ChildFactory()
    placements(fostered, [D(2024, 6, 1)], placement_type="U1")
    for status, ended in (("V3", D(2024, 9, 1)), ("C2", D(2024, 10, 1))):
        period = PeriodOfCareFactory(start_date=D(2024, 1, 1), end_date=ended)
        CareEpisodeFactory(period=period, end_date=ended, legal_status=status, reason_ceased="E13")

    # At 31 March: the child in the children's home on a care order and the one fostered.
    assert children(figure("looked_after").numerator_rows) == {home.pk, fostered.pk}
    # Started: the child fostered from June (not the short breaks from June).
    assert children(figure("started_looked_after").numerator_rows) == {fostered.pk}
    # Ceased: the child who left on 1 October (not the short breaks ending 1 September).
    assert triple("ceased_looked_after") == (1, None, 1)
    assert triple("childrens_homes") == (1, 2, 50.0)
    assert triple("foster_care") == (1, 2, 50.0)


def test_three_or_more_placements_count_the_one_carried_into_the_year():
    # Carried in from January 2024, then moved in June and September: 3 placements.
    three = ChildFactory()
    placements(three, [D(2024, 1, 1), D(2024, 6, 1), D(2024, 9, 1)])
    # Carried in, a change of legal status only (L) in June, a move in September: 2.
    placements(
        ChildFactory(), [D(2024, 1, 1), D(2024, 6, 1), D(2024, 9, 1)], reasons=["S", "L", "P"]
    )
    # Started on 1 April 2024, moved 1 May and on 31 March 2025: 3.
    late = ChildFactory()
    placements(late, [D(2024, 4, 1), D(2024, 5, 1), D(2025, 3, 31)])

    found = figure("three_or_more_placements")
    assert (found.numerator, found.denominator, found.value) == (2, 3, 66.7)
    assert children(found.numerator_rows) == {three.pk, late.pk}


def test_long_term_stability_for_children_under_16_looked_after_two_and_a_half_years():
    # 2½ years before 31 Mar 2025 is 30 Sep 2022; 2 years before is 31 Mar 2023.
    stable = ChildFactory(date_of_birth=D(2012, 1, 1))
    placements(stable, [D(2022, 9, 1), D(2023, 3, 31)])
    placements(ChildFactory(date_of_birth=D(2012, 1, 1)), [D(2022, 9, 1), D(2023, 4, 1)])
    placements(ChildFactory(date_of_birth=D(2012, 1, 1)), [D(2022, 10, 1)])
    # 16 on 31 March 2025: no longer under 16.
    placements(ChildFactory(date_of_birth=D(2009, 3, 31)), [D(2020, 1, 1)])

    found = figure("long_term_stability")
    assert (found.numerator, found.denominator, found.value) == (1, 2, 50.0)
    assert children(found.numerator_rows) == {stable.pk}


def test_where_children_are_placed_at_the_end_of_the_year():
    placements(ChildFactory(), [D(2024, 1, 1)], placement_type="U4")
    placements(ChildFactory(), [D(2024, 1, 1)], placement_type="K2")
    placements(ChildFactory(), [D(2024, 1, 1)], placement_type="P1")

    assert triple("childrens_homes") == (1, 3, 33.3)
    assert triple("foster_care") == (1, 3, 33.3)


def test_placements_over_20_miles_from_home_and_outside_the_authority(settings):
    settings.KINFOLIO_AUTHORITY_POSTCODE_DISTRICTS = ["MK9"]
    # Points on one meridian: 0.1 degree of latitude is 6.91 miles (haversine).
    for postcode, latitude in [
        ("MK9 1AA", 52.0),
        ("MK9 1AB", 52.1),  # 6.9 miles from MK9 1AA
        ("LU1 2BB", 52.05),  # 3.5 miles from MK9 1AA, outside MK9
        ("NN1 1AA", 52.3),  # 20.7 miles from MK9 1AA
    ]:
        located(postcode, latitude)

    def placed(home, place, **fields):
        child = ChildFactory()
        placements(child, [D(2024, 1, 1)], home_postcode=home, placement_postcode=place, **fields)
        return child

    near_inside = placed("MK9 1AA", "MK9 1AB")
    far_outside = placed("MK9 1AA", "NN1 1AA")
    near_outside = placed("MK9 1AA", "LU1 2BB")
    unknown_outside = placed("MK9 1AA", "OX1 1AA")  # no stored location: distance not known
    not_recorded = placed("MK9 1AA", "")
    far_inside = placed("NN1 1AA", "MK9 1AA")  # home outside, placed inside, 20.7 miles
    # Not counted: short breaks (V3), and a placement that ended on 31 March.
    placed("MK9 1AA", "NN1 1AA", legal_status="V3")
    ended = PeriodOfCareFactory(start_date=D(2024, 1, 1), end_date=D(2025, 3, 31))
    CareEpisodeFactory(
        period=ended,
        end_date=D(2025, 3, 31),
        reason_ceased="E11",
        home_postcode="MK9 1AA",
        placement_postcode="NN1 1AA",
    )

    # Six placements at the end of 31 March 2025 (short breaks left out).
    far = figure("placed_over_20_miles")
    assert (far.numerator, far.denominator, far.value) == (2, 6, 33.3)
    assert children(far.numerator_rows) == {far_outside.pk, far_inside.pk}
    assert children(far.denominator_rows) == {
        near_inside.pk,
        far_outside.pk,
        near_outside.pk,
        unknown_outside.pk,
        not_recorded.pk,
        far_inside.pk,
    }
    away = figure("placed_out_of_area")
    assert (away.numerator, away.denominator, away.value) == (3, 6, 50.0)
    assert children(away.numerator_rows) == {far_outside.pk, near_outside.pk, unknown_outside.pk}
    both = figure("placed_out_of_area_over_20_miles")
    assert (both.numerator, both.denominator, both.value) == (1, 6, 16.7)
    assert children(both.numerator_rows) == {far_outside.pk}


def test_three_or_more_social_workers_in_the_year():
    many, few = ChildFactory(), ChildFactory()
    for child in (many, few):
        placements(child, [D(2024, 1, 1)])
    # The first allocation ended on 1 April 2024: it still counts in the year.
    for start, end in (
        (D(2024, 1, 1), D(2024, 4, 1)),
        (D(2024, 4, 1), D(2024, 9, 1)),
        (D(2024, 9, 1), None),
    ):
        worker = WorkerFactory()
        Allocation.objects.create(
            child=many,
            role="social_worker",
            team=worker.team,
            worker=worker,
            start_date=start,
            end_date=end,
        )
    for start, end in (
        (D(2023, 1, 1), D(2024, 3, 31)),
        (D(2024, 3, 31), D(2024, 9, 1)),
        (D(2024, 9, 1), None),
    ):
        worker = WorkerFactory()
        Allocation.objects.create(
            child=few,
            role="social_worker",
            team=worker.team,
            worker=worker,
            start_date=start,
            end_date=end,
        )

    found = figure("three_or_more_social_workers")
    assert (found.numerator, found.denominator, found.value) == (1, 2, 50.0)
    assert children(found.numerator_rows) == {many.pk}
