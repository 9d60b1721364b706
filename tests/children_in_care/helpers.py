"""Arrange and act helpers shared by the care tests."""

from kinfolio.children_in_care.services.care import PlacementDetails, start_looked_after
from kinfolio.recording import tokens
from tests.factories import D
from tests.factories_care import FosterHouseholdFactory

MONDAY_3_MARCH_2025 = D(2025, 3, 3)


def in_care(child, by, day=MONDAY_3_MARCH_2025, legal_status="C1"):
    """The child looked after from ``day`` with foster carers (the first review booked)."""
    return start_looked_after(
        child=child,
        day=day,
        legal_status=legal_status,
        category_of_need="N1",
        placement=PlacementDetails("U6", "PR1", foster_household=FosterHouseholdFactory()),
        by=by,
    )


def post_form(client, url, **answers):
    """Post a recording page as a browser would: a date is a (day, month, year) tuple."""
    token = client.get(url).context["draft_token"]
    data = {tokens.FIELD: token}
    for name, value in answers.items():
        if isinstance(value, tuple):
            data.update({f"{name}_{i}": part for i, part in enumerate(value)})
        else:
            data[name] = value
    return client.post(url, data, follow=True)


def day_parts(day) -> tuple[str, str, str]:
    return (str(day.day), str(day.month), str(day.year))
