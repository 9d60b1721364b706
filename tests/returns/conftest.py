import pytest

from tests.factories import D
from tests.factories_care import CareEpisodeFactory, PeriodOfCareFactory


@pytest.fixture
def looked_after_child(db):
    """A child looked after from June 2025 in foster care, still looked after."""
    period = PeriodOfCareFactory(
        child__local_id="KF0000001",
        child__sex="F",
        child__date_of_birth=D(2014, 2, 3),
        child__ethnicity="WBRI",
        start_date=D(2025, 6, 2),
    )
    CareEpisodeFactory(period=period)
    return period.child
