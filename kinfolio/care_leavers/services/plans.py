"""Pathway plans with their personal adviser and six-monthly reviews, the yearly
information around each birthday from 17 to 21 (SSDA903 OC3), staying put and the
health history handed over (Ofsted, 2012, recommended every care leaver have one)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kinfolio.accounts.models import User
from kinfolio.audit.services.history import snapshot
from kinfolio.care_leavers.models import (
    CareLeaverContact,
    CareLeaverStatus,
    HealthHistoryGiven,
    PathwayPlan,
    PathwayPlanReview,
    StayingPut,
)
from kinfolio.children_in_care.models import PeriodOfCare
from kinfolio.children_in_care.services import records
from kinfolio.fostering.models import FosterHousehold
from kinfolio.people.models import Person
from kinfolio.timescales.services import due_date
from kinfolio.workforce.models import Worker

REVIEW_RULE = "pathway_plan_review_6m"


def _not_future(day: date, field: str) -> None:
    if day > timezone.localdate():
        raise ValidationError({field: "The date must be today or in the past"})


def _care_leaver_on(child: Person, day: date, field: str) -> None:
    """Refuse unless the young person was a care leaver (any category) on ``day``."""
    if not CareLeaverStatus.objects.filter(child=child, start_date__lte=day).exclude(
        end_date__lt=day
    ):
        raise ValidationError(
            {field: "The young person had no care leaver status on that day: record it first"}
        )


def _schedule_review(plan: PathwayPlan, after: date, *, by: User) -> PathwayPlanReview:
    review = PathwayPlanReview(plan=plan, due_date=due_date(REVIEW_RULE, after))
    return records.add(review, child=plan.child, by=by)


def start_pathway_plan(
    *, child: Person, start_date: date, personal_adviser: Worker, by: User
) -> PathwayPlan:
    """A pathway plan agreed on ``start_date`` (from 16, while eligible or after), with
    the personal adviser; its first review is booked six months on."""
    _not_future(start_date, "start_date")
    age = child.age_on(start_date)
    if age is None or age < 16:
        raise ValidationError({"start_date": "A pathway plan starts at 16 or later"})
    looked_after = PeriodOfCare.objects.filter(child=child).covering(start_date).exists()
    if not looked_after:
        _care_leaver_on(child, start_date, "start_date")
    with transaction.atomic():
        if PathwayPlan.objects.select_for_update().filter(child=child, end_date__isnull=True):
            raise ValidationError("This young person already has a current pathway plan.")
        plan = PathwayPlan(child=child, start_date=start_date, personal_adviser=personal_adviser)
        records.add(plan, child=child, by=by)
        _schedule_review(plan, start_date, by=by)
    return plan


def hold_pathway_review(
    *, review: PathwayPlanReview, review_date: date, by: User
) -> PathwayPlanReview:
    """A pathway plan review held on ``review_date``; the next is booked six months on."""
    _not_future(review_date, "review_date")
    with transaction.atomic():
        row = (
            PathwayPlanReview.objects.select_for_update(of=("self",))
            .select_related("plan__child")
            .get(pk=review.pk)
        )
        if row.review_date is not None:
            raise ValidationError("This review is already recorded as held.")
        before = snapshot(row)
        row.review_date = review_date
        records.change(row, before, child=row.plan.child, by=by)
        if row.plan.end_date is None:
            _schedule_review(row.plan, review_date, by=by)
    return row


def record_birthday_contact(
    *,
    child: Person,
    birthday: date,
    contact_date: date | None,
    in_touch: str,
    activity: str,
    accommodation: str,
    by: User,
) -> CareLeaverContact:
    """What the authority knew around the young person's 17th to 21st birthday: in
    touch, main activity (EET) and accommodation, whose code says if it is suitable."""
    if contact_date is not None:
        _not_future(contact_date, "contact_date")
    _care_leaver_on(child, birthday, "birthday")
    with transaction.atomic():
        contact = CareLeaverContact(
            child=child,
            birthday=birthday,
            contact_date=contact_date,
            in_touch=in_touch,
            activity=activity,
            accommodation=accommodation,
        )
        return records.add(contact, child=child, by=by)


def start_staying_put(
    *, child: Person, start_date: date, foster_household: FosterHousehold | None, by: User
) -> StayingPut:
    """Staying on with former foster carers from 18 (checked by the record itself)."""
    _not_future(start_date, "start_date")
    _care_leaver_on(child, start_date, "start_date")
    with transaction.atomic():
        arrangement = StayingPut(
            child=child, start_date=start_date, foster_household=foster_household
        )
        return records.add(arrangement, child=child, by=by)


def record_health_history_given(*, child: Person, given_on: date, by: User) -> HealthHistoryGiven:
    _not_future(given_on, "given_on")
    _care_leaver_on(child, given_on, "given_on")
    with transaction.atomic():
        given = HealthHistoryGiven(child=child, given_on=given_on)
        return records.add(given, child=child, by=by)
