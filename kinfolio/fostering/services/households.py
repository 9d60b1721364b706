"""A foster household's way from enquiry to approval, its reviews, availability and
deregistration: one service per step, each with its rule, its change history and its
version check (Fostering Services (England) Regulations 2011; the fostering panel
recommends and the agency decision maker approves, regulation 27)."""

from datetime import date
from uuid import uuid4

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kinfolio import codesets
from kinfolio.accounts.models import User
from kinfolio.children_in_care.models import PlacementProvider
from kinfolio.core.writes import create_record, edit_record
from kinfolio.fostering.models import (
    EnquiryClosure,
    FosterHousehold,
    FosteringReview,
    HouseholdStatus,
)
from kinfolio.postcodes.models import normalise_postcode

APPROVED = (HouseholdStatus.APPROVED, HouseholdStatus.ON_HOLD)


def record_enquiry(
    *,
    carers: str,
    postcode: str,
    enquiry_date: date,
    by: User,
    in_house: bool = True,
    connected_persons: bool = False,
    fostering_agency: PlacementProvider | None = None,
) -> FosterHousehold:
    """Someone asks to foster: a household in assessment, at the enquiry stage."""
    errors = {}
    if not carers.strip():
        errors["carers"] = "Enter the names of the people who want to foster"
    if not normalise_postcode(postcode):
        errors["postcode"] = "Enter a real postcode, like MK9 3EJ"
    if in_house and fostering_agency is not None:
        errors["fostering_agency"] = "Only an agency's household names a fostering agency"
    if not in_house and (fostering_agency is None or fostering_agency.provider_type != "ifa"):
        errors["fostering_agency"] = "Select the independent fostering agency"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        household = FosterHousehold(
            reference=f"new-{uuid4().hex[:16]}",
            carers=carers.strip(),
            postcode=normalise_postcode(postcode),
            enquiry_date=enquiry_date,
            in_house=in_house,
            connected_persons=connected_persons,
            fostering_agency=fostering_agency,
        )
        household.full_clean()  # before the first save: PostgreSQL refuses an overlong name
        household.save()
        # The reference follows the row's own number, so two enquiries never share one.
        household.reference = f"FE{household.pk:06d}"
        return create_record(instance=household, by=by)


def start_assessment(
    *, household: FosterHousehold, day: date, by: User, opened_version: int | None = None
) -> FosterHousehold:
    """The assessment (Form F) starts."""
    with edit_record(instance=household, by=by, opened_version=opened_version) as row:
        if row.status != HouseholdStatus.IN_ASSESSMENT or row.assessment_started_on:
            raise ValidationError("This household's assessment has already started.")
        if row.enquiry_date and day < row.enquiry_date:
            raise ValidationError({"day": "The assessment cannot start before the enquiry."})
        row.assessment_started_on = day
    return household


def close_enquiry(
    *,
    household: FosterHousehold,
    day: date,
    reason: str,
    detail: str,
    by: User,
    opened_version: int | None = None,
) -> FosterHousehold:
    """An enquiry or assessment ends before approval: the applicants withdrew, or the
    fostering service did not take it further. The household leaves the active list
    and stays on record with the day, the reason and what happened."""
    errors = {}
    if reason not in EnquiryClosure.values:
        errors["reason"] = (
            "Select whether the applicants withdrew or the service did not progress it"
        )
    if not detail.strip():
        errors["detail"] = "Enter what happened"
    if day > timezone.localdate():
        errors["day"] = "The enquiry cannot close on a day still to come"
    if errors:
        raise ValidationError(errors)
    with edit_record(instance=household, by=by, opened_version=opened_version) as row:
        if row.status != HouseholdStatus.IN_ASSESSMENT:
            raise ValidationError(
                "Only an enquiry not yet approved can be closed: "
                f"this household is {row.stage.lower()}."
            )
        steps = (row.enquiry_date, row.assessment_started_on, row.panel_date)
        latest = max((d for d in steps if d), default=None)
        if latest and day < latest:
            raise ValidationError(
                {"day": f"The enquiry cannot close before {latest:%-d %B %Y}, its last step."}
            )
        row.status, row.closed_on = HouseholdStatus.CLOSED, day
        row.closure_reason, row.closure_detail = reason, detail.strip()
    return household


