"""Reads about care leavers."""

from datetime import date

from django.db.models import Exists, OuterRef, Q, QuerySet

from kinfolio.care_leavers.models import CareLeaverStatus, Eligibility
from kinfolio.people.models import Person


def _years_before(day: date, years: int) -> date:
    """The day ``years`` years before ``day``: someone born then reaches that age on
    ``day`` (29 February falls back to 28 February, so a leapling comes of age on
    1 March in other years, as in England)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return date(day.year - years, 2, 28)


def care_leavers_on(day: date) -> QuerySet[Person]:
    """Young people aged 16 or 17 on ``day`` who had care leaver status then: eligible
    (still looked after) or relevant (left care at 16 or 17). This is the "care leaver
    status (aged 16 and 17)" figure inspectors quote (Ofsted, 2012, paragraph 8)."""
    status = CareLeaverStatus.objects.filter(
        Q(end_date__isnull=True) | Q(end_date__gt=day),
        child=OuterRef("pk"),
        start_date__lte=day,
        eligibility__in=[Eligibility.ELIGIBLE, Eligibility.RELEVANT],
    )
    return Person.objects.filter(
        Exists(status),
        date_of_birth__lte=_years_before(day, 16),
        date_of_birth__gt=_years_before(day, 18),
    )
