"""The local calendar data that statutory timescales are counted over."""

from django.core.validators import RegexValidator
from django.db import models

from kinfolio.core.models import Recorded, dates_in_order


class ClosureDay(Recorded):
    """A day the council is closed though it is not a bank holiday (e.g. between
    Christmas and New Year), so it does not count as a working day.

    After adding, changing or removing one, call
    ``kinfolio.timescales.calendar.clear_default_calendar()``: due dates already stored
    are not recalculated.
    """

    date = models.DateField(unique=True)
    reason = models.CharField(max_length=200, help_text="For example, council Christmas closure")

    class Meta:
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date.day} {self.date:%B %Y}: {self.reason}"


class SchoolTerm(Recorded):
    """A school term (or half-term) in the council's published term dates.

    Personal education plan timescales are counted in school days, which fall only
    inside these terms. Record each half-term separately so that the break between
    them is not counted.
    """

    academic_year = models.CharField(
        max_length=7,
        validators=[RegexValidator(r"^\d{4}/\d{2}$", "Enter the academic year like 2024/25")],
        help_text="For example, 2024/25",
    )
    name = models.CharField(max_length=50, help_text="For example, Autumn 1")
    start_date = models.DateField()
    end_date = models.DateField()

    class Meta:
        ordering = ["start_date"]
        constraints = [
            dates_in_order("start_date", "end_date", "school_term_dates_in_order"),
            models.UniqueConstraint(
                fields=["academic_year", "name"],
                name="one_school_term_per_year_and_name",
                violation_error_message="That academic year already has a term with this name.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.academic_year} {self.name}"
