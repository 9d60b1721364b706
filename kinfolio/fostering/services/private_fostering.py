"""Private fostering: the authority is notified of a child cared for by someone who is
not a close relative for 28 days or more, visits them, and records the end.

The visits are casework visits of the kind "private_fostering"; when each is due
(within 7 working days of the notification, then every 6 weeks in the first year and
12 weeks after) is the timescales engine's (``care_clocks.private_fostering_visits``).
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from kinfolio.accounts.models import User
from kinfolio.audit.services.history import changes, record_event, snapshot
from kinfolio.core.writes import create_record, refuse_future_dates
from kinfolio.fostering.models import PrivateFosteringArrangement
from kinfolio.people.models import Person

# Children Act 1989, section 66: a child under 16, or under 18 if disabled.
UNDER = 16
UNDER_IF_DISABLED = 18


def notify(
    *, child: Person, carer_name: str, notified_on: date, start_date: date, by: User
) -> PrivateFosteringArrangement:
    """The authority is told of a private fostering arrangement."""
    refuse_future_dates(notified_on=notified_on)
    if not carer_name.strip():
        raise ValidationError({"carer_name": "Enter the name of the private foster carer"})
    age = child.age_on(start_date)
    limit = UNDER_IF_DISABLED if child.disabilities.strip() else UNDER
    if age is None or age >= limit:
        raise ValidationError(
            {
                "start_date": f"Private fostering is for a child under {UNDER} "
                f"(under {UNDER_IF_DISABLED} if disabled) when the arrangement starts"
            }
        )
    with transaction.atomic():
        Person.objects.select_for_update().get(pk=child.pk)  # one open arrangement at a time
        arrangement = PrivateFosteringArrangement(
            child=child,
            carer_name=carer_name.strip(),
            notified_on=notified_on,
            start_date=start_date,
        )
        return create_record(instance=arrangement, by=by, child=child)


def end_arrangement(
    *, arrangement: PrivateFosteringArrangement, day: date, by: User
) -> PrivateFosteringArrangement:
    """The arrangement ends (the child goes home, or it stops being private fostering)."""
    refuse_future_dates(day=day)
    with transaction.atomic():
        arrangement = PrivateFosteringArrangement.objects.select_for_update().get(pk=arrangement.pk)
        if arrangement.end_date:
            raise ValidationError("This arrangement has already ended.")
        if day < arrangement.start_date:
            raise ValidationError({"day": "The arrangement cannot end before it started."})
        before = snapshot(arrangement)
        arrangement.end_date = day
        arrangement.full_clean()
        arrangement.save()
        record_event(
            by=by,
            instance=arrangement,
            child=arrangement.child,
            changes=changes(before, arrangement),
        )
    return arrangement