def approve(
    *,
    household: FosterHousehold,
    panel_date: date,
    approval_date: date,
    approved_places: int,
    age_from: int,
    age_to: int,
    by: User,
    needs_met: list[str] = (),
    opened_version: int | None = None,
) -> FosterHousehold:
    """The panel recommends and the agency decision maker approves the household for a
    number of children in an age range, and the needs it can meet."""
    errors = {}
    # More than three places are terms of approval only: the children placed are held
    # to the usual fostering limit when placed (``limits.check_placement``).
    if approved_places < 1:
        errors["approved_places"] = "Approve at least 1 place"
    if not 0 <= age_from <= age_to <= 17:
        errors["age_to"] = "The age range runs from a younger to an older age, up to 17"
    if set(needs_met) - set(codesets.PLACEMENT_NEED.values):
        errors["needs_met"] = "Select needs from the list"
    if approval_date < panel_date:
        errors["approval_date"] = "The decision to approve cannot be before the panel"
    if errors:
        raise ValidationError(errors)
    with edit_record(instance=household, by=by, opened_version=opened_version) as row:
        if row.status != HouseholdStatus.IN_ASSESSMENT:
            raise ValidationError("This household is already approved or has left fostering.")
        started = row.assessment_started_on
        if started is None:
            raise ValidationError("Record the start of the assessment before the panel.")
        if panel_date < started:
            raise ValidationError({"panel_date": "The panel cannot be before the assessment."})
        row.panel_date, row.approval_date = panel_date, approval_date
        row.approved_places, row.age_from, row.age_to = approved_places, age_from, age_to
        row.needs_met = sorted(set(needs_met))
        row.status = HouseholdStatus.APPROVED
    return household


def record_review(
    *, household: FosterHousehold, review_date: date, approval_continued: bool, by: User
) -> FosteringReview:
    """The annual review of the household's approval (regulation 28)."""
    with transaction.atomic():
        household = FosterHousehold.objects.select_for_update(of=("self",)).get(pk=household.pk)
        if household.status not in APPROVED:
            raise ValidationError("A household is reviewed only while it is approved.")
        review = FosteringReview(
            household=household, review_date=review_date, approval_continued=approval_continued
        )
        return create_record(instance=review, by=by)


def set_availability(
    *, household: FosterHousehold, taking_placements: bool, by: User, opened_version=None
) -> FosterHousehold:
    """An approved household takes placements (its vacancies show in placement search)
    or is on hold (none show)."""
    with edit_record(instance=household, by=by, opened_version=opened_version) as row:
        if row.status not in APPROVED:
            raise ValidationError("Only an approved household takes placements or is on hold.")
        row.status = HouseholdStatus.APPROVED if taking_placements else HouseholdStatus.ON_HOLD
    return household


def deregister(
    *, household: FosterHousehold, day: date, reason: str, by: User, opened_version=None
) -> FosterHousehold:
    """The household leaves fostering; refused while a child is placed with it."""
    if reason not in codesets.DEREGISTRATION_REASON.values:
        raise ValidationError({"reason": "Select why the household is deregistered"})
    with edit_record(instance=household, by=by, opened_version=opened_version) as row:
        if row.status not in APPROVED:
            raise ValidationError("Only an approved household can be deregistered.")
        if day < row.approval_date:
            raise ValidationError({"day": "A household cannot leave before it was approved."})
        if row.care_episodes.filter(end_date__isnull=True).exists():
            raise ValidationError(
                "A child is placed with this household: record their move before deregistering."
            )
        row.status, row.deregistered_on = HouseholdStatus.DEREGISTERED, day
        row.deregistration_reason = reason
    return household
