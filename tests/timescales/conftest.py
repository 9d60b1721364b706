import pytest

from kinfolio.timescales.calendar import clear_default_calendar


@pytest.fixture(autouse=True)
def fresh_default_calendar():
    # The cached calendar outlives each test's transaction (closure days), so drop it.
    clear_default_calendar()
    yield
    clear_default_calendar()
