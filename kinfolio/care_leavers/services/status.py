"""A young person's care leaver category (Children (Leaving Care) Act 2000), given when
they leave care at 16 to 18 and recorded by hand as it changes.

Eligible: aged 16 or 17, still looked after, and looked after for at least 13 weeks
since their 14th birthday (the 13 weeks may be in several periods). Relevant: was
eligible and left care at 16 or 17. Former relevant: was eligible or relevant, now 18
to 25. Qualifying: looked after at some time after 16 without the 13 weeks.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kinfolio import codesets
from kinfolio.accounts.models import User
from kinfolio.audit.services.history import snapshot
from kinfolio.care_leavers.models import CareLeaverStatus, Eligibility, birthday_in
from kinfolio.children_in_care.models import PeriodOfCare
from kinfolio.children_in_care.services import records
from kinfolio.people.models import Person
from kinfolio.timescales import care_clocks

# Leaving care by dying or by adoption (REASON_EPISODE_CEASED) makes nobody a care leaver.
NOT_A_CARE_LEAVER = ("E2", "E11", "E12")
assert all(code in codesets.REASON_EPISODE_CEASED for code in NOT_A_CARE_LEAVER)
AGES = {  # (youngest, oldest) age on the day the status starts
    Eligibility.ELIGIBLE: (16, 17),
    Eligibility.RELEVANT: (16, 17),
    Eligibility.FORMER_RELEVANT: (18, 24),
    Eligibility.QUALIFYING: (16, 24),
}


def _birthday(child: Person, age: int) -> date:
    born = child.date_of_birth
    return birthday_in(born, born.year + age)


def eligible_since(child: Person, until: date) -> date | None:
    """The day the child became an eligible child, if they had by ``until`` (the
    timescales engine's rule, which also starts the pathway plan clock)."""
    periods = PeriodOfCare.objects.filter(child=child, start_date__lte=until)
    found = care_clocks.eligible_on(
        child.date_of_birth, list(periods.values_list("pk", "start_date", "end_date")), until
    )
    return found[1] if found else None


def category_on_leaving(child: Person, day: date) -> str | None:
    """The category a young person has on leaving care on ``day``, or None under 16."""
    if child.date_of_birth is None or day < _birthday(child, 16):
        return None
    if eligible_since(child, day) is None:
        return Eligibility.QUALIFYING
    if day < _birthday(child, 18):
        return Eligibility.RELEVANT
    return Eligibility.FORMER_RELEVANT


def _open_new(child: Person, eligibility: str, day: date, *, by: User) -> CareLeaverStatus:
    current = (
        CareLeaverStatus.objects.select_for_update()
        .filter(child=child, end_date__isnull=True)
        .first()
    )
    if current is not None:
        if day <= current.start_date:
            raise ValidationError(
                {
                    "start_date": "The new status must start after the current one "
                    f"({current}) started"
                }
            )
        before = snapshot(current)
        current.end_date = day
        records.change(current, before, child=child, by=by)
    status = CareLeaverStatus(child=child, eligibility=eligibility, start_date=day)
    return records.add(status, child=child, by=by)


def on_leaving_care(*, child: Person, day: date, reason: str, by: User) -> CareLeaverStatus | None:
    """Give the young person leaving care on ``day`` for ``reason`` their care leaver
    status (call inside the transaction that ends the period of care)."""
    category = None if reason in NOT_A_CARE_LEAVER else category_on_leaving(child, day)
    if category is None:
        return None
    return _open_new(child, category, day, by=by)


def record_status(
    *, child: Person, eligibility: str, start_date: date, by: User
) -> CareLeaverStatus:
    """Record the young person's category from ``start_date`` (ending the current one),
    when their age and care history fit it."""
    if eligibility not in AGES:
        raise ValidationError({"eligibility": "Select the care leaver category"})
    if start_date > timezone.localdate():
        raise ValidationError({"start_date": "The date must be today or in the past"})
    if child.date_of_birth is None:
        raise ValidationError("Record the young person's date of birth first.")
    youngest, oldest = AGES[eligibility]
    age = child.age_on(start_date)
    if not youngest <= age <= oldest:
        raise ValidationError(
            {
                "eligibility": f"This category is for young people aged {youngest} to {oldest}; "
                f"they were {age} then"
            }
        )
    looked_after = PeriodOfCare.objects.filter(child=child).covering(start_date).exists()
    if (eligibility == Eligibility.ELIGIBLE) != looked_after:
        raise ValidationError(
            {
                "eligibility": "Eligible young people are still looked after"
                if not looked_after
                else "A young person still looked after at 16 or 17 is eligible"
            }
        )
    needs_13_weeks = eligibility in (Eligibility.ELIGIBLE, Eligibility.RELEVANT)
    if needs_13_weeks and eligible_since(child, start_date) is None:
        raise ValidationError(
            {
                "eligibility": "Eligible and relevant young people were looked after for at "
                "least 13 weeks since their 14th birthday"
            }
        )
    with transaction.atomic():
        return _open_new(child, eligibility, start_date, by=by)


def current_status(child: Person) -> CareLeaverStatus | None:
    return CareLeaverStatus.objects.filter(child=child, end_date__isnull=True).first()
