"""Rules shared by records that belong to a period of care."""

from datetime import date

from django.core.exceptions import ValidationError

from kinfolio.core.intervals import covers


def clean_during_period(
    *, period, child_id: int | None, day: date | None, field: str, what: str
) -> None:
    """Refuse a record linked to another child's period, or dated outside its period."""
    if period is None:
        return
    if child_id is not None and period.child_id != child_id:
        raise ValidationError({"period": "This period of care belongs to another child."})
    if day is not None and not covers(period.start_date, period.end_date, day):
        raise ValidationError(
            {
                field: f"The {what} must be dated while the child was looked "
                "after in this period of care."
            }
        )


def clean_while_looked_after(
    *, child_id: int | None, day: date | None, field: str, what: str
) -> None:
    """Refuse a record dated on a day the child was not looked after."""
    from kinfolio.children_in_care.models.periods import PeriodOfCare

    if child_id is None or day is None:
        return
    if not PeriodOfCare.objects.filter(child_id=child_id).covering(day).exists():
        raise ValidationError(
            {field: f"The {what} must be dated while the child was looked after."}
        )
